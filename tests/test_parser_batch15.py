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

import pytest

from tests.parser_eval import (BATCH_DIRS, DEV3_DIR, DEV3_HOLDOUT_DIR, DEV_DIR, NOTICES_DIR, annotation_problems,
                               below_floors, load_annotations)

needs_notices = pytest.mark.skipif(not NOTICES_DIR.is_dir(), reason=f"no folder {NOTICES_DIR}")
DEV15 = BATCH_DIRS[15]
HOLDOUT15 = DEV15 / "holdout"

# At the batch's commit (parser untouched): header 14/14 numbers, 9/14 issuers, 14/14 dates; items R 79/82;
# deadlines R 100% (8/8), dates found right 100% (12/12), recurring 5/6 (the library team "kiện toàn … hàng năm" read
# as no duty). After this round: the same, recurring 6/6 (13/13 dates found right). A cited decree's date, the fireworks night or the campaign's review
# month read as a deadline would take dates found right below the floor.
DEV15_FLOORS = {"number_right": 14, "issuer_right": 9, "date_right": 14, "item_recall": 0.95,
                "deadline_recall": 0.99, "deadline_precision": 0.99, "recurring_found": 6}


@needs_notices
@pytest.mark.parametrize("folder", [DEV15, HOLDOUT15], ids=["dev15", "dev15-holdout"])
def test_batch15_annotations_agree_with_their_documents(folder):
    assert not annotation_problems(folder, show=folder == DEV15)


def test_fifteenth_batch_is_21_documents_no_other_set_uses_split_14_7():
    earlier = {a["file"] for folder in (DEV_DIR, DEV3_DIR, DEV3_HOLDOUT_DIR, *(d for n, d in BATCH_DIRS.items() if n < 15),
                                        *(d / "holdout" for n, d in BATCH_DIRS.items() if n < 15))
               for a in load_annotations(folder)}
    dev15 = {a["file"] for a in load_annotations(DEV15)}
    holdout = {a["file"] for a in load_annotations(HOLDOUT15)}
    assert (len(dev15), len(holdout), dev15 & holdout, (dev15 | holdout) & earlier) == (14, 7, set(), set())


@needs_notices
def test_dev15_scores_stay_above_floors():
    below = below_floors(DEV15, DEV15_FLOORS)
    assert not below, f"scores below their floors (score, floor): {below}"
