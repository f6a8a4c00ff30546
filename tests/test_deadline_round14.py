"""Deadlines of the fourteenth parser round (issue 8): a decision that issues a calendar ("LỊCH PHỔ BIẾN THÔNG TIN
THỐNG KÊ NĂM 2026", attached after the signature) whose table gives each release a month. Before, the annex was not
read (a "Lịch" is an annex as a "Kế hoạch" is, and its "(Ban hành kèm theo …)" line was wrapped after "(Ban"), the
table's row numbering the columns ("A | B | 1 | 2 | 3 | 4") became empty items, "Thời gian phổ biến" was no time
label, and a row whose merged cells left fewer cells than columns kept its month bare. Small synthetic documents in
the layout a legal library gives (every cell on a line of its own between "|" lines), positive and negative."""
from __future__ import annotations

from datetime import date

import pytest

from knowledge.dates import find_deadlines
from knowledge.parser import parse_text
from knowledge.parser.tasks import clause_of

NOV_26 = date(2025, 11, 26)


def _cells(*cells: str) -> str:
    return "\n|\n".join(cells) + "\n|\n"


HEAD = ("BỘ NỘI VỤ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 1383/QĐ-BNV\n"
        "Hà Nội, ngày 26 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\nVề việc ban hành Lịch phổ biến thông tin thống kê năm 2026\n\n"
        "BỘ TRƯỞNG BỘ NỘI VỤ\n\nQUYẾT ĐỊNH:\n\n"
        "Điều 1. Ban hành kèm theo Quyết định này “Lịch phổ biến thông tin thống kê năm 2026”.\n\n"
        "Điều 2. Thủ trưởng các đơn vị thuộc Bộ chịu trách nhiệm phổ biến thông tin thống kê đảm bảo thời gian.\n\n"
        "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nNguyễn Mạnh Khương\n\n\n"
        "LỊCH PHỔ BIẾN THÔNG TIN THỐNG KÊ NĂM 2026\n(Ban\nhành kèm theo Quyết định số 1383/QĐ-BNV ngày 26 tháng 11 "
        "năm 2025)\n\n")
COLUMNS = ("STT", "Tên thông tin thống kê", "Mức độ hoàn chỉnh", "Thời gian phổ biến", "Hình thức phổ biến",
           "Đơn vị chịu trách nhiệm phổ biến")
NUMBERING = ("A", "B", "1", "2", "3", "4")


def _calendar(*rows: str, numbering=NUMBERING) -> dict:
    return parse_text(HEAD + _cells(*COLUMNS) + _cells(*numbering) + _cells(*rows), today=NOV_26)


def _rows(doc: dict) -> list[dict]:
    return [i for i in doc["items"] if i["text"].startswith("Số ")]


def test_a_calendar_annexed_after_the_signature_is_read_one_item_per_row_with_its_release_month():
    doc = _calendar("1", "Số vụ tai nạn lao động", "Chính thức", "Tháng 3/2026", "Cổng thông tin điện tử",
                    "Cục An toàn lao động",
                    "2", "Số người bị tai nạn lao động", "Chính thức", "Tháng 6/2026", "Cổng thông tin điện tử",
                    "Cục An toàn lao động")
    rows = _rows(doc)
    assert [r["number"] for r in rows] == ["PL.1", "PL.2"]   # no column-number rows; "PL.": the decision has its own "1", "2"
    assert not any(i["text"].strip(" .").isdigit() for i in doc["items"])
    assert [[d["date"] for d in r["deadlines"]] for r in rows] == [["2026-03-31"], ["2026-06-30"]]
    assert rows[0]["deadlines"][0]["task"] == "Số vụ tai nạn lao động"   # due for the row's task, not its cell


def test_a_row_whose_merged_cells_leave_only_its_month_still_dates_its_task():
    doc = _calendar("1", "Số vụ tai nạn lao động", "Chính thức", "Tháng 3/2026", "Cổng thông tin điện tử",
                    "Cục An toàn lao động",
                    "2", "Số người bị tai nạn lao động", "Chính thức", "Tháng 3/2026")
    second = _rows(doc)[1]
    assert "Thời gian phổ biến: Tháng 3/2026" in second["text"]
    assert [(d["date"], d["task"]) for d in second["deadlines"]] == [("2026-03-31", "Số người bị tai nạn lao động")]


