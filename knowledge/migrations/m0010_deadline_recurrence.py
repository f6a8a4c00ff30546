"""Recurring deadlines ("trước ngày 20 hằng tháng") carry their rule (knowledge/recurrence.py)."""
from knowledge.models import Deadline


def up(schema) -> None:
    schema.add_columns(Deadline, "recurrence")
