"""'tháng này' dates a task in the notice's own month (issue 8): "trước ngày 25 tháng này" in a letter of 20/11/2025 is
due on 25/11/2025 and "hoàn thành trong tháng này" on 30/11/2025; a chat message without a date of its own is read
in the month it is pasted. A narrative clause in that month stays no deadline."""
from __future__ import annotations

from datetime import date

import pytest

from knowledge.dates import find_deadlines

NOV_20 = date(2025, 11, 20)


@pytest.mark.parametrize("text, due", [
    ("Báo cáo gửi về Sở Tài chính trước ngày 25 tháng này.", date(2025, 11, 25)),
    ("Đề nghị các đơn vị hoàn thành chậm nhất ngày 28 tháng này.", date(2025, 11, 28)),
    ("Các xã hoàn thành rà soát trong tháng này.", date(2025, 11, 30)),
    ("Hoàn thành việc kiểm kê đến hết tháng này.", date(2025, 11, 30)),
    ("Trong tháng này, các đơn vị phải hoàn thành rà soát.", date(2025, 11, 30)),
])
def test_this_month_is_the_notices_month(text, due):
    assert [f.due for f in find_deadlines(text, NOV_20)] == [due]


@pytest.mark.parametrize("text", [
    "Trong tháng này, Sở đã tổ chức 3 hội nghị.",
    "Trong nhiều tháng này, tỉnh đã triển khai nhiều hoạt động.",
])
def test_this_month_of_a_narrative_is_no_deadline(text):
    assert find_deadlines(text, NOV_20) == []


def test_a_pasted_message_without_a_date_reads_this_month_from_the_day_it_is_pasted():
    text = "Nộp báo cáo trước ngày 25 tháng này."
    assert [f.due for f in find_deadlines(text, None, dated=False, today=date(2026, 1, 10))] == [date(2026, 1, 25)]
    assert find_deadlines(text, None, dated=False) == []
