"""The parser reads notices as Decree 30/2020/NĐ-CP lays them out (issue 8): letterhead,
number, place and date, kind and title, body tree, who acts, nơi nhận and signature; and the
web pages such notices are copied from. The documents here are made up for the tests."""
from __future__ import annotations

from datetime import date

import pytest

from knowledge.parser import parse_text

PROVINCIAL_DIRECTIVE = """|
**ỦY BAN NHÂN
DÂN**
**TỈNH ĐỒNG THÁP**
--------
|
**CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 15/CT-UBND
|
*Đồng Tháp, ngày 03
tháng 12 năm 2025*
|

**CHỈ THỊ**

**Về tăng cường phòng, chống dịch bệnh
sau mưa lũ trên địa bàn tỉnh**

Thời gian qua, mưa lũ kéo dài đã gây ngập úng tại nhiều xã, phường; nguy cơ phát sinh dịch
bệnh sau lũ là rất lớn.

Để chủ động phòng, chống dịch bệnh, Chủ tịch Ủy ban nhân dân tỉnh chỉ thị:

**I. TÌNH HÌNH DỊCH BỆNH**

1. Từ đầu tháng 11 đến nay toàn tỉnh ghi nhận 120 ca sốt xuất huyết, tăng 20% so với cùng kỳ.

**II. NHIỆM VỤ, GIẢI PHÁP**

**1. Giao Sở Y tế:**

a) Chủ trì tổ chức vệ sinh môi trường, khử khuẩn tại các xã bị ngập, hoàn thành trước ngày
15/12/2025.

b) Phối hợp với Sở Giáo dục và Đào tạo kiểm tra công tác y tế trường học.

**2. Ủy ban nhân dân các xã, phường**

- Huy động lực lượng quân đội, công an hỗ trợ Nhân dân dọn dẹp nhà cửa.

+ Ưu tiên các hộ gia đình chính sách.

- Báo cáo kết quả về Sở Y tế trước ngày 20 hằng tháng.

3. Trạm Y tế các xã, phường theo dõi sát tình hình dịch bệnh tại cơ sở.

Yêu cầu Thủ trưởng các sở, ngành và Chủ tịch Ủy ban nhân dân các xã, phường nghiêm túc
thực hiện Chỉ thị này./.

|
Nơi nhận:
- Bộ Y tế (để b/c);
- Như mục II;
- Lưu: VT.
|
**KT. CHỦ TỊCH**
**PHÓ CHỦ TỊCH**
Nguyễn Văn An
|
"""


def _items(doc):
    return [(i["number"], i["kind"], i["text"][:40]) for i in doc["items"]]


def test_a_provincial_directive_copied_from_a_web_page():
    doc = parse_text(PROVINCIAL_DIRECTIVE)
    assert (doc["number"], doc["issuer"], doc["province"], doc["date"], doc["kind"], doc["signer"]) == (
        "15/CT-UBND", "Ủy ban nhân dân tỉnh Đồng Tháp", "Đồng Tháp", "2025-12-03", "Chỉ thị", "Nguyễn Văn An")
    assert doc["title"] == "Về tăng cường phòng, chống dịch bệnh sau mưa lũ trên địa bàn tỉnh"
    assert doc["missing"] == []
    assert _items(doc) == [
        ("", "context", "Thời gian qua, mưa lũ kéo dài đã gây ngậ"),     # preamble
        ("", "context", "Để chủ động phòng, chống dịch bệnh, Chủ "),
        ("I.1", "context", "Từ đầu tháng 11 đến nay toàn tỉnh ghi nh"),  # the situation part
        ("II.1.a", "point", "Chủ trì tổ chức vệ sinh môi trường, khử "),
        ("II.1.b", "point", "Phối hợp với Sở Giáo dục và Đào tạo kiểm"),
        ("II.2.1", "bullet", "Huy động lực lượng quân đội, công an hỗ "),
        ("II.2.1.1", "bullet", "Ưu tiên các hộ gia đình chính sách."),
        ("II.2.2", "bullet", "Báo cáo kết quả về Sở Y tế trước ngày 20"),
        ("II.3", "point", "Trạm Y tế các xã, phường theo dõi sát tì"),
        ("", "context", "Yêu cầu Thủ trưởng các sở, ngành và Chủ "),  # closing formula
    ]                                               # headings "II.", "1. Giao Sở Y tế:", nơi nhận: no items
    by_number = {i["number"]: i for i in doc["items"]}
    # "Giao Sở Y tế: a) … b) …": both points are health's; b) names education as its partner
    assert by_number["II.1.a"]["units"] == ["health"]
    assert by_number["II.1.b"]["units"] == ["health", "schools"]
    assert by_number["II.1.a"]["headings"] == ["II. NHIỆM VỤ, GIẢI PHÁP", "1. Giao Sở Y tế:"]
    # the communes act; the army and police they mobilise do not
    assert by_number["II.2.1"]["units"] == ["government"]
    assert by_number["II.2.1"]["actors"] == [{"name": "Ủy ban nhân dân", "unit": "government", "level": "commune"}]
    assert by_number["II.3"]["actors"] == [{"name": "Trạm Y tế", "unit": "health", "level": "commune"}]
    assert [(d["date"], d["kind"]) for d in by_number["II.1.a"]["deadlines"]] == [("2025-12-15", "by")]
    [monthly] = by_number["II.2.2"]["deadlines"]
    assert (monthly["date"], monthly["recurrence"]) == ("2025-12-20", "FREQ=MONTHLY;BYMONTHDAY=20")


