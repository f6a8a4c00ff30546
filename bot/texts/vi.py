"""Tiếng Việt — the first language of the interface."""

TEXTS: dict[str, str] = {
    "error.config": "Cấu hình sai: {detail}",
    "error.internal": "Xin lỗi, đã có lỗi khi xử lý yêu cầu. Vui lòng thử lại sau.",
    "console.welcome": "Loa — hỏi đáp chỉ đạo phòng, chống dịch (chế độ dòng lệnh, không có BOT_TOKEN).\n"
                       "Gõ câu hỏi, /deadlines để xem hạn chót, /help để xem hướng dẫn, /quit để thoát.",
    "console.bye": "Tạm biệt.",
    "deadlines.title": "📅 <b>Hạn chót sắp tới</b>",
    "deadlines.title_all": "📅 <b>Tất cả hạn chót</b>",
    "deadlines.period_today": "(hôm nay)",
    "deadlines.period_tomorrow": "(ngày mai)",
    "deadlines.period_week": "(tuần này)",
    "deadlines.period_next_week": "(tuần tới)",
    "deadlines.period_month": "(tháng này)",
    "deadlines.empty": "Không có hạn chót nào sắp tới.",
    "deadlines.empty_all": "Chưa có hạn chót nào trong cơ sở dữ liệu.",
    "deadlines.kind_by": "Hạn {date}",
    "deadlines.kind_from": "Từ {date}",
    "deadlines.kind_after": "Sau {date}",
    "deadlines.kind_within_month": "Trong tháng, hết {date}",
    "deadlines.kind_before_month": "Trước {date}",
    "deadlines.left_today": "hôm nay",
    "deadlines.left_tomorrow": "ngày mai",
    "deadlines.left_days": "còn {n} ngày",
    "deadlines.past_days": "đã qua {n} ngày",
    "deadlines.source": "Nguồn: {document}, mục {item}",
    "deadlines.counts": "Hoàn thành: {done}/{targeted} nhóm · đã nhận: {received}",
    "deadlines.unknown_unit": "Không có đơn vị <b>{unit}</b>.\nCác mã hợp lệ: {codes}",
    "deadlines.usage": "Dùng: /deadlines, /deadlines <i>mã đơn vị</i>, /deadlines all (kể cả hạn đã qua).",
    "ping.title": "⏰ <b>Nhắc hạn chót</b>",
    "ping.btn_received": "Đã nhận",
    "ping.btn_done": "Đã hoàn thành",
    "ping.ack_received": "📥 Đã nhận: {name}, lúc {time}",
    "ping.ack_done": "✅ Đã hoàn thành: {name}, lúc {time}",
    "ping.ack_saved_received": "Đã ghi nhận: nhóm đã nhận.",
    "ping.ack_saved_done": "Đã ghi nhận: nhóm đã hoàn thành.",
    "ping.ack_already": "Đã được ghi nhận trước đó ({name}, lúc {time}).",
    "ping.ack_gone": "Hạn chót này không còn trong cơ sở dữ liệu.",
    "digest.title": "📋 <b>Hạn chót đã qua — nhóm chưa báo hoàn thành</b>",
    "digest.missing": "Chưa hoàn thành: {n}/{total} nhóm (đã xong {done}): {chats}",
    "digest.all_done": "Cả {total} nhóm đã báo hoàn thành.",
    "digest.no_targets": "Không có nhóm nào đăng ký đơn vị này.",
    "digest.more": "và {n} nhóm khác",
    "calendar.name": "Loa — hạn chót",
    "calendar.source": "Nguồn: {document}, mục {item}",
    "calendar.caption": "📅 Lịch hạn chót ({count} mục). Mở tệp .ics để thêm vào lịch điện thoại.",
    "calendar.empty": "Chưa có hạn chót nào để đưa vào lịch.",
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
                 "/subscribe all hoặc /subscribe y tế, trường học …\n"
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
    "ask.text_only": "Tôi chỉ đọc được tin nhắn chữ. Hãy gõ câu hỏi, ví dụ: "
                     "<i>Trạm y tế phải có bác sĩ trước ngày nào?</i>",
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
                  "hoặc gửi tệp .txt, .docx, .pdf kèm chú thích /push (thông báo dài hơn 4.000 ký tự: hãy gửi dạng tệp).",
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
    "push.notice_new": "📣 <b>Thông báo mới</b>",
    "push.notice_part": "<i>(phần {n}/{total})</i>",
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
    "push.caption_hint": "Để gửi tệp này thành thông báo, hãy gửi lại tệp kèm chú thích /push "
                         "(chấp nhận .txt, .docx, .pdf).",
    "report.gone": "Không có thông báo này trong danh sách đã gửi.",
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
    "lang.group_admins_only": "Chỉ quản trị viên của nhóm mới được đổi ngôn ngữ của nhóm.",
    "report.status_draft": "bản nháp",
    "report.status_sending": "đang gửi",
    "report.status_done": "đã gửi xong",
    "report.status_cancelled": "đã huỷ",
    "common.unknown_command": "Không có lệnh này. Xem /help.",
    "common.ok": "Xong.",
    # --- answers (knowledge/search.py -> bot/views/answers.py) ---
    "answer.title": "💡 <b>Chỉ đạo liên quan</b>",
    "answer.source": "📄 <b>Nguồn:</b> {source}",
    "answer.source_item": "mục {number}",
    "answer.source_paragraph": "đoạn {position}",
    "answer.deadlines": "⏰ <b>Hạn:</b>",
    "answer.due_by": "chậm nhất {date}",
    "answer.due_from": "từ {date}",
    "answer.due_after": "sau {date}",
    "answer.due_within_month": "trong tháng, hết {date}",
    "answer.due_before_month": "trước {date}",
    "answer.summary": "🇬🇧 <i>{summary}</i>",
    "answer.cut": "…",
    "answer.not_found": "🤔 Tôi chưa tìm thấy chỉ đạo nào trả lời rõ câu hỏi này.",
    "answer.suggestions": "Các mục gần nhất, có thể liên quan:",
    "answer.rephrase": "<i>Hãy hỏi cụ thể hơn (việc gì, ai phải làm, ở đâu), hoặc dùng /deadlines để xem hạn chót.</i>",
    "answer.empty": "Cơ sở dữ liệu chưa có chỉ đạo nào để tra cứu.",
    "answer.item_missing": "Mục này không còn trong cơ sở dữ liệu.",
    # --- C1: delivery progress and report (delivery.) ---
    "delivery.notice": "<b>Thông báo #{id}</b> {title}",
    "delivery.progress": "📤 Đang gửi {notice}\n"
                         "Đã xử lý {done}/{total} nhóm: đã nhận {sent}, đang chờ {pending}, "
                         "lỗi {failed}, bị chặn hoặc đã rời nhóm {blocked}.",
    "delivery.report": "✅ Đã gửi xong {notice}\n"
                       "Đã nhận: {sent}/{total} nhóm\nLỗi: {failed}\nBị chặn hoặc đã rời nhóm: {blocked}",
    "delivery.report_detail": "Chi tiết từng nhóm: /report {id}",
    "parse.cannot_open": "Không mở được {name}: {reason}.",
    "parse.file_too_big": "{name} nặng {size} MB; thông báo phải dưới 1 MB văn bản.",
    "parse.file_type": "{name}: không hỗ trợ loại tệp {ext}; hãy gửi .txt, .md, .docx hoặc .pdf.",
    "parse.binary_file": "{name} không phải tệp văn bản (dữ liệu nhị phân); hãy gửi .txt, .md, .docx hoặc .pdf.",
    "parse.not_utf8": "{name} không phải văn bản UTF-8; hãy lưu lại dạng UTF-8 rồi gửi lại.",
    "parse.bad_docx": "{name} không phải tệp .docx đọc được.",
    "parse.bad_pdf": "{name} không phải tệp PDF đọc được.",
    "parse.no_text_layer": "{name} không có lớp chữ (ảnh quét?); hãy nhận dạng chữ (OCR) trước hoặc gửi văn bản.",
    "parse.not_text": "Thông báo phải là văn bản.",
    "parse.text_too_big": "Văn bản dài quá 1 MB; hãy gửi đúng nội dung thông báo.",
    "parse.binary_text": "Đây không phải văn bản (dữ liệu nhị phân); hãy gửi .txt, .md, .docx hoặc .pdf.",
    "parse.empty": "Thông báo trống: không có chữ nào để đọc.",

    # --- replicas: throttling, long replies, urgent (paid) pushes ---
    "throttle.slow_down": "Bạn gửi nhanh quá. Loa sẽ trả lời tiếp sau ít phút; các tin nhắn vừa rồi được bỏ qua.",
    "reply.as_file": "{title}\n(Danh sách dài, cần {messages} tin nhắn: gửi dưới dạng tệp.)",
    "push.urgent": "⚡ Gửi khẩn (trả phí)",
    "push.urgent_cost": "⚡ Gửi khẩn: tối đa {rate} tin/giây; Telegram tính phí tới {stars} ⭐ cho {count} tin.",
    "push.urgent_off": "Chưa bật gửi khẩn (PAID_BROADCAST_RATE).",
    "push.started_urgent": "⚡ Đang gửi khẩn thông báo #{id} tới {count} nhóm…",
}
