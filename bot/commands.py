"""The command menu Telegram shows next to the message box, in Vietnamese by default and in
English for users whose Telegram is in English."""
from __future__ import annotations

from aiogram import Bot
from aiogram.types import BotCommand, BotCommandScopeDefault

COMMANDS: dict[str, list[tuple[str, str]]] = {
    "vi": [
        ("ask", "Hỏi về các văn bản chỉ đạo"),
        ("deadlines", "Các hạn chót sắp tới"),
        ("calendar", "Tệp lịch .ics các hạn chót"),
        ("subscribe", "Chọn đơn vị nhận thông báo"),
        ("unsubscribe", "Bỏ nhận thông báo"),
        ("mysubs", "Đang nhận thông báo cho đơn vị nào"),
        ("lang", "Đổi ngôn ngữ (vi / en)"),
        ("help", "Hướng dẫn"),
    ],
    "en": [
        ("ask", "Ask about the directives"),
        ("deadlines", "Upcoming deadlines"),
        ("calendar", "Deadlines as an .ics calendar file"),
        ("subscribe", "Choose units to receive notices for"),
        ("unsubscribe", "Stop receiving notices"),
        ("mysubs", "Current subscriptions"),
        ("lang", "Change language (vi / en)"),
        ("help", "Help"),
    ],
}


async def set_commands(bot: Bot) -> None:
    scope = BotCommandScopeDefault()
    for lang, commands in COMMANDS.items():
        await bot.set_my_commands([BotCommand(command=c, description=d) for c, d in commands],
                                  scope=scope, language_code=None if lang == "vi" else lang)
