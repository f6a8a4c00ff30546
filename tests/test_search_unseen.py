"""Rules that carry answers over to notices nobody tuned on (issue 9, fresh2): the shapes of
Vietnamese letters (openings, bases, titles, issuing articles), words a question asks about
that no notice uses, chat shorthand for function words, and the round a question names."""
from dataclasses import replace
from datetime import date

from knowledge.ordinals import clashes, ordinals
from knowledge.records import ItemRecord
from knowledge.search import Searcher
from knowledge.text import stopword_flags, tokenize
from knowledge.traits import (ANSWERS_QUANTITY, W_ABOUT, W_QUESTION, answer_kinds, implicit_headings,
                              is_basis, is_context, is_issuing, is_opening, is_preamble, is_title, prior)


def item(text, kind="paragraph", headings=(), **kw):
    return ItemRecord(1, text, kind=kind, headings=tuple(headings), **kw)


def test_preambles_with_a_date_or_an_address_before_them():
    assert is_preamble("Ngày 31 tháng 10 năm 2025, Văn phòng Chính phủ nhận văn bản đề ngày 29 tháng 10 "
                       "năm 2025 số 16/CV-HHTACN của Hội Chăn nuôi Việt Nam")
    assert is_preamble("(Địa chỉ 193 P. Bà Triệu, Hà Nội) Cục Thuế nhận được Báo cáo số 157/BC-HĐTV")
    # receiving a letter as a duty is a directive, not a preamble
    assert not is_preamble("Sở Công Thương tiếp nhận văn bản thông báo về việc dừng bán hàng, có trách nhiệm xem xét")


def test_a_legal_basis_line_is_about_the_notice_but_a_rule_quoted_under_one_is_not():
    basis = "Căn cứ Công văn số 2553/BGDĐT-GDTX ngày 18/4/2013 của Bộ Giáo dục và Đào tạo về hướng dẫn đánh giá;"
    assert is_basis(basis) and prior(item(basis)) == W_ABOUT
    assert not is_basis("Căn cứ Điều 11 Thông tư 32/2023/TT-BCA thì Tổ Cảnh sát giao thông được bố trí cán bộ.")
    assert not is_basis("Căn cứ Nghị định 10/2022/NĐ-CP quy định: lệ phí trước bạ nộp một lần.")
    assert not is_basis("Căn cứ Lịch phổ biến tại Điều 1, Thủ trưởng các đơn vị xây dựng kế hoạch.")


def test_titles_in_capitals_and_issuing_articles_are_no_answers():
    assert is_title("DANH MỤC HÀNG HÓA THAM GIA XUẤT KHẨU CỦA TỈNH SƠN LA GIAI ĐOẠN 2026 – 2030")
    assert prior(item("DANH MỤC HÀNG HÓA THAM GIA XUẤT KHẨU")) == W_QUESTION
    assert not is_title("Tết Âm lịch: 05 ngày;") and not is_title("UBND tỉnh giao Sở Y tế chủ trì.")
    assert is_issuing("Ban hành kèm theo Quyết định này Kế hoạch xuất khẩu sản phẩm hàng hóa tỉnh Sơn La.")
    assert not is_issuing("Sở Công Thương ban hành kế hoạch xuất khẩu trước ngày 30/11.")


def test_a_year_is_no_quantity():
    assert not answer_kinds(["giai", "doan", "2026", "2030"]) & ANSWERS_QUANTITY
    assert answer_kinds(["dat", "18.000", "tan"]) & ANSWERS_QUANTITY


def test_a_letter_opening_heads_the_paragraphs_after_it():
    opening = item("Về kiến nghị của Hiệp hội về Nghị định 136, Phó Thủ tướng có ý kiến chỉ đạo như sau:")
    directive = item("Bộ Nông nghiệp và Môi trường chủ trì nghiên cứu kiến nghị.")
    assert is_opening(opening.text) and not is_opening("Các đơn vị thực hiện như sau: báo cáo hằng tuần.")
    assert implicit_headings([opening, directive]) == [(), (opening.text,)]


def test_shorthand_for_a_function_word_is_a_function_word():
    text = "hom nay troi co mua ko"
    tokens = tokenize(text)
    tokens[-1] = replace(tokens[-1], term="khong")     # as knowledge.shorthand reads it
    flags = stopword_flags(text, tokens)
    assert flags[-1] and not flags[2]          # 'ko' (không) is one, 'troi' is not


