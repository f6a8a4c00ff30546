#!/usr/bin/env python3
"""Issue 13's "done when", measured: two real `bot.py` replicas in webhook mode on one
PostgreSQL and one Redis, against the fake Bot API enforcing Telegram's limits (30
messages/s overall, 1/s per chat, 20/min per group). An admin pushes a notice to 1,500
groups through one replica and presses Send on the other; a reminder to 300 of the groups
falls due during the broadcast; the scheduler's leader is killed (SIGKILL) mid-way and
started again 5 s later. Printed: copies per group, the most messages the API saw in any
second, how long the survivor paused and took to lead, when the killed replica's claims
were taken over, and whether the final report reached the admin.

    python benchmarks/bench_replicas.py --postgres postgresql://postgres@127.0.0.1:5432/loa_bench \\
        --redis redis://127.0.0.1:6379/3 [--quick]

The PostgreSQL database is emptied first (created when missing): never point it at real data.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import secrets
import signal
import sys
import tempfile
import time
from collections import Counter

import aiohttp

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from knowledge.db import close_database, open_database  # noqa: E402
from scheduler.outbox import PENDING, Delivery  # noqa: E402
from tests.e2e_replicas_kit import (ADMIN, REMINDER_TASK, SECRET, Replica, empty_postgres,  # noqa: E402
                                    healthy, max_per_second, prepare, push_on_one_send_on_other, until)
from tests.fakebotapi import FakeBotAPI  # noqa: E402


async def run(args) -> None:
    db_url = empty_postgres(args.postgres)
    prepare(db_url, args.groups, reminded=args.reminded, reminder_in=args.reminder_in)
    token = f"{secrets.randbelow(10**9) + 10**9}:BENCH-replicas"
    api = await FakeBotAPI(token=token, rate_limit=args.rate, chat_interval=1.0,
                           group_per_minute=20, latency=args.latency).start()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "TELEGRAM_", "WEBHOOK_"))}
    env.update(BOT_TOKEN=token, TELEGRAM_API_URL=api.url, DATABASE_URL=db_url, REDIS_URL=args.redis,
               REPLICAS="2", WEBHOOK_URL="https://loa.example/hook", WEBHOOK_SECRET=SECRET,
               WEBHOOK_HOST="127.0.0.1", SEND_RATE=str(args.rate), ADMIN_IDS=str(ADMIN),
               PYTHONPATH=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    folder = tempfile.mkdtemp(prefix="bench-replicas-")
    replicas = [Replica(name, env, folder) for name in ("a", "b")]
    http = aiohttp.ClientSession()
    open_database(db_url)
    try:
        for r in replicas:
            await r.start()
        started = time.monotonic()

        async def both_up():
            return [await healthy(http, r) for r in replicas] == [True, True]
        await until(both_up, 120, "both replicas", replicas)
        print(f"both replicas answering /healthz {time.monotonic() - started:.1f} s after start")

        await push_on_one_send_on_other(http, replicas)
        pressed = time.monotonic()

        def notices():
            return Counter(c.chat_id for c in api.calls_of("sendMessage")
                           if c.chat_id < 0 and "bão số 3" in c.params["text"])

        def reminders():
            return Counter(c.chat_id for c in api.calls_of("sendMessage")
                           if c.chat_id < 0 and REMINDER_TASK in c.params["text"])

        async def midway():
            return sum(notices().values()) >= args.groups * args.kill_at
        await until(midway, 300, "the first sends", replicas)
        leaders = [(await r.get(http, "/healthz"))[1]["leader"] for r in replicas]
        victim = replicas[leaders.index(True)] if True in leaders else replicas[0]
        survivor = replicas[1] if victim is replicas[0] else replicas[0]
        victim_pid = victim.proc.pid
        victim.proc.send_signal(signal.SIGKILL)
        await victim.proc.wait()
        killed = time.monotonic()
        sent_at_kill = sum(notices().values())
        held = Delivery.select().where(Delivery.claimed_by.contains(f":{victim_pid}:"),
                                       Delivery.status == PENDING)
        print(f"killed replica {victim.name} (the leader) {killed - pressed:.1f} s after Send, "
              f"{sent_at_kill} notices out, {held.count()} rows claimed by it")

        async def survivor_leads():
            return (await survivor.get(http, "/healthz"))[1]["leader"] is True
        await until(survivor_leads, 120, "the survivor to lead", [survivor])
        leads_after = time.monotonic() - killed
        await asyncio.sleep(max(0.0, 5.0 - (time.monotonic() - killed)))
        await victim.start()
        restarted = time.monotonic()
        back_at: list[float] = []

        async def back_up():
            await until(lambda: healthy(http, victim), 120, "the restarted replica", [victim])
            back_at.append(time.monotonic())
        back = asyncio.create_task(back_up())

        async def released():
            return not held.exists()
        await until(released, 120, "the killed replica's rows", [survivor])
        taken_over = time.monotonic() - killed

        async def everything():
            return len(notices()) == args.groups and len(reminders()) == args.reminded
        await until(everything, 600, "every notice and reminder", replicas)
        finished = time.monotonic()

        async def reported():
            return any(f"{args.groups}/{args.groups}" in c.params.get("text", "") for c in api.calls
                       if c.chat_id == ADMIN and c.status == 200)
        await until(reported, 60, "the final report", replicas)
        await back
        back_after = back_at[0] - restarted
    finally:
        close_database()
        await http.close()
        for r in replicas:
            await r.stop()
        await api.stop()

    n, m = notices(), reminders()
    after = sorted(c.at for c in api.calls_of("sendMessage") if c.at > killed)
    gaps = [b - a for a, b in zip([killed] + after, after)]
    accepted = [c.at for c in api.calls if c.status == 200 and c.method in ("sendMessage", "editMessageText")]
    attempted = [c.at for c in api.calls if c.method in ("sendMessage", "editMessageText")]
    print(f"notice: {len(n)}/{args.groups} groups; copies per group {dict(sorted(Counter(n.values()).items()))}")
    print(f"reminder: {len(m)}/{args.reminded} groups; copies per group {dict(sorted(Counter(m.values()).items()))}")
    print(f"most messages in any second: {max_per_second(accepted)} accepted, {max_per_second(attempted)} "
          f"attempted (limit {args.rate:g}); 429s from the limits: {api.limit_429s} {dict(api.limit_reasons)}")
    print(f"survivor: longest pause in sending after the kill {max(gaps):.2f} s; leads "
          f"{leads_after:.1f} s after the kill; the killed replica's rows taken over "
          f"{taken_over:.1f} s after the kill (OUTBOX_LEASE 15 s); restarted replica healthy "
          f"{back_after:.1f} s after its start")
    print(f"all delivered {finished - pressed:.1f} s after Send "
          f"({(sum(n.values()) + sum(m.values())) / (finished - pressed):.1f} messages/s); logs in {folder}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--postgres", required=True, help="a PostgreSQL database URL (it is emptied)")
    ap.add_argument("--redis", required=True, help="redis://host:port/db")
    ap.add_argument("--groups", type=int, default=1500)
    ap.add_argument("--reminded", type=int, default=300, help="groups the reminder goes to")
    ap.add_argument("--reminder-in", type=float, default=45.0, help="seconds until it is due")
    ap.add_argument("--rate", type=float, default=30.0, help="the fake's limit and SEND_RATE")
    ap.add_argument("--latency", type=float, default=0.1, help="seconds per API round trip")
    ap.add_argument("--kill-at", type=float, default=0.4, help="share of the notices out at the kill")
    ap.add_argument("--quick", action="store_true", help="300 groups, 60 reminded 20 s after the push")
    args = ap.parse_args()
    if args.quick:
        args.groups, args.reminded, args.reminder_in = 300, 60, 20.0
    asyncio.run(run(args))


if __name__ == "__main__":
    main()
