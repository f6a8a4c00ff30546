"""Deadline rules added with the fifth annotation batch (issue 8, section 5): bounded windows
of a plan's "Thời gian thực hiện / Thời hạn hoàn thành" line, narrative dates that open a
sentence told as done, counting periods, days of a year the text does not name, history in
an undated page, a heading's deadline, and a plan annexed after a Quyết định's signature.
Small synthetic sentences, each in the administrative wording the rule is about."""
from __future__ import annotations

from datetime import date, time

import pytest

from knowledge.dates import find_deadlines
from knowledge.parser import parse_text

NOV_20 = date(2025, 11, 20)


@pytest.mark.parametrize("line, due", [
    ("Thời gian thực hiện: năm 2026 - 2027.", date(2027, 12, 31)),
    ("Thời gian thực hiện: Tháng 11 - 12/2025.", date(2025, 12, 31)),
    ("Thời gian thực hiện: từ tháng 11/2025 đến tháng 3/2026.", date(2026, 3, 31)),
    ("Thời gian thực hiện: từ ngày 01/12 đến ngày 15/12/2025.", date(2025, 12, 15)),
    ("Thời gian thực hiện: Quý IV/2025 - Quý I/2026.", date(2026, 3, 31)),
    ("Thời hạn hoàn thành: Tháng 12/2025.", date(2025, 12, 31)),
    ("Thời hạn hoàn thành: Từ ngày 01/01/2026 đến ngày 31/3/2026.", date(2026, 3, 31)),
    ("Thời gian hoàn thành: 30/11/2025.", date(2025, 11, 30)),
    ("Thời hạn ban hành: trước ngày 31 tháng 12 năm 2026.", date(2026, 12, 31)),
])
def test_a_bounded_window_after_a_plan_label_is_due_at_its_end(line, due):
    assert [f.due for f in find_deadlines(line, NOV_20)] == [due]


@pytest.mark.parametrize("line", [
    "Thời gian thực hiện: năm 2025 và các năm tiếp theo.",
    "Thời gian thực hiện: năm 2025 - 2030 và các năm tiếp theo.",
    "Thời gian thực hiện: Từ tháng 11/2025 đến khi kết thúc Tổng kiểm kê.",
    "Thời gian thực hiện: Thường xuyên.",
    "Thời gian: Quý I/2026.",                  # a bare "Thời gian:" also dates meetings: no label
])
def test_open_ended_or_unlabelled_periods_are_no_deadline(line):
    assert find_deadlines(line, NOV_20) == []


def test_a_last_date_label_with_a_time_of_day():
    [found] = find_deadlines("Hạn cuối nhận hồ sơ: 17 giờ ngày 30/11/2025.", NOV_20)
    assert (found.due, found.time) == (date(2025, 11, 30), time(17, 0))


@pytest.mark.parametrize("line", [
    "Trong tháng 10/2025, Trung tâm An ninh mạng quốc gia đã thu thập 4,9 triệu cảnh báo.",
    "Trong năm 2025, các xã đã hoàn thành 100% chỉ tiêu.",
    "Kết quả kiểm tra. Trong quý III/2025, toàn tỉnh vừa xử lý 120 vụ việc.",
])
def test_a_sentence_opened_by_a_period_and_told_as_done_is_narrative(line):
    assert find_deadlines(line, NOV_20) == []


@pytest.mark.parametrize("line, due", [
    ("Trong năm 2026, các xã hoàn thành 100% chỉ tiêu.", date(2026, 12, 31)),
    ("Hoàn thành trước ngày 30/11/2025 theo kế hoạch đã được phê duyệt.", date(2025, 11, 30)),
    ("Trong tháng 12/2025, các Bộ triển khai phương án đã được phê duyệt.", date(2025, 12, 31)),
])
def test_a_duty_stays_a_deadline_beside_past_tense_words(line, due):
    assert [f.due for f in find_deadlines(line, NOV_20)] == [due]


def test_the_period_a_figure_covers_is_no_deadline():
    line = "Đối với số liệu ước tính quý IV năm 2025: là số liệu từ ngày 01/10 đến ngày 20/11 của năm báo cáo."
    assert find_deadlines(line, NOV_20) == []
    assert find_deadlines("Kỳ báo cáo từ ngày 15/12/2024 đến ngày 14/12/2025.", NOV_20) == []


@pytest.mark.parametrize("line", [
    "Bộ Quốc phòng thẩm định trước ngày 10 tháng 6 năm cuối của chương trình.",
    "Các trường gửi kế hoạch trước ngày 15/9 năm học tới.",
])
def test_a_day_of_a_year_the_text_does_not_name_gives_no_date(line):
    # ("… trước ngày 05 tháng 01 của năm sau" names the year after: tests/test_deadline_round14.py)
    assert find_deadlines(line, NOV_20) == []


