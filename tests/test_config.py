"""A bad setting stops Loa with one line that names the variable, never a traceback."""
import os
import subprocess
import sys

import pytest

from bot.config import ConfigError, load_settings, parse_offsets
from tests.conftest import ROOT


def test_defaults_and_lists(monkeypatch):
    monkeypatch.setenv("ADMIN_IDS", "11, 22")
    s = load_settings(_env_file=None)
    assert s.admin_ids == [11, 22] and s.tz == "Asia/Ho_Chi_Minh"
    assert s.database_url == "sqlite:///data/loa.db" and s.bot_token is None
    assert parse_offsets("3d,1d,0d,2h,30m") == [("d", 3), ("d", 1), ("d", 0), ("h", 2), ("m", 30)]


@pytest.mark.parametrize("name, value", [
    ("ADMIN_IDS", "alice"), ("TZ", "Mars/Olympus"), ("REMINDER_OFFSETS", "3 days"),
    ("REMINDER_HOUR", "25"), ("BOT_TOKEN", "not-a-token"), ("SEND_WINDOW", "0"),
])
def test_bad_values_name_the_variable(monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=f"^{name}: "):
        load_settings(_env_file=None)


@pytest.mark.parametrize("env", [{"TZ": "Nowhere/City"},
                                 {"DATABASE_URL": "foo://bar"}])
def test_the_program_prints_one_line(tmp_path, env):
    full = {k: v for k, v in os.environ.items() if k not in ("BOT_TOKEN", "DATABASE_URL", "TZ")}
    full.update(env, PYTHONPATH=ROOT)
    p = subprocess.run([sys.executable, os.path.join(ROOT, "bot.py"), "ask", "xin chào"], cwd=tmp_path,
                       env=full, capture_output=True, text=True, timeout=60)
    assert p.returncode == 2
    lines = p.stderr.strip().splitlines()
    assert len(lines) == 1 and list(env)[0] in lines[0], p.stderr


@pytest.mark.parametrize("env, says", [
    ({"REPLICAS": "2"}, "needs webhook mode"),
    ({"REPLICAS": "2", "WEBHOOK_URL": "https://loa.example/hook"}, "fixed WEBHOOK_SECRET"),
    ({"REPLICAS": "2", "WEBHOOK_URL": "https://loa.example/hook", "WEBHOOK_SECRET": "s"}, "PostgreSQL"),
    ({"REDIS_URL": "localhost:6379"}, "REDIS_URL: must start with redis://"),
])
def test_replicas_need_webhook_a_fixed_secret_and_postgresql(monkeypatch, env, says):
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=says):
        load_settings(_env_file=None)
    monkeypatch.setenv("DATABASE_URL", "postgresql://loa@db/loa")
    if "REPLICAS" in env and "WEBHOOK_SECRET" in env:
        assert load_settings(_env_file=None).replicas == 2
