"""Unit reproductions of the QA3/QA4 new-user findings fixed on branch qa5fix, on text written here
(the new-user modules reproduce them end to end through `bot.py`, with OCR and the real notices)."""
from __future__ import annotations

from knowledge.parser import parse_text
from knowledge.parser.names import compose_issuer

_HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
         "Số: 12/KH-UBND\nHà Tĩnh, ngày 02 tháng 12 năm 2026\n\nKẾ HOẠCH\nPhòng, chống dịch bệnh trên gia súc\n\n")


def test_addressee_line_does_not_take_the_first_legal_basis():
    got = parse_text(_HEAD + "Kính gửi: Hội đồng nhân dân tỉnh Hà Tĩnh\n\n"
                     "Căn cứ Luật Thú y số 79/2015/QH13 ngày 19/6/2015 của Quốc hội về phòng, chống dịch bệnh động vật;\n\n"
                     "Căn cứ Quyết định số 05/2026/QĐ-UBND ngày 10/01/2026 của Ủy ban nhân dân tỉnh;\n\n"
                     "1. Sở Nông nghiệp và Môi trường tổ chức tiêm phòng cho đàn gia súc trước ngày 30/12/2026.\n")
    assert any("79/2015/QH13" in i["text"] for i in got["items"])


def test_opening_paragraph_of_a_heading_keeps_its_own_path():
    got = parse_text(_HEAD + "I. NHIỆM VỤ\n\n2. Các giải pháp phòng dịch\n\n"
                     "Để chủ động phòng dịch, các cơ quan, đơn vị tập trung thực hiện các giải pháp sau:\n\n"
                     "2.1. Tiêm phòng\n\n- Tổ chức tiêm phòng vắc xin lở mồm long móng cho đàn trâu, bò.\n\n"
                     "2.2. Vệ sinh chuồng trại\n\n- Phun khử trùng chuồng trại mỗi tuần một lần.\n")
    numbers = {i["text"][:10]: i["number"] for i in got["items"]}
    assert numbers["Để chủ độn"] == "I.2"           # not "I.2.1", the path of "2.1. Tiêm phòng"
    assert numbers["Tổ chức ti"] == "I.2.1.1"


def test_issuer_with_a_wrong_tone_mark_is_the_known_body():
    assert compose_issuer(["BỘ TÀI CHÍNH", "CỤC THUÊ"]) == "Cục Thuế"
    assert compose_issuer(["BỘ Y TÊ"]) == "Bộ Y tế"
    assert compose_issuer(["ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ"]) == "Ủy ban nhân dân tỉnh Quảng Trị"


def test_question_page_keeps_its_headline_and_the_readers_question():
    """As a scan reads it: no markup, the question on top (a markdown page's headline is read as before)."""
    page = ("Hộ kinh doanh phải nộp lệ phí môn bài trong trường hợp nào?\n\n"
            "Cho tôi hỏi hộ kinh doanh mới thành lập có phải nộp lệ phí môn bài trong năm đầu không? "
            "Nếu phải nộp thì hạn nộp là khi nào? Câu hỏi của chị Lan từ Nghệ An\n\n"
            "Hộ kinh doanh nào được miễn lệ phí môn bài?\n\n"
            "Theo Nghị định 22/2020/NĐ-CP, hộ kinh doanh có doanh thu hằng năm từ 100 triệu đồng trở xuống "
            "được miễn lệ phí môn bài.\n\n"
            "Hộ kinh doanh mới thành lập được miễn lệ phí môn bài trong năm đầu thành lập.\n")
    got = parse_text(page)
    assert got["title"].startswith("Hộ kinh doanh phải nộp lệ phí môn bài")
    assert any(i["text"].startswith("Cho tôi hỏi") for i in got["items"])


def test_widely_spaced_scan_lines_are_one_paragraph():
    from knowledge.ocr import page_text

    lines = ["Để sử dụng thiết kế, tiêu chuẩn này chỉ đưa ra hướng dẫn",
             "trong từng trường hợp cụ thể.", "a) Lập danh sách các hộ.", "Kế hoạch lập tài liệu"]
    words = {k: [] for k in ("level", "text", "page_num", "block_num", "par_num", "line_num", "left", "width",
                             "height")}
    for n, line in enumerate(lines):
        for k, word in enumerate(line.split()):
            for key, value in (("level", 5), ("text", word), ("page_num", 1), ("block_num", 1), ("par_num", n),
                               ("line_num", 1), ("left", 10 + 60 * k), ("width", 50), ("height", 20)):
                words[key].append(value)
    assert page_text(words).split("\n\n") == [
        "Để sử dụng thiết kế, tiêu chuẩn này chỉ đưa ra hướng dẫn\ntrong từng trường hợp cụ thể.",
        "a) Lập danh sách các hộ.", "Kế hoạch lập tài liệu"]


def test_question_opening_with_a_body():
    from knowledge.within import asked_body

    assert asked_body("so nong nghiep bao cao khi nao") == "so nong nghiep"
    assert asked_body("Sở Y tế phải làm gì?") == "so y te"
    assert asked_body("ai canh gac ngam tran") is None
    assert asked_body("tiêm vắc xin cho trẻ khi nào") is None


def test_han_chot_asks_for_a_date_and_is_no_topic():
    from knowledge.answer_kind import wanted_answer
    from knowledge.text import stopword_flags, tokenize
    from knowledge.traits import ANSWERS_TIME

    question = "hạn chót sơ tán dân"
    tokens = tokenize(question)
    assert stopword_flags(question, tokens)[:2] == [True, True]
    assert wanted_answer([t.term for t in tokens]) & ANSWERS_TIME
