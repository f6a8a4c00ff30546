"""The lead's fixes of stop 27, each with a test that fails without it (findings of the new
user QA15 and of the lead's own tries)."""
from __future__ import annotations

from datetime import date

import pytest

from bot.views.answers import lead
from knowledge.quotes import ranked_sentences
from knowledge.records import ItemRecord
from knowledge.search import Searcher
from knowledge.sentences import split_sentences

ROW = ("Nội dung thực hiện: Tổ chức tập huấn, bồi dưỡng nghiệp vụ cho cán bộ làm công tác việc làm thuộc ngành Nội vụ. "
       "- Cơ quan chủ trì: Sở Nội vụ, Sở Giáo dục và Đào tạo, Sở Tài chính. "
       "- Cơ quan phối hợp: Bảo hiểm xã hội Thành phố, Trung tâm Dịch vụ việc làm Thành phố (Sở Nội vụ), "
       "đơn vị có liên quan. - Thời gian thực hiện: Năm 2025 và các năm tiếp theo.")


def test_a_short_label_and_its_value_on_one_line_are_one_sentence():
    """QA15: a plan row's "- Cơ quan chủ trì: Sở Nội vụ, …" was split at its colon, and the value
    was quoted without the words that say what it is."""
    split = split_sentences(ROW)
    assert "- Cơ quan chủ trì: Sở Nội vụ, Sở Giáo dục và Đào tạo, Sở Tài chính." in split
    assert "- Thời gian thực hiện: Năm 2025 và các năm tiếp theo." in split


def test_a_label_over_a_list_or_a_line_break_stays_a_label():
    split = split_sentences("Phải tuân thủ quy định. Nghiêm cấm các hành vi: Đổ chất thải; xả nước thải trái phép.")
    assert "Nghiêm cấm các hành vi:" in split
    assert split_sentences("Hạn nộp báo cáo:\nTrước ngày 20/12/2025.") == ["Hạn nộp báo cáo:", "Trước ngày 20/12/2025."]
    long_lead = "Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành và địa phương thực hiện: Rà soát hồ sơ."
    assert len(split_sentences(long_lead)) == 2


def test_the_line_whose_label_the_question_types_is_quoted():
    """QA15: "Ai chủ trì tập huấn nghiệp vụ về Luật Việc làm?" was answered, in bold, with the
    coordinating bodies: the line sharing most of the topic's words, not the line labelled 'chủ trì'."""
    plan = dict(document_id=1, document_number="172/KH-UBND", document_kind="Kế hoạch", issuer="UBND TP Hồ Chí Minh",
                document_title="Triển khai thi hành Luật Việc làm", document_date=date(2025, 11, 18))
    searcher = Searcher.from_records([ItemRecord(1, ROW, "", "II.2.1", **plan)])
    answer = searcher.ask("Ai chủ trì tập huấn nghiệp vụ về Luật Việc làm?")
    assert answer.hits[0].sentence.startswith("- Cơ quan chủ trì: Sở Nội vụ")
    assert ranked_sentences(ROW, {"viec", "lam", "viec lam", "co", "quan", "co quan"}, typed=frozenset({"chu tri"}))[0] \
        .startswith("- Cơ quan chủ trì")


def test_a_label_quoted_after_the_best_sentence_comes_with_what_follows():
    """QA15: "Nghiêm cấm những hành vi nào đối với nước dưới đất?" ended its answer at "Nghiêm cấm
    các hành vi:" and never showed the acts."""
    text = ("Hoạt động khai thác nước dưới đất phải tuân thủ đúng quy định của pháp luật. Nghiêm cấm các hành vi: "
            "Đổ chất thải vào nguồn nước dưới đất; xả nước thải vào nguồn nước dưới đất; khoan nước dưới đất trái phép.")
    searcher = Searcher.from_records([ItemRecord(1, text, "", "1.1", document_id=1, document_number="09/CT-UBND",
                                                 document_kind="Chỉ thị", issuer="UBND thành phố Cần Thơ",
                                                 document_title="Tài nguyên nước dưới đất",
                                                 document_date=date(2025, 11, 18))])
    answer = searcher.ask("Nghiêm cấm những hành vi nào đối với nước dưới đất khai thác?")
    shown = lead(answer.hits[0])
    assert "Nghiêm cấm các hành vi:" in shown and "xả nước thải vào nguồn nước dưới đất" in shown


