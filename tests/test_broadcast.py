"""Admin push from /push to the outbox, in-process (MockedBot): the preview, the one
transaction that stores the notice and its deliveries, a second press doing nothing,
cancel, refusals, files, /notices, /report and its CSV; and the notice's split into
messages under Telegram's limit."""
from __future__ import annotations

import io
import os
from datetime import date

import pytest

from bot.config import Settings
from bot.views.notices import TELEGRAM_LIMIT, render_notice_parts
from bot.views.renderers import RENDERERS
from knowledge import subscriptions as subs
from knowledge.models import Document, Item
from knowledge.search import Searcher
from scheduler.clock import SystemClock
from scheduler.outbox import Broadcast, Delivery
from scheduler.sender import Sender
from tests.mocked_bot import MockedBot, callback, document_message, message, shared_dispatcher

ADMIN = 1
USER = 2
SAMPLE = os.path.join(os.path.dirname(__file__), "samples", "thong_bao_45_ha_nam.txt")


@pytest.fixture
def notice_text():
    with open(SAMPLE, encoding="utf-8") as f:
        return f.read()


@pytest.fixture
def push(db):
    settings = Settings(_env_file=None, admin_ids=[ADMIN], send_rate=1000, chat_interval=0)
    bot = MockedBot()
    clock = SystemClock()
    searcher = Searcher.from_database()
    sender = Sender(bot, settings, clock, renderers=RENDERERS)
    dp = shared_dispatcher(settings=settings, searcher=searcher, sender=sender, clock=clock)
    for chat_id, units in ((-1, ["all"]), (-2, ["health"]), (-3, ["schools", "police"]),
                           (-4, ["military"]), (-5, ["health"])):
        subs.register_chat(chat_id, type="group", title=f"Nhóm {chat_id}")
        subs.subscribe(chat_id, units)
    subs.deactivate_chat(-5)                                   # the bot was removed from it

    class Push:
        pass
    p = Push()
    p.bot, p.sender, p.searcher, p.session = bot, sender, searcher, bot.session

    async def send(update):
        await dp.feed_update(bot, update)
        return bot.session
    p.send = send
    return p


def keyboard_data(markup):
    return [b.callback_data for row in markup.inline_keyboard for b in row]


async def test_push_text_preview_then_send_once(push, notice_text):
    s = await push.send(message("/push\n" + notice_text, user_id=ADMIN, chat_id=ADMIN))
    preview = s.last("sendMessage")
    assert "45-TB/BCĐ" in preview.text and "Số mục: 9" in preview.text   # the addressee heading "1. Sở Y tế chủ trì …:" is no item
    # The letterhead as read, for the admin to check before sending: issuer, date, signer.
    assert "Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh Hà Nam · ngày 10/01/2022" in preview.text
    assert "Người ký: Trần Văn Nam" in preview.text
    assert "31/01/2022" in preview.text and "<code>health</code>" in preview.text
    assert "<b>3</b> nhóm" in preview.text                           # -1, -2, -3; not -4, not -5
    draft = Broadcast.get()
    assert draft.status == "draft" and Document.select().count() == 0
    assert keyboard_data(preview.reply_markup)[:2] == [f"push:send:{draft.id}", f"push:cancel:{draft.id}"]
    assert Broadcast.get_by_id(draft.id).progress_message_id is not None

    await push.send(callback(f"push:send:{draft.id}", user_id=USER, chat_id=ADMIN))   # not an admin
    assert s.last("answerCallbackQuery").show_alert and Broadcast.get_by_id(draft.id).status == "draft"

    await push.send(callback(f"push:send:{draft.id}", user_id=ADMIN, chat_id=ADMIN))
    b = Broadcast.get_by_id(draft.id)
    assert b.status == "sending" and b.target_count == 3 and b.document.origin == "push"
    rows = list(Delivery.select().order_by(Delivery.chat_id))
    assert [(r.chat_id, r.dedup_key, r.kind) for r in rows] == [
        (c, f"notice:{b.id}:{c}", "notice") for c in (-3, -2, -1)]
    assert "31/01/2022" in rows[0].part_list()[0]["text"] or len(rows[0].part_list()) > 1
    edited = s.last("editMessageText")
    assert "#%d" % b.id in edited.text and edited.reply_markup is None

    # The second press (a double tap, another admin's device) starts nothing.
    await push.send(callback(f"push:send:{draft.id}", user_id=ADMIN, chat_id=ADMIN))
    assert s.last("answerCallbackQuery").show_alert
    assert Delivery.select().count() == 3 and Broadcast.select().count() == 1

    # Answerable at once.
    answer = push.searcher.ask("học sinh lớp 7 đến lớp 12 học trực tiếp trở lại khi nào")
    assert answer.hits and "07/02/2022" in answer.hits[0].text

    await push.sender.drain(timeout=5)
    assert {r.status for r in Delivery.select()} == {"sent"}
    assert len([c for c in s.calls("sendMessage") if c.chat_id in (-1, -2, -3)]) >= 3
    assert not [c for c in s.calls("sendMessage") if c.chat_id in (-4, -5)]