META = dict(document_id=1, document_number="659/TB-VPCP", document_kind="Thông báo",
            document_title="Kết luận về cải cách hành chính", issuer="Văn phòng Chính phủ",
            province=None, document_date=date(2025, 11, 29))


def test_a_word_no_notice_uses_is_not_answered_by_its_syllables_elsewhere():
    s = Searcher.from_records([
        ItemRecord(1, "Rà soát nhiệm vụ theo tinh thần sáu rõ: rõ thời gian, rõ kết quả, chi tiết từng việc.",
                   "", "1", **META),
        ItemRecord(2, "Các bộ báo cáo kết quả thực hiện thủ tục hành chính trước ngày 15/12/2025.",
                   "", "2", **META)])
    assert not s.ask("thời tiết hôm nay").answered
    assert s.ask("báo cáo kết quả thực hiện thủ tục hành chính trước ngày nào").answered


def test_the_round_a_question_names_against_the_notice():
    assert ordinals("tuyển dụng đợt 2 năm 2025, giai đoạn 2021 - 2025") == {("dot", "2"), ("giai doan", "2021-2025")}
    notice = ["Thông báo tuyển dụng công chức năm 2025 (tuyển dụng đợt 1)", "Vòng 1: thi trắc nghiệm."]
    assert clashes("tuyen dung dot 2 khi nao thi", notice)
    assert not clashes("tuyển dụng đợt 1 thi mấy vòng", notice)
    assert not clashes("tuyển dụng thi mấy vòng", notice)
    assert not clashes("kỳ họp thứ 10", notice)            # a kind of round the notice never names


def test_a_pages_conclusion_is_no_context():
    assert not is_context(item("Như vậy, cấm xe tải, xe khách qua Cầu 72-II từ 00h00 ngày 09/9/2025 "
                               "đến 24h00 ngày 30/12/2026.", "context"))
    assert is_context(item("Hiện nay Bộ Luật Lao động không quy định mẫu thông báo cấm hút thuốc.", "context"))


def test_one_unaccented_syllable_names_no_word():
    s = Searcher.from_records([
        ItemRecord(1, "Ứng dụng công nghệ số vào quảng bá điểm đến bằng nhiều ngôn ngữ.", "", "1", **META)])
    assert not s.ask("hom nay an gi ngon").answered
    assert s.ask("ứng dụng công nghệ số quảng bá điểm đến").answered


def test_the_points_under_a_heading_the_question_names_come_first():
    from knowledge.named_headings import heading_words
    assert heading_words("4. Sở Nội vụ") == {"so", "noi", "vu"}
    assert heading_words("b) Đối với Ủy ban Mặt trận Tổ quốc tỉnh") == {"uy", "ban", "mat", "tran", "to", "quoc", "tinh"}
    assert heading_words("1. Các cơ quan, đơn vị, địa phương, doanh nghiệp căn cứ chức năng, nhiệm vụ được giao "
                         "xây dựng kế hoạch triển khai thực hiện đợt thi đua") == frozenset()   # a sentence
    meta = dict(META, document_number="124/KH-UBND", document_kind="Kế hoạch", document_title="Kế hoạch thi đua")
    s = Searcher.from_records([
        ItemRecord(1, "Báo cáo Ủy ban nhân dân tỉnh về kết quả đợt thi đua (qua Sở Nội vụ) khi tổng kết.", "", "1",
                   headings=("IV. TỔ CHỨC THỰC HIỆN", "1. Các sở, ban, ngành"), **meta),
        ItemRecord(2, "Chủ trì, phối hợp với các cơ quan tổ chức triển khai thực hiện Kế hoạch này.", "", "4.1",
                   headings=("IV. TỔ CHỨC THỰC HIỆN", "4. Sở Nội vụ"), **meta),
        ItemRecord(3, "Tham mưu khen thưởng tổng kết đợt thi đua.", "", "4.2",
                   headings=("IV. TỔ CHỨC THỰC HIỆN", "4. Sở Nội vụ"), **meta)])
    got = s.ask("đợt thi đua Sở Nội vụ phải làm gì")
    assert got.hits[0].item_id in (2, 3)
