"""Draw the annotated sample of ../shared/real-notices/ (run once; its output is in README.md).

Stratified by kind (the file prefix), with a fixed seed, skipping files over 25,000
characters; then split within each kind into dev (tests/data/real_annotations/) and
held-out (tests/heldout/real_annotations/) with a second fixed seed.

    python3 tests/data/real_annotations/select_sample.py [../shared/real-notices]
"""
from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

SEED = 20251201
MAX_CHARS = 25_000
# stratum -> (file prefixes, how many to draw, how many of those go to dev)
STRATA = {
    "công điện": (("cd",), 8, 5),
    "chỉ thị": (("ct",), 6, 4),
    "thông báo / thông báo kết luận": (("tb", "tbkl"), 8, 5),
    "kết luận": (("kl",), 6, 4),
    "kế hoạch": (("kh",), 6, 4),
    "công văn": (("cv",), 6, 3),
}


def select(folder: Path) -> tuple[list[str], list[str]]:
    with open(folder / "INDEX.tsv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    draw, split = random.Random(SEED), random.Random(SEED + 1)
    dev, heldout = [], []
    for prefixes, n, n_dev in STRATA.values():
        pool = sorted(r["file"] for r in rows
                      if r["file"].split("-")[0] in prefixes and int(r["chars"]) <= MAX_CHARS)
        chosen = draw.sample(pool, n)
        split.shuffle(chosen)
        dev += sorted(chosen[:n_dev])
        heldout += sorted(chosen[n_dev:])
    return dev, heldout


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/real-notices")
    dev, heldout = select(folder)
    print("dev:", *dev, sep="\n  ")
    print("heldout:", *heldout, sep="\n  ")
