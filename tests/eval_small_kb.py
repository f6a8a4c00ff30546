#!/usr/bin/env python3
"""Score the small-knowledge-base sets (tests/search_sets.py, "small_*"), dev and held-aside
parts: everyday questions asked of the seeds alone, of the seeds and one real notice, and of two
real notices without the seeds.

    python3 tests/eval_small_kb.py [--show]

Not collected by pytest: its figures are measurements; the floor is in tests/test_search_small_kb.py.
"""
from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from tests import search_sets as qs  # noqa: E402


def main() -> None:
    show = "--show" in sys.argv
    parts = {"dev": [s for s in qs.SETS if s.name.startswith("small_")], "hold": qs.HOLD_SMALL}
    for part, sets in parts.items():
        rows = []
        for s in sets:
            asked = qs.ask_set(qs.searcher_for(s.kb), s)
            rows += asked
            f = qs.summary(asked)
            print(f"  {s.name:20s} top1 {f['top1']:.3f} of {f['questions']}, declined {f['declined']:.3f} "
                  f"of {f['out_of_scope']}, confidently wrong {f['wrong']}")
            for r in asked if show else ():
                if r.answer.answered != r.correct:
                    print(f"     {'WRONG' if r.answer.answered else 'declined'} {r.question!r}")
        f = qs.summary(rows)
        right = sum(1 for r in rows if r.in_scope and r.answer.answered and r.correct)
        print(f"{part}: top1 {f['top1']:.3f} ({right}/{f['questions']}), out of scope declined {f['declined']:.3f} "
              f"of {f['out_of_scope']}, confidently wrong {f['wrong']} ({f['confidently_wrong']:.3f})")


if __name__ == "__main__":
    main()
