"""What the scheduler's messages say, drawn by the bot layer and handed in.

The scheduler decides what goes out, to whom and when; how a notice, a reminder or the
admin's progress reads is the bot's (bot/views, Telegram HTML). The scheduler may not import
the bot, so the bot fills one `Renderers` (bot/views/renderers.py) and passes it where the
scheduler's services are built (bot/app.py) and to the scheduler functions its handlers call.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable
from zoneinfo import ZoneInfo

from knowledge.deadlines import DeadlineRow


@dataclass(frozen=True)
class DigestEntry:
    """One passed deadline: the groups it was for, and those that did not mark it done."""
    row: DeadlineRow
    targeted: int
    done: int
    missing: list[tuple[int, str]]      # (chat id, title)
    late: int = 0                       # of `done`, marked done after the deadline


@dataclass(frozen=True)
class Renderers:
    """Each field a function of the bot's views; outbox parts are dicts (`scheduler.parts`)."""
    # (document, lang, broadcast id) -> the notice's outbox parts, receipt buttons on the last
    notice_parts: Callable[..., list[dict]]
    # (broadcast id, lang, pressed {kind: name}) -> the receipt keyboard, as a dict
    receipt_keyboard: Callable[[int, str, dict], dict]
    # (lang) -> the line that replaces a recalled notice Telegram would not delete
    recalled_text: Callable[[str], str]
    # (broadcast id, title, message to reply to or None, lang) -> the reminder's parts
    nudge_parts: Callable[[int, str, int | None, str], list[dict]]
    # (broadcast, counts by status, lang) -> the admin's live progress / final report
    progress: Callable[..., str]
    report: Callable[..., str]
    # (rows, lang, zone, *, sent_at: datetime, cache, notices) -> one chat's reminder parts
    ping_parts: Callable[..., list[dict]]
    # (entries, lang, zone) -> the admins' overdue digest, one text per message
    digest: Callable[[list[DigestEntry], str, ZoneInfo], list[str]]
