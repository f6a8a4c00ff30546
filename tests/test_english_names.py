"""A province typed capitalised in an English question is a name, not English: 'Dak Lak' is no
'lake' (the stemmer reads 'Lak' as the stem of 'lake'), while 'Ho Chi Minh City' keeps its 'City'."""
from __future__ import annotations

from knowledge.concepts import en_concepts
from knowledge.records import ItemRecord
from knowledge.search import Searcher
from knowledge.text import tokenize

ITEMS = ["Các địa phương kiểm tra an toàn hồ chứa nước trước mùa mưa lũ.",
         "Thành phố bố trí lịch nghỉ Tết cho học sinh."]


def _vietnamese(question: str) -> set[tuple[str, ...]]:
    index = Searcher.from_records([ItemRecord(i + 1, t, document_id=1) for i, t in enumerate(ITEMS)])._index
    return {a.terms for c in en_concepts(index, question, tokenize(question)) for a in c.alternatives if a.field != "en"}


def test_a_province_name_is_not_translated():
    assert ("ho", "chua") not in _vietnamese("Is it going to rain in Dak Lak this weekend?")
    assert ("ho", "chua") in _vietnamese("Is the lake safe before the rainy season?")


def test_city_after_the_name_is_still_read():
    assert ("thanh", "pho") in _vietnamese("How long is the Tet break in Ho Chi Minh City?")
