"""Admin push: /push with a notice (text or a captioned file) → a preview with Send/Cancel;
Send stores the notice and starts its delivery; /notices and /report follow it up.

The preview message becomes the broadcast's progress message, which the Sender edits.
"""
from __future__ import annotations

import asyncio
import html
import io
import logging
import os
import tempfile

import aiohttp

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest
from aiogram.filters import Command, CommandObject
from aiogram.types import (BufferedInputFile, CallbackQuery, InlineKeyboardButton,
                           InlineKeyboardMarkup, Message)

from bot.filters import parse_id
from bot.texts import t
from bot.views.notices import render_notice_list, render_preview, render_report
from knowledge.formats import EXTENSIONS as READABLE_EXTENSIONS
from knowledge.parser import ParseError
from knowledge.reading import parse_file_async, parse_text_async
from knowledge.search import Searcher
from scheduler import broadcast
from scheduler.outbox import Broadcast
from scheduler.sender import Sender

router = Router(name=__name__)
log = logging.getLogger("loa.handlers")


@router.message(Command("push"), flags={"admin_only": True})
async def push(message: Message, command: CommandObject, bot: Bot, lang: str) -> None:
    try:
        upload = _upload(message)
        if upload is not None:
            parsed = await _parse_upload(*upload, bot=bot, lang=lang)
            if isinstance(parsed, str):
                await message.answer(parsed)
                return
        elif (command.args or "").strip():
            parsed = await parse_text_async(command.args)     # in a worker: see knowledge/reading
        else:
            await message.answer(t(lang, "push.usage"))
            return
    except ParseError as e:
        await message.answer(t(lang, "push.parse_error", error=html.escape(e.message(lang))))
        return
    draft = broadcast.create_draft(parsed, created_by=message.from_user.id, admin_chat_id=message.chat.id)
    shown = await message.answer(render_preview(broadcast.preview(draft), lang),
                                 reply_markup=_push_keyboard(draft.id, lang))
    broadcast.set_progress_message(draft.id, shown.message_id)
    log.info("push_draft broadcast_id=%s admin=%s", draft.id, message.from_user.id)


def _upload(message: Message) -> tuple[str, str, int | None] | None:
    """(file id, the admin's file name, declared size) of a file or photo captioned /push."""
    if message.document is not None:
        return message.document.file_id, message.document.file_name or "file", message.document.file_size
    if message.photo:                       # a photo of a notice: Telegram's largest JPEG of it
        return message.photo[-1].file_id, "photo.jpg", message.photo[-1].file_size
    return None


async def _parse_upload(file_id: str, name: str, size: int | None, *, bot: Bot, lang: str) -> dict | str:
    """The parsed notice, or the message explaining why the file was refused."""
    ext = os.path.splitext(name)[1].lower()
    limit = broadcast.MAX_FILE_BYTES
    if ext not in READABLE_EXTENSIONS:
        return t(lang, "push.bad_type", name=html.escape(name))
    if (size or 0) > limit:
        return t(lang, "push.too_big", size_mb=f"{size / 2**20:.1f}", limit_mb=limit // 2**20)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "upload" + ext)
        try:
            with open(path, "wb") as file:       # the real size counts, not the declared one
                await bot.download(file_id, destination=_CappedWriter(file, limit), seek=False)
        except _TooBig:
            return t(lang, "push.too_big", size_mb=f"> {limit // 2**20}", limit_mb=limit // 2**20)
        except (TelegramAPIError, aiohttp.ClientError, asyncio.TimeoutError, OSError) as e:
            log.warning("push_download_failed file=%r error=%s", name, type(e).__name__)
            return t(lang, "push.download_failed")
        return await parse_file_async(path, name=name)


class _TooBig(Exception):
    pass


class _CappedWriter(io.RawIOBase):
    """A file that refuses to grow past `limit` bytes: the download stops at the first chunk
    beyond it, whatever size the upload declared (or did not)."""

    def __init__(self, file, limit: int):
        super().__init__()
        self.file, self.limit, self.size = file, limit, 0

    def writable(self) -> bool:
        return True

    def write(self, chunk) -> int:
        self.size += len(chunk)
        if self.size > self.limit:
            raise _TooBig(self.size)
        return self.file.write(chunk)

    def flush(self) -> None:
        self.file.flush()


def _push_keyboard(broadcast_id: int, lang: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[[
        InlineKeyboardButton(text=t(lang, "push.send"), callback_data=f"push:send:{broadcast_id}"),
        InlineKeyboardButton(text=t(lang, "push.cancel"), callback_data=f"push:cancel:{broadcast_id}"),
    ]])


def _callback_id(callback: CallbackQuery) -> int | None:
    return parse_id(callback.data.rsplit(":", 1)[-1])


@router.callback_query(F.data.startswith("push:send:"), flags={"admin_only": True})
async def push_send(callback: CallbackQuery, bot: Bot, lang: str, sender: Sender,
                    searcher: Searcher, reminders=None) -> None:
    broadcast_id = _callback_id(callback)
    result = broadcast.start(broadcast_id) if broadcast_id is not None else None
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
    key = "push.started" if result.targets else "push.nothing_to_send"
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
