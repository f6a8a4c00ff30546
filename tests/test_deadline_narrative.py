"""Deadline rules of the sixth deadline round (issue 8, section 5): the due-date cell of a task
table whose row does not line up with its columns, the past-tense test on the verb that
governs a date phrase, planned events and services that stop, yearly and quarterly duties
with no day of their own, and narrative periods (a duration, the period results cover, a
start announced as news). Small synthetic sentences in the wording each rule is about,
positive and negative."""
from __future__ import annotations

from datetime import date

import pytest

from knowledge.dates import find_deadlines
from knowledge.parser.cleaning import Paragraph
from knowledge.parser.tables import fold_tables

NOV_20 = date(2025, 11, 20)


def _dates(text: str) -> list[date]:
    return [f.due for f in find_deadlines(text, NOV_20)]


# --- Task tables ---------------------------------------------------------------------------

def _table(rows: list[list[str]], columns: list[str]) -> list[Paragraph]:
    """Paragraphs as a web page's table leaves them: one cell per line, rows numbered."""
    lines = ["STT", *columns]
    for n, cells in enumerate(rows, 1):
        lines += [str(n), *cells]
    return [Paragraph(line, [line], first=2 * k) for k, line in enumerate(lines)]


COLUMNS = ["Nhiệm vụ", "Cơ quan chủ trì", "Kết quả", "Thời hạn hoàn thành"]


@pytest.mark.parametrize("cells, due", [
    # the result cell is two bullets: one cell too many
    (["Rà soát quy trình", "Văn phòng", "Hoàn thành tái cấu trúc", "Tích hợp dịch vụ công", "01/01/2026"],
     date(2026, 1, 1)),
    # an empty cell skipped: one cell too few
    (["Xây dựng quy chế an toàn", "Trung tâm", "Tháng 11/2025"], date(2025, 11, 30)),
])
def test_the_date_cell_of_a_row_that_does_not_line_up_is_its_deadline(cells, due):
    [row] = fold_tables(_table([cells], COLUMNS))
    assert "Thời hạn hoàn thành: " in row.text
    assert _dates(row.text) == [due]


def test_a_last_cell_without_a_number_or_under_another_column_is_not_labelled():
    [row] = fold_tables(_table([["Rà soát quy trình", "Văn phòng", "Kết quả một", "Kết quả hai",
                                 "Theo kế hoạch"]], COLUMNS))
    assert "Thời hạn hoàn thành" not in row.text
    [row] = fold_tables(_table([["Bà Lan", "Hà Nội", "x", "1990"]], ["Họ tên", "Quê quán", "Năm sinh"]))
    assert "Năm sinh:" not in row.text


# --- The verb that governs a date phrase ----------------------------------------------------

@pytest.mark.parametrize("line, due", [
    ("Các đơn vị báo cáo kết quả về Sở Nội vụ trong tháng 12/2025, nêu rõ những việc đã làm, việc chưa làm.",
     date(2025, 12, 31)),
    ("UBND tỉnh đã ban hành Kế hoạch số 12/KH-UBND, các xã triển khai trong tháng 12/2025.", date(2025, 12, 31)),
    ("Tổng hợp các nội dung đã thống nhất, gửi Sở Tài chính vào ngày 05/12/2025.", date(2025, 12, 5)),
])
def test_a_past_verb_that_does_not_govern_the_date_leaves_the_duty(line, due):
    assert _dates(line) == [due]


@pytest.mark.parametrize("line", [
    "Hội nghị đã tổ chức vào ngày 18/11/2025 tại Hà Nội.",
    "Sở Y tế, vào ngày 18/11/2025, đã tổ chức hội nghị tập huấn.",
    "Ngày 15/11/2025, Bộ đã có văn bản đề nghị các tỉnh báo cáo.",
])
def test_a_past_verb_that_governs_the_date_makes_it_narrative(line):
    assert _dates(line) == []


# --- Planned events and services that stop --------------------------------------------------

@pytest.mark.parametrize("line", [
    "Dự kiến tổ chức Hội nghị tổng kết vào ngày 05/12/2025 tại Hội trường UBND tỉnh.",
    "Hội nghị sẽ diễn ra vào ngày 10/12/2025.",
    "Kênh VTV5 ngừng phát sóng từ ngày 01/12/2025.",
    "Ngân hàng tạm dừng giao dịch từ ngày 01/12/2025 để nâng cấp hệ thống.",
    "- Cấp thành phố: Dự kiến tổ chức trước ngày 20/12/2025.",
    "Hội nghị sẽ được tổ chức trước ngày 20/12/2025.",
])
def test_planned_events_and_stopping_services_are_no_deadline(line):
    assert _dates(line) == []


