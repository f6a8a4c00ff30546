"""Deadline wordings of the eleventh parser round (issue 8): other names of a task table's time column
("Tiến độ thực hiện:", "Thời điểm hoàn thành:", "Thời gian dự kiến hoàn thành:", "Thời gian nộp:"), other words
for the same bound ("không muộn hơn ngày", "không quá ngày", "trước thời điểm", "chậm nhất tới ngày"), a monthly
report due early in the next month ("trước ngày 05 của tháng sau"), lunar days written with "mùng", and a report's
cut-off that opens its sentence ("Đến hết ngày 20/11/2025, toàn tỉnh đã tiêm …"). Small synthetic sentences in
the wording each rule is about, positive and negative."""
from __future__ import annotations

from datetime import date

import pytest

from knowledge.dates import find_deadlines

NOV_20 = date(2025, 11, 20)


def _found(text: str) -> list[tuple[str, str | None]]:
    return [(f.due.isoformat(), f.recurrence) for f in find_deadlines(text, NOV_20)]


@pytest.mark.parametrize("text, due", [
    ("Tiến độ thực hiện: Tháng 12/2025.", "2025-12-31"),
    ("Tiến độ hoàn thành: Quý I/2026.", "2026-03-31"),
    ("Tiến độ: trước ngày 15/12/2025.", "2025-12-15"),
    ("Thời điểm hoàn thành: 30/11/2025.", "2025-11-30"),
    ("Thời gian dự kiến hoàn thành: Quý I/2026.", "2026-03-31"),
    ("Thời gian nộp: 10/12/2025.", "2025-12-10"),
    ("gửi báo cáo không muộn hơn ngày 31/12/2025", "2025-12-31"),
    ("gửi báo cáo không quá ngày 31/12/2025", "2025-12-31"),
    ("hoàn thành trước thời điểm 31/12/2025", "2025-12-31"),
    ("báo cáo chậm nhất tới ngày 31/12/2025", "2025-12-31"),
    ("tổ chức lễ hội trước ngày mùng 10 tháng Giêng âm lịch", "2026-02-26"),
    ("hoàn thành trước ngày mồng 5/8 âm lịch", "2026-09-15"),
    ("Đến ngày 15/12/2025, các xã phải hoàn thành việc rà soát.", "2025-12-15"),
])
def test_a_dated_bound_in_other_words(text, due):
    assert [d for d, _ in _found(text)] == [due]


def test_a_monthly_report_due_early_in_the_next_month():
    assert _found("Báo cáo tháng gửi Sở Nội vụ trước ngày 05 của tháng sau.") == [("2025-12-05", "FREQ=MONTHLY;BYMONTHDAY=5")]
    assert _found("chậm nhất ngày 10 tháng tiếp theo") == [("2025-12-10", "FREQ=MONTHLY;BYMONTHDAY=10")]


@pytest.mark.parametrize("text", [
    "Đến hết ngày 20/11/2025, toàn tỉnh đã tiêm được 12.000 liều vắc xin.",
    "Đến ngày 30/11/2025, toàn tỉnh có 95% hộ dân được cấp nước sạch.",
    "Tính đến ngày 15/11/2025, đã có 20 xã hoàn thành.",
    "không quá 10% tổng số",                     # a share, no date
    "Tiến độ giải ngân đến nay đạt 60%.",        # progress, no label with a date
])
def test_no_deadline(text):
    assert _found(text) == []


def test_days_before_tet_in_a_holiday_schedule_are_no_deadline():
    oct_23 = date(2025, 10, 23)
    rest = "Nghỉ 05 ngày theo quy định gồm 01 ngày trước Tết và 04 ngày sau Tết từ thứ Hai 16/02/2026 Dương lịch"
    assert find_deadlines(rest, oct_23) == []
    [found] = find_deadlines("Hoàn thành việc chi trả trợ cấp trước Tết Nguyên đán.", oct_23)
    assert found.due == date(2026, 2, 16)


@pytest.mark.parametrize("text, due", [
    ("Hoàn thành quý I/2026.", "2026-03-31"),
    ("Thời gian thực hiện: 2026.", "2026-12-31"),
])
def test_a_quarter_or_a_bare_year_of_a_task_line(text, due):
    assert [d for d, _ in _found(text)] == [due]


def test_a_lead_date_without_its_year_takes_the_year_given_with_the_number():
    from knowledge.parser import parse_text
    page = ("# Thông báo 312/TB-UBND về lịch nghỉ Tết của tỉnh Đồng Nai ra sao?\n\n"
            "Ngày 23/10/2205, UBND tỉnh Đồng Nai đã có Thông báo 312/TB-UBND năm 2025 về việc nghỉ tết Âm lịch năm 2026.\n\n"
            "Theo đó, các cơ quan bố trí trực Tết theo quy định.\n")
    parsed = parse_text(page)
    assert (parsed["number"], str(parsed["date"])) == ("312/TB-UBND", "2025-10-23")
