"""The bundled data files are the ground truth of the knowledge base: check each one
against the rules they were written by (see knowledge/data/ and issue 2)."""
from __future__ import annotations

import json
import re
from datetime import date, time
from pathlib import Path

import pytest

from knowledge.units import CODES

DATA = Path(__file__).resolve().parent.parent / "knowledge" / "data"
FILES = sorted(DATA.glob("*.json"))
DOC_FIELDS = {"key", "source_file", "number", "kind", "issuer", "province", "date", "title",
              "title_en", "signer", "references", "items"}
ITEM_FIELDS = {"number", "kind", "text", "summary_en", "units", "references", "deadlines"}
DEADLINE_FIELDS = {"date", "time", "kind", "phrase", "task", "task_en", "units"}
NOISE = re.compile(r"\[(?:Faint|Handwritten|Illegible)|\*|\s{2}|^\s|\s$", re.IGNORECASE)


def test_one_file_per_seed():
    assert [f.stem for f in FILES] == ["000_01c405e6d66fb90f", "001_d8f4cbe5ec1c5589",
                                       "002_bce6123468343005", "003_990e28e3400a8969",
                                       "004_ef99f3474db7ccc2"]


@pytest.fixture(params=FILES, ids=lambda f: f.stem)
def doc(request):
    return json.loads(request.param.read_text(encoding="utf-8")), request.param


def test_document_fields(doc):
    d, path = doc
    assert set(d) == DOC_FIELDS
    assert d["key"] == path.stem and d["source_file"] == f"{path.stem}.txt"
    for field in ("kind", "issuer", "province", "title", "title_en"):
        assert isinstance(d[field], str) and d[field].strip(), field
    date.fromisoformat(d["date"])
    for ref in d["references"]:
        assert set(ref) == {"number", "kind", "date"} and ref["number"]
        if ref["date"]:
            date.fromisoformat(ref["date"])


def test_items(doc):
    d, _ = doc
    numbers = [i["number"] for i in d["items"] if i["number"]]
    assert len(numbers) == len(set(numbers)), "numbers are unique in a document"
    doc_refs = {r["number"] for r in d["references"]}
    point, sub = 0, 0
    for item in d["items"]:
        assert set(item) == ITEM_FIELDS
        assert item["kind"] in ("point", "bullet", "paragraph", "context")
        assert item["text"] and not NOISE.search(item["text"]), item["text"][:60]
        assert item["summary_en"].strip() and len(item["summary_en"]) < 420
        assert set(item["units"]) <= set(CODES)
        assert set(item["references"]) <= doc_refs
        assert all(ref in item["text"] for ref in item["references"])
        # document order: point "N", then "N.1", "N.2", … until point "N+1"
        if item["kind"] == "point":
            assert item["number"] == str(point + 1)
            point, sub = point + 1, 0
        elif item["number"]:
            sub += 1
            assert item["number"] == f"{point}.{sub}"
        else:
            assert item["kind"] in ("context", "paragraph")


def test_deadlines(doc):
    d, _ = doc
    for item in d["items"]:
        for dl in item["deadlines"]:
            assert set(dl) == DEADLINE_FIELDS
            date.fromisoformat(dl["date"])
            if dl["time"] is not None:
                assert re.fullmatch(r"\d\d:\d\d", dl["time"])
                time.fromisoformat(dl["time"])
            assert dl["kind"] in ("by", "from", "after", "within_month", "before_month")
            assert dl["phrase"] in item["text"]
            assert dl["task"].strip() and dl["task_en"].strip()
            assert dl["units"] and set(dl["units"]) <= set(CODES)


def test_every_deadline_form_of_the_seeds_is_there():
    found = {(dl["phrase"], dl["date"], dl["time"], dl["kind"])
             for f in FILES for i in json.loads(f.read_text(encoding="utf-8"))["items"]
             for dl in i["deadlines"]}
    assert found >= {
        ("chậm nhất đến ngày 30/11/2021", "2021-11-30", None, "by"),
        ("đến ngày 31/12/2021", "2021-12-31", None, "by"),
        ("trước tháng 6/2022", "2022-05-31", None, "before_month"),
        ("trong tháng 01/2022", "2022-01-31", None, "within_month"),
        ("kể từ 12 giờ 00 ngày 12/8/2021", "2021-08-12", "12:00", "from"),
        ("Từ ngày 16/11/2021", "2021-11-16", None, "from"),
        ("sau ngày 30/8/2021", "2021-08-30", None, "after"),
        ("16h chiều mai (2/2)", "2021-02-02", "16:00", "by"),
        ("trước ngày 28 tháng Chạp", "2021-02-09", None, "by"),
    }


def test_common_syllables_are_words_and_slips_are_not():
    from knowledge.folding import common_syllables
    words = common_syllables()
    assert {"mưa", "bão", "lũ", "trời", "tại"} <= words
    assert "nươc" not in words and "mua" not in words      # a slip; a word without marks
