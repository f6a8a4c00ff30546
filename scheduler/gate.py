"""The one gate every Telegram call passes: an aiogram session middleware, installed on the
Bot, so handler replies, edits, callback answers, documents and outbox sends alike keep to
Telegram's limits (`scheduler.limits`) without each caller knowing them.

- A message to a chat (send*, copy, forward, edits) waits for its slot: the overall budget,
  the chat's and the group's. Replies to people go first (see `scheduler.limits`).
- A 429 holds that chat back for `retry_after` (in the shared schedule, for every replica)
  and the call is made again after it; so are 5xx and network failures, after a backoff.
  Replies are never dropped for being throttled.
- A bulk send (inside `bulk_sending()`, i.e. the outbox) does not wait for a busy chat and is
  not retried here: it raises (`ChatBusy`, the Telegram error) so that the sender records
  the row's next attempt in the database and uses the time for other chats.

The gate also measures the API's round trip, which the sender follows to keep enough calls
in flight to use the whole budget however far away the API is.
"""
from __future__ import annotations

import logging
import time

from aiogram.client.session.middlewares.base import BaseRequestMiddleware
from aiogram.exceptions import TelegramNetworkError, TelegramRetryAfter, TelegramServerError

from knowledge.logs import log_event
from scheduler import metrics
from scheduler.clock import SystemClock
from scheduler.limits import Budget, ChatBusy, LocalLimits, current_bulk

log = logging.getLogger("loa.gate")

# Calls that put a message in a chat: Telegram's flood limits count them.
MESSAGE_METHODS = frozenset({
    "sendMessage", "sendDocument", "sendPhoto", "sendVideo", "sendAudio", "sendVoice",
    "sendAnimation", "sendSticker", "sendMediaGroup", "sendLocation", "sendVenue", "sendContact",
    "sendPoll", "sendDice", "copyMessage", "copyMessages", "forwardMessage", "forwardMessages",
    "editMessageText", "editMessageCaption", "editMessageMedia", "editMessageReplyMarkup"})
PASS_THROUGH = frozenset({"getUpdates"})    # long polling has its own backoff
LATE = 0.02           # seconds past its slot a call may still leave (a fraction of the margin)
MAX_REBOOKS = 6


class RoundTrip:
    """The API's round trip, smoothed (exponentially weighted over the last ~10 calls)."""

    def __init__(self, initial: float = 0.1, weight: float = 0.2):
        self.seconds = initial
        self.weight = weight
        self.samples = 0

    def observe(self, seconds: float) -> None:
        self.samples += 1
        self.seconds += self.weight * (seconds - self.seconds)
        metrics.ROUND_TRIP.observe(seconds)


class Gate(BaseRequestMiddleware):
    def __init__(self, limits, clock=None, *, retries: int = 5, max_wait: float = 60.0,
                 backoff: float = 0.5):
        self.limits = limits
        self.clock = clock or SystemClock()
        self.retries = retries
        self.max_wait = max_wait           # a longer retry_after is not waited out for a reply
        self.backoff = backoff
        self.round_trip = RoundTrip()

    async def __call__(self, make_request, bot, method):
        name = method.__api_method__
        if name in PASS_THROUGH:
            return await make_request(bot, method)
        chat_id = _chat_of(method) if name in MESSAGE_METHODS else None
        bulk = current_bulk()
        paid = bool(getattr(method, "allow_paid_broadcast", None))
        attempt = 0
        while True:
            if chat_id is not None:
                await self._wait_for_slot(chat_id, bulk=bulk is not None, paid=paid)
            started = time.monotonic()
            try:
                response = await make_request(bot, method)
            except TelegramRetryAfter as e:
                metrics.RETRY_AFTER.labels(name).inc()
                await self.limits.penalize(chat_id, e.retry_after)
                if bulk is not None or attempt >= self.retries or e.retry_after > self.max_wait:
                    raise
                attempt += 1
                log_event(log, "reply_retry_after", logging.WARNING, method=name, chat=chat_id,
                          retry_after=e.retry_after, attempt=attempt)
                if chat_id is None:          # otherwise the chat's slot waits it out
                    await self.clock.sleep(e.retry_after)
            except (TelegramServerError, TelegramNetworkError) as e:
                metrics.API_ERRORS.labels(name).inc()
                if bulk is not None or attempt >= self.retries:
                    raise
                attempt += 1
                delay = self.backoff * 2 ** (attempt - 1)
                log_event(log, "reply_retry", logging.WARNING, method=name, chat=chat_id,
                          delay=delay, error=getattr(e, "message", repr(e)))
                await self.clock.sleep(delay)
            else:
                self.round_trip.observe(time.monotonic() - started)
                if chat_id is not None:
                    kind = "reply" if bulk is None else ("paid" if paid else "bulk")
                    metrics.MESSAGES_SENT.labels(kind).inc()
                return response

    async def _wait_for_slot(self, chat_id, *, bulk: bool, paid: bool) -> None:
        """Book a slot and sleep until it. Woken late (a busy event loop), the slot is
        given up for a new one: late calls leaving together would bunch over the limit."""
        rebooked = 0
        while True:
            grant = await self.limits.reserve(chat_id, bulk=bulk, paid=paid, again=rebooked > 0)
            if grant.ok:
                due = self._now() + grant.wait
                await self.clock.sleep(grant.wait)
                if self._now() - due <= LATE or rebooked >= MAX_REBOOKS:
                    return
                rebooked += 1
                continue
            if bulk and grant.chat:
                raise ChatBusy(chat_id, grant.wait)
            await self.clock.sleep(grant.wait)

    def _now(self) -> float:
        return self.clock.now().timestamp()


def _chat_of(method):
    chat_id = getattr(method, "chat_id", None)
    if chat_id is None:
        return None                         # an inline message: no chat to pace
    try:
        return int(chat_id)
    except (TypeError, ValueError):
        return str(chat_id)                 # a channel's @username


def gate_of(bot) -> Gate | None:
    for middleware in bot.session.middleware:
        if isinstance(middleware, Gate):
            return middleware
    return None


def install_gate(bot, gate: Gate) -> Gate:
    """Put `gate` in front of this bot's API calls (once)."""
    existing = gate_of(bot)
    if existing is not None:
        return existing
    bot.session.middleware(gate)
    return gate


def ensure_gate(bot, settings, clock=None) -> Gate:
    """The bot's gate; a bot built without one (tests, scripts) gets this process's limits."""
    existing = gate_of(bot)
    if existing is not None:
        return existing
    clock = clock or SystemClock()
    return install_gate(bot, Gate(LocalLimits(Budget.from_settings(settings), clock), clock))