@pytest.mark.parametrize("line, due", [
    ("Dự kiến hoàn thành trước ngày 15/12/2025.", date(2025, 12, 15)),
    ("Công trình dự kiến hoàn thành vào ngày 30/12/2025.", date(2025, 12, 30)),
    ("Các đơn vị gửi báo cáo về Sở vào ngày 05/12/2025.", date(2025, 12, 5)),
    ("Các đơn vị tổ chức trước ngày 20/12/2025.", date(2025, 12, 20)),
    ("Sở dự kiến tổ chức hội nghị, các đơn vị gửi báo cáo vào ngày 05/12/2025.", date(2025, 12, 5)),
])
def test_targets_and_duties_stay_deadlines(line, due):
    assert _dates(line) == [due]


# --- Yearly and quarterly duties with no day --------------------------------------------------

@pytest.mark.parametrize("line, due, rule", [
    ("Hằng năm hoặc đột xuất báo cáo UBND tỉnh kết quả thực hiện.", date(2025, 12, 31),
     "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"),
    ("Định kỳ hằng năm, các đơn vị báo cáo Sở Tài chính.", date(2025, 12, 31),
     "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"),
    ("Sở Nội vụ tổng hợp, báo cáo Chủ tịch Ủy ban nhân dân tỉnh kết quả thực hiện hằng năm.", date(2025, 12, 31),
     "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"),
    ("Các sở báo cáo kết quả thực hiện theo định kỳ hàng quý.", date(2025, 12, 31),
     "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=31"),
])
def test_a_duty_every_year_or_quarter_without_a_day_recurs_at_each_period_end(line, due, rule):
    [found] = find_deadlines(line, NOV_20)
    assert (found.due, found.recurrence) == (due, rule)


@pytest.mark.parametrize("line", [
    "Xây dựng kế hoạch hằng năm để triển khai.",
    "Lễ hội được tổ chức hằng năm tại đền.",
    "Bố trí kinh phí trong dự toán ngân sách hằng năm của các sở.",
    "Báo cáo tình hình thực hiện hằng năm là căn cứ để đánh giá, xếp loại.",
    "Thời gian báo cáo định kỳ hàng năm tính từ ngày 15 tháng 12 năm trước kỳ báo cáo.",
    "Căn cứ báo cáo và kết quả đánh giá cán bộ định kỳ hằng năm của cấp có thẩm quyền.",
])
def test_every_year_as_a_modifier_is_no_duty(line):
    assert _dates(line) == []


@pytest.mark.parametrize("line", [
    "định kỳ hàng năm báo cáo kết quả về Sở chậm nhất ngày 17 tháng 12",
    "Hằng năm, báo cáo kết quả về Sở; gửi trước ngày 17/12 hằng năm.",
])
def test_a_yearly_duty_with_its_day_keeps_that_day_only(line):
    [found] = find_deadlines(line, NOV_20)
    assert (found.due, found.recurrence) == (date(2025, 12, 17), "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=17")


# --- Narrative periods ---------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Bộ kéo dài triển lãm Thành tựu Đất nước đến hết ngày 15/12/2025.",
    "Đợt cao điểm kéo dài đến ngày 31/12/2025.",
    "Báo cáo kết quả thực hiện từ ngày 01/10/2025 đến ngày 15/11/2025 gửi Sở.",
    "Từ ngày 01/12/2025, cơ quan Hải quan sẽ triển khai hệ thống mới.",
])
def test_durations_covered_periods_and_announced_starts_are_no_deadline(line):
    assert _dates(line) == []


@pytest.mark.parametrize("line, due", [
    ("Duy trì chế độ trực ban và báo cáo kết quả đến hết ngày 15/12/2025.", date(2025, 12, 15)),
    ("Công an tỉnh duy trì các chốt kiểm soát tại cửa ngõ ra vào tỉnh đến hết ngày 13/12/2025.", date(2025, 12, 13)),
    ("Từ ngày 01/12/2025, các đơn vị sẽ phải sử dụng phần mềm mới.", date(2025, 12, 1)),
    ("Các đơn vị hoàn thành việc rà soát đến hết ngày 15/12/2025.", date(2025, 12, 15)),
])
def test_a_duty_in_such_wording_stays(line, due):
    assert _dates(line) == [due]
