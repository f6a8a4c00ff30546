"""Letterheads laid out as real copies give them (Decree 30/2020/NĐ-CP read column by
column, side by side, a chat message's header): number, issuer and date must come out the
same whichever way, so one notice imported twice is one notice."""
from __future__ import annotations

import pytest

from knowledge.loader import content_key
from knowledge.parser import parse_text

BODY = ("\nTHÔNG BÁO\nVề phòng, chống dịch sốt xuất huyết\n\n"
        "1. UBND các xã báo cáo kết quả về Sở Y tế trước ngày 15/12/2026.\n"
        "2. Trung tâm Y tế cấp phát hóa chất trước ngày 10/12/2026.\n")
STACKED = ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
           "Độc lập - Tự do - Hạnh phúc\n\nSố: 41/TB-UBND\nQuảng Trị, ngày 3 tháng 10 năm 2026\n")
LEFT_FIRST = ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nSố: 41/TB-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
              "Độc lập - Tự do - Hạnh phúc\nQuảng Trị, ngày 3 tháng 10 năm 2026\n")
SIDE_BY_SIDE = ("ỦY BAN NHÂN DÂN      CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                "TỈNH QUẢNG TRỊ       Độc lập - Tự do - Hạnh phúc\n"
                "Số: 41/TB-UBND       Quảng Trị, ngày 3 tháng 10 năm 2026\n")


def _head(parsed: dict) -> tuple:
    return parsed["number"], parsed["issuer"], parsed["date"]


def test_three_layouts_of_one_letterhead_read_alike():
    got = [parse_text(head + BODY) for head in (STACKED, LEFT_FIRST, SIDE_BY_SIDE)]
    assert _head(got[0]) == ("41/TB-UBND", "Ủy ban nhân dân tỉnh Quảng Trị", "2026-10-03")
    assert all(_head(g) == _head(got[0]) for g in got)
    assert len({content_key(g) for g in got}) == 1
    assert all(g["title"] == "Về phòng, chống dịch sốt xuất huyết" for g in got)
    assert all(len(g["items"]) == 2 for g in got)


def test_party_letterhead_with_star_and_number_under_the_issuer():
    got = parse_text("ĐẢNG BỘ TỈNH QUẢNG TRỊ\nBAN THƯỜNG VỤ\n*\nSố 88-TB/TU\n\nĐẢNG CỘNG SẢN VIỆT NAM\n\n"
                     "Quảng Trị, ngày 5 tháng 10 năm 2026\n" + BODY)
    assert got["number"] == "88-TB/TU"
    assert "88" not in got["issuer"] and "Ban Thường vụ" in got["issuer"]
    assert got["date"] == "2026-10-05"


def test_place_line_of_a_city_or_town():
    for place in ("Thành phố Cần Thơ", "Thị xã Sơn Tây", "Thành phố Huế"):
        got = parse_text(STACKED.replace("Quảng Trị, ngày", f"{place}, ngày") + BODY)
        assert got["date"] == "2026-10-03", place


def test_chat_message_header_number_and_date_on_one_line():
    got = parse_text("📢 THÔNG BÁO KHẨN của UBND xã Tân Lập\nSố: 7/TB-UBND, ngày 12/10/2026\n\n"
                     "V/v phòng chống lũ\n\n"
                     "Chủ tịch UBND xã yêu cầu:\n- Các thôn trưởng báo cáo số hộ trước 17 giờ ngày 13/10/2026.\n")
    assert _head(got) == ("7/TB-UBND", "UBND xã Tân Lập", "2026-10-12")
    assert got["title"] == "Phòng chống lũ"


