"""Answers people can trust (issue 9): a national notice answers for a province that has none
of its own, a newer notice goes before an older one, a letter's closing formula is no answer,
and an item lacking the number asked for is not a confident answer."""
from datetime import date

import pytest

from bot.views.answers import render_answer
from knowledge.confidence import Evidence, overruled
from knowledge.reach import applies_everywhere, is_national, newer_rival
from knowledge.search import Hit, ItemRecord, Searcher
from knowledge.traits import ANSWERS_QUANTITY, W_CLOSING, answer_kinds, is_closing, prior

NATIONAL = dict(document_id=1, document_number="98/CĐ-TTg", document_kind="Công điện",
                document_title="Công điện về ứng phó bão", issuer="Thủ tướng Chính phủ",
                province=None, document_date=date(2025, 9, 20))
PROVINCE = dict(document_id=2, document_number="12/KH-UBND", document_kind="Kế hoạch",
                document_title="Kế hoạch phòng chống lụt bão", issuer="UBND tỉnh Quảng Ninh",
                province="Quảng Ninh", document_date=date(2025, 9, 1))
OLD = dict(document_id=3, document_number="55/CĐ-TTg", document_kind="Công điện",
           document_title="Công điện về phòng chống sốt xuất huyết", issuer="Thủ tướng Chính phủ",
           province=None, document_date=date(2024, 6, 1))
NEW = dict(OLD, document_id=4, document_number="81/CĐ-TTg", document_date=date(2025, 6, 1))

ITEMS = [
    ItemRecord(1, "Các tỉnh khẩn trương sơ tán người dân khỏi khu vực nguy hiểm do sạt lở đất trước khi bão đổ bộ.",
               "", "1", **NATIONAL),
    ItemRecord(2, "Huyện Hải Hà bố trí lực lượng trực đê kè trong mùa mưa lũ.", "", "1", **PROVINCE),
    ItemRecord(3, "Bộ Y tế chỉ đạo các địa phương diệt lăng quăng, bọ gậy phòng sốt xuất huyết hằng tuần.",
               "", "1", **OLD),
    ItemRecord(4, "Bộ Y tế chỉ đạo các địa phương diệt lăng quăng, bọ gậy phòng sốt xuất huyết hằng tuần.",
               "", "1", **NEW),
]


@pytest.fixture(scope="module")
def searcher():
    return Searcher.from_records(ITEMS)


def test_national_notice_answers_for_a_province_without_notices(searcher):
    answer = searcher.ask("Nghệ An phải sơ tán người dân khỏi khu vực sạt lở đất khi có bão thế nào?")
    assert answer.answered and answer.hits[0].item_id == 1
    assert answer.nationwide == ["Nghệ An"] and answer.missing == []
    html = render_answer(answer, "vi", today=date(2025, 9, 21))
    assert "Nghệ An" in html and "trung ương" in html


def test_provincial_notice_never_answers_for_another_province(searcher):
    answer = searcher.ask("Nghệ An bố trí lực lượng trực đê kè mùa mưa lũ thế nào?")
    assert not answer.answered and answer.missing == ["Nghệ An"]


def test_national_issuers_and_items_listing_provinces():
    national = ItemRecord(0, "Các tỉnh sơ tán dân.", issuer="Bộ Nông nghiệp và Môi trường")
    assert is_national(national) and applies_everywhere(national)
    assert not is_national(ItemRecord(0, "x", issuer="Sở Y tế", province="Lai Châu"))
    assert not is_national(ItemRecord(0, "x", issuer="Ủy ban nhân dân tỉnh Đắk Lắk"))
    listing = ItemRecord(0, "Hội nghị 1 gồm Hà Nội, Quảng Ninh, Hải Phòng.", issuer="Bộ Tài chính")
    assert is_national(listing) and not applies_everywhere(listing)


def test_newer_notice_goes_first_and_names_the_older(searcher):
    answer = searcher.ask("diệt lăng quăng bọ gậy phòng sốt xuất huyết")
    assert answer.answered
    assert answer.hits[0].record.document_id == 4 and answer.older.record.document_id == 3
    assert "55/CĐ-TTg" in render_answer(answer, "vi", today=date(2025, 6, 2))


def test_newer_rival_needs_a_near_tie_and_a_date():
    def hit(doc, when, score):
        return Hit(doc, "t", "s", score, "t", ItemRecord(doc, "t", document_id=doc, document_date=when))
    old, new = hit(1, date(2024, 1, 1), 0.9), hit(2, date(2025, 1, 1), 0.9)
    assert newer_rival([old, new], [1.0, 0.95], 0.6) == 1
    assert newer_rival([old, new], [1.0, 0.5], 0.6) is None          # a weaker match
    assert newer_rival([new, old], [1.0, 0.95], 0.6) is None         # the best is the newer
    assert newer_rival([old, hit(2, None, 0.9)], [1.0, 0.99], 0.6) is None


