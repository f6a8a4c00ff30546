#!/usr/bin/env python3
"""Fit the answer-confidence model (knowledge/confidence.py) and print its curve.

    python benchmarks/fit_confidence.py            # cross-validated curve, nothing written
    python benchmarks/fit_confidence.py --write    # also store knowledge/vocab/confidence.json

Data: every question set of tests/search_sets.py that is present (the shared dev sets, the
team's dev sets, our own questions about real notices), asked of the knowledge base it was
written for — the seed sets also of the larger one, as a deployment would have them — plus
generated noise (random letters, single characters). Each asked question gives the
evidence of its best item and whether that item is right (never, out of scope).

A logistic regression over the evidence (standardised, L2) is fitted with repeated 5-fold
cross-validation: the curve below is out-of-fold, so it shows what to expect on questions
the model did not see. The threshold is the lowest that keeps confidently-wrong answers at
or under the target share of all questions (5% by the project's rule; a margin below it is
kept because new notices and phrasings are harder than the dev sets).

Its folds are random rows, so every set lends rows to training: to see what carries over to new
sets, check a refit leaving one set out (benchmarks/confidence_table.py, then
benchmarks/loso_confidence.py --features "…"), before writing it.

Why hand-written: a dozen features and a few hundred rows need twenty lines of Newton's
method; scikit-learn would be a 40 MB dependency for that.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import string
import sys

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from knowledge.confidence import MODEL_FILE  # noqa: E402

# The stored model's features. Also measured (knowledge/confidence.py), and tried with
# FIT_FEATURES="…" on the dev sets of 2026-11: `lead` (margin x coverage) in place of margin,
# `doc_margin` and `en_unsummarised`; refitted with them the out-of-fold curve was the same
# (coverage 0.832-0.838 at 4% against 0.829) while the real-notice dev sets lost 3-8 points of
# top-1 for no fewer confident errors, so the stored model keeps these.
# `kind_missed` is not among them: it acts as a rule (knowledge.confidence.overruled), and
# fitted into the model it cost top-1 on held-out sets.
# Refitted on 2026-11-25 (branch declines, every dev set with fresh4, 1,433 questions) the model
# draws a better curve than the stored one on those sets (about 700 right for 70 confidently
# wrong against 687; out of fold 683 / 69 at the 5% threshold 0.609), mostly by weighing
# `context` less (it was fitted when 4% of best items were context, now 16%) and `strength` and
# `short` less too. It was not stored: with those two weighed less it answers "thời tiết hôm nay"
# from a two-item knowledge base and "hom nay troi co mua ko" from the seeds (tests/
# test_search_unseen.py, tests/test_qa_newuser.py) — no dev set asks everyday questions of a
# small knowledge base — and on the held-aside parts it traded 5 right answers for 5 errors.
# Refitted again on 2026-11-25 (branch refit) with everyday and noise questions asked of small
# knowledge bases (tests/oos_small_kb.tsv: the seeds alone, the seeds and one notice, two notices
# without seeds; 1,513 questions): out of fold at the 5% threshold 0.614, 691 right / 75 wrong.
# Not stored either: the small-knowledge-base questions are easy to decline (low coverage) so they
# did not bring `strength` back (1.09 -> 0.31 standardised); "hom nay troi co mua ko" (every word
# matched once accents are folded, coverage 1.0, strength 0.35) was still answered from the seeds
# and "thời tiết hôm nay" from a two-item base; dev2's English floor (0.844 < 0.85) and
# real_dev3's top-1 floor (0.815 < 0.84) failed; on the held-aside parts en3 went 4.8 -> 9.5%
# confidently wrong and most parts lost right answers. Refitting `context` and the bias alone
# (others held) only moved the bias. The protection these questions need is evidence the model
# lacks (a match made only of accent-folded syllables), not more rows.
FEATURES = os.environ.get("FIT_FEATURES", "").split() or [
    "coverage", "own_coverage", "passage", "rare_missed", "unknown", "strength", "margin", "agreement",
    "named_missed", "named_hit", "accent_mismatch", "context", "english", "short"]
# The direction each piece of evidence must push: a feature whose fitted weight comes out the
# other way is fitting the dev sets' accidents, not a rule that carries over; it is dropped.
SIGNS = {"coverage": +1, "own_coverage": +1, "passage": +1, "rare_missed": -1, "unknown": -1, "strength": +1,
         "margin": +1, "doc_margin": +1, "lead": +1, "agreement": +1, "named_missed": -1, "named_hit": +1, "accent_mismatch": -1, "context": -1,
         "kind_missed": -1}
L2 = 1.0
FOLDS, REPEATS = 5, 8
TARGET_WRONG = 0.04         # confidently wrong over all questions, out of fold (the rule: 5%)
REAL_TARGET = 1.0           # ... on the real-notice sets alone (--real-target 0.05: 0.810
                            # coverage, and real-notice top-1 down 12 points for one error less)
REAL_SETS = {"search_real", "real_dev", "real_dev3", "trust", "en", "fresh2", "fresh", "en2", "en3", "fresh3", "fresh4"}


def noise(rng: random.Random, n: int) -> list[str]:
    """Random strings as people mash keys, single characters, digits."""
    out = list("1 y ô a k ? 9 x đ ok? ... 123 zz".split(" "))
    letters = string.ascii_lowercase + "ăâđêôơưáàảãạéèẻẽẹóòỏõọúùủũụíìỉĩị"
    while len(out) < n:
        words = ["".join(rng.choice(letters) for _ in range(rng.randint(2, 9)))
                 for _ in range(rng.randint(1, 4))]
        out.append(" ".join(words))
    return out


def collect(seed_only: bool = False):
    """(set, in_scope, correct, answered-possible, Evidence | None) for every question."""
    from tests import search_sets as qs

    rows = []
    rng = random.Random(7)
    junk = noise(rng, 80)
    for kb in ("seed",) if seed_only else ("seed", "real", "offtopic", "trust", "en", "fresh2", "fresh", "en2",
                                              "en3", "fresh3", "fresh4", "small_a", "bare_b"):
        searcher = qs.searcher_for(kb)
        for s in qs.SETS:
            if not qs.available(s) or (s.kb != "seed" and s.kb != kb) or (s.kb == "seed" and kb not in ("seed", "real")):
                continue
            for a in qs.ask_set(searcher, s):
                rows.append((f"{s.name}@{kb}", a.in_scope, a.correct, a.answer, a.question))
        for q in junk if kb in ("seed", "real") else ():
            rows.append((f"noise@{kb}", False, False, searcher.ask(q), q))
    return rows


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2) -> tuple[np.ndarray, float]:
    """Logistic regression whose weights keep the signs of SIGNS: fitted, then refitted
    without the features that came out the wrong way, until none does."""
    keep = np.ones(x.shape[1], dtype=bool)
    while True:
        w = np.zeros(x.shape[1])
        w[keep], b = _newton(x[:, keep], y, l2)
        wrong = [k for k, f in enumerate(FEATURES) if keep[k] and SIGNS.get(f, 0) * w[k] < 0]
        if not wrong:
            return w, b
        keep[wrong] = False


def _newton(x: np.ndarray, y: np.ndarray, l2: float) -> tuple[np.ndarray, float]:
    """Logistic regression by Newton's method; the bias is not penalised."""
    n, d = x.shape
    X = np.hstack([x, np.ones((n, 1))])
    w = np.zeros(d + 1)
    penalty = np.full(d + 1, l2)
    penalty[-1] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(X @ w, -30, 30)))
        grad = X.T @ (p - y) + penalty * w
        hess = (X * (p * (1 - p))[:, None]).T @ X + np.diag(penalty) + 1e-9 * np.eye(d + 1)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def standardise(x: np.ndarray):
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-6] = 1.0
    return mean, scale