PRIME_MINISTER_TELEGRAM = """THỦ TƯỚNG CHÍNH
PHỦ
-------
|
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
|
Số: 230/CĐ-TTg
|
Hà Nội, ngày 25 tháng 11 năm 2025
|
CÔNG ĐIỆN
VỀ TẬP TRUNG KHẮC PHỤC HẬU QUẢ MƯA LŨ
THỦ TƯỚNG CHÍNH PHỦ điện:
- Bộ trưởng các Bộ: Quốc phòng, Công an, Y tế;
- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố: Gia Lai, Đắk Lắk, Khánh Hòa.
|
Theo dự báo, từ tối nay đến ngày 28/11 tại các tỉnh Nam Trung Bộ tiếp tục có mưa to. Thủ
tướng Chính phủ yêu cầu:
1. Chủ tịch Ủy ban nhân dân các tỉnh: Gia Lai, Đắk Lắk, Khánh Hòa chỉ đạo sơ tán dân khỏi khu
vực nguy hiểm, hoàn thành trước 17 giờ ngày 26/11/2025.
2. Bộ trưởng Bộ Quốc phòng chỉ đạo Quân khu 5 bố trí lực lượng, phương tiện hỗ trợ các địa phương.
3. Bộ trưởng Bộ Y tế:
a) Chỉ đạo bảo đảm thuốc, hóa chất khử khuẩn cho vùng lũ.
b) Báo cáo Thủ tướng Chính phủ trước 15 giờ hằng ngày.
4. Văn phòng Chính phủ theo dõi, đôn đốc thực hiện Công điện này./.
|
Nơi nhận:
- Như trên;
- Lưu: VT.
|
THỦ TƯỚNG
Phạm Minh Chính
"""


def test_a_national_telegram_has_no_province_and_its_addressees_are_not_items():
    doc = parse_text(PRIME_MINISTER_TELEGRAM)
    assert (doc["number"], doc["issuer"], doc["province"], doc["date"], doc["kind"], doc["signer"]) == (
        "230/CĐ-TTg", "Thủ tướng Chính phủ", None, "2025-11-25", "Công điện", "Phạm Minh Chính")
    assert doc["title"] == "Về tập trung khắc phục hậu quả mưa lũ"
    directives = [(i["number"], i["units"]) for i in doc["items"] if i["kind"] != "context"]
    assert directives == [("1", ["government"]), ("2", ["military"]), ("3.a", ["health"]), ("3.b", ["health"]),
                          ("4", ["government"])]
    deadlines = [(i["number"], d["date"], d["time"], d.get("recurrence")) for i in doc["items"] for d in i["deadlines"]]
    # the forecast "từ tối nay đến ngày 28/11" is no deadline
    assert deadlines == [("1", "2025-11-26", "17:00", None), ("3.b", "2025-11-26", "15:00", "FREQ=DAILY")]
    ministry = next(i for i in doc["items"] if i["number"] == "2")
    assert ministry["actors"] == [{"name": "Bộ Quốc phòng", "unit": "military", "level": "central"},
                                  {"name": "Quân khu", "unit": "military", "level": "central"}]   # directed: acts too


