#!/usr/bin/env python3
"""Push one notice to N groups through the outbox, against the fake Bot API enforcing
Telegram's 30 messages/s (a 429 beyond it) with a real API's round trip, and print the
achieved rate as a fraction of the limit (target >= 0.9), the 429s and peak memory.

Side by side in one run, for each round trip: the sender as it is (calls in flight follow
the measured round trip) and the reference of a fixed window of 4 calls in flight (the
sender before; it caps at 4 ÷ round trip).

With --replies N, N people get a reply in the middle of the broadcast, twice: through the
same gate as the broadcast (one budget, replies first: what the bot does) and through a
gate of their own (replies outside the budget). Printed: how long the replies took, the
429s, and the broadcast's rate.

    python benchmarks/bench_delivery.py                  # 10,000 groups at 100 and 300 ms
    python benchmarks/bench_delivery.py --quick          # 90 groups, 100 ms only (the test suite)
    python benchmarks/bench_delivery.py --groups 2000 --latency 0.3 --replies 300
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import os
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from bot.config import load_settings  # noqa: E402
from bot.logs import setup_logging  # noqa: E402
from bot.views.renderers import RENDERERS  # noqa: E402
from knowledge.db import close_database, database, open_database  # noqa: E402
from knowledge.models import Chat, Subscription, utcnow  # noqa: E402
from scheduler.clock import SystemClock  # noqa: E402
from scheduler.gate import Gate, install_gate  # noqa: E402
from scheduler.limits import Budget, LocalLimits  # noqa: E402
from scheduler.outbox import Broadcast, Delivery, delivery_counts, enqueue_many  # noqa: E402
from scheduler.sender import Sender  # noqa: E402
from tests.fakebotapi import MESSAGE_METHODS, FakeBotAPI  # noqa: E402

ADMIN = 777
REFERENCE_WINDOW = 4
NOTICE = ("📣 <b>Thông báo mới</b>\n<b>Thông báo kết luận số 102-TB/VPTU</b>\n"
          + "Các địa phương tiếp tục thực hiện nghiêm các biện pháp phòng, chống dịch. " * 20)


def prepare(groups: int) -> tuple[int, float]:
    """Register the groups and enqueue the broadcast as /push does; returns (broadcast id, seconds)."""
    started = time.perf_counter()
    with database.atomic():
        Delivery.delete().execute()
        Broadcast.delete().execute()
        Subscription.delete().execute()
        Chat.delete().execute()
        Chat.insert_many([{"id": -(i + 1), "type": "group", "title": f"Group {i}"}
                          for i in range(groups)]).execute()
        Subscription.insert_many([{"chat": -(i + 1), "unit": "all"} for i in range(groups)]).execute()
        broadcast = Broadcast.create(created_by=ADMIN, admin_chat_id=ADMIN, status="sending",
                                     progress_message_id=1, target_count=groups, started_at=utcnow())
        enqueue_many([(-(i + 1), [{"text": NOTICE}], f"notice:{broadcast.id}:{-(i + 1)}")
                      for i in range(groups)], kind="notice", broadcast=broadcast)
    return broadcast.id, time.perf_counter() - started


async def bench(groups: int, rate: float, latency: float, window: int | None, replies: int = 0,
                replies_share: bool = True) -> dict:
    api = await FakeBotAPI(rate_limit=rate, chat_interval=1.0, group_per_minute=20,
                           latency=latency).start()
    bot = api.make_bot()
    settings = load_settings(_env_file=None, send_rate=rate)
    broadcast_id, enqueue_s = prepare(groups)
    sender = Sender(bot, settings, window=window, renderers=RENDERERS)
    reply_bot = bot
    if replies and not replies_share:             # replies through a gate of their own
        reply_bot = api.make_bot()
        clock = SystemClock()
        install_gate(reply_bot, Gate(LocalLimits(Budget.from_settings(settings), clock), clock))
    started = time.perf_counter()
    running = asyncio.create_task(sender.run())
    reply_times: list[float] = []
    replying = None
    windows = []
    while Broadcast.get_by_id(broadcast_id).status != "done":
        await asyncio.sleep(0.2)
        windows.append(sender.window)
        if replies and replying is None and time.perf_counter() - started > 3.0:
            replying = asyncio.create_task(_replies(reply_bot, replies, reply_times))
    total = time.perf_counter() - started
    if replying is not None:
        await replying
    running.cancel()
    await asyncio.gather(running, return_exceptions=True)
    await bot.session.close()
    if reply_bot is not bot:
        await reply_bot.session.close()
    await api.stop()

    accepted = [c for c in api.calls if c.method in MESSAGE_METHODS and c.status == 200]
    sends = [c for c in accepted if c.method == "sendMessage" and c.chat_id < 0]
    first, last = sends[0].at, sends[-1].at
    in_span = [c for c in accepted if first <= c.at <= last]
    achieved = (len(in_span) - 1) / (last - first) if last > first else 0.0
    counts = delivery_counts(broadcast_id)
    return {"groups": groups, "rate": rate, "latency": latency, "enqueue_s": enqueue_s,
            "window": window or "adaptive", "windows": windows, "delivered": counts, "sends": len(sends),
            "edits": len(accepted) - len(sends) - len(reply_times), "achieved": achieved,
            "fraction": achieved / rate, "limit_429s": api.limit_429s, "total": total,
            "retry_after": sender.stats["retry_after"], "replies": reply_times,
            "duplicates": len(sends) - len({c.chat_id for c in sends}),
            "round_trip": sender.gate.round_trip.seconds}


async def _replies(bot, n: int, times: list[float]) -> None:
    """n people each get a reply now (as handlers would send them); their latencies."""
    async def one(user_id: int):
        started = time.perf_counter()
        await bot.send_message(user_id, "Trả lời câu hỏi")
        times.append(time.perf_counter() - started)
    await asyncio.gather(*(one(10_000 + i) for i in range(n)))


def report(r: dict) -> None:
    c = r["delivered"]
    seen = sorted(set(r["windows"])) if r["window"] == "adaptive" else [r["window"]]
    print(f"  window {r['window']} (in flight: {min(seen)}–{max(seen)}; measured round trip "
          f"{r['round_trip'] * 1000:.0f} ms): delivered {c['sent']}/{c['total']} in {r['total']:.1f} s; "
          f"achieved {r['achieved']:.2f} messages/s = {r['fraction']:.3f} of the limit; "
          f"429s {r['limit_429s']}; duplicates {r['duplicates']}")
    if r["replies"]:
        times = sorted(r["replies"])
        print(f"    {len(times)} replies: median {statistics.median(times):.2f} s, "
              f"slowest {times[-1]:.2f} s")


async def main_async(args) -> None:
    groups = 90 if args.quick else args.groups
    for latency in args.latency:
        print(f"\n{groups} groups; limit {args.rate:g} messages/s; API round trip "
              f"{latency * 1000:.0f} ms")
        for window in (args.window, REFERENCE_WINDOW):
            report(await bench(groups, args.rate, latency, window))
        if args.replies:
            for share in (True, False):
                print(f"  {args.replies} replies during the broadcast, "
                      + ("same budget, replies first (the bot):" if share else "a budget of their own:"))
                report(await bench(groups, args.rate, latency, args.window, args.replies, share))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--groups", type=int, default=10_000)
    ap.add_argument("--quick", action="store_true", help="90 groups, 100 ms round trip only")
    ap.add_argument("--rate", type=float, default=30.0, help="the fake's limit and SEND_RATE")
    ap.add_argument("--window", type=int, default=None, help="most calls in flight (default: SEND_WINDOW)")
    ap.add_argument("--latency", type=float, action="append",
                    help="seconds per API round trip (repeatable; default 0.1 and 0.3)")
    ap.add_argument("--replies", type=int, default=0, help="replies sent in the middle of the broadcast")
    args = ap.parse_args()
    args.latency = args.latency or ([0.1] if args.quick else [0.1, 0.3])
    setup_logging(level=logging.ERROR)        # 429 warnings of the comparison runs would drown the figures
    with tempfile.TemporaryDirectory() as folder:
        open_database(f"sqlite:///{folder}/bench.db")
        if not os.environ.get("NO_TRACEMALLOC") and not args.quick:     # it slows everything 2-3×
            tracemalloc.start()
        try:
            asyncio.run(main_async(args))
        finally:
            close_database()
    if tracemalloc.is_tracing():
        current, peak = tracemalloc.get_traced_memory()
        print(f"\npeak memory: Python heap {peak / 2**20:.1f} MiB (tracemalloc), process RSS "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MiB "
              "(includes the fake server)")


if __name__ == "__main__":
    main()
