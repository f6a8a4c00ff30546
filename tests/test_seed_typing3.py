"""Seed questions typed on a phone (issue 9, branch seedtyping3): a word the index corrects
is read as its correction, for what it is (a function word or a content word) and for where
the seams between words fall; a word whose vowel slipped out is corrected."""
from datetime import date

from knowledge.concepts import vi_concepts
from knowledge.records import ItemRecord
from knowledge.search import Searcher
from knowledge.text import tokenize

META = dict(document_id=1, document_number="05-KL/TU", document_kind="Kết luận",
            document_title="Kết luận về phòng, chống dịch Covid-19", issuer="Tỉnh ủy Quảng Ngãi",
            province="Quảng Ngãi", document_date=date(2021, 8, 12))
TEXTS = ["Tổ chức hội nghị trực tuyến với các huyện ngày 15/11.",
         "Bệnh viện không để dịch lây lan trong bệnh viện, không để quá tải.",
         "Người dân khai báo y tế trên ứng dụng Bluezone, không được chủ quan.",
         "Khẩn trương rà soát, khoanh vùng ổ dịch mới trong ngày."]


def _searcher():
    return Searcher.from_records([ItemRecord(i, t, "", str(i), **META) for i, t in enumerate(TEXTS, 1)])


def _index():
    return _searcher()._index


def _concepts(question):
    return {c.source: c for c in vi_concepts(_index(), question, tokenize(question))}


def test_a_corrected_function_word_is_a_function_word():
    """'khogn' is 'không' typed in a hurry: no content the item must hold, as the 'khong'
    typed is not (it used to count as content, and lowered every item's coverage)."""
    typed = _concepts("benh vien khong bi qua tai")["khong"]
    slipped = _concepts("benh vien khogn bi qua tai")["khogn"]
    assert not typed.content
    assert not slipped.content
    assert any(a.terms == ("khong",) for a in slipped.alternatives)


def test_the_seam_falls_where_the_corrected_words_meet():
    """'trực tuyn ngày': 'trực tuyn' is the word 'trực tuyến' misspelt, and 'tuyn ngày' the
    seam between two words, no pair the index has never seen."""
    c = _concepts("hoi nghi truc tuyn ngay nao")
    assert c["tuyn ngay"].seam
    assert not c["truc tuyn"].seam
    evidence = _searcher().ask("hoi nghi truc tuyn ngay nao").evidence
    assert evidence is not None and evidence.unknown == 0.0


def test_a_word_whose_vowel_slipped_out_is_corrected():
    """'khng' has no vowel, so it is no syllable: the commonest word one vowel away."""
    c = _concepts("co phai cai bluezone khng")["khng"]
    assert any(a.terms == ("khong",) for a in c.alternatives)
    assert not c.content

