"""English."""

TEXTS: dict[str, str] = {
    "error.config": "Bad configuration: {detail}",
    "error.internal": "Sorry, something went wrong while handling that. Please try again later.",
    "console.welcome": "Loa — directives Q&A (console mode, no BOT_TOKEN set).\n"
                       "Type a question, /deadlines for deadlines, /help for help, /quit to leave.",
    "console.bye": "Goodbye.",
    "deadlines.title": "📅 <b>Upcoming deadlines</b>",
    "deadlines.title_all": "📅 <b>All deadlines</b>",
    "deadlines.period_today": "(today)",
    "deadlines.period_tomorrow": "(tomorrow)",
    "deadlines.period_week": "(this week)",
    "deadlines.period_next_week": "(next week)",
    "deadlines.period_month": "(this month)",
    "deadlines.empty": "No upcoming deadlines.",
    "deadlines.empty_all": "There are no deadlines in the database yet.",
    "deadlines.kind_by": "Due {date}",
    "deadlines.kind_from": "From {date}",
    "deadlines.kind_after": "After {date}",
    "deadlines.kind_within_month": "Within the month, by {date}",
    "deadlines.kind_before_month": "Before {date}",
    "deadlines.left_today": "today",
    "deadlines.left_tomorrow": "tomorrow",
    "deadlines.left_days": "{n} days left",
    "deadlines.past_days": "{n} days ago",
    "deadlines.source": "Source: {document}, item {item}",
    "deadlines.counts": "Done: {done}/{targeted} groups · received: {received}",
    "deadlines.unknown_unit": "There is no unit <b>{unit}</b>.\nValid codes: {codes}",
    "deadlines.usage": "Use: /deadlines, /deadlines <i>unit code</i>, /deadlines all (past ones too).",
    "ping.title": "⏰ <b>Deadline reminder</b>",
    "ping.btn_received": "Received",
    "ping.btn_done": "Done",
    "ping.ack_received": "📥 Received: {name}, at {time}",
    "ping.ack_done": "✅ Done: {name}, at {time}",
    "ping.ack_saved_received": "Recorded: the group has received it.",
    "ping.ack_saved_done": "Recorded: the group has done it.",
    "ping.ack_already": "Already recorded ({name}, at {time}).",
    "ping.ack_gone": "This deadline is no longer in the database.",
    "digest.title": "📋 <b>Passed deadlines — groups that did not mark them done</b>",
    "digest.missing": "Not done: {n}/{total} groups (done: {done}): {chats}",
    "digest.all_done": "All {total} groups marked it done.",
    "digest.no_targets": "No group is subscribed to these units.",
    "digest.more": "and {n} more groups",
    "calendar.name": "Loa — deadlines",
    "calendar.source": "Source: {document}, item {item}",
    "calendar.caption": "📅 Deadline calendar ({count} entries). Open the .ics file to add it to your phone's calendar.",
    "calendar.empty": "There are no deadlines to put in a calendar yet.",
    # --- C2: conversations (start., help., lang., ask., sub., admin., push., report., common.) ---
    "start.private": "Hello! I am <b>Loa</b>, the assistant for the Covid-19 steering committee's directives.\n"
                     "Type a question, for example: <i>What must factories do before each shift?</i>\n"
                     "See /help for commands.",
    "start.group": "Hello! In a group, mention @{username} or reply to one of my messages to ask, "
                   "or use /ask <i>question</i>. Group admins use /subscribe to choose which units' notices to receive.",
    "help.user": "<b>Loa — help</b>\n"
                 "• Type a question (in a group: mention me, reply to my message, or /ask <i>question</i>).\n"
                 "• /deadlines — upcoming deadlines; /calendar — an .ics calendar file\n"
                 "• /subscribe — choose units to receive notices for (in groups: group admins only); "
                 "/subscribe all or /subscribe health schools (Vietnamese names work too) …\n"
                 "• /unsubscribe [units] — stop; /mysubs — current subscriptions\n"
                 "• /lang vi | /lang en — change language",
    "help.admin": "\n\n<b>Admin</b>\n"
                  "• /push <i>notice text</i>, or send a .txt/.docx/.pdf file captioned /push\n"
                  "• /notices — recent notices; /report <i>number</i> — delivery, CSV export\n"
                  "• /admin list | /admin add <i>id</i> | /admin remove <i>id</i>",
    "lang.current": "Current language: <b>{lang}</b>. Change it with /lang vi or /lang en.",
    "lang.changed": "Switched to English.",
    "lang.usage": "Usage: /lang vi or /lang en.",
    "ask.usage": "Usage: /ask <i>question</i>, for example: /ask Which app must everyone install?",
    "ask.truncated": "<i>Your question is very long; I read only its first {limit} characters.</i>",
    "ask.see_also": "See also: {title}",
    "ask.item_gone": "That item is no longer in the knowledge base.",
    "ask.text_only": "I can only read text messages. Please type your question, for example: "
                     "<i>Which app must everyone install?</i>",
    "sub.pick": "Choose the units {where} receive notices and deadline reminders for (✅ = subscribed):",
    "sub.where_group": "this group should",
    "sub.where_private": "you",
    "sub.current": "Subscribed to: {units}",
    "sub.none": "No subscriptions yet. Use /subscribe to choose.",
    "sub.unknown": "No such unit: <b>{bad}</b>.\nValid codes: {codes}",
    "sub.group_admins_only": "Only this group's admins may change its subscriptions.",
    "sub.toggled_on": "Subscribed: {unit}",
    "sub.toggled_off": "Removed: {unit}",
    "sub.greeting": "Thanks for adding Loa to <b>{title}</b>! Group admins: use /subscribe to choose the units "
                    "this group receives notices and reminders for (or /subscribe all). Ask me with /ask <i>question</i>.",
    "admin.refused": "Sorry, this command is for Loa's admins only.",
    "admin.usage": "Usage: /admin list | /admin add <i>id</i> | /admin remove <i>id</i> "
                   "(or reply to that person's message with /admin add).",
    "admin.bad_id": "<b>{value}</b> is not a Telegram user id (a whole number).",
    "admin.added": "Added admin <code>{user_id}</code>.",
    "admin.already": "<code>{user_id}</code> is already an admin.",
    "admin.removed": "Removed admin <code>{user_id}</code>.",
    "admin.not_found": "<code>{user_id}</code> is not an admin added in chat.",
    "admin.configured": "<code>{user_id}</code> is an admin from the configuration (ADMIN_IDS) and cannot be removed in chat.",
    "admin.list": "<b>Admins</b>\n{rows}",
    "admin.row_config": "• <code>{user_id}</code> (ADMIN_IDS)",
    "admin.row_chat": "• <code>{user_id}</code>",
    "admin.list_empty": "No admins yet.",
    "push.usage": "Usage: /push followed by the full notice text in the same message, "
                  "or send a .txt, .docx or .pdf file captioned /push (notices over 4,000 characters: send a file).",
    "push.bad_type": "Cannot read <b>{name}</b>: only .txt, .docx and .pdf files are accepted.",
    "push.too_big": "The file is too large ({size_mb} MB); the limit is {limit_mb} MB.",
    "push.download_failed": "Could not download the file from Telegram; please send it again.",
    "push.parse_error": "Could not read the notice: {error}",
    "push.preview": "<b>Notice preview</b>\n"
                    "Number: <b>{number}</b>\n"
                    "Title: {title}\n"
                    "Items: {items}\n"
                    "Deadlines: {deadlines}\n"
                    "Units: {units}\n"
                    "Will be sent to <b>{groups}</b> groups.",
    "push.notice_new": "📣 <b>New notice</b>",
    "push.notice_part": "<i>(part {n}/{total})</i>",
    "push.no_number": "(no number)",
    "push.none": "none",
    "push.more": "and {count} more",
    "push.send": "📣 Send",
    "push.cancel": "Cancel",
    "push.started": "Sending notice #{id} to {count} groups…",
    "push.nothing_to_send": "Notice #{id} is stored; no group is subscribed to its units yet.",
    "push.already": "This notice was already handled ({status}).",
    "push.cancelled": "Draft #{id} cancelled; nothing was sent.",
    "push.not_found": "This draft no longer exists.",
    "push.caption_hint": "To push this file as a notice, send it again with the caption /push "
                         "(.txt, .docx and .pdf are accepted).",
    "report.gone": "There is no such notice among those sent.",
    "report.usage": "Usage: /report <i>number</i> (see the numbers in /notices).",
    "report.not_found": "There is no notice #{id}.",
    "report.list": "<b>Recent notices</b>\n{rows}",
    "report.list_row": "#{id} {title} — {status}: sent {sent}/{total}",
    "report.list_empty": "No notices have been pushed yet.",
    "report.detail": "<b>Notice #{id}</b> {title}\nStatus: {status}\n"
                     "Sent: {sent} · Pending: {pending} · Failed: {failed} · Blocked/left: {blocked}\n"
                     "Total: {total}",
    "report.csv": "Export CSV",
    "report.csv_caption": "Delivery of notice #{id}",
    "lang.group_admins_only": "Only this group's admins may change its language.",
    "report.status_draft": "draft",
    "report.status_sending": "sending",
    "report.status_done": "done",
    "report.status_cancelled": "cancelled",
    "common.unknown_command": "Unknown command. See /help.",
    "common.ok": "Done.",
    # --- answers (knowledge/search.py -> bot/views/answers.py) ---
    "answer.title": "💡 <b>Relevant directive</b>",
    "answer.source": "📄 <b>Source:</b> {source}",
    "answer.source_item": "item {number}",
    "answer.source_paragraph": "paragraph {position}",
    "answer.deadlines": "⏰ <b>Deadline:</b>",
    "answer.due_by": "by {date}",
    "answer.due_from": "from {date}",
    "answer.due_after": "after {date}",
    "answer.due_within_month": "within the month, by {date}",
    "answer.due_before_month": "before {date}",
    "answer.summary": "🇬🇧 <i>{summary}</i>",
    "answer.cut": "…",
    "answer.not_found": "🤔 I found no directive that clearly answers this question.",
    "answer.suggestions": "The closest items, in case they help:",
    "answer.rephrase": "<i>Try asking more precisely (what, who must act, where), or use /deadlines for deadlines.</i>",
    "answer.empty": "The knowledge base has no directives yet.",
    "answer.item_missing": "That item is no longer in the knowledge base.",
    # --- C1: delivery progress and report (delivery.) ---
    "delivery.notice": "<b>Notice #{id}</b> {title}",
    "delivery.progress": "📤 Sending {notice}\n"
                         "Processed {done}/{total} groups: received {sent}, waiting {pending}, "
                         "failed {failed}, blocked or left {blocked}.",
    "delivery.report": "✅ Finished sending {notice}\n"
                       "Received: {sent}/{total} groups\nFailed: {failed}\nBlocked or left: {blocked}",
    "delivery.report_detail": "Per-group details: /report {id}",
    "parse.cannot_open": "Cannot open {name}: {reason}.",
    "parse.file_too_big": "{name} is {size} MB; a notice must be under 1 MB of text.",
    "parse.file_type": "{name}: unsupported file type {ext}; send .txt, .md, .docx or .pdf.",
    "parse.binary_file": "{name} is not a text file (binary data); send .txt, .md, .docx or .pdf.",
    "parse.not_utf8": "{name} is not UTF-8 text; save it as UTF-8 and send it again.",
    "parse.bad_docx": "{name} is not a readable .docx file.",
    "parse.bad_pdf": "{name} is not a readable PDF file.",
    "parse.no_text_layer": "{name} has no text layer (a scanned image?); run OCR first or send the text.",
    "parse.not_text": "The notice must be text.",
    "parse.text_too_big": "The text is over 1 MB; a notice must be shorter. Send the notice itself.",
    "parse.binary_text": "This is not text (binary data); send .txt, .md, .docx or .pdf.",
    "parse.empty": "The notice is empty: there is no text to read.",

    # --- replicas: throttling, long replies, urgent (paid) pushes ---
    "throttle.slow_down": "You are sending too fast. Loa will answer again in a few minutes; the last messages were skipped.",
    "reply.as_file": "{title}\n(A long list, {messages} messages: sent as a file.)",
    "push.urgent": "⚡ Send urgently (paid)",
    "push.urgent_cost": "⚡ Urgent: up to {rate} messages/s; Telegram charges up to {stars} ⭐ for {count} messages.",
    "push.urgent_off": "Urgent sending is not enabled (PAID_BROADCAST_RATE).",
    "push.started_urgent": "⚡ Sending notice #{id} urgently to {count} groups…",
}
