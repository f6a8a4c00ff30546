"""The outbox: every bulk message (pushed notices, reminders) is a database row first;
`scheduler.sender.Sender` works through the rows within Telegram's limits, recording each
result as it gets it. Nothing is lost in a crash or a restart.

Rows are the unit of work; a row's `parts` are sent one API call at a time, so a long
notice to one chat never blocks other chats while it waits for that chat's next slot.
This module holds the tables and the ways rows are queued; it knows nothing of Telegram.
"""
from __future__ import annotations

import json

from datetime import datetime

from peewee import (BigIntegerField, BooleanField, CharField, DateTimeField, ForeignKeyField,
                    IntegerField, IntegrityError, PostgresqlDatabase, TextField, fn)

from knowledge.db import BaseModel, database, insert_ignore_many
from knowledge.models import Document, utcnow
from scheduler.parts import clean_part

PENDING, SENT, FAILED, BLOCKED = "pending", "sent", "failed", "blocked"
KINDS = ("notice", "ping", "digest", "nudge", "edit", "recall")
TELEGRAM_TEXT_LIMIT = 4096


class Broadcast(BaseModel):
    """One pushed notice: a draft the admin previews, then the delivery it started."""
    document = ForeignKeyField(Document, null=True, backref="broadcasts", on_delete="SET NULL")
    status = CharField(default="draft")               # draft | sending | done | cancelled | recalled
    draft = TextField(default="")                     # the parsed notice (JSON) while a draft
    created_by = BigIntegerField()
    admin_chat_id = BigIntegerField()
    progress_message_id = IntegerField(null=True)     # the admin's preview, edited with progress
    target_count = IntegerField(default=0)
    created_at = DateTimeField(default=utcnow)
    started_at = DateTimeField(null=True)
    finished_at = DateTimeField(null=True)
    # Replicas (migration 0030): a paid broadcast, and when the final report reached the admin.
    urgent = BooleanField(default=False)              # sent with allow_paid_broadcast
    reported_at = DateTimeField(null=True)


class Delivery(BaseModel):
    """One message (in one or more parts) to one chat, and what became of it."""
    dedup_key = CharField(unique=True)                # "notice:{broadcast_id}:{chat_id}", "ping:…"
    kind = CharField()                                # one of KINDS
    broadcast = ForeignKeyField(Broadcast, null=True, backref="deliveries", on_delete="CASCADE")
    chat_id = BigIntegerField(index=True)             # follows a group's migration to a supergroup
    parts = TextField()                               # JSON [{"text": html, "reply_markup": dict|null,
                                                      #        "reply_to": message id (optional)}]
                                                      # or other kinds: scheduler/parts.py
    parts_sent = IntegerField(default=0)
    status = CharField(default=PENDING, index=True)   # pending | sent | failed | blocked
    attempts = IntegerField(default=0)                # failed API calls (backoff and give-up count)
    next_attempt_at = DateTimeField(null=True)        # naive UTC; None = as soon as possible
    last_error = TextField(default="")
    message_ids = TextField(default="[]")             # JSON list, one per part sent
    created_at = DateTimeField(default=utcnow)
    sent_at = DateTimeField(null=True)
    # Replicas (migration 0030): the sender working on this row, until when (see claim_due).
    claimed_by = CharField(null=True)
    lease_until = DateTimeField(null=True)            # naive UTC

    def part_list(self) -> list[dict]:
        return json.loads(self.parts)


MODELS = [Broadcast, Delivery]


def _clean_parts(parts: list[dict]) -> list[dict]:
    clean = [clean_part(part) for part in parts]     # the kinds of parts: scheduler/parts.py
    if not clean:
        raise ValueError("a delivery needs at least one part")
    return clean


