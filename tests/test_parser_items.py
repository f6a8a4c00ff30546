"""Which paragraphs of a notice become directive items (issue 8, item precision): one small
made-up text per rule, each showing what is stored as a directive and what is context."""
from __future__ import annotations

from datetime import date

from knowledge.parser import parse_text

HEAD = """ỦY BAN NHÂN DÂN TỈNH GIA LAI
Số: 12/KH-UBND
Gia Lai, ngày 01 tháng 12 năm 2025
KẾ HOẠCH
Triển khai nhiệm vụ năm 2026

"""


def _directives(text: str) -> list[dict]:
    return [i for i in parse_text(text, today=date(2025, 12, 1))["items"] if i["kind"] != "context"]


def _starts(items: list[dict], words: int = 4) -> list[str]:
    return [" ".join(i["text"].split()[:words]) for i in items]


def test_a_markdown_task_table_gives_one_item_per_row_with_its_cells_labelled():
    items = _directives(HEAD + """II. NHIỆM VỤ
| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |
|---|---|---|---|---|
| 1 | Rà soát văn bản quy phạm pháp luật | Sở Tư pháp | Các sở, ngành | Tháng 3/2026 |
| 2 | Xây dựng cơ sở dữ liệu đất đai | Sở Nông nghiệp và Môi trường | Sở Tài chính | Quý II/2026 |
III. TỔ CHỨC THỰC HIỆN
1. Các sở, ngành triển khai thực hiện kế hoạch này.
""")
    assert [i["number"] for i in items] == ["II.1", "II.2", "III.1"]
    assert items[0]["text"] == ("Rà soát văn bản quy phạm pháp luật. Cơ quan chủ trì: Sở Tư pháp; "
                                "Cơ quan phối hợp: Các sở, ngành; Thời gian hoàn thành: Tháng 3/2026.")
    assert [d["date"] for d in items[1]["deadlines"]] == ["2026-06-30"]


def test_a_table_whose_cells_are_on_lines_of_their_own_keeps_a_wrapped_cell_whole():
    # a legal library's layout: each cell between `|` lines, a cell's text wrapped over two lines
    items = _directives(HEAD + """II. NHIỆM VỤ
|
STT
|
Tên nhiệm vụ
|
Cơ quan chủ trì
|
Thời hạn
|
|
1
|
Xây dựng bộ quy tắc ứng xử
văn hóa trên môi trường số
|
Sở Văn hóa, Thể thao
và Du lịch
|
31/12/2026
|
|
2
|
Đóng giao diện cổng dịch vụ công cũ
|
Sở Khoa học và Công nghệ
|
01/03/2026
|
""")
    assert _starts(items) == ["Xây dựng bộ quy", "Đóng giao diện cổng"]
    assert "Cơ quan chủ trì: Sở Văn hóa, Thể thao và Du lịch" in items[0]["text"]


def test_attribute_lines_of_a_task_stay_with_it_even_under_a_bullet():
    items = _directives(HEAD + """II. NHIỆM VỤ
1. Nâng cao chất lượng dịch vụ công
- Số hóa hồ sơ thủ tục hành chính tại bộ phận một cửa.
+ Đơn vị chủ trì: Văn phòng UBND tỉnh.
+ Đơn vị phối hợp: Sở Khoa học và Công nghệ.
+ Thời gian thực hiện: Quý I/2026.
- Rà soát quy trình nội bộ giải quyết thủ tục.
""")
    assert _starts(items) == ["Số hóa hồ sơ", "Rà soát quy trình"]
    assert "Đơn vị phối hợp: Sở Khoa học và Công nghệ." in items[0]["text"]
    assert [d["date"] for d in items[0]["deadlines"]] == ["2026-03-31"]


def test_an_unnumbered_paragraph_after_a_numbered_task_goes_on_with_it_unless_a_subheading_cuts():
    items = _directives(HEAD + """II. NHIỆM VỤ
1. Sở Y tế chủ trì, phối hợp với các địa phương tổ chức tiêm chủng mở rộng cho trẻ em dưới 5 tuổi trên địa bàn toàn tỉnh.
Trường hợp thiếu vắc xin, Sở Y tế báo cáo UBND tỉnh để điều phối kịp thời.
2. Sở Tài chính bố trí kinh phí thực hiện.

**Các hoạt động khác**

Sở Giáo dục và Đào tạo phối hợp tuyên truyền trong trường học.
""")
    assert _starts(items) == ["Sở Y tế chủ", "Sở Tài chính bố", "Sở Giáo dục và"]
    assert "Trường hợp thiếu vắc xin" in items[0]["text"]


