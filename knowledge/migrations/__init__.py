"""Schema upgrades that keep the data: each module `mNNNN_what.py` of this package is one
step, applied once, in name order, and recorded in the table `schema_migrations`.

Why steps instead of `create_tables(safe=True)` alone: that creates missing tables but never
adds a column, so the first new field would break every existing database. A step says
what to add; `upgrade` runs the ones a database has not seen yet, at every start.

Steps are idempotent (they look before they add), so a fresh database — whose tables
`create_tables` has just made from today's models — passes through them unchanged, and a
database of any earlier release is brought to the same shape. The schema version is the
name of the last step applied.

Never rebuild a SQLite table in a step (playhouse does for drop/alter column): with foreign
keys on, dropping the old table cascades deletes into its children.

Writing a step: a module with `def up(schema: Schema) -> None`, using
`schema.add_columns(Model, "field", …)` (the columns as the model defines them today),
`schema.add_index(Model, ("a", "b"), unique=False)` or `schema.migrator` (playhouse.migrate)
for anything else, each guarded so that it can run twice.

Several processes may start at once (replicas): the whole upgrade runs under a lock
(PostgreSQL advisory lock; on SQLite one IMMEDIATE transaction), so the second process
waits and then finds nothing to do.
"""
from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from datetime import datetime, timezone

from peewee import CharField, DateTimeField, Model, SqliteDatabase
from playhouse.migrate import SchemaMigrator

LOCK_KEY = 0x10A5C4E3        # pg_advisory_lock key of the schema upgrade ("loa schema")


class SchemaMigration(Model):
    """One applied step."""
    name = CharField(primary_key=True)
    applied_at = DateTimeField()

    class Meta:
        table_name = "schema_migrations"


class Schema:
    """What a step may do, in the dialect of the database at hand."""

    def __init__(self, db):
        self.db = db
        self.migrator = SchemaMigrator.from_database(db)

    def columns(self, table: str) -> set[str]:
        return {c.name for c in self.db.get_columns(table)}

    def add_columns(self, model: type[Model], *names: str) -> None:
        """Add the model's fields `names` to its table where they are missing. A NOT NULL
        field needs a default (existing rows get it)."""
        table = model._meta.table_name
        have = self.columns(table)
        for name in names:
            field = model._meta.fields[name]
            if field.column_name in have:
                continue
            if not field.null and field.default is None:
                raise ValueError(f"{table}.{name}: a new NOT NULL column needs a default")
            if isinstance(self.db, SqliteDatabase) and not field.null:
                self._sqlite_add_not_null(table, field)
            else:
                self.migrator.add_column(table, field.column_name, _unbound_copy(field)).run()

    def _sqlite_add_not_null(self, table: str, field) -> None:
        """SQLite adds a NOT NULL column with a constant DEFAULT in place. (playhouse would
        rebuild the table, and dropping the old one cascades deletes into every table that
        points at it: item links, deadlines, acknowledgements.)"""
        default = field.default() if callable(field.default) else field.default
        value = field.db_value(default)
        if isinstance(value, bool):
            literal = str(int(value))
        elif isinstance(value, (int, float)):
            literal = repr(value)
        else:
            literal = "'" + str(value).replace("'", "''") + "'"
        column_type = self.db.field_types.get(field.field_type, field.field_type)
        if getattr(field, "max_length", None):
            column_type = f"{column_type}({field.max_length})"
        self.db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN "{field.column_name}" '
                            f'{column_type} NOT NULL DEFAULT {literal}')

    def add_index(self, model: type[Model], columns: tuple[str, ...], unique: bool = False) -> None:
        table = model._meta.table_name
        wanted = list(columns)
        if any(i.columns == wanted for i in self.db.get_indexes(table)):
            return
        self.migrator.add_index(table, wanted, unique).run()


def _unbound_copy(field):
    """The migrator binds the field it is given; give it a copy, not the model's own."""
    kwargs = {k: getattr(field, k) for k in ("null", "default", "index", "unique")}
    for k in ("max_length",):
        if hasattr(field, k):
            kwargs[k] = getattr(field, k)
    if hasattr(field, "rel_model"):       # a foreign key: same target, same behaviour
        return type(field)(field.rel_model, field=field.rel_field, on_delete=field.on_delete,
                           column_name=field.column_name, **kwargs)
    return type(field)(column_name=field.column_name, **kwargs)


def step_names() -> list[str]:
    """The name of every step, in order, without importing them."""
    return sorted(info.name for info in pkgutil.iter_modules(__path__)
                  if info.name.startswith("m") and info.name[1:5].isdigit())


def steps() -> list[tuple[str, object]]:
    """(name, module) of every step, in order."""
    return [(name, importlib.import_module(f"{__name__}.{name}")) for name in step_names()]


def is_current(db, models: Iterable[type[Model] | str]) -> bool:
    """Whether every table (of the models, or named) exists and every step is recorded: what
    most starts find, read in two queries without the lock `upgrade` takes (a step is
    recorded in the transaction that applies it, after the tables are made, so a database
    found current is)."""
    tables = set(db.get_tables())
    if SchemaMigration._meta.table_name not in tables or \
            any((m if isinstance(m, str) else m._meta.table_name) not in tables for m in models):
        return False
    with SchemaMigration.bind_ctx(db):
        done = {name for (name,) in SchemaMigration.select(SchemaMigration.name).tuples()}
    return done.issuperset(step_names())


def _schema_lock(db):
    from knowledge.db import exclusive
    return exclusive(db, LOCK_KEY)


def upgrade(db, models: list[type[Model]]) -> list[str]:
    """Create missing tables, then apply the steps this database lacks; returns their names."""
    applied: list[str] = []
    with SchemaMigration.bind_ctx(db), _schema_lock(db):
        db.create_tables([SchemaMigration, *models], safe=True)
        done = {m.name for m in SchemaMigration.select(SchemaMigration.name)}
        for name, module in steps():
            if name in done:
                continue
            with db.atomic():
                module.up(Schema(db))
                SchemaMigration.create(name=name, applied_at=datetime.now(timezone.utc).replace(tzinfo=None))
            applied.append(name)
    return applied


def schema_version(db) -> str | None:
    """The last step applied, None before any."""
    with SchemaMigration.bind_ctx(db):
        if not db.table_exists(SchemaMigration._meta.table_name):
            return None
        return (SchemaMigration.select(SchemaMigration.name)
                .order_by(SchemaMigration.name.desc()).limit(1).scalar())