def test_closing_formula_is_no_answer():
    for text in ("Cục Thuế trả lời để Thuế tỉnh Nghệ An biết và căn cứ hồ sơ để thực hiện./.",
                 "Văn phòng Chính phủ xin trân trọng thông báo./.", "Cục Hải quan trả lời để Công ty biết./."):
        assert is_closing(text)
        assert prior(ItemRecord(0, text)) == W_CLOSING
    assert not is_closing("Các cơ quan, đơn vị nghiêm túc tổ chức, triển khai thực hiện./.")


def test_a_digit_before_a_unit_is_a_quantity():
    assert answer_kinds(["cach", "ly", "7", "ngay"]) & ANSWERS_QUANTITY
    assert not answer_kinds(["muc", "1"]) & ANSWERS_QUANTITY


def test_item_without_the_number_asked_for_is_overruled():
    fields = dict(coverage=0.6, own_coverage=0.6, passage=0.6, rare_missed=0.0, unknown=0.0, strength=0.5,
                  margin=0.5, doc_margin=0.5, agreement=0.6, named_missed=0.0, named_hit=0.0,
                  accent_mismatch=0.0, context=0.0, english=0.0, short=0.0)
    assert overruled(Evidence(**fields, kind_missed=1.0))
    assert not overruled(Evidence(**fields))
    assert not overruled(Evidence(**dict(fields, coverage=0.9), kind_missed=1.0))


def test_an_item_holding_nothing_of_the_question_in_its_own_words_is_overruled():
    """Only its headings matched: the item says nothing about what was asked."""
    base = dict(coverage=0.7, passage=0.8, rare_missed=0.3, unknown=0.1, strength=0.4, margin=0.3,
                doc_margin=0.6, agreement=0.7, named_missed=0.0, named_hit=0.0, accent_mismatch=0.0,
                context=0.0, short=0.0)
    assert overruled(Evidence(own_coverage=0.0, english=0.0, **base))
    assert not overruled(Evidence(own_coverage=0.3, english=0.0, **base))
    assert not overruled(Evidence(own_coverage=0.0, english=1.0, **base))   # matched in the summary


def test_an_unsummarised_item_with_a_narrow_lead_does_not_answer_english(monkeypatch):
    """An English question reaches an item without English summary only through the glossary's
    translations, which its neighbours share: with a lead required over the runner-up
    (knowledge/vocab/confidence.json, en_unsummarised_margin; stored off, see overruled), a
    narrower lead is no answer."""
    from dataclasses import replace

    import knowledge.confidence as confidence
    stored = confidence.model()
    monkeypatch.setattr(confidence, "model", lambda: replace(stored, en_unsummarised_margin=0.1))
    base = dict(coverage=0.8, own_coverage=0.8, passage=0.8, rare_missed=0.0, unknown=0.0, strength=0.6,
                doc_margin=0.8, agreement=0.4, named_missed=0.0, named_hit=0.0, accent_mismatch=0.0,
                context=0.0, english=1.0, short=0.0)
    assert overruled(Evidence(**base, margin=0.05, en_unsummarised=1.0))
    assert not overruled(Evidence(**base, margin=0.5, en_unsummarised=1.0))
    assert not overruled(Evidence(**base, margin=0.05, en_unsummarised=0.0))   # a summary vouches


class _Pairs:
    """An index that knows some syllable pairs, for knowledge.concepts.seams."""
    def __init__(self, pairs):
        self.bi = type("Bi", (), {"vocab": set(pairs)})()


def test_a_pair_across_two_known_words_is_a_seam_not_an_unknown_word():
    from knowledge.concepts import seams
    from knowledge.text import tokenize

    index = _Pairs({"quang ninh", "kiem soat", "truoc ngay", "hom nay"})
    toks = tokenize("quang ninh muon kiem soat het dich truoc ngay")
    flags = dict(zip([f"{a.term} {b.term}" for a, b in zip(toks, toks[1:])], seams(index, toks)))
    assert flags["ninh muon"] and flags["muon kiem"] and flags["soat het"] and flags["dich truoc"]
    assert not flags["het dich"]                    # touches no known word: a word the index lacks
    assert not flags["quang ninh"] and not flags["kiem soat"]
    toks = tokenize("gia vang hom nay")             # 'giá vàng' stays unknown; 'vàng hôm' is a seam
    assert seams(index, toks) == [False, True, False]
