"""The deadline audit's sample (tests/data/deadline_audit.tsv, issue 8) stays usable: every row is labelled by hand
(`yes`/`no` with why), ids are unique, and no row of the annotated pool (rows 68 on) comes from a held-out part of an annotation batch or from the
annotated pool's other split (a document's rows stay in one split), so the audit never reads a held-out page."""
from __future__ import annotations

import json

from tests.deadline_audit import ROOT, load

HOLDOUT_FILES = {json.loads(p.read_text(encoding="utf-8"))["file"]
                 for p in (ROOT / "tests" / "data").glob("real_annotations*/holdout/*.json")}


def test_every_row_is_labelled_with_a_reason_and_ids_are_unique():
    rows = load()
    assert rows and all(r["label"] in ("yes", "no") and r["why"].strip() for r in rows)
    assert len({r["id"] for r in rows}) == len(rows)


def test_no_row_of_the_annotated_pool_comes_from_a_held_out_document():
    # rows 1-67 were drawn from unannotated notices, some annotated since into batches' holdout/ parts
    assert not {r["file"] for r in load() if int(r["id"]) >= 68} & HOLDOUT_FILES


def test_the_annotated_pool_keeps_each_document_in_one_split():
    splits: dict[str, set[str]] = {}
    for r in load():
        if int(r["id"]) >= 68:
            splits.setdefault(r["file"], set()).add(r["split"])
    assert splits and all(len(s) == 1 for s in splits.values())
