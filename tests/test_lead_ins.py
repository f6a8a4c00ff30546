"""A lead-in answers with the items it announces (knowledge.lead_ins)."""
from knowledge.lead_ins import announced, with_list
from knowledge.records import ItemRecord


def _r(text, number="", kind="point", doc=1):
    return ItemRecord(0, text, number=number, kind=kind, document_id=doc)


def test_numbered_lead_in_takes_its_own_points_only():
    records = [_r("Giao UBND tỉnh chỉ đạo:", "3"), _r("Truy vết nhanh.", "3.1", "bullet"),
               _r("Siết chặt khu cách ly.", "3.2", "bullet"), _r("Ban Dân vận tuyên truyền.", "4")]
    assert announced(records, 0) == ["Truy vết nhanh.", "Siết chặt khu cách ly."]
    assert with_list(records, 0) == "Giao UBND tỉnh chỉ đạo:\nTruy vết nhanh.\nSiết chặt khu cách ly."


def test_a_context_lead_in_takes_context_paragraphs_up_to_the_next_question():
    records = [_r("Hồ sơ gồm có những giấy tờ sau:", kind="context"), _r("Bản chụp Căn cước công dân.", kind="context"),
               _r("Nộp thuế ở đâu?", kind="context"), _r("Tại Kho bạc Nhà nước;", kind="context")]
    assert announced(records, 0) == ["Bản chụp Căn cước công dân."]


def test_a_directive_lead_in_skips_background_and_stops_at_its_notice():
    records = [_r("Các đơn vị thực hiện các biện pháp sau:"), _r("Thời gian qua, dịch diễn biến phức tạp.", kind="context"),
               _r("Tăng cường xét nghiệm."), _r("Khác notice.", doc=2)]
    assert announced(records, 0) == ["Tăng cường xét nghiệm."]


def test_no_list_for_an_item_that_is_no_lead_in_and_a_budget_for_long_lists():
    records = [_r("Tăng cường xét nghiệm."), _r("Khác.")]
    assert with_list(records, 0) == "Tăng cường xét nghiệm."
    long = [_r("Các đơn vị thực hiện:")] + [_r("x" * 400) for _ in range(3)]
    assert len(announced(long, 0)) == 1
