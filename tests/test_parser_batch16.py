"""The sixteenth parser batch (tests/data/real_annotations16, issue 8): the parser pool's remaining documents.

What batch 15 left of the pool orders nothing by a date: the tax department's and customs department's replies and
classification rulings, a city department's letter, a ministry circular, Q&A and news pages reporting a ministry's
or a city's document, state-funeral pages, legal Q&A pages quoting statutory periods and hours. The batch measures
dates found right (cited letters and laws, events, effective dates, statutory periods, a report's cut-off, site
furniture) and headers; its only dated deadlines are the flags at half-mast on the two mourning days quoted by two
Q&A pages (batch 14's judgement), which the parser does not read (a Q&A page's quoted order in a sentence of
events). The annotations are checked against their documents first (held-out content is never printed: only which
files disagree), then the batch's make-up, then the development scores against floors at what the parser scored at
this round (`python3 -m tests.parser_eval --dev16`).
"""
from __future__ import annotations

from tests.parser_batches import batch_tests

# At the batch's commit and after this round: header 16/16 numbers, issuers and dates; items R 11/22; no date parsed
# (dates found right 0/0), the two mourning-day duties missed (recall 0/2, recurring 0/2). A cited letter's date, an
# effective date, the funeral's viewing or a statutory hour read as a deadline would take dates found right below
# the floor.
DEV16_FLOORS = {"number_right": 16, "issuer_right": 16, "date_right": 16, "item_recall": 0.5,
                "deadline_precision": 0.99}

globals().update(batch_tests(16, split=(16, 8), floors=DEV16_FLOORS))
