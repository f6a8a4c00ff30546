"""Every benchmark runs, in its quick mode, so that none can break unseen (bench_pings did).

Figures are printed (`pytest -s` shows them), never asserted: they depend on the machine
and its load. Only the exit code is. The benchmarks run two at a time (in subprocesses), the
whole in well under a minute on two cores; bench_replicas needs PostgreSQL and Redis and runs
only when TEST_POSTGRES_URL and TEST_REDIS_URL are set.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from tests.conftest import POSTGRES_URL, REDIS_URL, ROOT

QUICK = [
    ["bench_search.py", "--quick"],
    ["bench_delivery.py", "--quick"],
    ["bench_pings.py", "--quick"],
    ["bench_hostile.py", "--quick"],
    ["bench_start.py", "--quick"],
    ["reply_sizes.py", "--quick"],
    ["fit_confidence.py", "--quick"],
    ["en_unsummarised.py", "--quick"],
    ["confidence_table.py", "--quick"],
    ["loso_confidence.py", "--quick"],
]


def every_benchmark() -> set[str]:
    return {f for f in os.listdir(os.path.join(ROOT, "benchmarks")) if f.endswith(".py")}


def run(args: list[str]) -> tuple[list[str], int, float, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("BOT_TOKEN", "DATABASE_URL", "REDIS_URL")}
    env["PYTHONPATH"] = ROOT
    t0 = time.perf_counter()
    p = subprocess.run([sys.executable, os.path.join(ROOT, "benchmarks", args[0]), *args[1:]], cwd=ROOT, env=env,
                       capture_output=True, text=True, timeout=300)
    return args, p.returncode, time.perf_counter() - t0, p.stdout + p.stderr


def test_every_benchmark_has_a_quick_run_here():
    assert {args[0] for args in QUICK} | {"bench_replicas.py"} == every_benchmark()


def test_quick_benchmarks_run():
    runs = list(QUICK)
    if POSTGRES_URL and REDIS_URL:
        from tests.conftest import fresh_postgres_database
        runs.append(["bench_replicas.py", "--quick", "--postgres", fresh_postgres_database("bench"),
                     "--redis", REDIS_URL])
    t0 = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(run, runs))
    failed = []
    for args, code, seconds, output in results:
        print(f"\n==== {' '.join(args[:2])}: exit {code}, {seconds:.1f} s\n{output.rstrip()}")
        if code != 0:
            failed.append(f"{args[0]} exit {code}: {output[-1500:]}")
    print(f"\nall quick benchmarks: {time.perf_counter() - t0:.1f} s")
    assert not failed, "\n".join(failed)
