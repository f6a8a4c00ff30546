"""Answers people can trust on real notices (issue 9, branch realrank3): the points a web page's
conclusion announces are its answer; a body the question names and the answer does not, when
other items name it, is doubt. Texts written here."""
from __future__ import annotations

from datetime import date

from knowledge.records import ItemRecord
from knowledge.search import Searcher
from knowledge.traits import conclusion_points, is_context

PAGE = dict(document_id=1, document_kind="", issuer="",
            document_title="Hộ kinh doanh tạm ngừng kinh doanh phải thông báo trước bao nhiêu ngày?",
            document_date=date(2025, 10, 2))


def _page() -> list[ItemRecord]:
    texts = [
        "Căn cứ khoản 1 Điều 91 Nghị định 168/2025/NĐ-CP quy định về tạm ngừng kinh doanh của hộ kinh doanh như sau:",
        "Hộ kinh doanh ngừng hoạt động từ 30 ngày trở lên gửi văn bản đến cơ quan đăng ký kinh doanh cấp xã nơi "
        "đã đăng ký chậm nhất 03 ngày làm việc trước ngày ngừng; trường hợp hoạt động lại trước thời hạn thì gửi "
        "văn bản chậm nhất 03 ngày làm việc trước ngày hoạt động lại. Văn bản ghi rõ tên, địa chỉ, mã số hộ "
        "kinh doanh, ngành, nghề kinh doanh, thời hạn và lý do; cơ quan đăng ký cấp giấy xác nhận trong 03 ngày.",
        "Như vậy, khi tạm ngừng kinh doanh, hộ kinh doanh phải gửi thông báo đến cơ quan đăng ký kinh doanh cấp xã:",
        "Chậm nhất 03 ngày làm việc trước ngày tạm ngừng kinh doanh;",
        "Chậm nhất 03 ngày làm việc trước ngày tiếp tục kinh doanh, nếu tiếp tục sớm hơn dự kiến.",
        "Hồ sơ đăng ký hộ kinh doanh gồm giấy đề nghị đăng ký và bản sao giấy tờ pháp lý của chủ hộ.",
        "Hộ kinh doanh có quyền tự chủ kinh doanh, lựa chọn hình thức, lĩnh vực, ngành, nghề kinh doanh.",
    ]
    return [ItemRecord(k + 1, t, kind="context", **PAGE) for k, t in enumerate(texts)]


def test_the_points_a_conclusion_announces_are_read_as_its_answer():
    records = _page()
    assert conclusion_points(records) == {3, 4}
    assert not is_context(records[3], listed=True) and is_context(records[3])


def test_a_point_of_a_pages_conclusion_answers():
    """'Chậm nhất 03 ngày làm việc trước ngày tạm ngừng' is the page's own answer, under its
    "Như vậy, …:": answered from it, not declined as a page's statement."""
    answer = Searcher.from_records(_page()).ask("ho kinh doanh tam ngung kinh doanh phai thong bao truoc may ngay")
    assert answer.answered and "trước ngày tạm ngừng kinh doanh" in answer.hits[0].text


PLAN = dict(document_id=2, document_number="75/KH-UBND", document_kind="Kế hoạch", issuer="UBND tỉnh",
            document_title="Kế hoạch phòng, chống rét cho cây trồng, vật nuôi vụ Đông Xuân",
            document_date=date(2025, 12, 1))


