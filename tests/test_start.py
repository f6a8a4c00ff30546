"""Replicas start together: eight processes opening one new database at the same moment
(schema creation, migrations, seeding the bundled notices) all start, and the database
holds everything once. SQLite, and PostgreSQL when TEST_POSTGRES_URL is set."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from knowledge.db import close_database, open_database
from knowledge.migrations import schema_version, steps
from knowledge.models import Document, Unit
from knowledge.units import UNITS
from tests.conftest import ROOT, fresh_postgres_database

STARTS = 8
OPEN = ("import importlib.util, sys; sys.path.insert(0, {root!r}); "
        "spec = importlib.util.spec_from_file_location('loa_main', {root!r} + '/bot.py'); "
        "m = importlib.util.module_from_spec(spec); spec.loader.exec_module(m); "
        "from types import SimpleNamespace; "
        "m.open_knowledge(SimpleNamespace(database_url={url!r}, bundled_notices=True))")   # what bot.py does first


@pytest.mark.parametrize("engine", ["sqlite", "postgres"])
def test_simultaneous_starts_on_a_new_database_never_crash(tmp_path, engine):
    url = (f"sqlite:///{tmp_path}/loa.db" if engine == "sqlite"
           else fresh_postgres_database("e2e_start"))
    open_database(url)                  # the schema of this release, not yet any notice
    close_database()
    env = {k: v for k, v in os.environ.items() if k not in ("BOT_TOKEN", "DATABASE_URL")}
    env.update(DATABASE_URL=url, PYTHONPATH=ROOT)
    procs = [subprocess.Popen([sys.executable, "-c", OPEN.format(root=ROOT, url=url)], cwd=tmp_path, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(STARTS)]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in procs]
    assert [code for code, _ in results] == [0] * STARTS, [err for code, err in results if code]
    db = open_database(url)
    try:
        assert schema_version(db) == steps()[-1][0]
        assert Unit.select().count() == len(UNITS)
        seeds = Document.select().where(Document.origin == "seed").count()
        assert seeds == len([f for f in os.listdir(os.path.join(ROOT, "knowledge", "data")) if f.endswith(".json")])
    finally:
        close_database()


def test_sqlite_write_transactions_wait_for_each_other(tmp_path):
    """Two writers that read first: with deferred transactions the second fails at once
    ("database is locked": its read lock cannot be upgraded); IMMEDIATE ones queue."""
    import threading
    import time

    from knowledge.db import database
    from knowledge.models import Chat

    open_database(f"sqlite:///{tmp_path}/loa.db")
    errors = []

    def writer(chat_id: int, start_after: float) -> None:
        time.sleep(start_after)
        try:
            with database.atomic():
                Chat.select().count()            # reads before the other one commits
                time.sleep(0.2)
                Chat.create(id=chat_id, type="group", title=str(chat_id))
        except Exception as e:
            errors.append(repr(e))
        finally:
            database.close()

    try:
        threads = [threading.Thread(target=writer, args=(-1, 0.0)),
                   threading.Thread(target=writer, args=(-2, 0.05))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=20)
        assert not errors and Chat.select().count() == 2
    finally:
        close_database()
