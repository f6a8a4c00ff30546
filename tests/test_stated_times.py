"""A bold line that states when something happens is content, not a caption (QA9: a news page's
"**Thời gian đăng ký vé … bắt đầu 11h00 ngày 30/7/2025 cho đến khi hết vé**" was dropped, so
"đăng ký vé từ mấy giờ" had nothing to answer from). Captions and cited dates still go."""
from knowledge.parser import parse_text

HEAD = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ HÀ NỘI\n\nSố: 198/KH-UBND\n\nHà Nội, ngày 20 tháng 7 năm 2025\n\n"
        "KẾ HOẠCH\nTổ chức chương trình nghệ thuật\n\n")


def _texts(body: str) -> list[str]:
    return [item["text"] for item in parse_text(HEAD + body)["items"]]


def test_a_line_with_a_clock_time_and_a_day_is_kept():
    texts = _texts("1. Sở Văn hóa chủ trì tổ chức chương trình.\n\n"
                   "**Thời gian đăng ký vé chương trình bắt đầu 11h00 ngày 30/7/2025 cho đến khi hết vé**\n\n"
                   "2. Công an thành phố bảo đảm an ninh trật tự.\n")
    assert any("bắt đầu 11h00 ngày 30/7/2025" in t for t in texts)


def test_a_caption_with_a_date_but_no_time_still_goes():
    texts = _texts("1. Sở Văn hóa chủ trì tổ chức chương trình.\n\n"
                   "Ảnh minh họa buổi tổng duyệt chương trình nghệ thuật ngày 15/7/2025 tại sân vận động\n\n"
                   "2. Công an thành phố bảo đảm an ninh trật tự.\n")
    assert not any("Ảnh minh họa" in t for t in texts)
