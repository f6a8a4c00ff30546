"""Answers people can trust on real notices (issue 9, branch realrank6): a question that asks
for the goods code a customs ruling decides ("áp mã số nào", "mã HS bao nhiêu", "what HS code")
is answered by the point holding the code, never by the point that only names the goods.
Texts written here; the fresh9 figures are those of tests/questions_real_fresh9.tsv."""
from __future__ import annotations

from datetime import date


from knowledge.answer_kind import wanted_answer
from knowledge.records import ItemRecord
from knowledge.search import Searcher
from knowledge.text import terms
from knowledge.traits import ANSWERS_CODE, answer_kinds
from tests import search_sets as qs

RULING = dict(document_id=1, document_number="37000/TB-CHQ", document_kind="Thông báo", issuer="Cục Hải quan",
              document_title="Về kết quả xác định trước mã số", document_date=date(2025, 11, 21),
              signer="Đào Thu Hương")


def _records() -> list[ItemRecord]:
    rows = [
        ("1.1", "Tên gọi theo cấu tạo, công dụng: Bình giữ nhiệt bằng thép không gỉ hiệu Lotus, dung tích "
                "500 ml, có nắp vặn, dùng giữ nóng đồ uống, của Công ty TNHH Thương mại Lotus.", ("1. Hàng hóa:",)),
        ("2.1", "Thành phần, cấu tạo: thân hai lớp thép không gỉ, giữa là lớp chân không; nắp nhựa PP.", ("2. Mô tả:",)),
        ("3.1", "Tên gọi theo cấu tạo, công dụng: Bình giữ nhiệt bằng thép không gỉ hiệu Lotus, dung tích "
                "500 ml, có nắp vặn, dùng giữ nóng đồ uống.", ("3. Kết quả xác định trước mã số:",)),
        ("3.2", "thuộc nhóm 96.17 “Phích chân không và các loại bình chân không khác, hoàn chỉnh”, mã số "
                "9617.00.10 tại Danh mục hàng hóa xuất khẩu, nhập khẩu Việt Nam.", ("3. Kết quả xác định trước mã số:",)),
        ("3.3", "Thông báo này có hiệu lực từ ngày ký.", ()),
    ]
    return [ItemRecord(k + 1, text, "", number, headings=heads, **RULING)
            for k, (number, text, heads) in enumerate(rows)]


def test_an_item_holding_a_goods_code_answers_a_code():
    assert answer_kinds(terms("mã số 8544.49.24 “- - - - - Loại khác”")) & ANSWERS_CODE
    assert answer_kinds(terms("thuộc nhóm 85.31 “Thiết bị báo hiệu bằng âm thanh”")) & ANSWERS_CODE
    assert not answer_kinds(terms("lõi tiết diện 1.5 mm2, giá 12.50 đồng, năm 2025")) & ANSWERS_CODE


def test_the_words_that_ask_for_a_goods_code():
    for asked in ("samsung smart tag 2 thuoc nhom ma hs nao", "dong ho huawei watch 5 ma hs bao nhieu",
                  "bo bai magic ap ma so nao", "What HS code did customs assign to the watch?"):
        assert wanted_answer(terms(asked)) & ANSWERS_CODE, asked
    for named in ("ma so thue cua cong ty la bao nhieu", "does an advance HS code ruling apply to other importers",
                  "Kết quả xác định trước mã số có giá trị với ai?"):
        assert not wanted_answer(terms(named)) & ANSWERS_CODE, named


def test_the_point_naming_the_goods_does_not_answer_which_code():
    """fresh9 r28: "Cáp tín hiệu hiệu Benka của Công ty NMT được xác định mã số nào?" was answered,
    confidently, by the point naming the cable, which holds every word of the question but no code."""
    answer = Searcher.from_records(_records()).ask("Bình giữ nhiệt hiệu Lotus của Công ty Lotus được xác định mã số nào?")
    assert not answer.answered or "9617.00.10" in answer.hits[0].text


def test_fresh9_floor(sqlite_db):
    """fresh9 (tests/questions_real_fresh9.tsv, 44 questions, 14 out of scope): before this
    branch 68.2% top-1, 13/14 declined, 5.2% confidently wrong; after it 68.2%, 13/14, 3.4%."""
    f = qs.figures_of("fresh9")
    assert f["top1"] >= 0.66 and f["declined"] >= 0.85 and f["confidently_wrong"] <= 0.05
