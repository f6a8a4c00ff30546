"""Loading the bundled notices and saving parsed ones: complete, idempotent, id-stable."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from knowledge import loader
from knowledge.db import database
from knowledge.loader import document_dict, ensure_seeded, import_file, save_document
from knowledge.models import Deadline, DeadlineUnit, Document, Item, ItemUnit, Reference, Unit
from knowledge.reading import parse_file
from knowledge.units import CODES

SAMPLES = Path(__file__).resolve().parent / "samples"
NOTICE = SAMPLES / "thong_bao_45_ha_nam.txt"


def _data_files(folder: Path) -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))}


def _snapshot() -> dict:
    return {
        "documents": [(d.id, d.key, d.content_hash) for d in Document.select().order_by(Document.id)],
        "items": [(i.id, i.document_id, i.position, i.text) for i in Item.select().order_by(Item.id)],
        "deadlines": [(d.id, d.item_id, d.phrase) for d in Deadline.select().order_by(Deadline.id)],
        "counts": [m.select().count() for m in (Unit, ItemUnit, DeadlineUnit, Reference)],
    }


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A private copy of the bundled data files that a test may edit."""
    folder = tmp_path / "data"
    shutil.copytree(loader.DATA_DIR, folder)
    monkeypatch.setattr(loader, "DATA_DIR", folder)
    return folder


def test_fresh_load_has_everything(db):
    ensure_seeded()
    files = _data_files(loader.DATA_DIR)
    assert Document.select().count() == len(files) == 5
    assert Item.select().count() == sum(len(d["items"]) for d in files.values())
    assert Deadline.select().count() == sum(len(i["deadlines"]) for d in files.values() for i in d["items"])
    assert sorted(u.code for u in Unit.select()) == sorted(CODES)
    for key, data in files.items():
        assert document_dict(Document.get(Document.key == key)) == data


def test_loading_twice_changes_nothing_and_costs_few_queries(db):
    ensure_seeded()
    before = _snapshot()
    queries = []
    original = database.obj.execute_sql

    def counting(sql, params=None, *args, **kwargs):
        queries.append(sql)
        return original(sql, params, *args, **kwargs)

    database.obj.execute_sql = counting
    try:
        ensure_seeded()
    finally:
        database.obj.execute_sql = original
    assert _snapshot() == before
    assert len([q for q in queries if not q.startswith(("BEGIN", "COMMIT", "SAVEPOINT", "RELEASE"))]) <= 3


def test_changed_file_updates_its_document_and_keeps_ids(db, data_dir):
    ensure_seeded()
    path = data_dir / "001_d8f4cbe5ec1c5589.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    doc = Document.get(Document.key == path.stem)
    items_before = {i.text: i.id for i in Item.select().where(Item.document == doc)}
    deadline_before = {d.phrase: d.id for d in Deadline.select().join(Item).where(Item.document == doc)}
    other_before = [(i.id, i.text) for i in Item.select().where(Item.document != doc).order_by(Item.id)]

    # edit a summary, drop one deadline, insert an item in the middle, delete the last one
    point4 = next(i for i in data["items"] if i["number"] == "4")
    point4["summary_en"] = "Vaccination targets, edited."
    point4["deadlines"] = [d for d in point4["deadlines"] if d["kind"] != "within_month"]
    data["items"].insert(4, {"number": "", "kind": "context", "text": "Một đoạn mới.",
                             "summary_en": "A new paragraph.", "units": ["health"],
                             "references": [], "deadlines": []})
    removed = data["items"].pop()
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")

    ensure_seeded()
    assert document_dict(Document.get(Document.key == path.stem)) == data
    items_after = {i.text: i.id for i in Item.select().where(Item.document == doc)}
    for text, item_id in items_before.items():
        if text != removed["text"]:
            assert items_after[text] == item_id, "unchanged items keep their ids"
    deadline_after = {d.phrase: d.id for d in Deadline.select().join(Item).where(Item.document == doc)}
    assert deadline_after == {p: i for p, i in deadline_before.items() if p != "trong tháng 01/2022"}
    assert [(i.id, i.text) for i in Item.select().where(Item.document != doc).order_by(Item.id)] == other_before

    before = _snapshot()
    ensure_seeded()
    assert _snapshot() == before


def test_removed_file_removes_its_document(db, data_dir):
    ensure_seeded()
    (data_dir / "004_ef99f3474db7ccc2.json").unlink()
    ensure_seeded()
    assert Document.get_or_none(Document.key == "004_ef99f3474db7ccc2") is None
    assert Document.select().count() == 4


def test_save_document_twice_is_idempotent(db):
    ensure_seeded()
    parsed = parse_file(NOTICE)
    first = save_document(parsed)
    before = _snapshot()
    second = save_document(parse_file(NOTICE))
    assert second.id == first.id and first.key.startswith("imp_") and first.origin == "import"
    assert _snapshot() == before
    stored = document_dict(first)
    assert stored["items"] == parsed["items"]
    assert stored["number"] == "45-TB/BCĐ" and stored["date"] == "2022-01-10"


def test_save_document_nests_in_a_callers_transaction(db):
    ensure_seeded()
    count = Document.select().count()
    with pytest.raises(RuntimeError):
        with database.atomic():
            save_document(parse_file(NOTICE), origin="push")
            raise RuntimeError("the outbox write failed")
    assert Document.select().count() == count


def test_import_file_then_again(db):
    ensure_seeded()
    doc = import_file(NOTICE)
    again = import_file(NOTICE)
    assert doc.id == again.id
    assert Item.select().where(Item.document == doc).count() == 9    # "1. Sở Y tế chủ trì …:" is a heading
    assert Deadline.select().join(Item).where(Item.document == doc).count() == 10