def test_acknowledgement_rules_labels_planned_events_and_footnotes_are_not_directives():
    items = _directives(HEAD + """II. NỘI DUNG
1. Ghi nhận, đánh giá cao và biểu dương sự nỗ lực của các sở, ngành trong năm qua.
2. Đối tượng: Là học sinh phổ thông trên địa bàn tỉnh.
3. Mức hỗ trợ: 500.000 đồng/người.
4. Công diễn: Dự kiến trước ngày 03/02/2026.
5. Các trường hoàn thành vòng sơ khảo trước ngày 15/12/2025.
[1] Ban Chỉ đạo của tỉnh về chuyển đổi số.
""")
    assert _starts(items) == ["Các trường hoàn thành"]


def test_a_rule_heading_makes_its_bullets_context():
    items = _directives(HEAD + """II. NỘI DUNG
1. Đối tượng, số lượng tiết mục dự thi
- Mỗi xã đăng ký tối đa 02 tiết mục.
- Mỗi trường đăng ký tối đa 01 tiết mục.
2. Thời gian tổ chức
- Cấp trường: Hoàn thành trước ngày 15/11/2025.
""")
    assert _starts(items) == ["Cấp trường: Hoàn thành"]


def test_the_closing_restatement_after_the_points_is_context():
    items = _directives(HEAD + """1. Sở Nội vụ hướng dẫn các cơ quan đưa kết quả chuyển đổi số vào tiêu chí thi đua.
2. Văn phòng UBND tỉnh nhập liệu tiến độ trên hệ thống giám sát.
UBND tỉnh yêu cầu Thủ trưởng các cơ quan, đơn vị được giao nhiệm vụ tập trung nguồn lực, đảm bảo tiến độ được giao./.
""")
    assert _starts(items) == ["Sở Nội vụ hướng", "Văn phòng UBND tỉnh"]


def test_a_reply_letter_sent_for_information_orders_nothing():
    text = """BỘ TÀI CHÍNH
CỤC THUẾ
Số: 5331/CT-CS
Hà Nội, ngày 19 tháng 11 năm 2025
Kính gửi: Bà Trần Thị A
(Địa chỉ: 1 Nguyễn Thị Định, Phường Quy Nhơn Nam, Tỉnh Gia Lai; Số ĐT: 0974430711)
Cục Thuế nhận được câu hỏi của độc giả gửi qua Cổng Thông tin điện tử phản ánh về chính sách thuế thu nhập cá nhân. Về vấn đề này, Cục Thuế có ý kiến như sau:
Liên quan đến vướng mắc về mức tiền ăn trưa, Cục Thuế đã có công văn số 5106/CT-CS ngày 12/11/2025 về việc chính sách thuế thu nhập cá nhân.
Cục Thuế thông báo để độc giả được biết./.
"""
    assert _directives(text) == []
    asking = text.replace("Cục Thuế thông báo", "Đề nghị độc giả liên hệ Thuế tỉnh Gia Lai để được hướng dẫn.\nCục Thuế thông báo")
    assert "Đề nghị độc" in _starts(_directives(asking), 3)   # a request: the letter is read as before


def test_a_news_lead_on_signing_a_conclusion_is_context():
    items = _directives("""# Kết luận 157 của Bộ Chính trị

Ngày 25/5/2025, thay mặt Bộ Chính trị, đồng chí Trần Cẩm Tú ký ban hành Kết luận 157 về sắp xếp tổ chức bộ máy.

Giao Ban Thường vụ các tỉnh ủy, thành ủy chủ động công tác chuẩn bị các điều kiện cần thiết.
""")
    assert _starts(items) == ["Giao Ban Thường vụ"]


def test_definitions_principles_and_assessment_sections_are_context():
    items = _directives(HEAD + """I. ĐÁNH GIÁ KẾT QUẢ NĂM 2025
1. Ưu điểm
- Các sở, ngành đã hoàn thành 95% chỉ tiêu được giao.
2. Thuận lợi
- Hạ tầng số được đầu tư đồng bộ.
II. NGUYÊN TẮC
1. Bảo đảm công khai, minh bạch trong quá trình thực hiện.
III. NHIỆM VỤ
1. Kiểm tra chuyên ngành là việc xem xét, đánh giá việc chấp hành pháp luật chuyên ngành.
2. Sở Nội vụ tổ chức kiểm tra chuyên ngành tại các xã trong quý I/2026.
""")
    assert _starts(items) == ["Sở Nội vụ tổ"]


