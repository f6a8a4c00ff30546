#!/usr/bin/env python3
"""Score the bot on questions about real notices of other topics (issue 9, "Measure it").

    python3 tests/eval_real.py DOCS.txt QUESTIONS.tsv OOS.tsv [--show-misses]

DOCS.txt names one document of ../shared/real-notices/ per line. They are imported, the way
`bot.py import FILE` imports a notice, into a fresh temporary SQLite database that already holds
the bundled seed notices; then ../shared/eval/score.py scores QUESTIONS.tsv and OOS.tsv against
that database (--keep-db), so the figures are those of a bot that carries the Covid seeds and
these notices side by side. A document that fails to import (an error, or longer than
--timeout seconds) is reported and left out; the others are scored.

Not collected by pytest (no test_ prefix): it takes tens of seconds and its figures are
measurements, not pass/fail.
"""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")


class ImportTimeout(Exception):
    pass


def read_doc_list(path: str) -> list[str]:
    """File names, one per line; blank lines and '#' comments are skipped."""
    with open(path, encoding="utf-8") as f:
        lines = (line.split("#", 1)[0].strip() for line in f)
        return [line for line in lines if line]


def import_documents(names: list[str], notices: str, database_url: str, timeout: int) -> list[str]:
    """Import each document into the database; return the names that failed, each reported."""
    sys.path.insert(0, ROOT)
    from knowledge.db import open_database
    from knowledge.loader import ensure_seeded, import_file

    open_database(database_url)
    ensure_seeded()

    def expire(signum, frame):
        raise ImportTimeout

    signal.signal(signal.SIGALRM, expire)
    failed = []
    for name in names:
        signal.alarm(timeout)
        try:
            doc = import_file(os.path.join(notices, name))
            print(f"imported {name}: {doc.items.count()} items", flush=True)
        except ImportTimeout:
            failed.append(name)
            print(f"IMPORT FAILED {name}: longer than {timeout} s", flush=True)
        except Exception as e:  # any failure is a finding to report, not a reason to stop
            failed.append(name)
            print(f"IMPORT FAILED {name}: {type(e).__name__}: {str(e)[:200]}", flush=True)
        finally:
            signal.alarm(0)
    return failed


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("docs")
    ap.add_argument("questions")
    ap.add_argument("oos")
    ap.add_argument("--show-misses", action="store_true")
    ap.add_argument("--notices", default=os.path.join(SHARED, "real-notices"),
                    help="folder of the documents (default ../shared/real-notices)")
    ap.add_argument("--timeout", type=int, default=60, help="seconds allowed per document")
    a = ap.parse_args(argv)

    names = read_doc_list(a.docs)
    database_url = "sqlite:///" + os.path.join(tempfile.mkdtemp(prefix="loa-eval-"), "eval.db")
    failed = import_documents(names, a.notices, database_url, a.timeout)
    print(f"documents imported {len(names) - len(failed)}/{len(names)}"
          + (f" (failed: {', '.join(failed)})" if failed else ""))
    sys.stdout.flush()

    cmd = [sys.executable, os.path.join(SHARED, "eval", "score.py"),
           os.path.abspath(a.questions), os.path.abspath(a.oos), "--keep-db"]
    if a.show_misses:
        cmd.append("--show-misses")
    env = dict(os.environ, DATABASE_URL=database_url)
    return subprocess.run(cmd, cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main())
