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


def test_a_rulings_fields_are_kept_and_a_pages_bylines_are_not():
    """QA10: a customs ruling's table cells ("Tên thương mại: …", "Ký, mã hiệu, chủng loại: RTS-AL00",
    "Nhà sản xuất: Huawei Device Co., Ltd") were dropped as captions, so "nhà sản xuất là ai" had
    nothing to answer from; a news page's "Nguồn: …" or "Ngày đăng: 06/11/2025" stays out."""
    texts = _texts("1. Hàng hóa đề nghị xác định trước mã số:\n\n"
                   "Tên thương mại: Thiết bị đeo tay thông minh Huawei Watch 5\n\n"
                   "Ký, mã hiệu, chủng loại: RTS-AL00\n\nNhà sản xuất: Huawei Device Co., Ltd\n\n"
                   "Nguồn: Cổng thông tin điện tử\n\nNgày đăng: 06/11/2025 16:04\n\n"
                   "2. Mã số xác định: 8517.62.59.\n")
    assert any(t.startswith("Nhà sản xuất: Huawei Device") for t in texts)
    assert any("RTS-AL00" in t for t in texts)
    assert not any(t.startswith(("Nguồn", "Ngày đăng")) for t in texts)
