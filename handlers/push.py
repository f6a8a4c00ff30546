"""Admin push: /push with a notice (text or a captioned file) → a preview with Send/Cancel;
Send stores the notice and starts its delivery; /notices and /report follow it up.

The preview message becomes the broadcast's progress message, which the Sender edits.
"""
from __future__ import annotations

import asyncio
import html
import logging
import os
import tempfile

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest
from aiogram.filters import Command, CommandObject
from aiogram.types import (BufferedInputFile, CallbackQuery, Document, InlineKeyboardButton,
                           InlineKeyboardMarkup, Message)

from bot.config import Settings
from bot.filters import parse_id
from bot.texts import t
from bot.views.notices import render_notice_list, render_preview, render_report
from bot.views.urgent import enabled as urgent_enabled, urgent_button, urgent_note
from knowledge.parser import ParseError, parse_text
from knowledge.reading import parse_file
from knowledge.search import Searcher
from scheduler import broadcast
from scheduler.outbox import Broadcast
from scheduler.sender import Sender

router = Router(name=__name__)
log = logging.getLogger("loa.handlers")


@router.message(Command("push"), flags={"admin_only": True})
async def push(message: Message, command: CommandObject, bot: Bot, lang: str,
               settings: Settings) -> None:
    try:
        if message.document is not None:
            parsed = await _parse_document(message.document, bot, lang)
            if isinstance(parsed, str):
                await message.answer(parsed)
                return
        elif (command.args or "").strip():
            parsed = parse_text(command.args)
        else:
            await message.answer(t(lang, "push.usage"))
            return
    except ParseError as e:
        await message.answer(t(lang, "push.parse_error", error=html.escape(e.message(lang))))
        return
    draft = broadcast.create_draft(parsed, created_by=message.from_user.id, admin_chat_id=message.chat.id)
    preview = broadcast.preview(draft)
    shown = await message.answer(render_preview(preview, lang) + urgent_note(preview.targets, settings, lang),
                                 reply_markup=_push_keyboard(draft.id, lang, settings))
    broadcast.set_progress_message(draft.id, shown.message_id)
    log.info("push_draft broadcast_id=%s admin=%s", draft.id, message.from_user.id)