def test_the_deadlines_of_a_notice_named_by_its_number(db):
    """QA15: "hạn chót của công điện 230" and "các hạn chót của công văn 5926" answered "not
    found" with items as suggestions: a notice named in a deadline request lists that notice's
    deadlines, passed ones too; a number no notice has says so."""
    from bot.config import Settings
    from bot.conversation import reply_to_text
    from knowledge.deadlines import parse_deadline_query
    from tests.test_pings import make_deadline

    make_deadline(date(2025, 11, 26), task="Hoàn thành thanh tra", number="230/CĐ-TTg")
    make_deadline(date(2025, 11, 30), task="Rà soát dự án trên Hệ thống 751", number="230/CĐ-TTg")
    make_deadline(date(2025, 12, 15), task="Báo cáo tiền thưởng tết", number="5926/SNV-LĐ")
    make_deadline(date(2025, 12, 20), task="Báo cáo số 23", number="23/BC-UBND")
    settings = Settings(_env_file=None)
    for question in ("hạn chót của công điện 230", "han chot cd 230", "deadlines of 230/CĐ-TTg",
                     "What are the deadlines in dispatch 230?"):
        query = parse_deadline_query(question)
        assert query is not None and query.document == "230", question
        text = reply_to_text(question, searcher=None, settings=settings, lang="vi").html
        assert "230/CĐ-TTg" in text and "26/11/2025" in text and "30/11/2025" in text, question
        assert "15/12/2025" not in text and "20/12/2025" not in text, question
    none = reply_to_text("hạn chót của kế hoạch 999", searcher=None, settings=settings, lang="vi").html
    assert "Không có hạn chót nào của văn bản số 999" in none
    # a month, or a question about one directive, is still what it was
    assert parse_deadline_query("hạn chót tháng 7/2025").document is None
    assert parse_deadline_query("Trạm y tế phải có bác sĩ trước ngày 30/11 theo công văn 230 không?") is None


def test_a_full_line_ending_a_clause_runs_on_in_its_paragraph():
    """QA15: a hard-wrapped bullet whose line happened to end at "… chống lãng phí;" was cut there,
    and its next line ("Thi đua xây dựng xã hội học tập, …") became an item of its own. A full line
    ending with ';' followed by a full line is the same paragraph, as a full line ending with '.'
    is; a list's own short lines are still items."""
    from knowledge.parser import parse_text

    wrapped = (
        "KẾ HOẠCH\nTổ chức đợt thi đua\n\n"
        "1. Nội dung thi đua\n\n"
        "- Tập trung triển khai các phong trào thi đua trọng tâm do Thủ tướng Chính phủ phát\n"
        "động như Phong trào thi đua xây dựng Nông thôn mới; Chung tay vì người nghèo - không\n"
        "để ai bị bỏ lại phía sau; Đẩy mạnh phát triển hạ tầng, thực hành tiết kiệm, chống lãng phí;\n"
        "Thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời; Chung tay xóa nhà tạm, nhà\n"
        "dột nát; Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở trong cơ quan.\n\n"
        "2. Hình thức khen thưởng\n\n"
        "Huân chương Lao động;\nBằng khen của Thủ tướng Chính phủ;\nGiấy khen.\n")
    texts = [i["text"] for i in parse_text(wrapped)["items"]]
    assert any("chống lãng phí; Thi đua xây dựng xã hội học tập" in t for t in texts), texts
    assert not any(t.startswith("Thi đua xây dựng") for t in texts)
    assert not any("Huân chương Lao động; Bằng khen" in t for t in texts)


def test_a_point_is_quoted_under_the_lead_in_it_completes():
    """QA15: "Ban Quản lý các khu chế xuất và công nghiệp Cần Thơ có trách nhiệm gì" was answered
    with one dash of the list, which says what to do and not who must: the lead-in heading
    ("d) Giao Ban Quản lý … có trách nhiệm:") now stands above the quote, without its marker."""
    from dataclasses import replace

    record = ItemRecord(1, "Đối với các khu công nghiệp chưa có mạng lưới cấp nước tập trung, khẩn trương xây dựng "
                           "giải pháp sử dụng nước tuần hoàn.", "", "8.d.2", document_id=1,
                        headings=("8. Các sở, ngành", "d) Giao Ban Quản lý các khu công nghiệp có trách nhiệm:"))
    answer = Searcher.from_records([record]).ask("Ban Quản lý các khu công nghiệp có trách nhiệm gì về nước")
    shown = lead(answer.hits[0])
    assert shown.startswith("<i>Giao Ban Quản lý các khu công nghiệp có trách nhiệm:</i>\n"), shown
    plain = replace(record, headings=("8. Các sở, ngành", "d) Nước sạch cho khu công nghiệp"))
    assert not lead(replace(answer.hits[0], record=plain)).startswith("<i>")


