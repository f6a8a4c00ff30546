"""Admin push: /push with a notice (text or a captioned file) → a preview with its controls
(Send / Cancel; target units or hand-picked groups; a time to send; a test to oneself; the
original file and a pin); Send stores the notice and starts (or schedules) its delivery, or,
for a corrected notice already pushed, edits its messages in every group.

Two controls ask something back (when to send, which groups): the bot asks with a message the
admin answers by replying (Telegram opens the reply for them), so nothing waits in memory.
The preview message becomes the broadcast's progress message, which the Sender edits.
"""
from __future__ import annotations

import asyncio
import html
import io
import json
import logging
import os
import tempfile

import aiohttp

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject, Filter
from aiogram.types import (CallbackQuery, ForceReply, InlineKeyboardButton, InlineKeyboardMarkup,
                           Message)

from bot.config import Settings
from bot.filters import parse_id
from bot.redraw import redraw
from bot.views.notices import preview_keyboard, render_notice_parts, render_preview, unit_picker
from bot.views.renderers import RENDERERS
from bot.views.urgent import enabled as urgent_enabled, urgent_note, with_urgent
from knowledge.formats import EXTENSIONS as READABLE_EXTENSIONS
from knowledge.parser import ParseError
from knowledge.reading import parse_file_async, parse_text_async
from knowledge.search import Searcher
from knowledge.units import ALL, CODES
from scheduler import broadcast
from scheduler.clock import SystemClock
from scheduler.outbox import Broadcast
from scheduler.push_options import BadTime, find_groups, parse_when
from scheduler.sender import Sender
from texts import t

router = Router(name=__name__)
log = logging.getLogger("loa.handlers")


@router.message(Command("push"), flags={"admin_only": True})
async def push(message: Message, command: CommandObject, bot: Bot, lang: str, settings: Settings) -> None:
    file_id = file_name = None
    try:
        upload = _upload(message)
        if upload is not None:
            parsed = await _parse_upload(*upload, bot=bot, lang=lang)
            if isinstance(parsed, str):
                await message.answer(parsed)
                return
            if message.document is not None:     # a file can be forwarded as it came
                file_id, file_name = message.document.file_id, message.document.file_name
        elif (command.args or "").strip():
            parsed = await parse_text_async(command.args)     # in a worker: see knowledge/reading
        else:
            await message.answer(t(lang, "push.usage"))
            return
    except ParseError as e:
        await message.answer(t(lang, "push.parse_error", error=html.escape(e.message(lang))))
        return
    draft = broadcast.create_draft(parsed, created_by=message.from_user.id, admin_chat_id=message.chat.id,
                                   file_id=file_id, file_name=file_name)
    shown_preview = broadcast.preview(draft)
    shown = await message.answer(render_preview(shown_preview, lang, settings.zone)
                                 + urgent_note(shown_preview.targets, settings, lang),
                                 reply_markup=with_urgent(preview_keyboard(shown_preview, lang),
                                                          draft.id, settings, lang))
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


def _action(data: str) -> tuple[str, int | None, str | None]:
    """push:<action>:<draft>[:<arg>] -> (action, draft id, arg)."""
    pieces = data.split(":", 3)
    action = pieces[1] if len(pieces) > 1 else ""
    draft_id = parse_id(pieces[2]) if len(pieces) > 2 else None
    return action, draft_id, pieces[3] if len(pieces) > 3 else None


async def _not_a_draft(callback: CallbackQuery, lang: str, broadcast_id: int | None) -> None:
    handled = Broadcast.get_or_none(Broadcast.id == broadcast_id) if broadcast_id else None
    if handled is None:
        await callback.answer(t(lang, "push.not_found"), show_alert=True)
    else:     # pressed after Send or Cancel (or twice): say what became of it
        status = t(lang, f"report.status_{handled.status}")
        await callback.answer(t(lang, "push.already", status=status), show_alert=True)


# --- Send, Cancel, edit in place ----------------------------------------------------------