PARTY_CONCLUSION = """BAN CHẤP HÀNH
TRUNG ƯƠNG
**VĂN PHÒNG**
*
**ĐẢNG CỘNG SẢN
VIỆT NAM**
---------------
Số 09-KL/VPTW
*Hà Nội, ngày 05 tháng 12 năm 2025*
**KẾT LUẬN**
CỦA ĐỒNG CHÍ CHÁNH VĂN PHÒNG TRUNG ƯƠNG ĐẢNG TẠI HỘI NGHỊ GIAO BAN
-----
Hội nghị giao ban công tác văn phòng cấp ủy tổ chức ngày 02/12/2025 đã thống nhất như sau:
**1. Về đánh giá tình hình**
Các văn phòng cấp ủy đã hoàn thành tốt nhiệm vụ năm 2025.
**2. Về nhiệm vụ thời gian tới**
Thứ nhất, các văn phòng tỉnh ủy, thành ủy tham mưu tổng kết công tác năm 2025 trước ngày 30/12/2025.
Thứ hai, đẩy mạnh chuyển đổi số trong hoạt động của cơ quan đảng.
"""


def test_a_party_document_and_its_sections():
    doc = parse_text(PARTY_CONCLUSION)
    assert (doc["number"], doc["issuer"], doc["province"], doc["date"], doc["kind"]) == (
        "09-KL/VPTW", "Văn phòng Trung ương Đảng", None, "2025-12-05", "Kết luận")
    assert doc["missing"] == ["signer"]
    assert [(n, k) for n, k, _ in _items(doc)] == [
        ("", "context"), ("1.1", "context"), ("2.Thứ nhất", "point"), ("2.Thứ hai", "point")]
    assert doc["items"][2]["units"] == ["party"]


def test_legal_numbering_parts_chapters_articles_and_decimals():
    text = ("KẾ HOẠCH\nTRIỂN KHAI NHIỆM VỤ NĂM 2026\n\n"
            "Phần I. NHIỆM VỤ CHUNG\n\nĐiều 1. Các sở, ngành triển khai kế hoạch này.\n\n"
            "1.1. Sở Tài chính bố trí kinh phí trong quý I/2026.\n\n1.2. Sở Nội vụ rà soát tổ chức bộ máy.\n\n"
            "(1) Rà soát chức năng của từng phòng.\n\n(2) Đề xuất sắp xếp trong tháng 3/2026.\n\n"
            "Phần II. TỔ CHỨC THỰC HIỆN\n\nMột là, Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc.\n")
    doc = parse_text(text, today=date(2025, 12, 1))
    assert [(i["number"], i["kind"]) for i in doc["items"]] == [
        ("I.1", "point"), ("I.1.1", "point"), ("I.1.2", "point"), ("I.1.2.1", "point"),
        ("I.1.2.2", "point"), ("II.Một là", "point")]
    assert [d["date"] for i in doc["items"] for d in i["deadlines"]] == ["2026-03-31", "2026-03-31"]
    assert doc["items"][1]["units"] == ["finance"] and doc["items"][2]["units"] == ["home_affairs"]
    assert doc["items"][3]["units"] == ["home_affairs"]      # (1) under "1.2. Sở Nội vụ …"
    assert doc["items"][3]["headings"][-1] == "1.2. Sở Nội vụ rà soát tổ chức bộ máy."


def test_a_measure_opening_a_line_is_no_decimal_heading():
    # A customs notice describing goods (37690/TB-CHQ): "13.75 ± 3g/chiếc" opened a line and was
    # read as point "13.75", so every later bullet went under "2.13.75".
    text = ("THÔNG BÁO\nVề kết quả xác định trước mã số\n\n"
            "2. Tóm tắt mô tả hàng hóa:\n\n- Hàm lượng tính trên trọng lượng:\n13.75 ± 3g/chiếc\n\n"
            "- Kích thước:\n2.5 kg mỗi thùng\n\n- Công dụng theo thiết kế: theo dõi vị trí đồ vật.\n\n"
            "3. Kết quả xác định trước mã số: thuộc nhóm 85.31.\n")
    numbers = [i["number"] for i in parse_text(text)["items"]]
    assert "3" in numbers and not any(n.startswith(("2.13", "2.2.5")) for n in numbers), numbers
    assert sum(n.startswith("2.") for n in numbers) == 3, numbers


def test_a_page_without_letterhead_lists_what_it_lacks():
    doc = parse_text("Các địa phương khẩn trương xét nghiệm cho toàn bộ người dân trước ngày 20/12/2021.")
    assert doc["missing"] == ["number", "issuer", "date", "kind", "title", "signer"]
    assert (doc["number"], doc["issuer"], doc["date"]) == (None, None, None)