def test_a_title_in_capitals_keeps_its_roman_numerals_and_the_party():
    """QA15: "ĐẠI HỘI LẦN THỨ XIV CỦA ĐẢNG" was shown as "đại hội lần thứ xiv của đảng"."""
    from knowledge.parser.names import proper_case

    assert proper_case("CHÀO MỪNG ĐẠI HỘI LẦN THỨ XIV CỦA ĐẢNG") == "Chào mừng đại hội lần thứ XIV của Đảng"
    assert proper_case("BẦU CỬ ĐẠI BIỂU QUỐC HỘI KHÓA XVI") == "Bầu cử đại biểu Quốc hội khóa XVI"
    assert proper_case("XỬ LÝ VI PHẠM; KẾT NẠP ĐẢNG VIÊN") == "Xử lý vi phạm; kết nạp đảng viên"


@pytest.mark.parametrize("question, value", [
    ("thời tiết Cần Thơ ngày mai thế nào", "thời tiết ngày mai"),
    ("gia ca phe hom nay bao nhieu", "gia ca phe hom nay"),
    ("mai ha noi co mua khong ban", "mai co mua"),
    ("What's the weather in Hanoi tomorrow?", "weather tomorrow"),
    ("Giá xăng RON 95 hôm nay bao nhiêu một lít?", "Giá xăng hôm nay"),
])
def test_a_value_of_the_day_is_no_notices_to_give(question, value):
    """QA15 and the dev sets' out-of-scope misses: "thời tiết Cần Thơ ngày mai thế nào" answered at
    0.84 from "theo dõi diễn biến thời tiết", "gia ca phe hom nay bao nhieu" at 0.95 from a coffee
    export target. A time of now beside a live value (knowledge/vocab/live_values.tsv) is not
    searched; the reply says Loa reads notices, not live data."""
    from bot.views.answers import render_answer

    records = [ItemRecord(1, "Chủ động theo dõi diễn biến thời tiết, giá xăng dầu, giá cà phê, tỷ giá để điều hành; "
                             "mưa lớn ở Hà Nội, Cần Thơ.", "", "4.e", document_id=1)]
    answer = Searcher.from_records(records).ask(question)
    assert not answer.answered and answer.live == value
    assert value in render_answer(answer, answer.lang or "vi")


@pytest.mark.parametrize("question", ["hôm nay ai phải tham gia họp", "hôm nay có mua được vé không",
                                      "may h mai cac dp co dich phai xn xong f1", "giá xăng dầu được bình ổn thế nào"])
def test_now_or_a_price_alone_is_still_a_question(question):
    from knowledge.live_values import live_value
    from knowledge.text import tokenize

    assert live_value(question, tokenize(question)) is None


def test_a_bodys_name_over_its_points_is_no_field_label():
    """QA16: "đảng ủy bộ giáo dục chủ trì xây dựng gì cho trẻ …" quoted point (i), the Health
    ministry's, because it follows the label "Giao Đảng uỷ Chính phủ:" that shares 'đảng ủy' with
    the question. A label that names a body (a capital after its first word) decides nothing."""
    text = ("Giao Đảng uỷ Chính phủ: (i) Chỉ đạo Đảng uỷ Bộ Y tế chủ trì xây dựng quy trình liên thông khám sàng lọc. "
            "(ii) Chỉ đạo Đảng uỷ Bộ Giáo dục và Đào tạo chủ trì xây dựng các chương trình giáo dục, hỗ trợ hoà nhập "
            "cho trẻ theo từng lứa tuổi.")
    record = ItemRecord(1, text, "", "4.1", document_id=1, document_number="432-TB/VPTW")
    answer = Searcher.from_records([record]).ask("đảng ủy bộ giáo dục chủ trì xây dựng gì cho trẻ có hoàn cảnh đặc biệt")
    assert answer.hits[0].sentence.startswith("(ii) Chỉ đạo Đảng uỷ Bộ Giáo dục"), answer.hits[0].sentence


