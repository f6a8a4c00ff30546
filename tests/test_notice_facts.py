"""Questions about a notice's header (who signed it, who issued it, when, its number) are answered
from the header, naming the notice by kind and number — also in chat shorthand ('ct 07') — and by
its issuer or place; a question with other words asks about a directive (knowledge/notice_facts.py)."""
from __future__ import annotations

from datetime import date

import pytest

from knowledge.notice_facts import asked_fact
from knowledge.records import ItemRecord
from knowledge.search import Searcher
from knowledge.text import tokenize

CAM_XUYEN = dict(document_id=1, document_number="07/CT-UBND", document_kind="Chỉ thị",
                 document_title="Về tăng cường bảo đảm an toàn trường học", issuer="Ủy ban nhân dân huyện Cẩm Xuyên",
                 province="Cẩm Xuyên", document_date=date(2026, 11, 23), signer="Trần Quốc Bảo")
KY_ANH = dict(document_id=2, document_number="07/CT-UBND", document_kind="Chỉ thị",
              document_title="Về phòng, chống dịch bệnh gia súc", issuer="Ủy ban nhân dân huyện Kỳ Anh",
              province="Kỳ Anh", document_date=date(2026, 10, 2), signer="Lê Văn Hùng")
TAX = dict(document_id=3, document_number="5330/CT-CS", document_kind="Công văn",
           document_title="Chính sách thuế TNCN", issuer="Cục Thuế", document_date=date(2025, 11, 19),
           signer="Mạnh Thị Tuyết Mai", addressees="Thuế các tỉnh, thành phố")
# a công văn's symbol names its issuer, not its kind: asked for as "công văn 11520" all the same
FUEL = dict(document_id=4, document_number="11520/VPCP-CN", document_kind="Công văn",
            document_title="Đẩy mạnh sử dụng nhiên liệu sinh học", issuer="Văn phòng Chính phủ",
            document_date=date(2025, 11, 25), signer="Phạm Mạnh Cường")


@pytest.fixture(scope="module")
def searcher() -> Searcher:
    return Searcher.from_records([
        ItemRecord(1, "Phòng Giáo dục và Đào tạo rà soát cơ sở vật chất trường học trước ngày 10/12/2026.", "",
                   "1", **CAM_XUYEN),
        ItemRecord(2, "Trạm Y tế các xã tiêm phòng cho đàn gia súc trước ngày 30/11/2026.", "", "1", **KY_ANH),
        ItemRecord(3, "Tiền ăn giữa ca không tính vào thu nhập chịu thuế thu nhập cá nhân.", "", "", **TAX),
        ItemRecord(4, "Bộ Công Thương báo cáo Thủ tướng kết quả phối trộn xăng E10 trong tháng 11 năm 2025.", "", "",
                   **FUEL),
    ])


@pytest.mark.parametrize("question, value", [
    ("ct 07 cam xuyen ai ky", "Trần Quốc Bảo"),
    ("chỉ thị 07 Cẩm Xuyên do ai ký", "Trần Quốc Bảo"),
    ("chi thi 07 huyen ky anh ai ky", "Lê Văn Hùng"),
    ("who signed the Cam Xuyen directive 07", "Trần Quốc Bảo"),
    ("chỉ thị của huyện Kỳ Anh ban hành ngày nào", "02/10/2026"),
    ("cv 5330 ai ky", "Mạnh Thị Tuyết Mai"),
    ("who signed notice 5330", "Mạnh Thị Tuyết Mai"),
    ("chi thi ve an toan truong hoc do ai ky", "Trần Quốc Bảo"),
    ("ai ky cv 11520", "Phạm Mạnh Cường"),
    ("cong van 11520 noi ve gi", "Đẩy mạnh sử dụng nhiên liệu sinh học"),
    ("cv 5330 về việc gì", "Chính sách thuế TNCN"),
    ("What is letter 11520 about?", "Đẩy mạnh sử dụng nhiên liệu sinh học"),
    ("cv 5330 gui ai", "Thuế các tỉnh, thành phố"),
    ("who is letter 5330 addressed to", "Thuế các tỉnh, thành phố"),
    # English names a letter by its subject, in English: 'tax policy' is the title's 'chính sách
    # thuế' (branch english9)
    ("who is letter 5330 on tax policy addressed to", "Thuế các tỉnh, thành phố"),
    ("who signed the tax policy letter 5330", "Mạnh Thị Tuyết Mai"),
])
def test_header_fact_answered_with_its_source(searcher, question, value):
    answer = searcher.ask(question)
    assert answer.answered and answer.fact and answer.hits[0].text == value
    assert answer.hits[0].source.split(",")[0] in ("07/CT-UBND", "5330/CT-CS", "11520/VPCP-CN")


