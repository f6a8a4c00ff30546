"""Deadline forms of real 2025 directives (issue 8): dates "vào ngày", periods of a year,
quarter or month, recurring duties, lunar dates; and the dates that are not deadlines."""
from __future__ import annotations

from datetime import date, time, timedelta

import pytest

from knowledge.dates import DateOutOfRange, find_deadlines
from knowledge.parser import ParseError, parse_text
from knowledge.recurrence import describe, next_occurrence

NOV_20 = date(2025, 11, 20)


@pytest.mark.parametrize("phrase, due", [
    ("tổ chức lễ khánh thành vào ngày 01/12/2025", date(2025, 12, 1)),
    ("hoàn thành thực thi trong năm 2026", date(2026, 12, 31)),
    ("phấn đấu hoàn thành dự án cuối năm 2028", date(2028, 12, 31)),
    ("hoàn thành trong quý I/2026", date(2026, 3, 31)),
    ("báo cáo trong quý IV năm 2025", date(2025, 12, 31)),
    ("hoàn thành trong tháng 6 năm 2026", date(2026, 6, 30)),
    ("hoàn thành trong tháng 12", date(2025, 12, 31)),
    ("xong trước ngày Quốc khánh 02/9/2026", date(2026, 9, 2)),
    ("trình Chính phủ trước ngày 26/11/2025", date(2025, 11, 26)),
    ("báo cáo chậm nhất ngày 22/11/2025", date(2025, 11, 22)),
    ("báo cáo Thủ tướng Chính phủ trong ngày 20 tháng 11 năm 2025", date(2025, 11, 20)),
    ("phấn đấu hoàn thành vào dịp ngày 19/12/2025", date(2025, 12, 19)),
    ("bảo đảm tiến độ hoàn thành Dự án vào năm 2026", date(2026, 12, 31)),
    ("báo cáo kết quả về Sở (gửi trước: 31/5/2026)", date(2026, 5, 31)),
    ("Hạn nhận hồ sơ: ngày 20/12/2025", date(2025, 12, 20)),
])
def test_dated_forms(phrase, due):
    assert [f.due for f in find_deadlines(phrase, NOV_20)] == [due]


@pytest.mark.parametrize("phrase, due, rule, at", [
    ("báo cáo Thủ tướng Chính phủ trước ngày 25 hằng tháng", date(2025, 11, 25), "FREQ=MONTHLY;BYMONTHDAY=25", None),
    ("hằng tháng, gửi báo cáo trước ngày 20", date(2025, 12, 20), "FREQ=MONTHLY;BYMONTHDAY=20", None),
    ("họp giao ban sáng thứ Bảy hằng tuần", date(2025, 11, 22), "FREQ=WEEKLY;BYDAY=SA", time(11, 30)),
    ("gửi báo cáo trước 15:00 ngày thứ Sáu hàng tuần", date(2025, 11, 21), "FREQ=WEEKLY;BYDAY=FR", time(15, 0)),
    ("tổng hợp trước 15 giờ hằng ngày", date(2025, 11, 21), "FREQ=DAILY", time(15, 0)),
    ("báo cáo trước ngày 15/12 hằng năm", date(2025, 12, 15), "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15", None),
    ("gửi kết quả xếp loại, hạn cuối ngày 15 tháng 12 hàng năm", date(2025, 12, 15),
     "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15", None),
    ("báo cáo trước ngày 15 của tháng cuối quý", date(2025, 12, 15), "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15", None),
    ("định kỳ hàng năm báo cáo kết quả thực hiện về Sở Nông nghiệp và Môi trường chậm nhất ngày 17 tháng 12",
     date(2025, 12, 17), "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=17", None),
])
def test_recurring_duties_are_due_at_their_next_occurrence(phrase, due, rule, at):
    [found] = find_deadlines(phrase, NOV_20)
    assert (found.due, found.recurrence, found.time) == (due, rule, at)


def test_two_yearly_dates_of_one_duty():
    found = find_deadlines("định kỳ trước ngày 01/6 và 15/11 hằng năm gửi báo cáo về Sở Nội vụ", NOV_20)
    assert [(f.due, f.recurrence) for f in found] == [
        (date(2026, 6, 1), "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=1"),
        (date(2026, 11, 15), "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=15")]


