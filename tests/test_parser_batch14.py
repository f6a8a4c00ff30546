"""The fourteenth parser batch (tests/data/real_annotations14, issue 8): deadlines on the free list's pages with most
dated phrases.

A ministry's 2026 calendar for releasing statistics (a table annexed after the decision's signature, each row due at
the end of its release month; rows of the same calendar dated months before the decision are a slip, no deadline),
flags at half-mast on the two days of a state funeral, and pages whose every date is no deadline (tax and customs
replies citing decrees, one dated "năm 2028" by a slip, a survey timetable, a downtime window, Wikipedia history).
The annotations are checked against their documents first (held-out content is never printed: only which files
disagree), then the batch's make-up, then the development scores against floors at what the parser scored after this
round (`python3 -m tests.parser_eval --dev14`).
"""
from __future__ import annotations

from tests.parser_batches import batch_tests

# At the batch's commit (parser untouched): header 14/14, items R 5/14, deadlines R 0% (0/7), no date found,
# recurring 0/1. After this round: header 14/14, items R 11/14, deadlines R 85.7% (6/7), dates found right 100% (6/6),
# recurring 0/1 (the mourning days of a Q&A page quoting a communiqué are still read as context). A calendar row of a
# month before the decision read as due, or a cited decree's date read as a deadline, would take dates found right
# below the floor.
DEV14_FLOORS = {"number_right": 14, "issuer_right": 14, "date_right": 14, "item_recall": 0.78,
                "deadline_recall": 0.85, "deadline_precision": 0.99, "recurring_found": 0}

globals().update(batch_tests(14, split=(14, 7), floors=DEV14_FLOORS))
