"""/deadlines, /calendar and the acknowledgement buttons, through the real routers and
middlewares (MockedBot), with reminders produced by the real ReminderService."""
from __future__ import annotations

import itertools
import json
import time as walltime
from datetime import datetime, time, timedelta, timezone

import pytest
from aiogram.types import Update

from bot.config import Settings
from bot.views.renderers import RENDERERS
from knowledge import subscriptions as subs
from scheduler.acknowledgements import Acknowledgement, record_ack
from scheduler.clock import FakeClock, SystemClock
from scheduler.outbox import Delivery
from scheduler.reminders import ReminderService
from tests.mocked_bot import MockedBot, message, shared_dispatcher, user
from tests.test_pings import make_deadline

ADMIN = 1
USER = 2
GROUP = -777
_ids = itertools.count(90_000)


@pytest.fixture
def chat(db):
    settings = Settings(_env_file=None, admin_ids=[ADMIN], tz="Asia/Ho_Chi_Minh")
    bot = MockedBot()
    dp = shared_dispatcher(settings=settings, searcher=None, sender=None, clock=SystemClock())

    async def send(update):
        await dp.feed_update(bot, update)
        return bot.session

    send.bot, send.settings = bot, settings
    return send


def today():
    return datetime.now(timezone.utc).astimezone(Settings(_env_file=None).zone).date()


async def test_deadlines_lists_upcoming_soonest_first_and_admins_see_counts(chat):
    later = make_deadline(today() + timedelta(days=10), task="Việc sau")
    make_deadline(today() + timedelta(days=2), task="Việc trước", units=("schools",))
    make_deadline(today() - timedelta(days=5), task="Việc cũ")
    subs.register_chat(GROUP, type="group", title="Trạm y tế")
    subs.subscribe(GROUP, ["health"])
    record_ack(later.id, GROUP, "done", user_id=9, user_name="Lan", now=datetime.now(timezone.utc))

    session = await chat(message("/deadlines", user_id=USER, chat_id=USER))
    [text] = session.texts()
    assert text.index("Việc trước") < text.index("Việc sau") and "Việc cũ" not in text
    assert "còn 2 ngày" in text and "102-TB/VPTU" in text and "Hoàn thành" not in text

    session.clear()
    await chat(message("/deadlines", user_id=ADMIN, chat_id=ADMIN))
    [text] = session.texts()
    assert "✅ 1 xong đúng hạn (trên 1 nhóm)" in text    # the health group marked "Việc sau" done
    assert "⏳ 1 còn hạn (trên 1 nhóm)" not in text and "—" in text   # nobody gets "Việc trước"

    session.clear()
    await chat(message("/deadlines all schools", user_id=USER, chat_id=USER))
    [text] = session.texts()
    assert "Việc trước" in text and "Việc sau" not in text
    session.clear()
    await chat(message("/deadlines all trường học", user_id=USER, chat_id=USER))
    assert session.texts() == [text]                  # the unit's Vietnamese name works too

    session.clear()
    await chat(message("/deadlines all", user_id=USER, chat_id=USER, language_code="en"))
    [text] = session.texts()
    assert "All deadlines" in text and "5 days ago" in text and "Have a doctor" in text


async def test_deadlines_with_an_unknown_unit_says_which_codes_exist(chat):
    session = await chat(message("/deadlines bakery", user_id=USER, chat_id=USER))
    [text] = session.texts()
    assert "bakery" in text and "health" in text and "schools" in text


async def test_calendar_sends_an_ics_file_phones_can_import(chat):
    make_deadline(today() + timedelta(days=3), task="Nộp báo cáo; tổng hợp, gửi Sở Y tế " * 3,
                  due_time=time(16, 30))
    make_deadline(today() - timedelta(days=30), task="Đã qua")
    session = await chat(message("/calendar", user_id=USER, chat_id=USER))
    sent = session.last("sendDocument")
    assert sent.document.filename.endswith(".ics") and "2" in sent.caption
    data = sent.document.data
    text = data.decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    assert text.count("BEGIN:VEVENT") == 2 and "DTSTART;TZID=Asia/Ho_Chi_Minh:" in text
    assert "DTSTART;VALUE=DATE:" in text and "TZOFFSETTO:+0700" in text


async def test_calendar_without_deadlines_says_so(chat):
    session = await chat(message("/calendar", user_id=USER, chat_id=USER))
    assert "Chưa có hạn chót" in session.texts()[0]
    assert session.calls("sendDocument") == []