def enqueue(chat_id: int, parts: list[dict], *, kind: str, dedup_key: str,
            broadcast: Broadcast | int | None = None) -> Delivery:
    """Put one message in the outbox, or return the row already there for `dedup_key`.

    Safe inside the caller's `database.atomic()`: the notice and its deliveries commit
    together, so a crash never leaves a stored notice that nobody will receive.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown delivery kind {kind!r}")
    clean = _clean_parts(parts)
    existing = Delivery.get_or_none(Delivery.dedup_key == dedup_key)
    if existing is not None:
        return existing
    try:
        with database.atomic():
            return Delivery.create(dedup_key=dedup_key, kind=kind, broadcast=broadcast,
                                   chat_id=chat_id, parts=json.dumps(clean, ensure_ascii=False))
    except IntegrityError:
        # Another writer enqueued the same key between our look-up and insert.
        return Delivery.get(Delivery.dedup_key == dedup_key)


def enqueue_many(messages: list[tuple[int, list[dict], str]], *, kind: str,
                 broadcast: Broadcast | int | None = None) -> int:
    """`enqueue` for many (chat id, parts, dedup key) messages in one statement.

    One row at a time costs about 1 ms; a notice or a reminder to 10,000 groups must be
    queued within a second, inside the caller's transaction. Keys already queued are kept.
    """
    if kind not in KINDS:
        raise ValueError(f"unknown delivery kind {kind!r}")
    broadcast_id = broadcast.id if isinstance(broadcast, Broadcast) else broadcast
    insert_ignore_many(
        Delivery, [Delivery.dedup_key, Delivery.kind, Delivery.broadcast, Delivery.chat_id, Delivery.parts],
        ((key, kind, broadcast_id, chat_id, json.dumps(_clean_parts(parts), ensure_ascii=False))
         for chat_id, parts, key in messages))
    return len(messages)


def delivery_counts(broadcast_id: int) -> dict[str, int]:
    """{pending, sent, failed, blocked, total} of one broadcast's rows."""
    counts = {PENDING: 0, SENT: 0, FAILED: 0, BLOCKED: 0}
    query = (Delivery.select(Delivery.status, fn.COUNT(Delivery.id).alias("n"))
             .where(Delivery.broadcast == broadcast_id).group_by(Delivery.status))
    for row in query.dicts():
        counts[row["status"]] = row["n"]
    counts["total"] = sum(counts.values())
    return counts


# --- claims: which sender works on which row ------------------------------------------------
#
# Several senders (replicas) share the outbox. A sender claims due rows for a lease and is
# the only one that records their result; a sender that dies leaves its claims to expire,
# and the rows are taken over. On PostgreSQL the claim skips rows another sender is claiming
# at that very moment (FOR UPDATE SKIP LOCKED); SQLite has one writer at a time, so its one
# UPDATE statement is atomic anyway.

def claim_due(owner: str, limit: int, now: datetime, lease_until: datetime) -> list[Delivery]:
    """Claim up to `limit` pending rows that are due and not leased, oldest first."""
    if limit <= 0:
        return []
    due = (Delivery.select(Delivery.id)
           .where(Delivery.status == PENDING,
                  Delivery.next_attempt_at.is_null() | (Delivery.next_attempt_at <= now),
                  Delivery.lease_until.is_null() | (Delivery.lease_until <= now))
           .order_by(Delivery.id).limit(limit))
    if isinstance(database.obj, PostgresqlDatabase):
        due = due.for_update(skip_locked=True)
    claimed = (Delivery.update(claimed_by=owner, lease_until=lease_until)
               .where(Delivery.id.in_(due)).returning(Delivery).execute())
    return sorted(claimed, key=lambda row: row.id)


def record(row_id: int, owner: str, **values) -> bool:
    """Write what became of a claimed row and give the claim up; False when the row is no
    longer this owner's (its lease expired and another sender took it over, or it was
    closed meanwhile): then nothing is written."""
    return bool(Delivery.update(claimed_by=None, lease_until=None, **values)
                .where(Delivery.id == row_id, Delivery.claimed_by == owner,
                       Delivery.status == PENDING).execute())


def renew_leases(owner: str, row_ids, lease_until: datetime) -> int:
    """Keep the claims of rows still being worked on."""
    row_ids = list(row_ids)
    if not row_ids:
        return 0
    return (Delivery.update(lease_until=lease_until)
            .where(Delivery.id.in_(row_ids), Delivery.claimed_by == owner).execute())


def next_due(now: datetime, exclude=()) -> datetime | None:
    """When the next pending row becomes claimable: now if one is due, else the earliest
    retry time or expiring lease; None when nothing is pending."""
    exclude = list(exclude)
    pending = Delivery.select().where(Delivery.status == PENDING)
    if exclude:
        pending = pending.where(Delivery.id.not_in(exclude))
    free = Delivery.lease_until.is_null() | (Delivery.lease_until <= now)
    if pending.where(free, Delivery.next_attempt_at.is_null() | (Delivery.next_attempt_at <= now)).exists():
        return now
    times = [pending.select(fn.MIN(Delivery.next_attempt_at)).where(free).scalar(),
             pending.select(fn.MIN(Delivery.lease_until)).where(~free).scalar()]
    times = [datetime.fromisoformat(t) if isinstance(t, str) else t for t in times if t is not None]
    return max(min(times), now) if times else None
