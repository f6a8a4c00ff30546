"""The seventeenth parser batch (tests/data/real_annotations17, issue 8): the last unannotated notices.

What the earlier batches left holds almost no dated order: a ministry's letter, a tax reply, a customs ruling and a
customs reply, a news page on a tax letter, Q&A pages quoting statutory periods, and a province's five-year plan
with a task annex (held out by the draw). The development part measures dates found right (cited documents,
effective dates, statutory periods) and headers. The annotations are checked against their documents first
(held-out content is never printed: only which files disagree), then the batch's make-up, then the development
scores against floors at what the parser scored at the batch's commit (`python3 -m tests.parser_eval --dev17`).
"""
from __future__ import annotations

from tests.parser_batches import batch_tests

# At the batch's commit: header 5/6 numbers and issuers, 6/6 dates; items R 5/5; no date parsed (dates found right
# 0/0). A cited document's date, an effective date or a statutory period read as a deadline would take dates found
# right below the floor.
DEV17_FLOORS = {"number_right": 5, "issuer_right": 5, "date_right": 6, "item_recall": 0.8,
                "deadline_precision": 0.99}

globals().update(batch_tests(17, split=(6, 3), floors=DEV17_FLOORS))
