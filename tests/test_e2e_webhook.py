"""Webhook mode of the real program (`python bot.py` with WEBHOOK_URL): it registers the
webhook with its secret, refuses POSTs without the secret-token header, and answers a
question that arrives with it."""
from __future__ import annotations

import asyncio
import os
import sys
import time

import aiohttp

from tests.conftest import ROOT
from tests.fakebotapi import FakeBotAPI, free_port

TOKEN = "123:WEBHOOK"
SECRET = "s3cret-token"


def update(update_id: int, text: str) -> dict:
    return {"update_id": update_id, "message": {
        "message_id": update_id, "date": int(time.time()), "text": text,
        "chat": {"id": 4242, "type": "private", "first_name": "Lan"},
        "from": {"id": 4242, "is_bot": False, "first_name": "Lan", "language_code": "vi"}}}


async def wait_for(condition, what: str, proc, timeout: float = 30.0):
    end = time.monotonic() + timeout
    while not condition():
        assert proc.returncode is None, f"the bot exited while waiting for {what}"
        assert time.monotonic() < end, f"timed out waiting for {what}"
        await asyncio.sleep(0.05)


async def test_webhook_checks_the_secret_and_answers(tmp_path):
    api = await FakeBotAPI(token=TOKEN).start()
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram/hook"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "TELEGRAM_", "WEBHOOK_"))}
    env.update(BOT_TOKEN=TOKEN, TELEGRAM_API_URL=api.url, DATABASE_URL=f"sqlite:///{tmp_path}/loa.db",
               WEBHOOK_URL=url, WEBHOOK_SECRET=SECRET, WEBHOOK_HOST="127.0.0.1",
               WEBHOOK_PORT=str(port), PYTHONPATH=ROOT)
    log = open(tmp_path / "bot.log", "ab")
    proc = await asyncio.create_subprocess_exec(sys.executable, os.path.join(ROOT, "bot.py"),
                                                cwd=tmp_path, env=env, stdout=log, stderr=log)
    try:
        await wait_for(lambda: api.calls_of("setWebhook"), "setWebhook", proc)
        registered = api.calls_of("setWebhook")[0].params
        assert registered["url"] == url and registered["secret_token"] == SECRET

        async with aiohttp.ClientSession() as http:
            for _ in range(100):                    # the listener starts right after setWebhook
                try:
                    async with http.post(url, json=update(1, "xin chào")) as r:
                        refused = r.status
                    break
                except aiohttp.ClientConnectionError:
                    await asyncio.sleep(0.1)
            assert refused == 401                                     # no secret header
            async with http.post(url, json=update(2, "xin chào"),
                                 headers={"X-Telegram-Bot-Api-Secret-Token": "wrong"}) as r:
                assert r.status == 401
            assert not api.calls_of("sendMessage")

            async with http.post(url, json=update(3, "Trạm y tế phải có bác sĩ trước ngày nào?"),
                                 headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}) as r:
                assert r.status == 200
        await wait_for(lambda: api.texts_to(4242), "the answer", proc)
        assert "trạm y tế đều có bác sĩ" in api.texts_to(4242)[0]
        assert TOKEN not in (tmp_path / "bot.log").read_text()
    finally:
        if proc.returncode is None:
            proc.terminate()
            await asyncio.wait_for(proc.wait(), 15)
        log.close()
        await api.stop()
