"""Every text the bot sends goes through `clean_text` (bot/views/safe.py): one session
middleware cleans the text, caption and inline button labels of each Bot API call, whatever
built it (replies, edits, outbox deliveries, callback answers), so a bidirectional override
or a zero-width space copied from a notice, a group title or a file name never reaches a
screen."""
from __future__ import annotations

from aiogram.client.session.middlewares.base import BaseRequestMiddleware

from bot.views.safe import clean_text


class CleanOutgoingText(BaseRequestMiddleware):
    """A call that carries explicit entities (offsets into its text) is left as it is."""

    async def __call__(self, make_request, bot, method):
        for field, entities in (("text", "entities"), ("caption", "caption_entities")):
            value = getattr(method, field, None)
            if isinstance(value, str) and not getattr(method, entities, None):
                cleaned = clean_text(value)
                if cleaned != value:
                    setattr(method, field, cleaned)
        markup = getattr(method, "reply_markup", None)
        for row in getattr(markup, "inline_keyboard", None) or ():
            for button in row:
                if isinstance(button.text, str):
                    cleaned = clean_text(button.text)
                    if cleaned != button.text:
                        button.text = cleaned
        return await make_request(bot, method)
