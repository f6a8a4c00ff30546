"""The thirteenth parser batch (tests/data/real_annotations13, issue 8): deadlines on documents of the free list.

Plans whose one dated duty is a yearly report in their closing paragraph ("Định kỳ hằng năm (trước ngày 30 tháng
11) báo cáo …") or last section, a ministry letter's reply day among six conference days, a tax letter's price
table due the day it applies, and pages whose every date is no deadline (cited permits, effective dates, a
resolution's period of effect, auction days, classification rulings). The annotations are checked against their
documents first (held-out content is never printed: only which files disagree), then the batch's make-up, then the
development scores against floors at what the parser scored after this round (`python3 -m tests.parser_eval --dev13`).
"""
from __future__ import annotations

import pytest

from tests.parser_eval import (BATCH_DIRS, DEV3_DIR, DEV3_HOLDOUT_DIR, DEV_DIR, NOTICES_DIR, annotation_problems,
                               below_floors, load_annotations)

needs_notices = pytest.mark.skipif(not NOTICES_DIR.is_dir(), reason=f"no folder {NOTICES_DIR}")
DEV13 = BATCH_DIRS[13]
HOLDOUT13 = DEV13 / "holdout"

# At the batch's commit (parser untouched): header 13/14, items R 44/49, deadlines R 75% (3/4), dates found right
# 100% (3/3), recurring 1/4. After this round: header 13/14, items R 45/49, deadlines R 100% (4/4), dates found right
# 100% (4/4), recurring 2/4 (the closing paragraph's yearly report is read). A false date on one of its pages of
# cited documents, permits and events would take dates found right below the floor.
DEV13_FLOORS = {"number_right": 14, "issuer_right": 13, "date_right": 14, "item_recall": 0.9,
                "deadline_recall": 0.99, "deadline_precision": 0.99, "recurring_found": 2}


@needs_notices
@pytest.mark.parametrize("folder", [DEV13, HOLDOUT13], ids=["dev13", "dev13-holdout"])
def test_batch13_annotations_agree_with_their_documents(folder):
    assert not annotation_problems(folder, show=folder == DEV13)


def test_thirteenth_batch_is_21_documents_no_other_set_uses_split_14_7():
    earlier = {a["file"] for folder in (DEV_DIR, DEV3_DIR, DEV3_HOLDOUT_DIR, *(d for n, d in BATCH_DIRS.items() if n < 13),
                                        *(d / "holdout" for n, d in BATCH_DIRS.items() if n < 13))
               for a in load_annotations(folder)}
    dev13 = {a["file"] for a in load_annotations(DEV13)}
    holdout = {a["file"] for a in load_annotations(HOLDOUT13)}
    assert (len(dev13), len(holdout), dev13 & holdout, (dev13 | holdout) & earlier) == (14, 7, set(), set())


@needs_notices
def test_dev13_scores_stay_above_floors():
    below = below_floors(DEV13, DEV13_FLOORS)
    assert not below, f"scores below their floors (score, floor): {below}"
