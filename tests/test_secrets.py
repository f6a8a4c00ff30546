"""Secrets — the bot token, the webhook secret, passwords in DATABASE_URL — never appear in
what Loa prints or logs, and a bad address stops it with one line."""
from __future__ import annotations

import io
import logging
import os
import subprocess
import sys

import pytest

from bot.config import ConfigError, load_settings
from bot.logs import setup_logging
from knowledge.logs import redact_url
from tests.conftest import ROOT
from tests.fakebotapi import FakeBotAPI, free_port

TOKEN = "123456:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
SECRET = "webhook-secret-7f3a9"
PASSWORD = "hunter2-s3cr3t"


def run_bot(tmp_path, *args, **env) -> subprocess.CompletedProcess:
    full = {k: v for k, v in os.environ.items()
            if k not in ("BOT_TOKEN", "DATABASE_URL", "TELEGRAM_API_URL", "WEBHOOK_SECRET")}
    full.update({"DATABASE_URL": f"sqlite:///{tmp_path}/loa.db", "PYTHONPATH": ROOT}, **env)
    return subprocess.run([sys.executable, os.path.join(ROOT, "bot.py"), *args], cwd=tmp_path, env=full,
                          capture_output=True, text=True, timeout=60)


def assert_one_clean_line(done: subprocess.CompletedProcess, *words: str) -> None:
    output = done.stdout + done.stderr
    for secret in (TOKEN, TOKEN.split(":")[1], SECRET, PASSWORD):
        assert secret not in output, output
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2 and len(lines) == 1, done.stderr
    assert all(w in lines[0] for w in words), lines[0]


@pytest.mark.parametrize("url", ["localhost:8081", "http://host:99999", "ftp://x", "http://",
                                 f"http://u:{PASSWORD}@[::1"])
def test_a_malformed_api_address_is_refused_with_the_settings(url):
    with pytest.raises(ConfigError, match="^TELEGRAM_API_URL: must be an http") as caught:
        load_settings(_env_file=None, bot_token=TOKEN, telegram_api_url=url)
    assert PASSWORD not in str(caught.value) and TOKEN not in str(caught.value)


def test_a_malformed_api_address_is_one_line_without_the_token(tmp_path):
    done = run_bot(tmp_path, BOT_TOKEN=TOKEN, TELEGRAM_API_URL="http://[::1", WEBHOOK_SECRET=SECRET)
    assert_one_clean_line(done, "TELEGRAM_API_URL")


async def _start(**values) -> str:
    """run_telegram until it gives up at its first call; the reason it gives."""
    from bot.app import TelegramUnavailable, run_telegram

    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    try:
        with pytest.raises(TelegramUnavailable) as caught:
            await run_telegram(load_settings(_env_file=None, **values))
    finally:
        root.handlers[:], root.level = saved
    return str(caught.value)


async def test_an_api_that_does_not_answer_is_one_line_without_the_token():
    reason = await _start(bot_token=TOKEN, telegram_api_url=f"http://user:{PASSWORD}@127.0.0.1:{free_port()}")
    assert reason.startswith("cannot reach the Bot API at http://user:***@127.0.0.1")
    assert "\n" not in reason and TOKEN.split(":")[1] not in reason and PASSWORD not in reason


async def test_a_refused_token_is_one_line():
    api = await FakeBotAPI().start()          # it knows another token: 401 Unauthorized
    try:
        reason = await _start(bot_token=TOKEN, telegram_api_url=api.url, webhook_secret=SECRET)
    finally:
        await api.stop()
    assert reason.startswith("BOT_TOKEN: Telegram refused the token") and TOKEN not in reason


@pytest.mark.parametrize("url", [f"postgresql://loa:{PASSWORD}@127.0.0.1:FREE_PORT/loa",   # a port found at run time
                                 f"postgres://loa:{PASSWORD}@[::1/loa",
                                 f"mysqlx://loa:{PASSWORD}@db/loa",
                                 f"postgresql://loa:{PASSWORD}@127.0.0.1/loa?sslmode=bogus"])
def test_a_database_error_never_shows_the_password(tmp_path, url):
    url = url.replace("FREE_PORT", str(free_port()))      # not at collection: test ids must not change
    done = run_bot(tmp_path, "ask", "xin chào", DATABASE_URL=url)
    assert_one_clean_line(done, "DATABASE_URL", "loa:***@")


def test_logs_hide_every_secret(monkeypatch):
    monkeypatch.setenv("BOT_TOKEN", TOKEN)
    monkeypatch.setenv("WEBHOOK_SECRET", SECRET)
    monkeypatch.setenv("DATABASE_URL", f"postgresql://loa:{PASSWORD.replace('-', '%2D')}@db/loa")
    settings = load_settings(_env_file=None)
    stream = io.StringIO()
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    try:
        setup_logging(settings.secret_values(), stream=stream)
        logging.getLogger("loa.test").warning("url=https://api.telegram.org/bot%s/getMe secret=%s db=%s",
                                              TOKEN, SECRET, PASSWORD)
        try:
            raise RuntimeError(f"failed with {TOKEN} and {PASSWORD}")
        except RuntimeError:
            logging.getLogger("loa.test").exception("crash")
    finally:
        root.handlers[:], root.level = saved
    logged = stream.getvalue()
    assert "url=" in logged and "RuntimeError" in logged
    assert TOKEN not in logged and SECRET not in logged and PASSWORD not in logged, logged
    assert "%2D" not in logged.split("db=")[1].split()[0]


def test_addresses_are_printed_without_their_password():
    assert redact_url(f"postgresql://loa:{PASSWORD}@db:5432/loa") == "postgresql://loa:***@db:5432/loa"
    assert redact_url("sqlite:///data/loa.db") == "sqlite:///data/loa.db"
