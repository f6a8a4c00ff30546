"""One database for the whole program, chosen by DATABASE_URL.

SQLite (WAL, so a second process such as `bot.py import` can write while the bot reads)
by default; any playhouse.db_url address (postgresql://…) otherwise. Models bind to
`database` (a proxy) so tests can point them at a temporary file.
"""
from __future__ import annotations

import os
from contextlib import contextmanager

from peewee import DatabaseProxy, Model, PostgresqlDatabase, SqliteDatabase
from playhouse.db_url import connect

database = DatabaseProxy()
START_LOCK = 0x10A5C4E5       # pg_advisory_lock key of start-up seeding ("loa start")

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 10_000,
    "synchronous": "normal",
}


class BaseModel(Model):
    class Meta:
        database = database


# The table of every model of all_models(), in its order. A start that finds them all (and
# every migration step recorded) has nothing to create, so it need not import the models
# themselves: the scheduler's pull in targeting and subscriptions, which the command line
# (`bot.py ask`, imports) never uses. tests/test_migrations.py keeps the two lists alike.
TABLES = ("document", "item", "unit", "itemunit", "deadline", "deadlineunit", "reference", "chat",
          "subscription", "admin", "usersetting", "glossary_entries", "broadcast", "delivery", "ping",
          "acknowledgement", "pushoptions", "noticereceipt", "archivedacknowledgement")


def all_models() -> list[type[BaseModel]]:
    """Every table, parents before children (the order create_tables needs)."""
    from knowledge import models as kb
    from scheduler import acknowledgements, outbox, pings, push_options, receipts

    modules = (kb, outbox, pings, acknowledgements, push_options, receipts)
    return [m for mod in modules for m in getattr(mod, "MODELS", ())]


def open_database(url: str):
    """Connect, bind every model to this database (through the proxy `database`), and bring
    its schema up to date (missing tables created, pending migrations applied:
    knowledge/migrations)."""
    from knowledge.migrations import is_current, upgrade

    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///")
        if path and path != ":memory:":
            _create_private(path)
        # IMMEDIATE: a write transaction takes the write lock when it begins, so a second
        # process waits for it (busy_timeout) instead of failing with "database is locked"
        # when its read lock cannot be upgraded.
        db = connect(url, pragmas=SQLITE_PRAGMAS, lock_type="IMMEDIATE")
    else:
        db = connect(url)
    database.initialize(db)
    db.connect(reuse_if_open=True)
    if not is_current(db, TABLES):           # else no write lock, no DDL: a quick start
        upgrade(db, all_models())
    return db


@contextmanager
def exclusive(db, key: int):
    """Held by one process at a time (replicas start together): on PostgreSQL the advisory
    lock `key`, on SQLite one IMMEDIATE transaction."""
    if isinstance(db, PostgresqlDatabase):
        db.execute_sql("SELECT pg_advisory_lock(%s)", (key,))
        try:
            yield
        finally:
            db.execute_sql("SELECT pg_advisory_unlock(%s)", (key,))
    elif isinstance(db, SqliteDatabase):
        with db.atomic("IMMEDIATE"):
            yield
    else:
        yield


def exclusive_start():
    """Seeding the bundled notices, one starting process at a time."""
    return exclusive(database.obj, START_LOCK)


def _create_private(path: str) -> None:
    """A new SQLite file is readable by its owner only (0600): it holds chat ids, names and
    who acknowledged what. SQLite gives its -wal and -shm files the same mode."""
    folder = os.path.dirname(path)
    if folder:
        os.makedirs(folder, exist_ok=True)
    if not os.path.exists(path):
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))


def insert_ignore_many(model, fields, rows) -> None:
    """INSERT … ON CONFLICT DO NOTHING of many rows: peewee writes the statement for one row
    (in the database's own dialect) and the driver runs it for all of them. peewee's
    insert_many spends ten times longer composing SQL text than SQLite spends inserting.
    Fields left out get their defaults, as with Model.create."""
    rows = list(rows)
    if not rows:
        return
    fields = list(fields)
    given = {f.name for f in fields}            # not `f in fields`: peewee fields overload ==
    extra = [f for f in model._meta.sorted_fields
             if f.name not in given and f is not model._meta.primary_key and f.default is not None]
    defaults = tuple(f.default() if callable(f.default) else f.default for f in extra)
    fields += extra
    sql, params = model.insert_many([tuple(rows[0]) + defaults], fields=fields).on_conflict_ignore().sql()
    if len(params) != len(fields):
        raise ValueError(f"cannot bulk-insert {model.__name__}: unexpected columns in {sql}")
    converters = [f.db_value for f in fields]
    cursor = database.cursor()
    cursor.executemany(sql, ([conv(v) for conv, v in zip(converters, tuple(row) + defaults)] for row in rows))


def create_once(model, keys: dict, **values):
    """(the row with these unique `keys`, whether this call created it): the first writer wins,
    later ones — also in another process at the same moment — get the row it made."""
    from peewee import IntegrityError
    try:
        with database.atomic():
            return model.create(**keys, **values), True
    except IntegrityError:
        return model.get(*[getattr(model, k) == v for k, v in keys.items()]), False


def close_database() -> None:
    if database.obj is not None and not database.is_closed():
        database.close()
