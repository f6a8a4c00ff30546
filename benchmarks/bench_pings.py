#!/usr/bin/env python3
"""Deadline reminders at scale: plan pings for 100,000 deadlines across 10,000 groups, and
measure how late bursts of pings fire on the real AsyncIOScheduler with the system clock.

    python benchmarks/bench_pings.py [--deadlines 100000] [--groups 10000] [--burst 20] [--bursts 3]
    python benchmarks/bench_pings.py --quick     # 5,000 deadlines, 500 groups, one burst (the test suite)

Everything happens in a temporary SQLite database (the program's own pragmas); the outbox
is the real one (`scheduler.outbox.enqueue`), with no network behind it. Targets (issue 5):
planning ≤ 10 s, firing ≤ 1 s late.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from datetime import datetime, time as dtime, timedelta, timezone

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from peewee import chunked  # noqa: E402

from bot.config import Settings  # noqa: E402
from bot.views.renderers import RENDERERS  # noqa: E402
from knowledge.db import close_database, database, open_database  # noqa: E402
from knowledge.models import (Chat, Deadline, DeadlineUnit, Document, Item, Subscription,  # noqa: E402
                              Unit)
from knowledge.units import UNITS  # noqa: E402
from scheduler.outbox import Delivery  # noqa: E402
from scheduler.clock import naive_utc  # noqa: E402
from scheduler.pings import EXTRA_TIMED_OFFSET, PLANNED, Ping, plan_pings  # noqa: E402
from scheduler.reminders import ReminderService  # noqa: E402


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build_data(n_deadlines: int, n_groups: int, rng: random.Random) -> None:
    """Synthetic deadlines over the coming year (a third with a time of day), each for 1–3
    units; groups subscribed to 1–3 units (one in fifty to "all")."""
    today = datetime.now(timezone.utc).date()
    with database.atomic():
        for u in UNITS:
            Unit.create(code=u.code, name_vi=u.name_vi, name_en=u.name_en)
        unit_ids = [u.id for u in Unit.select(Unit.id)]
        per_doc, per_item = 100, 10
        n_items = (n_deadlines + per_item - 1) // per_item
        n_docs = (n_items + per_doc - 1) // per_doc
        Document.insert_many([{"key": f"bench-{i}", "number": f"{i}-TB/VPTU", "kind": "Thông báo kết luận",
                               "issuer": "Văn phòng Tỉnh ủy", "title": f"Kết luận số {i}"}
                              for i in range(n_docs)]).execute()
        doc_ids = [d.id for d in Document.select(Document.id).order_by(Document.id)]
        items = [{"document": doc_ids[i // per_doc], "position": i % per_doc + 1,
                  "number": str(i % per_doc + 1), "text": f"Nhiệm vụ {i}"} for i in range(n_items)]
        for batch in chunked(items, 5000):
            Item.insert_many(batch).execute()
        item_ids = [i.id for i in Item.select(Item.id).order_by(Item.id)]
        deadlines = []
        for i in range(n_deadlines):
            due = today + timedelta(days=rng.randint(1, 365))
            due_time = dtime(rng.choice((8, 10, 14, 16, 17)), rng.choice((0, 30))) if rng.random() < 0.33 else None
            deadlines.append((item_ids[i // per_item], due, due_time, "by", f"trước ngày {due:%d/%m/%Y}",
                              f"Hoàn thành nhiệm vụ {i}", f"Complete task {i}"))
        fields = [Deadline.item, Deadline.due_date, Deadline.due_time, Deadline.kind, Deadline.phrase,
                  Deadline.task, Deadline.task_en]
        for batch in chunked(deadlines, 5000):
            Deadline.insert_many(batch, fields=fields).execute()
        links = []
        for (deadline_id,) in Deadline.select(Deadline.id).tuples():
            for unit_id in rng.sample(unit_ids, rng.randint(1, 3)):
                links.append((deadline_id, unit_id))
        for batch in chunked(links, 10000):
            DeadlineUnit.insert_many(batch, fields=[DeadlineUnit.deadline, DeadlineUnit.unit]).execute()
        chats = [(-1_000_000 - g, "group", f"Nhóm {g}", "vi" if g % 5 else "en") for g in range(n_groups)]
        for batch in chunked(chats, 5000):
            Chat.insert_many(batch, fields=[Chat.id, Chat.type, Chat.title, Chat.lang]).execute()
        codes = [u.code for u in UNITS]
        subs = []
        for chat_id, *_ in chats:
            units = ["all"] if rng.random() < 0.02 else rng.sample(codes, rng.randint(1, 3))
            subs += [(chat_id, code) for code in units]
        for batch in chunked(subs, 10000):
            Subscription.insert_many(batch, fields=[Subscription.chat, Subscription.unit]).execute()


class OutboxOnly:
    """The Sender's side the service uses; nothing leaves the process."""

    def __init__(self):
        self.notified = 0

    def notify(self):
        self.notified += 1


