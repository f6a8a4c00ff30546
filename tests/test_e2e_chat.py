"""The whole bot over HTTP: the real aiogram Bot polls the fake Bot API server
(tests/fakebotapi.py) through bot.app's dispatcher, with the real Sender running.

A question answered in a private chat and in a group, a group subscribing, and an admin's
push to 200 subscribed groups through injected 429s, 5xx errors, a kicked group and a
migrated group: every active group gets the notice exactly once.
"""
from __future__ import annotations

import asyncio
import os
import time
from collections import Counter

import pytest
import pytest_asyncio

from bot.config import Settings
from bot.views.renderers import RENDERERS
from knowledge import subscriptions as subs
from knowledge.loader import ensure_seeded
from knowledge.models import Chat
from knowledge.search import Searcher
from scheduler.clock import SystemClock
from scheduler.outbox import Broadcast, Delivery
from scheduler.sender import Sender
from tests.fakebotapi import BOT_USERNAME, FakeBotAPI
from tests.mocked_bot import shared_dispatcher

ADMIN = 901
USER = 902
# The dispatcher is one per process (tests/mocked_bot.py) and its polling signals belong to
# the event loop that first polled, so this module's tests share one loop.
pytestmark = pytest.mark.asyncio(loop_scope="module")

SAMPLE = os.path.join(os.path.dirname(__file__), "samples", "thong_bao_45_ha_nam.txt")
NUMBER = "45-TB/BCĐ"


async def until(condition, timeout: float = 20.0, what: str = "condition"):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


@pytest_asyncio.fixture(loop_scope="module")
async def running(db):
    """Bot, dispatcher polling, and sender running against the fake server."""
    ensure_seeded()
    fake_api = await FakeBotAPI().start()
    settings = Settings(_env_file=None, admin_ids=[ADMIN], send_rate=200, chat_interval=0.2)
    bot = fake_api.make_bot()
    sender = Sender(bot, settings, SystemClock(), backoff_base=0.05, backoff_cap=0.2,
                    progress_interval=0.2, renderers=RENDERERS)
    dp = shared_dispatcher(settings=settings, searcher=Searcher.from_database(), sender=sender,
                           clock=SystemClock())
    polling = asyncio.create_task(dp.start_polling(
        bot, handle_signals=False, close_bot_session=False, polling_timeout=1,
        allowed_updates=dp.resolve_used_update_types()))
    sending = asyncio.create_task(sender.run())
    try:
        yield fake_api
    finally:
        await dp.stop_polling()
        sending.cancel()
        await asyncio.gather(polling, sending, return_exceptions=True)
        await bot.session.close()
        await fake_api.stop()


async def test_questions_and_subscribe_over_http(running):
    api = running
    api.push_message(chat_id=USER, text="Trạm y tế phải có bác sĩ trước ngày nào?")
    await until(lambda: api.texts_to(USER), what="the private answer")
    assert "bác sĩ" in api.texts_to(USER)[0] and "📄" in api.texts_to(USER)[0]

    api.push_message(chat_id=-77, text="hôm nay trời đẹp quá")                  # not for the bot
    api.push_message(chat_id=-77, text=f"@{BOT_USERNAME} What must businesses do every day for their workers?")
    await until(lambda: api.texts_to(-77), what="the group answer")
    answer = api.calls_of("sendMessage")[-1]
    assert len(api.texts_to(-77)) == 1 and "trước mỗi ca sản xuất" in answer.params["text"]
    assert "Source" in answer.params["text"] and answer.params.get("reply_parameters")

    api.set_member(-77, 1001, "administrator")
    api.push_message(chat_id=-77, text="/subscribe health schools", user_id=1001)
    await until(lambda: subs.units_of(-77) == ["health", "schools"], what="the subscription")
    api.push_message(chat_id=-77, text="/subscribe all", user_id=1002)          # a plain member
    await until(lambda: len(api.texts_to(-77)) == 3, what="the refusal")
    assert subs.units_of(-77) == ["health", "schools"]


async def test_admin_push_reaches_200_groups_exactly_once(running):
    api = running
    groups = [-3000 - i for i in range(200)]
    for i, g in enumerate(groups):
        subs.register_chat(g, type="group", title=f"Đơn vị {i}")
        subs.subscribe(g, ["all"] if i % 2 else ["health"])
    kicked, migrated, new_id = groups[5], groups[6], -1003000006
    api.fail_chat(kicked, "kicked")
    api.fail_chat(migrated, "migrated", migrate_to=new_id, times=1)
    for g in groups[10:20]:
        api.fail_chat(g, "retry_after", times=1, retry_after=1)
    for g in groups[20:25]:
        api.fail_chat(g, "server_error", times=2)
    api.fail_chat(groups[25], "bad_gateway", times=1)

    with open(SAMPLE, encoding="utf-8") as f:
        api.push_message(chat_id=ADMIN, user_id=ADMIN, text="/push\n" + f.read())
    await until(lambda: api.texts_to(ADMIN), what="the preview")
    preview = api.calls_of("sendMessage")[-1]
    assert "<b>200</b>" in preview.params["text"]
    buttons = preview.params["reply_markup"]["inline_keyboard"][0]
    send_data = buttons[0]["callback_data"]
    preview_id = Broadcast.get().progress_message_id
    message = {"message_id": preview_id, "date": int(time.time()), "text": "preview",
               "chat": {"id": ADMIN, "type": "private", "first_name": "A"}}
    press = {"callback_query": {"id": "q1", "chat_instance": "c", "data": send_data, "message": message,
                                "from": {"id": ADMIN, "is_bot": False, "first_name": "A"}}}
    api.push_update(press)
    api.push_update({"callback_query": {**press["callback_query"], "id": "q2"}})   # a double tap

    await until(lambda: Delivery.select().count() == 200
                and not Delivery.select().where(Delivery.status == "pending").exists(),
                timeout=40, what="the broadcast to finish")
    received = Counter(c.chat_id for c in api.calls_of("sendMessage")
                       if c.chat_id < 0 and NUMBER in c.params["text"])
    expected = (set(groups) - {kicked, migrated}) | {new_id}
    assert set(received) == expected
    assert all(n == 1 for n in received.values()), {c: n for c, n in received.items() if n != 1}
    assert Broadcast.select().count() == 1
    second = [c for c in api.calls_of("answerCallbackQuery") if c.params.get("callback_query_id") == "q2"]
    assert second and second[0].params.get("show_alert") in (True, "true")        # "already sent"
    assert not Chat.get_by_id(kicked).active
    assert subs.units_of(new_id) == ["health"] and subs.units_of(migrated) == []
    assert api.injected_errors >= 1 + 1 + 10 + 10 + 1
    await until(lambda: len([c for c in api.calls_of("editMessageText")
                             if int(c.params.get("message_id")) == preview_id]) >= 2,
                what="the progress message edited by the sender")
