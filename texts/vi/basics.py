"""Start, help, language, errors, the console and throttling: the texts any conversation can meet,
whatever feature it uses (`error.`, `console.`, `start.`, `help.`, `lang.`, `common.`, `throttle.`, `reply.`).

The tiếng Việt table; texts/en/basics.py holds the same keys,
apart from `.one` singular forms (see `t()`)."""

TEXTS: dict[str, str] = {
    "error.config": "Cấu hình sai: {detail}",
    "error.internal": "Xin lỗi, đã có lỗi khi xử lý yêu cầu. Vui lòng thử lại sau.",
    "console.welcome": "Loa — hỏi đáp văn bản chỉ đạo (chế độ dòng lệnh, không có BOT_TOKEN).\n"
                       "Gõ câu hỏi, /deadlines để xem hạn chót, /help để xem hướng dẫn, /quit để thoát.",
    "console.help": "<b>Loa — hướng dẫn (dòng lệnh)</b>\n"
                    "• Gõ câu hỏi, hoặc /ask <i>câu hỏi</i>.\n"
                    "• /full (hoặc gõ \"toàn văn\", \"xem thêm\") — toàn văn mục vừa trả lời\n"
                    "• /deadlines — các hạn chót sắp tới; /deadlines y tế, /deadlines all trường học (kể cả hạn đã qua)\n"
                    "• /lang vi | /lang en — đổi ngôn ngữ\n"
                    "• /push, /report, /subscribe… chỉ có trong Telegram; nạp văn bản: python3 bot.py import <i>tệp</i>\n"
                    "• /quit — thoát",
    "console.telegram_only": "/{command} dùng trong Telegram (nhóm đơn vị, nút bấm; cần BOT_TOKEN), không có ở dòng lệnh.\n"
                              "Ở đây: nạp văn bản bằng python3 bot.py import <i>tệp</i> (xem trước: --json), hạn chót bằng /deadlines, "
                              "tệp lịch bằng python3 bot.py deadlines --ics.",
    "console.full_hint": "<i>Toàn văn: /full</i>",
    "console.no_full": "Chưa có câu trả lời nào để xem toàn văn. Hãy hỏi một câu trước.",
    "console.bye": "Tạm biệt.",
    "start.private": "Xin chào! Tôi là <b>Loa</b>, trợ lý tra cứu văn bản chỉ đạo (thông báo, công điện, chỉ thị, kế hoạch).\n"
                     "Hãy gõ câu hỏi, ví dụ: <i>Nhà máy phải xét nghiệm công nhân khi nào?</i>\n"
                     "Xem /help để biết các lệnh.",
    "start.group": "Xin chào! Trong nhóm, hãy nhắc @{username} hoặc trả lời tin nhắn của tôi để hỏi, "
                   "hoặc dùng /ask <i>câu hỏi</i>. Quản trị viên nhóm dùng /subscribe để chọn đơn vị nhận thông báo.",
    "help.user": "<b>Loa — hướng dẫn</b>\n"
                 "• Gõ câu hỏi (trong nhóm: nhắc tên tôi, trả lời tin nhắn của tôi, hoặc /ask <i>câu hỏi</i>).\n"
                 "• /deadlines — các hạn chót sắp tới; /calendar — tệp lịch .ics\n"
                 "• /subscribe — chọn đơn vị nhận thông báo (trong nhóm: chỉ quản trị viên nhóm); "
                 "/subscribe all, /subscribe y tế, trường học hoặc theo cấp và địa bàn: /subscribe y tế xã, Hải Hà …\n"
                 "• /unsubscribe [đơn vị] — bỏ nhận; /mysubs (/subscriptions) — đang nhận gì\n"
                 "• /lang vi | /lang en — đổi ngôn ngữ",
    "help.admin": "\n\n<b>Quản trị</b>\n"
                  "• /push <i>văn bản thông báo</i>, hoặc gửi tệp .txt/.docx/.pdf kèm chú thích /push\n"
                  "• /notices — các thông báo gần đây; /report <i>số</i> — đã gửi, đã nhận, hoàn thành theo đơn vị; nhắc, sửa, thu hồi, CSV\n"
                  "• /admin list | /admin add <i>id</i> | /admin remove <i>id</i>\n"
                  "• /glossary add <i>english</i> = <i>tiếng Việt</i> — thêm từ cho câu hỏi tiếng Anh",
    "lang.current": "Ngôn ngữ hiện tại: <b>{lang}</b>. Đổi bằng /lang vi hoặc /lang en.",
    "lang.changed": "Đã chuyển sang tiếng Việt.",
    "lang.usage": "Dùng: /lang vi hoặc /lang en.",
    "lang.group_admins_only": "Chỉ quản trị viên của nhóm mới được đổi ngôn ngữ của nhóm.",
    "common.unknown_command": "Không có lệnh này. Xem /help.",
    "common.unknown_command_like": "Không có lệnh này. Có phải ý bạn là /{command}? Xem /help.",
    "common.ok": "Xong.",
    "throttle.slow_down": "Bạn gửi nhanh quá. Loa sẽ trả lời tiếp sau ít phút; các tin nhắn vừa rồi được bỏ qua.",
    "reply.as_file": "{title}\n(Danh sách dài, cần {messages} tin nhắn: gửi dưới dạng tệp.)",
}
