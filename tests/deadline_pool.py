"""Pooled deadline figures over every annotation batch (issue 8).

Each batch alone is small (a few dated deadlines), so a change's effect on deadline recall and on
"dates found right" is read on the pool: all development parts (`tests/data/real_annotations*/*.json`)
and, apart, all held-out parts (`tests/data/real_annotations*/holdout/*.json`, never `tests/heldout/`).
The held-out pool is only to be scored, not read: it prints totals, never a miss.

    python3 -m tests.deadline_pool [--dev | --holdout] [--by-batch]
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tests.parser_eval import ROOT, Totals, evaluate

DATA = ROOT / "tests" / "data"


def folders(part: str) -> list[Path]:
    """The annotation folders of one part: 'dev' (each batch's own folder) or 'holdout' (each batch's holdout/)."""
    batches = sorted(p for p in DATA.glob("real_annotations*") if p.is_dir())
    if part == "dev":
        return batches
    return [p / "holdout" for p in batches if (p / "holdout").is_dir()]


def pooled(part: str, by_batch: bool = False) -> dict:
    docs = []
    for folder in folders(part):
        totals = evaluate(folder)
        if by_batch:
            f = totals.figures
            print(f"  {folder.relative_to(DATA)}: recall {f['deadlines_found']}/{f['deadlines_annotated']}, "
                  f"right {f['deadlines_right']}/{f['deadlines_parsed']}")
        docs.extend(totals.docs)
    return Totals(docs).figures


def line(part: str, f: dict) -> str:
    return (f"{part}: {f['documents']} documents, deadline recall {100 * f['deadline_recall']:.1f}% "
            f"({f['deadlines_found']}/{f['deadlines_annotated']}), dates found right "
            f"{100 * f['deadline_precision']:.1f}% ({f['deadlines_right']}/{f['deadlines_parsed']}), "
            f"recurring {f['recurring_found']}/{f['recurring_annotated']}, items {f['items_matched']}/"
            f"{f['items_predicted']}/{f['items_annotated']}, header {f['header_right']}/{f['documents']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    which = ap.add_mutually_exclusive_group()
    which.add_argument("--dev", action="store_true")
    which.add_argument("--holdout", action="store_true")
    ap.add_argument("--by-batch", action="store_true")
    args = ap.parse_args(argv)
    parts = ["dev"] if args.dev else ["holdout"] if args.holdout else ["dev", "holdout"]
    for part in parts:
        print(line(part, pooled(part, args.by_batch)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
