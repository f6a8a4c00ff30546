"""Deadline reminders (pings), their acknowledgements, and the admins' overdue digest.

The database is the source of truth. The ledger (`Ping`) has ONE ROW PER (deadline, offset)
— "3d", "1d", "0d", "2h", … and "digest" — with its fire time in UTC and a status:

    planned  → queued    sent to every chat targeted at that moment (one outbox row per chat)
             → skipped   an earlier ping of a deadline whose later ping was also due (catch-up
                         after downtime sends only the latest), or a ping whose time had
                         already passed when the deadline was first planned
             → overdue   its deadline passed before it could be sent (the digest covers it)

The chats are resolved only when a ping fires, from the subscriptions of that moment: a row
per (deadline, chat, offset) would be 100,000 deadlines × thousands of groups × 4 offsets,
too many to plan in seconds or to keep. Firing happens in one transaction: the due rows
change status and each chat gets ONE outbox `Delivery` combining every deadline due for it,
under the dedup key `ping:<chat>:<batch>` where the batch names the fired ledger rows — so a
crash either keeps everything planned or has queued everything, and a restart sends nothing
twice. The digest works the same way (`digest:<admin>:<batch>`).

APScheduler only wakes the service: one job per upcoming fire time (carrying nothing but its
time) plus a resync every minute that plans new deadlines — also those imported by another
process — and fires whatever is due. Every job reloads its work from the ledger.

With several replicas only the leader runs APScheduler (`scheduler.replicas`), and firing
claims the due ledger rows (`claim_due_pings`), so a reminder is never fired twice even
while leadership changes hands or a follower resyncs after a push.
"""
from __future__ import annotations

import hashlib
import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from peewee import (BigIntegerField, CharField, DateTimeField, ForeignKeyField, IntegerField,
                    PostgresqlDatabase, chunked)

from knowledge.db import BaseModel, create_once, database, insert_ignore_many
from knowledge.deadlines import DeadlineRow, deadline_moment, load_rows
from knowledge.models import (Admin, Chat, Deadline, DeadlineUnit, Item, Unit, UserSetting,
                              utcnow)
from knowledge.recurrence import roll_recurring
from scheduler.clock import SystemClock
from scheduler.outbox import enqueue_many

log = logging.getLogger("loa.pings")

PLANNED, QUEUED, SKIPPED, OVERDUE = "planned", "queued", "skipped", "overdue"
DIGEST = "digest"
UNPLANNABLE = "unplannable"      # label of a skipped row: no time can be computed (31/12/9999)
FAR_DATE_ERRORS = (OverflowError, ValueError)    # what a date near year 1 or 9999 raises
RECEIVED, DONE = "received", "done"
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


class Acknowledgement(BaseModel):
    """A group said it received (or did) what a deadline asks; the first press counts."""
    deadline = ForeignKeyField(Deadline, backref="acknowledgements", on_delete="CASCADE")
    chat_id = BigIntegerField()
    kind = CharField()                           # received | done
    user_id = BigIntegerField()
    user_name = CharField(default="")
    created_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("deadline", "chat_id", "kind"), True),)


MODELS = [Ping, Acknowledgement]


def naive_utc(moment: datetime) -> datetime:
    return moment.astimezone(timezone.utc).replace(tzinfo=None)


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


# --- targeting, acknowledgements -------------------------------------------------------

def deadline_units(deadline_ids: list[int]) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {d: set() for d in deadline_ids}
    for chunk in chunked(deadline_ids, 900):
        query = (DeadlineUnit.select(DeadlineUnit.deadline, Unit.code).join(Unit)
                 .where(DeadlineUnit.deadline.in_(chunk)).tuples())
        for deadline_id, code in query:
            out[deadline_id].add(code)
    return out


