"""The sender: works through the outbox (`scheduler.outbox`) within Telegram's limits,
recording each result as it gets it. Nothing is sent twice except the few messages whose
answer had not been recorded when the process died (at most `window`).
"""
from __future__ import annotations

import asyncio
import json
import logging
import time
from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timezone

from aiogram.exceptions import (TelegramAPIError, TelegramBadRequest, TelegramForbiddenError,
                                TelegramMigrateToChat, TelegramRetryAfter,
                                TelegramUnauthorizedError)
from peewee import fn

from bot.logs import log_event
from knowledge.db import database
from knowledge.models import Chat, UserSetting
from scheduler.clock import SystemClock
from scheduler.outbox import BLOCKED, FAILED, PENDING, SENT, Broadcast, Delivery, delivery_counts
from scheduler.parts import perform_part

log = logging.getLogger("loa.delivery")

# --- the sender ------------------------------------------------------------------------------

SAFETY = 0.95                 # of send_rate: jitter must not push a second over the limit
DEFAULT_WINDOW = 4            # API calls in flight: 30/s against a ~100 ms API needs 3
BLOCKING_BAD_REQUESTS = ("chat not found", "group chat was deactivated", "user is deactivated",
                         "peer_id_invalid", "bot was kicked", "bot is not a member")


class RateGate:
    """Spaces API calls at most `rate` per second overall, with no burst (a leaky bucket),
    aiming 5% under the limit so that network jitter does not bunch calls over it.

    After a 429 the rate drops by a fifth (down to a quarter of the target) and climbs back
    linearly over a few seconds, so the bot slows down everywhere without stopping.
    """

    def __init__(self, rate: float, clock):
        self.target = self.rate = float(rate) * SAFETY
        self.clock = clock
        self._next = 0.0
        self._last_check = None

    def _now(self) -> float:
        return self.clock.now().timestamp()

    async def acquire(self) -> None:
        now = self._now()
        if self._last_check is not None and self.rate < self.target:
            self.rate = min(self.target, self.rate + 0.1 * self.target * (now - self._last_check))
        self._last_check = now
        slot = max(now, self._next)
        self._next = slot + 1.0 / self.rate
        if slot > now:
            await self.clock.sleep(slot - now)

    def slow_down(self) -> None:
        self.rate = max(self.target / 4, self.rate * 0.8)


@dataclass
class ChatPace:
    """When one chat may get its next message: 1 per chat_interval, and for groups at most
    group_per_minute in any 60 seconds."""
    not_before: float = 0.0
    recent: deque = field(default_factory=deque)

    def ready_at(self, now: float, is_group: bool, per_minute: int) -> float:
        while self.recent and self.recent[0] <= now - 60.0:
            self.recent.popleft()
        ready = self.not_before
        if is_group and per_minute and len(self.recent) >= per_minute:
            ready = max(ready, self.recent[-per_minute] + 60.0)
        return ready

    def take(self, now: float, interval: float) -> None:
        self.not_before = max(self.not_before, now + interval)
        self.recent.append(now)


