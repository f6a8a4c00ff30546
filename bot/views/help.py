"""The /start and /help replies (also used by the console chat)."""
from __future__ import annotations

from texts import t


def render_help(lang: str, is_admin: bool = False) -> str:
    text = t(lang, "help.user")
    if is_admin:
        text += t(lang, "help.admin")
    return text
