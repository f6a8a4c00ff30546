"""The bot's own membership: added to a group (register it, say how to subscribe), removed
or kicked, or blocked in a private chat (stop sending there), and group → supergroup
migration (subscriptions follow the new chat id)."""
from __future__ import annotations

import html
import logging

from aiogram import Bot, F, Router
from aiogram.enums import ChatMemberStatus, ChatType
from aiogram.exceptions import TelegramAPIError
from aiogram.types import ChatMemberUpdated, Message

from knowledge.subscriptions import deactivate_chat, migrate_chat, register_chat
from texts import t

router = Router(name=__name__)
log = logging.getLogger("loa.handlers")

PRESENT = {ChatMemberStatus.MEMBER, ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.CREATOR,
           ChatMemberStatus.RESTRICTED}
GONE = {ChatMemberStatus.LEFT, ChatMemberStatus.KICKED}


@router.my_chat_member()
async def bot_membership(event: ChatMemberUpdated, bot: Bot, lang: str) -> None:
    chat = event.chat
    old, new = event.old_chat_member.status, event.new_chat_member.status
    if new in GONE:
        deactivate_chat(chat.id)
        log.info("chat_left chat_id=%s status=%s", chat.id, new)
        return
    if new not in PRESENT:
        return
    register_chat(chat.id, type=chat.type, title=chat.title or "")
    if chat.type != ChatType.PRIVATE and old in GONE:
        log.info("chat_joined chat_id=%s", chat.id)
        try:
            await bot.send_message(chat.id, t(lang, "sub.greeting", title=html.escape(chat.title or "")))
        except TelegramAPIError as e:
            log.warning("greeting_failed chat_id=%s error=%r", chat.id, e)


@router.message(F.migrate_to_chat_id)
async def migrated_to(message: Message) -> None:
    migrate_chat(message.chat.id, message.migrate_to_chat_id)
    log.info("chat_migrated from=%s to=%s", message.chat.id, message.migrate_to_chat_id)


@router.message(F.migrate_from_chat_id)
async def migrated_from(message: Message) -> None:
    migrate_chat(message.migrate_from_chat_id, message.chat.id)
