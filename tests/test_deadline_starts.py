"""Deadline rules added with the tenth annotation batch (issue 8, section 5): a plan's task line
that dates only the start of the task ("Thời gian thực hiện: Từ 01/7/2025") and yearly duties
without a day of their own ("Thời gian thực hiện: Hằng năm.", a Thông tư-style duty "trình …
phê duyệt hằng năm theo quy định tại Điều 13 Thông tư này", "a) Báo cáo … hằng năm và …").
Small synthetic sentences, each in the administrative wording the rule is about."""
from __future__ import annotations

from datetime import date

import pytest

from knowledge.dates import find_deadlines

NOV_20 = date(2025, 11, 20)
YEARLY = "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31"


@pytest.mark.parametrize("line, due", [
    ("Thực hiện chế độ hỗ trợ. Thời gian thực hiện: Từ 01/7/2025.", date(2025, 7, 1)),
    ("Vận hành hệ thống. Thời gian thực hiện: từ ngày 01/01/2026.", date(2026, 1, 1)),
])
def test_a_plan_line_that_dates_the_start_of_a_task_is_its_date(line, due):
    assert [(f.due, f.kind) for f in find_deadlines(line, NOV_20)] == [(due, "from")]


def test_a_start_and_end_window_is_still_due_at_its_end():
    line = "Thời gian thực hiện: Từ ngày 01/12/2025 đến ngày 15/12/2025."
    assert [f.due for f in find_deadlines(line, NOV_20)] == [date(2025, 12, 15)]


@pytest.mark.parametrize("line", [
    "Tổ chức hội nghị, hội thảo. Thời gian thực hiện: Hằng năm.",
    "Sở Công Thương thẩm tra Đề án để trình Ủy ban nhân dân tỉnh phê duyệt hằng năm theo quy định tại Điều 13 Thông tư này;",
    "a) Báo cáo Cục Điện lực cơ cấu tỷ trọng sản lượng điện hằng năm và dự kiến cơ cấu năm kế tiếp;",
])
def test_a_yearly_duty_without_a_day_is_due_each_year_end(line):
    assert [(f.due, f.recurrence) for f in find_deadlines(line, NOV_20)] == [(date(2025, 12, 31), YEARLY)]


@pytest.mark.parametrize("line", [
    "Tổ chức bồi dưỡng theo nội dung chương trình bồi dưỡng thường xuyên hàng năm.",
    "Thời gian thực hiện: Theo kế hoạch công tác tư pháp hàng năm.",
    "Xây dựng kế hoạch hằng năm.",
])
def test_hang_nam_that_names_a_programme_or_plan_is_no_duty(line):
    assert find_deadlines(line, NOV_20) == []


JUN_20, OCT_10 = date(2025, 6, 20), date(2025, 10, 10)


@pytest.mark.parametrize("line, due", [
    ("Các xã đưa vào vận hành hệ thống từ 01/7/2025.", date(2025, 7, 1)),
    ("Sở Y tế hoàn thành tháng 10/2025.", date(2025, 10, 31)),
])
def test_a_start_without_ngay_and_a_bare_completion_month_are_dated(line, due):
    assert [f.due for f in find_deadlines(line, JUN_20)] == [due]


@pytest.mark.parametrize("line", [
    "Thời gian: từ 01/7/2025 đến 31/12/2025.",          # a period
    "Nghị định có hiệu lực từ 01/7/2025.",               # a rule in force
    "Tỷ lệ tăng từ 2/3 lên 3/4.",                        # no year: no date
])
def test_a_bare_from_date_stays_weak(line):
    assert find_deadlines(line, JUN_20) == []


@pytest.mark.parametrize("line", [
    "Tỉnh đã hoàn thành việc sắp xếp trước ngày 30/9/2025.",
    "Các đơn vị đã hoàn thành việc cấp thẻ trong tháng 10/2025, vượt tiến độ đề ra.",
    "Năm 2025, toàn tỉnh hoàn thành xóa nhà tạm trong tháng 10/2025, sớm hơn kế hoạch.",
])
def test_a_result_a_report_tells_as_reached_is_no_deadline(line):
    assert find_deadlines(line, OCT_10) == []


@pytest.mark.parametrize("line, due", [
    ("Sở đã hoàn thành khảo sát, đề nghị các xã báo cáo trước ngày 30/10/2025.", date(2025, 10, 30)),
    ("Phấn đấu hoàn thành trước ngày 30/10/2025, sớm hơn kế hoạch 2 tháng.", date(2025, 10, 30)),
])
def test_an_order_after_a_result_or_a_target_ahead_of_plan_stays(line, due):
    assert [f.due for f in find_deadlines(line, OCT_10)] == [due]
