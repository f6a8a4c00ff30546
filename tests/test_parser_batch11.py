"""The eleventh parser batch (tests/data/real_annotations11, issue 8): deadlines against the dates that are not.

Its development part is mostly pages whose every date is a day off, an event, a statutory rule, a tax period or
a party term, beside two dated orders: it holds the parser to finding no deadline where a reader sees none.
The annotations are checked against their documents first (held-out content is never printed: only which files
disagree), then the batch's make-up, then the development scores against floors a little under what the parser
scored (`python3 -m tests.parser_eval --dev11`).
"""
from __future__ import annotations

import pytest

from tests.parser_eval import (BATCH_DIRS, DEV3_DIR, DEV3_HOLDOUT_DIR, DEV_DIR, NOTICES_DIR, annotation_problems,
                               below_floors, load_annotations)

needs_notices = pytest.mark.skipif(not NOTICES_DIR.is_dir(), reason=f"no folder {NOTICES_DIR}")
DEV11 = BATCH_DIRS[11]
HOLDOUT11 = DEV11 / "holdout"

# At the batch's commit (parser untouched): number 10/10, issuer 8/10, date 8/10, items R 50% (1/2), deadlines
# R 100% (1/1), dates found right 100% (1/1). One false date on a page of days off or events would halve the
# dates found right: the floor catches it.
DEV11_FLOORS = {"number_right": 9, "issuer_right": 7, "date_right": 7, "item_recall": 0.5,
                "deadline_recall": 0.99, "deadline_precision": 0.9}


@needs_notices
@pytest.mark.parametrize("folder", [DEV11, HOLDOUT11], ids=["dev11", "dev11-holdout"])
def test_batch11_annotations_agree_with_their_documents(folder):
    assert not annotation_problems(folder, show=folder == DEV11)


def test_eleventh_batch_is_15_documents_no_other_set_uses_split_10_5():
    earlier = {a["file"] for folder in (DEV_DIR, DEV3_DIR, DEV3_HOLDOUT_DIR, *(d for n, d in BATCH_DIRS.items() if n < 11),
                                        *(d / "holdout" for n, d in BATCH_DIRS.items() if n < 11))
               for a in load_annotations(folder)}
    dev11 = {a["file"] for a in load_annotations(DEV11)}
    holdout = {a["file"] for a in load_annotations(HOLDOUT11)}
    assert (len(dev11), len(holdout), dev11 & holdout, (dev11 | holdout) & earlier) == (10, 5, set(), set())


@needs_notices
def test_dev11_scores_stay_above_floors():
    below = below_floors(DEV11, DEV11_FLOORS)
    assert not below, f"scores below their floors (score, floor): {below}"