def targets(deadline_ids: list[int]) -> dict[int, list[int]]:
    """Active chats each deadline's task is for: subscribed to "all", or to one of its units
    at the level and place its item names (knowledge/targeting.py: "Sở Y tế" is for the
    provincial groups, "Trạm Y tế các xã thuộc huyện Hải Hà" for the commune groups of Hải
    Hà) — the same rule as a push. Resolved for many deadlines with a few queries."""
    from knowledge.subscriptions import active_subscriptions
    from knowledge.targeting import Audience, deadline_targets

    units = deadline_units(deadline_ids)
    audience = Audience(active_subscriptions())
    items: dict[int, dict] = {}
    item_of: dict[int, int] = {}
    for chunk in chunked(deadline_ids, 900):
        query = (Deadline.select(Deadline.id, Item.id, Item.text, Item.headings, Item.actors)
                 .join(Item).where(Deadline.id.in_(chunk)).tuples())
        for deadline_id, item_id, text, headings, actors in query:
            item_of[deadline_id] = item_id
            if item_id not in items:
                items[item_id] = {"text": text, "headings": headings, "actors": actors}
    out = {}
    known: dict[tuple, list[int]] = {}          # (item, units) -> chats: an item's deadlines share them
    for deadline_id in deadline_ids:
        item_id = item_of.get(deadline_id)
        key = (item_id, tuple(sorted(units[deadline_id])))
        if key not in known:
            known[key] = sorted(audience.chats(deadline_targets(items.get(item_id, {}), units[deadline_id])))
        out[deadline_id] = list(known[key])
    return out


def record_ack(deadline_id: int, chat_id: int, kind: str, *, user_id: int, user_name: str,
               now: datetime) -> tuple[Acknowledgement | None, bool]:
    """Store a press of "received"/"done": (the acknowledgement, whether this press made it).
    The first press wins; (None, False) when the deadline no longer exists."""
    if kind not in (RECEIVED, DONE):
        raise ValueError(f"unknown acknowledgement {kind!r}")
    if not Deadline.select().where(Deadline.id == deadline_id).exists():
        return None, False
    return create_once(Acknowledgement, {"deadline": deadline_id, "chat_id": chat_id, "kind": kind},
                       user_id=user_id, user_name=user_name[:255], created_at=naive_utc(now))


def undo_ack(deadline_id: int, chat_id: int, kind: str = DONE) -> bool:
    """Take back a press (the handler checks that the presser or a group admin asks)."""
    return bool(Acknowledgement.delete().where(Acknowledgement.deadline == deadline_id,
                                               Acknowledgement.chat_id == chat_id,
                                               Acknowledgement.kind == kind).execute())


def notice_messages_by_chat(per_chat: dict[int, list[DeadlineRow]]) -> dict[int, dict[str, int]]:
    """chat id -> document key -> the notice's message there, which reminders answer."""
    from scheduler.receipts import notice_messages
    wanted: dict[str, set[int]] = defaultdict(set)
    for chat_id, chat_rows in per_chat.items():
        for row in chat_rows:
            wanted[row.document_key].add(chat_id)
    out: dict[int, dict[str, int]] = defaultdict(dict)
    for (chat_id, key), message_id in notice_messages(wanted).items():
        out[chat_id][key] = message_id
    return out


def acks_in_chat(deadline_ids: list[int], chat_id: int) -> dict[tuple[int, str], Acknowledgement]:
    query = Acknowledgement.select().where(Acknowledgement.deadline.in_(deadline_ids),
                                           Acknowledgement.chat_id == chat_id)
    return {(a.deadline_id, a.kind): a for a in query}


def _migrated(chat_ids) -> dict[int, int]:
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
        moved = _migrated(chat_id for _, chat_id, _ in acks)
        for deadline_id, chat_id, kind in acks:
            chat_id = moved.get(chat_id, chat_id)
            received[deadline_id].add(chat_id)
            if kind == DONE:
                done[deadline_id].add(chat_id)
    return {d: (len(done[d]), len(received[d]), len(set(targeted[d]) | received[d]))
            for d in deadline_ids}


def admin_ids(configured) -> list[int]:
    ids = list(dict.fromkeys(configured))
    ids += [a.user_id for a in Admin.select(Admin.user_id).order_by(Admin.user_id) if a.user_id not in ids]
    return ids


