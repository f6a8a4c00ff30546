"""/subscribe, /unsubscribe, /mysubs (/subscriptions) and the unit keyboard's toggle buttons.
`/subscribe y tế xã, Hải Hà` subscribes at a level and place (knowledge/subscriptions.py reads
it); the keyboard subscribes at any level and place. A bare /unsubscribe asks which unit to
drop (or all of them) instead of dropping everything.

In a group only its admins change subscriptions: checked for the person who sent the
command or pressed the button, since anyone in the group can press a button.
"""
from __future__ import annotations

import html

from aiogram import Bot, F, Router
from aiogram.enums import ChatType
from aiogram.filters import Command, CommandObject
from aiogram.types import CallbackQuery, Message

from bot.filters import may_manage_chat
from bot.redraw import redraw
from bot.views.subscriptions import (CALLBACK_PREFIX, UNSUB_PREFIX, render_subscriptions,
                                     render_unknown_units, render_units, unit_keyboard,
                                     unsubscribe_keyboard)
from knowledge import subscriptions as subs
from knowledge import places
from knowledge.units import unit_name
from texts import t

router = Router(name=__name__)


def _current(chat_id: int, lang: str, place: str = "") -> str:
    text = render_subscriptions(subs.subscriptions_of(chat_id), lang)
    if place and not places.known(place):
        text += "\n" + t(lang, "sub.place_unknown", place=html.escape(place))
    return text


def _picker_text(message: Message, lang: str) -> str:
    where = "sub.where_private" if message.chat.type == ChatType.PRIVATE else "sub.where_group"
    return t(lang, "sub.pick", where=t(lang, where))


async def _allowed(message: Message, bot: Bot) -> bool:
    user_id = message.from_user.id if message.from_user else None
    return await may_manage_chat(bot, message.chat, user_id, message.sender_chat)


async def _managed_message(callback: CallbackQuery, bot: Bot, lang: str):
    """The message a subscription button is under, when the presser may change the chat's
    subscriptions; otherwise the press is answered (refused) and None returned."""
    message = callback.message
    if message is None:
        await callback.answer()
        return None
    if not await may_manage_chat(bot, message.chat, callback.from_user.id):
        await callback.answer(t(lang, "sub.group_admins_only"), show_alert=True)
        return None
    return message


@router.message(Command("subscribe"))
async def subscribe(message: Message, command: CommandObject, bot: Bot, lang: str) -> None:
    if not await _allowed(message, bot):
        await message.answer(t(lang, "sub.group_admins_only"))
        return
    if not (command.args or "").strip():
        await message.answer(_picker_text(message, lang),
                             reply_markup=unit_keyboard(subs.units_of(message.chat.id), lang))
        return
    req = subs.parse_request(command.args)
    if req.unknown or not req.units:
        bad = ", ".join(req.unknown) or command.args.strip()
        await message.answer(render_unknown_units(bad, lang) + "\n" + t(lang, "sub.syntax"))
        return
    by = message.from_user.id if message.from_user else None
    try:
        subs.subscribe(message.chat.id, req.units, by=by, level=req.level, place=req.place)
    except subs.UnknownUnit as e:
        await message.answer(render_unknown_units(str(e), lang))
        return
    await message.answer(_current(message.chat.id, lang, req.place))


@router.message(Command("unsubscribe"))
async def unsubscribe(message: Message, command: CommandObject, bot: Bot, lang: str) -> None:
    if not await _allowed(message, bot):
        await message.answer(t(lang, "sub.group_admins_only"))
        return
    if not (command.args or "").strip():     # a bare /unsubscribe (a tap in the menu) asks first
        current = subs.units_of(message.chat.id)
        if not current:
            await message.answer(t(lang, "sub.none"))
            return
        await message.answer(t(lang, "sub.unsub_pick", units=render_units(current, lang)),
                             reply_markup=unsubscribe_keyboard(current, lang))
        return
    req = subs.parse_request(command.args)
    if req.unknown or not req.units:
        await message.answer(render_unknown_units(", ".join(req.unknown) or command.args.strip(), lang))
        return
    try:
        subs.unsubscribe(message.chat.id, req.units, level=req.level or None, place=req.place or None)
    except subs.UnknownUnit as e:
        await message.answer(render_unknown_units(str(e), lang))
        return
    await message.answer(_current(message.chat.id, lang))


@router.callback_query(F.data.startswith(UNSUB_PREFIX))
async def unsubscribe_pick(callback: CallbackQuery, bot: Bot, lang: str) -> None:
    """One unit, every unit ("*"), or none ("-") from the bare /unsubscribe question."""
    message = await _managed_message(callback, bot, lang)
    if message is None:
        return
    choice = callback.data.removeprefix(UNSUB_PREFIX)
    try:
        if choice == "-":
            text = t(lang, "sub.unsub_kept") + "\n" + _current(message.chat.id, lang)
        else:
            subs.unsubscribe(message.chat.id, None if choice == "*" else [choice])
            text = _current(message.chat.id, lang)
    except subs.UnknownUnit:      # a button from an older unit list
        await callback.answer()
        return
    await callback.answer()
    await redraw(bot.edit_message_text(text=text, chat_id=message.chat.id, message_id=message.message_id,
                                       reply_markup=None))


@router.message(Command("mysubs", "subscriptions"))
async def mysubs(message: Message, lang: str) -> None:
    await message.answer(_current(message.chat.id, lang))


@router.callback_query(F.data.startswith(CALLBACK_PREFIX))
async def toggle(callback: CallbackQuery, bot: Bot, lang: str) -> None:
    message = await _managed_message(callback, bot, lang)
    if message is None:
        return
    code = callback.data.removeprefix(CALLBACK_PREFIX)
    try:
        units = subs.toggle(message.chat.id, code, by=callback.from_user.id)
    except subs.UnknownUnit:      # a button from an older unit list
        await callback.answer()
        return
    key = "sub.toggled_on" if code in units else "sub.toggled_off"
    await callback.answer(t(lang, key, unit=unit_name(code, lang)))
    await redraw(bot.edit_message_reply_markup(chat_id=message.chat.id, message_id=message.message_id,
                                               reply_markup=unit_keyboard(units, lang)))