NEWS_PAGE = """# Công điện 78/CĐ-TTg 2025 tập trung cắt giảm thủ tục hành chính ra sao?

**Công điện 78/CĐ-TTg 2025 tập trung cắt giảm thủ tục hành chính ra sao?**

Ngày 29/5/2025, Thủ tướng Chính phủ đã có Công điện 78/CĐ-TTg năm 2025 về tập trung cắt giảm,
đơn giản hóa thủ tục hành chính.

Theo đó, Thủ tướng Chính phủ yêu cầu:

**(1)** Bộ trưởng Bộ Xây dựng tập trung thực hiện:

- Rà soát, cắt giảm 30% thời gian giải quyết thủ tục hành chính trong năm 2025.

- Báo cáo kết quả trước ngày 25 hằng tháng.

(2) Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương tổ chức thực hiện liên thông thủ tục.

*Công điện 78/CĐ-TTg 2025 tập trung cắt giảm thủ tục hành chính ra sao? (Hình từ Internet)*

**Thủ tục thu hồi giấy phép xây dựng năm 2025?**

Căn cứ theo Điều 64 Nghị định 175/2024/NĐ-CP quy định như sau:

(1) Giấy phép xây dựng bị thu hồi trong các trường hợp quy định tại khoản 1 Điều 101.

Quý khách cần hỏi thêm thông tin về có thể đặt câu hỏi tại đây.
"""


def test_a_news_page_about_a_telegram_says_its_number_issuer_and_date():
    doc = parse_text(NEWS_PAGE)
    assert (doc["number"], doc["issuer"], doc["date"], doc["kind"], doc["province"]) == (
        "78/CĐ-TTg", "Thủ tướng Chính phủ", "2025-05-29", "Công điện", None)
    directives = [i["text"][:20] for i in doc["items"] if i["kind"] != "context"]
    assert directives == ["Rà soát, cắt giảm 30", "Báo cáo kết quả trướ",
                          "Ủy ban nhân dân các "]        # the quoted law after it is not
    assert [d["date"] for i in doc["items"] for d in i["deadlines"]] == ["2025-12-31", "2025-06-25"]


def test_a_site_box_gives_what_the_copied_text_lacks():
    text = ("Bản dịch này thuộc quyền sở hữu của THƯ VIỆN PHÁP LUẬT.\nĐang tải văn bản...\n"
            "**Số hiệu:**\n|\n6278/BVHTTDL-VP\n|\n**Loại văn bản:**\n|\nCông văn\n|\n**Nơi ban hành:**\n|\n"
            "Bộ Văn hóa, Thể thao và Du lịch\n|\n**Người ký:**\n|\nTạ Quang Đông\n|\n**Ngày ban hành:**\n|\n"
            "20/11/2025\n|\n**Tình trạng:**\n|\nĐã biết\n|\n"
            "**Kính gửi:**\n- Các đơn vị thuộc Bộ;\n- Vụ Pháp chế.\n\n"
            "Thủ tướng Chính phủ đã ban hành Công điện số 220/CĐ-TTg ngày 18/11/2025 chỉ đạo cắt giảm thủ tục.\n\n"
            "1. Vụ Pháp chế hoàn thành việc rà soát trong tháng 12/2025.\n")
    doc = parse_text(text)
    assert (doc["number"], doc["issuer"], doc["date"], doc["kind"], doc["signer"]) == (
        "6278/BVHTTDL-VP", "Bộ Văn hóa, Thể thao và Du lịch", "2025-11-20", "Công văn", "Tạ Quang Đông")
    assert [i["text"][:20] for i in doc["items"] if i["kind"] != "context"] == ["Vụ Pháp chế hoàn thà"]


def test_hard_wrapped_lines_are_joined_whatever_their_first_letter():
    text = ("1. Bí thư tỉnh ủy và Chủ tịch Ủy ban nhân dân các tỉnh tiếp tục phân công nhiệm vụ cụ thể cho\n"
            "Khánh Hòa, Gia Lai và Lâm Đồng chỉ đạo các lực lượng xuống tận cơ sở, nhất là các khu vực bị\n"
            "ngập sâu, chia cắt.\n"
            "2. Bộ Y tế chỉ đạo bảo đảm thuốc cho vùng lũ.\n")
    doc = parse_text(text)
    assert [i["number"] for i in doc["items"]] == ["1", "2"]
    assert doc["items"][0]["text"].endswith("nhất là các khu vực bị ngập sâu, chia cắt.")