def test_a_clause_naming_its_date_twice_has_one_deadline():
    text = ("Công văn số 12/CT-CS ngày 20/11/2025\n\n1. Đưa vào vận hành hệ thống mới từ ngày 01/01/2026, "
            "thu lệ phí trên hệ thống mới từ ngày 01/01/2026.")
    assert [len(i["deadlines"]) for i in parse_text(text)["items"]] == [1]


def test_a_daily_duty_over_a_period_starts_with_it_and_ends():
    [found] = find_deadlines("thời gian báo cáo 8 giờ sáng hàng ngày, từ 29/4 - 04/5/2025", date(2025, 4, 25))
    assert (found.due, found.time, found.recurrence) == (date(2025, 4, 29), time(8, 0), "FREQ=DAILY;UNTIL=20250504")
    assert describe(found.recurrence, "en") == "daily until 04/05/2025"


def test_next_occurrence_keeps_to_short_months():
    assert next_occurrence("FREQ=MONTHLY;BYMONTHDAY=31", date(2026, 1, 31)) == date(2026, 2, 28)
    assert next_occurrence("FREQ=WEEKLY;BYDAY=MO", date(2025, 11, 24)) == date(2025, 12, 1)
    assert next_occurrence("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", date(2025, 3, 1)) == date(2026, 2, 28)


@pytest.mark.parametrize("text", [
    "Dự báo từ tối nay đến ngày 18/11 có mưa to đến rất to.",
    "Từ 07 giờ ngày 16 đến 13 giờ ngày 17/11/2025 các địa phương đã có mưa rất to.",
    "Tạm dừng hệ thống từ 20 giờ 00 phút đến 23 giờ 59 phút ngày 14/12/2025.",
    "Tính đến hết ngày 17/11/2025 đã giải ngân 80% kế hoạch vốn.",
    "Theo thống kê, đến ngày 17/11/2025 đã có 102 người chết và mất tích.",
    "Ngày 25/10/2025, đồng chí Phó Thủ tướng đã đi kiểm tra thực tế tại công trình.",
    "Nhiệm vụ trọng tâm từ nay đến tháng 6/2027.",
    "Treo cờ Tổ quốc từ chiều ngày 15 tháng 02 năm 2026 đến hết ngày 20 tháng 02 năm 2026.",
    "Được nghỉ từ thứ Hai ngày 16 tháng 02 năm 2026 (tức ngày 29 tháng Chạp năm Ất Tỵ).",
    "Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 12 năm 2025.",
    "Kê khai đối với công chức mới được tiếp nhận, tuyển dụng trong năm 2025.",
    "Chống buôn lậu, hàng giả những tháng cuối năm 2025.",
    "Tình hình giải ngân vốn đầu tư công lũy kế đến hết ngày 27/11/2025.",
    "Kỳ báo cáo tính từ ngày 15 tháng 12 năm trước đến ngày 14 tháng 12 của kỳ báo cáo.",
    "Sau đợt kiểm tra (từ ngày 17/11-23/11/2025), Bộ Chính trị kết luận.",
    "Thời gian bắn pháo hoa: từ 22.00 đến 22.08 ngày 31 tháng 12 năm 2025.",
    "Các cơ quan treo cờ rủ đến 2/3 chiều cao của cột cờ.",
    "Các cơ quan không thực hiện lịch nghỉ cố định thứ Bảy và Chủ nhật hằng tuần.",
    "Áp dụng cho đơn vị được cấp giấy phép hoạt động điện lực trước ngày 01 tháng 11 năm 2025.",
    "Thu hồi các khoản kinh phí đã giao nhưng đến ngày 30 tháng 6 hàng năm chưa phân bổ.",
    "Thời gian thực hiện: trong năm 2025 và các năm tiếp theo.",
    "Hệ thống chuyển đổi sang nền tảng mới trong ngày 14/12/2025.",
    "Luật được Quốc hội thông qua vào năm 2026.",
    "Hộ kinh doanh không áp dụng phương pháp khoán thuế từ ngày 01/01/2026.",
    "Truyền hình Quốc hội đã dừng phát sóng từ ngày 1-11-2025.",
    "Lịch khảo sát dự phòng: từ ngày 24/11 đến hết ngày 25/11/2025.",
    "Lịch thi vào lớp 10 môn Toán rơi vào 7h30 sáng ngày 04/12/2025.",
])
def test_narrative_dates_are_not_deadlines(text):
    assert find_deadlines(text, NOV_20) == []