@router.callback_query(F.data.startswith(("push:send:", "push:urgent:")), flags={"admin_only": True})
async def push_send(callback: CallbackQuery, bot: Bot, lang: str, sender: Sender, settings: Settings,
                    searcher: Searcher, reminders=None, clock=None) -> None:
    action, broadcast_id, _ = _action(callback.data)
    urgent = action == "urgent" and urgent_enabled(settings)     # a paid broadcast (bot/views/urgent.py)
    now = (clock or SystemClock()).now()
    result = broadcast.start(broadcast_id, RENDERERS, now, urgent=urgent) if broadcast_id is not None else None
    if result is None or not result.started:
        await _not_a_draft(callback, lang, broadcast_id)
        return
    log.info("push_started broadcast_id=%s targets=%s scheduled=%s by=%s", broadcast_id, result.targets,
             result.scheduled, callback.from_user.id)
    sender.notify()
    await asyncio.to_thread(searcher.refresh)     # answerable at once, polling goes on
    if reminders is not None:
        reminders.resync()          # plan reminders for the new notice's deadlines now
    await callback.answer()
    markup = None
    if result.scheduled:
        at = result.broadcast.started_at.replace(tzinfo=None)
        text = t(lang, "push.scheduled", id=broadcast_id, count=result.targets,
                 time=_local(at, settings))
        markup = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(
            text=t(lang, "report.btn_unschedule"), callback_data=f"report:unschedule:{broadcast_id}")]])
    elif result.targets:
        text = t(lang, "push.started_urgent" if urgent else "push.started", id=broadcast_id,
                 count=result.targets)
    else:
        text = t(lang, "push.nothing_to_send", id=broadcast_id)
    await _replace_preview(callback, bot, text, markup)


@router.callback_query(F.data.startswith("push:edit:"), flags={"admin_only": True})
async def push_edit(callback: CallbackQuery, bot: Bot, lang: str, sender: Sender, searcher: Searcher,
                    reminders=None) -> None:
    """Store the corrected notice and change its messages where it was sent."""
    _, broadcast_id, _ = _action(callback.data)
    draft, groups = broadcast.start_as_edit(broadcast_id, RENDERERS) if broadcast_id else (None, -1)
    if groups < 0:
        await _not_a_draft(callback, lang, broadcast_id)
        return
    log.info("push_edit broadcast_id=%s groups=%s by=%s", broadcast_id, groups, callback.from_user.id)
    sender.notify()
    await asyncio.to_thread(searcher.refresh)
    if reminders is not None:
        reminders.resync()
    await callback.answer()
    await _replace_preview(callback, bot, t(lang, "push.edit_started", count=groups))


@router.callback_query(F.data.startswith("push:cancel:"), flags={"admin_only": True})
async def push_cancel(callback: CallbackQuery, bot: Bot, lang: str) -> None:
    _, broadcast_id, _ = _action(callback.data)
    if broadcast_id is None or not broadcast.cancel(broadcast_id):
        await _not_a_draft(callback, lang, broadcast_id)
        return
    await callback.answer()
    await _replace_preview(callback, bot, t(lang, "push.cancelled", id=broadcast_id))


async def _replace_preview(callback: CallbackQuery, bot: Bot, text: str, markup=None) -> None:
    """Put the outcome under the preview and drop its buttons (no second press)."""
    message = callback.message
    if message is None:
        return
    body = getattr(message, "html_text", None) or ""
    await redraw(bot.edit_message_text(text=f"{body}\n\n{text}" if body else text, chat_id=message.chat.id,
                                       message_id=message.message_id, reply_markup=markup),
                 "push_preview_edit_failed", level=logging.WARNING, chat_id=message.chat.id)


def _local(naive_utc, settings: Settings) -> str:
    from datetime import timezone
    return naive_utc.replace(tzinfo=timezone.utc).astimezone(settings.zone).strftime("%H:%M %d/%m/%Y")


# --- the controls: they change the draft and draw its preview again ------------------------

@router.callback_query(F.data.regexp(r"^push:(units|unit|units_reset|back|file|pin|now|groups_reset):"),
                       flags={"admin_only": True})
async def push_adjust(callback: CallbackQuery, bot: Bot, lang: str, settings: Settings) -> None:
    action, broadcast_id, arg = _action(callback.data)
    draft = broadcast.draft_of(broadcast_id) if broadcast_id else None
    if draft is None:
        await _not_a_draft(callback, lang, broadcast_id)
        return
    if action == "unit" and arg not in (*CODES, ALL):
        await callback.answer()
        return
    if action == "unit":
        broadcast.toggle_unit(draft.id, arg)
    elif action == "units_reset":
        broadcast.reset_units(draft.id)
    elif action == "file":
        broadcast.toggle(draft.id, "attach_file")
    elif action == "pin":
        broadcast.toggle(draft.id, "pin")
    elif action == "now":
        broadcast.schedule(draft.id, None)
    elif action == "groups_reset":
        broadcast.pick_groups(draft.id, None)
    await callback.answer()
    picking = action in ("units", "unit", "units_reset")
    await _redraw(bot, draft, lang, settings, unit_keyboard=picking)


