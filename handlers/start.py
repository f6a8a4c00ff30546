"""/start, /help and /lang."""
from __future__ import annotations

from aiogram import Bot, Router
from aiogram.enums import ChatType
from aiogram.filters import Command, CommandObject, CommandStart
from aiogram.types import Message

from bot.filters import may_manage_chat
from bot.views.help import render_help
from knowledge.models import Chat, UserSetting
from texts import LANGS, t

router = Router(name=__name__)


@router.message(CommandStart())
async def start(message: Message, bot: Bot, lang: str, is_admin: bool) -> None:
    if message.chat.type == ChatType.PRIVATE:
        await message.answer(t(lang, "start.private"))
    else:
        me = await bot.me()
        await message.answer(t(lang, "start.group", username=me.username or ""))


@router.message(Command("help"))
async def help_(message: Message, lang: str, is_admin: bool) -> None:
    await message.answer(render_help(lang, is_admin=is_admin))


@router.message(Command("lang"))
async def choose_lang(message: Message, command: CommandObject, bot: Bot, lang: str) -> None:
    wanted = (command.args or "").strip().lower()
    if not wanted:
        await message.answer(t(lang, "lang.current", lang=lang))
        return
    if wanted not in LANGS:
        await message.answer(t(lang, "lang.usage"))
        return
    user_id = message.from_user.id if message.from_user else None
    if message.chat.type == ChatType.PRIVATE and user_id is not None:
        UserSetting.insert(user_id=user_id, lang=wanted).on_conflict(
            conflict_target=[UserSetting.user_id], update={UserSetting.lang: wanted}).execute()
    elif not await may_manage_chat(bot, message.chat, user_id, message.sender_chat):
        await message.answer(t(lang, "lang.group_admins_only"))
        return
    Chat.update(lang=wanted).where(Chat.id == message.chat.id).execute()
    await message.answer(t(wanted, "lang.changed"))
