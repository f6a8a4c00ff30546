#!/usr/bin/env python3
"""How fast the command line starts, beside a bare Python that imports what it must.

    python benchmarks/bench_start.py            # 7 runs of each
    python benchmarks/bench_start.py --quick    # 3 runs of each

Measures, in fresh interpreters, the wall time of `bot.py ask QUESTION` on a database already
seeded (the first run seeds it and is not counted) and of `python -c "import numpy, rapidfuzz,
peewee"` — the libraries answering cannot do without — taking turns, and prints the median
of each and their ratio (goal: within 3×), and the peak memory of the largest child (a
`bot.py ask`).
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
QUESTION = "Trạm y tế phải có bác sĩ trước ngày nào?"


def timed(cmd: list[str], env: dict, cwd: str) -> float:
    t0 = time.perf_counter()
    p = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=300)
    seconds = time.perf_counter() - t0
    if p.returncode:
        sys.exit(f"{' '.join(cmd)} failed ({p.returncode}): {p.stderr[-1500:]}")
    return seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="3 runs of each")
    args = ap.parse_args()
    runs = 3 if args.quick else 7
    with tempfile.TemporaryDirectory() as tmp:
        env = {k: v for k, v in os.environ.items() if k not in ("BOT_TOKEN", "REDIS_URL")}
        env["DATABASE_URL"] = f"sqlite:///{tmp}/loa.db"
        ask = [sys.executable, os.path.join(ROOT, "bot.py"), "ask", QUESTION]
        bare = [sys.executable, "-c", "import numpy, rapidfuzz, peewee"]
        timed(ask, env, tmp)                                   # seeds the database
        ask_s, bare_s = [], []
        for _ in range(runs):                                  # taking turns: alike under load
            ask_s.append(timed(ask, env, tmp))
            bare_s.append(timed(bare, env, tmp))
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    a, b = statistics.median(ask_s), statistics.median(bare_s)
    print(f"{runs} runs each, median wall time")
    print(f"bot.py ask (seeded SQLite)           {a:6.2f} s   peak RSS {rss / 1024:.0f} MB (the largest child)")
    print(f"python -c 'import numpy, rapidfuzz, peewee' {b:6.2f} s")
    print(f"ratio {a / b:.1f}x (goal: within 3x)")


if __name__ == "__main__":
    main()
