"""Urgent notices as paid broadcasts (allow_paid_broadcast), off unless PAID_BROADCAST_RATE
is set: the preview says what it may cost and offers the button; an urgent broadcast goes
out at the paid rate, every send marked paid, within the fake Bot API's limits."""
from __future__ import annotations

import asyncio
import os
import time

from bot.config import Settings, load_settings
from bot.views.renderers import RENDERERS
from knowledge import subscriptions as subs
from knowledge.models import Chat, Subscription, utcnow
from knowledge.search import Searcher
from scheduler.clock import SystemClock
from scheduler.outbox import Broadcast, delivery_counts, enqueue_many
from scheduler.sender import Sender
from tests.fakebotapi import FakeBotAPI
from tests.mocked_bot import MockedBot, callback, message, shared_dispatcher

ADMIN = 1
SAMPLE = os.path.join(os.path.dirname(__file__), "samples", "thong_bao_45_ha_nam.txt")


def buttons(markup) -> list[str]:
    return [b.callback_data for row in markup.inline_keyboard for b in row]


async def preview_and_press(paid_rate: float, press: str | None):
    settings = Settings(_env_file=None, admin_ids=[ADMIN], paid_broadcast_rate=paid_rate,
                        chat_interval=0)
    bot = MockedBot()
    sender = Sender(bot, settings, SystemClock(), renderers=RENDERERS)
    dp = shared_dispatcher(settings=settings, searcher=Searcher.from_database(), sender=sender,
                           clock=SystemClock())
    for chat_id in range(-1, -26, -1):
        subs.register_chat(chat_id, type="group", title=f"Nhóm {chat_id}")
        subs.subscribe(chat_id, ["all"])
    with open(SAMPLE, encoding="utf-8") as f:
        await dp.feed_update(bot, message("/push\n" + f.read(), user_id=ADMIN, chat_id=ADMIN))
    preview = bot.session.last("sendMessage")
    if press:
        draft = Broadcast.get()
        await dp.feed_update(bot, callback(f"push:{press}:{draft.id}", user_id=ADMIN, chat_id=ADMIN))
        await sender.drain(timeout=5)
    return preview, bot.session


async def test_the_preview_offers_an_urgent_send_with_its_cost_only_when_configured(db):
    preview, _ = await preview_and_press(0, None)
    assert "⚡" not in preview.text and not any("urgent" in b for b in buttons(preview.reply_markup))
    Broadcast.delete().execute()
    preview, session = await preview_and_press(1000, "urgent")
    assert "1000 tin/giây" in preview.text and "3 ⭐ cho 25 tin" in preview.text    # 25 × 0.1, rounded up
    assert any(b.startswith("push:urgent:") for b in buttons(preview.reply_markup))
    assert Broadcast.get().urgent
    sends = [c for c in session.calls("sendMessage") if int(c.chat_id) < 0]
    assert {int(c.chat_id) for c in sends} == set(range(-25, 0))
    assert all(c.allow_paid_broadcast is True for c in sends)
    assert "⚡" in session.last("editMessageText").text or "khẩn" in str(session.texts())


async def test_an_urgent_broadcast_goes_at_the_paid_rate_within_the_limits(db):
    groups = 600
    api = await FakeBotAPI(rate_limit=30, paid_rate_limit=1000, chat_interval=1.0,
                           group_per_minute=20).start()
    bot = api.make_bot()
    try:
        Chat.insert_many([{"id": -i, "type": "group", "title": f"T{i}"} for i in range(1, groups + 1)]).execute()
        Subscription.insert_many([{"chat": -i, "unit": "all"} for i in range(1, groups + 1)]).execute()
        b = Broadcast.create(created_by=ADMIN, admin_chat_id=ADMIN, status="sending", urgent=True,
                             target_count=groups, started_at=utcnow())
        enqueue_many([(-i, [{"text": "Bão khẩn cấp"}], f"notice:{b.id}:{-i}") for i in range(1, groups + 1)],
                     kind="notice", broadcast=b)
        settings = load_settings(_env_file=None, send_rate=30, paid_broadcast_rate=1000)
        started = time.monotonic()
        await asyncio.wait_for(Sender(bot, settings, renderers=RENDERERS).drain(), 60)
        took = time.monotonic() - started
    finally:
        await bot.session.close()
        await api.stop()
    sends = [c for c in api.calls_of("sendMessage") if c.chat_id < 0]
    assert delivery_counts(b.id)["sent"] == groups and len(sends) == groups
    assert all(c.params.get("allow_paid_broadcast") in (True, "true") for c in sends)
    assert api.limit_429s == 0
    print(f"{groups} groups urgently in {took:.1f} s (free rate: {groups / 30 / 0.95:.0f} s)")
    assert took < groups / 30 / 2                     # well within half the free rate's time
