"""How officials type in chat, read before matching (issue 9, "How people type"): swapped
letters, telex left in small talk, new shorthand."""
from datetime import date

import pytest

from knowledge.concepts import correct_vi
from knowledge.search import ItemRecord, Searcher
from knowledge.shorthand import expand_shorthand
from knowledge.smalltalk import read_smalltalk

DOC = dict(document_id=1, document_number="5-TB/UBND", document_kind="Thông báo", issuer="UBND tỉnh Hà Nam",
           province="Hà Nam", document_date=date(2025, 9, 1), document_title="Phòng chống dịch")
ITEMS = [
    ItemRecord(1, "Sở Y tế xây dựng phương án điều trị tại nhà để hạn chế tình trạng quá tải tại các bệnh viện.",
               number="1", **DOC),
    ItemRecord(2, "Các nhà máy phải xét nghiệm công nhân trước mỗi ca sản xuất; kết quả tại nhà máy báo cáo hằng ngày.",
               number="2", **DOC),
    ItemRecord(3, "Trường học tổ chức cho học sinh học trực tuyến khi có dịch; bệnh viện lập danh sách F1.",
               number="3", **DOC),
]


@pytest.fixture(scope="module")
def searcher():
    return Searcher.from_records(ITEMS)


def test_two_letters_typed_the_wrong_way_round_are_one_slip(searcher):
    assert "vien" in correct_vi(searcher._index, "vein", "benh", "khong")
    assert searcher.ask("lam sao de benh vein khong bi qua tai").hits[0].item_id == 1


@pytest.mark.parametrize("message", ["cảm own bạn nhiều nha", "cam own ban", "xin chaof"])
def test_telex_left_in_small_talk(message):
    assert read_smalltalk(message).kind in ("thanks", "greeting")


def test_more_chat_shorthand():
    assert expand_shorthand("dtri") == ("dieu tri",) and expand_shorthand("qngai") == ("quang ngai",)
    assert expand_shorthand("qly") == ("quan ly",) and expand_shorthand("ds") == ("danh sach",)