def test_a_release_month_long_before_the_date_of_issue_is_no_deadline():
    doc = _calendar("1", "Số đơn vị hành chính", "Chính thức", "Tháng 6/2025", "Cổng thông tin điện tử",
                    "Vụ Chính quyền địa phương")
    assert _rows(doc) and not _rows(doc)[0]["deadlines"]


def test_a_first_row_of_real_numbers_is_no_column_numbering():
    # "1 | 2 | 3" that starts the table's rows (a task follows each number) is read as rows, as before
    doc = parse_text(HEAD + _cells(*COLUMNS) + _cells(
        "1", "Số vụ tai nạn lao động", "Chính thức", "Tháng 3/2026", "Cổng thông tin điện tử", "Cục An toàn lao động",
        "2", "Số người bị tai nạn lao động", "Chính thức", "Tháng 6/2026", "Cổng thông tin điện tử",
        "Cục An toàn lao động"), today=NOV_26)
    assert [r["number"] for r in _rows(doc)] == ["PL.1", "PL.2"]


@pytest.mark.parametrize("text, found", [
    ("Số vụ tai nạn lao động. Thời gian phổ biến: Tháng 3/2026.", ["2026-03-31"]),
    ("Niên giám thống kê. Thời gian công bố: 30/12/2025.", ["2025-12-30"]),
    ("Bản tin. Thời gian phát hành: Quý I/2026.", ["2026-03-31"]),
    # a bare "Thời gian:" also dates meetings, and a release long past is the background
    ("Hội nghị. Thời gian: Tháng 12/2025.", []),
    ("Số đơn vị hành chính. Thời gian phổ biến: Tháng 6/2025.", []),
])
def test_release_time_labels(text, found):
    assert [f.due.isoformat() for f in find_deadlines(text, NOV_26)] == found


def test_a_short_cell_before_the_date_is_skipped_for_the_task_before_it():
    text = "Số vụ tai nạn lao động. Chính thức; Thời gian phổ biến: Tháng 3/2026."
    start = text.index("Thời gian")
    assert clause_of(text, start, start + len("Thời gian phổ biến: Tháng 3/2026")) == "Số vụ tai nạn lao động"
    # a clause that names its work keeps it
    text = "Tổng hợp kết quả và báo cáo Bộ Nội vụ; thời hạn: 20/12/2025."
    start = text.index("thời hạn")
    assert clause_of(text, start, len(text) - 1) == "Tổng hợp kết quả và báo cáo Bộ Nội vụ"


# --- days of gatherings and days "of the year after" (open leads of issue 8) -------------------------------------

@pytest.mark.parametrize("text, found", [
    # the day a meeting or ceremony takes place: nobody has anything due then
    ("Kính mời đại biểu dự họp vào ngày 26/11/2025 tại Hội trường UBND tỉnh.", []),
    ("Hội nghị được tổ chức vào sáng ngày 28/11/2025 tại Hội trường.", []),
    ("Đại biểu có mặt dự Lễ khai mạc vào 7 giờ 30 ngày 01/12/2025.", []),
    # organising it, sending or finishing something on that day, is a dated task
    ("Tổ chức lễ khánh thành vào ngày 01/12/2025.", ["2025-12-01"]),
    ("Các đơn vị gửi báo cáo về Sở trước cuộc họp giao ban vào ngày 28/11/2025.", ["2025-11-28"]),
    ("Phấn đấu hoàn thành vào dịp ngày 19/12/2025.", ["2025-12-19"]),
    ("Tổng hợp các nội dung đã thống nhất, gửi Sở Tài chính vào ngày 05/12/2025.", ["2025-12-05"]),
])
def test_gathering_days(text, found):
    assert [f.due.isoformat() for f in find_deadlines(text, date(2025, 11, 20))] == found