async def measure_bursts(settings: Settings, n_bursts: int, per_burst: int, rng: random.Random) -> list[dict]:
    """Add `per_burst` deadlines whose extra reminder (EXTRA_TIMED_OFFSET before their time of
    day) falls at the same moment, `n_bursts` times a second apart, plan them with the real
    planner, start the real service (AsyncIOScheduler + SystemClock), and time each firing.
    The pings stay where the planner put them, so the start-up re-plan leaves them alone."""
    base = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(seconds=4)
    fire_times = [base + timedelta(seconds=b) for b in range(n_bursts)]
    unit, n = EXTRA_TIMED_OFFSET
    lead = timedelta(hours=n) if unit == "h" else timedelta(minutes=n)
    item = Item.select(Item.id).order_by(Item.id).first()
    unit_ids = [u.id for u in Unit.select(Unit.id)]
    with database.atomic():
        for at in fire_times:
            due = (at + lead).astimezone(settings.zone)
            for k in range(per_burst):
                deadline = Deadline.create(item=item, due_date=due.date(), due_time=due.time(), kind="by",
                                           phrase=f"trước {due:%H:%M:%S} ngày {due:%d/%m/%Y}",
                                           task=f"Việc gấp {k}", task_en=f"Urgent task {k}")
                DeadlineUnit.insert_many([(deadline.id, u) for u in rng.sample(unit_ids, rng.randint(1, 3))],
                                         fields=[DeadlineUnit.deadline, DeadlineUnit.unit]).execute()
    plan_pings(settings.offsets, settings.zone, settings.reminder_hour, datetime.now(timezone.utc))
    label = f"{n}{unit}"
    for at in fire_times:
        planned = Ping.select().where(Ping.label == label, Ping.fire_at == naive_utc(at),
                                      Ping.status == PLANNED).count()
        assert planned == per_burst, f"planner put {planned} of {per_burst} pings at {at:%H:%M:%S}"

    records: list[dict] = []
    service = ReminderService(settings, OutboxOnly(), renderers=RENDERERS)
    real_fire = service.fire_due

    def timed_fire(now=None):
        started = datetime.now(timezone.utc)
        before = Delivery.select().count()
        result = real_fire(now)
        finished = datetime.now(timezone.utc)
        if result.queued:
            due = max((at for at in fire_times if at <= started), default=started)
            records.append({"fire_at": due, "start_late": (started - due).total_seconds(),
                            "enqueued_late": (finished - due).total_seconds(), "pings": result.queued,
                            "deliveries": Delivery.select().count() - before})
        return result

    service.fire_due = timed_fire
    service.start()
    try:
        jobs = {j.id for j in service.scheduler.get_jobs()}
        assert all(f"fire:{at:%Y%m%dT%H%M%S}" in jobs for at in fire_times), "burst jobs not scheduled"
        deadline = fire_times[-1] + timedelta(seconds=30)
        while len(records) < n_bursts and datetime.now(timezone.utc) < deadline:
            await asyncio.sleep(0.05)
    finally:
        await service.stop()
    return records


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--deadlines", type=int, default=100_000)
    ap.add_argument("--groups", type=int, default=10_000)
    ap.add_argument("--burst", type=int, default=20, help="deadlines whose ping fires at the same moment")
    ap.add_argument("--bursts", type=int, default=3, help="bursts, one second apart")
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--quick", action="store_true", help="a small run for the test suite")
    args = ap.parse_args()
    if args.quick:
        args.deadlines, args.groups, args.bursts = 5_000, 500, 1
    rng = random.Random(args.seed)
    settings = Settings(_env_file=None, tz="Asia/Ho_Chi_Minh", reminder_offsets="3d,1d,0d")

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "bench.db")
        open_database(f"sqlite:///{path}")
        t0 = time.perf_counter()
        build_data(args.deadlines, args.groups, rng)
        print(f"data: {args.deadlines:,} deadlines, {args.groups:,} groups, "
              f"{Subscription.select().count():,} subscriptions, {DeadlineUnit.select().count():,} "
              f"deadline-unit links ({time.perf_counter() - t0:.1f} s to build)")

        now = datetime.now(timezone.utc)
        rss_before = rss_mb()
        t0 = time.perf_counter()
        added = plan_pings(settings.offsets, settings.zone, settings.reminder_hour, now)
        plan_s = time.perf_counter() - t0
        print(f"planning: {added:,} ledger rows in {plan_s:.2f} s "
              f"(target ≤ 10 s: {'OK' if plan_s <= 10 else 'MISSED'}); "
              f"max RSS {rss_before:.0f} → {rss_mb():.0f} MB")
        t0 = time.perf_counter()
        again = plan_pings(settings.offsets, settings.zone, settings.reminder_hour, now)
        print(f"re-plan with nothing new (the once-a-minute resync): {again} rows in "
              f"{(time.perf_counter() - t0) * 1000:.0f} ms")

        Ping.delete().execute()
        tracemalloc.start()
        plan_pings(settings.offsets, settings.zone, settings.reminder_hour, now)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"planning memory: Python heap peak {peak / 2**20:.0f} MB (tracemalloc, second run)")
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        print(f"ledger: {Ping.select().count():,} rows; database file {os.path.getsize(path) / 2**20:.0f} MB")

        records = asyncio.run(measure_bursts(settings, args.bursts, args.burst, rng))
        for r in records:
            print(f"burst at {r['fire_at']:%H:%M:%S}: {r['pings']} pings → {r['deliveries']:,} deliveries; "
                  f"job started {r['start_late'] * 1000:.0f} ms late, all enqueued {r['enqueued_late']:.2f} s "
                  f"after the fire time")
        if len(records) < args.bursts:
            print(f"only {len(records)} of {args.bursts} bursts fired")
        worst_start = max((r["start_late"] for r in records), default=float("inf"))
        worst_done = max((r["enqueued_late"] for r in records), default=float("inf"))
        print(f"firing lateness: worst job start {worst_start * 1000:.0f} ms, worst time until every "
              f"delivery is in the outbox {worst_done:.2f} s (target ≤ 1 s: "
              f"{'OK' if worst_done <= 1 else 'MISSED'})")
        close_database()
    return 0


if __name__ == "__main__":
    sys.exit(main())
