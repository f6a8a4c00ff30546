#!/usr/bin/env python3
"""Every dev question of every set, asked as /tmp/measure.sh asks it, with its best item's
evidence and what the search decided: the table the confidence model is fitted and
cross-validated on (benchmarks/fit_confidence.py --table).

    python3 benchmarks/confidence_table.py OUT.jsonl [--hold] [--only NAME ...]
    python3 benchmarks/confidence_table.py --quick [OUT.jsonl]    # two small seed sets (a smoke run)

One JSON line per question: set, family (seed, real, en), id, lang, question, in_scope,
correct (the first item holds an expected phrase), top3, answered, p (the model's
probability), the evidence, and the gates that declined it apart from the model
(`overruled`, `missing`, `other`: noise, a lone unaccented syllable, a clashing ordinal, an
English question mostly untranslated, a body absent from the notice). The seed sets are asked
of the seeds alone, the real-notice sets of the seeds and their notices (tests/eval_real.py),
the small-knowledge-base questions of theirs (tests/search_sets.py). `--hold` asks the
held-aside parts instead (at the end of a change, once).
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from tests import search_sets as qs  # noqa: E402

T = os.path.join(ROOT, "tests")
EVAL = qs.EVAL_DIR
SEEDS = ["", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]
REAL = ["dev", "dev3", "trust", "fresh", *[f"fresh{n}" for n in range(2, 11)]]
ENGLISH = ["en", *[f"en{n}" for n in range(2, 12)]]


def sets(hold: bool) -> list[tuple[str, str, qs.QuestionSet]]:
    """(name, family, set) of every part /tmp/measure.sh scores (dev or hold)."""
    h = "_hold" if hold else ""
    out = []
    if not hold:
        out += [("dev1", "seed", qs.QuestionSet("dev1", f"{EVAL}/questions-dev.tsv", f"{EVAL}/out-of-scope-dev.tsv", "seed")),
                ("dev2", "seed", qs.QuestionSet("dev2", f"{EVAL}/questions-dev2.tsv", f"{EVAL}/out-of-scope-dev2.tsv", "seed"))]
    for n in SEEDS:
        if hold and n == "":
            continue
        oos = None if n == "2" else f"{T}/oos_seed_dev{n}{h}.tsv"
        out.append((f"seed{n}{'h' if hold else ''}", "seed",
                    qs.QuestionSet(f"seed{n}", f"{T}/questions_seed_dev{n}{h}.tsv", oos, "seed")))
    for s in REAL + ENGLISH:
        if hold and not os.path.exists(f"{T}/questions_real_{s}_hold.tsv"):
            continue
        docs = f"{T}/real_docs_{s}{h if s == 'dev3' else ''}.txt"
        out.append((s + ("h" if hold else ""), "en" if s in ENGLISH else "real",
                    qs.QuestionSet(s, f"{T}/questions_real_{s}{h}.tsv", f"{T}/oos_real_{s}{h}.tsv", "own", docs)))
    out.append(("offt" + ("h" if hold else ""), "real",
                qs.QuestionSet("offt", None if hold else f"{T}/questions_real_dev.tsv",
                               f"{T}/oos_offtopic_{'hold' if hold else 'dev'}.tsv", "own", f"{T}/real_docs_offtopic.txt")))
    for s in (qs.HOLD_SMALL if hold else [s for s in qs.SETS if s.name.startswith("small_")]):
        out.append((s.name, "small", s))
    if not hold:
        out.append(("everyday", "seed", next(s for s in qs.SETS if s.name == "everyday")))
    return out


def searcher(s: qs.QuestionSet):
    """The seeds and the set's own notices (as tests/eval_real.py), or the set's knowledge base."""
    if s.kb != "own":
        return qs.searcher_for(s.kb)
    from knowledge.db import open_database
    from knowledge.loader import ensure_seeded, import_file
    from knowledge.search import Searcher

    open_database(f"sqlite:///{tempfile.mkdtemp()}/questions.db")
    ensure_seeded()
    for path in qs.listed_docs(s.docs):
        try:
            import_file(path)
        except Exception as e:   # as eval_real: a failed import is left out
            print(f"IMPORT FAILED {path}: {e}", file=sys.stderr)
    return Searcher.from_database()


def open_gates() -> float:
    """Ask with the model's threshold at 0, so that `answered` tells whether every gate but the
    model lets the best item through; a newer notice still goes first only past the real
    threshold (knowledge.reach.newer_rival). Returns the real threshold."""
    from dataclasses import replace

    import knowledge.search as search
    from knowledge.confidence import model
    from knowledge.reach import newer_rival

    real = model()
    search.model = lambda: replace(real, threshold=0.0)
    search.newer_rival = lambda hits, ranks, _t: (newer_rival(hits, ranks, real.threshold)
                                                  if hits and hits[0].score >= real.threshold else None)
    return real.threshold


def row(name: str, family: str, a: qs.Asked, threshold: float) -> dict:
    from knowledge.confidence import overruled

    ans = a.answer
    ev = ans.evidence
    p = ans.hits[0].score if ans.hits else 0.0
    gate = ""
    if not ans.answered:
        if ans.missing:
            gate = "missing"
        elif ans.smalltalk:
            gate = "smalltalk"
        elif ans.fact:
            gate = "fact"
        elif not ans.hits or ev is None:
            gate = "nohits"
        elif overruled(ev):
            gate = "overruled"
        else:
            gate = "other"
    return {"set": name, "family": family, "id": a.id, "lang": a.lang, "question": a.question,
            "in_scope": a.in_scope, "correct": a.correct, "top3": a.top3,
            "open": ans.answered, "answered": ans.answered and p >= threshold,
            "p": round(p, 4), "gate": gate, "fact": bool(ans.fact), "nationwide": bool(ans.nationwide),
            "ev": dataclasses.asdict(ev) if ev is not None else None}


QUICK = ("dev1", "seed2", "seed3")


def write(out: str, hold: bool = False, only=None) -> None:
    threshold = open_gates()
    with open(out, "w", encoding="utf-8") as f:
        for name, family, s in sets(hold):
            if only and name not in only:
                continue
            engine = searcher(s)
            asked = qs.ask_set(engine, s)
            for a in asked:
                f.write(json.dumps(row(name, family, a, threshold), ensure_ascii=False) + "\n")
            f.flush()
            right = sum(a.correct and a.answer.answered and a.answer.hits[0].score >= threshold for a in asked)
            wrong = sum(not a.correct and a.answer.answered and a.answer.hits[0].score >= threshold for a in asked)
            n_in = sum(a.in_scope for a in asked)
            print(f"{name:10s} top1 {right / max(1, n_in):.3f} cw {wrong / max(1, len(asked)):.3f} "
                  f"({len(asked)} questions)", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", nargs="?")
    ap.add_argument("--hold", action="store_true")
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--quick", action="store_true", help=f"only {', '.join(QUICK)}")
    args = ap.parse_args()
    if not args.out and not args.quick:
        ap.error("OUT.jsonl is needed")
    write(args.out or os.path.join(tempfile.mkdtemp(), "table.jsonl"), args.hold, QUICK if args.quick else args.only)


if __name__ == "__main__":
    main()
