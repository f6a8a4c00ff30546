"""Telegram's limits as a schedule of slots (scheduler/limits.py), in this process and in
Redis (the same rules as Lua scripts, shared by replicas): even spacing, one message per
second per chat, 20 per minute per group, replies ahead of bulk sends, 429 penalties, and
per-user throttling. The Redis variants run when TEST_REDIS_URL is set."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from scheduler.clock import FakeClock
from scheduler.limits import SAFETY, Budget, LocalLimits
from scheduler.redis_limits import RedisLimits

BUDGET = Budget(rate=10.0, chat_interval=1.0, group_per_minute=3, user_burst=3, user_per_minute=6)
T = 1 / BUDGET.rate
TOLERANCE = 0.03                    # Redis runs on real time: a few milliseconds pass between calls


@pytest.fixture(params=["local", "redis"])
def limits(request):
    if request.param == "local":
        return LocalLimits(BUDGET, FakeClock(datetime(2026, 11, 24, tzinfo=timezone.utc)))
    client, prefix = request.getfixturevalue("redis_client")
    return RedisLimits(BUDGET, client, prefix=prefix)


def near(value: float, expected: float) -> bool:
    return expected - TOLERANCE <= value <= expected + 1e-6


async def test_slots_are_spaced_evenly_whoever_asks(limits):
    waits = [(await limits.reserve(chat, bulk=False)).wait for chat in (1, 2, 3, 4, 5)]
    assert all(near(w, i * T) for i, w in enumerate(waits)), waits


async def test_a_chat_gets_one_message_per_interval_and_a_group_its_share_per_minute(limits):
    first = await limits.reserve(7, bulk=False)
    again = await limits.reserve(7, bulk=False)
    assert first.ok and not again.ok and again.chat and near(again.wait, 1.0)
    quick = Budget(rate=10.0, chat_interval=0.0, group_per_minute=3)
    limits.budget = quick
    grants = [await limits.reserve(-9, bulk=False) for _ in range(4)]
    assert [g.ok for g in grants] == [True, True, True, False] and grants[3].chat
    assert near(grants[3].wait, 60.0 + T)               # a minute after the first of the three


async def test_replies_book_ahead_of_bulk_sends(limits):
    for chat in range(1, 11):                       # ten replies book the next second
        assert (await limits.reserve(chat, bulk=False)).ok
    bulk = await limits.reserve(100, bulk=True)
    assert not bulk.ok and not bulk.chat                # the budget's, not the chat's
    assert near(bulk.wait, 10 * T - BUDGET.lead)        # ask again when the replies are through
    busy = await limits.reserve(1, bulk=True)           # a chat a reply just went to
    assert not busy.ok


async def test_a_429_holds_the_chat_back_and_slows_everyone(limits):
    await limits.penalize(5, retry_after=3)
    grant = await limits.reserve(5, bulk=False)
    assert not grant.ok and grant.chat and near(grant.wait, 3.0)
    other = await limits.reserve(6, bulk=False)
    assert other.ok and near(other.wait, 2 * T)         # two slots of penalty


async def test_a_users_flood_is_cut_after_the_burst_with_one_notice(limits):
    answers = [await limits.allow_user(42) for _ in range(6)]
    assert answers == [(True, False)] * 3 + [(False, True), (False, False), (False, False)]
    assert await limits.allow_user(43) == (True, False)  # someone else is not affected


async def test_two_replicas_share_one_schedule(redis_client):
    client, prefix = redis_client
    a, b = RedisLimits(BUDGET, client, prefix=prefix), RedisLimits(BUDGET, client, prefix=prefix)
    waits = [(await (a if i % 2 else b).reserve(100 + i, bulk=False)).wait for i in range(6)]
    assert all(near(w, i * T) for i, w in enumerate(waits)), waits
    assert not (await b.reserve(100, bulk=False)).ok     # a's chat is b's too


async def test_a_call_that_missed_its_slot_books_another_without_tripping_on_its_chat(limits):
    assert (await limits.reserve(8, bulk=True)).ok
    again = await limits.reserve(8, bulk=True, again=True)       # woken too late for the first
    assert again.ok and near(again.wait, T)
    assert not (await limits.reserve(8, bulk=True)).ok           # the chat's next time moved on


async def test_while_redis_is_down_a_replica_keeps_its_share_of_the_budget():
    import redis.asyncio as redis

    from bot.config import load_settings
    from scheduler.limits import make_limits
    from scheduler.clock import SystemClock

    settings = load_settings(_env_file=None, send_rate=30, replicas=1)
    client = redis.from_url("redis://127.0.0.1:9/0", socket_connect_timeout=0.2)   # nothing there
    limits = make_limits(settings.model_copy(update={"replicas": 3}), SystemClock(), client)
    try:
        grants = [await limits.reserve(chat, bulk=False) for chat in (1, 2)]
        assert all(g.ok for g in grants)
        assert grants[1].wait == pytest.approx(3 / (30 * SAFETY), abs=0.02)    # a third of the rate
        assert await limits.allow_user(5) == (True, False)
        with pytest.raises(Exception):
            await limits.ping()                      # /healthz still says Redis is down
    finally:
        await client.aclose()
