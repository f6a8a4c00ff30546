"""The right item of the right notice (issue 9, "Directives first"; branch realrank): the body a
question names, a notice's title as the heading of all its items, a year asked for, "bao lâu
một lần", and "Căn cứ Kế hoạch này, …" read as a directive. Texts written here."""
from __future__ import annotations

from datetime import date

from knowledge.answer_kind import wanted_answer
from knowledge.records import ItemRecord
from knowledge.search import Searcher
from knowledge.text import stopword_flags, tokenize
from knowledge.traits import ANSWERS_TIME, ANSWERS_YEAR, W_ABOUT, answer_kinds, is_basis, prior

META = dict(document_id=1, document_number="71/TB-VPCP", document_kind="Thông báo",
            document_title="Kết luận về tình hình thực hiện Nghị quyết số 88-NQ/TW về phát triển văn hóa",
            issuer="Văn phòng Chính phủ", province=None, document_date=date(2025, 11, 20))


def test_a_body_the_question_opens_with_takes_the_point_it_acts_in():
    """'UBND tỉnh Hà Giang phải làm gì …': the point whose subject it is, not a sibling under
    another body's heading that shares more of the topic's words; the body acting after a
    leading phrase ('Trên cơ sở …, Bộ Tài chính khẩn trương …') acts too."""
    s = Searcher.from_records([
        ItemRecord(1, "Chỉ đạo Bảo tàng tỉnh, Thư viện tỉnh, Nhà hát tỉnh đẩy nhanh số hóa hiện vật của bảo tàng, "
                      "thư viện và nhà hát.", "", "2.1.1",
                   headings=("2. Nhiệm vụ trọng tâm", "(1) Bộ Văn hóa chỉ đạo các đơn vị trực thuộc"), **META),
        ItemRecord(2, "Ủy ban nhân dân tỉnh Hà Giang bố trí mặt bằng cho bảo tàng và thư viện.", "", "2.6",
                   headings=("2. Nhiệm vụ trọng tâm",), **META),
        ItemRecord(3, "Trên cơ sở đề nghị của các bộ, cơ quan, Bộ Tài chính khẩn trương bố trí kinh phí.", "", "3",
                   **META),
        ItemRecord(4, "Các bộ, cơ quan rà soát nhiệm vụ thực hiện Nghị quyết số 88-NQ/TW, bố trí kinh phí hợp lý.",
                   "", "1.1", headings=("1. Các đồng chí Bộ trưởng, Thủ trưởng cơ quan",), **META)])
    assert s.ask("UBND tỉnh Hà Giang phải làm gì cho bảo tàng, thư viện, nhà hát?").hits[0].item_id == 2
    # Item 4 repeats the resolution's number; item 3 is where Bộ Tài chính acts.
    assert s.ask("Bộ Tài chính được giao gì về bố trí kinh phí thực hiện Nghị quyết 88?").hits[0].item_id == 3


def test_a_notice_titled_after_a_document_cites_it_in_every_item():
    """'… về Nghị quyết 88': the notice's title cites it, so no item of that notice counts less
    for not repeating the number."""
    from knowledge.mentions import _citing

    s = Searcher.from_records([
        ItemRecord(1, "Bộ Tài chính bố trí kinh phí cho các nhiệm vụ văn hóa.", "", "1", **META),
        ItemRecord(2, "Bộ Nội vụ rà soát biên chế.", "", "1", **dict(META, document_id=2, document_number="72/TB-VPCP",
                                                                    document_title="Kết luận về tổ chức bộ máy"))])
    cited = _citing(s._index, "nq:88")
    assert 0 in cited and 1 not in cited


def test_who_asks_is_not_who_acts():
    from knowledge.within import asked_body, speaks

    assert asked_body("UBND tỉnh Ninh Bình phải làm gì") == "uy ban nhan dan"
    assert speaks("Thủ tướng yêu cầu cập nhật hệ thống theo tinh thần gì?", "thu tuong")
    assert not speaks("Bộ Tài chính được giao gì?", "bo tai chinh")