def test_bidi_and_invisible_characters_are_removed_from_stored_text():
    spoofed = "\u202e\u2066Sở Y tế\u2069 hoàn\u200b thành\ufeff trước ngày 30/11/2025.\u200f"
    doc = parse_text(f"1. {spoofed}\n2. " + "\u202e" * 60 + "Công an tỉnh bảo đảm an ninh.")
    texts = [i["text"] for i in doc["items"]]
    assert texts == ["Sở Y tế hoàn thành trước ngày 30/11/2025.", "Công an tỉnh bảo đảm an ninh."]
    assert not any(c in "".join(texts) for c in "\u202e\u2066\u2069\u200b\ufeff\u200f")


def test_cyrillic_doubles_of_latin_letters_are_read_as_latin():
    # cd-fa0dcc139cec05de cites "văn bản số 16495/BТС-PTHT" with a Cyrillic Т and С.
    doc = parse_text("1. Các bộ hoàn thành theo hướng dẫn của Bộ Tài chính tại văn bản số 16495/B\u0422\u0421-PTHT "
                     "và báo cáo số liệu GRD\u0420 thự\u0441 tế.\n2. Ghi tên sách «\u041c\u043e\u0441\u043a\u0432\u0430».")
    assert doc["items"][0]["text"].endswith("16495/BTC-PTHT và báo cáo số liệu GRDP thực tế.")
    assert "16495/BTC-PTHT" in [r["number"] for r in doc["references"]]
    assert "\u041c\u043e\u0441\u043a\u0432\u0430" in doc["items"][1]["text"]       # a Cyrillic word stays


def test_an_encyclopedia_article_has_no_directives():
    text = ("# Đại hội lần thứ III\n\n**Đại hội** diễn ra từ ngày 5 đến ngày 10-9-1960 tại Hà Nội.\n\n"
            "## Bối cảnh lịch sử\n\n[sửa | sửa mã nguồn]Các địa phương thực hiện kế hoạch 5 năm lần thứ nhất.\n\n"
            "- Thực hiện cải tạo xã hội chủ nghĩa ở miền Bắc.\n\n## Tham khảo\n\n- Lịch sử Việt Nam, Tập 3.\n")
    doc = parse_text(text)
    assert all(i["kind"] == "context" and not i["deadlines"] for i in doc["items"])
    assert (doc["number"], doc["issuer"], doc["date"]) == (None, None, None)


def test_a_plans_task_table_gives_one_item_per_task_with_its_lead_and_time():
    text = ("KẾ HOẠCH\nTRIỂN KHAI LUẬT\n\nI. MỤC ĐÍCH, YÊU CẦU\n\n1. Nâng cao nhận thức về Luật.\n\n"
            "II. NỘI DUNG\n\n| 1. | Rà soát văn bản quy phạm pháp luật |\n| | - Cơ quan chủ trì: Sở Tư pháp. |\n"
            "| | - Thời gian thực hiện: trước ngày 30/12/2025. |\n| 2. | Tuyên truyền Luật |\n"
            "| | - Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch. |\n\n"
            "III. KINH PHÍ THỰC HIỆN\n\nKinh phí thực hiện từ ngân sách nhà nước.\n\n"
            "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các cơ quan báo cáo Sở Tư pháp.\n")
    doc = parse_text(text, today=date(2025, 11, 1))
    assert [(i["number"], i["kind"], i["units"]) for i in doc["items"]] == [
        ("I.1", "context", []), ("II.1", "point", ["justice"]), ("II.2", "point", ["culture"]),
        ("III.1", "context", []), ("", "context", [])]
    assert doc["items"][1]["text"].startswith("Rà soát văn bản quy phạm pháp luật - Cơ quan chủ trì: Sở Tư pháp.")
    assert [d["date"] for d in doc["items"][1]["deadlines"]] == ["2025-12-30"]


def test_page_furniture_does_not_become_directives():
    text = ("Bản dịch này thuộc quyền sở hữu của THƯ VIỆN PHÁP LUẬT.\nĐang tải văn bản...\n"
            "**Số hiệu:**\n|\n5095/SGDĐT-CTTTHSSV\n|\n**Loại văn bản:**\n|\nCông văn\n|\n**Nơi ban hành:**\n|\n"
            "Sở Giáo dục và Đào tạo Hà Nội\n|\n**Ngày ban hành:**\n|\n03/12/2025\n|\n"
            "**Kính gửi:**\n|\n- UBND các xã, phường;\n- Các đơn vị, cơ sở giáo dục trực thuộc.\n|\n"
            "Sở Giáo dục và Đào tạo đề nghị các đơn vị thực hiện. Cụ thể:\n"
            "- Thường xuyên cập nhật chỉ số chất lượng không khí tại website: https://moitruongthudo.vn/.\n"
            "- Hạn chế các hoạt động ngoài trời cho học sinh.\n"
            "Sở Giáo dục và Đào tạo đề nghị Thủ trưởng các đơn vị nghiêm túc thực hiện./.\n\n"
            "__Nơi nhận__:\n- Như trên;\n- Lưu: VT.\n")
    doc = parse_text(text)
    directives = [i["text"][:21] for i in doc["items"] if i["kind"] != "context"]
    assert directives == ["Thường xuyên cập nhật", "Hạn chế các hoạt động"]