def _plan() -> list[ItemRecord]:
    rows = [
        ("II.1", ("II. NHIỆM VỤ",), "Rà soát, bổ sung phương án phòng, chống rét cho cây trồng, vật nuôi các cấp."),
        ("II.2", ("II. NHIỆM VỤ",), "Tuyên truyền để người dân chủ động che chắn chuồng trại, dự trữ thức ăn cho "
                                    "vật nuôi trong những ngày rét đậm, rét hại."),
        ("III.1", ("III. TỔ CHỨC THỰC HIỆN",), "Sở Nông nghiệp và Môi trường theo dõi thời tiết, hướng dẫn các xã "
                                               "gieo cấy đúng khung thời vụ."),
        ("III.2", ("III. TỔ CHỨC THỰC HIỆN",), "Sở Tài chính và Ủy ban nhân dân các xã bố trí kinh phí thực hiện "
                                               "Kế hoạch này theo phân cấp ngân sách."),
        ("III.3", ("III. TỔ CHỨC THỰC HIỆN",), "Sở Tài chính hướng dẫn thanh quyết toán kinh phí hỗ trợ giống cây "
                                               "trồng, vật nuôi bị thiệt hại do rét."),
        ("III.4", ("III. TỔ CHỨC THỰC HIỆN",), "Các xã báo cáo thiệt hại về Sở Nông nghiệp và Môi trường và Sở Tài "
                                               "chính trước ngày 15 hằng tháng."),
    ]
    return [ItemRecord(k + 1, text, "", number, headings=heads, **PLAN) for k, (number, heads, text) in enumerate(rows)]


def test_a_body_named_and_absent_from_the_answer_is_doubt():
    """'so tai chinh lam gi trong phuong an phong chong ret' holds every word of II.1 but the
    Sở Tài chính; III.2 names it: II.1 is no sure answer (QA6 finding 5)."""
    answer = Searcher.from_records(_plan()).ask("so tai chinh lam gi trong phuong an phong chong ret cay trong vat nuoi")
    assert not answer.answered or "Sở Tài chính" in answer.hits[0].text


def test_a_body_named_by_its_answer_is_no_doubt():
    answer = Searcher.from_records(_plan()).ask("so nong nghiep va moi truong theo doi thoi tiet huong dan gieo cay the nao")
    assert answer.answered and "Sở Nông nghiệp" in answer.hits[0].text


def test_the_bodies_a_question_names():
    from knowledge.absent_body import named_bodies
    assert named_bodies("so tai chinh lam gi") == ["so tai chinh"]
    assert named_bodies("Sở KHCN báo cáo khi nào") == ["so khoa hoc va cong nghe"]   # read out (written_abbreviations)
    assert named_bodies("UBND xã phải làm gì") == []                  # no one in particular
    assert named_bodies("Bộ Chính trị giao Đảng ủy Chính phủ làm gì") == ["dang uy chinh phu"]  # not who speaks


QA = dict(document_id=3, document_kind="", issuer="", document_date=date(2025, 9, 12),
          document_title="Bán hàng đa cấp không có giấy chứng nhận bị xử phạt thế nào?")


def _qa() -> list[ItemRecord]:
    texts = [
        "Bán hàng đa cấp không có giấy chứng nhận bị xử phạt thế nào?",
        "Căn cứ khoản 5 Điều 20 Nghị định 98/2020/NĐ-CP quy định về vi phạm trong hoạt động bán hàng đa cấp:",
        "Phạt tiền từ 60.000.000 đồng đến 80.000.000 đồng đối với hành vi tổ chức hoạt động bán hàng đa cấp mà "
        "không có giấy chứng nhận đăng ký hoạt động bán hàng đa cấp.",
        "Ngoài ra, doanh nghiệp vi phạm còn bị đình chỉ hoạt động bán hàng đa cấp trong thời hạn từ 06 tháng đến "
        "12 tháng.",
        "Người tham gia bán hàng đa cấp phải xuất trình thẻ thành viên khi giới thiệu sản phẩm cho khách hàng.",
        "Doanh nghiệp bán hàng đa cấp phải niêm yết công khai kế hoạch trả thưởng tại trụ sở chính.",
    ]
    return [ItemRecord(k + 1, t, kind="context", **QA) for k, t in enumerate(texts)]


def test_a_pages_statement_of_the_figure_asked_for_answers():
    """A page that orders nothing keeps its paragraphs as context; the one that states the
    duration asked for, clearly ahead of the rest, is the answer all the same."""
    answer = Searcher.from_records(_qa()).ask("to chuc ban hang da cap khong co giay chung nhan bi dinh chi bao lau")
    assert answer.answered and "từ 06 tháng đến 12 tháng" in answer.hits[0].text


