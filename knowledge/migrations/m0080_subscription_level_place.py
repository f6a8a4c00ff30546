"""Groups subscribe with an administrative level and a place ("/subscribe y tế xã, Hải Hà"),
so a task for Sở Y tế reaches the provincial department only (knowledge/targeting.py).

Existing subscriptions get level "" and place "" (any level, anywhere): they receive what
they received before. One chat may now hold a unit at several levels or places, so the
unique index (chat, unit) becomes (chat, unit, level, place). Dropping and creating an index
rebuilds no table, so no row is touched."""
from knowledge.models import Subscription

OLD_INDEX = "subscription_chat_id_unit"


def up(schema) -> None:
    schema.add_columns(Subscription, "level", "place")
    table = Subscription._meta.table_name
    if any(i.name == OLD_INDEX for i in schema.db.get_indexes(table)):
        schema.db.execute_sql(f'DROP INDEX IF EXISTS "{OLD_INDEX}"')
    schema.add_index(Subscription, ("chat_id", "unit", "level", "place"), unique=True)
