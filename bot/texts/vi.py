"""Tiếng Việt — the first language of the interface."""

TEXTS: dict[str, str] = {
    "error.config": "Cấu hình sai: {detail}",
    "error.internal": "Xin lỗi, đã có lỗi khi xử lý yêu cầu. Vui lòng thử lại sau.",
    "console.welcome": "Loa — hỏi đáp chỉ đạo phòng, chống dịch (chế độ dòng lệnh, không có BOT_TOKEN).\n"
                       "Gõ câu hỏi, /deadlines để xem hạn chót, /help để xem hướng dẫn, /quit để thoát.",
    "console.bye": "Tạm biệt.",
}
