#!/usr/bin/env python3
"""Push one notice to N groups through the outbox, against the fake Bot API enforcing
Telegram's 30 messages/s (a 429 beyond it) with a real API's round trip, and print the
achieved rate as a fraction of the limit (target >= 0.9), the 429s and peak memory.

    python benchmarks/bench_delivery.py              # 10,000 groups, about 6 minutes
    python benchmarks/bench_delivery.py --quick      # 600 groups, about 25 seconds
    python benchmarks/bench_delivery.py --groups 2000 --rate 30 --latency 0.1
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import os
import resource
import sys
import tempfile
import time
import tracemalloc

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from bot.config import load_settings  # noqa: E402
from bot.logs import setup_logging  # noqa: E402
from knowledge.db import close_database, database, open_database  # noqa: E402
from knowledge.models import Chat, Subscription, utcnow  # noqa: E402
from scheduler.outbox import Broadcast, delivery_counts, enqueue_many  # noqa: E402
from scheduler.sender import DEFAULT_WINDOW, Sender  # noqa: E402
from tests.fakebotapi import MESSAGE_METHODS, FakeBotAPI  # noqa: E402

ADMIN = 777
NOTICE = ("📣 <b>Thông báo mới</b>\n<b>Thông báo kết luận số 102-TB/VPTU</b>\n"
          + "Các địa phương tiếp tục thực hiện nghiêm các biện pháp phòng, chống dịch. " * 20)


def prepare(groups: int) -> tuple[int, float]:
    """Register the groups and enqueue the broadcast as /push does; returns (broadcast id, seconds)."""
    started = time.perf_counter()
    with database.atomic():
        Chat.insert_many([{"id": -(i + 1), "type": "group", "title": f"Group {i}"}
                          for i in range(groups)]).execute()
        Subscription.insert_many([{"chat": -(i + 1), "unit": "all"} for i in range(groups)]).execute()
        broadcast = Broadcast.create(created_by=ADMIN, admin_chat_id=ADMIN, status="sending",
                                     progress_message_id=1, target_count=groups, started_at=utcnow())
        enqueue_many([(-(i + 1), [{"text": NOTICE}], f"notice:{broadcast.id}:{-(i + 1)}")
                      for i in range(groups)], kind="notice", broadcast=broadcast)
    return broadcast.id, time.perf_counter() - started


async def bench(groups: int, rate: float, latency: float, window: int | None) -> None:
    api = await FakeBotAPI(rate_limit=rate, chat_interval=1.0, group_per_minute=20,
                           latency=latency).start()
    bot = api.make_bot()
    settings = load_settings(send_rate=rate)
    broadcast_id, enqueue_s = prepare(groups)
    print(f"groups: {groups}; enqueued in {enqueue_s:.2f} s "
          f"({groups / enqueue_s:,.0f} rows/s); limit {rate:g} messages/s; "
          f"API round trip {latency * 1000:.0f} ms; window {sender_window(window)}")

    sender = Sender(bot, settings, window=window)
    started = time.perf_counter()
    running = asyncio.create_task(sender.run())
    while Broadcast.get_by_id(broadcast_id).status != "done":
        await asyncio.sleep(0.2)
    total = time.perf_counter() - started
    running.cancel()
    await asyncio.gather(running, return_exceptions=True)
    await bot.session.close()
    await api.stop()

    accepted = [c for c in api.calls if c.method in MESSAGE_METHODS and c.status == 200]
    sends = [c for c in accepted if c.method == "sendMessage"]
    # Over the sending itself, first to last notice; progress edits in between count too.
    first, last = sends[0].at, sends[-1].at
    in_span = [c for c in accepted if first <= c.at <= last]
    achieved = (len(in_span) - 1) / (last - first) if last > first else 0.0
    counts = delivery_counts(broadcast_id)
    print(f"delivered: {counts['sent']}/{counts['total']} (failed {counts['failed']}, "
          f"blocked {counts['blocked']}); messages accepted: {len(sends)} sends + "
          f"{len(accepted) - len(sends)} progress edits")
    print(f"achieved rate: {achieved:.2f} messages/s = {achieved / rate:.3f} of the limit "
          f"(target >= 0.9)")
    print(f"429s received: {sender.stats['retry_after']} "
          f"(of which the fake's rate limits: {api.limit_429s})")
    print(f"total time: {total:.1f} s; duplicates: {len(sends) - len({c.chat_id for c in sends})}")
    current, peak = tracemalloc.get_traced_memory()
    print(f"peak memory: Python heap {peak / 2**20:.1f} MiB (tracemalloc), process RSS "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f} MiB "
          "(includes the fake server)")


def sender_window(window: int | None) -> int:
    return window or DEFAULT_WINDOW


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--groups", type=int, default=10_000)
    ap.add_argument("--quick", action="store_true", help="600 groups")
    ap.add_argument("--rate", type=float, default=30.0, help="the fake's limit and SEND_RATE")
    ap.add_argument("--window", type=int, default=None, help="API calls in flight (default: the Sender's)")
    ap.add_argument("--latency", type=float, default=0.1, help="seconds per API round trip")
    args = ap.parse_args()
    groups = 600 if args.quick else args.groups
    setup_logging(level=logging.WARNING)
    with tempfile.TemporaryDirectory() as folder:
        open_database(f"sqlite:///{folder}/bench.db")
        if not os.environ.get("NO_TRACEMALLOC"):
            tracemalloc.start()
        try:
            asyncio.run(bench(groups, args.rate, args.latency, args.window))
        finally:
            close_database()


if __name__ == "__main__":
    main()
