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

import asyncio
import os
import secrets
import signal
import sys
import time
from collections import Counter
from datetime import date, datetime, timedelta, timezone

import aiohttp
import pytest

from knowledge.db import close_database, database, open_database
from knowledge.loader import ensure_seeded
from knowledge.models import Chat, Deadline, DeadlineUnit, Document, Item, Subscription, Unit
from scheduler.outbox import Broadcast
from scheduler.pings import PLANNED, Ping
from tests.conftest import REDIS_URL, ROOT, fresh_postgres_database
from tests.fakebotapi import FakeBotAPI, free_port

GROUPS = 1000
RATE = 200              # the fake's limit and SEND_RATE
ADMIN = 555
SECRET = "replica-secret"
NOTICE = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 12/TB-UBND\nTHÔNG BÁO\nVề việc ứng phó bão số 3\n"
          "1. Các trạm y tế xã trực cấp cứu 24/24 giờ trước ngày 30/11/2099.\n"
          "2. Các trường học cho học sinh nghỉ học.\n")
REMINDER_TASK = "Sơ tán dân khỏi vùng trũng"

pytestmark = pytest.mark.skipif(not REDIS_URL, reason="TEST_REDIS_URL not set")


def prepare(db_url: str) -> None:
    """1,000 subscribed groups, and a deadline whose reminder falls due while both run."""
    open_database(db_url)
    try:
        ensure_seeded()
        with database.atomic():
            Chat.insert_many([{"id": -i, "type": "group", "title": f"Tổ {i}"}
                              for i in range(1, GROUPS + 1)]).execute()
            Subscription.insert_many([{"chat": -i, "unit": "all"} for i in range(1, GROUPS + 1)]).execute()
        doc = Document.create(key="storm", origin="import", number="13-CĐ/UBND", kind="Công điện", issuer="UBND tỉnh",
                              title="Công điện ứng phó bão")
        item = Item.create(document=doc, position=1, number="1", text=REMINDER_TASK)
        deadline = Deadline.create(item=item, due_date=date.today() + timedelta(days=1),
                                   phrase="trước ngày mai", task=REMINDER_TASK)
        DeadlineUnit.create(deadline=deadline, unit=Unit.get(Unit.code == "health"))
        Ping.create(deadline=deadline, label="3d", status=PLANNED,
                    fire_at=datetime.now(timezone.utc).replace(tzinfo=None) + timedelta(seconds=12))
    finally:
        close_database()


def update(update_id: int, **body) -> dict:
    return {"update_id": update_id, **body}


def admin_message(text: str) -> dict:
    return {"message_id": 1, "date": int(time.time()), "text": text,
            "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
            "chat": {"id": ADMIN, "type": "private", "first_name": "A"},
            "from": {"id": ADMIN, "is_bot": False, "first_name": "A", "language_code": "vi"}}


class Replica:
    def __init__(self, name: str, env: dict, cwd):
        self.name, self.port = name, free_port()
        self.env = {**env, "WEBHOOK_PORT": str(self.port)}
        self.cwd = cwd
        self.proc = None

    async def start(self):
        log = open(os.path.join(self.cwd, f"{self.name}.log"), "ab")
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable, os.path.join(ROOT, "bot.py"), cwd=self.cwd, env=self.env,
            stdout=asyncio.subprocess.DEVNULL, stderr=log)
        log.close()

    def log(self) -> str:
        with open(os.path.join(self.cwd, f"{self.name}.log"), encoding="utf-8", errors="replace") as f:
            return f.read()[-3000:]

    async def get(self, http, path: str):
        async with http.get(f"http://127.0.0.1:{self.port}{path}") as r:
            return r.status, await r.json()

    async def post(self, http, body: dict) -> int:
        async with http.post(f"http://127.0.0.1:{self.port}/hook", json=body,
                             headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}) as r:
            return r.status

    async def stop(self):
        if self.proc is not None and self.proc.returncode is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.proc.wait(), 15)
            except asyncio.TimeoutError:
                self.proc.kill()
                await self.proc.wait()


async def until(condition, timeout: float, what: str, replicas=()):
    end = time.monotonic() + timeout
    while True:
        try:
            if await condition():
                return
        except (aiohttp.ClientError, OSError):
            pass
        for r in replicas:
            assert r.proc.returncode is None, f"{r.name} exited:\n{r.log()}"
        assert time.monotonic() < end, f"timed out waiting for {what}"
        await asyncio.sleep(0.1)


def max_per_second(times: list[float]) -> int:
    times, best, first = sorted(times), 0, 0
    for last, t in enumerate(times):
        while t - times[first] >= 1.0:
            first += 1
        best = max(best, last - first + 1)
    return best


async def test_two_replicas_one_killed_every_group_gets_it_once(tmp_path):
    db_url = fresh_postgres_database("replicas")
    prepare(db_url)
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
            return [await _healthy(http, r) for r in replicas] == [True, True]
        await until(both_healthy, 60, "both replicas", replicas)

        # The admin pushes through one replica and presses Send on the other.
        assert await replicas[0].post(http, update(1, message=admin_message("/push\n" + NOTICE))) == 200
        open_database(db_url)
        try:
            async def drafted():
                return Broadcast.select().where(Broadcast.progress_message_id.is_null(False)).exists()
            await until(drafted, 20, "the preview", replicas)
            draft = Broadcast.get()
            press = {"id": "q1", "chat_instance": "c", "data": f"push:send:{draft.id}",
                     "from": {"id": ADMIN, "is_bot": False, "first_name": "A"},
                     "message": {**admin_message("preview"), "message_id": draft.progress_message_id}}
            assert await replicas[1].post(http, update(2, callback_query=press)) == 200

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


async def _healthy(http, replica) -> bool:
    return (await replica.get(http, "/healthz"))[0] == 200
