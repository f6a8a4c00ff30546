"""After a push: /notices, /report <n> with its buttons — refresh, CSV export, remind the
groups that have not acknowledged, edit, recall (with a confirmation), a "recalled" line where
Telegram would not delete, and calling off a scheduled push."""
from __future__ import annotations

import asyncio
import html
import logging

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import BufferedInputFile, CallbackQuery, Message

from bot.config import Settings
from bot.filters import parse_id
from bot.redraw import redraw
from bot.views.delivery import recall_confirm_keyboard, render_full_report, report_csv, report_keyboard
from bot.views.notices import render_notice_list
from bot.views.renderers import RENDERERS
from scheduler import broadcast, notice_report, revisions
from scheduler.clock import SystemClock
from scheduler.sender import Sender
from texts import t

router = Router(name=__name__)
log = logging.getLogger("loa.handlers")


@router.message(Command("notices"), flags={"admin_only": True})
async def notices(message: Message, lang: str, clock=None) -> None:
    now = (clock or SystemClock()).now()
    await message.answer(render_notice_list(broadcast.recent(now=now), lang))


@router.message(Command("report"), flags={"admin_only": True})
async def report(message: Message, command: CommandObject, lang: str, settings: Settings, clock=None) -> None:
    raw = (command.args or "").strip().lstrip("#")
    if not raw.isdigit():
        await message.answer(t(lang, "report.usage"))
        return
    broadcast_id = parse_id(raw)
    found = await _build(broadcast_id, settings, clock) if broadcast_id is not None else None
    if found is None:
        await message.answer(t(lang, "report.not_found", id=html.escape(raw)))
        return
    await message.answer(render_full_report(found, lang, settings.zone), reply_markup=report_keyboard(found, lang))


async def _build(broadcast_id: int, settings: Settings, clock):
    """The report, built in a thread: for 10,000 groups it reads for about a second, and
    questions keep being answered meanwhile."""
    return await asyncio.to_thread(notice_report.build_report, broadcast_id, (clock or SystemClock()).now(),
                                   settings.zone)


def _action(data: str) -> tuple[str, int | None, int | None]:
    """report:<action>:<broadcast>[:<number>]."""
    pieces = data.split(":")
    arg = parse_id(pieces[3], maximum=10**6) if len(pieces) > 3 else None
    if len(pieces) > 3 and pieces[3] == "0":
        arg = 0
    return pieces[1], parse_id(pieces[2]) if len(pieces) > 2 else None, arg


async def _show(callback: CallbackQuery, found, lang: str, settings: Settings, note: str = "") -> None:
    """Draw the report again in the message the button is under."""
    text = render_full_report(found, lang, settings.zone)
    if note:
        text = f"{text}\n\n{note}"
    await redraw(callback.message.edit_text(text, reply_markup=report_keyboard(found, lang)),
                 "report_redraw_failed", broadcast_id=found.broadcast.id)


@router.callback_query(F.data.startswith("report:"), flags={"admin_only": True})
async def report_button(callback: CallbackQuery, bot: Bot, lang: str, settings: Settings, sender: Sender,
                        searcher=None, clock=None) -> None:
    action, broadcast_id, arg = _action(callback.data)
    found = await _build(broadcast_id, settings, clock) if broadcast_id is not None else None
    if found is None or callback.message is None:
        await callback.answer(t(lang, "report.gone"), show_alert=True)
        return
    if action == "refresh":
        await callback.answer()
        await _show(callback, found, lang, settings)
    elif action == "csv":
        await callback.answer()
        data = await asyncio.to_thread(report_csv, found, settings.zone, lang)
        await bot.send_document(callback.message.chat.id,
                                BufferedInputFile(data, filename=f"notice-{found.broadcast.id}-report.csv"),
                                caption=t(lang, "report.csv_caption", id=found.broadcast.id))
    elif action == "nudge":
        await _nudge(callback, found, arg, lang, settings, sender)
    elif action == "edit":
        await callback.answer(t(lang, "report.edit_help", id=found.broadcast.id), show_alert=True)
    elif action == "recall":
        await callback.answer(t(lang, "report.recall_confirm"))
        await callback.message.edit_reply_markup(reply_markup=recall_confirm_keyboard(
            found.broadcast.id, found.counts.get("sent", 0), lang))
    elif action in ("recall_yes", "withdraw"):
        groups = revisions.recall(found.broadcast.id)
        if groups is None:
            await callback.answer(t(lang, "report.recall_already"), show_alert=True)
            return
        note = t(lang, "report.recall_started", groups=groups)
        if action == "withdraw":
            withdrawn = revisions.withdraw(found.broadcast.id)
            note = t(lang, "report.withdrawn" if withdrawn else "report.not_withdrawn", groups=groups)
            if withdrawn and searcher is not None:
                await asyncio.to_thread(searcher.refresh)
        log.info("push_recalled broadcast_id=%s groups=%s withdrawn=%s by=%s", found.broadcast.id, groups,
                 action == "withdraw", callback.from_user.id)
        sender.notify()
        await callback.answer(note, show_alert=True)
        await _show(callback, await _build(found.broadcast.id, settings, clock), lang, settings, note)
    elif action == "mark":
        groups = revisions.mark_recalled(found.broadcast.id, found.undeleted, RENDERERS)
        sender.notify()
        await callback.answer(t(lang, "report.mark_started", groups=groups), show_alert=True)
    elif action == "unschedule":
        now = (clock or SystemClock()).now()
        if not broadcast.cancel_scheduled(found.broadcast.id, now):
            await callback.answer(t(lang, "report.unschedule_late"), show_alert=True)
            return
        await callback.answer(t(lang, "report.unscheduled", id=found.broadcast.id), show_alert=True)
        await callback.message.edit_reply_markup(reply_markup=None)
    else:
        await callback.answer()


async def _nudge(callback: CallbackQuery, found, round_seen: int | None, lang: str, settings: Settings,
                 sender: Sender) -> None:
    if round_seen is None:
        await callback.answer()
        return
    sent = notice_report.nudge(found, round_seen, RENDERERS, settings.default_lang)
    if sent is None:
        await callback.answer(t(lang, "report.nudge_stale"), show_alert=True)
        return
    log.info("push_nudged broadcast_id=%s groups=%s by=%s", found.broadcast.id, sent, callback.from_user.id)
    sender.notify()
    await callback.answer(t(lang, "report.nudge_sent", n=sent), show_alert=True)
    found.nudges = round_seen + 1
    await _show(callback, found, lang, settings)
