"""QA11, a new user's session (2026-11-25, English-speaking advisers and unit groups): what it
found, each with a test that fails without its fix. Texts written here after the notices it
imported (customs rulings on smart watches, a statistics calendar)."""
from __future__ import annotations

from datetime import date

from knowledge.records import ItemRecord
from knowledge.search import Searcher

RULING = dict(document_id=1, document_number="37693/TB-CHQ", document_kind="Thông báo", issuer="Cục Hải quan",
              document_title="Kết quả xác định trước mã số", document_date=date(2025, 11, 21))


def _letterhead(issuer: str, number: str, place_date: str) -> str:
    """Issuer lines, the national motto, "Số: …" (and what follows it) and the place and date."""
    return (f"{issuer}\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
            f"Số: {number}\n{place_date}\n")


def _searcher() -> Searcher:
    rows = ["Thiết bị đeo tay thông minh Huawei Watch Fit 4 Pro là đồng hồ đeo tay thông minh.",
            "Kích thước thân máy 44.5 mm x 40 mm x 9.3 mm, trọng lượng 30.4 g.",
            "Màn hình AMOLED 1.82 inch, độ phân giải 480 x 408 pixels."]
    return Searcher.from_records([ItemRecord(k + 1, text, "", str(k + 1), **RULING) for k, text in enumerate(rows)])


def test_an_english_question_naming_a_product_of_the_notices_is_english():
    """"huawei fit 4 pro weight" got the Vietnamese decline: 'huawei', 'fit', 'pro' are words of
    the Vietnamese notices, so they outvoted 'weight'. A name no Vietnamese syllable spells
    speaks neither language."""
    searcher = _searcher()
    for question in ("huawei fit 4 pro weight", "what HS code for huawei watch fit 4 pro",
                     "is the huawei fit 4 pro waterproof"):
        assert searcher.ask(question).lang == "en", question
    assert searcher.ask("huawei fit 4 pro nang bao nhieu").lang == "vi"


def test_a_figure_that_starts_a_wrapped_line_is_no_point():
    """"… kích thước đường chéo\\n1.82 inch, độ phân giải …" became point 1.82 and cut point 1.2."""
    from knowledge.parser import parse_text
    text = (_letterhead("CỤC HẢI QUAN", "37693/TB-CHQ", "Hà Nội, ngày 21 tháng 11 năm 2025")
            + "THÔNG BÁO\nVề kết quả xác định trước mã số\n\n"
            "1. Hàng hóa đề nghị xác định trước mã số:\n1.1. Tên thương mại: đồng hồ thông minh.\n"
            "1.2. Thiết bị có màn hình cảm ứng AMOLED, với kích thước đường chéo\n"
            "1.82 inch, độ phân giải 480 x 408 pixels.\n1.3. Nhà sản xuất: Huawei Device Co., Ltd.\n")
    items = {item["number"]: item["text"] for item in parse_text(text)["items"]}
    assert "1.82" not in items and items["1.2"].endswith("1.82 inch, độ phân giải 480 x 408 pixels.")


def test_an_authority_wrapped_over_two_lines_stays_out_of_the_title():
    """"THÔNG BÁO / VỀ KẾT QUẢ XÁC ĐỊNH TRƯỚC MÃ SỐ / CỤC TRƯỞNG CỤC / HẢI QUAN / Căn cứ …" gave the
    title "… mã số cục trưởng Cục Hải quan" on five customs rulings (QA10, QA11)."""
    from knowledge.parser import parse_text
    text = (_letterhead("BỘ TÀI CHÍNH\nCỤC HẢI QUAN", "37692/TB-CHQ", "Hà Nội, ngày 21 tháng 11 năm 2025")
            + "\nTHÔNG BÁO\nVỀ KẾT QUẢ XÁC ĐỊNH TRƯỚC MÃ SỐ\n"
            "CỤC TRƯỞNG CỤC\nHẢI QUAN\nCăn cứ Luật Hải quan ngày 23 tháng 6 năm 2014;\n"
            "Cục Hải quan thông báo kết quả xác định trước mã số như sau:\n1. Mã số: 8517.62.59.\n")
    assert parse_text(text)["title"] == "Về kết quả xác định trước mã số"


def test_one_deadline_given_elsewhere_in_the_item_is_not_called_other_deadlines():
    """"Các hạn khác của mục này:" stood above the item's only deadline when the quoted sentence
    did not hold it."""
    from datetime import datetime, timezone
    from zoneinfo import ZoneInfo

    from bot.views.answers import _deadlines
    from knowledge.records import DeadlineInfo
    record = ItemRecord(1, "Số vụ tai nạn lao động. Công bố trong tháng 6/2026.", "", "1",
                        deadlines=(DeadlineInfo(date(2026, 6, 30), None, "by", "trong tháng 6/2026"),))
    now = datetime(2026, 11, 25, 9, 0, tzinfo=timezone.utc)
    shown = _deadlines(record, "vi", now, ZoneInfo("Asia/Ho_Chi_Minh"), quoted="Số vụ tai nạn lao động.")
    assert "Hạn nêu ở phần khác của mục này" in shown and "Các hạn khác" not in shown


def test_base_salary_is_not_minimum_wage():
    """"lương cơ sở 2026 bao nhiêu" was declined as "no notice about lương tối thiểu": the base
    salary of the public sector is not the minimum wage of enterprises."""
    answer = _searcher().ask("lương cơ sở 2026 bao nhiêu")
    assert not answer.answered and answer.missing == ["lương cơ sở"]


def test_a_title_keeps_its_wrapped_abbreviation_and_not_the_authority_line():
    """QA11: "V/v thuế suất thuế / GTGT" was titled "Thuế suất thuế"; a People's Committee's
    decision had its authority line "ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG" glued to its title."""
    from knowledge.parser import parse_text
    letter = (_letterhead("THUẾ TỈNH TÂY NINH", "3257/TNI-QLDN1\nV/v thuế suất thuế\nGTGT",
                          "Tây Ninh, ngày 01 tháng 12 năm 2025") + "\n"
              "Kính gửi: Công ty TNHH Yong Hong\n\n1. Thuế suất thuế GTGT đối với hàng hóa là 8%.\n")
    assert parse_text(letter)["title"] == "Thuế suất thuế GTGT"
    decision = (_letterhead("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG", "2638/QĐ-UBND", "Đà Nẵng, ngày 18 tháng 11 năm 2025")
                + "\nQUYẾT ĐỊNH\nBÃI BỎ QUYẾT ĐỊNH SỐ 636/QĐ-UBND\n"
                "ỦY BAN NHÂN DÂN THÀNH PHỐ ĐÀ NẴNG\nCăn cứ Luật Tổ chức chính quyền địa phương;\n\nQUYẾT ĐỊNH:\n"
                "Điều 1. Bãi bỏ Quyết định số 636/QĐ-UBND.\n")
    assert parse_text(decision)["title"] == "Bãi bỏ quyết định số 636/QĐ-UBND"


def test_how_are_you_today_is_small_talk():
    """QA12: "chào bot, hôm nay thế nào" got the "no directive found" decline."""
    searcher = _searcher()
    for question in ("chào bot, hôm nay thế nào", "chao bot hom nay the nao", "hi, how's it going?"):
        assert searcher.ask(question).smalltalk == "greeting", question
