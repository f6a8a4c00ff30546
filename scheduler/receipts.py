"""Read receipts of pushed notices, and acknowledgements that outlive a corrected notice.

A pushed notice carries "Đã nhận" (received) and "Đã hoàn thành" (done) buttons. A press in a
unit group is recorded for that group with who pressed and when; the first press of each kind
counts. "Done" can be undone by whoever pressed it or by an admin of the group (the handler
checks who may). A press counts only in a group the notice was delivered to: button data can
be forged or forwarded.

Deadline acknowledgements (`scheduler.acknowledgements.Acknowledgement`) point at deadline rows, which a
corrected notice may delete. `keep_acknowledgements` runs before that (the loader calls it,
see `knowledge.loader.on_deadlines_replaced`): a group's "done" moves to the deadline the old
one became, or, when it became none, into `ArchivedAcknowledgement` with a copy of what was
acknowledged. No acknowledgement is ever lost to a replacement.
"""
from __future__ import annotations

import json
from datetime import datetime

from peewee import BigIntegerField, CharField, DateField, DateTimeField, ForeignKeyField, TextField, chunked

from knowledge.db import BaseModel
from knowledge.loader import on_deadlines_replaced
from knowledge.models import Chat, Deadline, Document, Item, utcnow
from scheduler.acknowledgements import Acknowledgement
from scheduler.outbox import SENT, Broadcast, Delivery
from scheduler.presses import DONE, Press, check_kind, press_columns


class NoticeReceipt(Press, BaseModel):
    """A group said it received (or did) a pushed notice; the first press of each kind wins."""
    PARENT = "broadcast"
    broadcast = ForeignKeyField(Broadcast, backref="receipts", on_delete="CASCADE")
    chat_id, kind, user_id, user_name, created_at = press_columns()

    class Meta:
        indexes = ((("broadcast", "chat_id", "kind"), True),)


class ArchivedAcknowledgement(BaseModel):
    """A deadline acknowledgement whose deadline a corrected notice removed, with what it
    acknowledged (the deadline row is gone)."""
    chat_id = BigIntegerField()
    kind = CharField()
    user_id = BigIntegerField()
    user_name = CharField(default="")
    created_at = DateTimeField()
    document_key = CharField(default="")
    document_number = CharField(null=True)
    item_number = CharField(default="")
    due_date = DateField(null=True)
    phrase = TextField(default="")
    task = TextField(default="")
    archived_at = DateTimeField(default=utcnow)


MODELS = [NoticeReceipt, ArchivedAcknowledgement]


# --- notice receipts -----------------------------------------------------------------------

def former_ids(chat_id: int) -> list[int]:
    """The chat and the groups that became it (a group upgraded to a supergroup keeps its
    messages, whose deliveries were recorded under the old id)."""
    ids, frontier = [chat_id], [chat_id]
    while frontier:
        older = [c for (c,) in Chat.select(Chat.id).where(Chat.migrated_to.in_(frontier)).tuples()
                 if c not in ids]
        ids += older
        frontier = older
    return ids


def delivered_to(broadcast_id: int, chat_id: int) -> bool:
    """Whether this notice went to this chat (or to the group it was before an upgrade)."""
    return (Delivery.select().where(Delivery.broadcast == broadcast_id, Delivery.kind == "notice",
                                    Delivery.chat_id.in_(former_ids(chat_id)))
            .exists())


def record_receipt(broadcast_id: int, chat_id: int, kind: str, *, user_id: int, user_name: str,
                   now: datetime) -> tuple[NoticeReceipt | None, bool]:
    """Store a press: (the receipt, whether this press made it). (None, False) when the notice
    was not delivered to this chat."""
    check_kind(kind)
    if not delivered_to(broadcast_id, chat_id):
        return None, False
    return NoticeReceipt.first_press(broadcast_id, chat_id, kind, user_id=user_id, user_name=user_name, now=now)


def undo_receipt(broadcast_id: int, chat_id: int, kind: str = DONE) -> bool:
    return NoticeReceipt.take_back(broadcast_id, chat_id, kind)


def receipts_in_chat(broadcast_id: int, chat_id: int) -> dict[str, NoticeReceipt]:
    query = NoticeReceipt.select().where(NoticeReceipt.broadcast == broadcast_id,
                                         NoticeReceipt.chat_id == chat_id)
    return {r.kind: r for r in query}


