"""Every command the bot answers, and the one a mistyped command most likely meant
("/deadline" → "/deadlines"): a suggestion beats a bare "no such command". Kept apart from
bot/commands.py (the Telegram menu) so that the console, which never imports aiogram, shares it."""
from __future__ import annotations

from difflib import get_close_matches

COMMANDS = ("start", "help", "ask", "deadlines", "calendar", "subscribe", "unsubscribe", "mysubs",
            "subscriptions", "lang", "push", "report", "notices", "admin", "glossary")


def closest_command(typed: str, known: tuple[str, ...] = COMMANDS) -> str | None:
    """The known command a typed one is a slip of (one or two letters off), or None."""
    word = typed.lstrip("/").split("@", 1)[0].lower()
    found = get_close_matches(word, known, n=1, cutoff=0.75) if len(word) >= 3 else []
    return found[0] if found else None
