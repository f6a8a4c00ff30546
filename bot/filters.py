"""Who a message is for, who may change a group's settings, and which numbers people typed."""
from __future__ import annotations

import logging
import re

from aiogram import Bot
from aiogram.enums import ChatMemberStatus, ChatType
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Filter
from aiogram.types import Chat, Message

log = logging.getLogger("loa.handlers")

GROUP_ADMIN_STATUSES = {ChatMemberStatus.CREATOR, ChatMemberStatus.ADMINISTRATOR}
ROW_ID_MAX = 2**31 - 1        # an INTEGER primary key (PostgreSQL's limit, the smaller one)
USER_ID_MAX = 2**52           # Telegram user ids have at most 52 significant bits


def parse_id(raw: str | None, maximum: int = ROW_ID_MAX) -> int | None:
    """A positive whole number that fits its column, else None. Numbers come from people and
    from button data anyone can forge; one too large for the database must not reach it."""
    raw = (raw or "").strip()
    if not (raw.isascii() and raw.isdigit()):
        return None
    number = int(raw)
    return number if 0 < number <= maximum else None


class AddressedToBot(Filter):
    """Any text in a private chat; in a group only a message that mentions the bot or replies
    to one of its messages (groups talk among themselves most of the time).

    Passes `question` (the text without the @mention) to the handler.
    """

    async def __call__(self, message: Message, bot: Bot) -> bool | dict:
        text = message.text
        if not text or text.startswith("/"):
            return False
        if message.chat.type == ChatType.PRIVATE:
            return {"question": text.strip()}
        me = await bot.me()
        if me.username:
            mention = re.compile(rf"@{re.escape(me.username)}\b", re.IGNORECASE)
            if mention.search(text):
                return {"question": mention.sub(" ", text).strip()}
        reply = message.reply_to_message
        if reply is not None and reply.from_user is not None and reply.from_user.id == me.id:
            return {"question": text.strip()}
        return False


async def may_manage_chat(bot: Bot, chat: Chat, user_id: int | None, sender_chat: Chat | None = None) -> bool:
    """Anyone in their private chat; in a group its creator and administrators (including an
    anonymous admin writing as the group itself)."""
    if chat.type == ChatType.PRIVATE:
        return True
    if sender_chat is not None and sender_chat.id == chat.id:
        return True
    if user_id is None:
        return False
    try:
        member = await bot.get_chat_member(chat.id, user_id)
    except TelegramAPIError as e:
        log.warning("chat_member_check_failed chat_id=%s user_id=%s error=%r", chat.id, user_id, e)
        return False
    return member.status in GROUP_ADMIN_STATUSES