def press(part: dict, button: tuple[int, int], *, user_id: int, chat_id: int = GROUP,
          message_id: int = 555) -> Update:
    """A press on one button of a reminder as the outbox sent it (text and keyboard)."""
    data = part["reply_markup"]["inline_keyboard"][button[0]][button[1]]["callback_data"]
    msg = {"message_id": message_id, "date": int(walltime.time()) - 3600,
           "chat": {"id": chat_id, "type": "group", "title": "Trạm y tế"},
           "from": {"id": 4242, "is_bot": True, "first_name": "Loa"},
           "text": "…", "reply_markup": part["reply_markup"]}
    return Update.model_validate({"update_id": next(_ids), "callback_query": {
        "id": str(next(_ids)), "from": user(user_id), "chat_instance": "ci", "message": msg,
        "data": data}})


async def test_ack_buttons_record_who_and_update_the_reminder_once(chat):
    make_deadline(today() + timedelta(days=3), task="Tất cả trạm y tế có bác sĩ")
    make_deadline(today() + timedelta(days=3), task="Báo cáo số F0", due_time=None)
    subs.register_chat(GROUP, type="group", title="Trạm y tế")
    subs.subscribe(GROUP, ["health"])
    zone = chat.settings.zone
    start = datetime.combine(today() - timedelta(days=1), time(0), tzinfo=zone)
    service = ReminderService(chat.settings, None, FakeClock(start), renderers=RENDERERS)
    service.plan()
    service.clock.advance(timedelta(days=1, hours=8, minutes=30))   # today 08:30: the 3d pings
    service.fire_due()
    [delivery] = Delivery.select()
    [part] = json.loads(delivery.parts)

    session = await chat(press(part, (1, 1), user_id=USER))          # 2. Đã hoàn thành
    assert "nhóm đã hoàn thành" in session.last("answerCallbackQuery").text
    edit = session.last("editMessageText")
    assert edit.chat_id == GROUP and edit.message_id == 555
    assert "Tất cả trạm y tế có bác sĩ" in edit.text and "Đã hoàn thành: User2" in edit.text
    assert edit.text.index("Đã hoàn thành: User2") > edit.text.index("Báo cáo số F0")
    labels = [b.text for row in edit.reply_markup.inline_keyboard for b in row]
    assert labels == ["1. Đã nhận", "1. Đã hoàn thành", "2. Đã nhận", "2. ✓ Đã hoàn thành", "2. ↩️ Huỷ"]
    [ack] = Acknowledgement.select()
    assert (ack.chat_id, ack.kind, ack.user_id, ack.user_name) == (GROUP, "done", USER, "User2")

    session.clear()
    await chat(press(part, (1, 1), user_id=3))                       # someone else, later
    assert "trước đó (User2" in session.last("answerCallbackQuery").text
    assert session.calls("editMessageText") == []
    assert Acknowledgement.select().count() == 1

    # "Done" can be undone by the presser or a group admin, nobody else.
    drawn = {"text": "…", "reply_markup": edit.reply_markup.model_dump(exclude_none=True)}
    session.clear()
    await chat(press(drawn, (1, 2), user_id=3))                      # a plain member
    assert session.last("answerCallbackQuery").show_alert and Acknowledgement.select().count() == 1
    chat.bot.session.members[(GROUP, 4)] = "administrator"
    await chat(press(drawn, (1, 2), user_id=4))                      # a group admin
    assert Acknowledgement.select().count() == 0
    labels = [b.text for row in session.last("editMessageText").reply_markup.inline_keyboard for b in row]
    assert labels == ["1. Đã nhận", "1. Đã hoàn thành", "2. Đã nhận", "2. Đã hoàn thành"]
    await chat(press(part, (1, 1), user_id=3))                       # pressed again: recorded anew
    [ack] = Acknowledgement.select()
    assert ack.user_id == 3
    await chat(press(drawn, (1, 2), user_id=3))                      # and undone by its presser
    assert Acknowledgement.select().count() == 0


async def test_ack_for_a_deleted_deadline_is_answered_not_recorded(chat):
    from bot.views.deadlines import AckCallback
    part = {"text": "x", "reply_markup": {"inline_keyboard": [[
        {"text": "Đã nhận", "callback_data": AckCallback(kind="r", deadline=424242).pack()}]]}}
    session = await chat(press(part, (0, 0), user_id=USER))
    assert "không còn" in session.last("answerCallbackQuery").text
    assert Acknowledgement.select().count() == 0