def test_a_year_answers_nam_nao():
    terms = [t.term for t in tokenize("Thời gian thực hiện: Năm 2026 và các năm tiếp theo.")]
    assert answer_kinds(terms) & ANSWERS_YEAR
    assert not answer_kinds(["giai", "doan", "2026", "2030"]) & (ANSWERS_YEAR | ANSWERS_TIME)
    asked = wanted_answer([t.term for t in tokenize("kiem tra thi hanh luat bat dau tu nam nao")])
    assert asked & ANSWERS_YEAR and asked & ANSWERS_TIME
    assert not wanted_answer([t.term for t in tokenize("khi nào nộp báo cáo")]) & ANSWERS_YEAR


def test_bao_lau_mot_lan_asks_and_names_no_topic():
    question = "báo cáo Thủ tướng bao lâu một lần"
    assert stopword_flags(question, tokenize(question))[-4:] == [True, True, True, True]


def test_can_cu_ke_hoach_nay_is_a_directive():
    assert not is_basis("Căn cứ kế hoạch này, khẩn trương xây dựng kế hoạch phủ sóng 5G và gửi danh sách về Sở.")
    assert is_basis("Căn cứ Kế hoạch số 283/KH-UBND ngày 24/9/2025 của Ủy ban nhân dân tỉnh;")
    r = ItemRecord(1, "Căn cứ kế hoạch này, khẩn trương xây dựng kế hoạch phủ sóng 5G và gửi danh sách về Sở.",
                   kind="bullet", number="IV.4.1", **META)
    assert prior(r) > W_ABOUT


def test_how_many_years_asks_for_an_amount():
    """QA8 finding 4: "mấy năm" asks how long, as "mấy ngày" does."""
    from knowledge.answer_kind import wanted_answer
    from knowledge.traits import ANSWERS_QUANTITY
    for q in ("co thoi han may nam", "cach ly may tuan", "mat may thang"):
        assert wanted_answer(q.split()) & ANSWERS_QUANTITY


def test_a_quarter_is_a_time_and_the_year_of_a_term_answers_which_year():
    """fresh8 r10, r11: "rà soát … trong Quý I" answers "vào quý mấy"; "vào năm thứ hai của nhiệm
    kỳ" answers "vào năm nào của nhiệm kỳ"."""
    from knowledge.answer_kind import wanted_answer
    from knowledge.traits import ANSWERS_TIME, ANSWERS_YEAR, answer_kinds
    assert answer_kinds("ra soat trong quy i va bao cao".split()) & ANSWERS_TIME
    assert answer_kinds("vao nam thu hai cua nhiem ky".split()) & ANSWERS_YEAR
    assert not answer_kinds("quy hoach can bo nam nay".split())
    assert wanted_answer("bo sung quy hoach vao quy may".split()) & ANSWERS_TIME


def test_a_reply_letters_quote_of_the_petition_weighs_as_a_question():
    """QA9: "cong chuc dia chinh xa con phai ky xac nhan to khai … ko" was answered, sure, with the
    citizen's words under "Nội dung kiến nghị:" in a Cục Thuế reply, cited as the Department's.
    The quoted words (from the label to "… xin trả lời như sau:") weigh as a page's question."""
    from types import SimpleNamespace as R
    from knowledge.traits import petitions
    items = [R(text="Nội dung kiến nghị:", document_id=1),
             R(text="Theo Nghị định số 151/2025/NĐ-CP, việc ký xác nhận của công chức địa chính không còn phù hợp.",
               document_id=1),
             R(text="Cục Thuế xin trả lời như sau:", document_id=1),
             R(text="Thành phần hồ sơ người sử dụng đất phải nộp gồm tờ khai.", document_id=1),
             R(text="Nội dung vướng mắc: hộ kinh doanh có phải kê khai không?", document_id=2),
             R(text="Về vấn đề này, Cục Thuế có ý kiến như sau:", document_id=2)]
    assert petitions(items) == [1, 4]
    assert petitions([R(text="Nội dung kiến nghị của cử tri được tổng hợp đầy đủ.", document_id=1),
                      R(text="Sở Tài chính chủ trì.", document_id=1)]) == []
