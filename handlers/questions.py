"""Questions: any text in a private chat, a group message addressed to the bot, or /ask.

Deadline-list requests ("hạn chót tuần này", "what is due this week?") get the deadline list;
everything else goes to the search: the answer's whole item behind a "Toàn văn" button, and
buttons named by topic for up to two other items it found.
Also the last word on commands: one that no router took gets "unknown command".
"""
from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command, CommandObject
from aiogram.types import (CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message)

from bot.command_names import closest_command
from bot.config import Settings
from bot.conversation import clipped_question, reply_to_text
from bot.filters import AddressedToBot, parse_id
from bot.views.answers import render_item, topic_of
from knowledge.deadlines import local_today
from knowledge.models import Item
from knowledge.search import Searcher
from texts import t

router = Router(name=__name__)

ALTERNATIVES = 2


@router.message(Command("ask"))
async def ask_command(message: Message, command: CommandObject, searcher: Searcher,
                      settings: Settings, lang: str, is_admin: bool = False) -> None:
    if not (command.args or "").strip():
        await message.answer(t(lang, "ask.usage"))
        return
    await answer_question(message, command.args, searcher, settings, lang, is_admin)


@router.message(F.text.startswith("/"))
async def unknown_command(message: Message, bot: Bot, lang: str) -> None:
    """Only when it is for us: groups carry other bots' commands too."""
    word = message.text.split(maxsplit=1)[0]
    _, _, mention = word.partition("@")
    if message.chat.type != ChatType.PRIVATE:
        me = await bot.me()
        if not mention or mention.lower() != (me.username or "").lower():
            return
    meant = closest_command(word)
    await message.answer(t(lang, "common.unknown_command_like", command=meant) if meant
                         else t(lang, "common.unknown_command"))


@router.message(AddressedToBot())
async def question(message: Message, question: str, searcher: Searcher, settings: Settings,
                   lang: str, is_admin: bool = False) -> None:
    if not question:
        await message.answer(t(lang, "ask.usage"))
        return
    await answer_question(message, question, searcher, settings, lang, is_admin)


async def answer_question(message: Message, text: str, searcher: Searcher, settings: Settings,
                          lang: str, is_admin: bool = False) -> None:
    text, note = clipped_question(text, lang)
    reply = reply_to_text(text, searcher=searcher, settings=settings, lang=lang, is_admin=is_admin,
                          alternatives=ALTERNATIVES)
    # A reply to the question, or a plain message when its asker deleted it meanwhile.
    await message.answer(note + reply.html, reply_markup=answer_keyboard(reply, reply.lang),
                         reply_parameters=message.as_reply_parameters(allow_sending_without_reply=True))


NOT_TEXT = {"sticker", "photo", "voice", "video", "video_note", "audio", "document", "animation",
            "location", "contact", "poll", "dice", "venue"}


@router.message(F.chat.type == ChatType.PRIVATE, F.content_type.in_(NOT_TEXT))
async def not_text(message: Message, lang: str, is_admin: bool = False) -> None:
    """Loa reads typed questions only; an admin's file without the /push caption is most
    likely a notice meant for pushing. (Groups share media all day: no reply there.)"""
    if is_admin and (message.document is not None or message.photo):
        await message.answer(t(lang, "push.caption_hint"))
    else:
        await message.answer(t(lang, "ask.text_only"))


def answer_keyboard(reply, lang: str) -> InlineKeyboardMarkup | None:
    rows = []
    if reply.full_text is not None:
        rows.append([InlineKeyboardButton(text=t(lang, "answer.full_text"), callback_data=f"item:{reply.full_text}")])
    rows += [[InlineKeyboardButton(text=t(lang, "ask.see_also", title=topic_of(hit.record, hit.text)),
                                   callback_data=f"item:{hit.item_id}")] for hit in reply.see_also]
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


@router.callback_query(F.data.startswith("item:"))
async def show_item(callback: CallbackQuery, bot: Bot, settings: Settings, lang: str) -> None:
    item_id = parse_id(callback.data.removeprefix("item:"))
    if item_id is None or Item.get_or_none(Item.id == item_id) is None:
        await callback.answer(t(lang, "ask.item_gone"), show_alert=True)
        return
    await callback.answer()
    if callback.message is not None:
        await bot.send_message(callback.message.chat.id, render_item(item_id, lang, local_today(settings.zone)))
