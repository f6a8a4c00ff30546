#!/usr/bin/env python3
"""Choose the confidence an English answer from a notice WITHOUT English summary must reach.

    python3 benchmarks/en_unsummarised.py            # collect, print the curve and the choice
    python3 benchmarks/en_unsummarised.py --rows F   # reuse rows saved by an earlier run
    python3 benchmarks/en_unsummarised.py --quick    # two sets only (the test suite's run)

Why: an English question answered from an imported notice (no English summary) is vouched for
only by the glossary's translation; on the real-notice dev sets those answers were wrong far
more often than the model's probability said (issue 9: at most 5% confidently wrong). The
model's probability stays the evidence; such answers only need more of it.

Data: the English questions (in scope and out of scope) of the DEV sets only — the shared dev
sets and seed_dev (seed notices), en, en2, en3, fresh, fresh2, trust (each asked of its notices
and the seeds). The aside sets (*_hold) are never read. Each row: whether the bot answers it
today, whether its top item is right, the model's probability, and whether the item lacks an
English summary, its lead over the runner-up (`margin`). Two requirements for such answers
are compared: a higher probability, and a lead over the runner-up. For each, the curve over
all rows, then leave one set out (the lowest requirement keeping confidently-wrong answers at
or under 5% of the other sets' questions, scored on the left-out set), then the pooled choice.
The stored value (knowledge/vocab/confidence.json, en_unsummarised_margin) is 0, off: see
knowledge.confidence.overruled for the figures of 2026-11-24 and why.
"""
from __future__ import annotations

import argparse
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

TARGET = 0.05
EXTRA = [("en2", "questions_real_en2.tsv", "oos_real_en2.tsv", "real_docs_en2.txt"),
         ("fresh", "questions_real_fresh.tsv", "oos_real_fresh.tsv", "real_docs_fresh.txt"),
         ("en3", "questions_real_en3.tsv", "oos_real_en3.tsv", "real_docs_en3.txt")]


def collect(quick: bool = False) -> list[dict]:
    """Ask every English dev question as the bot would WITHOUT the margin rule."""
    from dataclasses import replace

    import knowledge.confidence as confidence
    from tests import search_sets as qs

    stored = confidence.model()
    confidence.model = lambda: replace(stored, en_unsummarised_margin=0.0)

    here = os.path.join(ROOT, "tests")
    sets = [s for s in qs.SETS if s.name in ("dev", "dev2", "seed_dev", "search_real", "real_dev", "real_dev3", "offtopic",
                                              "en", "fresh2", "trust")]
    sets += [qs.QuestionSet(n, f"{here}/{q}", f"{here}/{o}", n, f"{here}/{d}") for n, q, o, d in EXTRA]
    if quick:                                    # the test suite's run: two sets, the seeds and one set of notices
        sets = [s for s in sets if s.name in ("dev", "en")]
    rows = []
    by_kb: dict[str, list] = {}
    for s in sets:
        by_kb.setdefault(s.kb, []).append(s)
    for kb, group in by_kb.items():
        import tempfile
        from knowledge.db import open_database
        from knowledge.loader import ensure_seeded
        from knowledge.search import Searcher
        open_database(f"sqlite:///{tempfile.mkdtemp()}/q.db")
        ensure_seeded()
        if kb != "seed":
            qs.import_real(sets=group, kb=kb)
        searcher = Searcher.from_database()
        for s in group:
            for a in qs.ask_set(searcher, s):
                ans = a.answer
                if ans.lang != "en" or a.lang not in ("en", ""):
                    continue
                ev = ans.evidence
                rows.append({"set": s.name, "q": a.question, "in_scope": a.in_scope, "correct": a.correct,
                             "answered": bool(ans.answered),
                             "score": float(ans.hits[0].score) if ans.hits else 0.0,
                             "unsum": bool(ev is not None and ev.en_unsummarised),
                             "margin": ev.margin if ev else 0.0, "doc_margin": ev.doc_margin if ev else 0.0,
                             "evidence": dict(vars(ev)) if ev else {}})
        print(f"collected {kb}: {len(rows)} rows so far", flush=True)
    return rows


def outcome(rows, t, key):
    """(right, wrong) answers when answers from unsummarised items need `key` >= t."""
    right = wrong = 0
    for r in rows:
        ok = r["answered"] and (not r["unsum"] or r[key] >= t)
        right += ok and r["correct"]
        wrong += ok and not r["correct"]
    return right, wrong


def candidates(rows, key, floor):
    return sorted({floor} | {round(r[key], 3) + 0.001 for r in rows
                             if r["unsum"] and r["answered"] and r[key] >= floor})


def choose(rows, key, floor):
    """The lowest requirement keeping confidently-wrong answers at or under TARGET."""
    for t in candidates(rows, key, floor):
        if outcome(rows, t, key)[1] <= TARGET * len(rows):
            return t
    return 1.001


def report(rows, key, floor):
    n_in = sum(r["in_scope"] for r in rows)
    print(f"\n== requirement on {key} for answers from items without English summary ==")
    print(f"{key:>9} {'coverage':>8} {'precision':>9} {'conf.wrong':>10}")
    for t in candidates(rows, key, floor):
        right, wrong = outcome(rows, t, key)
        print(f"{t:>9.3f} {right / n_in:>8.3f} {right / max(1, right + wrong):>9.3f} {wrong / len(rows):>10.3f}"
              f"   {right} right, {wrong} wrong")
    totals = [0, 0, 0, 0]
    for name in sorted({r["set"] for r in rows}):
        test = [r for r in rows if r["set"] == name]
        t = choose([r for r in rows if r["set"] != name], key, floor)
        (r0, w0), (r1, w1) = outcome(test, floor, key), outcome(test, t, key)
        totals = [a + b for a, b in zip(totals, (r0, r1, w0, w1))]
        print(f"  leave out {name:9s} ({len(test):3d}): {key} >= {t:.3f}  right {r0}->{r1}, wrong {w0}->{w1}")
    print(f"  left-out sets together: right {totals[0]}->{totals[1]}, wrong {totals[2]}->{totals[3]}")
    t = choose(rows, key, floor)
    right, wrong = outcome(rows, t, key)
    print(f"pooled choice {key} >= {t:.3f}: {right} right, {wrong} wrong ({wrong / len(rows):.3f})")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", help="read rows saved by --save instead of asking")
    ap.add_argument("--save", help="store the collected rows (JSON)")
    ap.add_argument("--quick", action="store_true", help="only the shared dev set and the en set")
    args = ap.parse_args()
    from knowledge.confidence import model
    stored = model().en_unsummarised_margin
    if args.rows:
        with open(args.rows, encoding="utf-8") as f:
            rows = json.load(f)
    else:
        rows = collect(args.quick)
        if args.save:
            with open(args.save, "w", encoding="utf-8") as f:
                json.dump(rows, f, ensure_ascii=False)
    print(f"{len(rows)} English questions ({sum(r['in_scope'] for r in rows)} in scope); answered today "
          f"from items without English summary: {sum(r['unsum'] and r['answered'] for r in rows)}")
    report(rows, "score", model().threshold)     # collect() leaves the stored threshold
    report(rows, "margin", 0.0)
    print(f"stored: en_unsummarised_margin {stored}")


if __name__ == "__main__":
    main()
