"""The signer under unseen layouts: a signature typed in running case in a chat, a name
broken across two lines by a copy. Synthetic texts only."""
from __future__ import annotations

from knowledge.parser import parse_text

HEAD = ("THÔNG BÁO của UBND xã Tân Lập\nSố: 7/TB-UBND, ngày 02/11/2026\n\nV/v lịch tiêm phòng dại cho chó mèo\n\n"
        "- Các thôn trưởng lập danh sách hộ nuôi chó, mèo gửi về UBND xã trước ngày 10/11/2026.\n"
        "- Trạm Y tế xã chuẩn bị vắc xin trước ngày 12/11/2026.\n")


def test_running_case_title_then_name():
    got = parse_text(HEAD + "Đề nghị các thôn thực hiện./.\nChủ tịch UBND xã\nLê Thị Hoa\n")
    assert got["signer"] == "Lê Thị Hoa" and "signer" not in got["missing"]


def test_running_case_title_without_closing_mark():
    got = parse_text(HEAD + "\nPhó Chủ tịch UBND xã\nĐỗ Minh Quang\n")
    assert got["signer"] == "Đỗ Minh Quang"
    assert all("Phó Chủ tịch" not in item["text"] for item in got["items"])


def test_name_broken_across_two_lines():
    got = parse_text(HEAD + "Đề nghị các thôn thực hiện./.\n**TM. ỦY BAN NHÂN DÂN**\nCHỦ TỊCH\n**Nguyễn\nVăn Tám**\n")
    assert got["signer"] == "Nguyễn Văn Tám"
    got = parse_text(HEAD + "Đề nghị các thôn thực hiện./.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nHoàng Thị\nMai\n")
    assert got["signer"] == "Hoàng Thị Mai"


def test_a_sentence_naming_a_chairman_is_no_signature():
    got = parse_text(HEAD + "Chủ tịch UBND xã yêu cầu các thôn thực hiện nghiêm.\nTrần Văn Bình\n")
    assert got["signer"] is None


def test_body_sentence_is_no_title_and_missing_agrees():
    page = ("# Trang tin\nSố hiệu: 88/ABC-XY\n\nCục Mẫu nhận được công văn số 12/DEF-GH ngày 01/10/2026 của Sở Mẫu "
            "về việc hướng dẫn thủ tục.\n1. Sở Mẫu báo cáo kết quả trước ngày 15/12/2026.\n")
    got = parse_text(page)
    assert not got["title"].startswith("Cục Mẫu nhận được")
    got = parse_text("Số: 88/ABC-XY\n\nTheo đó, đối tượng áp dụng bao gồm:\n- Các xã báo cáo trước ngày 15/12/2026.\n")
    assert got["title"] == "Công văn 88/ABC-XY" and "title" in got["missing"]


def test_lead_sentence_gives_its_subject():
    got = parse_text("Số: 1586/CBA-NV\n\nNgày 08/10/2026, Thuế tỉnh Mẫu đã ban hành Công văn 1586/CBA-NV về việc "
                     "hoàn thuế tự động.\n1. Các xã báo cáo kết quả trước ngày 15/12/2026.\n")
    assert got["title"] == "Hoàn thuế tự động" and "title" not in got["missing"]


def test_a_title_ending_in_the_word_dien_is_no_telegram():
    got = parse_text("THÔNG TƯ\n\nQUY ĐỊNH VỀ GIÁ BÁN ĐIỆN\n\nCăn cứ Luật Điện lực;\n\n"
                     "Điều 1. Các đơn vị báo cáo trước ngày 15/12/2026.\n")
    assert got["title"] == "Quy định về giá bán điện"
    assert not got["issuer"] or "giá bán" not in got["issuer"].lower()


def test_enacting_formula_names_the_issuer():
    got = parse_text("THÔNG TƯ\n\nQUY ĐỊNH VỀ GIÁ BÁN ĐIỆN\n\n*Căn cứ Luật Điện lực;*\n\n*Bộ trưởng\n"
                     "Bộ Mẫu Thử ban hành Thông tư quy định về giá bán điện.*\n\n"
                     "Điều 1. Các đơn vị báo cáo trước ngày 15/12/2026.\n")
    assert got["issuer"] == "Bộ Mẫu Thử"
