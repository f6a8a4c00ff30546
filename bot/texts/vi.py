"""Tiếng Việt — the first language of the interface."""

TEXTS: dict[str, str] = {
    "error.config": "Cấu hình sai: {detail}",
    "error.internal": "Xin lỗi, đã có lỗi khi xử lý yêu cầu. Vui lòng thử lại sau.",
    "console.welcome": "Loa — hỏi đáp chỉ đạo phòng, chống dịch (chế độ dòng lệnh, không có BOT_TOKEN).\n"
                       "Gõ câu hỏi, /deadlines để xem hạn chót, /help để xem hướng dẫn, /quit để thoát.",
    "console.bye": "Tạm biệt.",
    # --- C2: conversations (start., help., lang., ask., sub., admin., push., report., common.) ---
    "start.private": "Xin chào! Tôi là <b>Loa</b>, trợ lý tra cứu chỉ đạo phòng, chống dịch Covid-19.\n"
                     "Hãy gõ câu hỏi, ví dụ: <i>Nhà máy phải xét nghiệm công nhân khi nào?</i>\n"
                     "Xem /help để biết các lệnh.",
    "start.group": "Xin chào! Trong nhóm, hãy nhắc @{username} hoặc trả lời tin nhắn của tôi để hỏi, "
                   "hoặc dùng /ask <i>câu hỏi</i>. Quản trị viên nhóm dùng /subscribe để chọn đơn vị nhận thông báo.",
    "help.user": "<b>Loa — hướng dẫn</b>\n"
                 "• Gõ câu hỏi (trong nhóm: nhắc tên tôi, trả lời tin nhắn của tôi, hoặc /ask <i>câu hỏi</i>).\n"
                 "• /deadlines — các hạn chót sắp tới; /calendar — tệp lịch .ics\n"
                 "• /subscribe — chọn đơn vị nhận thông báo (trong nhóm: chỉ quản trị viên nhóm); "
                 "/subscribe all hoặc /subscribe health schools …\n"
                 "• /unsubscribe [đơn vị] — bỏ nhận; /mysubs — đang nhận gì\n"
                 "• /lang vi | /lang en — đổi ngôn ngữ",
    "help.admin": "\n\n<b>Quản trị</b>\n"
                  "• /push <i>văn bản thông báo</i>, hoặc gửi tệp .txt/.docx/.pdf kèm chú thích /push\n"
                  "• /notices — các thông báo gần đây; /report <i>số</i> — tình hình gửi, xuất CSV\n"
                  "• /admin list | /admin add <i>id</i> | /admin remove <i>id</i>",
    "lang.current": "Ngôn ngữ hiện tại: <b>{lang}</b>. Đổi bằng /lang vi hoặc /lang en.",
    "lang.changed": "Đã chuyển sang tiếng Việt.",
    "lang.usage": "Dùng: /lang vi hoặc /lang en.",
    "ask.usage": "Dùng: /ask <i>câu hỏi</i>, ví dụ: /ask Trạm y tế phải có bác sĩ trước ngày nào?",
    "ask.truncated": "<i>Câu hỏi quá dài, tôi chỉ đọc {limit} ký tự đầu.</i>",
    "ask.see_also": "Xem thêm: {title}",
    "ask.item_gone": "Mục này không còn trong cơ sở dữ liệu.",
    "sub.pick": "Chọn đơn vị mà {where} nhận thông báo và nhắc hạn (✅ là đang nhận):",
    "sub.where_group": "nhóm này",
    "sub.where_private": "bạn",
    "sub.current": "Đang nhận thông báo cho: {units}",
    "sub.none": "Chưa đăng ký đơn vị nào. Dùng /subscribe để chọn.",
    "sub.unknown": "Không có đơn vị: <b>{bad}</b>.\nCác mã hợp lệ: {codes}",
    "sub.group_admins_only": "Chỉ quản trị viên của nhóm mới được thay đổi đăng ký của nhóm.",
    "sub.toggled_on": "Đã đăng ký: {unit}",
    "sub.toggled_off": "Đã bỏ: {unit}",
    "sub.greeting": "Cảm ơn đã thêm Loa vào nhóm <b>{title}</b>! Quản trị viên nhóm hãy dùng /subscribe để "
                    "chọn đơn vị nhận thông báo và nhắc hạn (hoặc /subscribe all). Hỏi tôi bằng /ask <i>câu hỏi</i>.",
    "admin.refused": "Xin lỗi, lệnh này chỉ dành cho quản trị viên của Loa.",
    "admin.usage": "Dùng: /admin list | /admin add <i>id</i> | /admin remove <i>id</i> "
                   "(hoặc trả lời tin nhắn của người đó bằng /admin add).",
    "admin.bad_id": "<b>{value}</b> không phải mã người dùng Telegram (một số nguyên).",
    "admin.added": "Đã thêm quản trị viên <code>{user_id}</code>.",
    "admin.already": "<code>{user_id}</code> đã là quản trị viên.",
    "admin.removed": "Đã bỏ quản trị viên <code>{user_id}</code>.",
    "admin.not_found": "<code>{user_id}</code> không phải quản trị viên được thêm trong chat.",
    "admin.configured": "<code>{user_id}</code> là quản trị viên trong cấu hình (ADMIN_IDS), không bỏ được từ chat.",
    "admin.list": "<b>Quản trị viên</b>\n{rows}",
    "admin.row_config": "• <code>{user_id}</code> (ADMIN_IDS)",
    "admin.row_chat": "• <code>{user_id}</code>",
    "admin.list_empty": "Chưa có quản trị viên nào.",
    "push.usage": "Dùng: /push rồi dán toàn văn thông báo trong cùng tin nhắn, "
                  "hoặc gửi tệp .txt, .docx, .pdf kèm chú thích /push.",
    "push.bad_type": "Không đọc được tệp <b>{name}</b>: chỉ nhận .txt, .docx hoặc .pdf.",
    "push.too_big": "Tệp quá lớn ({size_mb} MB); giới hạn là {limit_mb} MB.",
    "push.download_failed": "Không tải được tệp từ Telegram, vui lòng gửi lại.",
    "push.parse_error": "Không đọc được thông báo: {error}",
    "push.preview": "<b>Xem trước thông báo</b>\n"
                    "Số: <b>{number}</b>\n"
                    "Tiêu đề: {title}\n"
                    "Số mục: {items}\n"
                    "Hạn chót: {deadlines}\n"
                    "Đơn vị: {units}\n"
                    "Sẽ gửi tới <b>{groups}</b> nhóm.",
    "push.no_number": "(không số)",
    "push.none": "không có",
    "push.more": "và {count} hạn khác",
    "push.send": "📣 Gửi",
    "push.cancel": "Huỷ",
    "push.started": "Đang gửi thông báo #{id} tới {count} nhóm…",
    "push.nothing_to_send": "Thông báo #{id} đã được lưu; chưa có nhóm nào đăng ký các đơn vị này.",
    "push.already": "Thông báo này đã được xử lý ({status}).",
    "push.cancelled": "Đã huỷ bản nháp #{id}; không gửi gì.",
    "push.not_found": "Không tìm thấy bản nháp này.",
    "report.usage": "Dùng: /report <i>số</i> (xem số trong /notices).",
    "report.not_found": "Không có thông báo #{id}.",
    "report.list": "<b>Thông báo gần đây</b>\n{rows}",
    "report.list_row": "#{id} {title} — {status}: đã gửi {sent}/{total}",
    "report.list_empty": "Chưa có thông báo nào được gửi.",
    "report.detail": "<b>Thông báo #{id}</b> {title}\nTrạng thái: {status}\n"
                     "Đã gửi: {sent} · Đang chờ: {pending} · Lỗi: {failed} · Bị chặn/rời nhóm: {blocked}\n"
                     "Tổng: {total}",
    "report.csv": "Xuất CSV",
    "report.csv_caption": "Tình hình gửi thông báo #{id}",
    "common.unknown_command": "Không có lệnh này. Xem /help.",
    "common.ok": "Xong.",
}
