"""Pages that order nothing (issue 8): small synthetic pages for each decision of
knowledge/parser/orders.py. A page about a document that only advises, announces or explains
keeps its paragraphs as context (searchable, no directive, no deadline) and says so in its
warnings; a directive keeps every item, with or without its letterhead."""
from __future__ import annotations

from datetime import date

from texts import warning_text
from knowledge.parser import parse_text

TODAY = date(2025, 12, 20)


def _directives(doc: dict) -> list[dict]:
    return [i for i in doc["items"] if i["kind"] != "context"]


def _warned(doc: dict) -> bool:
    return any(w["key"] == "orders_nothing" for w in doc["warnings"])


# A Q&A page reporting a tax office's advice to taxpayers: recommendations, what may happen.
ADVICE_PAGE = (
    "# Công văn 1234/ABC-XYZ hướng dẫn hoàn thuế ra sao?\n\n"
    "**Công văn 1234/ABC-XYZ hướng dẫn hoàn thuế ra sao?**\n\n"
    "Ngày 08/10/2025, Thuế tỉnh Cao Bằng đã ban hành Công văn 1234/ABC-XYZ năm 2025 về việc hoàn thuế.\n\n"
    "Theo đó, Công văn hướng dẫn như sau:\n\n"
    "- Cơ quan thuế khuyến khích cá nhân cài đặt ứng dụng để được hoàn thuế nhanh chóng.\n\n"
    "- Trường hợp tổ chức không nộp thuế đã khấu trừ thì sẽ bị xử phạt vi phạm hành chính.\n\n"
    "- Cá nhân có thể tra cứu thông tin quyết toán trên ứng dụng.\n\n"
    "- Cá nhân rà soát thông tin định danh cho khớp với cơ sở dữ liệu dân cư.\n")

# The same kind of page reporting a letter that asks enterprises to report by a date.
ORDER_PAGE = (
    "# Công văn 5678/SNV-LĐ về báo cáo tiền lương ra sao?\n\n"
    "**Công văn 5678/SNV-LĐ về báo cáo tiền lương ra sao?**\n\n"
    "Ngày 01/12/2025, Sở Nội vụ TP HCM đã có Công văn 5678/SNV-LĐ năm 2025 về báo cáo tiền lương.\n\n"
    "Theo đó, Sở Nội vụ đề nghị các doanh nghiệp thực hiện nội dung sau:\n\n"
    "1. Doanh nghiệp xây dựng phương án thưởng Tết trước ngày 20 tháng 12 năm 2025.\n\n"
    "2. Doanh nghiệp báo cáo tình hình tiền lương, gửi về Sở Nội vụ trước ngày 25/12/2025.\n\n"
    "3. Trường hợp doanh nghiệp gặp khó khăn thì sẽ được hỗ trợ.\n")

# A directive typed with its letterhead: every point is kept, even one that only explains.
LETTERHEAD_DIRECTIVE = (
    "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
    "Số: 12/CT-UBND\n\nNghệ An, ngày 20 tháng 11 năm 2025\n\nCHỈ THỊ\nVề phòng, chống dịch bệnh\n\n"
    "1. Sở Y tế khuyến khích người dân tiêm vắc xin, có thể tổ chức tiêm lưu động.\n\n"
    "2. Các xã sẽ được hỗ trợ kinh phí khi có dịch.\n\n"
    "3. Sở Tài chính bố trí kinh phí cho công tác phòng dịch.\n")


def test_a_page_that_only_advises_keeps_its_paragraphs_as_context_and_warns():
    doc = parse_text(ADVICE_PAGE, today=TODAY)
    assert doc["number"] == "1234/ABC-XYZ"
    assert not _directives(doc)
    advice = [i for i in doc["items"] if "khuyến khích cá nhân" in i["text"]]
    assert advice and all(i["kind"] == "context" and not i["deadlines"] for i in advice)
    assert _warned(doc)


def test_a_page_reporting_orders_with_deadlines_keeps_them():
    doc = parse_text(ORDER_PAGE, today=TODAY)
    starts = [i["text"][:30] for i in _directives(doc)]
    assert any(s.startswith("Doanh nghiệp xây dựng") for s in starts)
    assert any(s.startswith("Doanh nghiệp báo cáo") for s in starts)
    assert not _warned(doc)


