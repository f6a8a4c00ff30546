"""Robustness of the deadline reader to the ways officials write a deadline (issue 8).

`tests/data/deadline_forms.tsv` holds short task sentences written by hand in the style of notices
(công điện, chỉ thị, kế hoạch, thông báo kết luận, công văn): each deadline form in its several spellings
("trước ngày", "chậm nhất là", "không quá 17 giờ ngày", 30/11/2025, 30-11-2025, "ngày 30 tháng 11 năm 2025",
"quý IV/2025", "trước Tết Nguyên đán", "trước ngày 15 hằng tháng", weekdays, "trong vòng 05 ngày làm việc kể từ
ngày nhận được …", lunar dates) and sentences whose dates are no deadline (forecasts, past events, cited
documents, periods). Columns: id, split (dev / hold: the hold third is scored, never tuned on), the notice's
date, the sentence, the expected due dates (`;`-separated, empty: no deadline), whether it recurs, why.

Each sentence is read as one item of a notice of that date (knowledge.dates.find_deadlines). Per split:
recall (expected dates found), dates found right (found dates the row expects), false deadlines (dates
found in sentences that have none) and recurring duties marked as such.

    python3 -m tests.deadline_forms [--show-misses]      # misses are shown for the dev split only
"""
from __future__ import annotations

import argparse
import csv
import sys
from datetime import date
from pathlib import Path

from knowledge.dates import DateOutOfRange, find_deadlines

FORMS = Path(__file__).resolve().parent / "data" / "deadline_forms.tsv"


def rows(path: Path = FORMS) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def read(row: dict) -> list:
    """The deadlines found in the row's sentence, read as an item of a notice of its date."""
    notice = date.fromisoformat(row["doc_date"])
    try:
        return find_deadlines(row["sentence"], notice, dated=True, today=notice)
    except DateOutOfRange:
        return []


def score(split: str, path: Path = FORMS) -> dict:
    s = {"rows": 0, "expected": 0, "found": 0, "parsed": 0, "right": 0, "negatives": 0, "false_rows": 0,
         "false_dates": 0, "recurring": 0, "recurring_found": 0, "misses": [], "wrong": []}
    for row in rows(path):
        if row["split"] != split:
            continue
        s["rows"] += 1
        expected = {d.strip() for d in row["expected"].split(";") if d.strip()}
        found = read(row)
        dates = {f.due.isoformat() for f in found}
        s["expected"] += len(expected)
        s["found"] += len(expected & dates)
        s["parsed"] += len(dates)
        s["right"] += len(dates & expected)
        if not expected:
            s["negatives"] += 1
            s["false_rows"] += bool(dates)
            s["false_dates"] += len(dates)
        if row["recurring"] == "1":
            s["recurring"] += 1
            s["recurring_found"] += any(f.recurrence for f in found)
        if expected - dates or dates - expected or (row["recurring"] == "1" and not any(f.recurrence for f in found)):
            s["misses"].append(f'{row["id"]} want {sorted(expected) or "-"} got {sorted(dates) or "-"}  '
                               f'[{row["why"]}] {row["sentence"]}')
    s["recall"] = s["found"] / s["expected"] if s["expected"] else 1.0
    s["precision"] = s["right"] / s["parsed"] if s["parsed"] else 1.0
    return s


def line(split: str, s: dict) -> str:
    return (f"{split}: {s['rows']} sentences, recall {100 * s['recall']:.1f}% ({s['found']}/{s['expected']}), "
            f"dates found right {100 * s['precision']:.1f}% ({s['right']}/{s['parsed']}), false deadlines "
            f"{s['false_rows']}/{s['negatives']} sentences ({s['false_dates']} dates), recurring "
            f"{s['recurring_found']}/{s['recurring']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show-misses", action="store_true", help="list the dev sentences read wrong")
    args = ap.parse_args(argv)
    for split in ("dev", "hold"):
        s = score(split)
        print(line(split, s))
        if args.show_misses and split == "dev":
            for miss in s["misses"]:
                print("  " + miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
