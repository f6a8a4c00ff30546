"""Items keep the headings above them (section and point titles), for answers and search."""
from knowledge.models import Item


def up(schema) -> None:
    schema.add_columns(Item, "headings")