class Sender:
    """Works through the outbox within Telegram's limits; built once per process.

    `window` API calls may be in flight at once: the only messages a kill can duplicate are
    those whose answer had arrived but was not yet recorded.
    """

    def __init__(self, bot, settings, clock=None, *, window: int | None = None,
                 max_attempts: int = 8, backoff_base: float = 1.0, backoff_cap: float = 60.0,
                 progress_interval: float = 2.5, batch: int = 50):
        self.bot = bot
        self.settings = settings
        self.clock = clock or SystemClock()
        self.window = max(1, window or settings.send_window)
        self.max_attempts = max_attempts
        self.backoff_base, self.backoff_cap = backoff_base, backoff_cap
        self.progress_interval = progress_interval
        self.batch = batch
        self.chat_interval = float(settings.chat_interval)
        self.group_per_minute = int(settings.group_per_minute)
        self.gate = RateGate(settings.send_rate, self.clock)
        self._slots = asyncio.Semaphore(self.window)
        self._wake = asyncio.Event()
        self._in_flight: dict[int, asyncio.Task] = {}     # row id -> its task
        self._busy_chats: set[int] = set()
        self._paced: dict[int, float] = {}                 # row id -> when its chat is free
        self._paces: dict[int, ChatPace] = {}
        self._progress: dict[int, tuple[float, tuple]] = {}  # broadcast -> (edited at, counts)
        self._unreported: dict[int, int] = {}             # finished broadcast -> report tries
        self._paused_until = 0.0
        self.stats = {"sent": 0, "retry_after": 0, "errors": 0}

    # -- public ---------------------------------------------------------------------------
    def notify(self) -> None:
        """New rows were enqueued: look at the outbox now instead of at the next timer."""
        self._wake.set()

    async def run(self) -> None:
        """Forever: send what is due, sleep until something is; resumes pending rows."""
        self._seed_paces()
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
        await self.update_broadcasts(force=True)
        while self._unreported:
            await self.update_broadcasts(force=True)

    # -- the loop -------------------------------------------------------------------------
    def _now(self) -> float:
        return self.clock.now().timestamp()

    def _now_db(self) -> datetime:
        return self.clock.now().astimezone(timezone.utc).replace(tzinfo=None)

    def _at_db(self, t: float) -> datetime:
        return datetime.fromtimestamp(t, timezone.utc).replace(tzinfo=None)

    async def _work(self, until_idle: bool, deadline: float | None = None) -> None:
        while True:
            dispatched = await self._dispatch_due()
            if dispatched:
                continue
            now = self._now()
            later = self._next_due()
            paced = min((t for rid, t in self._paced.items()), default=None)
            if until_idle and not self._in_flight and paced is None:
                if later is None or (deadline is not None and now >= deadline):
                    return
                if later > now and (deadline is None or later > deadline):
                    return
            wake_at = [x for x in (later, paced, self._paused_until or None, deadline) if x]
            wait = min([60.0] + [max(0.0, x - now) for x in wake_at])
            if until_idle and self._in_flight:
                wait = min(wait, 0.5)
            await self._sleep_or_wake(wait)

    async def _sleep_or_wake(self, seconds: float) -> None:
        if self._wake.is_set():
            self._wake.clear()
            return
        waiter = asyncio.ensure_future(self._wake.wait())
        sleeper = asyncio.ensure_future(self.clock.sleep(seconds))
        try:
            await asyncio.wait({waiter, sleeper}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            waiter.cancel()
            sleeper.cancel()
        self._wake.clear()

    def _due_rows(self) -> list[Delivery]:
        now = self._now_db()
        query = (Delivery.select(Delivery.id, Delivery.chat_id)
                 .where(Delivery.status == PENDING,
                        (Delivery.next_attempt_at.is_null()) | (Delivery.next_attempt_at <= now))
                 .order_by(Delivery.id))
        busy = list(self._in_flight) + list(self._paced)
        if busy:
            query = query.where(Delivery.id.not_in(busy))
        return list(query.limit(self.batch))

    def _next_due(self) -> float | None:
        """When the earliest pending row that waits (retry, backoff) becomes due."""
        busy = list(self._in_flight) + list(self._paced)
        waiting = Delivery.select().where(Delivery.status == PENDING)
        if busy:
            waiting = waiting.where(Delivery.id.not_in(busy))
        if waiting.where(Delivery.next_attempt_at.is_null()).exists():
            return self._now()
        first = waiting.select(fn.MIN(Delivery.next_attempt_at)).scalar()
        if first is None:
            return None
        if isinstance(first, str):   # SQLite aggregates come back as text
            first = datetime.fromisoformat(first)
        return first.replace(tzinfo=timezone.utc).timestamp()

    def _pace(self, chat_id: int) -> ChatPace:
        pace = self._paces.get(chat_id)
        if pace is None:
            pace = self._paces[chat_id] = ChatPace()
        return pace

    async def _dispatch_due(self) -> int:
        """Start one API call per due row whose chat is free; returns how many started."""
        now = self._now()
        if now < self._paused_until:
            return 0
        started = 0
        for row in self._due_rows():
            pace = self._pace(row.chat_id)
            ready = pace.ready_at(self._now(), row.chat_id < 0, self.group_per_minute)
            if ready > self._now() or row.chat_id in self._busy_chats:
                self._paced[row.id] = max(ready, self._now() + 0.05)
                continue
            self._paced.pop(row.id, None)
            await self._slots.acquire()
            await self.gate.acquire()
            # The waits may have let a 429 or a migration change this chat's state.
            if pace.ready_at(self._now(), row.chat_id < 0, self.group_per_minute) > self._now():
                self._slots.release()
                continue
            pace.take(self._now(), self.chat_interval)
            self._busy_chats.add(row.chat_id)
            task = asyncio.create_task(self._send_part(row.id, row.chat_id))
            self._in_flight[row.id] = task
            started += 1
        # Rows whose chat became free are due again; forget the ones no longer waiting.
        now = self._now()
        self._paced = {rid: t for rid, t in self._paced.items() if t > now}
        if len(self._paces) > 50_000:
            self._paces = {c: p for c, p in self._paces.items() if p.ready_at(now, c < 0, 0) > now
                           or p.recent}
        return started

    async def _cancel_in_flight(self) -> None:
        tasks = list(self._in_flight.values())
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)

    # -- one API call ---------------------------------------------------------------------
    async def _send_part(self, row_id: int, chat_id: int) -> None:
        try:
            row = Delivery.get_or_none(Delivery.id == row_id)
            if row is None or row.status != PENDING:
                return
            parts = row.part_list()
            index = row.parts_sent
            if index >= len(parts):
                self._record(row, status=SENT, sent_at=self._now_db())
                return
            part = parts[index]
            started = time.monotonic()
            try:
                message_id = await perform_part(self.bot, row.chat_id, part,
                                                json.loads(row.message_ids or "[]"))
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
            except (TelegramAPIError, asyncio.TimeoutError, OSError) as e:
                self._on_transient(row, getattr(e, "message", None) or f"{type(e).__name__}: {e}")
            except asyncio.CancelledError:
                raise
            except Exception as e:   # a bug or an unexpected answer: retry, but not forever
                log.exception("delivery_unexpected row=%s", row.id)
                self._on_transient(row, f"{type(e).__name__}: {e}")
            else:
                self._on_sent(row, parts, index, message_id,
                              int((time.monotonic() - started) * 1000))
        finally:
            self._in_flight.pop(row_id, None)
            self._busy_chats.discard(chat_id)
            self._slots.release()
            self._wake.set()

    def _record(self, row: Delivery, **values) -> None:
        Delivery.update(**values).where(Delivery.id == row.id).execute()

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
        until = self._now() + wait
        pace = self._pace(row.chat_id)
        pace.not_before = max(pace.not_before, until)
        self.gate.slow_down()
        self.stats["retry_after"] += 1
        self._record(row, next_attempt_at=self._at_db(until), last_error=f"429 retry after {wait}")
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

    def _seed_paces(self) -> None:
        """After a restart, remember which chats were sent to in the last minute."""
        since = self._at_db(self._now() - 60.0)
        query = (Delivery.select(Delivery.chat_id, Delivery.sent_at)
                 .where(Delivery.sent_at > since).order_by(Delivery.sent_at))
        for row in query:
            t = row.sent_at.replace(tzinfo=timezone.utc).timestamp()
            self._pace(row.chat_id).take(t, self.chat_interval)

    # -- broadcast progress ---------------------------------------------------------------
    async def _progress_loop(self) -> None:
        while True:
            try:
                await self.update_broadcasts()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("event=progress_failed")
            await self.clock.sleep(min(1.0, self.progress_interval))

    async def update_broadcasts(self, force: bool = False) -> None:
        """Edit each sending broadcast's progress message (throttled); finish the done ones
        and show their final report (retried on the next ticks if Telegram refuses it)."""
        for broadcast in Broadcast.select().where(Broadcast.status == "sending"):
            if broadcast.started_at and broadcast.started_at > self._now_db():
                continue          # scheduled for later: its preview says so until then
            counts = delivery_counts(broadcast.id)
            if counts[PENDING] == 0:
                finished = (Broadcast.update(status="done", finished_at=self._now_db())
                            .where(Broadcast.id == broadcast.id, Broadcast.status == "sending")
                            .execute())
                if finished:
                    log_event(log, "broadcast_done", broadcast=broadcast.id, sent=counts[SENT],
                              failed=counts[FAILED], blocked=counts[BLOCKED])
                    self._unreported[broadcast.id] = 0
                self._progress.pop(broadcast.id, None)
                continue
            # The first edit waits an interval after the start: the admin just saw the preview.
            started = broadcast.started_at.replace(tzinfo=timezone.utc).timestamp() \
                if broadcast.started_at else 0.0
            edited_at, shown = self._progress.get(broadcast.id, (started, ()))
            key = tuple(sorted(counts.items()))
            if key != shown and (force or self._now() - edited_at >= self.progress_interval):
                if await self._show(broadcast, counts, final=False):
                    self._progress[broadcast.id] = (self._now(), key)
        for broadcast_id, tries in list(self._unreported.items()):
            broadcast = Broadcast.get_or_none(Broadcast.id == broadcast_id)
            if broadcast is None or tries >= 5 or await self._show(
                    broadcast, delivery_counts(broadcast_id), final=True):
                del self._unreported[broadcast_id]
            else:
                self._unreported[broadcast_id] = tries + 1

    async def _show(self, broadcast: Broadcast, counts: dict, final: bool) -> bool:
        """Edit the admin's message (or, for the final report, send one if that fails)."""
        from bot.views.delivery import render_progress, render_report

        lang = _admin_lang(broadcast)
        text = (render_report if final else render_progress)(broadcast, counts, lang)
        chat_id = broadcast.admin_chat_id
        pace = self._pace(chat_id)
        ready = pace.ready_at(self._now(), chat_id < 0, self.group_per_minute)
        if ready > self._now():
            if not final:
                return False      # the admin's chat has had its share: next tick
            await self.clock.sleep(ready - self._now())
        await self.gate.acquire()   # progress edits count against the overall rate
        pace.take(self._now(), self.chat_interval)
        try:
            if broadcast.progress_message_id:
                await self.bot.edit_message_text(text=text, chat_id=chat_id,
                                                 message_id=broadcast.progress_message_id,
                                                 reply_markup=None)
            elif final:
                await self.bot.send_message(chat_id=chat_id, text=text)
            return True
        except TelegramBadRequest as e:
            if "not modified" in e.message:
                return True
            if final:
                try:
                    await self.bot.send_message(chat_id=chat_id, text=text)
                    return True
                except TelegramAPIError as e2:
                    e = e2
            log_event(log, "progress_edit_failed", logging.WARNING, chat=chat_id, error=e.message)
        except TelegramRetryAfter as e:
            pace.not_before = max(pace.not_before, self._now() + e.retry_after)
            log_event(log, "progress_retry_after", logging.WARNING, chat=chat_id,
                      retry_after=e.retry_after)
        except TelegramAPIError as e:
            log_event(log, "progress_edit_failed", logging.WARNING, chat=chat_id, error=e.message)
        return False


def _admin_lang(broadcast: Broadcast) -> str:
    setting = UserSetting.get_or_none(UserSetting.user_id == broadcast.created_by)
    if setting is not None:
        return setting.lang
    chat = Chat.get_or_none(Chat.id == broadcast.admin_chat_id)
    return chat.lang if chat is not None else "vi"