def test_commune_named_like_a_province_sets_no_province():
    got = parse_text("ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                     "Độc lập - Tự do - Hạnh phúc\n\nSố: 15/TB-UBND\nHòa Bình, ngày 23 tháng 11 năm 2026\n" + BODY)
    assert got["issuer"] == "Ủy ban nhân dân xã Hòa Bình"
    assert got["province"] is None


def test_title_is_never_a_numbered_point_or_a_legal_basis():
    got = parse_text("THÔNG BÁO\n1. Các xã hoàn thành trước ngày 30/12/2026.\n2. Báo cáo trước ngày 31/12/2026.\n")
    assert not got["title"].startswith("1.")
    got = parse_text(STACKED + "\nTHÔNG TƯ\nCăn cứ Luật Điện lực số 61/2024/QH15;\n\n"
                     "Điều 1. Các đơn vị thực hiện từ ngày 01/11/2026.\n")
    assert not (got["title"] or "").startswith("Căn cứ")


def test_notice_dated_in_the_future_is_flagged():
    from datetime import date
    got = parse_text(STACKED + BODY, today=date(2026, 9, 1))
    assert got["warnings"] == [{"key": "future_date", "date": "2026-10-03"}]
    assert parse_text(STACKED + BODY, today=date(2026, 11, 1))["warnings"] == []


@pytest.mark.parametrize("capitals, written", [
    ("KẾT LUẬN CỦA THỦ TƯỚNG CHÍNH PHỦ TẠI CUỘC HỌP", "Kết luận của Thủ tướng Chính phủ tại cuộc họp"),
    ("Ý KIẾN KẾT LUẬN CỦA ĐỒNG CHÍ BÍ THƯ TỈNH ỦY TẠI HỘI NGHỊ", "Ý kiến kết luận của đồng chí bí thư Tỉnh ủy tại hội nghị"),
    ("Ý KIẾN CỦA ĐỒNG CHÍ NGUYỄN VĂN AN, CHỦ TỊCH UBND TỈNH", "Ý kiến của đồng chí Nguyễn Văn An, chủ tịch UBND tỉnh"),
    ("XÂY DỰNG CHỦ NGHĨA XÃ HỘI VÀ BẢO VỆ TỔ QUỐC", "Xây dựng chủ nghĩa xã hội và bảo vệ tổ quốc"),
    ("TẠM DỪNG ỨNG DỤNG TMS VÀ ETAX", "Tạm dừng ứng dụng TMS và etax"),
])
def test_capitals_written_as_running_text_keep_names_and_acronyms_only(capitals, written):
    from knowledge.parser.names import proper_case
    assert proper_case(capitals) == written


def test_the_authority_line_above_the_grounds_is_not_the_title():
    """Decree 30/2020: a document issued in a person's authority puts it on its own line
    ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH") between the title and the "Căn cứ" lines."""
    from knowledge.parser import parse_text
    text = ("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 15/QĐ-UBND\nNghệ An, ngày 20 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\nVỀ VIỆC THÀNH LẬP TỔ CÔNG TÁC\n"
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n\nQUYẾT ĐỊNH:\n\n"
            "Điều 1. Thành lập Tổ công tác.\n")
    assert parse_text(text)["title"] == "Thành lập tổ công tác"


# A legal-library page of a công văn without letterhead: the metadata box, then "Kính gửi:" with an
# addressee's street address in brackets, then the body. The address is no title.
PAGE_BOX = ("#\n**Số hiệu:**\n|\n5706/CT-CS\n|\n**Loại văn bản:**\n|\nCông văn\n|\n**Nơi ban hành:**\n|\n"
            "Cục Thuế\n|\n**Ngày ban hành:**\n|\n03/12/2025\n|\n")
ADDRESSEES = ("**Kính gửi: **\n|\n- Thuế thành phố Hà Nội;\n- Công ty Cổ phần X.\n*(Số\n"
              "222 Lê Trọng Tấn - Phương Liệt - Hà Nội)*\n|\n")
LETTER = ("Cục Thuế nhận được công văn số 9172/HAN-KTr5 ngày 06/8/2025 của Thuế TP. Hà Nội. "
          "Về vấn đề này, Cục Thuế có ý kiến như sau:\n"
          "1. Đề nghị Thuế TP. Hà Nội nghiên cứu quy định để thực hiện thống nhất.\n")


def test_an_addressees_street_address_is_never_the_title():
    parsed = parse_text(PAGE_BOX + ADDRESSEES + LETTER)
    assert "Lê Trọng Tấn" not in parsed["title"]
    assert "title" in parsed["missing"]          # the preview says the page gives none


def test_a_page_box_subject_on_the_line_after_v_v_is_the_title():
    box = PAGE_BOX + "*V/v:\nChính sách thuế TNCN*\n|\n*Hà Nội, ngày 3 tháng 12\nnăm 2025*\n|\n"
    parsed = parse_text(box + ADDRESSEES + LETTER)
    assert parsed["title"] == "Chính sách thuế TNCN"


def test_the_addressees_are_kept_without_their_label_or_postal_address():
    """"công văn … gửi ai" is answered from the header (knowledge/notice_facts.py): the parser keeps
    the "Kính gửi" line as written, without the label and an "(Đ/c: …)" address."""
    from knowledge.parser import parse_text
    letter = ("CỤC HẢI QUAN\n\nSố: 39/CHQ-GSQL\nV/v vướng mắc thủ tục hải quan\n\nHà Nội, ngày 03 tháng 12 năm 2025\n\n"
              "Kính gửi: Chi nhánh Công ty TNHH KGL Việt Nam tại TP. HCM.\n(Đ/c: Tầng 5, Số 8A-10A, Phường Tân Sơn Hòa)\n\n"
              "Trả lời công văn số 01/KGL của Công ty, Cục Hải quan có ý kiến như sau:\n\n"
              "- Đề nghị Công ty nghiên cứu các văn bản dẫn trên để thực hiện đúng quy định.\n")
    assert parse_text(letter)["addressees"] == "Chi nhánh Công ty TNHH KGL Việt Nam tại TP. HCM"


def test_the_addressees_stop_where_the_body_begins():
    from knowledge.parser import parse_text
    plan = ("ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU\n\nSố: 12/TTr-UBND\n\nCà Mau, ngày 03 tháng 12 năm 2025\n\nTỜ TRÌNH\n"
            "Về kế hoạch tài chính 05 năm\n\nKính gửi: Hội đồng nhân dân tỉnh Cà Mau\nCăn cứ Nghị định số 45/2017/NĐ-CP "
            "ngày 21/4/2017 của Chính phủ quy định chi tiết lập kế hoạch tài chính 05 năm;\n\n"
            "1. Sở Tài chính tổng hợp kế hoạch tài chính 05 năm, báo cáo trước ngày 15/12/2025.\n")
    assert parse_text(plan)["addressees"] == "Hội đồng nhân dân tỉnh Cà Mau"


def test_a_lead_sentence_naming_the_party_is_no_side_by_side_letterhead():
    """"…, Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam đã ban hành Kết luận 212-KL/TW" was cut
    at "Đảng Cộng sản Việt Nam" as if it were a letterhead's right column, and the page lost the
    date and issuer its lead gives."""
    text = ("# Kết luận 212-KL/TW về tiêu chuẩn của đơn vị hành chính ra sao?\n\n"
            "Ngày 18 tháng 11 năm 2025, Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam đã ban hành "
            "Kết luận 212-KL/TW về định hướng xây dựng tiêu chuẩn của đơn vị hành chính.\n\n"
            "(3) Giao Đảng uỷ Quốc hội ban hành Nghị quyết về tiêu chuẩn của đơn vị hành chính "
            "(hoàn thành trong tháng 11/2025).\n")
    got = parse_text(text)
    assert (got["number"], got["date"]) == ("212-KL/TW", "2025-11-18")
    assert got["issuer"].startswith("Ban Chấp hành Trung ương")


def test_the_letter_speaking_in_its_issuers_name_ends_a_wrapped_addressee():
    """QA9: "Kính gửi: Độc / giả Hoàng Văn Trung / Cục Thuế nhận được đơn …" took the reply's first
    paragraph into the addressee; a line opening with the issuer's own name is the letter."""
    text = ("BỘ TÀI CHÍNH\nCỤC THUẾ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nSố: 5387/CT-CS\nV/v trả lời phản ánh kiến nghị\n\n"
            "Hà Nội, ngày 20 tháng 11 năm 2025\n\nKính gửi: Độc\ngiả Hoàng Văn Trung\n"
            "Cục Thuế nhận được đơn phản ánh kiến nghị của Độc\ngiả Hoàng Văn Trung qua hệ thống xử lý "
            "phản ánh. Về vấn đề này, Cục Thuế có ý kiến như sau:\n"
            "1. Người sử dụng đất không phải nộp tờ khai thuế khi làm thủ tục giao đất.\n")
    got = parse_text(text)
    assert got["issuer"] == "Cục Thuế" and got["addressees"] == "Độc giả Hoàng Văn Trung"
    assert any(item["text"].startswith("Cục Thuế nhận được đơn") for item in got["items"])


def test_a_cong_dien_list_of_addressees_ends_at_its_first_numbered_order():
    """QA10: "CHỦ TỊCH … điện:" then "- …;" lines then "1. …" with no blank line kept every order
    in the addressee list, and the notice was stored with its signer as its only item."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\n-------\nSố: 215/CĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\nHà Tĩnh, ngày 20 tháng 11 năm 2026\nCÔNG ĐIỆN\n"
            "Về việc chủ động ứng phó với mưa lũ trên địa bàn tỉnh\nCHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:\n"
            "- Chủ tịch UBND các huyện, thị xã, thành phố;\n- Giám đốc các Sở: Y tế, Giáo dục và Đào tạo;\n"
            "1. Chủ tịch UBND các huyện tổ chức sơ tán dân ở vùng trũng thấp xong trước 17h00 ngày 27/11/2026.\n"
            "2. Sở Giáo dục và Đào tạo cho học sinh nghỉ học từ ngày 26/11/2026.\n"
            "3. Sở Y tế bố trí 02 đội cơ động cấp cứu tại mỗi huyện trước ngày 01/12/2026.\n"
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nNguyễn Văn Test\n")
    got = parse_text(text)
    assert [item["number"] for item in got["items"]] == ["1", "2", "3"]
    assert got["addressees"].rstrip(";").endswith("Giáo dục và Đào tạo") and "sơ tán" not in got["addressees"]
    assert sum(len(item["deadlines"]) for item in got["items"]) >= 2