@pytest.mark.parametrize("text, found, recurring", [
    ("Các sở, ngành gửi báo cáo năm 2025 về Sở Nội vụ trước ngày 15/01 năm sau.", ["2026-01-15"], False),
    ("Báo cáo kết quả thực hiện gửi về Sở Tư pháp trước ngày 15/01 năm sau để tổng hợp.", ["2026-01-15"], False),
    ("Định kỳ hằng năm, báo cáo kết quả trước ngày 15 tháng 01 của năm sau.", ["2026-01-15"], True),
    ("Hằng năm, báo cáo sơ kết trước ngày 20/12 và tổng kết trước ngày 10/01 năm sau.", ["2025-12-20", "2026-01-10"], True),
    # the year after a year long gone is passed; a year the text does not name gives no date
    ("Báo cáo năm 2024 trước ngày 31/01 năm sau.", [], False),
    ("Báo cáo trước ngày 10 tháng 6 năm cuối của chương trình.", [], False),
])
def test_a_day_of_the_year_after(text, found, recurring):
    got = find_deadlines(text, date(2025, 11, 20))
    assert [f.due.isoformat() for f in got] == found
    assert all(bool(f.recurrence) == recurring for f in got)


@pytest.mark.parametrize("text, found", [
    # the span a report covers began long before the notice: its end is no due date
    ("Báo cáo kết quả công tác (từ ngày 15/11/2024 đến 14/11/2025) gửi về Sở.", []),
    ("Báo cáo tình hình thực hiện từ ngày 01/01/2025 đến ngày 30/11/2025 gửi Sở Tài chính.", []),
    # the report's own due date, written apart, stays; so does a window that finishes something
    ("Báo cáo kết quả công tác từ ngày 15/11/2024 đến ngày 14/11/2025 gửi về Văn phòng trước ngày 25/11/2025.",
     ["2025-11-25"]),
    ("Hoàn thành việc rà soát từ ngày 01/01/2025 đến hết ngày 30/11/2025.", ["2025-11-30"]),
    ("Thời gian thực hiện: từ ngày 01/12/2025 đến ngày 15/12/2025.", ["2025-12-15"]),
])
def test_the_span_a_report_covers_is_no_due_date(text, found):
    assert [f.due.isoformat() for f in find_deadlines(text, date(2025, 11, 20))] == found


@pytest.mark.parametrize("text, recurring", [
    ("Hằng năm, tổ chức kiểm tra, đánh giá việc thực hiện và báo cáo UBND tỉnh.", True),
    ("- Hằng năm, rà soát danh mục thủ tục hành chính.", True),
    # a yearly event, a modifier: no duty
    ("Hằng năm, lễ hội được tổ chức vào mùa xuân.", False),
    ("Kế hoạch kiểm tra hằng năm được phê duyệt.", False),
])
def test_a_yearly_check_without_a_day_is_a_recurring_duty(text, recurring):
    got = find_deadlines(text, date(2025, 11, 20))
    assert bool(got) == recurring and all(f.recurrence.startswith("FREQ=YEARLY") for f in got)


def test_a_rhythm_that_only_tells_when_something_else_is_done_is_no_check():
    text = "Hằng tháng, sau khi rà soát, đối chiếu, bộ phận quản lý nợ lựa chọn các trường hợp."
    assert find_deadlines(text, date(2025, 11, 20)) == []


def test_a_blank_forms_numbered_rows_are_no_column_numbering_and_what_follows_is_kept():
    # a registration form: its header then empty rows "1 … 4" (as many as its cells); the text after it stays
    form = ("PHỤ LỤC\nMẪU DANH SÁCH ĐĂNG KÝ\n(Kèm theo Quyết định số 1383/QĐ-BNV ngày 26 tháng 11 năm 2025)\n\n"
            + _cells("STT", "Họ và tên", "Chức vụ", "Điện thoại") + _cells("1", "2", "3", "4")
            + "\n2. Các đơn vị gửi danh sách đăng ký về Văn phòng Bộ trước ngày 10/12/2025.\n")
    doc = parse_text(HEAD.split("LỊCH PHỔ BIẾN")[0] + form, today=NOV_26)
    assert any(d["date"] == "2025-12-10" for i in doc["items"] for d in i["deadlines"])
