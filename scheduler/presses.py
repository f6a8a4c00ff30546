"""What a "📥 Đã nhận" / "✅ Đã hoàn thành" press records, on a pushed notice or on a reminder.

A press on a notice (`scheduler.receipts.NoticeReceipt`) and one on a reminder
(`scheduler.acknowledgements.Acknowledgement`) record the same facts — which group, which
kind, who pressed, when; the group's first press of each kind wins; "done" can be taken
back — about different things (a broadcast, a deadline). Their rules are written once here,
as a mixin of methods, and their columns by `press_columns`.

The columns are not fields of a base class: peewee puts a base class's fields before the
subclass's own, so `chat_id … created_at` would come before the foreign key in a freshly
created table, unlike the tables existing databases hold. Made by a function called after the
foreign key, they keep the order (and the schema) the tables always had.
"""
from __future__ import annotations

from datetime import datetime

from peewee import BigIntegerField, CharField, DateTimeField

from knowledge.db import create_once
from knowledge.models import utcnow
from scheduler.clock import naive_utc

RECEIVED, DONE = "received", "done"


def press_columns() -> tuple:
    """chat_id, kind (RECEIVED | DONE), user_id, user_name, created_at: declare them in a model
    right after its foreign key, `chat_id, kind, user_id, user_name, created_at = press_columns()`."""
    return (BigIntegerField(), CharField(), BigIntegerField(), CharField(default=""),
            DateTimeField(default=utcnow))


def check_kind(kind: str) -> None:
    """Button data can be forged: only the two kinds are ever stored."""
    if kind not in (RECEIVED, DONE):
        raise ValueError(f"unknown press kind {kind!r}")


class Press:
    """Mixed into a model with a foreign key named `PARENT` and the `press_columns`, unique
    on (parent, chat_id, kind)."""

    PARENT: str

    @classmethod
    def first_press(cls, parent_id: int, chat_id: int, kind: str, *, user_id: int, user_name: str,
                    now: datetime):
        """(the press stored for this group and kind, whether this press made it)."""
        check_kind(kind)
        return create_once(cls, {cls.PARENT: parent_id, "chat_id": chat_id, "kind": kind},
                           user_id=user_id, user_name=user_name[:255], created_at=naive_utc(now))

    @classmethod
    def take_back(cls, parent_id: int, chat_id: int, kind: str = DONE) -> bool:
        """Delete the group's press (the handler checks that the presser or a group admin asks)."""
        return bool(cls.delete().where(getattr(cls, cls.PARENT) == parent_id, cls.chat_id == chat_id,
                                       cls.kind == kind).execute())
