"""Ranking on real notices (issue 9, branch realrank7): the fresh10 set and what it showed.

The fresh10 figures are those of tests/questions_real_fresh10.tsv (45 questions, 14 out of scope)."""
from __future__ import annotations


from knowledge.search import Searcher
from tests import search_sets as qs


def test_fresh10_floor(sqlite_db):
    """fresh10: before this branch 66.7% top-1 (39/45 ranked first), 12/14 declined, 6.8% confidently
    wrong; after it 66.7% (40/45 ranked first), 12/14, 6.8%."""
    f = qs.figures_of("fresh10")
    assert f["top1"] >= 0.64 and f["declined"] >= 0.80 and f["confidently_wrong"] <= 0.07


# --- "mấy giờ" asks for a clock hour ------------------------------------------------------------

from datetime import date  # noqa: E402

from knowledge.answer_kind import wanted_answer  # noqa: E402
from knowledge.records import ItemRecord  # noqa: E402
from knowledge.text import terms  # noqa: E402
from knowledge.clock_place import ANSWERS_HOUR, clock_place_kinds  # noqa: E402
from knowledge.traits import ANSWERS_TIME  # noqa: E402

HOLIDAY = dict(document_id=1, document_number="0300/TB-UBND", document_kind="Thông báo", issuer="UBND tỉnh Hòa Bình",
               document_title="Về việc nghỉ Tết Dương lịch năm 2027", document_date=date(2026, 12, 1), signer="Nguyễn Văn A")


def test_a_clock_hour_is_an_hour_and_a_date_is_not():
    for text in ("Treo cờ từ trước 06 giờ đến 22 giờ ngày 01 tháng 01 năm 2027.",
                 "Thời gian bắn: Từ 22.00 đến 22.08 ngày 10 tháng 8", "lúc 7h30 sáng"):
        assert clock_place_kinds(terms(text), text) & ANSWERS_HOUR, text
    for text in ("Ngày Giỗ Tổ Hùng Vương: 01 ngày (ngày 10 tháng 3 âm lịch).", "giá 2.500 đồng, hạn 15/12/2026"):
        assert not clock_place_kinds(terms(text), text) & ANSWERS_HOUR, text


def test_the_words_that_ask_for_an_hour():
    for asked in ("treo co tu may gio den may gio", "phao hoa ban luc may h", "What time does the ceremony start?",
                  "Lễ viếng bắt đầu lúc mấy giờ?"):
        assert wanted_answer(terms(asked)) == ANSWERS_HOUR, asked
    assert wanted_answer(terms("khi nao nop bao cao")) == ANSWERS_TIME


def test_an_hour_question_is_answered_by_the_point_with_the_hour():
    """fresh10 a02: "treo co to quoc tet duong lich tu may gio den may gio" put first the Labour
    Code's "Ngày Giỗ Tổ Hùng Vương: 01 ngày (ngày 10 tháng 3 âm lịch)", a date, before the point
    that says from what hour to what hour the flag flies. Here a point with the day only would
    lead, as it did before this branch."""
    rows = [("1", "Cán bộ, công chức được nghỉ 01 ngày (thứ Sáu, ngày 01/01/2027).", ("1. Lịch nghỉ Tết Dương lịch:",)),
            ("2", "Treo cờ Tổ quốc tại trụ sở từ trước 06 giờ đến 22 giờ.", ("2. Về treo cờ Tổ quốc:",)),
            ("3", "Các hộ dân treo cờ Tổ quốc trong ngày Tết Dương lịch 01/01/2027.", ("2. Về treo cờ Tổ quốc:",)),
            ("4", "Tết Dương lịch: 01 ngày (ngày 01 tháng 01 dương lịch);", ("Điều 112. Nghỉ lễ, tết",)),
            ("5", "Ngày Giỗ Tổ Hùng Vương: 01 ngày (ngày 10 tháng 3 âm lịch).", ("Điều 112. Nghỉ lễ, tết",))]
    records = [ItemRecord(k + 1, text, "", number, headings=heads, **HOLIDAY)
               for k, (number, text, heads) in enumerate(rows)]
    answer = Searcher.from_records(records).ask("treo cờ Tết Dương lịch từ mấy giờ")
    assert "06 giờ đến 22 giờ" in answer.hits[0].text


# --- "ở đâu" asks for a place --------------------------------------------------------------------

from knowledge.answer_kind import wanted_place  # noqa: E402
from knowledge.clock_place import ANSWERS_PLACE  # noqa: E402

CONCERT = dict(document_id=2, document_number="15/KH-BTC", document_kind="Kế hoạch", issuer="Ban Tổ chức",
               document_title="Hướng dẫn nhận vé chương trình nghệ thuật Mùa thu", document_date=date(2026, 9, 1),
               signer="Trần Văn B")


def test_an_address_is_a_place():
    for text in ("Khán giả đổi vé tại Tòa soạn Báo (Số 71 Hàng Trống, Hoàn Kiếm, Hà Nội).",
                 "Số 6, đường Trần Đăng Ninh, phường Cầu Giấy.", "tại khu vực đường đua F1, phường Từ Liêm, Hà Nội."):
        assert clock_place_kinds(terms(text), text) & ANSWERS_PLACE, text
    for text in ("Theo Quyết định số 1357/QĐ-TCHQ ngày 18/5/2021", "Giao UBND các xã, phường thực hiện.",
                 "Nghị quyết số 57 của Bộ Chính trị"):
        assert not clock_place_kinds(terms(text), text) & ANSWERS_PLACE, text


def test_the_words_that_ask_for_a_place():
    for asked in ("Đổi vé cứng ở đâu?", "BHXH đặt trụ sở ở đâu?", "le vieng to chuc o dau"):
        assert wanted_place(terms(asked)) == ANSWERS_PLACE, asked
    for other in ("lay kinh phi o dau", "thu tuc duoc quy dinh o dau", "gui phieu khao sat o dau", "nộp hồ sơ ở đâu"):
        assert wanted_place(terms(other)) == 0, other


def test_a_place_question_is_answered_by_the_point_with_the_address():
    """fresh4 f35: "Đổi vé cứng concert … ở đâu?" put first the step "Bước 5: Đổi vé cứng tham gia
    chương trình", which holds every word of the question and no place, before the point with the
    address."""
    rows = [("1", "Bước 4: Nhận email xác nhận có mã QR.", ()),
            ("2", "Bước 5: Đổi vé cứng tham gia chương trình", ()),
            ("3", "Khán giả đổi vé cứng tham gia chương trình tại Nhà văn hóa (Số 12 Lê Lợi, phường Bến Thành).", ()),
            ("4", "Sau khi kiểm tra thông tin, khán giả nhận vé cứng của chương trình.", ())]
    records = [ItemRecord(k + 1, text, "", number, headings=heads, **CONCERT)
               for k, (number, text, heads) in enumerate(rows)]
    answer = Searcher.from_records(records).ask("Đổi vé cứng chương trình ở đâu?")
    assert "Số 12 Lê Lợi" in answer.hits[0].text
