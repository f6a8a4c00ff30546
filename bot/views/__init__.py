"""Rendering of replies as Telegram HTML, one module per feature; `to_plain` for the console."""
from __future__ import annotations

import html
import re

_TAG = re.compile(r"<[^>]+>")


def to_plain(text: str) -> str:
    """Telegram HTML -> plain text for the console chat (invisible characters removed, as
    from what is sent to Telegram)."""
    from bot.views.safe import clean_text
    return clean_text(html.unescape(_TAG.sub("", text)))
