"""Deadline rules of the ninth deadline round (issue 8, section 5): a year an objective or a
reported commitment names, a phrase that tells which projects, a text to issue so that it
applies from a day (the start of a required action), a day without a year in a periodic
report, "trước ngày … và hằng tháng", and the plan a decision issues printed before a later
annex table. Small synthetic sentences in the wording each rule is about, positive and
negative."""
from __future__ import annotations

from datetime import date

import pytest

from knowledge.dates import find_deadlines
from knowledge.parser import parse_text

NOV_20 = date(2025, 11, 20)


def _found(text: str) -> list[tuple[date, str | None]]:
    return [(f.due, f.recurrence) for f in find_deadlines(text, NOV_20)]


@pytest.mark.parametrize("line", [
    "Mục tiêu hoàn thành 500 km đường ven biển trong năm 2026 là không thay đổi.",
    "Lãnh đạo các tỉnh đều cam kết hoàn thành các dự án trong năm 2026.",
    "Bố trí đủ vốn cho các dự án hoàn thành trong năm 2026.",
])
def test_an_objective_a_commitment_or_which_projects_is_no_deadline(line):
    assert _found(line) == []


@pytest.mark.parametrize("line, due", [
    ("Yêu cầu các tỉnh cam kết hoàn thành các dự án trong năm 2026.", date(2026, 12, 31)),
    ("Lập lại tiến độ bảo đảm mục tiêu hoàn thành giai đoạn 1 vào dịp ngày 19/12/2025.", date(2025, 12, 19)),
    ("Bộ Xây dựng hoàn thành các dự án trong năm 2026.", date(2026, 12, 31)),
    ("Các nhà thầu cập nhật tiến độ thi công theo mục tiêu thông xe toàn tuyến trong năm 2026.", date(2026, 12, 31)),
])
def test_an_ordered_commitment_or_a_dated_target_stays(line, due):
    assert [d for d, _ in _found(line)] == [due]


def test_a_text_to_issue_so_that_it_applies_from_a_day_is_due_that_day():
    line = ("Để bảo đảm việc thu phí từ ngày 01/01/2026, đề nghị các Thuế tỉnh tham mưu xây dựng và trình "
            "UBND tỉnh ban hành Bảng giá mới áp dụng cho địa phương từ ngày 01/01/2026.")
    assert _found(line) == [(date(2026, 1, 1), None)]
    assert _found("Hộ kinh doanh không áp dụng phương pháp khoán thuế từ ngày 01/01/2026.") == []


def test_a_day_without_a_year_in_a_periodic_report_recurs_each_year():
    line = "Định kỳ hàng tháng (trước ngày 16 hàng tháng), 6 tháng (trước ngày 16/6) gửi báo cáo về Sở."
    assert _found(line) == [(date(2025, 12, 16), "FREQ=MONTHLY;BYMONTHDAY=16"),
                            (date(2026, 6, 16), "FREQ=YEARLY;BYMONTH=6;BYMONTHDAY=16")]
    assert _found("Gửi báo cáo trước ngày 16/12.") == [(date(2025, 12, 16), None)]


def test_a_first_report_then_every_month():
    assert _found("Báo cáo Thủ tướng trước ngày 25 tháng 11 năm 2025 và hàng tháng; rà soát chặt chẽ.") == [
        (date(2025, 11, 25), "FREQ=MONTHLY;BYMONTHDAY=25")]


def test_the_plan_a_decision_issues_comes_before_a_later_annex_table():
    text = "\n".join([
        "ỦY BAN NHÂN DÂN", "TỈNH SƠN LA", "", "Số: 12/QĐ-UBND", "Sơn La, ngày 20 tháng 11 năm 2025", "",
        "QUYẾT ĐỊNH", "Về việc ban hành Kế hoạch xuất khẩu", "",
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch xuất khẩu giai đoạn 2026 - 2030.",
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký./.", "",
        "Nơi nhận:", "- Như Điều 2;", "- Lưu: VT.", "", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An", "",
        "KẾ HOẠCH", "Xuất khẩu giai đoạn 2026 - 2030", "",
        "I. CHẾ ĐỘ BÁO CÁO",
        "1. Sở Công Thương tổng hợp, báo cáo UBND tỉnh trước ngày 18 hàng tháng./.", "",
        "PHỤ LỤC 01", "DANH MỤC HÀNG HÓA",
        "(Ban hành kèm theo Quyết định số 12/QĐ-UBND ngày 20/11/2025 của UBND tỉnh)", "Chè", "Cà phê"])
    items = parse_text(text)["items"]
    report = [i for i in items if i["text"].startswith("Sở Công Thương")]
    assert report and report[0]["deadlines"][0]["date"] == "2025-12-18"


