"""Replicas: PostgreSQL announces changes itself, on commit, so every process hears them
whoever wrote the rows (a replica, `bot.py import`): new outbox rows on `loa_outbox` (the
senders wake), stored, replaced or removed notices on `loa_knowledge` (answers refresh,
the leader plans reminders). See scheduler/replicas.py. Nothing to do on SQLite, where
the bot is one process."""
from peewee import PostgresqlDatabase

from knowledge.models import Document, Item
from scheduler.outbox import Delivery

FUNCTION = """
CREATE OR REPLACE FUNCTION loa_notify() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify(TG_ARGV[0], '');
  RETURN NULL;
END $$ LANGUAGE plpgsql
"""

TRIGGERS = [(Delivery, "INSERT", "loa_outbox"),
            (Document, "INSERT OR UPDATE OR DELETE", "loa_knowledge"),
            (Item, "INSERT OR UPDATE OR DELETE", "loa_knowledge")]


def up(schema) -> None:
    if not isinstance(schema.db, PostgresqlDatabase):
        return
    schema.db.execute_sql(FUNCTION)
    for model, events, channel in TRIGGERS:
        table = model._meta.table_name
        name = f"{table}_{channel}"
        schema.db.execute_sql(f'DROP TRIGGER IF EXISTS "{name}" ON "{table}"')
        # One notification per statement (PostgreSQL folds repeats within a transaction).
        schema.db.execute_sql(f'CREATE TRIGGER "{name}" AFTER {events} ON "{table}" '
                              f"FOR EACH STATEMENT EXECUTE FUNCTION loa_notify('{channel}')")
