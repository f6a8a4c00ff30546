"""Deadline wordings of the twelfth parser round (issue 8), found on documents of the free list: a quarter's report
due early in the next quarter ("trước ngày 10 của tháng đầu quý sau"), a report twice a day ("02 lần/ngày (trước 9h00
và 16h00)"), a monthly report with no day ("báo cáo Thủ tướng Chính phủ hằng tháng"), a closing hour before the day
("Hạn cuối nhận hồ sơ là 17h00 ngày …"), the span "từ nay đến ngày …" when the clause says what to finish, a task's
sentence that opens on its year ("Năm 2026, cắt giảm …"), office hours that name days off only to leave them out, and
a letter's polite request "Bộ … trân trọng đề nghị …" (no closing formula). Small synthetic sentences in the wording
each rule is about, positive and negative."""
from __future__ import annotations

from datetime import date, time

import pytest

from knowledge.dates import find_deadlines
from knowledge.parser import parse_text
from knowledge.recurrence import describe, next_occurrence

NOV_20 = date(2025, 11, 20)


def _found(text: str, ref: date = NOV_20) -> list[tuple[str, str | None]]:
    return [(f.due.isoformat(), f.recurrence) for f in find_deadlines(text, ref)]


@pytest.mark.parametrize("text", [
    "Các đơn vị báo cáo kết quả thực hiện trước ngày 10 của tháng đầu quý sau.",
    "Báo cáo quý gửi chậm nhất ngày 10 tháng đầu tiên của quý tiếp theo.",
    "Định kỳ hằng quý, các sở báo cáo trước ngày 10 của tháng đầu quý sau.",
])
def test_a_quarter_report_due_early_in_the_next_quarter(text):
    assert _found(text) == [("2026-01-10", "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=10")]


def test_the_next_quarter_rule_rolls_to_april_and_reads_for_people():
    rule = "FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=10"
    assert next_occurrence(rule, date(2026, 1, 10)) == date(2026, 4, 10)
    assert describe(rule) == "ngày 10 tháng đầu quý"
    assert describe("FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15") == "ngày 15 tháng cuối quý"


def test_a_report_twice_a_day_is_due_at_both_hours():
    found = find_deadlines("Huy động nguồn lực tại chỗ; báo cáo 02 lần/ngày (trước 9h00’ và 16h00’) về tình hình.", NOV_20)
    assert [(f.due, f.time, f.recurrence) for f in found] == [(date(2025, 11, 21), time(9), "FREQ=DAILY"),
                                                              (date(2025, 11, 21), time(16), "FREQ=DAILY")]
    assert _found("Uống thuốc 3 lần/ngày sau bữa ăn.") == []


@pytest.mark.parametrize("text, found", [
    ("Vụ Kế hoạch tổng hợp kết quả, trình Lãnh đạo Bộ báo cáo Thủ tướng Chính phủ hằng tháng.",
     [("2025-11-30", "FREQ=MONTHLY;BYMONTHDAY=31")]),
    ("Định kỳ hằng tháng báo cáo UBND tỉnh kết quả thực hiện.", [("2025-11-30", "FREQ=MONTHLY;BYMONTHDAY=31")]),
    ("Hằng tháng, báo cáo UBND tỉnh trước ngày 20.", [("2025-12-20", "FREQ=MONTHLY;BYMONTHDAY=20")]),
    ("Tổ chức họp giao ban hằng tháng.", []),
    ("Chi trả lương hằng tháng của cán bộ đúng hạn.", []),
])
def test_a_monthly_report_without_a_day_is_due_each_month_end(text, found):
    assert _found(text) == found


def test_the_month_end_rule_reads_for_people():
    assert describe("FREQ=MONTHLY;BYMONTHDAY=31") == "cuối mỗi tháng"
    assert next_occurrence("FREQ=MONTHLY;BYMONTHDAY=31", date(2026, 1, 31)) == date(2026, 2, 28)


def test_a_closing_hour_written_before_the_day():
    found = find_deadlines("Hạn cuối nhận hồ sơ là 17h00 ngày 30/11/2025.", NOV_20)
    assert [(f.due, f.time) for f in found] == [(date(2025, 11, 30), time(17))]


@pytest.mark.parametrize("text, found", [
    ("Từ nay đến ngày 31/12/2025, các địa phương hoàn thành dứt điểm việc chi trả.", ["2025-12-31"]),
    ("Từ nay đến hết năm 2025 phải hoàn thành dứt điểm các hồ sơ tồn đọng.", ["2025-12-31"]),
    ("Tập trung thực hiện các nhiệm vụ trọng tâm từ nay đến tháng 6/2027.", []),
    ("Từ nay đến ngày 15/12/2025, tập trung cao điểm kiểm tra.", []),
    ("Thời gian thực hiện: Từ nay đến hết năm 2025.", []),
])
def test_from_now_until_a_day_is_a_deadline_only_for_what_must_be_finished(text, found):
    assert [d for d, _ in _found(text)] == found


@pytest.mark.parametrize("text, found", [
    ("Kiên quyết cắt giảm thủ tục. Năm 2026, cắt giảm, đơn giản hóa 100% điều kiện kinh doanh không cần thiết.",
     ["2026-12-31"]),
    ("Năm 2027, hoàn thành việc số hóa hồ sơ.", ["2027-12-31"]),
    ("Năm 2025, Hội đồng nhân dân tỉnh quyết nghị thông qua tổng thu ngân sách.", []),
    ("Năm 2026, tỉnh phấn đấu tăng trưởng 10%.", []),
    ("Năm 1930, hoàn thành việc thành lập.", []),
    ("Ban hành kế hoạch năm 2026, hoàn thành việc rà soát hồ sơ.", []),
])
def test_a_task_sentence_that_opens_on_its_year(text, found):
    assert [d for d, _ in _found(text)] == found


