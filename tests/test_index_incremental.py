"""One notice added, replaced or removed changes the index in place (`Index.changed`), and the
result is the index a rebuild from the database would give: the same postings and weights,
the same answers with the same scores. Seeds plus real 2025 notices."""
from __future__ import annotations

import csv
import os

import numpy as np
import pytest

from knowledge.index import Index
from knowledge.loader import ensure_seeded, save_document
from knowledge.models import Document
from knowledge.reading import parse_file
from knowledge.folding import pair_readings
from knowledge.search import Searcher
from tests.conftest import ROOT

REAL = os.path.join(ROOT, "..", "shared", "real-notices")
FIELDS = ("uni", "bi", "en", "meta", "head")


def real_notices(k: int) -> list[str]:
    with open(os.path.join(ROOT, "tests", "real_docs_dev.txt"), encoding="utf-8") as f:
        names = [line.strip() for line in f if line.strip()]
    return [os.path.join(REAL, n) for n in names[:k]]


def dev_questions() -> list[str]:
    out = []
    for name in ("questions_real_dev.tsv", "questions_seed_dev.tsv", "oos_real_dev.tsv"):
        with open(os.path.join(ROOT, "tests", name), encoding="utf-8") as f:
            out += [r["question"] for r in csv.DictReader(f, delimiter="\t")]
    return out


def postings_of(index: Index, field: str) -> dict[str, tuple[list[int], list[float]]]:
    fi = getattr(index, field)
    return {t: (fi.docs[fi.offsets[i]:fi.offsets[i + 1]].tolist(), fi.weights[fi.offsets[i]:fi.offsets[i + 1]].tolist())
            for t, i in fi.vocab.items()}


def assert_same_index(a: Index, b: Index) -> None:
    assert [r.item_id for r in a.records] == [r.item_id for r in b.records]
    for field in FIELDS:
        fa, fb = getattr(a, field), getattr(b, field)
        assert fa.size == fb.size and fa.unknown_idf == fb.unknown_idf, field
        assert postings_of(a, field) == postings_of(b, field), field
    for name in ("item_doc", "item_head", "item_kinds", "prior", "is_context", "item_province"):
        assert np.array_equal(getattr(a, name), getattr(b, name)), name
    for name in ("head_docs", "head_texts", "doc_kinds", "doc_last_due", "doc_numbers", "vi_words", "en_words"):
        assert getattr(a, name) == getattr(b, name), name
    assert pair_readings(a) == pair_readings(b)       # accents' evidence, carried from index to index


def assert_same_answers(a: Searcher, b: Searcher, questions: list[str]) -> None:
    for q in questions:
        x, y = a.ask(q), b.ask(q)
        assert (x.answered, [(h.item_id, h.score) for h in x.hits]) == \
               (y.answered, [(h.item_id, h.score) for h in y.hits]), q


@pytest.fixture
def knowledge(db):
    if not os.path.isdir(REAL):
        pytest.skip("../shared/real-notices is not here")
    ensure_seeded()
    return [parse_file(p) for p in real_notices(4)]


def test_importing_notices_one_by_one_equals_a_rebuild(knowledge):
    searcher = Searcher.from_database()
    for parsed in knowledge:
        save_document(parsed, origin="import")
        searcher.refresh()
    fresh = Searcher.from_database()
    assert_same_index(searcher._index, fresh._index)
    assert_same_answers(searcher, fresh, dev_questions())


def test_removing_a_notice_equals_a_rebuild(knowledge):
    for parsed in knowledge:
        save_document(parsed, origin="import")
    searcher = Searcher.from_database()
    before = len(searcher)
    doc = Document.select().where(Document.origin == "import").order_by(Document.id).first()
    doc.delete_instance()                     # as a recall that withdraws the notice does
    searcher.refresh()
    assert len(searcher) < before
    fresh = Searcher.from_database()
    assert_same_index(searcher._index, fresh._index)
    assert_same_answers(searcher, fresh, dev_questions())


def test_a_replaced_notice_is_read_again(knowledge):
    """A corrected notice (same issuer, number, date) replaces the first in the index: its
    new wording is found, the old one no longer is."""
    parsed = knowledge[0]
    save_document(parsed, origin="import")
    searcher = Searcher.from_database()
    corrected = dict(parsed, items=[dict(it) for it in parsed["items"]])
    corrected["items"][0]["text"] = "Các phường tổ chức diễn tập chữa cháy rừng ngập mặn xyzzyquạt trước mùa khô."
    save_document(corrected, origin="import")
    searcher.refresh()
    assert "xyzzyquat" in searcher._index.uni.vocab
    fresh = Searcher.from_database()
    assert sorted(r.item_id for r in searcher._index.records) == sorted(r.item_id for r in fresh._index.records)
    q = "diễn tập chữa cháy rừng ngập mặn xyzzyquạt"
    assert searcher.ask(q).hits[0].item_id == fresh.ask(q).hits[0].item_id


