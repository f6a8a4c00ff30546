"""The thirteenth parser batch (tests/data/real_annotations13, issue 8): deadlines on documents of the free list.

Plans whose one dated duty is a yearly report in their closing paragraph ("Định kỳ hằng năm (trước ngày 30 tháng
11) báo cáo …") or last section, a ministry letter's reply day among six conference days, a tax letter's price
table due the day it applies, and pages whose every date is no deadline (cited permits, effective dates, a
resolution's period of effect, auction days, classification rulings). The annotations are checked against their
documents first (held-out content is never printed: only which files disagree), then the batch's make-up, then the
development scores against floors at what the parser scored after this round (`python3 -m tests.parser_eval --dev13`).
"""
from __future__ import annotations

from tests.parser_batches import batch_tests

# At the batch's commit (parser untouched): header 13/14, items R 44/49, deadlines R 75% (3/4), dates found right
# 100% (3/3), recurring 1/4. After this round: header 13/14, items R 45/49, deadlines R 100% (4/4), dates found right
# 100% (4/4), recurring 2/4 (the closing paragraph's yearly report is read). A false date on one of its pages of
# cited documents, permits and events would take dates found right below the floor.
DEV13_FLOORS = {"number_right": 14, "issuer_right": 13, "date_right": 14, "item_recall": 0.9,
                "deadline_recall": 0.99, "deadline_precision": 0.99, "recurring_found": 2}

globals().update(batch_tests(13, split=(14, 7), floors=DEV13_FLOORS))