def test_a_table_in_groups_numbers_each_group_from_one():
    items = _directives(HEAD + """II. NHIỆM VỤ
| STT | Nhiệm vụ | Cơ quan chủ trì | Thời hạn |
|---|---|---|---|
| 1 | Rà soát văn bản quy phạm pháp luật | Sở Tư pháp | Tháng 3/2026 |
| 2 | Công bố thủ tục hành chính mới | Văn phòng UBND tỉnh | Tháng 4/2026 |
| 1 | Xây dựng cơ sở dữ liệu đất đai | Sở Nông nghiệp và Môi trường | Quý II/2026 |
""")
    assert _starts(items) == ["Rà soát văn bản", "Công bố thủ tục", "Xây dựng cơ sở"]


def test_a_table_header_with_no_row_under_it_keeps_the_text_after_it():
    """A blank form's header (and its column-numbering row) with no row under it: what follows is
    the document's own text, not cells of a row that never comes (it was all dropped)."""
    items = _directives(HEAD + """II. MẪU BÁO CÁO
| STT | Nội dung | Đơn vị | Kết quả |
|---|---|---|---|
| A | B | 1 | 2 |
III. TỔ CHỨC THỰC HIỆN
Sở Nội vụ tổng hợp báo cáo kết quả trước ngày 15/12/2025.
| STT | Nhiệm vụ | Cơ quan chủ trì |
|---|---|---|
| 1 | Rà soát văn bản quy phạm pháp luật | Sở Tư pháp |
""")
    assert _starts(items)[-2:] == ["Sở Nội vụ tổng", "Rà soát văn bản"]
    assert [d["date"] for d in items[-2]["deadlines"]] == ["2025-12-15"]


def test_an_article_cited_across_a_line_break_stays_in_its_sentence():
    """"Căn cứ Điều 17, Điều 18,\\nĐiều 28 Nghị định …" is one sentence; only "Điều 28." with its
    stop heads an article."""
    text = ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nSố: 41/UBND-KT\nQuảng Trị, ngày 3 tháng 10 năm 2026\n\n"
            "1. Về thuế suất\nCăn cứ Điều 17, Điều 18,\nĐiều 28 Nghị định số 181/2025/NĐ-CP của Chính phủ.\n"
            "Đề nghị Sở Tài chính hướng dẫn các doanh nghiệp thực hiện.\n")
    texts = [item["text"] for item in parse_text(text)["items"]]
    assert not any(t.startswith("Điều 28") for t in texts)
    assert any("Điều 18, Điều 28 Nghị định" in t for t in texts)


def test_a_quoted_letters_kinh_gui_line_is_context_not_a_directive():
    """A page that summarises a letter, then quotes it: its "Kính gửi: …" says whom the letter
    goes to; asked "what does letter N ask provinces to do", it must not be the answer."""
    text = ("Bộ Tài chính ban hành Công văn 17899/BTC-VP ngày 18/11/2025 về tập huấn nghiệp vụ thuế.\n\n"
            "**Kính gửi:** Ủy ban nhân dân các tỉnh,\nthành phố trực thuộc Trung ương.\n"
            "Đề nghị Ủy ban nhân dân các tỉnh chỉ đạo các xã cử cán bộ tham dự hội nghị.\n")
    items = parse_text(text)["items"]
    addressed = [i for i in items if i["text"].startswith("Kính gửi")]
    assert addressed and all(i["kind"] == "context" for i in addressed)


def test_a_year_range_wrapped_before_its_dash_is_no_bullet():
    text = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HỒ CHÍ MINH\nSố: 174/KH-UBND\nThành phố Hồ Chí Minh, ngày 18 tháng 11 năm 2025\n\n"
            "Căn cứ Quyết định số 2232/QĐ-TTg của Thủ tướng Chính phủ về phê duyệt “Chương trình phòng ngừa bạo lực giai đoạn 2021\n"
            "- 2025”;\n\n1. Sở Nội vụ tổng hợp báo cáo kết quả.\n- Sở Y tế tập huấn cho cán bộ y tế.\n")
    texts = [item["text"] for item in parse_text(text)["items"]]
    assert not any(t.startswith(("2025", "- 2025")) for t in texts)
    assert any("giai đoạn 2021 - 2025" in t for t in texts)
    assert any(t.startswith("Sở Y tế tập huấn") for t in texts)     # a real bullet stays one
