"""The reminder ledger (`Ping`) and its planning: which reminders each deadline gets, and when.

The database is the source of truth. The ledger has ONE ROW PER (deadline, offset) — "3d",
"1d", "0d", "2h", … and "digest" — with its fire time in UTC and a status:

    planned  → queued    sent to every chat targeted at that moment (one outbox row per chat)
             → skipped   an earlier ping of a deadline whose later ping was also due (catch-up
                         after downtime sends only the latest), or a ping whose time had
                         already passed when the deadline was first planned
             → overdue   its deadline passed before it could be sent (the digest covers it)

The chats are resolved only when a ping fires, from the subscriptions of that moment: a row
per (deadline, chat, offset) would be 100,000 deadlines × thousands of groups × 4 offsets,
too many to plan in seconds or to keep.

Planning is kept apart from firing (`scheduler.reminders`) because it is pure date
arithmetic over the deadlines — time zones, DST, far dates, a changed REMINDER_OFFSETS —
while firing is about chats, messages and concurrent replicas.
"""
from __future__ import annotations

import logging
from collections import defaultdict
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from peewee import CharField, DateTimeField, ForeignKeyField, IntegerField, chunked

from knowledge.db import BaseModel, database, insert_ignore_many
from knowledge.deadlines import deadline_moment
from knowledge.models import Deadline
from scheduler.clock import naive_utc

log = logging.getLogger("loa.pings")

PLANNED, QUEUED, SKIPPED, OVERDUE = "planned", "queued", "skipped", "overdue"
DIGEST = "digest"
UNPLANNABLE = "unplannable"      # label of a skipped row: no time can be computed (31/12/9999)
FAR_DATE_ERRORS = (OverflowError, ValueError)    # what a date near year 1 or 9999 raises
EXTRA_TIMED_OFFSET = ("h", 2)      # a deadline with a time of day is also pinged 2 h before


class Ping(BaseModel):
    """One planned reminder (or the digest) of one deadline; see the module docstring."""
    deadline = ForeignKeyField(Deadline, backref="pings", on_delete="CASCADE")
    label = CharField()                          # "3d", "2h", "30m", … or "digest"
    fire_at = DateTimeField()                    # naive UTC
    status = CharField(default=PLANNED)
    batch = CharField(null=True)                 # the firing that queued it (in the dedup keys)
    chats = IntegerField(default=0)              # how many chats it went to
    handled_at = DateTimeField(null=True)

    class Meta:
        indexes = ((("deadline", "label"), True), (("status", "fire_at"), False))


MODELS = [Ping]

# --- planning --------------------------------------------------------------------------

def ping_times(due_date: date, due_time: time | None, offsets: list[tuple[str, int]],
               zone: ZoneInfo, reminder_hour: int) -> list[tuple[str, datetime]]:
    """(label, aware fire time) of each reminder of one deadline, earliest first.

    `Nd` is N calendar days before at reminder_hour; `Nh`/`Nm` count back from the deadline's
    time (23:59 when it has none). Times at or after the deadline are dropped, and two offsets
    landing on the same moment make one ping.
    """
    moment = deadline_moment(due_date, due_time, zone)
    wanted = list(offsets)
    if due_time is not None and EXTRA_TIMED_OFFSET not in wanted:
        wanted.append(EXTRA_TIMED_OFFSET)
    by_time: dict[datetime, str] = {}
    for unit, n in wanted:
        if unit == "d":
            at = datetime.combine(due_date - timedelta(days=n), time(reminder_hour), tzinfo=zone)
        else:
            # in UTC: local wall-clock arithmetic would be an hour off across a DST change
            before = timedelta(hours=n) if unit == "h" else timedelta(minutes=n)
            at = moment.astimezone(timezone.utc) - before
        at = at.astimezone(timezone.utc)
        if at < moment and at not in by_time:
            by_time[at] = f"{n}{unit}"
    return sorted(((label, at) for at, label in by_time.items()), key=lambda p: p[1])


def digest_time(due_date: date, due_time: time | None, zone: ZoneInfo, reminder_hour: int) -> datetime:
    """A day after the deadline passed: 24 h after its time, or, for an all-day deadline, at
    reminder_hour two days after its date (a day after its end)."""
    if due_time is not None:
        return deadline_moment(due_date, due_time, zone) + timedelta(days=1)
    return datetime.combine(due_date + timedelta(days=2), time(reminder_hour), tzinfo=zone)


def plan_pings(offsets: list[tuple[str, int]], zone: ZoneInfo, reminder_hour: int, now: datetime) -> int:
    """Add ledger rows for every deadline that has none yet; returns the rows added.

    Idempotent (unique deadline+label). Times already past when a deadline is first seen are
    stored as skipped — they were never due while we knew of the deadline — and a deadline
    already past gets no digest: nobody was reminded of it.
    """
    now_utc = now.astimezone(timezone.utc)
    planned = Ping.select(Ping.deadline)
    fresh = (Deadline.select(Deadline.id, Deadline.due_date, Deadline.due_time)
             .where(Deadline.id.not_in(planned)).tuples())
    rows = []
    for deadline_id, due_date, due_time in fresh.iterator():
        try:
            planned = [(label, at) for label, at in ping_times(due_date, due_time, offsets, zone, reminder_hour)]
            if deadline_moment(due_date, due_time, zone) > now_utc:
                planned.append((DIGEST, digest_time(due_date, due_time, zone, reminder_hour)))
            planned = [(label, naive_utc(at), PLANNED if at > now_utc or label == DIGEST else SKIPPED)
                       for label, at in planned]
        except FAR_DATE_ERRORS as e:
            # One deadline the calendar cannot hold must not stop the others (nor the bot):
            # a skipped row records it, so it is logged once and not tried every minute.
            log.warning("deadline_unplannable deadline_id=%s due=%s error=%r", deadline_id, due_date, e)
            planned = [(UNPLANNABLE, naive_utc(now_utc), SKIPPED)]
        rows += [(deadline_id, label, at, status, 0) for label, at, status in planned]
    if rows:
        with database.atomic():
            insert_ignore_many(Ping, [Ping.deadline, Ping.label, Ping.fire_at, Ping.status, Ping.chats], rows)
    return len(rows)


