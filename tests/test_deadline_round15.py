"""Deadlines of the fifteenth parser round (issue 8): recurring duties that name no day.

"báo cáo Thủ tướng Chính phủ hằng tuần về tiến độ …" (a report verb, its recipient, the rhythm, then what is
reported) was read as a plain modifier because the phrase neither closes its clause nor follows "định kỳ"; "tổ chức
họp giao ban 1 tuần/lần", "báo cáo 01 lần/tháng" (once a period) had no form at all. Both are now a duty due by the
period's end (a week's by Friday), the way "báo cáo … hằng tuần." already was; a sampling or inspection rate
("quan trắc 1 lần/tháng"), a budget or plan "hằng năm về …" without a report verb, and "2 lần/tháng" stay none.
A yearly consolidation or update closing its part of a clause ("…, phân công nhiệm vụ và kiện toàn tổ công tác thư
viện hàng năm.") is a yearly duty too; an evaluation "của Kế hoạch hằng năm" stays a plan's modifier.

A section title "II. THỜI GIAN, ĐỊA ĐIỂM" absorbed its first bullet: "- Thời gian: …" was taken for a task's
attribute line (a plan's "Thời gian thực hiện: …"), and the title's last word "ĐIỂM" for the "điểm" of "tại điểm a"
running on to the next line. A title in capitals is neither a task nor a wrapped citation.

An annex attached after the signature numbers its points afresh: when they repeat the letter's own paths ("Điều 1",
"Điều 2" and the plan's "1.", "2."), the annex's paths take its mark ("PL.1"), so no two items share a path."""
from __future__ import annotations

from datetime import date

import pytest

from knowledge.dates import find_deadlines
from knowledge.parser import parse_text

NOV_13 = date(2025, 11, 13)        # a Thursday: the next Friday is the 14th


def _found(text: str, reference: date = NOV_13) -> list[tuple]:
    return [(d.due, d.phrase, d.recurrence) for d in find_deadlines(text, reference)]


@pytest.mark.parametrize("text, due, rule", [
    ("Chỉ đạo thực hiện nghiêm việc báo cáo Thủ tướng Chính phủ hằng tuần về tiến độ, kết quả thực hiện;",
     date(2025, 11, 14), "FREQ=WEEKLY;BYDAY=FR"),
    ("Sở Y tế báo cáo Ủy ban nhân dân tỉnh hằng tháng về tình hình dịch bệnh.", date(2025, 11, 30),
     "FREQ=MONTHLY;BYMONTHDAY=31"),
    ("Các xã gửi báo cáo UBND tỉnh hằng quý kết quả thực hiện.", date(2025, 12, 31), None),
])
def test_a_report_to_a_recipient_with_its_topic_after_the_rhythm_is_recurring(text, due, rule):
    found = _found(text)
    assert len(found) == 1 and found[0][0] == due
    assert rule is None or found[0][2] == rule


@pytest.mark.parametrize("text, phrase, due", [
    ("Phó Thủ tướng yêu cầu các địa phương tổ chức họp giao ban 1 tuần/lần giữa Ủy ban nhân dân tỉnh với các nhà thầu.",
     "1 tuần/lần", date(2025, 11, 14)),
    ("Các xã báo cáo Ủy ban nhân dân huyện 01 lần/tháng về tình hình thực hiện.", "01 lần/tháng", date(2025, 11, 30)),
    ("Tổ công tác họp sơ kết một lần/quý.", "một lần/quý", date(2025, 12, 31)),
])
def test_a_meeting_or_report_once_a_period_is_recurring(text, phrase, due):
    assert [(d, p) for d, p, _ in _found(text)] == [(due, phrase)]


@pytest.mark.parametrize("text", [
    "Nguồn nước cấp quan trắc với tần suất 1 lần/tháng; thời gian quan trắc từ tháng 3.",
    "Kiểm tra định kỳ thiết bị 01 lần/năm theo quy định.",
    "Ngân sách hằng năm về giáo dục được bố trí theo quy định.",
    "Quan trắc với tần suất 2 lần/tháng.",
    "Báo cáo kết quả hằng năm của doanh nghiệp được công khai.",
    "Tổng hợp, đánh giá kết quả thực hiện Kế hoạch hằng năm.",
    "Lễ hội được tổ chức hằng năm.",
])
def test_rates_and_modifiers_stay_no_deadline(text):
    assert _found(text) == []


def test_a_conclusion_keeps_its_weekly_report_as_a_recurring_deadline():
    """Issued on a Friday: the weekly report is next due the Friday after."""
    parsed = parse_text(
        "VĂN PHÒNG CHÍNH PHỦ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 600/TB-VPCP\n"
        "Hà Nội, ngày 14 tháng 11 năm 2025\n\nTHÔNG BÁO\nKết luận của Thủ tướng Chính phủ\n\n"
        "1. Ủy ban nhân dân các tỉnh chỉ đạo rà soát tiến độ các dự án; thực hiện nghiêm việc báo cáo Thủ tướng "
        "Chính phủ hằng tuần về tiến độ, tình hình thực hiện các nhiệm vụ được giao.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. BỘ TRƯỞNG, CHỦ NHIỆM\nPHÓ CHỦ NHIỆM\nNguyễn Văn A\n")
    deadlines = [d for item in parsed["items"] for d in item["deadlines"]]
    assert [(d["date"], d["phrase"]) for d in deadlines] == [("2025-11-21", "hằng tuần")]


