"""Replies too long for one Telegram message: a few messages, or one file.

A list of 2,000 deadlines is 30-odd messages: they flood the chat, spend the bot's budget
(`scheduler.limits`) and bury the conversation. Up to MAX_MESSAGES parts go as messages
(each through the gate, so a 429 in the middle is waited out and the rest follows); beyond
that the whole reply goes as one text file with a short caption.
"""
from __future__ import annotations

import html

from aiogram.types import BufferedInputFile, Message

from bot.views import to_plain
from bot.views.deadlines import split_message
from texts import t

MAX_MESSAGES = 3


async def answer_long(message: Message, text: str, lang: str, *, filename: str) -> None:
    """Answer `message` with `text` (Telegram HTML): its parts, or a file when there are
    more than MAX_MESSAGES of them."""
    parts = split_message(text)
    if len(parts) <= MAX_MESSAGES:
        for part in parts:
            await message.answer(part)
        return
    data = to_plain(text).encode("utf-8")
    first_line = to_plain(parts[0]).strip().splitlines()[0] if parts[0].strip() else ""
    await message.answer_document(BufferedInputFile(data, filename=filename),
                                  caption=t(lang, "reply.as_file", title=html.escape(first_line[:200]),
                                            messages=len(parts)))
