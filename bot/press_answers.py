"""Answering a press of "📥 Đã nhận" / "✅ Đã hoàn thành", on a pushed notice or on a reminder.

Both buttons follow one rule (`scheduler.presses`): the group's first press of each kind
counts, a later one is told who pressed first and when, and a "done" is taken back only by
whoever pressed it or by an admin of the group. The two handlers (handlers/receipts.py,
handlers/deadlines.py) differ in what was pressed on and in their texts, so the answers are
written once here, with each handler's text keys.
"""
from __future__ import annotations

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from aiogram import Bot
from aiogram.types import CallbackQuery

from bot.filters import may_manage_chat
from bot.views.deadlines import utc_aware
from texts import t


@dataclass(frozen=True)
class PressTexts:
    """The keys in texts/ of one kind of press's answers."""
    already: str              # someone in the group pressed first ({name}, {time})
    saved: str                # + "received" | "done"
    nothing_to_undo: str
    undo_refused: str         # ({name} of who pressed)


async def answer_press(callback: CallbackQuery, press, created: bool, kind: str, texts: PressTexts,
                       lang: str, zone: ZoneInfo) -> bool:
    """Tell the presser what the press did; whether it was stored now (the message then shows
    it: the caller redraws)."""
    if not created:
        when = utc_aware(press.created_at).astimezone(zone).strftime("%H:%M %d/%m")
        await callback.answer(t(lang, texts.already, name=press.user_name, time=when))
        return False
    await callback.answer(t(lang, f"{texts.saved}{kind}"))
    return True


async def may_take_back(callback: CallbackQuery, bot: Bot, done, texts: PressTexts, lang: str) -> bool:
    """Whether the presser may take back the group's "done" (`done`: that press, or None);
    a refusal is answered here."""
    if done is None:
        await callback.answer(t(lang, texts.nothing_to_undo))
        return False
    if done.user_id != callback.from_user.id and not await may_manage_chat(bot, callback.message.chat,
                                                                           callback.from_user.id):
        await callback.answer(t(lang, texts.undo_refused, name=done.user_name), show_alert=True)
        return False
    return True