async def test_cancel_and_refusals(push, notice_text):
    s = await push.send(message("/push\n" + notice_text, user_id=USER, chat_id=USER))
    assert "quản trị viên của Loa" in s.last("sendMessage").text and Broadcast.select().count() == 0
    await push.send(message("/push", user_id=ADMIN, chat_id=ADMIN))
    assert "/push" in s.last("sendMessage").text and Broadcast.select().count() == 0
    await push.send(message("/push \x00\x01\x02", user_id=ADMIN, chat_id=ADMIN))
    assert "Không đọc được thông báo" in s.last("sendMessage").text

    await push.send(message("/push\n" + notice_text, user_id=ADMIN, chat_id=ADMIN))
    draft = Broadcast.get()
    await push.send(callback(f"push:cancel:{draft.id}", user_id=USER, chat_id=ADMIN))
    assert Broadcast.get_by_id(draft.id).status == "draft"
    await push.send(callback(f"push:cancel:{draft.id}", user_id=ADMIN, chat_id=ADMIN))
    assert Broadcast.get_by_id(draft.id).status == "cancelled"
    await push.send(callback(f"push:send:{draft.id}", user_id=ADMIN, chat_id=ADMIN))
    assert Delivery.select().count() == 0 and Document.select().count() == 0


async def test_push_docx_document_and_bad_files(push, notice_text, tmp_path):
    import docx
    d = docx.Document()
    for paragraph in notice_text.split("\n\n"):
        d.add_paragraph(paragraph)
    buffer = io.BytesIO()
    d.save(buffer)
    push.bot.add_file("docx1", buffer.getvalue())
    s = await push.send(document_message("docx1", "thong_bao_45.docx", len(buffer.getvalue()),
                                         user_id=ADMIN, chat_id=ADMIN))
    assert "45-TB/BCĐ" in s.last("sendMessage").text
    assert keyboard_data(s.last("sendMessage").reply_markup)[0].startswith("push:send:")
    assert s.calls("getFile")

    s.clear()
    await push.send(document_message("x", "virus.exe", 100, user_id=ADMIN, chat_id=ADMIN))
    assert "virus.exe" in s.last("sendMessage").text and not s.calls("getFile")
    await push.send(document_message("y", "big.pdf", 6 * 2**20, user_id=ADMIN, chat_id=ADMIN))
    assert "MB" in s.last("sendMessage").text and not s.calls("getFile")
    push.bot.add_file("bad", b"not a word file")
    await push.send(document_message("bad", "broken.docx", 15, user_id=ADMIN, chat_id=ADMIN))
    assert "Không đọc được thông báo" in s.last("sendMessage").text
    assert Broadcast.select().count() == 1


async def test_notices_report_and_csv(push, notice_text):
    await push.send(message("/push\n" + notice_text, user_id=ADMIN, chat_id=ADMIN))
    draft = Broadcast.get()
    await push.send(callback(f"push:send:{draft.id}", user_id=ADMIN, chat_id=ADMIN))
    push.session.stage_error("sendMessage", 403, "Forbidden: bot was kicked from the group chat")
    await push.sender.drain(timeout=5)

    s = await push.send(message("/notices", user_id=ADMIN, chat_id=ADMIN))
    assert f"#{draft.id}" in s.last("sendMessage").text and "2/3" in s.last("sendMessage").text
    await push.send(message(f"/report {draft.id}", user_id=ADMIN, chat_id=ADMIN))
    report = s.last("sendMessage")
    assert "Đã gửi: 2/3 nhóm" in report.text and "bị chặn/rời nhóm 1" in report.text
    assert "Đã nhận: 0/2" in report.text and "Chưa xác nhận đã nhận (2 nhóm)" in report.text
    assert f"report:csv:{draft.id}" in keyboard_data(report.reply_markup)
    await push.send(message("/report 999", user_id=ADMIN, chat_id=ADMIN))
    assert "#999" in s.last("sendMessage").text
    await push.send(message("/report", user_id=USER, chat_id=USER))
    assert "quản trị viên của Loa" in s.last("sendMessage").text

    await push.send(callback(f"report:csv:{draft.id}", user_id=ADMIN, chat_id=ADMIN))
    sent = s.last("sendDocument")
    csv_text = sent.document.data.decode("utf-8-sig")
    lines = csv_text.strip().splitlines()
    assert lines[0].startswith("mã nhóm,tên nhóm,đơn vị,gửi,") and len(lines) == 4
    assert sorted(line.split(",")[3] for line in lines[1:]) == ["blocked", "sent", "sent"]
    assert "Nhóm -1" in csv_text


# --- splitting a notice into messages -------------------------------------------------------

def _document(texts):
    doc = Document.create(key="split", number="1-TB", kind="Thông báo", issuer="Tỉnh ủy",
                          date=date(2022, 1, 1), title="Dài")
    for i, text in enumerate(texts, 1):
        Item.create(document=doc, position=i, number=str(i), text=text)
    return doc


def test_long_notice_is_split_at_item_boundaries(db):
    texts = [f"Mục số {i}: " + "các đơn vị thực hiện nghiêm & kịp thời. " * 25 for i in range(12)]
    parts = render_notice_parts(_document(texts), "vi")
    assert len(parts) > 1 and all(len(p) <= TELEGRAM_LIMIT for p in parts)
    for i in range(12):                               # each item whole, in exactly one part
        assert sum(f"Mục số {i}:" in p for p in parts) == 1
    assert "(phần 1/" in parts[0]


def test_single_huge_item_is_split_at_sentences(db):
    sentence = "Các doanh nghiệp phải xét nghiệm công nhân <định kỳ> mỗi tuần một lần. "
    parts = render_notice_parts(_document([sentence * 150]), "vi")
    assert len(parts) >= 3 and all(len(p) <= TELEGRAM_LIMIT for p in parts)
    body = "".join(parts)
    assert body.count("&lt;định kỳ&gt;") == 150          # nothing lost, escapes intact
    pieces = [p.split("\n\n")[-2].removeprefix("<b>1.</b> ") for p in parts if "doanh nghiệp" in p]
    assert len(pieces) >= 3
    for piece in pieces:                                  # each piece starts and ends a sentence
        assert piece.startswith("Các doanh nghiệp") and piece.endswith("một lần.")