def test_finished_in_a_month_said_with_vao():
    assert _found("Các sở hoàn thành việc rà soát vào tháng 12/2025.") == [(date(2025, 12, 31), None)]
    assert _found("Khởi công dự án vào tháng 12/2025.") == []


def test_a_qa_page_opening_with_a_blank_form_reads_the_document_it_reports_further_down():
    text = "\n".join([
        "# Mẫu quyết định thành lập Ban Chỉ đạo phường mới nhất?", "",
        "Tham khảo mẫu quyết định dưới đây:", "",
        "Số: .../QĐ-UBND | …….., ngày ... tháng ... năm 20... |", "", "**QUYẾT ĐỊNH**", "",
        "**Điều 1.** Thành lập Ban Chỉ đạo phường gồm các thành viên như sau:", "- Ông/Bà …… - Trưởng ban;", "",
        "**Công văn 4321 năm 2025 về chống buôn lậu ra sao?**", "",
        "Ngày 25/11/2025, Văn phòng Chính phủ đã ban hành Công văn 4321/VPCP-V.I năm 2025 về chống buôn lậu.", "",
        "(1) Bộ Tài chính hoàn thiện Kế hoạch cao điểm, báo cáo Thủ tướng trước ngày 30 tháng 11 năm 2025.", "",
        "(2) Các lực lượng chức năng liên tục ra quân.", ""])
    parsed = parse_text(text)
    assert parsed["number"] == "4321/VPCP-V.I"
    assert [d["date"] for i in parsed["items"] for d in i["deadlines"]] == ["2025-11-30"]


def test_the_year_a_priority_holds_is_no_deadline():
    assert _found("Đề nghị các địa phương trong năm 2026 xác định nhiệm vụ hoàn thành cao tốc là nhiệm vụ hàng đầu.") == []
    assert _found("Đề nghị các địa phương hoàn thành cao tốc trong năm 2026.") == [(date(2026, 12, 31), None)]


@pytest.mark.parametrize("line, due", [
    ("Đến nay tỉnh đã khởi công 950 căn nhà, quyết tâm hoàn thành trước ngày 27/7/2026.", None),
    ("Đến nay đã hoàn thành 80% khối lượng, quyết tâm hoàn thành trước ngày 27/7/2026.", None),
    ("Thủ tướng yêu cầu các địa phương quyết liệt chỉ đạo, quyết tâm hoàn thành trước ngày 31/8/2026.", date(2026, 8, 31)),
    ("Các địa phương quyết tâm hoàn thành trước ngày 27/7/2026.", date(2026, 7, 27)),
])
def test_a_resolve_told_in_a_report_of_what_was_done_is_no_deadline(line, due):
    assert [d for d, _ in _found(line)] == ([due] if due else [])


def test_a_window_over_two_months_is_due_at_its_end():
    assert _found("Tổ chức đại hội trong tháng 10 và tháng 11 năm 2026.") == [(date(2026, 11, 30), None)]
    assert _found("Hoàn thành trong tháng 11 - 12/2025.") == [(date(2025, 12, 31), None)]


def test_news_of_a_text_under_way_that_applies_from_a_day_is_no_deadline():
    assert _found("Bộ Tài chính đang xây dựng Thông tư hướng dẫn các hộ đang áp dụng phương pháp khoán thuế "
                  "chuyển sang tự kê khai để thực hiện từ ngày 01/01/2026.") == []
