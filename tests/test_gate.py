"""The gate every Telegram call passes (scheduler/gate.py), with the real routers and the real
aiogram Bot: 300 groups sending /subscribe in the same moment all get their reply within the
fake Bot API's limits (none lost to a 429); a 429 in the middle of a long reply is waited
out and the rest follows; a very long list is one file; one user's flood is cut with one
notice while an admin and another user are answered."""
from __future__ import annotations

import asyncio
import time
from collections import Counter
from datetime import date, datetime, timedelta, timezone

import pytest

from bot.config import Settings
from bot.conversation import deadline_list
from bot.views.deadlines import split_message
from knowledge import subscriptions as subs
from knowledge.models import Deadline, Document, Item
from knowledge.search import Searcher
from scheduler.clock import FakeClock, SystemClock
from scheduler.gate import Gate, install_gate
from scheduler.limits import Budget, LocalLimits
from tests.fakebotapi import FakeBotAPI
from tests.mocked_bot import MockedBot, message, shared_dispatcher

ADMIN = 1
USER = 2
RATE = 150          # the fake's limit and SEND_RATE, raised together so the test takes seconds


def subscribe_update(chat_id: int, user_id: int) -> dict:
    return {"update_id": -chat_id, "message": {
        "message_id": 1, "date": int(time.time()), "text": "/subscribe health",
        "entities": [{"type": "bot_command", "offset": 0, "length": 10}],
        "chat": {"id": chat_id, "type": "group", "title": f"Tổ {-chat_id}"},
        "from": {"id": user_id, "is_bot": False, "first_name": "A", "language_code": "vi"}}}


async def test_300_groups_subscribing_at_once_all_get_their_reply(db):
    from aiogram.types import Update

    api = await FakeBotAPI(rate_limit=RATE, chat_interval=1.0, group_per_minute=20).start()
    settings = Settings(_env_file=None, send_rate=RATE)
    clock = SystemClock()
    bot = api.make_bot()
    install_gate(bot, Gate(LocalLimits(Budget.from_settings(settings), clock), clock))
    dp = shared_dispatcher(settings=settings, searcher=Searcher.from_database(), sender=None,
                           clock=clock)
    groups = [-5000 - i for i in range(300)]
    throttled = groups[::30]                            # Telegram says "retry after 1" once
    try:
        for chat_id in groups:
            api.set_member(chat_id, 7, "administrator")
        for chat_id in throttled:
            api.fail_chat(chat_id, "retry_after", times=1, retry_after=1)
        started = time.monotonic()
        await asyncio.gather(*(dp.feed_update(bot, Update.model_validate(subscribe_update(c, 7)))
                               for c in groups))
        took = time.monotonic() - started
    finally:
        await bot.session.close()
        await api.stop()
    replies = Counter(c.chat_id for c in api.calls_of("sendMessage"))
    assert set(replies) == set(groups) and set(replies.values()) == {1}
    assert all(subs.units_of(c) == ["health"] for c in groups)
    assert api.limit_429s == 0, dict(api.limit_reasons)      # the gate kept to every limit
    for chat_id in throttled:                                # waited out, not dropped
        tries = [c for c in api.calls if c.method == "sendMessage" and c.chat_id == chat_id]
        assert [c.status for c in tries] == [429, 200] and tries[1].at - tries[0].at >= 0.95
    print(f"300 replies in {took:.1f} s at {RATE} messages/s")


def make_deadlines(n: int) -> None:
    doc = Document.create(key="many", number="7-KH/UBND", kind="Kế hoạch", issuer="UBND tỉnh",
                          date=date(2026, 11, 1), title="Kế hoạch nhiều việc")
    item = Item.create(document=doc, position=1, number="1", text="Các đơn vị thực hiện các việc sau.")
    today = date.today()
    Deadline.insert_many([{"item": item.id, "due_date": today + timedelta(days=1 + i % 300),
                           "phrase": f"trước ngày {i}", "task": f"Việc số {i} của kế hoạch phải xong"}
                          for i in range(n)]).execute()


@pytest.fixture
def chat(db):
    bot = MockedBot()

    class Chat_:
        def __init__(self, **services):
            self.bot, self.settings = bot, Settings(_env_file=None, admin_ids=[ADMIN])
            self.dp = shared_dispatcher(settings=self.settings, searcher=Searcher.from_database(),
                                        sender=None, clock=SystemClock(), **services)

        async def send(self, update):
            await self.dp.feed_update(self.bot, update)
            return self.bot.session
    return Chat_


async def test_a_429_in_the_middle_of_a_reply_is_waited_out_and_the_rest_follows(chat):
    make_deadlines(40)                                   # two or three messages
    c = chat()
    c.bot.session.stage_result("sendMessage", {"message_id": 1, "date": 0, "text": "1",
                                               "chat": {"id": USER, "type": "private"}})
    c.bot.session.stage_error("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    s = await c.send(message("/deadlines", user_id=USER, chat_id=USER))
    parts = split_message(deadline_list(c.settings, "vi"))
    assert 2 <= len(parts) <= 3
    sent = [r.text for r in s.calls("sendMessage")]
    assert sent == parts[:2] + parts[1:]                 # the refused part again, then the rest


async def test_a_list_of_2000_deadlines_is_one_file(chat):
    make_deadlines(2000)
    s = await chat().send(message("/deadlines", user_id=USER, chat_id=USER))
    assert not s.calls("sendMessage")
    [document] = s.calls("sendDocument")
    content = document.document.data.decode("utf-8")
    assert content.count("Việc số") == 2000 and "<b>" not in content
    assert "tệp" in document.caption


async def test_one_users_flood_is_cut_with_one_notice(chat, kb_items):
    clock = FakeClock(datetime(2026, 11, 24, 8, tzinfo=timezone.utc))
    limits = LocalLimits(Budget(rate=1000.0, chat_interval=0.0, group_per_minute=0, user_burst=5,
                                user_per_minute=12), clock)
    c = chat(limits=limits)
    for _ in range(50):
        await c.send(message("nhà máy phải xét nghiệm công nhân khi nào", user_id=USER, chat_id=USER))
    to_user = [r.text for r in c.bot.session.calls("sendMessage") if r.chat_id == USER]
    notices = [text for text in to_user if "nhanh quá" in text]
    assert len(to_user) == 5 + 1 and len(notices) == 1
    await c.send(message("/help", user_id=ADMIN, chat_id=ADMIN))          # admins pass
    await c.send(message("nhà máy phải xét nghiệm công nhân khi nào", user_id=3, chat_id=3))
    assert [r.chat_id for r in c.bot.session.calls("sendMessage")][-2:] == [ADMIN, 3]
    clock.advance(60)                                   # the bucket refills: answered again
    await c.send(message("nhà máy phải xét nghiệm công nhân khi nào", user_id=USER, chat_id=USER))
    assert c.bot.session.calls("sendMessage")[-1].chat_id == USER
    assert "nhanh quá" not in c.bot.session.calls("sendMessage")[-1].text


@pytest.fixture
def kb_items(db):
    doc = Document.create(key="t1", number="99-TB/TU", kind="Thông báo kết luận", issuer="Tỉnh ủy",
                          date=date(2021, 11, 15), title="Kết luận về phòng, chống dịch")
    Item.create(document=doc, position=1, number="1",
                text="Các nhà máy, doanh nghiệp phải xét nghiệm công nhân trước mỗi ca sản xuất.")
