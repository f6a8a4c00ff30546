"""A page that orders nothing (a legal Q&A page, a news page about a notice) still binds its reader to a due date it
reports with its year written: 'Thời gian tiếp nhận hồ sơ: … đến hết ngày 15/8/2025' (issue 8, batch 12's miss).
What it quotes from a law (periods, yearly days), dates that start something and encyclopedia pages stay silent."""
from __future__ import annotations

from datetime import date

from knowledge.parser import parse_text
from knowledge.parser.orders import dated_order

QA_PAGE = """# Thông báo tuyển chọn công dân vào Công an nhân dân năm 2025 tại TP HCM thế nào?

**Thông báo tuyển chọn công dân vào Công an nhân dân năm 2025 tại TP HCM thế nào?**

Công an Thành phố Hồ Chí Minh thông báo tuyển chọn công dân vào Công an nhân dân năm 2025 như sau:

**(1) Chỉ tiêu:** - Chỉ tiêu tuyển: 07 chỉ tiêu.

**(2) Trình độ:** - Trình độ: Đại học trở lên.

**- Thời gian tiếp nhận hồ sơ:** Trong giờ hành chính, từ thứ 2 đến thứ 6 hàng tuần (trừ ngày nghỉ Lễ, Tết), đến hết ngày 15/8/2025.

**Hồ sơ đăng ký dự tuyển gồm những gì?**

Căn cứ Điều 5 Thông tư 62/2023/TT-BCA quy định như sau: Trong thời hạn 05 ngày làm việc kể từ ngày nhận đủ hồ sơ, cơ quan tiếp nhận có trách nhiệm thông báo kết quả.

Quý khách cần hỏi thêm thông tin về có thể đặt câu hỏi tại đây.
"""


def _due(parsed: dict) -> list[tuple[str, str]]:
    return [(d["date"], d["phrase"]) for i in parsed["items"] for d in i.get("deadlines") or []]


def test_a_question_page_keeps_the_dated_window_it_reports():
    parsed = parse_text(QA_PAGE, source_name="qa.md", today=date(2025, 7, 20))
    assert _due(parsed) == [("2025-08-15", "đến hết ngày 15/8/2025")]
    dated = [i for i in parsed["items"] if i["deadlines"]]
    assert dated[0]["kind"] != "context" and dated[0]["text"].startswith("Thời gian tiếp nhận hồ sơ")
    assert {"key": "orders_nothing"} not in parsed["warnings"]


def test_the_window_past_at_import_sets_nothing():
    parsed = parse_text(QA_PAGE, source_name="qa.md", today=date(2025, 12, 1))
    assert _due(parsed) == []


def test_a_page_quoting_only_a_law_stays_silent():
    page = QA_PAGE.replace(", đến hết ngày 15/8/2025.", ".")
    parsed = parse_text(page, source_name="qa.md", today=date(2025, 7, 20))
    assert _due(parsed) == [] and all(i["kind"] == "context" for i in parsed["items"])


def test_dated_order_keeps_firm_dates_with_their_year_only():
    found = [{"kind": "by", "phrase": "đến hết ngày 15/8/2025", "firm": True},
             {"kind": "by", "phrase": "trước ngày 15/9", "firm": True},                 # a day of any year
             {"kind": "from", "phrase": "từ ngày 01/01/2026", "firm": True},            # a start
             {"kind": "on", "phrase": "ngày 25/5/2025", "firm": True},                  # an event's day
             {"kind": "within_year", "phrase": "trong năm 2025", "firm": False},        # an objective
             {"kind": "within_month", "phrase": "trong tháng 12/2025", "firm": True}]      # a month: a target
    assert [d["phrase"] for d in dated_order(found)] == ["đến hết ngày 15/8/2025"]


# Dates a page reports that bind no reader: a cut-off, an event, a forecast, a promotion's or a rule's period, a
# downtime window, an order told as past. On a silent page they stay silent as they do in a notice.
NOT_DUE = ["Tính đến hết ngày 30/6/2025, cả nước có 10 triệu người tham gia bảo hiểm xã hội.",
           "Lễ hội diễn ra từ ngày 1/9/2025 đến hết ngày 3/9/2025 tại Quảng trường Ba Đình.",
           "Theo dự báo, từ nay đến hết ngày 15/6/2025, khu vực Bắc Bộ có mưa to.",
           "Chương trình khuyến mại áp dụng đến hết ngày 31/12/2025.",
           "Trước đó, UBND tỉnh đã yêu cầu hoàn thành trước ngày 15/5/2025.",
           "Hệ thống sẽ tạm dừng từ 22h ngày 10/6/2025 đến 6h ngày 11/6/2025 để nâng cấp.",
           "Nghị định có hiệu lực thi hành kể từ ngày 01/7/2025 và hết hiệu lực vào ngày 31/12/2026.",
           "Mức lương cơ sở 2,34 triệu đồng áp dụng đến hết ngày 30/6/2026.",
           # a month or a year a page reports: a programme's target, not its reader's task
           "Các địa phương phấn đấu hoàn thành việc cấp sổ trong tháng 12/2025.",
           "Bộ Xây dựng yêu cầu hoàn thành 3.000 km đường cao tốc trong năm 2025."]


def test_a_silent_page_s_reported_dates_that_bind_no_one_stay_silent():
    for sentence in NOT_DUE:
        page = QA_PAGE.replace("**- Thời gian tiếp nhận hồ sơ:** Trong giờ hành chính, từ thứ 2 đến thứ 6 hàng tuần "
                               "(trừ ngày nghỉ Lễ, Tết), đến hết ngày 15/8/2025.", sentence)
        assert sentence in page
        assert _due(parse_text(page, source_name="qa.md", today=date(2025, 6, 1))) == [], sentence