def test_history_in_a_page_without_a_date_is_no_deadline():
    text = "Cuối năm 1960 ở Nam Vang người Khmer Krom thành lập Mặt trận."
    assert find_deadlines(text, date(2000, 7, 1), dated=False) == []


NOTICE = """ỦY BAN NHÂN DÂN
TỈNH AN GIANG
Số: 12/CV-UBND
An Giang, ngày 14 tháng 6 năm 2025
V/v báo cáo tiến độ xử lý nhà, đất dôi dư

Kính gửi: Các sở, ban, ngành tỉnh.

1. Rà soát các cơ sở nhà, đất dôi dư thuộc phạm vi quản lý.

2. Định kỳ cập nhật báo cáo tiến độ xử lý các cơ sở nhà, đất dôi dư, thời hạn: trước 12h00 thứ sáu hàng tuần. Các nội dung báo cáo gồm:

- Tổng số cơ sở nhà, đất dôi dư đầu kỳ: ...... cơ sở

- Số cơ sở nhà, đất dôi dư bổ sung trong kỳ: ...... cơ sở

Nơi nhận:
- Như trên;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn A
"""


def test_a_heading_over_a_list_of_fields_keeps_its_recurring_deadline_once():
    parsed = parse_text(NOTICE)
    deadlines = [d for item in parsed["items"] for d in item["deadlines"]]
    weekly = [d for d in deadlines if d.get("recurrence", "").startswith("FREQ=WEEKLY")]
    assert len(weekly) == 1
    assert (weekly[0]["date"], weekly[0]["time"]) == ("2025-06-20", "12:00")     # 14/6/2025 is a Saturday


DECISION = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 1627/QĐ-UBND
Quảng Ngãi, ngày 21 tháng 11 năm 2025

QUYẾT ĐỊNH
Về việc ban hành Kế hoạch kiểm kê tài sản công

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch kiểm kê tài sản công.

Điều 2. Giám đốc Sở Tài chính chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:
- Như Điều 2;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn B



KẾ HOẠCH



KIỂM KÊ TÀI SẢN CÔNG


(Kèm theo Quyết định số: 1627/QĐ-UBND ngày 21/11/2025 của Chủ tịch Ủy ban nhân dân tỉnh)

I. NHIỆM VỤ

1. Thành lập Tổ kiểm kê tại mỗi cơ quan, đơn vị.

Thời hạn hoàn thành: Trước ngày 30/11/2025.
"""


def test_a_plan_annexed_after_the_signature_is_read_though_blank_lines_part_its_title():
    parsed = parse_text(DECISION)
    dates = [d["date"] for item in parsed["items"] for d in item["deadlines"]]
    assert "2025-11-30" in dates


@pytest.mark.parametrize("line", [
    "Giấy phép có giá trị đến ngày 31/12/2026.",
    "Thẻ BHYT có giá trị sử dụng đến hết ngày 31/12/2025.",
    "Thời hạn hiệu lực của giấy phép đến ngày 31/12/2027.",
    "Ưu đãi được áp dụng đến ngày 31/12/2025.",
    "Dự báo đến cuối tháng 11/2025 mực nước tiếp tục lên.",
])
def test_validity_periods_and_forecasts_are_no_deadline(line):
    assert find_deadlines(line, NOV_20) == []


@pytest.mark.parametrize("line", [
    "Rà soát hồ sơ còn hiệu lực, hoàn thành trước 30/11/2025.",
    "Gia hạn thẻ BHYT có giá trị sử dụng, nộp hồ sơ trước ngày 30/11/2025.",
    "Các đơn vị hoàn thành việc áp dụng phần mềm trước ngày 30/11/2025.",
])
def test_a_duty_about_something_valid_stays_a_deadline(line):
    assert [f.due for f in find_deadlines(line, NOV_20)] == [date(2025, 11, 30)]


@pytest.mark.parametrize("line, due", [
    ("Hoàn thành trong 6 tháng đầu năm 2026.", date(2026, 6, 30)),
    ("Phấn đấu hoàn thành trong nửa đầu năm 2026.", date(2026, 6, 30)),
    ("Báo cáo kết quả trong 6 tháng cuối năm 2026.", date(2026, 12, 31)),
])
def test_half_a_year(line, due):
    assert [f.due for f in find_deadlines(line, NOV_20)] == [due]


def test_the_half_year_a_report_covers_is_no_deadline():
    assert find_deadlines("Báo cáo dự kiến tuyển dụng lao động 6 tháng đầu năm 2026.", NOV_20) == []