def replan_offsets(offsets: list[tuple[str, int]], zone: ZoneInfo, reminder_hour: int, now: datetime) -> int:
    """At start-up, bring the pings of deadlines still ahead in line with REMINDER_OFFSETS and
    REMINDER_HOUR, which may have changed since they were planned: plan new offsets, move
    reminders to a new hour, skip those no longer wanted. Only rows still to come change
    (a future `skipped` row was skipped by an earlier start-up). Returns the rows changed."""
    now_utc = now.astimezone(timezone.utc)
    if _ledger_matches(offsets, zone, reminder_hour, now_utc):
        return 0                                     # the usual restart: nothing to do
    since = now_utc.astimezone(zone).date() - timedelta(days=1)
    upcoming = {d: (due_date, due_time) for d, due_date, due_time in
                Deadline.select(Deadline.id, Deadline.due_date, Deadline.due_time)
                .where(Deadline.due_date >= since).tuples()}
    have: dict[int, dict[str, tuple[int, str, datetime]]] = defaultdict(dict)
    for chunk in chunked(list(upcoming), 900):
        query = (Ping.select(Ping.id, Ping.deadline, Ping.label, Ping.status, Ping.fire_at)
                 .where(Ping.deadline.in_(chunk), Ping.label != DIGEST).tuples())
        for ping_id, deadline_id, label, status, fire_at in query:
            have[deadline_id][label] = (ping_id, status, fire_at)
    add, moved, dropped = [], [], []
    stamp = naive_utc(now)
    for deadline_id, rows in have.items():          # fresh deadlines are plan_pings' work
        due_date, due_time = upcoming[deadline_id]
        try:
            wanted = dict(ping_times(due_date, due_time, offsets, zone, reminder_hour))
        except FAR_DATE_ERRORS:             # plan_pings has logged it
            continue
        for label, at in wanted.items():
            if label not in rows:
                add.append((deadline_id, label, naive_utc(at), PLANNED if at > now_utc else SKIPPED, 0))
                continue
            ping_id, status, fire_at = rows[label]
            to_come = status == PLANNED or (status == SKIPPED and fire_at > stamp)
            if to_come and at > now_utc and (status != PLANNED or fire_at != naive_utc(at)):
                moved.append((ping_id, naive_utc(at)))
        dropped += [ping_id for label, (ping_id, status, _) in rows.items()
                    if status == PLANNED and label not in wanted]
    with database.atomic():
        if add:
            insert_ignore_many(Ping, [Ping.deadline, Ping.label, Ping.fire_at, Ping.status, Ping.chats], add)
        by_time: dict[datetime, list[int]] = defaultdict(list)
        for ping_id, fire_at in moved:
            by_time[fire_at].append(ping_id)
        for fire_at, ids in by_time.items():
            for chunk in chunked(ids, 900):
                (Ping.update(status=PLANNED, fire_at=fire_at, handled_at=None)
                 .where(Ping.id.in_(chunk)).execute())
        for chunk in chunked(dropped, 900):
            Ping.update(status=SKIPPED, handled_at=stamp).where(Ping.id.in_(chunk)).execute()
    return len(add) + len(moved) + len(dropped)


def _ledger_matches(offsets, zone: ZoneInfo, reminder_hour: int, now_utc: datetime) -> bool:
    """Whether the reminders still to come use exactly these offsets and this hour: a few
    DISTINCT queries instead of recomputing every deadline at each start-up."""
    configured = {f"{n}{unit}" for unit, n in offsets}
    extra = f"{EXTRA_TIMED_OFFSET[1]}{EXTRA_TIMED_OFFSET[0]}"
    stamp = naive_utc(now_utc)
    to_come = (Ping.label != DIGEST) & (Ping.fire_at > stamp) & (Ping.status.in_([PLANNED, SKIPPED]))
    labels = {(label, status) for label, status in
              Ping.select(Ping.label, Ping.status).distinct().where(to_come).tuples()}
    planned = {label for label, status in labels if status == PLANNED}
    if any(status == SKIPPED and label in configured for label, status in labels):
        return False                                 # wanted again after an earlier start-up
    if not (planned <= configured | {extra} and configured - {extra} <= planned):
        return False
    day_times = (Ping.select(Ping.fire_at).distinct()
                 .where(to_come & (Ping.label.endswith("d"))).tuples())
    return all(at.replace(tzinfo=timezone.utc).astimezone(zone).time() == time(reminder_hour)
               for (at,) in day_times)

