"""Deadlines and body structure on notices the parser was not tuned on (qa findings 9, 15, 17–20,
22): general grammar of deadlines and of plans, each with a minimal notice."""
from __future__ import annotations

from datetime import date

import pytest

from knowledge.dates import ImpossibleDate, find_deadlines
from knowledge.parser import ParseError, parse_text


def _dates(text: str, ref: date) -> list[str]:
    return [f.due.isoformat() for f in find_deadlines(text, ref)]


def test_yearless_deadline_before_the_notice_rolls_to_next_year():
    assert _dates("Các trường gửi báo cáo trước ngày 15/9.", date(2025, 9, 22)) == ["2026-09-15"]
    assert _dates("Các xã hoàn tất các số liệu trước ngày 1/6.", date(2025, 9, 22)) == ["2026-06-01"]
    assert _dates("Các xã báo cáo trước ngày 30/9.", date(2025, 9, 22)) == ["2025-09-30"]


@pytest.mark.parametrize("written", ["30/02/2027", "32/1/2027", "31/4/2027"])
def test_impossible_date_is_refused_with_a_clear_message(written):
    with pytest.raises(ImpossibleDate):
        find_deadlines(f"Các xã nộp báo cáo trước ngày {written}.", date(2026, 11, 1))
    with pytest.raises(ParseError) as e:
        parse_text(f"THÔNG BÁO\n1. Các xã nộp báo cáo trước ngày {written}.\n")
    assert e.value.key == "parse.date_impossible" and written in e.value.message("vi")


@pytest.mark.parametrize("text, due", [
    ("Bộ Xây dựng chỉ đạo nhà thầu đảm bảo khởi công dịp 19/8/2025.", "2025-08-19"),
    ("UBND các xã báo cáo trong vòng 2 ngày kể từ ngày thông báo.", "2025-08-03"),
    ("Các đơn vị gửi báo cáo trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản này.", "2025-08-08"),
])
def test_missed_forms_are_read(text, due):
    assert _dates(text, date(2025, 8, 1)) == [due]


def test_a_licence_granted_before_a_date_is_a_condition():
    assert _dates("Các cơ sở đã được cấp giấy phép trước ngày 01/7/2025 được tiếp tục hoạt động.",
                  date(2025, 6, 1)) == []


def test_tomorrow_in_a_notice_without_date_is_read_from_the_import_day():
    got = parse_text("THÔNG BÁO KHẨN\nVề việc phòng chống bão\n\n"
                     "1. Thôn trưởng gửi danh sách hộ dân về UBND xã trước 10 giờ ngày mai.\n")
    assert got["date"] is None
    (deadline,) = [d for i in got["items"] for d in i["deadlines"]]
    assert deadline["date"] == date.fromordinal(date.today().toordinal() + 1).isoformat()
    assert deadline["time"] == "10:00"


def test_a_plan_table_row_keeps_its_schedule_cell():
    """A task table pasted as lines: the schedule cell has no sentence's end, yet it is the row's
    deadline; an attached plan starts its own numbering under its title."""
    got = parse_text("NGHỊ QUYẾT\nBan hành Kế hoạch\n\nĐiều 1.\nBan hành kèm theo Nghị quyết này Kế hoạch.\n\n"
                     "KẾ HOẠCH\nSỬA ĐỔI CÁC NGHỊ QUYẾT\n(Ban hành kèm theo Nghị quyết số 1/NQ-UBTVQH15 ngày 28/12/2024)\n\n"
                     "| I. Văn bản thuộc thẩm quyền của Ủy ban |\n\n"
                     "| Ban Công tác đại biểu soạn thảo Nghị quyết về việc giải thể Viện Nghiên cứu lập pháp. |\n\n"
                     "| Trình UBTVQH xem xét, thông qua trước ngày 10/01/2025 |\n\n"
                     "| Văn phòng Quốc hội soạn thảo Nghị quyết sửa đổi Quy chế làm việc. |\n\n"
                     "| Trình UBTVQH cho ý kiến tại Phiên họp thứ 44 (tháng 4/2025) |\n", today=date(2024, 12, 28))
    dated = [(i["number"], d["date"]) for i in got["items"] for d in i["deadlines"]]
    assert [d for _, d in dated] == ["2025-01-10", "2025-04-30"]
    plan = [i for i in got["items"] if i["deadlines"]]
    assert all(i["headings"][0].startswith("KẾ HOẠCH") for i in plan)


@pytest.mark.parametrize("text", [
    "a) Tiếp tục áp dụng giá bán điện cho đơn vị bán lẻ điện theo khu vực tương ứng với cấp đơn vị hành chính "
    "trước ngày 01 tháng 7 năm 2025 đến ngày thực hiện điều chỉnh giá.",
    "Giá cho đơn vị bán lẻ điện tại phường được áp dụng cho: đơn vị có phạm vi hoạt động là nội thị thuộc thành phố, "
    "thị xã trước ngày 01 tháng 7 năm 2025.",
])
def test_whom_a_rule_applies_to_is_no_deadline(text):
    assert _dates(text, date(2025, 6, 28)) == []


def test_a_plan_announcing_itself_dates_its_scope_only():
    got = parse_text("KẾ HOẠCH\nBình đẳng giới\n\nUBND Thành phố ban hành Kế hoạch triển khai các nhiệm vụ trọng tâm "
                     "cuối năm 2025 lĩnh vực bình đẳng giới như sau:\n\n"
                     "I. NHIỆM VỤ\n1. Các sở gửi báo cáo trước ngày 16 tháng 12 năm 2025.\n", today=date(2025, 10, 1))
    assert [d["date"] for i in got["items"] for d in i["deadlines"]] == ["2025-12-16"]


def test_a_label_deadline_names_what_is_due_and_whom():
    got = parse_text("CÔNG VĂN\nVề báo cáo định kỳ\n\nSở Nội vụ đề nghị các doanh nghiệp trên địa bàn tỉnh thực hiện "
                     "báo cáo định kỳ năm 2025 như sau:\n\n(1) Báo cáo tình hình tiền thưởng tết\n\n"
                     "- Thực hiện theo đường dẫn: https://forms.gle/abc\n\n- Hạn nộp báo cáo: Trước ngày 25/11/2025.\n",
                     today=date(2025, 11, 10))
    (deadline,) = [d for i in got["items"] for d in i["deadlines"]]
    assert "tiền thưởng tết" in deadline["task"] and "enterprises" in deadline["units"]
