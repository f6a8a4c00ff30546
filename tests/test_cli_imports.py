"""The command line never imports aiogram (nor the other Telegram-only libraries).

Importing aiogram costs about 3 s and 130 MB; `bot.py ask` without it starts in a third of a
second, and `../shared/eval/score.py`, `bot.py import`, `bot.py deadlines` and the console chat
all pay what `ask` pays. One import at module level (a view, a helper) is enough to lose it,
so every entry is run here in a fresh interpreter that reports what it loaded.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT

TELEGRAM_ONLY = {"aiogram", "aiohttp", "aiofiles", "magic_filter"}

# Runs bot.py as `python3 bot.py ARGS` would, then prints the top-level modules it loaded.
WRAPPER = ("import json, runpy, sys; sys.path.insert(0, {root!r}); sys.argv = ['bot.py'] + sys.argv[1:]\n"
           "try:\n    runpy.run_path({root!r} + '/bot.py', run_name='__main__')\n"
           "except SystemExit as e:\n    code = e.code\nelse:\n    code = 0\n"
           "sys.stderr.write('\\nLOADED ' + json.dumps(sorted({{m.split('.')[0] for m in sys.modules}})) + '\\n')\n"
           "sys.exit(code)\n")

ENTRIES = [
    pytest.param(["ask", "Trạm y tế phải có bác sĩ trước ngày nào?"], "", id="ask"),
    pytest.param(["ask", "--json"], "xe khách có được chạy không\nbạn là ai\n", id="ask-json-stdin"),
    pytest.param(["import", f"{ROOT}/tests/samples/thong_bao_45_ha_nam.txt"], "", id="import"),
    pytest.param(["import", f"{ROOT}/tests/samples/thong_bao_45_ha_nam.txt", "--json"], "", id="import-json"),
    pytest.param(["deadlines", "--all"], "", id="deadlines"),
    pytest.param(["deadlines", "--all", "--json"], "", id="deadlines-json"),
    pytest.param(["deadlines", "--ics"], "", id="deadlines-ics"),
    pytest.param([], "xin chào\nhạn chót tuần này\nTrạm y tế phải có bác sĩ trước ngày nào?\n", id="console"),
]


def run_entry(args: list[str], stdin: str, tmp_path) -> tuple[subprocess.CompletedProcess, set[str]]:
    env = {k: v for k, v in os.environ.items() if k not in ("BOT_TOKEN", "DATABASE_URL", "REDIS_URL")}
    env.update(DATABASE_URL=f"sqlite:///{tmp_path}/loa.db", PYTHONPATH=ROOT)
    p = subprocess.run([sys.executable, "-c", WRAPPER.format(root=ROOT), *args], input=stdin, text=True,
                       capture_output=True, cwd=tmp_path, env=env, timeout=120)
    loaded = [line for line in p.stderr.splitlines() if line.startswith("LOADED ")]
    assert loaded, p.stderr[-2000:]
    return p, set(json.loads(loaded[-1][len("LOADED "):]))


@pytest.mark.parametrize("args, stdin", ENTRIES)
def test_command_line_never_imports_telegram_libraries(args, stdin, tmp_path):
    p, loaded = run_entry(args, stdin, tmp_path)
    assert p.returncode == 0, p.stderr[-2000:]
    assert p.stdout.strip(), "the command printed nothing"
    assert not loaded & TELEGRAM_ONLY, f"{' '.join(args) or 'console'} imported {sorted(loaded & TELEGRAM_ONLY)}"


def test_the_wrapper_would_see_aiogram(tmp_path):
    """The check itself works: the Telegram side does import aiogram."""
    env = {k: v for k, v in os.environ.items()}
    env["PYTHONPATH"] = ROOT
    p = subprocess.run([sys.executable, "-c", "import sys, bot.app; print(sorted({m.split('.')[0] for m in sys.modules}))"],
                       text=True, capture_output=True, cwd=tmp_path, env=env, timeout=120)
    assert p.returncode == 0, p.stderr[-2000:]
    assert "'aiogram'" in p.stdout