# --- firing ----------------------------------------------------------------------------

@dataclass
class FireResult:
    queued: int = 0             # ledger rows sent
    skipped: int = 0
    overdue: int = 0
    digests: int = 0            # digest ledger rows sent
    messages: int = 0           # outbox rows enqueued (pings to chats, digests to admins)


def claim_due_pings(now: datetime) -> list[Ping]:
    """The planned ledger rows due at `now`, claimed for the caller's transaction: on
    PostgreSQL locked (rows another process is firing are skipped), and on any database
    taken only while still planned (a status guard in the UPDATE), so that two replicas
    never fire the same reminder. Call inside `database.atomic()`."""
    query = (Ping.select().where(Ping.status == PLANNED, Ping.fire_at <= naive_utc(now))
             .order_by(Ping.fire_at, Ping.id))
    if isinstance(database.obj, PostgresqlDatabase):
        query = query.for_update(skip_locked=True)
    due = list(query)
    stamp = naive_utc(now)
    for chunk in chunked(due, 900):
        claimed = (Ping.update(handled_at=stamp)
                   .where(Ping.id.in_([p.id for p in chunk]), Ping.status == PLANNED).execute())
        if claimed != len(chunk):        # fired meanwhile by another process: leave it to it
            raise PingsTaken()
    return due


class PingsTaken(Exception):
    """Another process fired some of these ledger rows first."""


def _batch_key(pings: list[Ping]) -> str:
    """Names one firing: the latest fire time and a hash of the ledger rows it covers."""
    ids = ",".join(str(p.id) for p in sorted(pings, key=lambda p: p.id))
    latest = max(p.fire_at for p in pings)
    return f"{latest:%Y%m%dT%H%M}-{hashlib.sha1(ids.encode()).hexdigest()[:12]}"


