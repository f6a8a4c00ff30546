"""A plan's task table whose rows come in groups ("I" / the group's name / its rows "1", "2" …),
as a legal-document site flattens it: every cell on a line of its own between "|" lines.

Before, the group cells broke the table's header check (so each cell became an item or was dropped
as a caption, and the lead body and due date were lost) or were read as cells of the row above
(so points "1, 2, 1, 2" collided). Now each group is a heading and its rows are its points."""
from __future__ import annotations

from datetime import date

from knowledge.parser import parse_text


def _cells(*cells: str) -> str:
    return "\n|\n".join(cells) + "\n|\n"


HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n\nSố: 980/KH-UBND\nNghệ An, ngày 18 tháng 11 năm 2025\n\n"
        "KẾ HOẠCH\nTriển khai Nghị định về phòng thủ dân sự\n\n"
        "I. NỘI DUNG\n\n1. Kiện toàn cơ chế chỉ đạo phòng thủ dân sự.\n\n"
        "II. TỔ CHỨC THỰC HIỆN\n\n1. Các sở, ngành chịu trách nhiệm thực hiện Kế hoạch này.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn Đệ\n\n"
        "PHỤ LỤC\nDANH MỤC NHIỆM VỤ\n(Kèm theo Kế hoạch số 980/KH-UBND ngày 18 tháng 11 năm 2025)\n\n")
COLUMNS = ("TT", "Nội dung thực hiện", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành")


def _annex_items(text: str) -> list[dict]:
    doc = parse_text(text, today=date(2025, 11, 20))
    return [i for i in doc["items"] if i["text"].startswith(("Tổ chức lại", "Hướng dẫn", "Diễn tập", "Rà soát",
                                                             "Xây dựng", "Ban hành"))]


def test_roman_group_rows_become_headings_of_their_rows():
    text = HEAD + _cells(*COLUMNS) + _cells(
        "I", "KIỆN TOÀN CƠ CHẾ CHỈ ĐẠO",
        "1", "Tổ chức lại Ban Chỉ huy Phòng thủ dân sự cấp tỉnh", "Bộ Chỉ huy Quân sự tỉnh", "Các sở, ngành",
        "Trước ngày 30/11/2025",
        "II", "TRIỂN KHAI VĂN BẢN",
        "1", "Hướng dẫn thanh toán chi phí khám bệnh, chữa bệnh trong phòng thủ dân sự", "Sở Y tế", "Sở Tài chính",
        "Tháng 12/2025",
        "2", "Hướng dẫn phương pháp thống kê trong lĩnh vực quản lý", "Sở Tài chính", "Các sở, ngành", "Năm 2026")
    items = _annex_items(text)
    assert [i["number"] for i in items] == ["PL.I.1", "PL.II.1", "PL.II.2"]   # no two rows share a path (nor the plan's I.1)
    first, health, finance = items
    assert "Cơ quan chủ trì: Bộ Chỉ huy Quân sự tỉnh" in first["text"]
    assert [d["date"] for d in first["deadlines"]] == ["2025-11-30"]
    assert "health" in health["units"] and "finance" in finance["units"]
    # the deadline is due for the row's task, not for the coordinating body named in the cell before it
    assert [d["task"][:30] for d in health["deadlines"]] == ["Hướng dẫn thanh toán chi phí k"]
    assert not any("TRIỂN KHAI VĂN BẢN" in i["text"] for i in items)   # the group's name is no cell


def test_letter_groups_over_roman_groups_and_dotted_rows():
    text = HEAD + _cells("STT", "Nhiệm vụ, giải pháp", "Đơn vị thực hiện", "Thời gian thực hiện") + _cells(
        "A", "PHÁT TRIỂN NỀN MÓNG",
        "I", "Hoàn thiện thể chế",
        "1.1", "Rà soát các quy định pháp luật về kinh tế số", "Sở Tư pháp", "Năm 2026",
        "1.2", "Xây dựng cơ chế thử nghiệm có kiểm soát", "Sở Khoa học và Công nghệ", "Năm 2026",
        "B", "PHÁT TRIỂN NGÀNH, LĨNH VỰC",
        "I", "Nông nghiệp",
        "1.1", "Xây dựng nền tảng dữ liệu số nông nghiệp", "Sở Nông nghiệp và Môi trường", "Năm 2027")
    items = _annex_items(text)
    assert len(items) == 3 and len({i["number"] for i in items}) == 3
    assert [i["number"].split(".")[-4:-2] for i in items] == [["A", "I"], ["A", "I"], ["B", "I"]]
    assert [d["date"] for i in items for d in i["deadlines"]] == ["2026-12-31", "2026-12-31", "2027-12-31"]


def test_the_documents_own_next_section_still_ends_the_table():
    text = ("KẾ HOẠCH\nTriển khai Luật\n\nI. NHIỆM VỤ\n\n" + _cells(*COLUMNS) + _cells(
        "I", "TUYÊN TRUYỀN",
        "1", "Rà soát tài liệu tuyên truyền về phòng thủ dân sự", "Sở Văn hóa, Thể thao và Du lịch", "Các sở",
        "Năm 2026") +
        "\nII. TỔ CHỨC THỰC HIỆN\n\n1. Sở Y tế chủ trì hướng dẫn các cơ sở y tế thực hiện Kế hoạch.\n")
    doc = parse_text(text, today=date(2025, 11, 20))
    last = doc["items"][-1]
    assert last["text"].startswith("Sở Y tế chủ trì") and last["number"] == "II.1"
    assert "health" in last["units"]


def test_a_number_in_a_cell_is_no_row():
    text = HEAD + _cells(*COLUMNS) + _cells(
        "1", "Xây dựng 1.000 điểm tuyên truyền về phòng thủ dân sự", "Sở Văn hóa, Thể thao và Du lịch",
        "Các sở", "1.000", "Năm 2026",
        "2", "Ban hành quy chế phối hợp tìm kiếm cứu nạn", "Sở Xây dựng", "Các sở", "Năm 2026")
    items = _annex_items(text)
    assert len(items) == 2 and "1.000" in items[0]["text"]


def test_a_closed_parenthesis_ending_in_theo_does_not_swallow_the_next_section():
    text = ("KẾ HOẠCH\nTriển khai Luật\n\nII. NỘI DUNG\n\n1. Diễn tập phòng thủ dân sự.\n"
            "*(Chi tiết Danh mục nhiệm vụ tại Phụ lục kèm\ntheo)*\n**III. NGUỒN KINH PHÍ THỰC HIỆN**\n"
            "1. Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.\n")
    doc = parse_text(text, today=date(2025, 11, 20))
    assert doc["items"][-1]["number"] == "III.1" and doc["items"][-1]["text"].startswith("Sở Tài chính")
