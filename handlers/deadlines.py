"""/deadlines, /calendar and the "Đã nhận" / "Đã hoàn thành" buttons of reminders.

A button press is recorded for the group (first press of each kind wins) and the reminder
is drawn again from the database, with who pressed and when, so everyone in the group sees
that it has been taken care of. A "done" can be taken back ("↩️") by whoever pressed it or
by an admin of the group.
"""
from __future__ import annotations

import logging
from datetime import datetime, timezone

from aiogram import Bot, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import BufferedInputFile, CallbackQuery, Message

from bot.config import Settings
from bot.conversation import deadline_list, parse_deadline_args, unknown_unit
from bot.filters import parse_id
from bot.press_answers import PressTexts, answer_press, may_take_back
from bot.redraw import redraw
from bot.replies import answer_long
from bot.views.deadlines import (ACK_KINDS, DONE, UNDO, AckCallback, AckView, ping_keyboard, render_ping_text,
                                 utc_aware)
from knowledge.deadlines import list_deadlines, load_rows
from knowledge.models import Deadline
from scheduler.acknowledgements import acks_in_chat, record_ack, undo_ack
from scheduler.clock import SystemClock
from scheduler.outbox import Delivery
from scheduler.reminder_targets import targets
from texts import t

router = Router(name=__name__)
log = logging.getLogger("loa.handlers")

PRESS_TEXTS = PressTexts(already="ping.ack_already", saved="ping.ack_saved_",
                         nothing_to_undo="ping.nothing_to_undo", undo_refused="ping.undo_refused")


@router.message(Command("deadlines"))
async def deadlines(message: Message, command: CommandObject, settings: Settings, lang: str,
                    is_admin: bool = False) -> None:
    include_past, unit, bad = parse_deadline_args(command.args)
    if bad is not None:
        await message.answer(unknown_unit(lang, bad))
        return
    text = deadline_list(settings, lang, include_past=include_past, unit=unit, is_admin=is_admin)
    await answer_long(message, text, lang, filename="loa-deadlines.txt")   # a file when very long


@router.message(Command("calendar"))
async def calendar(message: Message, command: CommandObject, settings: Settings, lang: str) -> None:
    """Every deadline (past ones too: a calendar is also a record), optionally for one unit."""
    from knowledge.deadlines import render_ics

    _, unit, bad = parse_deadline_args(command.args)
    if bad is not None:
        await message.answer(unknown_unit(lang, bad))
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
                      bot: Bot, clock=None) -> None:
    clock = clock or SystemClock()
    kind = ACK_KINDS.get(callback_data.kind)
    message = callback.message
    if message is None or (kind is None and callback_data.kind != UNDO):
        await callback.answer()
        return
    deadline_id = parse_id(str(callback_data.deadline))        # 20 digits: no such row
    if deadline_id is None or not Deadline.select().where(Deadline.id == deadline_id).exists():
        await callback.answer(t(lang, "ping.ack_gone"), show_alert=True)
        return
    if not _pressed_on_its_reminder(callback, callback_data.deadline, bot):
        log.warning("ping_ack_refused deadline_id=%s chat_id=%s user_id=%s", callback_data.deadline,
                    message.chat.id, callback.from_user.id)
        await callback.answer(t(lang, "ping.ack_not_here"), show_alert=True)
        return
    chat_id = message.chat.id
    if kind is None:
        await _undo(callback, deadline_id, bot, settings, lang)
        return
    ack, created = record_ack(callback_data.deadline, chat_id, kind, user_id=callback.from_user.id,
                              user_name=callback.from_user.full_name, now=clock.now())
    if ack is None:
        await callback.answer(t(lang, "ping.ack_gone"), show_alert=True)
        return
    if not await answer_press(callback, ack, created, kind, PRESS_TEXTS, lang, settings.zone):
        return
    log.info("ping_acknowledged deadline_id=%s chat_id=%s kind=%s user_id=%s",
             callback_data.deadline, chat_id, kind, callback.from_user.id)
    if isinstance(message, Message):
        await _redraw(message, settings, lang)


async def _undo(callback: CallbackQuery, deadline_id: int, bot: Bot, settings: Settings, lang: str) -> None:
    """Take back a "done": only the person who pressed it, or an admin of the group."""
    message = callback.message
    done = acks_in_chat([deadline_id], message.chat.id).get((deadline_id, DONE))
    if not await may_take_back(callback, bot, done, PRESS_TEXTS, lang):
        return
    undo_ack(deadline_id, message.chat.id, DONE)
    log.info("ping_done_undone deadline_id=%s chat_id=%s user_id=%s", deadline_id, message.chat.id,
             callback.from_user.id)
    await callback.answer(t(lang, "ping.undone"))
    if isinstance(message, Message):
        await _redraw(message, settings, lang)


def _pressed_on_its_reminder(callback: CallbackQuery, deadline_id: int, bot: Bot) -> bool:
    """A press counts for the chat it is made in only on a reminder the bot sent there: the
    message must be the bot's own and carry this very button, and the chat one the deadline
    is for (subscribed now, or sent reminders before). Button data can be forged — an "ack"
    for any deadline from any chat —; the message Telegram attaches to a press cannot."""
    message = callback.message
    if isinstance(message, Message):          # (else too old for Telegram to attach)
        if message.from_user is None or message.from_user.id != bot.id or message.reply_markup is None:
            return False
        if not any(button.callback_data == callback.data
                   for row in message.reply_markup.inline_keyboard for button in row):
            return False
    chat_id = message.chat.id
    return chat_id in targets([deadline_id])[deadline_id] or Delivery.select().where(
        Delivery.chat_id == chat_id, Delivery.kind == "ping").exists()


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
    await redraw(message.edit_text(text, reply_markup=ping_keyboard(numbered, lang, acks)),
                 "ping_redraw_failed", chat_id=message.chat.id, message_id=message.message_id)
