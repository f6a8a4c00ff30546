"""Seed questions typed on a phone, seventh draw (issue 9, branch seedtyping2): the tone mark
placed under the other rule, a rare pair of syllables the item writes, a disease named by its
number, a question about what went wrong so far."""
from datetime import date

from knowledge.accents import accent_mismatch
from knowledge.folding import fold_mismatch
from knowledge.records import ItemRecord
from knowledge.search import Searcher
from knowledge.situation import asks_situation
from knowledge.text import index_terms, tokenize
from knowledge.traits import ANSWERS_QUANTITY, answer_kinds

META = dict(document_id=1, document_number="05-KL/TU", document_kind="Kết luận",
            document_title="Kết luận về phòng, chống dịch Covid-19", issuer="Tỉnh ủy Quảng Ngãi",
            province="Quảng Ngãi", document_date=date(2021, 8, 12))


def test_a_tone_mark_placed_under_the_other_rule_is_the_same_word():
    """'khoẻ' (the tone on the last vowel) and 'khỏe' are one word; only other accents
    ('khóe') are another."""
    text = "tiếp tục theo dõi sức khỏe tại nhà trong thời gian 7 ngày"
    assert accent_mismatch(text, {"khoe": "khoẻ", "suc": "sức"}) == 0.0
    assert accent_mismatch("hòa bình", {"hoa": "hoà"}) == 0.0
    assert accent_mismatch(text.replace("khỏe", "khóe"), {"khoe": "khoẻ", "suc": "sức"}) == 0.5


def test_a_rare_pair_the_item_writes_is_the_askers_word():
    """'bi thu' is mostly 'bí thư' in the notices, but 'thu hep' beside it is the item's
    own 'thu hẹp' (written once): the 'thu' the item holds is the asker's."""
    bi_thu = [ItemRecord(i, f"Đồng chí Bí thư Tỉnh ủy chủ trì cuộc họp số {i}.", "", str(i), **META)
              for i in range(1, 4)]
    item = ItemRecord(9, "Kiểm soát, tấn công, tiến tới thu hẹp, xóa vùng đỏ.", "", "9", **META)
    index = Searcher.from_records([*bi_thu, item])._index
    terms = ["vung", "do", "se", "bi", "thu", "hep", "xoa"]
    content = [True, False, False, True, True, True, True]
    assert fold_mismatch(index, item.text, terms, content) == 0.0
    # a pair the item does not write still tells: 'bi thu' alone is 'bí thư'
    other = ItemRecord(10, "Thu phí vệ sinh và bị phạt.", "", "10", **META)
    index = Searcher.from_records([*bi_thu, other])._index
    assert fold_mismatch(index, other.text, ["bi", "thu"], [True, True]) > 0


def test_a_disease_named_by_its_number_holds_no_amount():
    assert not answer_kinds(index_terms("Tổ chức phòng, chống dịch Covid-19 và SARS-CoV-2 tại nhà")[0]) \
        & ANSWERS_QUANTITY
    assert answer_kinds(index_terms("theo dõi sức khỏe tại nhà trong thời gian 7 ngày")[0]) & ANSWERS_QUANTITY
    assert answer_kinds(index_terms("ghi nhận 230 ca mắc Covid-19")[0]) & ANSWERS_QUANTITY


def test_what_went_wrong_so_far_asks_about_the_situation():
    terms = lambda q: [t.term for t in tokenize(q)]
    assert asks_situation(terms("viec truy vet f1 f2 truoc day co van de gi"))
    assert asks_situation(terms("tram y te luu dong bi nhac la chua lam tot"))
    assert not asks_situation(terms("tram y te luu dong phai lam gi"))