@pytest.mark.parametrize("text", [
    "Ban hành quyết định thành lập tổ công tác thư viện, phân công nhiệm vụ cụ thể cho từng thành viên và kiện toàn "
    "tổ công tác thư viện hàng năm.",
    "Rà soát, cập nhật danh mục thủ tục hành chính hằng năm.",
])
def test_a_yearly_consolidation_or_update_is_a_yearly_duty(text):
    assert [(d, r) for d, _, r in _found(text)] == [(date(2025, 12, 31), "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=31")]


PLAN = ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 120/KH-UBND\nNghệ An, ngày 10 tháng 11 năm 2025\n\nKẾ HOẠCH\nTổ chức Hội nghị tổng kết năm 2025\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n1. Đánh giá kết quả công tác phòng, chống thiên tai năm 2025.\n\n"
        "{title}\n- Thời gian: 08 giờ 00 ngày 20/12/2025.\n- Địa điểm: Hội trường Ủy ban nhân dân tỉnh.\n\n"
        "III. TỔ CHỨC THỰC HIỆN\n1. Sở Nông nghiệp và Môi trường chuẩn bị báo cáo, gửi Văn phòng UBND tỉnh trước "
        "ngày 15/12/2025.\n2. Văn phòng UBND tỉnh chuẩn bị hội trường.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A\n")


@pytest.mark.parametrize("title", ["II. THỜI GIAN, ĐỊA ĐIỂM", "**II. THỜI GIAN, ĐỊA ĐIỂM**", "II. THỜI GIAN",
                                   "II. THỜI GIAN, ĐỊA ĐIỂM TỔ CHỨC"])
def test_a_time_and_place_title_keeps_its_first_bullet_apart(title):
    """The title is no task whose "Thời gian: …" line is an attribute, and its last word "ĐIỂM" is no "tại điểm"
    running on: each bullet is its own item, and the meeting's time no deadline."""
    items = parse_text(PLAN.format(title=title))["items"]
    texts = [i["text"] for i in items]
    assert "Thời gian: 08 giờ 00 ngày 20/12/2025." in texts and "Địa điểm: Hội trường Ủy ban nhân dân tỉnh." in texts
    assert not any("ĐỊA ĐIỂM" in t or t.startswith("THỜI GIAN") for t in texts)
    assert [d["date"] for i in items for d in i["deadlines"]] == ["2025-12-15"]


def test_a_task_keeps_its_attribute_lines():
    """A numbered task's "- Thời gian thực hiện: …" line still goes with its task (a plan's task table)."""
    items = parse_text(PLAN.format(title="II. NHIỆM VỤ\n1. Xây dựng cơ sở dữ liệu thiên tai.").replace(
        "- Thời gian: 08 giờ 00 ngày 20/12/2025.", "- Thời gian thực hiện: trước ngày 30/12/2025."))["items"]
    task = next(i for i in items if i["text"].startswith("Xây dựng cơ sở dữ liệu"))
    assert "Thời gian thực hiện: trước ngày 30/12/2025." in task["text"]
    assert [d["date"] for d in task["deadlines"]] == ["2025-12-30"]


DECISION = ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 55/QĐ-UBND\nNghệ An, ngày 10 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\nBan hành Kế hoạch phòng, chống thiên tai\n\n"
            "QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Kế hoạch phòng, chống thiên tai năm 2026.\n\n"
            "Điều 2. Các sở, ngành chịu trách nhiệm thi hành Quyết định này.\n\n"
            "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn A\n\n\n"
            "KẾ HOẠCH\nPhòng, chống thiên tai năm 2026\n(Ban hành kèm theo Quyết định số 55/QĐ-UBND ngày 10 tháng 11 năm "
            "2025)\n\n{body}")


def test_an_annex_whose_points_repeat_the_letters_takes_its_mark():
    """Articles "Điều 1", "Điều 2" are paths "1", "2"; the annexed plan's points "1.", "2." were "1", "2" again, so
    two items shared a path. The annex's paths now take "PL." when, and only when, they repeat the letter's."""
    items = parse_text(DECISION.format(body="1. Sở Nông nghiệp và Môi trường rà soát các hồ chứa trước ngày "
                                            "15/12/2025.\n\n2. Sở Xây dựng kiểm tra các công trình.\n"))["items"]
    paths = [i["number"] for i in items]
    assert len(paths) == len(set(paths))
    assert [i["number"] for i in items if i["text"].startswith(("Sở Nông", "Sở Xây"))] == ["PL.1", "PL.2"]


def test_an_annex_with_paths_of_its_own_keeps_them():
    items = parse_text(DECISION.format(body="I. NHIỆM VỤ\n\n1. Sở Nông nghiệp và Môi trường rà soát các hồ chứa.\n\n"
                                            "2. Sở Xây dựng kiểm tra các công trình.\n"))["items"]
    assert [i["number"] for i in items if i["text"].startswith(("Sở Nông", "Sở Xây"))] == ["I.1", "I.2"]