async def _parse_document(document: Document, bot: Bot, lang: str) -> dict | str:
    """The parsed notice, or the message explaining why the file was refused."""
    name = document.file_name or "file"
    ext = os.path.splitext(name)[1].lower()
    if ext not in broadcast.ACCEPTED_EXTENSIONS:
        return t(lang, "push.bad_type", name=html.escape(name))
    if (document.file_size or 0) > broadcast.MAX_FILE_BYTES:
        return t(lang, "push.too_big", size_mb=f"{document.file_size / 2**20:.1f}",
                 limit_mb=broadcast.MAX_FILE_BYTES // 2**20)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "notice" + ext)
        try:
            await bot.download(document, destination=path)
        except TelegramAPIError as e:
            log.warning("push_download_failed file=%s error=%r", name, e)
            return t(lang, "push.download_failed")
        if os.path.getsize(path) > broadcast.MAX_FILE_BYTES:
            return t(lang, "push.too_big", size_mb=f"{os.path.getsize(path) / 2**20:.1f}",
                     limit_mb=broadcast.MAX_FILE_BYTES // 2**20)
        return await asyncio.to_thread(parse_file, path)


def _push_keyboard(broadcast_id: int, lang: str, settings: Settings) -> InlineKeyboardMarkup:
    rows = [[
        InlineKeyboardButton(text=t(lang, "push.send"), callback_data=f"push:send:{broadcast_id}"),
        InlineKeyboardButton(text=t(lang, "push.cancel"), callback_data=f"push:cancel:{broadcast_id}"),
    ]]
    urgent = urgent_button(broadcast_id, settings, lang)       # paid broadcast (bot/views/urgent.py)
    return InlineKeyboardMarkup(inline_keyboard=rows + ([urgent] if urgent else []))


def _callback_id(callback: CallbackQuery) -> int | None:
    return parse_id(callback.data.rsplit(":", 1)[-1])


@router.callback_query(F.data.startswith(("push:send:", "push:urgent:")), flags={"admin_only": True})
async def push_send(callback: CallbackQuery, bot: Bot, lang: str, sender: Sender,
                    searcher: Searcher, settings: Settings, reminders=None) -> None:
    broadcast_id = _callback_id(callback)
    urgent = callback.data.startswith("push:urgent:") and urgent_enabled(settings)
    result = broadcast.start(broadcast_id, urgent=urgent) if broadcast_id is not None else None
    if result is None or result.broadcast is None:
        await callback.answer(t(lang, "push.not_found"), show_alert=True)
        return
    if not result.started:
        status = t(lang, f"report.status_{result.broadcast.status}")
        await callback.answer(t(lang, "push.already", status=status), show_alert=True)
        return
    log.info("push_started broadcast_id=%s targets=%s by=%s", broadcast_id, result.targets,
             callback.from_user.id)
    sender.notify()
    await asyncio.to_thread(searcher.refresh)     # answerable at once, polling goes on
    if reminders is not None:
        reminders.resync()          # plan reminders for the new notice's deadlines now
    await callback.answer()
    key = ("push.started_urgent" if urgent else "push.started") if result.targets else "push.nothing_to_send"
    await _replace_preview(callback, bot, t(lang, key, id=broadcast_id, count=result.targets))


@router.callback_query(F.data.startswith("push:cancel:"), flags={"admin_only": True})
async def push_cancel(callback: CallbackQuery, bot: Bot, lang: str) -> None:
    broadcast_id = _callback_id(callback)
    if broadcast_id is None or not broadcast.cancel(broadcast_id):
        handled = Broadcast.get_or_none(Broadcast.id == broadcast_id) if broadcast_id else None
        if handled is None:
            await callback.answer(t(lang, "push.not_found"), show_alert=True)
        else:   # Cancel pressed after Send (or twice): say what became of it
            status = t(lang, f"report.status_{handled.status}")
            await callback.answer(t(lang, "push.already", status=status), show_alert=True)
        return
    await callback.answer()
    await _replace_preview(callback, bot, t(lang, "push.cancelled", id=broadcast_id))


async def _replace_preview(callback: CallbackQuery, bot: Bot, text: str) -> None:
    """Put the outcome under the preview and drop its buttons (no second press)."""
    message = callback.message
    if message is None:
        return
    body = getattr(message, "html_text", None) or ""
    try:
        await bot.edit_message_text(text=f"{body}\n\n{text}" if body else text, chat_id=message.chat.id,
                                    message_id=message.message_id, reply_markup=None)
    except TelegramBadRequest as e:
        log.warning("push_preview_edit_failed chat_id=%s error=%r", message.chat.id, e)


@router.message(Command("notices"), flags={"admin_only": True})
async def notices(message: Message, lang: str) -> None:
    await message.answer(render_notice_list(broadcast.recent(), lang))


@router.message(Command("report"), flags={"admin_only": True})
async def report(message: Message, command: CommandObject, lang: str) -> None:
    raw = (command.args or "").strip().lstrip("#")
    if not raw.isdigit():
        await message.answer(t(lang, "report.usage"))
        return
    broadcast_id = parse_id(raw)
    summary = broadcast.summary(broadcast_id) if broadcast_id is not None else None
    if summary is None:
        await message.answer(t(lang, "report.not_found", id=html.escape(raw)))
        return
    keyboard = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(
        text=t(lang, "report.csv"), callback_data=f"report:csv:{summary.id}")]])
    await message.answer(render_report(summary, lang), reply_markup=keyboard)


@router.callback_query(F.data.startswith("report:csv:"), flags={"admin_only": True})
async def report_csv(callback: CallbackQuery, bot: Bot, lang: str) -> None:
    broadcast_id = _callback_id(callback)
    if broadcast_id is None or broadcast.summary(broadcast_id) is None or callback.message is None:
        await callback.answer(t(lang, "report.gone"), show_alert=True)
        return
    await callback.answer()
    data = broadcast.report_csv(broadcast_id)
    await bot.send_document(callback.message.chat.id,
                            BufferedInputFile(data, filename=f"notice-{broadcast_id}-delivery.csv"),
                            caption=t(lang, "report.csv_caption", id=broadcast_id))
