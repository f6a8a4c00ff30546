"""The acknowledgement buttons' callback data, apart from bot/views/deadlines.py because it
needs aiogram and the command line renders deadline lists without it."""
from __future__ import annotations

from aiogram.filters.callback_data import CallbackData

from bot.views.deadlines import ACK_PREFIX, ACK_SEPARATOR


class AckCallback(CallbackData, prefix=ACK_PREFIX, sep=ACK_SEPARATOR):
    """A press on "Đã nhận" (kind r) or "Đã hoàn thành" (kind d), or on "↩️" to undo a done
    (kind u); n is the number shown in the message (0 when it carries one deadline)."""
    kind: str
    deadline: int
    n: int = 0
