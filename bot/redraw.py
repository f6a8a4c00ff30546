"""Editing a message the bot already showed (a preview, a report, a keyboard under a notice).

Telegram refuses such an edit with a 400 when nothing changed ("message is not modified":
a double tap, a redraw with nothing new) or when the message is too old to edit. Neither is
the user's problem, and the press has been answered already, so every handler that redraws
goes through `redraw`: the refusal is logged (or dropped, for a keyboard redrawn on every
tap) and the handler carries on. Other errors (a 429, a network failure) still propagate.
"""
from __future__ import annotations

import logging
from collections.abc import Awaitable

from aiogram.exceptions import TelegramBadRequest

log = logging.getLogger("loa.handlers")


async def redraw(edit: Awaitable, event: str | None = None, *, level: int = logging.INFO,
                 **fields) -> bool:
    """Await `edit` (an edit_text / edit_reply_markup call); whether Telegram took it. A
    refusal is logged as `<event> key=value … error=<Telegram's message>` unless `event` is
    None."""
    try:
        await edit
        return True
    except TelegramBadRequest as e:
        if event is not None:
            described = " ".join(f"{key}={value}" for key, value in fields.items())
            log.log(level, "%s %s error=%s", event, described, e.message)
        return False
