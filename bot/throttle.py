"""Per-user throttling: one person's flood must not cost everyone else.

Each user may send USER_BURST messages at once and then USER_PER_MINUTE (a token bucket,
shared by the replicas when REDIS_URL is set: `scheduler.limits`). Beyond that their
messages and button presses are dropped, and they are told once per flood to slow down.
Admins are never throttled, and deliveries do not pass here at all.

It runs after the filters (an inner middleware), so only messages the bot would act on
count: group chatter that is not addressed to the bot costs nothing.
"""
from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.types import CallbackQuery, Message, TelegramObject

from knowledge.logs import log_event
from scheduler import metrics
from texts import t

log = logging.getLogger("loa.handlers")


class ThrottleMiddleware(BaseMiddleware):
    async def __call__(self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
                       event: TelegramObject, data: dict[str, Any]) -> Any:
        limits = data.get("limits")
        user = data.get("event_from_user")
        if limits is None or user is None or data.get("is_admin"):
            return await handler(event, data)
        allowed, tell = await limits.allow_user(user.id)
        if allowed:
            return await handler(event, data)
        metrics.THROTTLED.inc()
        lang = data.get("lang", "vi")
        if isinstance(event, CallbackQuery):
            await event.answer(t(lang, "throttle.slow_down") if tell else None)
        elif tell and isinstance(event, Message):
            log_event(log, "user_throttled", logging.WARNING, user=user.id, chat=event.chat.id)
            await event.answer(t(lang, "throttle.slow_down"))
        return None
