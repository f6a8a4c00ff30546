"""The fifteenth parser batch (tests/data/real_annotations15, issue 8): deadlines on the parser pool's dated
directives.

A ministry's plan reporting yearly, a province's election-awards plan (files due before 31/3/2026), a flood-relief
plan with daily reports, a central steering committee's weekly reports over a bounded period, a Government Office
conclusion (a report due 31/12/2025, a submission timed by a National Assembly session), a city department's school
library guidance (plans and registrations before 15/10/2025, reports before 31/5/2026, a yearly review), and pages
whose dates are no deadline (a fireworks show, a traffic ban for the public, a campaign's period and review month,
cited decrees). The annotations are checked against their documents first (held-out content is never printed: only
which files disagree), then the batch's make-up, then the development scores against floors at what the parser
scored at this round (`python3 -m tests.parser_eval --dev15`).
"""
from __future__ import annotations

from tests.parser_batches import batch_tests

# At the batch's commit (parser untouched): header 14/14 numbers, 9/14 issuers, 14/14 dates; items R 79/82;
# deadlines R 100% (8/8), dates found right 100% (12/12), recurring 5/6 (the library team "kiện toàn … hàng năm" read
# as no duty). After this round: the same, recurring 6/6 (13/13 dates found right). A cited decree's date, the fireworks night or the campaign's review
# month read as a deadline would take dates found right below the floor.
DEV15_FLOORS = {"number_right": 14, "issuer_right": 9, "date_right": 14, "item_recall": 0.95,
                "deadline_recall": 0.99, "deadline_precision": 0.99, "recurring_found": 6}

globals().update(batch_tests(15, split=(14, 7), floors=DEV15_FLOORS))