def test_a_long_lead_in_stored_cut_still_stands_above_its_points():
    """QA16: the tasks of "1. Bí thư tỉnh ủy và Chủ tịch UBND các tỉnh: Đắk Lắk, Khánh Hòa, … nhiệm vụ
    sau:" were quoted without it (a heading over 200 characters is stored cut, ending "…")."""
    from dataclasses import replace

    long_lead = ("1. Bí thư tỉnh ủy và Chủ tịch Ủy ban nhân dân các tỉnh: Đắk Lắk, Khánh Hòa, Gia Lai và Lâm Đồng "
                 "tiếp tục tập trung lãnh đạo, chỉ đạo, huy động tối đa lực lượng, phương tiện khắc phục hậu quả "
                 "mưa lũ, sớm ổn định đời sống nhân dân và thực hiện các…")
    record = ItemRecord(1, "Tổ chức thăm hỏi, động viên, hỗ trợ kịp thời các gia đình có người chết.", "", "1.1",
                        document_id=1, headings=(long_lead,))
    answer = Searcher.from_records([record]).ask("thăm hỏi gia đình có người chết")
    assert lead(replace(answer.hits[0], record=record)).startswith("<i>Bí thư tỉnh ủy và Chủ tịch")


def test_a_page_quoting_a_new_dispatch_is_not_the_one_it_follows():
    """QA16: a news page on a new công điện, which it quotes ("Công điện nêu: Tiếp theo …, Thủ tướng
    Chính phủ đã ban hành Công điện số 57/CĐ-TTg ngày 05 tháng 5 năm 2025 …"), was stored as 57/CĐ-TTg
    of 05/05/2025, and every answer cited that older dispatch. A number the lead cites after "Tiếp theo"
    is the one before; the page's own has no number, and says so."""
    from knowledge.parser.pages import reported_document

    lead = ["Công điện gửi Bộ trưởng, Thủ trưởng cơ quan ngang bộ; Chủ tịch Ủy ban nhân dân các tỉnh.",
            "Công điện nêu: Tiếp theo kết quả tích cực của Lễ khởi công đồng loạt 80 công trình, Thủ tướng Chính phủ "
            "đã ban hành Công điện số 57/CĐ-TTg ngày 05 tháng 5 năm 2025 chỉ đạo Bộ Xây dựng chuẩn bị tổ chức lễ.",
            "1. Các bộ, địa phương khẩn trương hoàn thành thủ tục theo đúng chỉ đạo của Thủ tướng Chính phủ tại Công "
            "điện số 57/CĐ-TTg ngày 05 tháng 05 năm 2025; gửi Bộ Xây dựng trước ngày 13 tháng 8 năm 2025."]
    report = reported_document("Tổ chức khởi công, khánh thành các công trình chào mừng 80 năm Quốc khánh", lead)
    assert report is None or report.number != "57/CĐ-TTg"
    issued = ["Ngày 6/8/2025, Thủ tướng Chính phủ đã ký ban hành Công điện số 128/CĐ-TTg về việc tổ chức lễ khởi công."]
    assert reported_document("Công điện 128/CĐ-TTg về lễ khởi công", issued).number == "128/CĐ-TTg"


def test_a_state_group_is_an_enterprise():
    """QA16: "Tập đoàn Bưu chính Viễn thông Việt Nam chủ trì … hoàn thành … trước ngày 16 tháng 8 năm
    2025" was listed for "Tất cả đơn vị": a group (tập đoàn) is an enterprise of the catalogue."""
    from knowledge.parser import parse_text

    parsed = parse_text("CÔNG ĐIỆN\nVề tổ chức lễ khánh thành\n\n1. Bộ Xây dựng rà soát danh mục công trình.\n\n"
                        "2. Tập đoàn Bưu chính Viễn thông Việt Nam chủ trì chuẩn bị kết nối trực tuyến giữa các điểm "
                        "cầu; hoàn thành thông suốt trước ngày 16 tháng 8 năm 2025.\n")
    item = next(i for i in parsed["items"] if i["text"].startswith("Tập đoàn"))
    assert item["units"] == ["enterprises"]
