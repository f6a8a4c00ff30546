"""The outbox sender against the fake Bot API over HTTP, with the real aiogram Bot: every
active group gets a notice exactly once, within the limits, through Telegram's errors."""
from __future__ import annotations

import json
import asyncio
import io
import logging
import time

import pytest

from bot.config import load_settings
from bot.logs import setup_logging
from bot.views.renderers import RENDERERS
from knowledge.logs import log_event
from knowledge.models import Chat, utcnow
from knowledge.subscriptions import register_chat, subscribe, units_of
from scheduler.outbox import (BLOCKED, FAILED, PENDING, SENT, Broadcast, Delivery, delivery_counts,
                              enqueue)
from scheduler.sender import Sender
from tests.fakebotapi import FakeBotAPI

ADMIN = 777


def make_groups(n: int, start: int = 1) -> list[int]:
    ids = []
    for i in range(start, start + n):
        chat_id = -i
        register_chat(chat_id, type="group", title=f"Tổ {i}")
        subscribe(chat_id, ["all"])
        ids.append(chat_id)
    return ids


def notice_parts(chat_id: int) -> list[dict]:
    """Every tenth group gets a two-part notice, the second part with a button."""
    parts = [{"text": f"<b>Thông báo</b> cho {chat_id}", "reply_markup": None}]
    if chat_id % 10 == 0:
        parts.append({"text": "phần 2/2", "reply_markup": {
            "inline_keyboard": [[{"text": "Xem thêm", "callback_data": "item:1"}]]}})
    return parts


def test_enqueue_is_idempotent_and_checks_parts(db):
    first = enqueue(-1, [{"text": "a"}], kind="notice", dedup_key="notice:1:-1")
    again = enqueue(-1, [{"text": "b"}], kind="notice", dedup_key="notice:1:-1")
    assert again.id == first.id and again.part_list() == [{"text": "a", "reply_markup": None}]
    assert Delivery.select().count() == 1
    with pytest.raises(ValueError):
        enqueue(-1, [], kind="notice", dedup_key="x")
    with pytest.raises(ValueError):
        enqueue(-1, [{"text": "  "}], kind="notice", dedup_key="y")
    with pytest.raises(ValueError):
        enqueue(-1, [{"text": "a"}], kind="letter", dedup_key="z")


async def test_broadcast_to_200_groups_through_errors_and_limits(db):
    settings = load_settings(send_rate=100, chat_interval=1.0, group_per_minute=20)
    api = await FakeBotAPI(rate_limit=100, chat_interval=1.0, group_per_minute=20).start()
    bot = api.make_bot()
    try:
        groups = make_groups(200)
        preview = await bot.send_message(ADMIN, "Xem trước thông báo")
        broadcast = Broadcast.create(created_by=ADMIN, admin_chat_id=ADMIN, status="sending",
                                     progress_message_id=preview.message_id, target_count=200,
                                     started_at=utcnow())
        for chat_id in groups:
            enqueue(chat_id, notice_parts(chat_id), kind="notice",
                    dedup_key=f"notice:{broadcast.id}:{chat_id}", broadcast=broadcast)
        kicked, not_found, migrated, supergroup, flaky = -5, -9, -6, -1_000_000_006, -7
        flooded = [-11, -20, -150]
        api.fail_chat(kicked, "kicked")
        api.fail_chat(not_found, "not_found")
        api.fail_chat(migrated, "migrated", migrate_to=supergroup)
        api.fail_chat(flaky, "server_error", times=2)
        for chat_id in flooded:
            api.fail_chat(chat_id, "retry_after", times=1, retry_after=1)

        sender = Sender(bot, settings, backoff_base=0.2, progress_interval=1.0, renderers=RENDERERS)
        started = time.monotonic()
        running = asyncio.create_task(sender.run())
        while Broadcast.get_by_id(broadcast.id).status != "done":
            assert time.monotonic() - started < 40, delivery_counts(broadcast.id)
            assert not running.done(), running
            await asyncio.sleep(0.1)
        # The final report is an edit of the preview, which waits for that chat's next slot
        # after the last progress edit: it may leave just after the broadcast is marked done.
        while not any("✅" in c.params.get("text", "") for c in api.calls_of("editMessageText")):
            assert time.monotonic() - started < 45 and not running.done(), "no final report"
            await asyncio.sleep(0.1)
        running.cancel()
        await asyncio.gather(running, return_exceptions=True)

        # Exactly once, every part in order, to every group that can be reached.
        unreachable = {kicked, not_found}
        for chat_id in groups:
            target = supergroup if chat_id == migrated else chat_id
            expected = [] if chat_id in unreachable else [p["text"] for p in notice_parts(chat_id)]
            assert api.texts_to(target) == expected, chat_id
        assert api.texts_to(migrated) == []
        counts = delivery_counts(broadcast.id)
        assert counts == {PENDING: 0, SENT: 198, FAILED: 0, BLOCKED: 2, "total": 200}

        # Kicked and unknown chats are inactive; the migrated group's subscription moved.
        assert not Chat.get_by_id(kicked).active and not Chat.get_by_id(not_found).active
        assert Chat.get_by_id(migrated).migrated_to == supergroup
        assert units_of(supergroup) == ["all"] and units_of(migrated) == []
        assert Delivery.get(Delivery.dedup_key == f"notice:{broadcast.id}:{migrated}").chat_id == supergroup
        assert Delivery.get(Delivery.dedup_key == f"notice:{broadcast.id}:{flaky}").attempts == 2

        # retry_after honoured: the next try to a flooded chat came a second later or more.
        for chat_id in flooded:
            tries = [c for c in api.calls if c.method == "sendMessage" and c.chat_id == chat_id]
            assert tries[0].status == 429 and tries[1].status == 200
            assert tries[1].at - tries[0].at >= 0.99, chat_id

        # The fake's limits (overall, per chat, per group per minute) were never exceeded.
        assert api.limit_429s == 0, dict(api.limit_reasons)

        # The admin's preview was edited with progress, throttled, then with the final report.
        edits = [c for c in api.calls_of("editMessageText") if c.chat_id == ADMIN]
        assert edits and all(int(c.params["message_id"]) == preview.message_id for c in edits)
        assert "198/200" in edits[-1].params["text"] and "✅" in edits[-1].params["text"]
        gaps = [b.at - a.at for a, b in zip(edits[:-2], edits[1:-1])]
        assert all(g >= 0.95 for g in gaps), gaps
        assert len(edits) <= (time.monotonic() - started) / 1.0 + 2
    finally:
        await bot.session.close()
        await api.stop()


