"""The sender: works through the outbox (`scheduler.outbox`) and records each result as it
gets it. Several senders (replicas) can share one outbox: each claims the rows it sends for
a lease (`claim_due`), and only the claimant records what became of a row.

Telegram's limits are the gate's business (`scheduler.gate`, on the Bot): the sender makes
its calls inside `bulk_sending()`, so a reply to a person goes before them, and a row whose
chat is busy comes back at once (`ChatBusy`) and is put aside until the chat is free.

Nothing is sent twice except the messages whose answer had not been recorded when a
process died: at most the calls in flight, whose number follows the API's round trip (enough
to use the whole budget, `window`, at most SEND_WINDOW).
"""
from __future__ import annotations

import asyncio
import json
import logging
import math
import time
from datetime import datetime, timezone

from aiogram.exceptions import (TelegramAPIError, TelegramBadRequest, TelegramForbiddenError,
                                TelegramMigrateToChat, TelegramRetryAfter,
                                TelegramUnauthorizedError)

from knowledge.logs import log_event
from knowledge.db import database
from scheduler import metrics
from scheduler.clock import SystemClock, sleep_or_wake
from scheduler.gate import ensure_gate
from scheduler.limits import ChatBusy, bulk_sending
from scheduler.outbox import (BLOCKED, FAILED, PENDING, SENT, Broadcast, Delivery, claim_due,
                              next_due, record, renew_leases)
from scheduler.parts import perform_part
from scheduler.progress import REPORT_TRIES, BroadcastProgress
from scheduler.renderers import Renderers
from scheduler.replicas import process_identity

log = logging.getLogger("loa.delivery")

BLOCKING_BAD_REQUESTS = ("chat not found", "group chat was deactivated", "user is deactivated",
                         "peer_id_invalid", "bot was kicked", "bot is not a member")


