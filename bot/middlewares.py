"""Per-update context for every handler: the reply language, whether the user is an admin,
and the chat registered in the database (so targeting and reminders know it exists).

Also the dispatcher-wide error handler: a failure is logged and the user told so; polling
carries on. (Telegram's 429s and 5xx never reach it: the gate on the Bot, `scheduler.gate`,
waits them out and makes the call again.) Per-user throttling is `bot.throttle`.
"""
from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware, Bot, Dispatcher
from aiogram.dispatcher.flags import get_flag
from aiogram.exceptions import TelegramAPIError
from aiogram.types import Chat as TgChat
from aiogram.types import CallbackQuery, ErrorEvent, Message, TelegramObject
from aiogram.types import User as TgUser

from knowledge.admins import is_admin
from knowledge.models import Chat, UserSetting
from knowledge.subscriptions import register_chat
from texts import LANGS, t

log = logging.getLogger("loa.handlers")


def telegram_lang(user: TgUser | None, default: str = "vi") -> str:
    code = (user.language_code or "") if user else ""
    if code.lower().startswith("en"):
        return "en"
    if code.lower().startswith("vi"):
        return "vi"
    return default


def chat_lang(chat: TgChat | None, user: TgUser | None, default: str = "vi") -> str:
    """Private chats follow the user's /lang choice, else their Telegram language; groups
    follow the group's /lang choice."""
    if chat is None or chat.type == "private":
        if user is not None:
            setting = UserSetting.get_or_none(UserSetting.user_id == user.id)
            if setting is not None:
                return setting.lang
        return telegram_lang(user, default)
    row = Chat.get_or_none(Chat.id == chat.id)
    return row.lang if row is not None and row.lang in LANGS else default


class ContextMiddleware(BaseMiddleware):
    async def __call__(self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
                       event: TelegramObject, data: dict[str, Any]) -> Any:
        settings = data["settings"]
        chat: TgChat | None = data.get("event_chat")
        user: TgUser | None = data.get("event_from_user")
        if chat is not None and chat.type != "channel":
            lang = None if chat.type != "private" else telegram_lang(user, settings.default_lang)
            register_chat(chat.id, type=chat.type, title=chat.title or "",
                          lang=lang or settings.default_lang)
        data["lang"] = chat_lang(chat, user, settings.default_lang)
        data["is_admin"] = is_admin(user.id if user else None, settings.admin_ids)
        return await handler(event, data)


class AdminOnly(BaseMiddleware):
    """Handlers flagged `admin_only` answer everyone else with a polite refusal, and
    nothing else happens (flags are read here, where the handler is already chosen)."""

    async def __call__(self, handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
                       event: TelegramObject, data: dict[str, Any]) -> Any:
        if get_flag(data, "admin_only") and not data.get("is_admin"):
            refusal = t(data.get("lang", "vi"), "admin.refused")
            if isinstance(event, CallbackQuery):
                await event.answer(refusal, show_alert=True)
            elif isinstance(event, Message):
                await event.answer(refusal)
            return None
        return await handler(event, data)


async def on_error(event: ErrorEvent, bot: Bot, lang: str = "vi") -> bool:
    update = event.update
    log.error("handler_failed update_id=%s error=%r", update.update_id, event.exception,
              exc_info=event.exception)
    chat_id = None
    if update.message is not None:
        chat_id = update.message.chat.id
    elif update.callback_query is not None and update.callback_query.message is not None:
        chat_id = update.callback_query.message.chat.id
    if chat_id is not None:
        try:
            await bot.send_message(chat_id, t(lang, "error.internal"))
        except TelegramAPIError as e:
            log.warning("error_reply_failed chat_id=%s error=%r", chat_id, e)
    return True


def setup_middlewares(dp: Dispatcher) -> None:
    from bot.throttle import ThrottleMiddleware

    dp.update.outer_middleware(ContextMiddleware())
    for observer in (dp.message, dp.callback_query):
        observer.middleware(ThrottleMiddleware())      # a flood is dropped before anything
        observer.middleware(AdminOnly())
    dp.errors.register(on_error)
