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
    assert [r["number"] for r in rows] == ["1", "2"]                 # the column numbers are no rows
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
    assert [r["number"] for r in _rows(doc)] == ["1", "2"]


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
