"""Two real `bot.py` replicas in webhook mode on one PostgreSQL and one Redis, against the fake
Bot API enforcing Telegram's limits (raised, with SEND_RATE, so the test takes seconds):
an admin pushes a notice to 1,000 groups through one replica and presses Send on the other;
a reminder falls due for the same groups; the scheduler's leader is killed mid-way
(SIGKILL). Every group gets the notice and the reminder once (repeats
only for the messages in flight at the kill), the API never sees more than its limit in
any second, the survivor carries on within seconds, takes the lead and reports to the
admin. (benchmarks/bench_replicas.py also restarts the killed one, at Telegram's real
limits.) Needs TEST_POSTGRES_URL and TEST_REDIS_URL."""
from __future__ import annotations

import os
import secrets
import signal
import time
from collections import Counter

import aiohttp
import pytest

from knowledge.db import close_database, open_database
from tests.conftest import REDIS_URL, ROOT, fresh_postgres_database
from tests.e2e_replicas_kit import (ADMIN, REMINDER_TASK, SECRET, Replica, healthy, max_per_second,
                                    prepare, push_on_one_send_on_other, until)
from tests.fakebotapi import FakeBotAPI

GROUPS = 1000
RATE = 200              # the fake's limit and SEND_RATE

pytestmark = pytest.mark.skipif(not REDIS_URL, reason="TEST_REDIS_URL not set")


async def test_two_replicas_one_killed_every_group_gets_it_once(tmp_path):
    db_url = fresh_postgres_database("e2e_replicas")
    prepare(db_url, GROUPS)
    token = f"{secrets.randbelow(10**9) + 10**9}:REPLICA-test"      # a Redis prefix of its own
    api = await FakeBotAPI(token=token, rate_limit=RATE, chat_interval=1.0, group_per_minute=20).start()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "TELEGRAM_", "WEBHOOK_"))}
    env.update(BOT_TOKEN=token, TELEGRAM_API_URL=api.url, DATABASE_URL=db_url, REDIS_URL=REDIS_URL,
               REPLICAS="2", WEBHOOK_URL="http://127.0.0.1:8443/hook", WEBHOOK_SECRET=SECRET,
               WEBHOOK_HOST="127.0.0.1", SEND_RATE=str(RATE), OUTBOX_LEASE="3",
               ADMIN_IDS=str(ADMIN), PYTHONPATH=ROOT)
    replicas = [Replica(name, env, str(tmp_path)) for name in ("a", "b")]
    http = aiohttp.ClientSession()
    try:
        for r in replicas:
            await r.start()

        async def both_healthy():
            return [await healthy(http, r) for r in replicas] == [True, True]
        await until(both_healthy, 60, "both replicas", replicas)

        open_database(db_url)
        try:
            await push_on_one_send_on_other(http, replicas)      # /push on one, Send on the other

            def sends():
                return [c for c in api.calls_of("sendMessage") if c.chat_id < 0]

            async def halfway():
                return len(sends()) >= GROUPS * 0.6
            await until(halfway, 30, "the first sends", replicas)
            statuses = [(await r.get(http, "/healthz"))[1]["leader"] for r in replicas]
            assert statuses.count(True) == 1
            leader = replicas[statuses.index(True)]
            survivor = replicas[1 - statuses.index(True)]
            leader.proc.send_signal(signal.SIGKILL)          # the leader dies mid-way
            await leader.proc.wait()
            killed_at = time.monotonic()

            def delivered():
                notices = Counter(c.chat_id for c in sends() if "bão số 3" in c.params["text"])
                reminders = Counter(c.chat_id for c in sends() if REMINDER_TASK in c.params["text"])
                return notices, reminders

            async def everyone_twice():
                notices, reminders = delivered()
                return len(notices) == GROUPS and len(reminders) == GROUPS
            await until(everyone_twice, 60, "every group's notice and reminder", [survivor])
            after = sorted(c.at for c in api.calls_of("sendMessage") if c.at > killed_at)
            gaps = [b - a for a, b in zip([killed_at] + after, after)]

            async def reported():
                return any(f"{GROUPS}/{GROUPS}" in c.params.get("text", "") for c in api.calls
                           if c.chat_id == ADMIN and c.status == 200)
            await until(reported, 20, "the final report from the new leader", [survivor])
            assert (await survivor.get(http, "/healthz"))[1]["leader"] is True
        finally:
            close_database()
    finally:
        await http.close()
        for r in replicas:
            await r.stop()
        await api.stop()

    notices, reminders = delivered()
    repeats = sum(n - 1 for n in notices.values()) + sum(n - 1 for n in reminders.values())
    accepted = [c.at for c in api.calls if c.status == 200 and c.method in ("sendMessage", "editMessageText")]
    print(f"\n{GROUPS} groups: notice repeats {sum(n - 1 for n in notices.values())}, reminder repeats "
          f"{sum(n - 1 for n in reminders.values())}; most sends in one second {max_per_second(accepted)} "
          f"(limit {RATE}); longest pause after the kill {max(gaps):.2f} s; 429s {api.limit_429s}")
    assert set(notices) == set(reminders) == {-i for i in range(1, GROUPS + 1)}
    assert repeats <= 12                      # only what the killed replica had in flight
    assert api.limit_429s == 0 and max_per_second(accepted) <= RATE
    assert max(gaps) < 5.0