def test_a_task_given_to_someone_keeps_its_deadline():
    assert [f.due for f in find_deadlines("các đơn vị được giao phải hoàn thành trước ngày 15/12/2025", NOV_20)] == [
        date(2025, 12, 15)]


def test_a_deadline_long_passed_is_background():
    assert find_deadlines("Thông báo trước đó yêu cầu hoàn thành trước ngày 20 tháng 9 năm 2025.", NOV_20) == []
    assert [f.due for f in find_deadlines("rà soát chậm nhất ngày 30/11/2025 đã quá hạn", date(2025, 12, 5))] == [
        date(2025, 11, 30)]                          # five days late: still this notice's deadline
    # over two weeks late: an overdue task of an earlier document listed again (an annex "nhiệm vụ chậm muộn")
    assert find_deadlines("Cơ quan chủ trì: Bộ Tài chính; Thời hạn hoàn thành: 31/10/2025.", date(2025, 11, 16)) == []


def test_a_quarter_or_month_of_a_yearly_duty_is_its_next_one():
    found = find_deadlines("Hằng năm, tiến hành rà soát quy hoạch trong Quý I và báo cáo cấp trên trong Quý II, "
                           "chậm nhất tháng 6.", date(2025, 11, 21))
    assert {(f.due, f.recurrence) for f in found} == {(date(2026, 3, 31), "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=31"),
                                                      (date(2026, 6, 30), "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=30")}
    assert find_deadlines("Trong quý I, Sở đã tổ chức 3 hội nghị.", date(2025, 11, 21)) == []


def test_a_report_cut_off_is_no_deadline():
    assert [f.due for f in find_deadlines("Số liệu cập nhật đến hết ngày 08 tháng 7 năm 2025.", date(2025, 7, 1))] == []


def test_relative_dates_need_the_notice_date():
    """Without a date, Tết is not placed; "ngày mai" of a pasted message is the import day's tomorrow."""
    text = "1. Các đơn vị hoàn thành trước Tết Nguyên đán; báo cáo trước 16 giờ ngày mai."
    undated = parse_text(text)["items"][0]["deadlines"]
    assert [d["date"] for d in undated] == [(date.today() + timedelta(days=1)).isoformat()]
    dated = parse_text(text, today=date(2025, 11, 20))["items"][0]["deadlines"]
    assert [d["date"] for d in dated] == ["2026-02-16", "2025-11-21"]


@pytest.mark.parametrize("phrase", ["hoàn thành trước ngày 31/12/9999", "báo cáo chậm nhất ngày 2/1/0001",
                                    "hoàn thành trong năm 20255"])
def test_dates_outside_1945_2100_are_refused(phrase):
    with pytest.raises(DateOutOfRange):
        find_deadlines(phrase, NOV_20)
    with pytest.raises(ParseError, match="1945 and 2100") as e:
        parse_text(f"1. Sở Y tế {phrase}.")
    assert "1945–2100" in e.value.message("vi")


def test_a_letterhead_date_outside_the_window_is_refused():
    with pytest.raises(ParseError, match="1945 and 2100"):
        parse_text("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
                   "Số: 12/KH-UBND\nNghệ An, ngày 26 tháng 11 năm 9999\n\nKẾ HOẠCH\nPHÒNG CHỐNG DỊCH\n\n"
                   "1. Sở Y tế chủ trì thực hiện.")


def test_a_historical_date_in_a_narrative_is_no_reason_to_refuse():
    got = parse_text("1. Kỷ niệm ngày thành lập Đảng từ ngày 3/2/1930, các đơn vị tổ chức tuyên truyền.",
                     today=NOV_20)
    assert got["items"][0]["deadlines"] == []


_PLAN = ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
         "Số: 12/KH-UBND\nNghệ An, ngày 20 tháng 10 năm 2025\n\nKẾ HOẠCH\nTặng thẻ bảo hiểm y tế\n\n"
         "**1. {heading}**\n\n- {sentence}\n\n- Các xã vận động các nhà hảo tâm tham gia.\n\n"
         "**2. Tổ chức thực hiện**\n\n- Sở Y tế theo dõi, đôn đốc thực hiện Kế hoạch.\n")


