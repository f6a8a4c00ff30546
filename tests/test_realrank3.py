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