def test_a_pages_sections_explaining_a_law_are_no_directives():
    text = ("# Thông báo 33 chấp thuận thu hồi đất\n\n"
            "Ngày 10/11/2025, Văn phòng Chính phủ ban hành Thông báo 33/TB-VPCP.\n\n"
            "Theo đó, Bộ Quốc phòng chủ trì, phối hợp với Ủy ban nhân dân cấp tỉnh hoàn thành thu hồi đất "
            "trước ngày 31/12/2025.\n\n"
            "**Quy định về thu hồi đất quốc phòng theo Điều 84 Luật Đất đai 2024**\n\n"
            "Căn cứ tại Điều 84 Luật Đất đai 2024 quy định như sau:\n\n"
            "1. Trường hợp thu hồi đất quốc phòng đã có trong quy hoạch thì thực hiện theo quy định.\n\n"
            "2. Chính phủ quy định chi tiết Điều này.\n\n"
            "Như vậy, việc thu hồi đất quốc phòng phải theo quy hoạch.\n")
    doc = parse_text(text)
    directives = [i["text"][:20] for i in doc["items"] if i["kind"] != "context"]
    assert directives == ["Theo đó, Bộ Quốc phò"]
    law = [i for i in doc["items"] if i["text"].startswith("Chính phủ quy định chi tiết")]
    assert [(i["kind"], i["number"], i["deadlines"]) for i in law] == [("context", "", [])]   # kept to be asked about


def test_after_a_qa_pages_summary_its_other_questions_are_context():
    text = ("# Công điện 27/CĐ-TTg về vụ cháy\n\n"
            "Ngày 02/4/2025, Thủ tướng Chính phủ ra Công điện 27/CĐ-TTg.\n\n"
            "(1) Ủy ban nhân dân Thành phố Hồ Chí Minh khắc phục hậu quả vụ cháy.\n\n"
            "**Trên đây là \"Công điện 27/CĐ-TTg về vụ cháy\"**\n\n"
            "**Nguyên tắc phòng cháy, chữa cháy ra sao?**\n\n"
            "Căn cứ Điều 5 Luật Phòng cháy, chữa cháy 2024 quy định:\n\n"
            "- Chủ động phòng ngừa, lấy phòng ngừa là chính.\n\n"
            "Quý khách cần hỏi thêm thông tin về có thể đặt câu hỏi tại đây.\n")
    doc = parse_text(text)
    assert [i["text"][:18] for i in doc["items"] if i["kind"] != "context"] == ["Ủy ban nhân dân Th"]
    assert any(i["kind"] == "context" and "lấy phòng ngừa là chính" in i["text"] for i in doc["items"])


def test_a_letters_quoted_law_and_background_are_context_its_request_is_not():
    text = ("Kính gửi: Công ty cổ phần ABC.\n\n"
            "Cục Thuế nhận được công văn số 12/ABC ngày 29/9/2025 của Công ty về việc đề nghị điều chỉnh đơn giá.\n\n"
            "Tại khoản 1 Điều 26 Nghị định số 103/2024/NĐ-CP quy định:\n\n"
            "“Điều 26. Đơn giá thuê đất\n\n"
            "1. Trường hợp thuê đất trả tiền hằng năm:\n\n"
            "a) Tỷ lệ phần trăm tính đơn giá thuê đất là từ 0,25% đến 3%.”\n\n"
            "Đề nghị Công ty liên hệ với Thuế tỉnh Phú Thọ trước ngày 15/12/2025.\n\n"
            "Cục Thuế trả lời để Công ty được biết./.\n")
    doc = parse_text(text)
    directives = [i["text"][:20] for i in doc["items"] if i["kind"] != "context"]
    assert directives == ["Đề nghị Công ty liên"]
    assert [d["date"] for i in doc["items"] for d in i["deadlines"]] == ["2025-12-15"]


