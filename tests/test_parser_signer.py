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
