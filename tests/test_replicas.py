"""What lets several processes share one bot: outbox claims with leases (two senders, one
outbox: every row sent once; a dead sender's rows taken over when its lease expires; only
the claimant records), reminders claimed when fired (two processes firing at once send each
reminder once), one leader for the scheduler with takeover, and the database's change events
waking every process. Leadership, events and concurrent firing need PostgreSQL
(TEST_POSTGRES_URL); the rest runs on every database."""
from __future__ import annotations

import asyncio
import json
import threading
import time
from collections import Counter
from datetime import date, datetime, timedelta, timezone

import pytest

from bot.config import load_settings
from bot.views.renderers import RENDERERS
from knowledge.db import database
from knowledge.models import utcnow
from scheduler.outbox import PENDING, SENT, Delivery, claim_due, enqueue, enqueue_many, record
from scheduler.pings import plan_pings
from scheduler.reminders import ReminderService
from scheduler.replicas import KNOWLEDGE, OUTBOX, Coordinator
from scheduler.sender import Sender
from tests.conftest import POSTGRES_URL
from tests.fakebotapi import FakeBotAPI
from tests.test_pings import group, make_deadline

needs_postgres = pytest.mark.skipif(not POSTGRES_URL, reason="TEST_POSTGRES_URL not set")


def postgres_only(db):
    if "postgres" not in type(db).__name__.lower():
        pytest.skip("PostgreSQL only")


async def test_two_senders_share_the_outbox_and_send_every_row_once(db):
    settings = load_settings(_env_file=None, send_rate=500, chat_interval=0.0)
    api = await FakeBotAPI(latency=0.005).start()
    bot = api.make_bot()
    try:
        enqueue_many([(-i, [{"text": f"1/2 {-i}"}, {"text": f"2/2 {-i}"}], f"notice:1:{-i}")
                      for i in range(1, 121)], kind="notice")
        a, b = (Sender(bot, settings, owner=name, window=4, renderers=RENDERERS) for name in ("a", "b"))
        await asyncio.wait_for(asyncio.gather(a.drain(), b.drain()), 30)
    finally:
        await bot.session.close()
        await api.stop()
    counts = Counter(c.chat_id for c in api.calls_of("sendMessage"))
    assert set(counts) == {-i for i in range(1, 121)} and set(counts.values()) == {2}
    assert all(api.texts_to(-i) == [f"1/2 {-i}", f"2/2 {-i}"] for i in range(1, 121))
    assert a.stats["sent"] > 20 and b.stats["sent"] > 20          # both did their share
    assert not Delivery.select().where(Delivery.claimed_by.is_null(False)).exists()


def test_a_claim_is_the_claimants_until_its_lease_expires(db):
    for i in range(1, 4):
        enqueue(-i, [{"text": "x"}], kind="ping", dedup_key=f"ping:{i}")
    now = utcnow()
    mine = claim_due("a", 2, now, now + timedelta(seconds=15))
    assert [r.chat_id for r in mine] == [-1, -2]
    assert [r.chat_id for r in claim_due("b", 5, now, now + timedelta(seconds=15))] == [-3]
    assert claim_due("b", 5, now, now + timedelta(seconds=15)) == []
    assert not record(mine[0].id, "b", status=SENT)               # not b's to record
    later = now + timedelta(seconds=16)                          # a died: its leases expire
    taken = claim_due("b", 5, later, later + timedelta(seconds=15))
    assert sorted(r.chat_id for r in taken) == [-3, -2, -1]          # b's own expired too
    assert not record(mine[1].id, "a", status=SENT)              # a came back too late
    assert record(taken[0].id, "b", status=SENT)
    assert Delivery.get_by_id(mine[1].id).status == PENDING


def fire_in_threads(services, moments) -> list:
    """Each service fires at its moment, all at once, each on its own connection."""
    results, barrier = [None] * len(services), threading.Barrier(len(services))

    def run(i):
        try:
            barrier.wait(timeout=10)
            results[i] = services[i].fire_due(moments[i])
        finally:
            database.close()
    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(services))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def test_two_processes_firing_at_once_send_each_reminder_once(db):
    """One process fires on time (one reminder due), the other late (that one and the next):
    without claims both would send the first reminder, under different batch keys."""
    postgres_only(db)
    settings = load_settings(_env_file=None, tz="Asia/Ho_Chi_Minh", admin_ids="1001")
    for i in range(300):
        group(-(i + 1), "health")
    make_deadline(date(2026, 11, 25), task="Có bác sĩ trực")        # 3 days before: 22/11 08:00
    make_deadline(date(2026, 11, 26), task="Báo cáo số ca")         # 3 days before: 23/11 08:00
    plan_pings(settings.offsets, settings.zone, settings.reminder_hour,
               datetime(2026, 11, 19, tzinfo=timezone.utc))
    on_time, late = ReminderService(settings, renderers=RENDERERS), ReminderService(settings, renderers=RENDERERS)
    results = fire_in_threads([on_time, late], [datetime(2026, 11, 22, 1, 0, tzinfo=timezone.utc),
                                                datetime(2026, 11, 23, 1, 0, tzinfo=timezone.utc)])
    assert sum(r.queued for r in results) == 2
    seen = Counter()
    for row in Delivery.select().where(Delivery.kind == "ping"):
        text = " ".join(p["text"] for p in json.loads(row.parts))
        for task in ("Có bác sĩ trực", "Báo cáo số ca"):
            seen[(row.chat_id, task)] += text.count(task)
    assert len(seen) == 600 and set(seen.values()) == {1}, Counter(seen.values())


