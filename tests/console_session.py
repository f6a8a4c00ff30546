"""What the new-user sessions (tests/test_qa3_newuser.py, tests/test_qa4_newuser.py) do as a
newcomer would: run `bot.py` in a subprocess on a SQLite file of their own, import files, and
put every question in one `ask --json` run so the knowledge base is built once."""
from __future__ import annotations

import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run_bot(db: str, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    """`python bot.py ARGS` on the database file `db`, without a bot token (the console)."""
    env = {k: v for k, v in os.environ.items() if k not in ("BOT_TOKEN", "DATABASE_URL")}
    env["DATABASE_URL"] = f"sqlite:///{db}"
    return subprocess.run([sys.executable, "bot.py", *args], cwd=ROOT, env=env, input=stdin,
                          capture_output=True, text=True, timeout=300)


def ask_all(db: str, questions: tuple[str, ...]) -> dict[str, dict]:
    """Each question's `ask --json` answer, asked in one run."""
    done = run_bot(db, "ask", "--json", stdin="\n".join(questions) + "\n")
    assert done.returncode == 0, done.stderr
    got = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    assert len(got) == len(questions)
    return dict(zip(questions, got))


def imported_session(db: str, files: dict[str, str], questions: tuple[str, ...]) -> dict:
    """What a new user's session leaves: each file imported with `import FILE --json` (its parse
    under the same key), then every question asked in one `ask --json` run."""
    parsed = {}
    for key, path in files.items():
        done = run_bot(db, "import", path, "--json")
        assert done.returncode == 0, done.stderr
        parsed[key] = json.loads(done.stdout)
    return {"answers": ask_all(db, questions), "parsed": parsed, "db": db}


def top_answer(session: dict, question: str) -> dict:
    """The first answer when the question was answered, else {}."""
    got = session["answers"][question]
    return got["answers"][0] if got["answered"] and got["answers"] else {}
