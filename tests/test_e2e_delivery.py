"""The real program (`python bot.py`) against the fake Bot API: killed with SIGKILL in the
middle of a broadcast and started again, it finishes the broadcast; no group is missed and
none gets the notice twice, except the few messages in flight at the kill."""
from __future__ import annotations

import asyncio
import os
import signal
import sys
import time

from knowledge.db import close_database, open_database
from knowledge.models import utcnow
from knowledge.subscriptions import register_chat, subscribe
from scheduler.outbox import PENDING, Broadcast, Delivery, delivery_counts, enqueue
from tests.conftest import ROOT
from tests.fakebotapi import FakeBotAPI

TOKEN = "123:ABC"
GROUPS = 150
ADMIN = 555


def prepare(db_url: str) -> int:
    """The state right after an admin pressed Send: chats, subscriptions, a broadcast, rows."""
    open_database(db_url)
    try:
        broadcast = Broadcast.create(created_by=ADMIN, admin_chat_id=ADMIN, status="sending",
                                     target_count=GROUPS, started_at=utcnow())
        for i in range(1, GROUPS + 1):
            register_chat(-i, type="group", title=f"Tổ {i}")
            subscribe(-i, ["all"])
            enqueue(-i, [{"text": f"Thông báo khẩn cho tổ {i}"}], kind="notice",
                    dedup_key=f"notice:{broadcast.id}:{-i}", broadcast=broadcast)
        return broadcast.id
    finally:
        close_database()


async def start_bot(env: dict, cwd: str) -> asyncio.subprocess.Process:
    with open(os.path.join(cwd, "bot.log"), "ab") as log:     # the child keeps its own copy
        return await asyncio.create_subprocess_exec(
            sys.executable, os.path.join(ROOT, "bot.py"), cwd=cwd, env=env,
            stdout=asyncio.subprocess.DEVNULL, stderr=log)


async def test_sigkill_mid_broadcast_then_restart(tmp_path):
    db_url = f"sqlite:///{tmp_path}/loa.db"
    broadcast_id = prepare(db_url)
    api = await FakeBotAPI(token=TOKEN, latency=0.005).start()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "TELEGRAM_", "WEBHOOK_"))}
    env.update(BOT_TOKEN=TOKEN, TELEGRAM_API_URL=api.url, DATABASE_URL=db_url, SEND_RATE="100",
               CHAT_INTERVAL="0.2", SEND_WINDOW="1", OUTBOX_LEASE="3", ADMIN_IDS=str(ADMIN),
               PYTHONPATH=ROOT)    # the killed process's claim expires after OUTBOX_LEASE
    window = 1   # SEND_WINDOW above: only the one message in flight may be sent twice
    proc = await start_bot(env, str(tmp_path))
    try:
        deadline = time.monotonic() + 30
        while len(api.calls_of("sendMessage")) < GROUPS // 3:
            assert proc.returncode is None, (tmp_path / "bot.log").read_text()
            assert time.monotonic() < deadline, "the bot sent nothing"
            await asyncio.sleep(0.005)
        proc.send_signal(signal.SIGKILL)
        await proc.wait()
        at_kill = len(api.calls_of("sendMessage"))
        assert at_kill < GROUPS, "the broadcast finished before the kill: make it slower"

        proc = await start_bot(env, str(tmp_path))
        open_database(db_url)
        try:
            deadline = time.monotonic() + 30
            while Broadcast.get_by_id(broadcast_id).status != "done":
                assert proc.returncode is None, (tmp_path / "bot.log").read_text()
                assert time.monotonic() < deadline, delivery_counts(broadcast_id)
                await asyncio.sleep(0.05)
            assert Delivery.select().where(Delivery.status == PENDING).count() == 0
        finally:
            close_database()
    finally:
        if proc.returncode is None:
            proc.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(proc.wait(), 10)
            except asyncio.TimeoutError:
                proc.kill()
                await proc.wait()
        await api.stop()

    counts = api.sent_counts()
    groups = {-i for i in range(1, GROUPS + 1)}
    assert groups <= set(counts), sorted(groups - set(counts))[:5]
    twice = {c: n for c, n in counts.items() if c in groups and n > 1}
    assert sum(n - 1 for n in twice.values()) <= window, twice
    # The restarted bot reported to the admin.
    reports = [c for c in api.calls if c.chat_id == ADMIN and c.status == 200]
    assert reports and f"{GROUPS}/{GROUPS}" in reports[-1].params["text"]
