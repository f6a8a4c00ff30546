"""Deadline wordings of the thirteenth parser round (issue 8), general rules of Vietnamese administrative writing
met on documents of the free list and in the issue's open leads: several days after one "trước ngày" with the
year written once ("trước ngày 10/12 và 20/12/2025", "ngày 15 và 30 tháng 12 năm 2025"), a weekly report with
its hour before the weekday or with no day at all, "trong vòng N ngày kể từ ngày Kế hoạch này được ban hành",
lunar months and full-moon days, a closing formula that asks again for a dated report ("Trên đây là Kế hoạch …
Định kỳ hằng năm (trước ngày 30 tháng 11) báo cáo …"), and linear time on a crafted megabyte of "đến ngày …
hoàn thành" without a full stop. Small synthetic sentences in the wording each rule is about, positive and
negative."""
from __future__ import annotations

from datetime import date, time as clock

import pytest

from knowledge.dates import find_deadlines
from knowledge.parser import parse_text
from tests.linear_time import MAX_RATIO, growth

NOV_27 = date(2025, 11, 27)


def _found(text: str, ref: date = NOV_27) -> list[str]:
    return [f.due.isoformat() for f in find_deadlines(text, ref)]


@pytest.mark.parametrize("text, found", [
    ("Báo cáo trước ngày 10/12 và 20/12/2025.", ["2025-12-10", "2025-12-20"]),
    ("Báo cáo kết quả trước ngày 15/12/2025 và ngày 25/12/2025.", ["2025-12-15", "2025-12-25"]),
    ("Các đơn vị báo cáo trước ngày 15 và 30 tháng 12 năm 2025.", ["2025-12-15", "2025-12-30"]),
    ("Gửi báo cáo trước ngày 05/01, 15/01 và 25/01/2026.", ["2026-01-05", "2026-01-15", "2026-01-25"]),
    # the list crosses a new year: the year written last is the last day's
    ("Gửi báo cáo trước ngày 28/12 và 10/01/2026.", ["2025-12-28", "2026-01-10"]),
    # the year written with the last day is the first day's too (not the January that has passed)
    ("Nộp hồ sơ trước ngày 10/7 và 20/7/2026.", ["2026-07-10", "2026-07-20"]),
    # no list: a share, a count, a number that only looks like a day
    ("Hoàn thành trước ngày 30/11/2025, 100% các xã đạt chuẩn.", ["2025-11-30"]),
    ("Hoàn thành trước ngày 15/12/2025 và Quyết định số 12/2025/QĐ-UBND.", ["2025-12-15"]),
    ("Nộp hồ sơ trước ngày 10/12/2025 và 5/12 huyện đã hoàn thành.", ["2025-12-10"]),
    ("Treo cờ đến 2/3 chiều cao và 1/2 số nhà.", []),
])
def test_several_days_after_one_deadline_word(text, found):
    assert _found(text) == found


def test_a_list_of_lunar_days_is_lunar_throughout():
    assert _found("Hoàn thành trước ngày 15/7 và 20/7 âm lịch.") == ["2026-08-27", "2026-09-01"]


@pytest.mark.parametrize("text, due, at, rule", [
    ("Các đơn vị báo cáo tình hình hằng tuần (trước 15h00 thứ Năm).", "2025-12-04", clock(15), "FREQ=WEEKLY;BYDAY=TH"),
    ("Báo cáo hằng tuần, chậm nhất 10 giờ thứ Sáu.", "2025-11-28", clock(10), "FREQ=WEEKLY;BYDAY=FR"),
    # a weekly report with no day: due by the week's last working day
    ("Sở Y tế tổng hợp, báo cáo UBND tỉnh hằng tuần.", "2025-11-28", None, "FREQ=WEEKLY;BYDAY=FR"),
    ("Hằng tuần, báo cáo tiến độ về Ban Chỉ đạo.", "2025-11-28", None, "FREQ=WEEKLY;BYDAY=FR"),
])
def test_weekly_reports(text, due, at, rule):
    assert [(f.due.isoformat(), f.time, f.recurrence) for f in find_deadlines(text, NOV_27)] == [(due, at, rule)]


@pytest.mark.parametrize("text", [
    "Tổ chức họp giao ban hằng tuần.",
    "Duy trì kiểm tra hằng tuần các cơ sở.",
    "Kế hoạch công tác hằng tuần của cơ quan.",
])
def test_a_weekly_rhythm_without_a_report_is_no_deadline(text):
    assert _found(text) == []


@pytest.mark.parametrize("text, found", [
    ("Trong vòng 10 ngày làm việc kể từ ngày Kế hoạch này được ban hành, các sở gửi báo cáo.", ["2025-12-11"]),
    ("Trong thời hạn 15 ngày kể từ ngày Công văn này được ký, gửi danh sách về Sở.", ["2025-12-12"]),
    ("Trong thời hạn 10 ngày kể từ ngày nhận Kế hoạch này, gửi kế hoạch về Công an thành phố.", []),   # receipt: no day
])
def test_days_counted_from_the_document_itself(text, found):
    assert _found(text) == found


