"""Telegram's flood limits as a schedule of send slots, kept in this process or, with
REDIS_URL, in Redis and shared by every replica (`scheduler.redis_limits`).

Every message a bot sends takes one slot of the overall budget (SEND_RATE, about 30/s, spaced
evenly: no bursts) and one of its chat's: one message per CHAT_INTERVAL to a chat, and at most
GROUP_PER_MINUTE in any 60 seconds to a group. A caller books a slot and waits until it comes.

Replies to people come first: a reply books the next free slot however far ahead, while a
bulk send (the outbox) may only book a slot within `lead` seconds and otherwise waits and
asks again, so a burst of replies moves ahead of a broadcast instead of queueing behind it.
A bulk send whose chat is not free is refused at once (`Grant.chat`): the sender puts that
row aside and sends to other chats meanwhile.

Why one budget for replies and broadcasts: Telegram counts every message a bot sends against
its flood limits, whatever the reason; a reply that bypassed the budget pushed the total over
it and earned a 429 for everyone (`benchmarks/bench_delivery.py --replies` measures both ways).
Priority is what keeps replies quick, not a budget of their own.

Paid broadcasts (`allow_paid_broadcast`) have a budget of their own at PAID_BROADCAST_RATE.
Per-user throttling of questions uses a token bucket per user (`allow_user`).
"""
from __future__ import annotations

import contextvars
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass
from typing import NamedTuple

SAFETY = 0.93                 # of send_rate: jitter and a busy event loop must not bunch a second over it
BULK_LEAD_SLOTS = 2           # a bulk send books at most this many slots ahead
PENALTY_SLOTS = 2             # a 429 holds the overall budget back by this many slots

_bulk = contextvars.ContextVar("loa_bulk_send", default=None)


@contextmanager
def bulk_sending(paid: bool = False):
    """Calls made inside are bulk sends (the outbox), not replies to people; `paid` ones
    carry allow_paid_broadcast and use the paid budget."""
    token = _bulk.set("paid" if paid else "free")
    try:
        yield
    finally:
        _bulk.reset(token)


def current_bulk() -> str | None:
    """None for a reply, "free" or "paid" for a bulk send."""
    return _bulk.get()


class ChatBusy(Exception):
    """A bulk send's chat cannot take a message for `wait` seconds: try other chats."""

    def __init__(self, chat_id: int, wait: float):
        super().__init__(f"chat {chat_id} busy for {wait:.2f} s")
        self.chat_id, self.wait = chat_id, wait


class Grant(NamedTuple):
    ok: bool              # a slot was booked: send after `wait` seconds
    wait: float           # otherwise: ask again after `wait` seconds
    chat: bool = False    # the refusal was the chat's (not the overall budget's)


@dataclass(frozen=True)
class Budget:
    rate: float                   # slots per second overall, safety margin included
    chat_interval: float          # seconds between two messages to one chat
    group_per_minute: int         # messages to one group in any 60 s (0: no limit)
    paid_rate: float = 0.0        # paid broadcasts' slots per second (0: off)
    user_burst: int = 0           # questions a user may send at once (0: no throttling)
    user_per_minute: float = 0.0  # and then per minute

    @classmethod
    def from_settings(cls, settings) -> "Budget":
        return cls(rate=float(settings.send_rate) * SAFETY,
                   chat_interval=float(settings.chat_interval),
                   group_per_minute=int(settings.group_per_minute),
                   paid_rate=float(getattr(settings, "paid_broadcast_rate", 0) or 0) * SAFETY,
                   user_burst=int(getattr(settings, "user_burst", 0) or 0),
                   user_per_minute=float(getattr(settings, "user_per_minute", 0) or 0))

    def interval(self, paid: bool) -> float:
        rate = self.paid_rate if paid and self.paid_rate > 0 else self.rate
        return 1.0 / rate

    @property
    def lead(self) -> float:
        return BULK_LEAD_SLOTS / self.rate


