"""Ranking on real notices (issue 9, branch realrank7): the fresh10 set and what it showed.

The fresh10 figures are those of tests/questions_real_fresh10.tsv (45 questions, 14 out of scope)."""
from __future__ import annotations

import pytest

from knowledge.loader import ensure_seeded
from knowledge.search import Searcher
from tests import search_sets as qs


def test_fresh10_floor(db):
    """fresh10: before this branch 66.7% top-1, 12/14 declined, 6.8% confidently wrong."""
    s = next(s for s in qs.SETS if s.name == "fresh10")
    if not qs.available(s):
        pytest.skip("the real notices or the question set are not here")
    ensure_seeded()
    qs.import_real(qs.SETS, "fresh10")
    f = qs.summary(qs.ask_set(Searcher.from_database(), s))
    assert f["top1"] >= 0.64 and f["declined"] >= 0.80 and f["confidently_wrong"] <= 0.07