def test_nothing_changed_reads_nothing(knowledge):
    searcher = Searcher.from_database()
    index = searcher._index
    searcher.refresh()
    assert searcher._index is index


def test_a_start_reads_the_stored_index_and_catches_up(knowledge, tmp_path):
    """The index stored by one run serves the next, brought up to date with the notices
    stored meanwhile (here by `bot.py import` in another process, as it were)."""
    from knowledge import index_store

    cache = str(tmp_path / "loa.db.index")
    first = Searcher.from_database(cache)
    assert os.path.exists(cache) and os.stat(cache).st_mode & 0o077 == 0
    for parsed in knowledge[:2]:
        save_document(parsed, origin="import")
    Document.select().where(Document.origin == "seed").order_by(Document.id).first().delete_instance()
    second = Searcher.from_database(cache)
    assert second._index is not first._index and len(second) != len(first)
    fresh = Searcher.from_database()
    assert_same_index(second._index, fresh._index)
    assert_same_answers(second, fresh, dev_questions()[:40])
    loaded = index_store.load(cache)
    assert loaded is not None                  # the start stored its caught-up copy
    assert loaded[1] == fresh._signatures


def test_a_stale_or_damaged_stored_index_is_rebuilt(knowledge, tmp_path):
    import pickle

    cache = tmp_path / "loa.db.index"
    cache.write_bytes(pickle.dumps({"key": "made by other code", "signatures": {}, "index": {}}))
    fresh = Searcher.from_database()
    assert_same_index(Searcher.from_database(str(cache))._index, fresh._index)
    cache.write_bytes(b"\x80\x05 not a pickle")
    assert_same_index(Searcher.from_database(str(cache))._index, fresh._index)


def test_where_the_index_is_stored():
    from knowledge.index_store import cache_path

    assert cache_path("sqlite:///data/loa.db") == "data/loa.db.index"
    assert cache_path("sqlite:///:memory:") is None
    pg = cache_path("postgresql://loa:secret@db.internal:5432/loa")
    assert pg.startswith("data/index-") and "secret" not in pg
    assert pg == cache_path("postgresql://loa:other@db.internal:5432/loa")


@pytest.mark.parametrize("seed", range(6))
def test_field_changes_equal_a_build_from_scratch(seed):
    """FieldIndex alone, on random entries: any removals and additions, then re-weighing in
    slices of any size, give the postings and weights of a build from scratch."""
    import random

    from knowledge.postings import FieldIndex

    rng = random.Random(seed)
    words = [f"w{k}" for k in range(60)]

    def entries(n):
        return [[rng.choice(words[:rng.randint(1, 60)]) for _ in range(rng.randint(0, 30))] for _ in range(n)]

    def built(es):
        fi = FieldIndex()
        for e in es:
            fi.add_document(e)
        return fi.finish()

    def same(a, b):
        assert set(a.vocab) == set(b.vocab) and a.size == b.size and a.unknown_idf == b.unknown_idf
        for t in a.vocab:
            pa, pb = a.postings(t), b.postings(t)
            assert pa[0].tolist() == pb[0].tolist() and pa[1].tolist() == pb[1].tolist(), t
            assert a.idf_of(t) == b.idf_of(t)

    current = entries(40)
    fi = built(current)
    for step in range(12):
        alive = [rng.random() > 0.2 for _ in current]
        added = entries(rng.randint(0, 6))
        exact = step % 2 == 0
        fi = fi.changed(np.array(alive, dtype=bool), added, exact=exact)
        current = [e for e, keep in zip(current, alive) if keep] + added
        if not exact:
            fi = fi.reweighed(slice_size=rng.randint(1, 50))
        same(fi, built(current))


def test_the_terms_above_an_item_are_those_of_its_document_and_headings(knowledge):
    """`Index.context_among` reads what an item stands under from the postings of the
    metadata and headings fields: their entries must hold exactly the terms tokenising the
    document's metadata and the item's headings gives, after a change as after a build."""
    from knowledge.index_parts import meta_terms
    from knowledge.text import index_terms

    for parsed in knowledge[:2]:
        save_document(parsed, origin="import")
    searcher = Searcher.from_database()
    save_document(knowledge[2], origin="import")
    searcher.refresh()
    index = searcher._index
    items = np.arange(len(index))
    asked = frozenset(index.meta.vocab) | frozenset(index.head.vocab) | {"not a term"}
    for i, found in zip(items.tolist(), index.context_among(items, asked)):
        wanted = set(meta_terms(index.doc_records[int(index.item_doc[i])]))
        h = int(index.item_head[i])
        if h >= 0:
            terms, pairs = index_terms("\n".join(index.head_texts[h]))
            wanted.update(terms, pairs)
        assert found == frozenset(wanted), i