@pytest.mark.parametrize("heading", ["Số lượng và giá trị thẻ", "Đối tượng tặng thẻ", "Kinh phí thực hiện"])
def test_a_firm_deadline_in_a_part_that_says_whom_or_how_much_a_plan_covers_is_kept(heading):
    got = parse_text(_PLAN.format(heading=heading, sentence="Các xã lập danh sách xong trước 30/10/2025."))
    due = [(i["kind"], d["date"]) for i in got["items"] for d in i["deadlines"]]
    assert due == [("paragraph", "2025-10-30")]
    # the part's other sentences stay context
    assert next(i for i in got["items"] if i["text"].startswith("Các xã vận động"))["kind"] == "context"


def test_a_date_in_an_assessment_part_stays_context():
    got = parse_text(_PLAN.format(heading="Kết quả thực hiện năm 2024",
                                  sentence="Các xã đã lập danh sách xong trước 30/10/2024."))
    assert not any(i["deadlines"] for i in got["items"])


@pytest.mark.parametrize("text, due", [
    ("Khẩn trương ký kết các FTA mới trong cuối năm 2025 và đầu năm 2026.", []),
    ("Các sở báo cáo trong tháng 12/2025 và đầu tháng 01/2026.", []),
    ("Hoàn thành trong quý IV/2025 - đầu năm 2026.", []),
    ("Hoàn thành trong năm 2025, báo cáo đầu năm 2026.", [date(2025, 12, 31)]),
])
def test_a_window_that_runs_on_into_the_start_of_the_next_period_has_no_due_day(text, due):
    assert [f.due for f in find_deadlines(text, date(2025, 11, 20))] == due


def test_how_long_a_standing_duty_lasts_is_no_due_date():
    assert find_deadlines("Các cơ quan chuẩn bị điều kiện để vận hành không gian trưng bày bảo đảm an toàn "
                          "đến hết ngày 15/9/2025; đồng thời chỉnh trang.", date(2025, 9, 3)) == []
    assert find_deadlines("Các bộ phận thường trực hoạt động từ nay đến hết tháng 10/2025.", date(2025, 9, 3)) == []
    assert [f.due for f in find_deadlines("Vận hành thử hệ thống, hoàn thành báo cáo đến hết ngày 15/9/2025.",
                                          date(2025, 9, 3))] == [date(2025, 9, 15)]


# A plan copied from a legal-document site: a bullet sign alone on its line ("-", its text
# on the next), then "Thời gian hoàn thành: …" in a paragraph of its own or at the bullet's end.
_PLAN_WITH_LONE_BULLETS = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI

Số: 12/KH-UBND

Quảng Ngãi, ngày 1 tháng 11 năm 2025

KẾ HOẠCH

Kiểm kê tài sản công

**1. Sở Tài chính**

-
Tuyên truyền, phổ biến quy định về quản lý tài sản công.

Thời
gian thực hiện: Từ tháng 11/2025 đến khi kết thúc kiểm kê.

-
Tham mưu phân công nhiệm vụ cho các thành viên Ban Chỉ đạo.

Thời
gian hoàn thành: Tháng 11 - 12/2025.

- Tổng
hợp kết quả kiểm kê, báo cáo Bộ Tài chính. Thời gian hoàn thành: Trước ngày 31/5/2026.
"""


def test_a_bullet_sign_alone_on_its_line_starts_the_bullet_below_it():
    items = parse_text(_PLAN_WITH_LONE_BULLETS)["items"]
    bullets = [i for i in items if i["kind"] == "bullet"]
    assert [b["text"].split(",")[0].split(".")[0] for b in bullets] == [
        "Tuyên truyền", "Tham mưu phân công nhiệm vụ cho các thành viên Ban Chỉ đạo", "Tổng hợp kết quả kiểm kê"]
    # each "Thời gian …" line stays with its bullet, not with the heading above
    assert "Thời gian" not in " ".join(i.get("headings", [""])[-1] for i in items if i.get("headings"))
    due = {d["date"]: d["task"] for i in items for d in i["deadlines"]}
    assert due["2025-12-31"].startswith("Tham mưu phân công nhiệm vụ")


def test_a_bare_completion_label_is_due_for_the_sentence_before_it():
    items = parse_text(_PLAN_WITH_LONE_BULLETS)["items"]
    task = next(d["task"] for i in items for d in i["deadlines"] if d["date"] == "2026-05-31")
    assert task.startswith("Tổng hợp kết quả kiểm kê, báo cáo Bộ Tài chính")
    assert task.endswith("Trước ngày 31/5/2026")