def out_of_fold(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Mean out-of-fold probability of every row over repeated stratified folds."""
    total = np.zeros(len(y))
    for repeat in range(REPEATS):
        rng = np.random.default_rng(repeat)
        fold = np.zeros(len(y), dtype=int)
        for label in (0, 1):
            idx = np.flatnonzero(y == label)
            rng.shuffle(idx)
            fold[idx] = np.arange(len(idx)) % FOLDS
        for k in range(FOLDS):
            train, test = fold != k, fold == k
            mean, scale = standardise(x[train])
            w, b = fit((x[train] - mean) / scale, y[train])
            total[test] += 1 / (1 + np.exp(-(((x[test] - mean) / scale) @ w + b)))
    return total / REPEATS


def curve(p: np.ndarray, correct: np.ndarray, in_scope: np.ndarray, n_all: int, forced: int):
    """For each threshold: coverage (in-scope questions answered right), precision of the
    answered, confidently wrong over all questions (forced = rows that can never be answered)."""
    out = []
    n_in = int(in_scope.sum())
    for t in sorted(set(np.round(p, 3)) | {0.5}):
        answered = p >= t
        right = int((answered & correct).sum())
        wrong = int((answered & ~correct).sum())
        out.append((float(t), right / max(1, n_in), right / max(1, right + wrong), wrong / max(1, n_all), right, wrong))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", action="store_true", help="store the fitted model")
    ap.add_argument("--target", type=float, default=TARGET_WRONG)
    ap.add_argument("--real-target", type=float, default=REAL_TARGET,
                    help="confidently wrong at most, on the real-notice sets alone")
    ap.add_argument("--show", action="store_true", help="list the out-of-fold mistakes")
    ap.add_argument("--quick", action="store_true", help="the seed sets only (a smoke run; never --write)")
    args = ap.parse_args()
    if args.quick and args.write:
        ap.error("--quick fits on the seed sets only: not a model to store")
    rows = collect(seed_only=args.quick)
    usable = [(s, ins, ok, a, q) for s, ins, ok, a, q in rows if a.evidence is not None and not a.missing]
    forced = len(rows) - len(usable)
    x = np.array([a.evidence.vector(FEATURES) for *_, a, _ in usable])
    y = np.array([ok for _, _, ok, _, _ in usable], dtype=float)
    in_scope = np.array([ins for _, ins, _, _, _ in usable])
    sets = sorted({s for s, *_ in rows})
    print(f"{len(rows)} questions ({sum(r[1] for r in rows)} in scope) from {', '.join(sets)}; "
          f"{forced} never answerable (no words, or naming what no notice mentions)")
    p = out_of_fold(x, y)
    points = curve(p, y.astype(bool), in_scope, len(rows), forced)
    print(f"{'threshold':>9} {'coverage':>8} {'precision':>9} {'conf.wrong':>10}  (out of fold)")
    shown = set()
    for t, cov, prec, wrong, right, bad in points:
        key = round(cov, 2)
        if key in shown and t != 0.5:
            continue
        shown.add(key)
        print(f"{t:>9.3f} {cov:>8.3f} {prec:>9.3f} {wrong:>10.3f}   {right} right, {bad} wrong")
    # The questions about real notices of other topics (the sets asked of the larger knowledge
    # base) are what a deployment meets: their confidently-wrong share must keep the target
    # too, not only the average that the easier seed sets pull down.
    real = np.array([s.split("@")[0] in REAL_SETS for s, *_ in usable])
    n_real = sum(1 for s, *_ in rows if s.split("@")[0] in REAL_SETS)
    real_points = curve(p[real], y[real].astype(bool), in_scope[real], n_real, 0)
    real_wrong = {t: w for t, _, _, w, _, _ in real_points}
    ok = [pt for pt in points if pt[3] <= args.target
          and max((w for t, w in real_wrong.items() if t >= pt[0]), default=0.0) <= args.real_target]
    threshold = min(pt[0] for pt in ok) if ok else 0.99
    chosen = next(pt for pt in points if pt[0] == threshold)
    print(f"threshold {threshold:.3f}: coverage {chosen[1]:.3f}, precision {chosen[2]:.3f}, "
          f"confidently wrong {chosen[3]:.3f} (target {args.target})")
    for name in sorted({s for s, *_ in rows}):
        sel = np.array([s == name for s, *_ in usable])
        n = sum(1 for s, *_ in rows if s == name)
        right = int(((p >= threshold) & sel & (y == 1)).sum())
        bad = int(((p >= threshold) & sel & (y == 0)).sum())
        print(f"  {name:18s} {n:4d} questions: right {right / max(1, int((sel & in_scope).sum())):.3f} "
              f"of in scope, confidently wrong {bad / max(1, n):.3f} ({bad})")
    if args.show:
        for (s, ins, ok_, a, q), pr in sorted(zip(usable, p), key=lambda z: -z[1]):
            if (pr >= threshold) != bool(ok_):
                print(f"  {'WRONG' if pr >= threshold else 'missed'} {pr:.2f} {s} {q[:70]!r}")
    mean, scale = standardise(x)
    w, b = fit((x - mean) / scale, y)
    print("weights (standardised):", ", ".join(f"{f} {v:+.2f}" for f, v in zip(FEATURES, w)), f"bias {b:+.2f}")
    if args.write:
        data = {"features": FEATURES, "weights": [round(float(v), 4) for v in w], "bias": round(b, 4),
                "threshold": round(threshold, 3), "mean": [round(float(v), 5) for v in mean],
                "scale": [round(float(v), 5) for v in scale]}
        with open(MODEL_FILE, encoding="utf-8") as f:         # chosen by benchmarks/en_unsummarised.py
            data["en_unsummarised_margin"] = json.load(f).get("en_unsummarised_margin", 0.0)
        with open(MODEL_FILE, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=1)
            f.write("\n")
        print(f"written {os.path.relpath(MODEL_FILE, ROOT)}")


if __name__ == "__main__":
    main()