async def until(condition, timeout: float, what: str) -> float:
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < timeout, f"timed out waiting for {what}"
        await asyncio.sleep(0.02)
    return time.monotonic() - started


async def test_one_leader_and_another_takes_over_when_it_dies(db):
    postgres_only(db)
    events = []
    coordinators = [Coordinator(POSTGRES_URL, check_interval=0.2) for _ in range(3)]
    for n, c in enumerate(coordinators):
        async def gained(n=n):
            events.append(("lead", n))

        async def lost(n=n):
            events.append(("follow", n))
        c.on_leadership(gained, lost)
    tasks = [asyncio.create_task(c.run()) for c in coordinators]
    try:
        await until(lambda: any(c.is_leader for c in coordinators), 5, "a leader")
        await asyncio.sleep(0.5)
        leaders = [n for n, c in enumerate(coordinators) if c.is_leader]
        assert len(leaders) == 1
        tasks[leaders[0]].cancel()                       # the leader's process ends
        await asyncio.gather(tasks[leaders[0]], return_exceptions=True)
        took = await until(lambda: sum(c.is_leader for c in coordinators) == 1
                           and not coordinators[leaders[0]].is_leader, 5, "a new leader")
        assert took < 1.0
        assert events[0] == ("lead", leaders[0]) and ("follow", leaders[0]) in events
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


async def test_every_process_hears_new_outbox_rows_and_notices_at_once(db):
    postgres_only(db)
    from knowledge.loader import save_document
    from knowledge.migrations import Schema
    from knowledge.migrations import m0031_change_events

    m0031_change_events.up(Schema(db))                    # the test database's tables are new
    heard = Counter()
    coordinators = [Coordinator(POSTGRES_URL, check_interval=0.2) for _ in range(2)]
    for c in coordinators:
        c.on(OUTBOX, lambda: heard.update(["outbox"]))
        c.on(KNOWLEDGE, lambda: heard.update(["knowledge"]))
    tasks = [asyncio.create_task(c.run()) for c in coordinators]
    try:
        await until(lambda: all(c._conn is not None for c in coordinators), 5, "listening")
        with database.atomic():
            enqueue_many([(-i, [{"text": "x"}], f"notice:9:{-i}") for i in range(1, 50)], kind="notice")
        took = await until(lambda: heard["outbox"] == 2, 2, "both senders woken")
        assert took < 1.0 and heard["knowledge"] == 0
        save_document({"number": "1-TB", "issuer": "UBND", "date": "2026-11-20", "title": "Thử",
                       "items": [{"text": "Các xã báo cáo trước ngày 30/11/2026."}]})
        await until(lambda: heard["knowledge"] == 2, 2, "both refreshes")
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


async def test_only_the_leader_shows_progress_and_the_next_leader_reports(db):
    """Two processes' senders (each its own Bot): the follower sends its share but never
    edits the admin's message; the leader dies before the report, the next leader sends it."""
    from knowledge.models import Chat
    from scheduler.outbox import Broadcast, delivery_counts
    from tests.mocked_bot import MockedBot

    settings = load_settings(_env_file=None, send_rate=1000, chat_interval=0.0)
    Chat.create(id=777, type="private", title="")
    b = Broadcast.create(created_by=777, admin_chat_id=777, status="sending", progress_message_id=5,
                         target_count=400, started_at=utcnow())
    enqueue_many([(-i, [{"text": f"x {i}"}], f"notice:{b.id}:{-i}") for i in range(1, 401)],
                 kind="notice", broadcast=b)
    leading = {"a": True, "b": False}
    bots = {name: MockedBot() for name in leading}
    senders = {name: Sender(bots[name], settings, owner=name, window=1, progress_interval=0.05,
                            leader=lambda name=name: leading[name], renderers=RENDERERS) for name in leading}
    tasks = {name: asyncio.create_task(s.run()) for name, s in senders.items()}
    try:
        await until(lambda: bots["a"].session.calls("editMessageText"), 10, "the leader's progress")
        assert delivery_counts(b.id)["pending"] > 0
        tasks["a"].cancel()                                # the leader dies mid-way…
        await asyncio.gather(tasks["a"], return_exceptions=True)
        await until(lambda: delivery_counts(b.id)["pending"] == 0, 10, "the rest")
        await asyncio.sleep(0.3)
        assert Broadcast.get_by_id(b.id).reported_at is None   # …and nobody leads yet
        leading["b"] = True                                # the follower takes over
        await until(lambda: Broadcast.get_by_id(b.id).reported_at is not None, 5, "the report")
    finally:
        for task in tasks.values():
            task.cancel()
        await asyncio.gather(*tasks.values(), return_exceptions=True)
    a_edits = bots["a"].session.calls("editMessageText")
    b_edits = bots["b"].session.calls("editMessageText")
    assert a_edits and all("400/400" not in e.text for e in a_edits)
    assert [e.text for e in b_edits if "400/400" in e.text] and len(b_edits) <= 2
    assert senders["b"].stats["sent"] >= 100                   # the follower sent its share