def receipts_of(broadcast_id: int) -> dict[int, dict[str, NoticeReceipt]]:
    """chat id -> kind -> receipt, for one notice (old group ids mapped to their supergroup)."""
    out: dict[int, dict[str, NoticeReceipt]] = {}
    rows = list(NoticeReceipt.select().where(NoticeReceipt.broadcast == broadcast_id)
                .order_by(NoticeReceipt.created_at))
    moved = dict(Chat.select(Chat.id, Chat.migrated_to).where(Chat.migrated_to.is_null(False))
                 .tuples()) if rows else {}
    for r in rows:
        out.setdefault(moved.get(r.chat_id, r.chat_id), {}).setdefault(r.kind, r)
    return out


# --- where a notice's message is in each group (reminders reply to it) ----------------------

def notice_messages(wanted: dict[str, set[int]]) -> dict[tuple[int, str], int]:
    """(chat id, document key) -> the id of the first message of the latest notice of that
    document delivered to that chat, for the chats `wanted` per document key; reminders
    answer it. Recalled notices are left out. Only the pairs asked for are read."""
    out: dict[tuple[int, str], int] = {}
    pushed: dict[str, list[tuple[int, int]]] = {}
    for keys in chunked(sorted(k for k, chats in wanted.items() if chats), 500):
        for broadcast_id, reached, key in (Broadcast.select(Broadcast.id, Broadcast.target_count, Document.key)
                                           .join(Document, on=(Broadcast.document == Document.id))
                                           .where(Document.key.in_(keys),
                                                  Broadcast.status.in_(["sending", "done"])).tuples()):
            pushed.setdefault(key, []).append((broadcast_id, reached))
    for key, broadcasts in pushed.items():
        chats = wanted[key]
        sent = (Delivery.broadcast.in_([b for b, _ in broadcasts])) & (Delivery.kind == "notice") \
            & (Delivery.status == SENT)
        # Few chats of many recipients: look them up; else read the notice's rows once.
        if len(chats) * 10 < sum(n for _, n in broadcasts):
            queries = [sent & Delivery.chat_id.in_(chunk) for chunk in chunked(sorted(chats), 900)]
        else:
            queries = [sent]
        for where in queries:
            for chat_id, message_ids in (Delivery.select(Delivery.chat_id, Delivery.message_ids)
                                         .where(where).order_by(Delivery.id).tuples()):
                if chat_id in chats:
                    first = next((m for m in json.loads(message_ids or "[]") if m), None)
                    if first:
                        out[(chat_id, key)] = first
    return out


# --- acknowledgements survive a corrected notice -------------------------------------------

def keep_acknowledgements(successors: dict[int, int | None]) -> None:
    """Move each acknowledgement of a deadline about to be deleted to the deadline it became;
    archive those that cannot move (no successor, or the group acknowledged that one too)."""
    old_ids = list(successors)
    acks = []
    for chunk in chunked(old_ids, 900):
        acks += list(Acknowledgement.select().where(Acknowledgement.deadline.in_(chunk)))
    if not acks:
        return
    taken = set()
    new_ids = [n for n in successors.values() if n is not None]
    for chunk in chunked(new_ids, 900):
        taken |= set(Acknowledgement.select(Acknowledgement.deadline, Acknowledgement.chat_id,
                                            Acknowledgement.kind)
                     .where(Acknowledgement.deadline.in_(chunk)).tuples())
    archive = []
    for ack in acks:
        new = successors.get(ack.deadline_id)
        if new is not None and (new, ack.chat_id, ack.kind) not in taken:
            Acknowledgement.update(deadline=new).where(Acknowledgement.id == ack.id).execute()
            taken.add((new, ack.chat_id, ack.kind))
        else:
            archive.append(ack)
    if archive:
        _archive(archive)


def _archive(acks: list) -> None:
    ids = sorted({a.deadline_id for a in acks})
    about = {d.id: d for d in (Deadline.select(Deadline, Item, Document).join(Item).join(Document)
                               .where(Deadline.id.in_(ids)))}
    rows = []
    for a in acks:
        d = about.get(a.deadline_id)
        rows.append({"chat_id": a.chat_id, "kind": a.kind, "user_id": a.user_id,
                     "user_name": a.user_name, "created_at": a.created_at,
                     "document_key": d.item.document.key if d else "",
                     "document_number": d.item.document.number if d else None,
                     "item_number": d.item.number if d else "",
                     "due_date": d.due_date if d else None,
                     "phrase": d.phrase if d else "", "task": d.task if d else ""})
    ArchivedAcknowledgement.insert_many(rows).execute()


on_deadlines_replaced(keep_acknowledgements)