def test_a_document_with_its_own_letterhead_keeps_every_item():
    doc = parse_text(LETTERHEAD_DIRECTIVE, today=TODAY)
    assert doc["kind"] == "Chỉ thị"
    assert len(_directives(doc)) == 3
    assert not _warned(doc)


def test_an_announcement_of_the_issuers_own_plans_orders_nothing():
    text = ("# Công văn 11066/CHQ-CNTT tạm dừng khai hải quan ra sao?\n\n"
            "**Công văn 11066/CHQ-CNTT tạm dừng khai hải quan ra sao?**\n\n"
            "Ngày 27/6/2025, Cục Hải quan đã ban hành Công văn 11066/CHQ-CNTT năm 2025.\n\n"
            "Theo đó, cụ thể như sau:\n\n"
            "- Từ ngày 30/6/2025, cơ quan Hải quan sẽ triển khai hệ thống mới.\n\n"
            "- Cục Hải quan sẽ tạm dừng tiếp nhận khai hải quan từ 22 giờ ngày 30/6/2025.\n")
    doc = parse_text(text, today=TODAY)
    assert not _directives(doc)
    assert not any(d for i in doc["items"] for d in i["deadlines"])
    assert _warned(doc)


def test_a_decree_states_rules_even_with_its_letterhead():
    text = ("CHÍNH PHỦ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 49/2025/NĐ-CP\n\nHà Nội, ngày 28 tháng 02 năm 2025\n\nNGHỊ ĐỊNH\nQuy định về ngưỡng áp dụng\n\n"
            "Điều 1. Phạm vi điều chỉnh\n\nNghị định này quy định ngưỡng áp dụng đối với doanh nghiệp.\n\n"
            "Điều 2. Trách nhiệm thi hành\n\nCác Bộ trưởng chịu trách nhiệm thi hành Nghị định này.\n")
    doc = parse_text(text, today=TODAY)
    assert doc["kind"] == "Nghị định"
    assert doc["items"] and not _directives(doc)
    assert _warned(doc)


def test_a_tie_between_orders_and_explanations_keeps_the_items():
    text = ("# Công văn 2512/SGDĐT về các khoản thu trong trường học\n\n"
            "**Công văn 2512/SGDĐT về các khoản thu trong trường học**\n\n"
            "Ngày 05/9/2025, Sở Giáo dục và Đào tạo đã ban hành Công văn 2512/SGDĐT năm 2025.\n\n"
            "Theo đó, nội dung như sau:\n\n"
            "- Các trường rà soát, không tự ý đặt ra các khoản thu trái quy định.\n\n"
            "- Cha mẹ học sinh có quyền phản ánh các khoản thu sai quy định.\n")
    doc = parse_text(text, today=TODAY)
    assert any("không tự ý" in i["text"] for i in _directives(doc))
    assert not _warned(doc)


def test_the_warning_reads_in_both_languages():
    vi, en = (warning_text({"key": "orders_nothing"}, lang) for lang in ("vi", "en"))
    assert "ngữ cảnh" in vi and "context" in en
    assert vi != en


def test_a_page_with_neither_orders_nor_explanations_keeps_its_items():
    text = ("# Công điện 27/CĐ-TTg về vụ cháy\n\n"
            "Ngày 02/4/2025, Thủ tướng Chính phủ ra Công điện 27/CĐ-TTg.\n\n"
            "(1) Ủy ban nhân dân Thành phố Hồ Chí Minh khắc phục hậu quả vụ cháy.\n")
    doc = parse_text(text, today=TODAY)
    assert [i["text"][:15] for i in _directives(doc)] == ["Ủy ban nhân dân"]


def test_a_news_page_gives_the_reported_documents_issuer_and_date():
    text = ("# Bộ Chính trị ban hành kết luận mới\n\n"
            "Ngày 25/5/2025, thay mặt Bộ Chính trị, đồng chí Trần Cẩm Tú ký ban hành Kết luận số 157-KL/TW "
            "về việc sắp xếp tổ chức bộ máy.\n\nKết luận nêu rõ:\n\n"
            "1. Các tỉnh ủy khẩn trương hoàn thành việc sắp xếp trước ngày 30/6/2025.\n")
    doc = parse_text(text, today=TODAY)
    assert (doc["kind"], doc["number"], doc["issuer"], doc["date"]) == ("Kết luận", "157-KL/TW", "Bộ Chính trị",
                                                                         "2025-05-25")
    assert [i["number"] for i in _directives(doc)] == ["1"]
    assert not _warned(doc)