async def _redraw(bot: Bot, draft: Broadcast, lang: str, settings: Settings, unit_keyboard: bool = False) -> None:
    """Draw the preview again in its message (the unit picker in place of the controls while
    units are being chosen)."""
    if not draft.progress_message_id:
        return
    shown = broadcast.preview(draft)
    markup = (unit_picker(shown, lang) if unit_keyboard
              else with_urgent(preview_keyboard(shown, lang), draft.id, settings, lang))
    text = render_preview(shown, lang, settings.zone) + urgent_note(shown.targets, settings, lang)
    await redraw(bot.edit_message_text(text=text, chat_id=draft.admin_chat_id,
                                       message_id=draft.progress_message_id, reply_markup=markup),
                 "push_preview_redraw_failed", broadcast_id=draft.id)


@router.callback_query(F.data.startswith("push:test:"), flags={"admin_only": True})
async def push_test(callback: CallbackQuery, bot: Bot, lang: str) -> None:
    """The notice as groups will read it, in the admin's own private chat."""
    _, broadcast_id, _ = _action(callback.data)
    draft = broadcast.draft_of(broadcast_id) if broadcast_id else None
    if draft is None:
        await _not_a_draft(callback, lang, broadcast_id)
        return
    try:
        await bot.send_message(callback.from_user.id, t(lang, "push.test_header", id=draft.id))
        for text in render_notice_parts(json.loads(draft.draft), lang):
            await bot.send_message(callback.from_user.id, text)
    except TelegramAPIError as e:        # never started a private chat with the bot
        log.info("push_test_failed user=%s error=%r", callback.from_user.id, e)
        await callback.answer(t(lang, "push.test_failed"), show_alert=True)
        return
    await callback.answer(t(lang, "push.test_sent"))


# --- the questions: when to send, which groups ---------------------------------------------

@router.callback_query(F.data.regexp(r"^push:(when|groups):"), flags={"admin_only": True})
async def push_ask(callback: CallbackQuery, bot: Bot, lang: str, settings: Settings) -> None:
    action, broadcast_id, _ = _action(callback.data)
    draft = broadcast.draft_of(broadcast_id) if broadcast_id else None
    if draft is None or callback.message is None:
        await _not_a_draft(callback, lang, broadcast_id)
        return
    key = "push.ask_when" if action == "when" else "push.ask_groups"
    asked = await bot.send_message(draft.admin_chat_id, t(lang, key, id=draft.id, tz=settings.tz),
                                   reply_markup=ForceReply(selective=True))
    broadcast.ask(draft.id, action, asked.message_id)
    await callback.answer()


class AnswersPushQuestion(Filter):
    """A reply to the bot's question about a draft, in that draft's chat: passes `draft`
    and `question` (when | groups)."""

    async def __call__(self, message: Message) -> bool | dict:
        reply = message.reply_to_message
        if reply is None or not message.text or message.text.startswith("/"):
            return False
        found = broadcast.answering(message.chat.id, reply.message_id)
        if found is None:
            return False
        return {"draft": found[0], "question": found[1]}


@router.message(AnswersPushQuestion())
async def push_answer(message: Message, bot: Bot, lang: str, settings: Settings, draft: Broadcast,
                      question: str, is_admin: bool = False, clock=None) -> None:
    if not is_admin:
        await message.answer(t(lang, "admin.refused"))
        return
    if question == "when":
        try:
            at = parse_when(message.text, (clock or SystemClock()).now(), settings.zone)
        except BadTime as e:
            await message.answer(t(lang, str(e), tz=settings.tz))
            return
        broadcast.schedule(draft.id, at)
        await message.answer(t(lang, "push.when_set", id=draft.id, time=_local(at, settings)))
    else:
        found, unknown = find_groups(message.text)
        if unknown:
            await message.answer(t(lang, "push.groups_unknown", names=html.escape(", ".join(unknown)[:500])))
        if not found:
            return
        broadcast.pick_groups(draft.id, found)
        await message.answer(t(lang, "push.groups_set", id=draft.id, count=len(found)))
    await _redraw(bot, draft, lang, settings)
