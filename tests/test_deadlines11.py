"""Deadline rules of the eleventh deadline round (issue 8): a plan's period of several years in a task line is no
deadline (the annotations' convention: "giai đoạn 2026 - 2030", "2025 - 2035" are periods, "năm 2026 - 2027" is a
task's window due at its end), a task table's bare month "12/2025", a bare "Thời gian:" in a task line that names
who leads, a yearly day without "ngày" ("trước 20/12 hằng năm") and a weekday between "ngày" and the date
("trước 17 giờ ngày thứ Sáu, 28/11/2025"). Small synthetic sentences in the wording each rule is about, positive
and negative; the phrase forms now live in knowledge/date_forms.py."""
from __future__ import annotations

from datetime import date, time

import pytest

from knowledge.dates import find_deadlines
from knowledge.parser import parse_text

NOV_20 = date(2025, 11, 20)


def _dues(text: str, ref: date = NOV_20) -> list[date]:
    return [f.due for f in find_deadlines(text, ref)]


@pytest.mark.parametrize("line", [
    "Thời gian thực hiện: 2026 - 2030.",
    "Thời gian thực hiện: Năm 2026 - 2030.",
    "Thời gian thực hiện: từ năm 2026 đến năm 2030.",
    "Thời gian thực hiện: 2025 - 2035.",
    "Tiến độ thực hiện: 2026 - 2028.",
    "Cơ quan chủ trì: Sở Tư pháp; Thời gian: 2026 - 2030.",
])
def test_a_plan_period_of_three_years_or_more_is_no_deadline(line):
    assert _dues(line) == []


@pytest.mark.parametrize("line, due", [
    ("Thời gian thực hiện: năm 2026 - 2027.", date(2027, 12, 31)),      # a task's short window: due at its end
    ("Thời gian thực hiện: 2026.", date(2026, 12, 31)),
    ("Thời gian thực hiện: Năm 2026.", date(2026, 12, 31)),
])
def test_a_task_window_of_one_or_two_years_is_still_due_at_its_end(line, due):
    assert _dues(line) == [due]


def test_a_five_year_plan_annex_gives_no_deadline_for_its_own_period_but_one_for_a_dated_row():
    text = """KẾ HOẠCH
Thực hiện chương trình chuyển đổi số giai đoạn 2026 - 2030

PHỤ LỤC: NHIỆM VỤ TRIỂN KHAI

STT
|
Nhiệm vụ
|
Cơ quan chủ trì
|
Thời gian thực hiện
|
|
1
|
Xây dựng cơ sở dữ liệu dùng chung của tỉnh
|
Sở Khoa học và Công nghệ
|
2026 - 2030
|
|
2
|
Ban hành quy chế khai thác dữ liệu
|
Sở Khoa học và Công nghệ
|
2026
|
|
3
|
Đào tạo kỹ năng số cho cán bộ, công chức
|
Sở Nội vụ
|
2026 - 2030
|
|
"""
    parsed = parse_text(text, today=NOV_20)
    dates = [d["date"] for i in parsed["items"] for d in i["deadlines"]]
    assert dates == ["2026-12-31"]


@pytest.mark.parametrize("line, due", [
    ("Thời gian hoàn thành: 12/2025.", date(2025, 12, 31)),
    ("Thời hạn hoàn thành: 3/2026", date(2026, 3, 31)),
])
def test_a_task_label_with_a_bare_month_is_due_at_the_month_end(line, due):
    assert _dues(line) == [due]


def test_a_bare_month_label_does_not_read_a_document_number():
    assert _dues("Thời hạn hoàn thành: 12/2025/TT-BTC.") == []


@pytest.mark.parametrize("line, due", [
    ("Chủ trì: Sở Tư pháp; Thời gian: Quý I/2026.", date(2026, 3, 31)),
    ("Cơ quan chủ trì: Sở Tư pháp; Cơ quan phối hợp: các sở; Thời gian: Tháng 12/2025.", date(2025, 12, 31)),
    ("Cơ quan chủ trì: Sở Nội vụ; Thời gian: năm 2026.", date(2026, 12, 31)),
    ("- Chủ trì: Sở Nội vụ.\n- Thời gian: 12/2025.", date(2025, 12, 31)),
])
def test_a_bare_time_label_dates_a_task_line_that_names_who_leads(line, due):
    assert _dues(line) == [due]


@pytest.mark.parametrize("line", [
    "Thời gian: Quý I/2026.",                               # no lead named: a meeting's time as well
    "Thời gian: tháng 12/2025, tại hội trường Sở.",
    "Cơ quan chủ trì: Sở Tư pháp; Thời gian: 8 giờ ngày 05/12/2025.",   # a day: a meeting chaired by the Sở
])
def test_a_bare_time_label_without_a_lead_or_with_a_day_is_no_deadline(line):
    assert _dues(line) == []


def test_a_yearly_day_without_ngay_is_yearly():
    [found] = find_deadlines("Các sở gửi báo cáo về Bộ trước 20/12 hằng năm.", NOV_20)
    assert (found.due, found.recurrence) == (date(2025, 12, 20), "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=20")


@pytest.mark.parametrize("line, at", [
    ("Các đơn vị nộp hồ sơ trước 17 giờ ngày thứ Sáu, 28/11/2025.", time(17, 0)),
    ("Các đơn vị nộp hồ sơ trước ngày thứ Sáu, 28/11/2025.", None),
])
def test_a_weekday_between_ngay_and_the_date(line, at):
    [found] = find_deadlines(line, NOV_20)
    assert (found.due, found.time) == (date(2025, 11, 28), at)


@pytest.mark.parametrize("line, due", [
    ("Các sở báo cáo trong tháng 12 hằng năm.", date(2025, 12, 31)),
    ("Các sở tổ chức kiểm tra trong quý IV hằng năm.", date(2025, 12, 31)),
    ("Thời gian thực hiện: Tháng 12 hằng năm.", date(2025, 12, 31)),
    ("Thời gian thực hiện: Quý I hằng năm.", date(2026, 3, 31)),
])
def test_a_month_or_quarter_followed_by_hang_nam_comes_back_each_year(line, due):
    found = [f for f in find_deadlines(line, NOV_20) if f.kind == "within_month"]
    assert [(f.due, (f.recurrence or "").startswith("FREQ=YEARLY")) for f in found] == [(due, True)]


def test_a_month_with_its_year_and_then_hang_nam_is_that_month_once():
    [found] = find_deadlines("Thời gian thực hiện: Tháng 12/2025 và hằng năm.", NOV_20)
    assert (found.due, found.recurrence) == (date(2025, 12, 31), None)


@pytest.mark.parametrize("line, due", [
    ("Thời gian hoàn thành: 6 tháng đầu năm 2026.", date(2026, 6, 30)),
    ("Thời gian thực hiện: trong 6 tháng cuối năm 2026.", date(2026, 12, 31)),
])
def test_a_half_year_after_a_task_label(line, due):
    assert _dues(line) == [due]
