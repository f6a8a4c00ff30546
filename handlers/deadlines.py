"""/deadlines, /calendar and the "Đã nhận" / "Đã hoàn thành" buttons of reminders.

A button press is recorded for the group (first press of each kind wins) and the reminder
is drawn again from the database, with who pressed and when, so everyone in the group sees
that it has been taken care of.
"""
from __future__ import annotations

import logging
from datetime import datetime, timezone

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandObject
from aiogram.types import BufferedInputFile, CallbackQuery, Message

from bot.config import Settings
from bot.conversation import deadline_list
from bot.replies import answer_long
from bot.texts import t
from bot.views.deadlines import (ACK_KINDS, AckCallback, AckView, esc, ping_keyboard, render_ping_text, split_message, utc_aware)
from knowledge.deadlines import list_deadlines, load_rows
from knowledge.units import ALL, CODES, find_unit
from scheduler.clock import SystemClock
from scheduler.pings import acks_in_chat, record_ack

router = Router(name=__name__)
log = logging.getLogger("loa.handlers")


def _parse_args(args: str | None) -> tuple[bool, str | None, str | None]:
    """(include past, unit, what is not a unit) from "/deadlines all health" or
    "/deadlines all y tế"."""
    words = (args or "").replace(",", " ").split()
    include_past = bool(words) and words[0].lower() == ALL
    rest = " ".join(words[1:] if include_past else words)
    if not rest:
        return include_past, None, None
    unit = find_unit(rest)
    if unit is None or unit == ALL:
        return include_past, None, rest
    return include_past, unit, None


@router.message(Command("deadlines"))
async def deadlines(message: Message, command: CommandObject, settings: Settings, lang: str,
                    is_admin: bool = False) -> None:
    include_past, unit, bad = _parse_args(command.args)
    if bad is not None:
        await message.answer(t(lang, "deadlines.unknown_unit", unit=esc(bad), codes=", ".join(CODES)))
        return
    text = deadline_list(settings, lang, include_past=include_past, unit=unit, is_admin=is_admin)
    await answer_long(message, text, lang, filename="loa-deadlines.txt")   # a file when very long


@router.message(Command("calendar"))
async def calendar(message: Message, command: CommandObject, settings: Settings, lang: str) -> None:
    """Every deadline (past ones too: a calendar is also a record), optionally for one unit."""
    from knowledge.deadlines import render_ics

    _, unit, bad = _parse_args(command.args)
    if bad is not None:
        await message.answer(t(lang, "deadlines.unknown_unit", unit=esc(bad), codes=", ".join(CODES)))
        return
    rows = list_deadlines(settings.zone, include_past=True, unit=unit)
    if not rows:
        await message.answer(t(lang, "calendar.empty"))
        return
    data = render_ics(rows, settings.zone, lang=lang).encode("utf-8")
    name = f"loa-deadlines-{unit}.ics" if unit else "loa-deadlines.ics"
    await message.answer_document(BufferedInputFile(data, filename=name),
                                  caption=t(lang, "calendar.caption", count=len(rows)))


@router.callback_query(AckCallback.filter())
async def acknowledge(callback: CallbackQuery, callback_data: AckCallback, settings: Settings, lang: str,
                      clock=None) -> None:
    clock = clock or SystemClock()
    kind = ACK_KINDS.get(callback_data.kind)
    message = callback.message
    if kind is None or message is None:
        await callback.answer()
        return
    chat_id = message.chat.id
    ack, created = record_ack(callback_data.deadline, chat_id, kind, user_id=callback.from_user.id,
                              user_name=callback.from_user.full_name, now=clock.now())
    if ack is None:
        await callback.answer(t(lang, "ping.ack_gone"), show_alert=True)
        return
    if not created:
        when = utc_aware(ack.created_at).astimezone(settings.zone).strftime("%H:%M %d/%m")
        await callback.answer(t(lang, "ping.ack_already", name=ack.user_name, time=when))
        return
    log.info("ping_acknowledged deadline_id=%s chat_id=%s kind=%s user_id=%s",
             callback_data.deadline, chat_id, kind, callback.from_user.id)
    await callback.answer(t(lang, f"ping.ack_saved_{kind}"))
    if isinstance(message, Message):
        await _redraw(message, settings, lang)


async def _redraw(message: Message, settings: Settings, lang: str) -> None:
    """Draw the reminder again, from its buttons (which deadlines, which numbers) and the
    acknowledgements stored for this chat; days left stay counted from when it was sent."""
    numbers: dict[int, int] = {}
    for row in (message.reply_markup.inline_keyboard if message.reply_markup else []):
        for button in row:
            try:
                data = AckCallback.unpack(button.callback_data or "")
            except (TypeError, ValueError):
                continue
            numbers.setdefault(data.deadline, data.n)
    rows = {r.id: r for r in load_rows(numbers)}
    numbered = [(n, rows[d]) for d, n in numbers.items() if d in rows]
    if not numbered:
        return
    acks = {key: AckView(kind=a.kind, user_name=a.user_name, at=utc_aware(a.created_at))
            for key, a in acks_in_chat(list(rows), message.chat.id).items()}
    sent_at = message.date if isinstance(message.date, datetime) else datetime.now(timezone.utc)
    text = render_ping_text(numbered, lang, settings.zone, sent_at=sent_at, acks=acks)
    try:
        await message.edit_text(text, reply_markup=ping_keyboard(numbered, lang, acks))
    except TelegramBadRequest as e:          # "message is not modified", or too old to edit
        log.info("ping_redraw_failed chat_id=%s message_id=%s error=%s", message.chat.id,
                 message.message_id, e.message)