class Sender:
    """Works through the outbox within Telegram's limits; one per process.

    `window`: the most API calls in flight (default SEND_WINDOW); below it, as many as the
    measured round trip needs. `lease`: seconds a claim lasts unless renewed (a dead
    sender's rows are taken over after it). `leader()`: whether this process shows the
    admins' progress (one process does; see `scheduler.replicas`).
    """

    def __init__(self, bot, settings, clock=None, *, renderers: Renderers, window: int | None = None,
                 max_attempts: int = 8, backoff_base: float = 1.0, backoff_cap: float = 60.0,
                 progress_interval: float = 2.5, lease: float | None = None, owner: str | None = None,
                 leader=None):
        self.bot = bot
        self.settings = settings
        self.clock = clock or SystemClock()
        self.gate = ensure_gate(bot, settings, self.clock)
        self.max_window = max(1, window or settings.send_window)
        self.max_attempts = max_attempts
        self.backoff_base, self.backoff_cap = backoff_base, backoff_cap
        self.lease = float(lease or getattr(settings, "outbox_lease", 15.0))
        self.owner = owner or process_identity()
        self.is_leader = leader or (lambda: True)
        self.progress = BroadcastProgress(bot, self.clock, renderers, progress_interval)
        self.chat_interval = float(settings.chat_interval)
        self.paid_rate = float(getattr(settings, "paid_broadcast_rate", 0) or 0)
        self._wake = asyncio.Event()
        self._in_flight: dict[int, asyncio.Task] = {}     # row id -> its task
        self._urgent: dict[int, bool] = {}                # broadcast id -> paid broadcast
        self._paid_in_flight = 0
        self._renewed_at = 0.0
        self._paused_until = 0.0
        self.stats = {"sent": 0, "retry_after": 0, "errors": 0, "busy": 0, "lost": 0}

    # -- public ---------------------------------------------------------------------------
    def notify(self) -> None:
        """New rows were enqueued: look at the outbox now instead of at the next timer."""
        self._wake.set()

    @property
    def window(self) -> int:
        """Calls in flight that keep the budget busy: rate × round trip, plus the two slots a
        bulk call may wait for, with a quarter to spare; at most `max_window`."""
        rate = self.gate.limits.budget.rate
        if self._paid_in_flight and self.gate.limits.budget.paid_rate:
            rate = self.gate.limits.budget.paid_rate
        wanted = math.ceil(rate * self.gate.round_trip.seconds * 1.25) + 3
        return max(1, min(self.max_window, wanted))

    async def run(self) -> None:
        """Forever: send what is due, sleep until something is; resumes pending rows."""
        self._seed_limits()
        progress = asyncio.create_task(self._progress_loop())
        try:
            while True:
                try:
                    await self._work(until_idle=False)
                except asyncio.CancelledError:
                    raise
                except Exception:   # a database hiccup must not stop delivery for good
                    log.exception("event=sender_error")
                    await self.clock.sleep(1.0)
        finally:
            progress.cancel()
            await self._cancel_in_flight()

    async def drain(self, timeout: float | None = None) -> None:
        """Send everything that is due now (waiting for chat slots), then finish broadcasts.

        With `timeout`, also wait for rows in retry or backoff, up to `timeout` seconds, so
        a test can drain through injected errors. The clock governs every wait.
        """
        deadline = None if timeout is None else self._now() + timeout
        try:
            await self._work(until_idle=True, deadline=deadline)
        finally:
            await self._cancel_in_flight()
        for _ in range(REPORT_TRIES):
            await self.update_broadcasts(force=True)
            if not self.progress.unreported():
                break

    async def update_broadcasts(self, force: bool = False) -> None:
        await self.progress.update(force=force)

    # -- the loop -------------------------------------------------------------------------
    def _now(self) -> float:
        return self.clock.now().timestamp()

    def _at_db(self, t: float) -> datetime:
        return datetime.fromtimestamp(t, timezone.utc).replace(tzinfo=None)

    def _now_db(self) -> datetime:
        return self._at_db(self._now())

    async def _work(self, until_idle: bool, deadline: float | None = None) -> None:
        while True:
            self._renew()
            if self._dispatch():
                await asyncio.sleep(0)          # let the new calls reach the gate
                continue
            now = self._now()
            if len(self._in_flight) >= self.window:      # a finished call wakes the loop
                await self._sleep_or_wake(self.lease / 3)
                continue
            later = next_due(self._now_db(), exclude=self._in_flight)
            later = later.replace(tzinfo=timezone.utc).timestamp() if later else None
            if until_idle and not self._in_flight:
                if later is None or (deadline is not None and now >= deadline):
                    return
                if later > now and (deadline is None or later > deadline):
                    return
            wake_at = [x for x in (later, self._paused_until or None, deadline) if x]
            wait = min([60.0] + [max(0.0, x - now) for x in wake_at])
            if self._in_flight:
                wait = min(wait, self.lease / 3)
            await self._sleep_or_wake(wait)

    async def _sleep_or_wake(self, seconds: float) -> None:
        await sleep_or_wake(self.clock, self._wake, seconds)

    def _dispatch(self) -> int:
        """Claim as many due rows as there is room in the window and start their calls."""
        if self._now() < self._paused_until:
            return 0
        free = self.window - len(self._in_flight)
        metrics.SEND_WINDOW.set(self.window)
        if free <= 0:
            return 0
        now = self._now()
        rows = claim_due(self.owner, free, self._at_db(now), self._at_db(now + self.lease))
        for row in rows:
            self._in_flight[row.id] = asyncio.create_task(self._send_part(row))
        return len(rows)

    def _renew(self) -> None:
        now = self._now()
        if self._in_flight and now - self._renewed_at >= self.lease / 3:
            renew_leases(self.owner, list(self._in_flight), self._at_db(now + self.lease))
            self._renewed_at = now

    async def _cancel_in_flight(self) -> None:
        tasks = list(self._in_flight.values())
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)

    # -- one API call ---------------------------------------------------------------------
    def _is_paid(self, row: Delivery) -> bool:
        if self.paid_rate <= 0 or row.broadcast_id is None:
            return False
        if row.broadcast_id not in self._urgent:
            broadcast = Broadcast.get_or_none(Broadcast.id == row.broadcast_id)
            self._urgent[row.broadcast_id] = bool(broadcast and broadcast.urgent)
        return self._urgent[row.broadcast_id]

    async def _send_part(self, row: Delivery) -> None:
        paid = self._is_paid(row)
        self._paid_in_flight += paid
        try:
            parts = row.part_list()
            index = row.parts_sent
            if index >= len(parts):
                self._record(row, status=SENT, sent_at=self._now_db())
                return
            part = parts[index]
            started = time.monotonic()
            try:
                with bulk_sending(paid=paid):
                    message_id = await perform_part(self.bot, row.chat_id, part,
                                                    json.loads(row.message_ids or "[]"), paid=paid)
            except ChatBusy as e:
                self.stats["busy"] += 1
                self._record(row, next_attempt_at=self._at_db(self._now() + max(e.wait, 0.05)))
            except TelegramRetryAfter as e:
                self._on_retry_after(row, e)
            except TelegramMigrateToChat as e:
                self._on_migrated(row, e.migrate_to_chat_id)
            except TelegramForbiddenError as e:
                self._on_unreachable(row, e.message)
            except TelegramBadRequest as e:
                if any(s in e.message.lower() for s in BLOCKING_BAD_REQUESTS):
                    self._on_unreachable(row, e.message)
                else:   # the message itself is wrong: sending it again will not help
                    self._give_up(row, e.message)
            except TelegramUnauthorizedError as e:
                log_event(log, "delivery_unauthorized", logging.ERROR, error=e.message)
                self._paused_until = self._now() + 30.0   # the token is wrong: stop hammering
                self._record(row, next_attempt_at=self._at_db(self._paused_until))
            except (TelegramAPIError, asyncio.TimeoutError, OSError) as e:
                self._on_transient(row, getattr(e, "message", None) or f"{type(e).__name__}: {e}")
            except asyncio.CancelledError:   # stopping: the row is free for whoever goes on
                record(row.id, self.owner)
                raise
            except Exception as e:   # a bug or an unexpected answer: retry, but not forever
                log.exception("delivery_unexpected row=%s", row.id)
                self._on_transient(row, f"{type(e).__name__}: {e}")
            else:
                self._on_sent(row, parts, index, message_id,
                              int((time.monotonic() - started) * 1000))
        finally:
            self._paid_in_flight -= paid
            self._in_flight.pop(row.id, None)
            self._wake.set()

    def _record(self, row: Delivery, **values) -> bool:
        if record(row.id, self.owner, **values):
            return True
        self.stats["lost"] += 1
        log_event(log, "delivery_claim_lost", logging.WARNING, chat=row.chat_id, row=row.id)
        return False

    def _on_sent(self, row: Delivery, parts: list, index: int, message_id: int, ms: int) -> None:
        ids = json.loads(row.message_ids or "[]") + [message_id]
        done = index + 1 >= len(parts)
        values = dict(parts_sent=index + 1, message_ids=json.dumps(ids), last_error="")
        if done:
            values.update(status=SENT, sent_at=self._now_db(), next_attempt_at=None)
        else:   # the next part waits for this chat's next slot; other chats go meanwhile
            values.update(next_attempt_at=self._at_db(self._now() + self.chat_interval))
        self._record(row, **values)
        self.stats["sent"] += 1
        log_event(log, "delivery_sent", chat=row.chat_id, kind=row.kind, row=row.id,
                  part=f"{index + 1}/{len(parts)}", ms=ms)

    def _on_retry_after(self, row: Delivery, e: TelegramRetryAfter) -> None:
        wait = max(1, int(e.retry_after))
        self.stats["retry_after"] += 1
        self._record(row, next_attempt_at=self._at_db(self._now() + wait),
                     last_error=f"429 retry after {wait}")
        log_event(log, "delivery_retry_after", logging.WARNING, chat=row.chat_id, row=row.id,
                  retry_after=wait)

    def _on_migrated(self, row: Delivery, new_id: int) -> None:
        from knowledge.subscriptions import migrate_chat

        old_id = row.chat_id
        migrate_chat(old_id, new_id)
        twin = None
        if row.broadcast_id is not None:
            twin = Delivery.get_or_none(Delivery.broadcast == row.broadcast_id,
                                        Delivery.chat_id == new_id, Delivery.id != row.id)
        with database.atomic():
            if twin is not None:   # the supergroup has its own row already: do not send twice
                self._record(row, status=BLOCKED, last_error=f"migrated to {new_id} (row {twin.id})")
            else:
                self._record(row, chat_id=new_id, next_attempt_at=None,
                             last_error=f"migrated from {old_id}")
            (Delivery.update(chat_id=new_id)
             .where(Delivery.chat_id == old_id, Delivery.status == PENDING, Delivery.id != row.id)
             .execute())
        log_event(log, "delivery_migrated", chat=old_id, to=new_id, row=row.id)

    def _on_unreachable(self, row: Delivery, error: str) -> None:
        from knowledge.subscriptions import deactivate_chat

        with database.atomic():
            deactivate_chat(row.chat_id)
            self._record(row, status=BLOCKED, last_error=error, next_attempt_at=None)
            (Delivery.update(status=BLOCKED, last_error=error, next_attempt_at=None)
             .where(Delivery.chat_id == row.chat_id, Delivery.status == PENDING).execute())
        log_event(log, "delivery_blocked", logging.WARNING, chat=row.chat_id, row=row.id, error=error)

    def _give_up(self, row: Delivery, error: str) -> None:
        self._record(row, status=FAILED, attempts=row.attempts + 1, last_error=error)
        self.stats["errors"] += 1
        log_event(log, "delivery_failed", logging.ERROR, chat=row.chat_id, row=row.id, error=error)

    def _on_transient(self, row: Delivery, error: str) -> None:
        attempts = row.attempts + 1
        self.stats["errors"] += 1
        if attempts >= self.max_attempts:
            self._give_up(row, error)
            return
        delay = min(self.backoff_cap, self.backoff_base * 2 ** (attempts - 1))
        self._record(row, attempts=attempts, last_error=error,
                     next_attempt_at=self._at_db(self._now() + delay))
        log_event(log, "delivery_retry", logging.WARNING, chat=row.chat_id, row=row.id,
                  attempt=attempts, delay=round(delay, 2), error=error)

    def _seed_limits(self) -> None:
        """After a restart, this process's own limits learn which chats were sent to in the
        last minute (shared limits remember it themselves)."""
        remember = getattr(self.gate.limits, "remember", None)
        if remember is None:
            return
        since = self._at_db(self._now() - 60.0)
        query = (Delivery.select(Delivery.chat_id, Delivery.sent_at)
                 .where(Delivery.sent_at > since).order_by(Delivery.sent_at).tuples())
        for chat_id, sent_at in query:
            remember(chat_id, sent_at.replace(tzinfo=timezone.utc).timestamp())

    # -- broadcast progress (the leader's) ------------------------------------------------
    async def _progress_loop(self) -> None:
        while True:
            try:
                if self.is_leader():
                    await self.progress.update()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("event=progress_failed")
            await self.clock.sleep(min(1.0, self.progress.interval))