def test_a_news_reports_lead_comes_before_its_first_order_and_a_quoted_order_stays_one():
    text = ("# Tháo gỡ vướng mắc các dự án tồn đọng\n\n"
            "Công điện nêu rõ: Thời gian qua, Thủ tướng Chính phủ đã có nhiều văn bản chỉ đạo, yêu cầu các bộ rà soát.\n\n"
            "Ngày 11/4/2025, Thủ tướng Chính phủ đã ban hành Quyết định số 751/QĐ-TTg.\n\n"
            "Để khắc phục tình trạng này, Thủ tướng Chính phủ yêu cầu Bộ trưởng các bộ tổ chức quán triệt.\n\n"
            "Đồng thời, tiếp tục rà soát toàn diện các dự án.\n\n"
            "Các bộ căn cứ chức năng, nhiệm vụ được giao triển khai; trong quá trình thực hiện, có khó khăn "
            "vướng mắc kịp thời báo cáo Bộ Tài chính.\n")
    doc = parse_text(text)
    assert [i["text"][:16] for i in doc["items"] if i["kind"] != "context"] == ["Để khắc phục tìn", "Đồng thời, tiếp "]


def test_a_point_that_announces_its_list_is_a_heading_one_that_orders_is_an_item():
    text = ("CHỈ THỊ\n\n"
            "1. Đại hội đảng bộ các cấp thực hiện 4 nội dung sau:\n\n"
            "(1) Tổng kết thực hiện nghị quyết đại hội.\n\n"
            "(2) Bầu Ban chấp hành đảng bộ.\n\n"
            "2. Bí thư tỉnh ủy, Chủ tịch Ủy ban nhân dân tỉnh tập trung lãnh đạo, trong đó:\n\n"
            "a) Rà soát phương án.\n")
    doc = parse_text(text)
    starts = [i["text"][:12] for i in doc["items"] if i["kind"] != "context"]
    assert starts == ["Tổng kết thự", "Bầu Ban chấp", "Bí thư tỉnh ", "Rà soát phươ"]


_DECISION = ("ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
             "Số: 29/QĐ-UBND\nSơn La, ngày 20 tháng 11 năm 2025\n\nQUYẾT ĐỊNH\nVề việc {about}\n\n"
             "Điều 1. {first}\nĐiều 2. Quyết định này có hiệu lực kể từ ngày ký ban hành./.\n\n"
             "Nơi nhận:\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nNguyễn Thành Công\n\n"
             "KẾ HOẠCH\nPHÒNG CHỐNG THIÊN TAI\n\n1. Các Sở báo cáo trước ngày 16/12/2025.\n")


def test_a_plan_the_decision_issues_is_read_after_its_signature_without_a_kem_theo_line():
    got = parse_text(_DECISION.format(about="ban hành Kế hoạch", first="Ban hành kèm theo Quyết định này Kế hoạch "
                                                                        "phòng chống thiên tai."))
    assert [d["date"] for i in got["items"] for d in i["deadlines"]] == ["2025-12-16"]


def test_capitals_after_the_signature_of_a_decision_that_issues_no_plan_are_not_read():
    got = parse_text(_DECISION.format(about="phê duyệt dự toán", first="Phê duyệt dự toán năm 2026."))
    assert not any(i["deadlines"] for i in got["items"])
    assert not any("Các Sở báo cáo" in i["text"] for i in got["items"])


@pytest.mark.parametrize("text, expected", [
    ("Trung tâm Y tế huyện chỉ đạo các Trạm Y tế xã, thị trấn kiểm tra bếp ăn bán trú.",
     [("Trung tâm Y tế", "district"), ("Trạm Y tế", "commune")]),
    ("Công an huyện chỉ đạo Công an các xã, thị trấn bố trí lực lượng tại cổng trường.",
     [("Công an", "district"), ("Công an", "commune")]),
    ("Sở Y tế chỉ đạo thực hiện tốt công tác tiêm chủng.", [("Sở Y tế", "province")]),
])
def test_bodies_directed_to_act_are_actors_at_their_level(text, expected):
    """QA4 finding 19: who is directed does the work; who directs answers for it (parser/actors.py)."""
    from knowledge.parser.actors import addressees

    assert [(a.name, a.level) for a in addressees(text)[0]] == expected