def test_a_statement_without_the_figure_asked_for_is_still_context():
    """The first item holds no figure: its being a page's statement keeps its doubt."""
    answer = Searcher.from_records(_qa()).ask("nguoi tham gia ban hang da cap vi pham bi dinh chi bao lau")
    assert not answer.answered


NEWS_PAGE = """# Kết luận 120: hoàn thành sắp xếp các trường học trước ngày 31/8/2025

### Nội dung chính

## Kết luận 120: hoàn thành sắp xếp các trường học trước ngày 31/8/2025

Ngày 02/6/2025, thay mặt Bộ Chính trị, đồng chí Nguyễn Văn A ký ban hành Kết luận 120-KL/TW.

Theo đó, Bộ Chính trị giao Đảng ủy Bộ Giáo dục và Đào tạo hướng dẫn sắp xếp các trường học hoàn thành trước ngày 31/8/2025.

**>>Xem thêm: **

**Tổng hợp chỉ đạo về sắp xếp trường học năm 2025**

*Kết luận 120: hoàn thành sắp xếp các trường học (Hình từ Internet)*

## Giữ nguyên các điểm trường ở thôn, bản

Căn cứ theo tiểu mục 3.1 Công văn 05/CV-BCĐ năm 2025 quy định như sau:

- Giữ nguyên các điểm trường lẻ ở thôn, bản vùng đặc biệt khó khăn để học sinh không phải đi học xa.

**Xem thêm: Sắp xếp trường học sau sáp nhập xã**

**Quy định mới về điểm trường lẻ**
"""


def test_a_news_pages_links_in_the_middle_do_not_end_it():
    """'>>Xem thêm:' links between two sections of a news page: the second section (here the
    answer to "điểm trường ở thôn có bị bỏ không?") is still the page's; links at its end are not."""
    from knowledge.parser import parse_text
    texts = [i["text"] for i in parse_text(NEWS_PAGE, source_name="kl-120.md")["items"]]
    assert any("Giữ nguyên các điểm trường lẻ" in t for t in texts)
    assert not any("Tổng hợp chỉ đạo" in t or "Quy định mới về điểm trường" in t for t in texts)


def test_a_pages_statement_that_opens_with_a_body_answers_who():
    """"Ai quy định …?" met by a page's "Bộ Công Thương quy định …": the statement says who, as
    the question asks, and is answered although the page orders nothing (fresh7 k55)."""
    records = _qa() + [ItemRecord(20, "Bộ Công Thương quy định mẫu thẻ thành viên và việc cấp lại thẻ thành viên "
                                      "khi bị mất, hư hỏng.", kind="context", **QA)]
    answer = Searcher.from_records(records).ask("Ai quy định việc cấp lại thẻ cho người bán hàng đa cấp?")
    assert answer.answered and answer.hits[0].text.startswith("Bộ Công Thương")


class _Ev:
    def __init__(self, margin, doc_margin, rare_missed=0.0):
        self.margin, self.doc_margin, self.rare_missed = margin, doc_margin, rare_missed


def test_a_statement_of_the_figure_asked_answers_only_on_the_notice_asked_about():
    """(branch realrank4) statement_answers asks a lead over other notices too: en3's "How many
    people is the Ho Chi Minh City police recruiting in 2025?" was answered with a recruitment
    page's quota of doctors, only 0.41 ahead of the other notices' best item."""
    from knowledge.situation import statement_answers
    index = Searcher.from_records(_qa())._index
    i = next(k for k, r in enumerate(index.records) if int(index.item_kinds[k]) and index.prior[k] >= 1.0)
    kinds = int(index.item_kinds[i])
    assert statement_answers(index, i, kinds, False, _Ev(0.3, 0.8))
    assert not statement_answers(index, i, kinds, False, _Ev(0.3, 0.41))