@pytest.mark.parametrize("text, found", [
    ("Hoàn thành trong tháng 11 âm lịch.", ["2026-01-18"]),           # lunar 11th month ends 18/01/2026
    ("Hoàn thành trong tháng 12 (âm lịch).", ["2026-02-16"]),         # the eve of Tết Bính Ngọ
    ("Chi trả hỗ trợ trong tháng Chạp.", ["2026-02-16"]),
    ("Hoàn thành trước tháng Chạp.", ["2026-01-18"]),
    ("Hoàn thành trước ngày rằm tháng Giêng.", ["2026-03-03"]),
    ("Hoàn thành trước rằm tháng 7.", ["2026-08-27"]),
    ("Hoàn thành trong tháng 12/2025.", ["2025-12-31"]),              # solar, as before
])
def test_lunar_months_and_the_full_moon(text, found):
    assert _found(text) == found


HEAD = """ỦY BAN NHÂN DÂN
TỈNH ĐỒNG THÁP
-------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 597/KH-UBND
Đồng Tháp, ngày 27 tháng 11 năm 2025
KẾ HOẠCH
Chuyển đổi số trong giao thông
I. NHIỆM VỤ
1. Sở Xây dựng chủ trì số hóa hồ sơ công trình.
2. Sở Tài chính bố trí kinh phí.
"""
TAIL = """
Nơi nhận:
- Như trên;
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn A
"""


@pytest.mark.parametrize("closing, dates", [
    ("Trên đây là Kế hoạch chuyển đổi số. Đề nghị các cơ quan, đơn vị nghiêm túc triển khai thực hiện. Định kỳ "
     "hằng năm (trước ngày 30 tháng 11) báo cáo kết quả thực hiện về Sở Xây dựng.", ["2025-11-30"]),
    ("Yêu cầu các sở, ngành nghiêm túc triển khai thực hiện Kế hoạch này, báo cáo kết quả về Sở Xây dựng trước "
     "ngày 15/12/2025./.", ["2025-12-15"]),
    ("Trên đây là Kế hoạch chuyển đổi số đến hết năm 2025 của tỉnh.", []),        # the summary dates nothing
    ("Trên đây là Kế hoạch chuyển đổi số. Trong quá trình thực hiện, nếu có khó khăn báo cáo về Sở Xây dựng.", []),
])
def test_a_closing_formula_that_asks_again_for_a_dated_report(closing, dates):
    last = parse_text(HEAD + closing + TAIL)["items"][-1]
    assert [d["date"] for d in last["deadlines"]] == dates
    assert (last["kind"] != "context") == bool(dates)


@pytest.mark.parametrize("piece", ["đến ngày 30/11/2025 hoàn thành ", "từ ngày 01/12 đến ngày 20/12/2025 "])
def test_dated_phrases_without_a_full_stop_parse_in_linear_time(piece):
    # each phrase once read the whole text as its clause (no ";" or ". " to end it): a megabyte took minutes
    ratio = growth(lambda n: piece * (n // len(piece.encode())))
    assert ratio < MAX_RATIO, f"4x the text took {ratio:.1f}x the time"


@pytest.mark.parametrize("ref, found", [
    (date(2025, 11, 27), ["2026-03-31"]),     # a November notice's "quý I" is next year's, as its "tháng 1" is
    (date(2025, 2, 1), ["2025-03-31"]),
    (date(2025, 7, 1), []),                   # a quarter just passed (under half a year back): the past, nothing
])
def test_a_quarter_without_its_year(ref, found):
    assert _found("Các xã hoàn thành việc rà soát trong quý I.", ref) == found


PLAN = HEAD.replace("I. NHIỆM VỤ\n1. Sở Xây dựng chủ trì số hóa hồ sơ công trình.\n2. Sở Tài chính bố trí kinh phí.\n", "")


@pytest.mark.parametrize("section, expected", [
    # the plan's own period under its time section: no item, no deadline
    ("II. THỜI GIAN THỰC HIỆN\nTừ tháng 12/2025 đến hết tháng 01/2026.\n", [("context", [])]),
    # a firm deadline in it is a task, and numbered stages under it stay tasks with their dates
    ("II. THỜI GIAN THỰC HIỆN\nCác sở hoàn thành kế hoạch trước ngày 10/12/2025.\n", [("paragraph", ["2025-12-10"])]),
    ("II. THỜI GIAN THỰC HIỆN\n1. Các sở hoàn thành kế hoạch trước ngày 10/12/2025.\n2. Tổ chức ra quân từ ngày "
     "15/12/2025.\n", [("point", ["2025-12-10"]), ("point", ["2025-12-15"])]),
])
def test_a_plans_own_time_section(section, expected):
    text = PLAN + "I. NHIỆM VỤ\n1. Công an tỉnh tổ chức tuần tra, kiểm soát.\n" + section + TAIL
    items = parse_text(text)["items"][1:]
    assert [(i["kind"], [d["date"] for d in i["deadlines"]]) for i in items] == expected