@pytest.mark.parametrize("text, expected", [
    ("Tỉnh đoàn chỉ đạo hệ thống tổ chức Đoàn các cấp cử đầu mối cấp xã.", [("Tỉnh đoàn", "front", "province")]),
    ("Báo và Phát thanh, Truyền hình tỉnh chủ trì tuyên truyền thường xuyên về nội dung Kế hoạch.",
     [("các cơ quan báo chí", "media", "province")]),
    ("Các cơ sở đào tạo đại học mở thêm chuyên ngành về chuyển đổi số.",
     [("các cơ sở đào tạo đại học", "schools", "")]),
])
def test_youth_unions_the_provincial_press_and_universities_are_in_the_catalogue(text, expected):
    """QA7 (the lead's session, a Bắc Ninh plan on the digital economy): their tasks had no unit."""
    from knowledge.parser.actors import addressees

    assert [(a.name, a.unit, a.level) for a in addressees(text)[0]] == expected


def test_a_title_line_of_years_alone_stays_in_the_title():
    # 144/KH-UBND of Bắc Ninh: "… GIAI ĐOẠN" / "2026 - 2030" lost its years ("kế hoạch 144 nói về gì").
    text = ("ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\n\nSố: 144/KH-UBND\n\nBắc Ninh, ngày 24 tháng 11 năm 2025\n\n"
            "KẾ HOẠCH\nPHÁT TRIỂN KINH TẾ SỐ VÀ XÃ HỘI SỐ TỈNH BẮC NINH GIAI ĐOẠN\n2026 - 2030\n\n"
            "I. MỤC TIÊU\n\n1. Kinh tế số chiếm 45% GRDP tỉnh.\n")
    assert parse_text(text)["title"] == "Phát triển kinh tế số và xã hội số tỉnh Bắc Ninh giai đoạn 2026 - 2030"


def test_a_note_under_the_signature_belongs_to_the_notice():
    # Every customs ruling (37690/TB-CHQ …) ends, under the signature, with who may use it.
    text = ("CỤC HẢI QUAN\n\nSố: 37690/TB-CHQ\n\nHà Nội, ngày 21 tháng 11 năm 2025\n\nTHÔNG BÁO\n"
            "Về kết quả xác định trước mã số\n\n1. Hàng hóa: Samsung Smart Tag 2.\n\n"
            "2. Kết quả: thuộc mã số 8531.80.19.\n\nNơi nhận:\n- Công ty TNHH Solum Vina;\n- Lưu: VT.\n\n"
            "KT. CỤC TRƯỞNG\nPHÓ CỤC TRƯỞNG\nĐào Thu Hương\n\n"
            "Ghi chú: Kết quả xác định trước mã số trên chỉ\ncó giá trị sử dụng đối với tổ chức, cá nhân đã gửi đề nghị.\n"
            "Thông báo 37690/TB-CHQ năm 2025 về kết quả xác định trước mã số do Cục Hải quan ban hành\n")
    doc = parse_text(text)
    assert doc["signer"] == "Đào Thu Hương"
    texts = [i["text"] for i in doc["items"]]
    assert texts[-1] == ("Ghi chú: Kết quả xác định trước mã số trên chỉ có giá trị sử dụng đối với tổ chức, "
                         "cá nhân đã gửi đề nghị."), texts
    assert not any("Nơi nhận" in t or "Solum" in t or "ban hành" in t for t in texts)


def test_ministry_departments_and_tax_offices_are_bodies_at_their_level():
    """A calendar row's "Đơn vị chịu trách nhiệm phổ biến: Cục Việc làm", a letter to "Thuế tỉnh":
    bodies the catalogue lacked, so the row had no one to act and the tax office no level. A name
    that ends with its province ("Thống kê tỉnh, thành phố") still reads the partners after it."""
    from knowledge.parser.actors import addressees

    def who(text: str) -> list[tuple[str, str]]:
        return [(a.name, a.level) for a in addressees(text)[0]]

    assert who("Số vụ tai nạn lao động. Thời gian phổ biến: Tháng 3/2026; "
               "Đơn vị chịu trách nhiệm phổ biến: Cục Việc làm.") == [("Cục Việc làm", "central")]
    assert who("Thuế tỉnh hướng dẫn người nộp thuế kê khai đúng hạn.") == [("Thuế tỉnh", "province")]
    assert who("Thuế cơ sở rà soát hộ kinh doanh.") == [("Thuế cơ sở", "district")]
    assert who("Thống kê tỉnh, thành phố chủ trì, phối hợp với các sở, ban, ngành rà soát số liệu.") == [
        ("Thống kê tỉnh", "province"), ("các sở, ban, ngành", "province")]