class ReminderService:
    """Plans pings from the deadlines, fires them into the outbox, keeps APScheduler in step.

    `start()` (with the event loop running) plans, catches up what came due while the bot was
    down and builds the scheduler; `resync()` does the same work again (after a notice is
    pushed, and every minute); `await stop()` shuts the scheduler down.
    """

    RESYNC_SECONDS = 60
    HORIZON = timedelta(hours=26)        # fire-time jobs kept in the scheduler; resync extends it
    MAX_JOBS = 500

    def __init__(self, settings, sender=None, clock=None):
        self.settings = settings
        self.sender = sender
        self.clock = clock or SystemClock()
        self.zone: ZoneInfo = settings.zone
        self.scheduler = None

    # planning and firing (synchronous, so tests call them directly with a FakeClock)

    def plan(self) -> int:
        return plan_pings(self.settings.offsets, self.zone, self.settings.reminder_hour, self.clock.now())

    def fire_due(self, now: datetime | None = None) -> FireResult:
        """Send every ledger row due at `now`; see the module docstring for the rules."""
        now = now or self.clock.now()
        result = FireResult()
        try:
            with database.atomic():
                due = claim_due_pings(now)
                if not due:
                    return result
                reminders = [p for p in due if p.label != DIGEST]
                digests = [p for p in due if p.label == DIGEST]
                if reminders:
                    self._fire_reminders(reminders, now, result)
                if digests:
                    self._fire_digests(digests, now, result)
        except PingsTaken:                   # rolled back: the other process sends them
            log.info("pings_taken_by_another_process")
            return FireResult()
        if result.messages and self.sender is not None:
            self.sender.notify()
        if result.queued or result.skipped or result.overdue or result.digests:
            log.info("pings_fired queued=%s skipped=%s overdue=%s digests=%s messages=%s",
                     result.queued, result.skipped, result.overdue, result.digests, result.messages)
        return result

    def _fire_reminders(self, pings: list[Ping], now: datetime, result: FireResult) -> None:
        from bot.views.deadlines import render_ping_parts

        deadline_ids = sorted({p.deadline_id for p in pings})
        rows = {r.id: r for r in load_rows(deadline_ids)}
        latest: dict[int, Ping] = {}
        skipped, overdue = [], []
        moments = {}
        for p in pings:                                    # ordered by fire time
            row = rows.get(p.deadline_id)
            try:
                moments[p.deadline_id] = row.moment(self.zone) if row is not None else None
            except FAR_DATE_ERRORS:
                moments[p.deadline_id] = None
            if moments[p.deadline_id] is None or moments[p.deadline_id] <= now:
                overdue.append(p.id)
                continue
            if p.deadline_id in latest:
                skipped.append(latest[p.deadline_id].id)
            latest[p.deadline_id] = p
        fired = list(latest.values())
        stamp = naive_utc(now)
        if fired:
            batch = _batch_key(fired)
            chats_of = targets(sorted(latest))
            per_chat: dict[int, list[DeadlineRow]] = defaultdict(list)
            for deadline_id in sorted(latest, key=lambda d: (moments[d], d)):
                for chat_id in chats_of[deadline_id]:
                    per_chat[chat_id].append(rows[deadline_id])
            langs = self._chat_langs(list(per_chat))
            cache: dict = {}
            notices = notice_messages_by_chat(per_chat)
            messages = [(chat_id, render_ping_parts(chat_rows, langs.get(chat_id, self.settings.default_lang),
                                                    self.zone, sent_at=now, cache=cache,
                                                    notices=notices.get(chat_id)),
                         f"ping:{chat_id}:{batch}")
                        for chat_id, chat_rows in per_chat.items()]
            result.messages += enqueue_many(messages, kind="ping")
            for p in fired:
                (Ping.update(status=QUEUED, batch=batch, chats=len(chats_of[p.deadline_id]), handled_at=stamp)
                 .where(Ping.id == p.id).execute())
            result.queued += len(fired)
        for ids, status in ((skipped, SKIPPED), (overdue, OVERDUE)):
            for chunk in chunked(ids, 900):
                Ping.update(status=status, handled_at=stamp).where(Ping.id.in_(chunk)).execute()
        result.skipped += len(skipped)
        result.overdue += len(overdue)

    def _fire_digests(self, pings: list[Ping], now: datetime, result: FireResult) -> None:
        from bot.views.deadlines import DigestEntry, render_digest
        from scheduler.outbox import enqueue

        rows = load_rows(sorted({p.deadline_id for p in pings}))
        chats_of = targets([row.id for row in rows])         # the groups subscribed now
        done_by: dict[int, set[int]] = defaultdict(set)
        late_by: dict[int, set[int]] = defaultdict(set)       # marked done after the deadline
        moments = {}
        for row in rows:
            try:
                moments[row.id] = naive_utc(row.moment(self.zone))
            except FAR_DATE_ERRORS:                # far dates: none is "late"
                moments[row.id] = datetime.max
        for chunk in chunked([row.id for row in rows], 900):
            query = (Acknowledgement.select(Acknowledgement.deadline, Acknowledgement.chat_id,
                                            Acknowledgement.created_at)
                     .where(Acknowledgement.deadline.in_(chunk), Acknowledgement.kind == DONE).tuples())
            for deadline_id, chat_id, created_at in query:
                done_by[deadline_id].add(chat_id)
                if created_at > moments[deadline_id]:
                    late_by[deadline_id].add(chat_id)
        moved = _migrated({c for chats in done_by.values() for c in chats})
        titles: dict[int, str] = {}
        for chunk in chunked(sorted({c for chats in chats_of.values() for c in chats}), 900):
            titles.update(Chat.select(Chat.id, Chat.title).where(Chat.id.in_(chunk)).tuples())
        entries = []
        for row in rows:
            chats = chats_of[row.id]
            done = {moved.get(c, c) for c in done_by[row.id]}
            late = {moved.get(c, c) for c in late_by[row.id]}
            missing_ids = [c for c in chats if c not in done]
            entry = DigestEntry(row=row, targeted=len(chats), done=len(set(chats) & done),
                                missing=[(c, titles.get(c, "")) for c in missing_ids],
                                late=len(set(chats) & late))
            try:
                render_digest([entry], self.settings.default_lang, self.zone)
            except FAR_DATE_ERRORS as e:     # one deadline must not hold up the digest
                log.warning("digest_deadline_skipped deadline_id=%s error=%r", row.id, e)
                continue
            entries.append(entry)
        batch = _batch_key(pings)
        admins = admin_ids(self.settings.admin_ids)
        langs = dict(UserSetting.select(UserSetting.user_id, UserSetting.lang)
                     .where(UserSetting.user_id.in_(admins)).tuples()) if admins else {}
        if entries:
            for admin_id in admins:
                texts = render_digest(entries, langs.get(admin_id, self.settings.default_lang), self.zone)
                enqueue(admin_id, [{"text": text, "reply_markup": None} for text in texts],
                        kind="digest", dedup_key=f"digest:{admin_id}:{batch}")
                result.messages += 1
        if not admins:
            log.warning("digest_without_admins deadlines=%s", [p.deadline_id for p in pings])
        for chunk in chunked([p.id for p in pings], 900):
            (Ping.update(status=QUEUED, batch=batch, chats=len(admins), handled_at=naive_utc(now))
             .where(Ping.id.in_(chunk)).execute())
        result.digests += len(pings)

    def _chat_langs(self, chat_ids: list[int]) -> dict[int, str]:
        out = {}
        for chunk in chunked(chat_ids, 900):
            out.update(Chat.select(Chat.id, Chat.lang).where(Chat.id.in_(chunk)).tuples())
        return out

    # the scheduler

    def upcoming_fire_times(self, now: datetime) -> list[datetime]:
        """Distinct planned fire times within the horizon (aware UTC), soonest first."""
        query = (Ping.select(Ping.fire_at).distinct()
                 .where(Ping.status == PLANNED, Ping.fire_at > naive_utc(now),
                        Ping.fire_at <= naive_utc(now + self.HORIZON))
                 .order_by(Ping.fire_at).limit(self.MAX_JOBS))
        return [p.fire_at.replace(tzinfo=timezone.utc) for p in query]

    def resync(self) -> FireResult:
        """Plan new deadlines, fire what is due, and bring the scheduler's jobs in line."""
        roll_recurring(self.clock.now().astimezone(self.zone).date())   # a passed recurring duty: its next occurrence
        added = self.plan()
        result = self.fire_due()
        if added:
            log.info("pings_planned rows=%s", added)
        if self.scheduler is not None:
            self._sync_jobs()
        return result

    def _sync_jobs(self) -> None:
        wanted = {f"fire:{at:%Y%m%dT%H%M%S}": at for at in self.upcoming_fire_times(self.clock.now())}
        for job in self.scheduler.get_jobs():
            if job.id.startswith("fire:") and job.id not in wanted:
                job.remove()
        present = {job.id for job in self.scheduler.get_jobs()}
        for job_id, at in wanted.items():
            if job_id not in present:
                self.scheduler.add_job(self._on_fire_time, "date", run_date=at, id=job_id,
                                       misfire_grace_time=None, coalesce=True)

    async def _on_fire_time(self) -> None:
        self.fire_due()

    async def _on_resync(self) -> None:
        self.resync()

    def build_scheduler(self):
        from apscheduler.schedulers.asyncio import AsyncIOScheduler

        scheduler = AsyncIOScheduler(timezone=ZoneInfo("UTC"))
        scheduler.add_job(self._on_resync, "interval", seconds=self.RESYNC_SECONDS, id="resync",
                          misfire_grace_time=None, coalesce=True, max_instances=1)
        return scheduler

    def start(self) -> FireResult:
        """Call with the event loop running."""
        changed = replan_offsets(self.settings.offsets, self.zone, self.settings.reminder_hour,
                                 self.clock.now())
        if changed:
            log.info("pings_replanned rows=%s offsets=%s", changed, self.settings.reminder_offsets)
        self.scheduler = self.build_scheduler()
        result = self.resync()
        self.scheduler.start()
        return result

    async def stop(self) -> None:
        if self.scheduler is not None and self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        self.scheduler = None
