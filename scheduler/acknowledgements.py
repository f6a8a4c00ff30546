"""Deadline acknowledgements: a unit group's "Đã nhận" / "Đã hoàn thành" press on a reminder.

Apart from the ledger because a press is the group's answer, not a reminder: it outlives
the reminder rows, counts towards the task board and the overdue digest
(`scheduler.taskstatus`, `scheduler.reminders`), and is moved or archived when a corrected
notice replaces its deadline (`scheduler.receipts.keep_acknowledgements`).
"""
from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from peewee import ForeignKeyField, chunked

from knowledge.db import BaseModel
from knowledge.models import Chat, Deadline
from scheduler.presses import DONE, Press, check_kind, press_columns
from scheduler.reminder_targets import targets


class Acknowledgement(Press, BaseModel):
    """A group said it received (or did) what a deadline asks; the first press counts."""
    PARENT = "deadline"
    deadline = ForeignKeyField(Deadline, backref="acknowledgements", on_delete="CASCADE")
    chat_id, kind, user_id, user_name, created_at = press_columns()

    class Meta:
        indexes = ((("deadline", "chat_id", "kind"), True),)


MODELS = [Acknowledgement]


def record_ack(deadline_id: int, chat_id: int, kind: str, *, user_id: int, user_name: str,
               now: datetime) -> tuple[Acknowledgement | None, bool]:
    """Store a press of "received"/"done": (the acknowledgement, whether this press made it).
    The first press wins; (None, False) when the deadline no longer exists."""
    check_kind(kind)
    if not Deadline.select().where(Deadline.id == deadline_id).exists():
        return None, False
    return Acknowledgement.first_press(deadline_id, chat_id, kind, user_id=user_id, user_name=user_name, now=now)


def undo_ack(deadline_id: int, chat_id: int, kind: str = DONE) -> bool:
    """Take back a press (the handler checks that the presser or a group admin asks)."""
    return Acknowledgement.take_back(deadline_id, chat_id, kind)


def acks_in_chat(deadline_ids: list[int], chat_id: int) -> dict[tuple[int, str], Acknowledgement]:
    query = Acknowledgement.select().where(Acknowledgement.deadline.in_(deadline_ids),
                                           Acknowledgement.chat_id == chat_id)
    return {(a.deadline_id, a.kind): a for a in query}


def migrated_chats(chat_ids) -> dict[int, int]:
    """old chat id -> the supergroup it became: a group that pressed "done" and was then
    upgraded keeps its acknowledgement under its new id."""
    ids = set(chat_ids)
    if not ids:
        return {}
    moved = dict(Chat.select(Chat.id, Chat.migrated_to)
                 .where(Chat.migrated_to.is_null(False)).tuples())
    out = {}
    for chat_id in ids & set(moved):
        new, seen = moved[chat_id], {chat_id}
        while new in moved and new not in seen:      # upgraded twice, in theory
            seen.add(new)
            new = moved[new]
        out[chat_id] = new
    return out


def completion_counts(deadline_ids: list[int]) -> dict[int, tuple[int, int, int]]:
    """deadline id -> (groups done, groups that received or did it, groups targeted now)."""
    targeted = targets(deadline_ids)
    done: dict[int, set[int]] = defaultdict(set)
    received: dict[int, set[int]] = defaultdict(set)
    for chunk in chunked(deadline_ids, 900):
        query = (Acknowledgement.select(Acknowledgement.deadline, Acknowledgement.chat_id,
                                        Acknowledgement.kind)
                 .where(Acknowledgement.deadline.in_(chunk)).tuples())
        acks = list(query)
        moved = migrated_chats(chat_id for _, chat_id, _ in acks)
        for deadline_id, chat_id, kind in acks:
            chat_id = moved.get(chat_id, chat_id)
            received[deadline_id].add(chat_id)
            if kind == DONE:
                done[deadline_id].add(chat_id)
    return {d: (len(done[d]), len(received[d]), len(set(targeted[d]) | received[d]))
            for d in deadline_ids}