@pytest.mark.parametrize("text, found", [
    ("Thời gian tiếp nhận hồ sơ: Trong giờ hành chính, từ thứ 2 đến thứ 6 hàng tuần (trừ ngày nghỉ Lễ, Tết), "
     "đến hết ngày 15/8/2025.", ["2025-08-15"]),
    ("Thời gian nhận hồ sơ: từ ngày 01/8/2025 đến hết ngày 15/8/2025.", ["2025-08-15"]),
    ("Cán bộ được nghỉ Tết từ ngày 14/2/2026 đến hết ngày 22/2/2026.", []),
    ("Hệ thống tạm dừng từ 20h ngày 14/11 đến hết ngày 16/11/2025.", []),
])
def test_office_hours_and_application_windows(text, found):
    assert [d for d, _ in _found(text, date(2025, 7, 1))] == found


LETTER = """BỘ TÀI CHÍNH
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 1234/BTC-VP
V/v tập huấn nghiệp vụ thuế
Hà Nội, ngày 18 tháng 11 năm 2025
Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.
Bộ Tài chính tổ chức 06 hội nghị tập huấn nghiệp vụ quản lý thuế cho cán bộ xã. Thông tin cụ thể như sau:
1. Đối tượng: lãnh đạo cấp xã.
2. Thời gian: ngày 26/11/2025.
Bộ Tài chính trân trọng đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương chỉ đạo các xã cử cán bộ tham dự; gửi danh sách đăng ký trước ngày 24/11/2025.
Trân trọng cảm ơn./.
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Nguyễn Văn A
"""


def test_a_polite_request_is_a_directive_and_a_thank_you_is_not():
    items = parse_text(LETTER)["items"]
    request = next(i for i in items if "trân trọng đề nghị" in i["text"])
    assert request["kind"] != "context"
    assert [d["date"] for d in request["deadlines"]] == ["2025-11-24"]
    assert all(i["kind"] == "context" for i in items if i["text"].startswith("Trân trọng cảm ơn"))


@pytest.mark.parametrize("text, found", [
    ("Thời gian: 8h00 ngày 26/11/2025.", []),                          # a meeting's day and hour
    ("Hoàn thành: Tháng 12/2025.", ["2025-12-31"]),
    ("Hoàn thành: 30/11/2025.", ["2025-11-30"]),
    ("Kết quả đã hoàn thành: 20 xã.", []),
])
def test_a_task_table_completion_column(text, found):
    assert [d for d, _ in _found(text)] == found


@pytest.mark.parametrize("text, found", [
    ("Các xã hoàn thành việc rà soát trong năm nay.", ["2025-12-31"]),
    ("Xây dựng kế hoạch năm nay.", []),
    ("Hoàn thành chi trả trước Tết Dương lịch 2026.", ["2025-12-31"]),
    ("Hoàn thành trong tuần đầu tháng 12/2025.", ["2025-12-07"]),
    ("Báo cáo vào tuần thứ 2 của tháng 01/2026.", ["2026-01-14"]),
    ("Gửi báo cáo trước thứ Sáu (28/11/2025).", ["2025-11-28"]),
    ("Báo cáo trước ngày mùng 5 hằng tháng.", ["2025-12-05"]),
])
def test_the_notice_year_new_year_weeks_of_a_month_and_a_weekday_before_its_date(text, found):
    assert [d for d, _ in _found(text)] == found


def test_this_year_needs_the_notice_date():
    assert find_deadlines("Hoàn thành trong năm nay.", None, dated=False) == []
    assert find_deadlines("Hoàn thành trước Tết Dương lịch.", None, dated=False) == []


@pytest.mark.parametrize("text, found", [
    ("Thực hiện Công văn số 456/BYT-DP ngày 10/11/2025 yêu cầu báo cáo trước ngày 15/11/2025, đến nay mới có 10 tỉnh "
     "báo cáo.", []),
    ("Các đơn vị chưa báo cáo gửi báo cáo trước ngày 15/11/2025.", ["2025-11-15"]),     # passed, but this notice's own
    ("Thực hiện Công văn số 456/BYT-DP, các đơn vị báo cáo trước ngày 25/11/2025.", ["2025-11-25"]),
])
def test_a_passed_day_recalled_from_a_cited_document(text, found):
    assert [d for d, _ in _found(text)] == found


@pytest.mark.parametrize("text, found", [
    ("Từ ngày 1/12/2025, người dân có thể nộp hồ sơ trực tuyến.", []),
    ("Từ ngày 1/12/2025, doanh nghiệp được phép xuất khẩu trở lại.", []),
    ("Đưa vào hoạt động từ ngày 01/12/2025.", ["2025-12-01"]),
])
def test_a_day_from_which_people_may_do_something_is_a_right(text, found):
    assert [d for d, _ in _found(text)] == found


def test_at_the_latest_within_a_year_is_firm_even_after_who_it_applies_to():
    text = "Xoá bỏ hình thức thuế khoán đối với hộ kinh doanh chậm nhất trong năm 2026."
    assert [(f.due.isoformat(), f.firm) for f in find_deadlines(text, date(2025, 12, 2))] == [("2026-12-31", True)]
    assert _found("Tuyển dụng đối với các vị trí phát sinh trong năm 2026.") == []
