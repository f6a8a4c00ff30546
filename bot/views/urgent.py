"""Urgent notices as Telegram paid broadcasts (`allow_paid_broadcast`): the line and the
button the push preview gets when PAID_BROADCAST_RATE is configured.

Telegram lets a bot send up to 1,000 messages per second this way, for 0.1 Star per message
(withdrawn from the bot's balance; https://core.telegram.org/bots/api#sendmessage). The
preview states the most it can cost: every message of the broadcast at that price.
"""
from __future__ import annotations

import math

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from texts import t

STARS_PER_MESSAGE = 0.1


def enabled(settings) -> bool:
    return float(getattr(settings, "paid_broadcast_rate", 0) or 0) > 0


def urgent_note(targets: int, settings, lang: str) -> str:
    """"⚡ Urgent: up to 1000 messages/s; up to N ⭐ for M messages", or "" when off."""
    if not enabled(settings) or targets <= 0:
        return ""
    stars = math.ceil(targets * STARS_PER_MESSAGE)
    return "\n" + t(lang, "push.urgent_cost", rate=f"{settings.paid_broadcast_rate:g}",
                    stars=f"{stars:,}".replace(",", "."), count=targets)


def with_urgent(markup: InlineKeyboardMarkup, broadcast_id: int, settings, lang: str) -> InlineKeyboardMarkup:
    """The preview's keyboard with a last row "⚡ Send urgently (paid)" when paid broadcasts
    are configured; unchanged otherwise."""
    if not enabled(settings):
        return markup
    row = [InlineKeyboardButton(text=t(lang, "push.urgent"), callback_data=f"push:urgent:{broadcast_id}")]
    return InlineKeyboardMarkup(inline_keyboard=[*markup.inline_keyboard, row])
