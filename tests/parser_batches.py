"""The three tests every parser batch file holds, built once (issue 8; `tests/parser_eval.py`).

Each batch of hand annotations (`tests/data/real_annotationsN` and its `holdout/`) is held to the same three things:
its annotations agree with their documents (held-out content is never printed: only which files disagree), its
make-up (the development and held-out sizes, no file in both, none in an earlier set), and its development scores
against floors. Only the batch number, the sizes and the floors change from batch to batch, so a batch file keeps
what is its own (the docstring saying what the batch is, its floors and the comment saying where they come from) and
gets the tests from here:

    globals().update(batch_tests(11, split=(10, 5), floors=DEV11_FLOORS))

The tests keep the names they had when each file spelled them out, so their ids stay recognisable.
The make-up tests of batches 7-9, which live in `tests/test_parser_real.py` without floor tests of their own,
use the same check (`batch_make_up`).
"""
from __future__ import annotations

import pytest

from tests.parser_eval import (BATCH_DIRS, DEV3_DIR, DEV3_HOLDOUT_DIR, DEV_DIR, NOTICES_DIR, annotation_problems,
                               below_floors, load_annotations)

needs_notices = pytest.mark.skipif(not NOTICES_DIR.is_dir(), reason=f"no folder {NOTICES_DIR}")
ORDINALS = {11: "eleventh", 12: "twelfth", 13: "thirteenth", 14: "fourteenth", 15: "fifteenth", 16: "sixteenth",
            17: "seventeenth", 18: "eighteenth", 19: "nineteenth", 20: "twentieth"}


def earlier_files(n: int) -> set[str]:
    """The documents annotated in any set before batch `n` (development and held-out parts)."""
    folders = (DEV_DIR, DEV3_DIR, DEV3_HOLDOUT_DIR, *(d for k, d in BATCH_DIRS.items() if k < n),
               *(d / "holdout" for k, d in BATCH_DIRS.items() if k < n))
    return {a["file"] for folder in folders for a in load_annotations(folder)}


def batch_make_up(n: int) -> tuple[int, int, set[str], set[str]]:
    """Batch `n` as its make-up test sees it: (development documents, held-out documents, files in both, files
    already in an earlier set); a sound batch is (its split, set(), set())."""
    dev = {a["file"] for a in load_annotations(BATCH_DIRS[n])}
    holdout = {a["file"] for a in load_annotations(BATCH_DIRS[n] / "holdout")}
    return len(dev), len(holdout), dev & holdout, (dev | holdout) & earlier_files(n)


def batch_tests(n: int, split: tuple[int, int], floors: dict) -> dict:
    """The test functions of batch `n`, by the names pytest collects them under: `split` is (development,
    held out) documents, `floors` the development figures' floors (`below_floors`)."""
    dev, holdout = BATCH_DIRS[n], BATCH_DIRS[n] / "holdout"

    @needs_notices
    @pytest.mark.parametrize("folder", [dev, holdout], ids=[f"dev{n}", f"dev{n}-holdout"])
    def annotations_agree(folder):
        assert not annotation_problems(folder, show=folder == dev)

    def make_up():
        assert batch_make_up(n) == (*split, set(), set())

    @needs_notices
    def scores_above_floors():
        below = below_floors(dev, floors)
        assert not below, f"scores below their floors (score, floor): {below}"

    tests = {f"test_batch{n}_annotations_agree_with_their_documents": annotations_agree,
             f"test_{ORDINALS[n]}_batch_is_{sum(split)}_documents_no_other_set_uses_split_{split[0]}_{split[1]}": make_up,
             f"test_dev{n}_scores_stay_above_floors": scores_above_floors}
    for name, test in tests.items():
        test.__name__ = test.__qualname__ = name
    return tests
