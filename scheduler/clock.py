"""Time as a dependency, so tests can run days of schedule in milliseconds.

Every scheduler and delivery decision asks a Clock for `now()` (aware UTC) and sleeps
through it; production uses SystemClock, tests use FakeClock and advance it.
"""
from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(timezone.utc)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(max(0.0, seconds))


class FakeClock:
    """A clock that moves only when told; sleepers wake when `advance` passes their time."""

    def __init__(self, start: datetime):
        if start.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")
        self._now = start.astimezone(timezone.utc)
        self._sleepers: list[tuple[datetime, asyncio.Future]] = []

    def now(self) -> datetime:
        return self._now

    async def sleep(self, seconds: float) -> None:
        if seconds <= 0:
            await asyncio.sleep(0)
            return
        fut = asyncio.get_running_loop().create_future()
        self._sleepers.append((self._now + timedelta(seconds=seconds), fut))
        await fut

    def advance(self, delta: timedelta | float) -> None:
        if not isinstance(delta, timedelta):
            delta = timedelta(seconds=delta)
        self._now += delta
        due = [(t, f) for t, f in self._sleepers if t <= self._now]
        self._sleepers = [(t, f) for t, f in self._sleepers if t > self._now]
        for _, fut in due:
            if not fut.done():
                fut.set_result(None)


async def sleep_or_wake(clock, event: asyncio.Event, seconds: float) -> None:
    """Sleep `seconds` on `clock`, or less if `event` is set meanwhile; clears the event."""
    if not event.is_set():
        waiter = asyncio.ensure_future(event.wait())
        sleeper = asyncio.ensure_future(clock.sleep(seconds))
        try:
            await asyncio.wait({waiter, sleeper}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            waiter.cancel()
            sleeper.cancel()
    event.clear()


def naive_utc(moment: datetime) -> datetime:
    """The naive UTC datetime the database columns hold (DateTimeField stores no zone)."""
    return moment.astimezone(timezone.utc).replace(tzinfo=None)