@pytest.mark.parametrize("question", [
    "chi thi 07 ai ky",                      # two notices are Chỉ thị 07: which one?
    "chỉ thị do ai ký",                       # no notice named
    "ct 07 cam xuyen han chot ngay nao",      # a task's deadline, not the notice's date
    "chi thi 99 ai ky",                       # no such notice
    "cong van 11520 noi gi ve xang E10",      # what it says about a topic: a directive, not its subject line
    "What does letter 11520 say about E10?",
    "cong van 5330 gui ai ve thue tncn",      # whom it sends a tax rule to: a directive
])
def test_no_header_answer_when_the_notice_is_not_one_or_the_question_asks_more(searcher, question):
    assert searcher.ask(question).fact is None


def test_shorthand_kind_needs_a_number():
    terms = [t.term for t in tokenize("ct cam xuyen ai ky")]
    assert asked_fact(terms) is None
    fact = asked_fact([t.term for t in tokenize("ct 07 cam xuyen ai ky")])
    assert (fact.fact, fact.kind, fact.number, fact.rest) == ("signer", "ct", "7", ("cam", "xuyen"))


def test_known_acronym_also_matches_its_spelled_out_words():
    """'tncn' the index knows from a title ('Chính sách thuế TNCN') still finds the body's 'thu nhập
    cá nhân' (knowledge/concepts.spelled_out): the question is answered from the item that says it."""
    records = [ItemRecord(1, "Tiền ăn trưa, ăn giữa ca không tính vào thu nhập chịu thuế thu nhập cá nhân.", "",
                          "1", **TAX),
               ItemRecord(2, "Các doanh nghiệp kê khai thuế giá trị gia tăng theo quý.", "", "2", **TAX)]
    answer = Searcher.from_records(records).ask("tien an trua co tinh thue tncn ko")
    assert answer.answered and answer.hits[0].item_id == 1


def test_a_cong_van_named_by_kind_and_number_is_found_though_its_symbol_names_its_issuer():
    answer = Searcher.from_records([ItemRecord(4, "Bộ Công Thương báo cáo Thủ tướng kết quả phối trộn xăng E10 "
                                                  "trong tháng 11 năm 2025.", "", "", **FUEL)]).ask(
        "công văn 11520 yêu cầu bộ công thương làm gì")
    assert not answer.missing
    assert answer.hits and answer.hits[0].source.startswith("11520/VPCP-CN")


def test_a_notice_number_nothing_knows_is_named_not_searched(searcher):
    answer = searcher.ask("cv 1234 ai ky")
    assert not answer.answered and answer.missing == ["Công văn 1234"]


def test_a_notice_whose_header_lacks_the_fact_says_so():
    unsigned = dict(TAX, document_id=5, document_number="545/BGDĐT-GDTrH", signer="")
    answer = Searcher.from_records([ItemRecord(5, "Không tổ chức dạy thêm đối với học sinh tiểu học.", "", "",
                                               **unsigned)]).ask("cv 545 ai ky")
    assert answer.fact == "signer" and not answer.answered
    assert answer.hits and answer.hits[0].source.startswith("545/BGDĐT-GDTrH")
