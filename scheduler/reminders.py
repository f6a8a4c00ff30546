"""Firing the reminder ledger: due pings into the outbox, and APScheduler kept in step.

Firing happens in one transaction: the due ledger rows (`scheduler.pings`) change status and
each chat gets ONE outbox `Delivery` combining every deadline due for it, under the dedup key
`ping:<chat>:<batch>` where the batch names the fired ledger rows — so a crash either keeps
everything planned or has queued everything, and a restart sends nothing twice. The digest
works the same way (`digest:<admin>:<batch>`).

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
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from peewee import PostgresqlDatabase, chunked

from knowledge.db import database
from knowledge.deadlines import DeadlineRow, load_rows
from knowledge.models import Chat, UserSetting
from knowledge.recurrence import roll_recurring
from scheduler.acknowledgements import Acknowledgement, migrated_chats
from scheduler.clock import SystemClock, naive_utc
from scheduler.outbox import enqueue_many
from scheduler.pings import (DIGEST, FAR_DATE_ERRORS, OVERDUE, PLANNED, QUEUED, SKIPPED, Ping,
                             plan_pings, replan_offsets)
from scheduler.presses import DONE
from scheduler.reminder_targets import admin_ids, notice_messages_by_chat, targets
from scheduler.renderers import DigestEntry, Renderers

log = logging.getLogger("loa.pings")


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

    def __init__(self, settings, sender=None, clock=None, *, renderers: Renderers):
        self.settings = settings
        self.renderers = renderers
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
            draw = self.renderers.ping_parts
            messages = [(chat_id, draw(chat_rows, langs.get(chat_id, self.settings.default_lang),
                                       self.zone, sent_at=now, cache=cache, notices=notices.get(chat_id)),
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
        moved = migrated_chats({c for chats in done_by.values() for c in chats})
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
                self.renderers.digest([entry], self.settings.default_lang, self.zone)
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
                texts = self.renderers.digest(entries, langs.get(admin_id, self.settings.default_lang), self.zone)
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

