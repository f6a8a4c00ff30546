#!/usr/bin/env python3
"""How long Loa's replies are on a phone: characters of the rendered reply (Telegram HTML
and its tags removed, as the reader sees it) for every dev question.

    python benchmarks/reply_sizes.py          # seed and real-notice dev sets
    python benchmarks/reply_sizes.py --quick  # seed sets only

Prints, per set and overall, the median and 90th percentile of all replies and of the
answered ones, beside the whole item's length (what the "Toàn văn" button shows).
The target (issue 9): median under 600 characters.
"""
from __future__ import annotations

import os
import statistics
import sys
from datetime import date

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

TODAY = date(2026, 1, 15)


def percentile(values: list[int], share: float) -> int:
    values = sorted(values)
    return values[min(len(values) - 1, int(len(values) * share))] if values else 0


def main() -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="the seed sets only")
    args = ap.parse_args()
    from bot.views import to_plain
    from bot.views.answers import render_answer
    from tests import search_sets as qs

    everything, answered_all, items_all = [], [], []
    print(f"{'set':<14} {'questions':>9} {'median':>7} {'p90':>6} | {'answered':>8} {'median':>7} {'p90':>6} "
          f"| {'item median':>11}")
    for kb in ("seed",) if args.quick else ("seed", "real"):
        searcher = qs.searcher_for(kb)
        for s in qs.SETS:
            if s.kb != kb or not s.questions or not qs.available(s):
                continue
            sizes, answered, items = [], [], []
            for row in qs.read(s.questions):
                answer = searcher.ask(row["question"])
                size = len(to_plain(render_answer(answer, answer.lang or "vi", today=TODAY)))
                sizes.append(size)
                if answer.answered:
                    answered.append(size)
                    items.append(len(answer.hits[0].text))
            everything += sizes
            answered_all += answered
            items_all += items
            print(f"{s.name:<14} {len(sizes):>9} {statistics.median(sizes):>7.0f} {percentile(sizes, 0.9):>6} | "
                  f"{len(answered):>8} {statistics.median(answered):>7.0f} {percentile(answered, 0.9):>6} | "
                  f"{statistics.median(items):>11.0f}")
    print(f"{'all':<14} {len(everything):>9} {statistics.median(everything):>7.0f} {percentile(everything, 0.9):>6} | "
          f"{len(answered_all):>8} {statistics.median(answered_all):>7.0f} {percentile(answered_all, 0.9):>6} | "
          f"{statistics.median(items_all):>11.0f}")


if __name__ == "__main__":
    main()