def test_a_question_heading_brought_back_closes_the_list_above_it():
    """A Q&A page's later section that quotes the document comes back into the body; its bold
    question heading ends the list before it, so its answer is no bullet of "(2) Đối với cá nhân"
    and does not carry that heading (a question about individuals found it)."""
    from knowledge.parser import parse_text
    page = ("# Công văn 7842/BNNMT-TCCB phát động thi đua ra sao?\n\n"
            "Ngày 14/10/2025, Bộ Nông nghiệp và Môi trường đã ban hành Công văn 7842/BNNMT-TCCB năm 2025 về việc "
            "phát động phong trào thi đua.\n\nTiêu chí thi đua cụ thể như sau:\n\n(1) Đối với tập thể\n\n"
            "- Bám sát các nhiệm vụ được giao, hoàn thành có chất lượng.\n\n(2) Đối với cá nhân\n\n"
            "- Chủ động, sáng tạo, hoàn thành vượt mức công việc được phân công.\n\n"
            "**Thời gian thực hiện phong trào thi đua ra sao?**\n\n"
            "Căn cứ theo Mục IV Công văn 7842/BNNMT-TCCB năm 2025 nêu rõ thời gian thực hiện như sau:\n\n"
            "Phong trào thi đua được triển khai thực hiện bắt đầu từ ngày 01/9/2025 đến ngày 30/11/2025.\n")
    items = parse_text(page)["items"]
    period = next(i for i in items if i["text"].startswith("Phong trào thi đua được triển khai"))
    assert "Đối với cá nhân" not in " ".join(period.get("headings", []))
    assert not any(i["text"].startswith("Thời gian thực hiện phong trào") for i in items)


def test_a_bold_title_glued_to_its_kind_in_capitals_keeps_a_space():
    """QA8: a news site printed "**KẾT LUẬN****CỦA BỘ CHÍNH TRỊ, BAN BÍ THƯ****về một số nhiệm vụ …**";
    the title read "… BAN BÍ THƯvề …". A bold first letter ("**V****ăn phòng") stays one word."""
    from knowledge.parser.cleaning import clean_lines
    text = " ".join(l.text for l in clean_lines("**KẾT LUẬN CỦA BAN BÍ THƯ****về một số nhiệm vụ trọng tâm**"))
    assert "THƯ về một số" in text
    assert " ".join(l.text for l in clean_lines("**V****ăn phòng Chính phủ**")) == "Văn phòng Chính phủ"


def test_a_guidance_worked_example_is_context_not_a_rule():
    """fresh8 r13: in a party guidance on cadre planning, "Ví dụ:" over "- Đồng chí Nguyễn Văn Y …
    được giới thiệu quy hoạch tối đa 03 chức danh" outranked the rule it illustrates. An example
    (a paragraph opening "Ví dụ", or the bullets, else the one paragraph, after a bare "Ví dụ:")
    is context; the paragraph after the example is not."""
    from knowledge.parser import parse_text
    text = ("HƯỚNG DẪN\nvề công tác quy hoạch cán bộ\n\n"
            "1. Mỗi chức danh quy hoạch không quá 03 cán bộ; một cán bộ quy hoạch không quá 03 chức danh.\n\n"
            "Ví dụ:\n\n- Đồng chí Nguyễn Văn X được giới thiệu quy hoạch 02 chức danh.\n\n"
            "- Đồng chí Nguyễn Văn Y được giới thiệu quy hoạch tối đa 03 chức danh.\n\n"
            "2. Các cấp ủy rà soát, bổ sung quy hoạch hằng năm.\n\n"
            "Ví dụ: Đồng chí Nguyễn Văn Z là Giám đốc Sở X.\n\n"
            "Ban Tổ chức Tỉnh ủy hướng dẫn thực hiện.\n")
    items = parse_text(text)["items"]

    def kind(start: str) -> str:
        return next(i["kind"] for i in items if i["text"].startswith(start))
    assert kind("Đồng chí Nguyễn Văn X") == kind("Đồng chí Nguyễn Văn Y") == kind("Ví dụ: Đồng chí") == "context"
    assert kind("Mỗi chức danh") != "context" and kind("Ban Tổ chức Tỉnh ủy") != "context"