async def test_gives_up_after_max_attempts_and_keeps_the_error(db):
    settings = load_settings(send_rate=200, chat_interval=0.0)
    api = await FakeBotAPI().start()
    bot = api.make_bot()
    try:
        make_groups(2)
        api.fail_chat(-1, "bad_gateway")
        for chat_id in (-1, -2):
            enqueue(chat_id, [{"text": "x"}], kind="ping", dedup_key=f"ping:{chat_id}")
        sender = Sender(bot, settings, max_attempts=3, backoff_base=0.05, renderers=RENDERERS)
        await asyncio.wait_for(sender.drain(timeout=5), 20)
        row = Delivery.get(Delivery.chat_id == -1)
        assert (row.status, row.attempts, row.last_error) == (FAILED, 3, "Bad Gateway")
        assert Delivery.get(Delivery.chat_id == -2).status == SENT
        assert Chat.get_by_id(-1).active      # a server error says nothing about the chat
    finally:
        await bot.session.close()
        await api.stop()


async def test_stopped_sender_resumes_without_duplicates_beyond_the_window(db):
    """Window 1: stop the sender mid-way (its one call may be cut in flight), start a new one."""
    settings = load_settings(send_rate=200, chat_interval=0.0)
    api = await FakeBotAPI(latency=0.01).start()
    bot = api.make_bot()
    try:
        groups = make_groups(60)
        for chat_id in groups:
            parts = [{"text": f"1/2 {chat_id}"}, {"text": f"2/2 {chat_id}"}]
            enqueue(chat_id, parts, kind="notice", dedup_key=f"notice:9:{chat_id}")
        first = Sender(bot, settings, window=1, renderers=RENDERERS)
        running = asyncio.create_task(first.run())
        deadline = time.monotonic() + 20
        while len(api.calls_of("sendMessage")) < 41:   # stop in the middle of a two-part row
            assert not running.done() and time.monotonic() < deadline
            await asyncio.sleep(0.002)
        running.cancel()
        await asyncio.gather(running, return_exceptions=True)
        assert Delivery.select().where(Delivery.status == PENDING).count() > 0

        await asyncio.wait_for(Sender(bot, settings, window=1, renderers=RENDERERS).drain(), 20)
        counts = api.sent_counts()
        assert set(counts) == set(groups)
        extra = sum(n - 2 for n in counts.values())
        assert extra <= 1, counts
        for chat_id in groups:   # parts in order, whatever was repeated
            texts = api.texts_to(chat_id)
            assert texts[0] == f"1/2 {chat_id}" and texts[-1] == f"2/2 {chat_id}"
    finally:
        await bot.session.close()
        await api.stop()


def test_logs_are_one_line_per_event_and_never_show_the_token():
    token = "123456:SECRET-token"
    stream = io.StringIO()
    setup_logging([token], stream=stream)
    try:
        log = logging.getLogger("loa.test")
        log_event(log, "delivery_sent", chat=-100123, kind="notice", ms=12)
        log_event(log, "delivery_failed", error="Bad Request: chat not found")
        logging.getLogger("loa.test").warning("POST https://api.telegram.org/bot%s/sendMessage", token)
        logging.getLogger("aiogram.event").info("noise %s", token)
    finally:
        logging.getLogger().handlers.clear()
    lines = stream.getvalue().splitlines()
    assert "event=delivery_sent chat=-100123 kind=notice ms=12" in lines[0]
    assert 'error="Bad Request: chat not found"' in lines[1]
    assert "bot***/sendMessage" in lines[2]
    assert len(lines) == 3 and token not in stream.getvalue()


async def test_a_part_can_answer_a_message_in_its_chat(db):
    """A reminder replies to the notice it reminds of; if that message is gone, it still goes."""
    settings = load_settings(send_rate=100, chat_interval=0.0)
    api = await FakeBotAPI().start()
    bot = api.make_bot()
    try:
        register_chat(-3, type="group", title="Tổ 3")
        notice = await bot.send_message(-3, "Thông báo")
        enqueue(-3, [{"text": "Nhắc hạn", "reply_to": notice.message_id}], kind="ping", dedup_key="ping:x:-3")
        await Sender(bot, settings, renderers=RENDERERS).drain(timeout=5)
        [call] = [c for c in api.calls_of("sendMessage") if c.params.get("text") == "Nhắc hạn"]
        reply = call.params["reply_parameters"]
        reply = json.loads(reply) if isinstance(reply, str) else reply
        assert reply["message_id"] == notice.message_id and reply["allow_sending_without_reply"] is True
    finally:
        await bot.session.close()
        await api.stop()