class LocalLimits:
    """The budget of one process (no REDIS_URL). Times come from `clock`, so tests can run
    minutes of schedule with a FakeClock."""

    shared = False

    def __init__(self, budget: Budget, clock):
        self.budget = budget
        self.clock = clock
        self._tat = {False: 0.0, True: 0.0}          # paid? -> the next free overall slot
        self._chat_next: dict[int, float] = {}
        self._group_log: dict[int, deque] = {}
        self._users: dict[int, tuple[float, float]] = {}     # user -> (tokens, at)
        self._told: dict[int, float] = {}                    # user -> told to slow down until

    def _now(self) -> float:
        return self.clock.now().timestamp()

    async def reserve(self, chat_id: int, *, bulk: bool, paid: bool = False,
                      again: bool = False) -> Grant:
        """Book the next slot for a message to `chat_id` (see the module docstring).
        `again`: the caller missed the slot it had for this chat and books another; the
        chat was already its, so only the chat's next time moves."""
        now = self._now()
        paid = paid and self.budget.paid_rate > 0
        slot = max(now, self._tat[paid])
        if bulk and slot - now > self.budget.lead:
            return Grant(False, slot - self.budget.lead - now)
        ready = self._chat_next.get(chat_id, 0.0)
        log = self._group_log.get(chat_id)
        limit = self.budget.group_per_minute if is_group(chat_id) else 0
        if limit and log:
            while log and log[0] <= slot - 60.0:
                log.popleft()
            if len(log) >= limit:
                ready = max(ready, log[-limit] + 60.0)
        if ready > slot and not again:
            return Grant(False, ready - now, chat=True)
        self._tat[paid] = slot + self.budget.interval(paid)
        if self.budget.chat_interval > 0:
            self._chat_next[chat_id] = max(ready, slot + self.budget.chat_interval)
        if limit:
            self._group_log.setdefault(chat_id, deque()).append(slot)
        if len(self._chat_next) > 50_000:
            self._forget(now)
        return Grant(True, slot - now)

    async def penalize(self, chat_id: int | None, retry_after: float) -> None:
        """Telegram answered 429: that chat waits `retry_after`, and everyone slows a little."""
        now = self._now()
        if chat_id is not None:
            self._chat_next[chat_id] = max(self._chat_next.get(chat_id, 0.0), now + retry_after)
        for paid in (False, True):
            self._tat[paid] = max(self._tat[paid], now) + PENALTY_SLOTS * self.budget.interval(paid)

    async def allow_user(self, user_id: int) -> tuple[bool, bool]:
        """(whether this user's message is handled, whether to tell them to slow down: once
        per flood)."""
        burst, per_minute = self.budget.user_burst, self.budget.user_per_minute
        if burst <= 0 or per_minute <= 0:
            return True, False
        now = self._now()
        tokens, at = self._users.get(user_id, (float(burst), now))
        tokens = min(float(burst), tokens + (now - at) * per_minute / 60.0)
        if tokens >= 1.0:
            self._users[user_id] = (tokens - 1.0, now)
            return True, False
        self._users[user_id] = (tokens, now)
        quiet_until = now + 60.0 / per_minute * burst        # the time to refill the bucket
        tell = self._told.get(user_id, 0.0) <= now
        if tell:
            self._told[user_id] = quiet_until
        if len(self._users) > 50_000:
            self._users = {u: v for u, v in self._users.items() if v[0] < burst - 1 or v[1] > now - 600}
            self._told = {u: t for u, t in self._told.items() if t > now}
        return False, tell

    def remember(self, chat_id: int, at: float) -> None:
        """A message went to this chat at `at` (sent before this process started)."""
        if self.budget.chat_interval > 0:
            self._chat_next[chat_id] = max(self._chat_next.get(chat_id, 0.0), at + self.budget.chat_interval)
        if is_group(chat_id) and self.budget.group_per_minute:
            self._group_log.setdefault(chat_id, deque()).append(at)

    def _forget(self, now: float) -> None:
        self._chat_next = {c: t for c, t in self._chat_next.items() if t > now}
        self._group_log = {c: log for c, log in self._group_log.items() if log and log[-1] > now - 60.0}

    async def ping(self) -> None:
        """Nothing to reach: the budget is in this process."""

    async def close(self) -> None:
        pass


def is_group(chat_id) -> bool:
    """Groups and supergroups have negative ids; a channel's @username counts as a chat."""
    return isinstance(chat_id, int) and chat_id < 0


def make_limits(settings, clock, redis_client=None, prefix: str = "loa"):
    """Shared limits when a Redis client is given (with this process's share of the budget
    to fall back on while Redis is unreachable), else this process's own."""
    budget = Budget.from_settings(settings)
    if redis_client is None:
        return LocalLimits(budget, clock)
    from dataclasses import replace

    from scheduler.redis_limits import RedisLimits
    share = max(1, int(getattr(settings, "replicas", 1) or 1))
    fallback = LocalLimits(replace(budget, rate=budget.rate / share, paid_rate=budget.paid_rate / share),
                           clock)
    return RedisLimits(budget, redis_client, prefix=prefix, fallback=fallback)
