"""Hostile files through `bot.py import`, one process each, as an admin would run it.

    python3 benchmarks/bench_hostile.py [--quick] [--folder DIR]

Builds the hostile set (tests/hostile_files.py) — or reads every file of DIR — into a fresh
SQLite database that already holds a notice, then imports each file with
`python3 bot.py import FILE` and prints, per file: the outcome, the wall time and the peak
memory of the whole process tree (process start included; from wait4), and the message.
It checks what issue 10 asks: no traceback, one clear line, at most 600 MB and 8 s each,
and the notice stored before still intact. Exit status 1 when a file breaks a rule.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MAX_SECONDS = 8.0
MAX_MB = 600


def run_import(path: Path, env: dict) -> tuple[int, float, float, str]:
    """(exit status, wall seconds, peak MB of the process tree, stderr) of one import."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, str(ROOT / "bot.py"), "import", str(path)], cwd=ROOT,
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    return process.returncode, seconds, usage.ru_maxrss / 1024, err.decode("utf-8", "replace")


def stored_notice(env: dict, key: str) -> dict:
    code = ("import json,sys; from knowledge.db import open_database; "
            "from knowledge.loader import document_dict; from knowledge.models import Document; "
            f"open_database({env['DATABASE_URL']!r}); "
            f"print(json.dumps(document_dict(Document.get(Document.key == {key!r})), ensure_ascii=False))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, check=True)
    return json.loads(out.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="small bombs, every eighth file")
    ap.add_argument("--folder", type=Path, help="import the files of this folder instead")
    args = ap.parse_args()

    from tests.hostile_files import SAMPLES

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env = {k: v for k, v in os.environ.items() if k not in ("BOT_TOKEN", "DATABASE_URL")}
        env["DATABASE_URL"] = f"sqlite:///{tmp / 'loa.db'}"
        if args.folder:
            files = [(p.name, "") for p in sorted(args.folder.iterdir())]
            folder = args.folder
        else:
            folder = tmp / "hostile"
            # built in another process: a child started from a big process counts its size
            code = f"import json; from pathlib import Path; from tests.hostile_files import build; " \
                   f"print(json.dumps(build(Path({str(folder)!r}), quick={args.quick})))"
            files = json.loads(subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True,
                                              capture_output=True).stdout)
        if args.quick and not args.folder:
            files = files[::8]              # one import is a process of its own: ~1 s each
        first = subprocess.run([sys.executable, str(ROOT / "bot.py"), "import", str(SAMPLES / "tb_quang_ninh.txt"), "--json"],
                               cwd=ROOT, env=env, capture_output=True, check=True)
        key = json.loads(first.stdout)["key"]
        before = stored_notice(env, key)

        failures = 0
        print(f"{'file':32} {'outcome':9} {'s':>5} {'MB':>5}  message")
        worst_s = worst_mb = 0.0
        for name, _ in files:
            code, seconds, mb, err = run_import(folder / name, env)
            lines = [line for line in err.splitlines() if line.strip()]
            problems = []
            if "Traceback" in err or len(lines) > 1:
                problems.append("traceback or several lines")
            if code not in (0, 1):
                problems.append(f"exit {code}")
            if code == 1 and not lines:
                problems.append("no message")
            if seconds > MAX_SECONDS:
                problems.append("too slow")
            if mb > MAX_MB:
                problems.append("too much memory")
            failures += bool(problems)
            worst_s, worst_mb = max(worst_s, seconds), max(worst_mb, mb)
            outcome = "imported" if code == 0 else "refused"
            message = (lines[0] if lines else "").removeprefix("import: ")
            print(f"{name:32} {outcome:9} {seconds:5.2f} {mb:5.0f}  {message[:110]}"
                  + (f"  <-- {', '.join(problems)}" if problems else ""))
        intact = stored_notice(env, key) == before
        print(f"\n{len(files)} files, worst {worst_s:.2f} s and {worst_mb:.0f} MB "
              f"(limits {MAX_SECONDS:g} s, {MAX_MB} MB); files breaking a rule: {failures}; "
              f"notice stored before intact: {'yes' if intact else 'NO'}")
        return 1 if failures or not intact else 0


if __name__ == "__main__":
    sys.exit(main())
