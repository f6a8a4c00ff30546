"""Items keep who must act on them, with each body's administrative level, so that targeting
by level (a task for Sở Y tế, not for commune health stations) can be built on it."""
from knowledge.models import Item


def up(schema) -> None:
    schema.add_columns(Item, "actors")
