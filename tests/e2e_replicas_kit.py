"""Helpers for running real `bot.py` replicas against the fake Bot API: the database they
start from, a replica process with its webhook and /healthz, and the measurements. Used by
tests/test_e2e_replicas.py and benchmarks/bench_replicas.py."""
from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from datetime import date, datetime, timedelta, timezone

import aiohttp

from knowledge.db import close_database, database, open_database
from knowledge.loader import ensure_seeded
from knowledge.models import Chat, Deadline, DeadlineUnit, Document, Item, Subscription, Unit
from scheduler.pings import PLANNED, Ping
from tests.fakebotapi import free_port

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ADMIN = 555
SECRET = "replica-secret"
NOTICE = ("ỦY BAN NHÂN DÂN TỈNH HÀ NAM\nSố: 12/TB-UBND\nTHÔNG BÁO\nVề việc ứng phó bão số 3\n"
          "1. Các trạm y tế xã trực cấp cứu 24/24 giờ trước ngày 30/11/2099.\n"
          "2. Các trường học cho học sinh nghỉ học.\n")
REMINDER_TASK = "Sơ tán dân khỏi vùng trũng"


def prepare(db_url: str, groups: int, reminded: int | None = None,
            reminder_in: float = 12.0) -> None:
    """`groups` subscribed groups (the first `reminded` to everything, the others to schools),
    and a deadline for health whose reminder falls due `reminder_in` seconds from now."""
    reminded = groups if reminded is None else reminded
    open_database(db_url)
    try:
        ensure_seeded()
        with database.atomic():
            Chat.insert_many([{"id": -i, "type": "group", "title": f"Tổ {i}"}
                              for i in range(1, groups + 1)]).execute()
            Subscription.insert_many([{"chat": -i, "unit": "all" if i <= reminded else "schools"}
                                      for i in range(1, groups + 1)]).execute()
        doc = Document.create(key="storm", origin="import", number="13-CĐ/UBND", kind="Công điện",
                              issuer="UBND tỉnh", title="Công điện ứng phó bão")
        item = Item.create(document=doc, position=1, number="1", text=REMINDER_TASK)
        deadline = Deadline.create(item=item, due_date=date.today() + timedelta(days=1),
                                   phrase="trước ngày mai", task=REMINDER_TASK)
        DeadlineUnit.create(deadline=deadline, unit=Unit.get(Unit.code == "health"))
        Ping.create(deadline=deadline, label="3d", status=PLANNED,
                    fire_at=datetime.now(timezone.utc).replace(tzinfo=None) + timedelta(seconds=reminder_in))
    finally:
        close_database()


def update(update_id: int, **body) -> dict:
    return {"update_id": update_id, **body}


def admin_message(text: str) -> dict:
    return {"message_id": 1, "date": int(time.time()), "text": text,
            "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
            "chat": {"id": ADMIN, "type": "private", "first_name": "A"},
            "from": {"id": ADMIN, "is_bot": False, "first_name": "A", "language_code": "vi"}}


async def push_on_one_send_on_other(http, replicas, timeout: float = 30.0) -> int:
    """The admin's /push goes to the first replica, the press of Send to the second (the
    database must be open here); returns the broadcast's id."""
    from scheduler.outbox import Broadcast

    assert await replicas[0].post(http, update(1, message=admin_message("/push\n" + NOTICE))) == 200

    async def drafted():
        return Broadcast.select().where(Broadcast.progress_message_id.is_null(False)).exists()
    await until(drafted, timeout, "the preview", replicas)
    draft = Broadcast.get()
    press = {"id": "q1", "chat_instance": "c", "data": f"push:send:{draft.id}",
             "from": {"id": ADMIN, "is_bot": False, "first_name": "A"},
             "message": {**admin_message("preview"), "message_id": draft.progress_message_id}}
    assert await replicas[1].post(http, update(2, callback_query=press)) == 200
    return draft.id


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




async def healthy(http, replica) -> bool:
    try:
        return (await replica.get(http, "/healthz"))[0] == 200
    except (aiohttp.ClientError, OSError):
        return False


def empty_postgres(url: str) -> str:
    """Create the database of `url` when missing and empty it; returns `url`."""
    import psycopg2
    from playhouse.db_url import parse

    params = parse(url)
    name = params.pop("database")
    conn = psycopg2.connect(dbname="postgres", **params)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,))
        if cur.fetchone() is None:
            cur.execute(f'CREATE DATABASE "{name}"')
    conn.close()
    conn = psycopg2.connect(dbname=name, **params)
    conn.autocommit = True
    with conn.cursor() as cur:
        cur.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    conn.close()
    return url
