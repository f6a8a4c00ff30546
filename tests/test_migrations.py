"""Upgrades keep the data: a database made by release 1 (its schema and rows, recorded in
tests/data/release1_*), opened by today's code, is brought to today's schema with every row
intact, on SQLite and (when TEST_POSTGRES_URL is set) PostgreSQL."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from knowledge.db import all_models, close_database, open_database
from knowledge.migrations import SchemaMigration, schema_version, steps

DATA = Path(__file__).parent / "data"
POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL")
ROWS = json.loads((DATA / "release1_rows.json").read_text(encoding="utf-8"))


def _build_release1(db, dialect: str) -> None:
    """Tables exactly as release 1 created them, filled with its rows."""
    for statement in (DATA / f"release1_schema.{dialect}.sql").read_text().split(";\n"):
        statement = "\n".join(l for l in statement.splitlines() if not l.startswith("--")).strip()
        if statement:
            db.execute_sql(statement)
    mark = "%s" if dialect == "postgres" else "?"
    for table, rows in ROWS.items():        # in release 1's table order: parents first
        for row in rows:
            columns = ", ".join(f'"{c}"' for c in row)
            db.execute_sql(f'INSERT INTO "{table}" ({columns}) VALUES ({", ".join([mark] * len(row))})',
                           tuple(row.values()))
        if dialect == "postgres" and rows and "id" in rows[0]:
            db.execute_sql(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "
                           f"(SELECT MAX(id) FROM \"{table}\"))")


def _empty(url: str, dialect: str):
    """Open `url` without any table (the models are dropped, with the migrations table)."""
    from peewee import PostgresqlDatabase
    from playhouse.db_url import connect
    raw = connect(url)
    raw.connect()
    if isinstance(raw, PostgresqlDatabase):
        for table in raw.get_tables():
            raw.execute_sql(f'DROP TABLE IF EXISTS "{table}" CASCADE')
    return raw


@pytest.fixture(params=["sqlite", "postgres"] if POSTGRES_URL else ["sqlite"])
def release1_url(request, tmp_path):
    dialect = request.param
    url = POSTGRES_URL if dialect == "postgres" else f"sqlite:///{tmp_path}/release1.db"
    raw = _empty(url, dialect)
    with raw.atomic():
        _build_release1(raw, dialect)
    raw.close()
    yield url
    close_database()


def _value(v):
    """Compare stored values as release 1 wrote them (dates as ISO text, booleans)."""
    if hasattr(v, "isoformat"):
        return v.isoformat(sep=" ") if hasattr(v, "hour") and hasattr(v, "year") else v.isoformat()
    return v


def test_release1_database_upgrades_with_every_row_intact(release1_url):
    db = open_database(release1_url)
    assert schema_version(db) == steps()[-1][0]
    by_table = {m._meta.table_name: m for m in all_models()}
    assert set(ROWS) <= set(by_table), "a release 1 table disappeared"
    for table, rows in ROWS.items():
        model = by_table[table]
        stored = list(model.select().order_by(model._meta.primary_key).dicts())
        assert len(stored) == len(rows), table
        for old, new in zip(rows, stored):
            columns = {f.column_name: f.name for f in model._meta.sorted_fields}
            for column, value in old.items():
                assert _value(new[columns[column]]) == value, (table, column)


def test_upgrade_runs_once_and_again_is_a_no_op(release1_url):
    db = open_database(release1_url)
    with SchemaMigration.bind_ctx(db):
        applied = [m.name for m in SchemaMigration.select().order_by(SchemaMigration.name)]
    assert applied == [name for name, _ in steps()]
    close_database()
    db = open_database(release1_url)
    with SchemaMigration.bind_ctx(db):
        assert SchemaMigration.select().count() == len(applied)


def test_a_fresh_database_is_at_the_latest_version(tmp_path):
    db = open_database(f"sqlite:///{tmp_path}/fresh.db")
    try:
        assert schema_version(db) == steps()[-1][0]
        assert oct(os.stat(tmp_path / "fresh.db").st_mode & 0o777) == oct(0o600)
    finally:
        close_database()


def test_a_step_cannot_add_a_not_null_column_without_a_default(tmp_path):
    from peewee import CharField, Model

    from knowledge.migrations import Schema
    db = open_database(f"sqlite:///{tmp_path}/x.db")
    try:
        class Thing(Model):
            name = CharField(null=True)

            class Meta:
                database = db
        db.create_tables([Thing])
        Thing._meta.add_field("required", CharField())
        with pytest.raises(ValueError, match="needs a default"):
            Schema(db).add_columns(Thing, "required")
    finally:
        close_database()


def test_add_columns_gives_existing_rows_the_default(db):
    from peewee import BooleanField, CharField, ForeignKeyField, IntegerField, Model

    from knowledge.migrations import Schema
    from knowledge.models import Document

    class Gadget(Model):
        name = CharField()

        class Meta:
            database = db
            table_name = "migration_test_gadget"
    db.drop_tables([Gadget], safe=True)
    db.create_tables([Gadget])
    Gadget.create(name="old")
    Gadget._meta.add_field("count", IntegerField(default=3))
    Gadget._meta.add_field("flag", BooleanField(default=False))
    Gadget._meta.add_field("note", CharField(null=True))
    Gadget._meta.add_field("document", ForeignKeyField(Document, null=True, on_delete="SET NULL"))
    schema = Schema(db)
    schema.add_columns(Gadget, "count", "flag", "note", "document")
    schema.add_columns(Gadget, "count", "flag", "note", "document")     # twice: nothing to do
    schema.add_index(Gadget, ("count", "flag"))
    schema.add_index(Gadget, ("count", "flag"))
    row = Gadget.get()
    assert (row.name, row.count, row.flag, row.note, row.document_id) == ("old", 3, False, None, None)
    db.drop_tables([Gadget])


def test_the_tables_a_start_looks_for_are_those_of_every_model():
    """open_database() judges a database current from knowledge.db.TABLES, without importing
    the models: a model added to all_models() must be listed there too."""
    from knowledge.db import TABLES

    assert list(TABLES) == [m._meta.table_name for m in all_models()]


def test_a_database_missing_a_table_is_upgraded_at_open(tmp_path):
    url = f"sqlite:///{tmp_path / 'loa.db'}"
    db = open_database(url)
    db.execute_sql('DROP TABLE "archivedacknowledgement"')
    close_database()
    db = open_database(url)
    assert "archivedacknowledgement" in db.get_tables()
    close_database()
