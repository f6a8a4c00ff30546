"""User-facing texts, one module per language (`vi.py`, `en.py`), the same keys in each.

Keys are grouped by feature with a prefix (`answer.`, `push.`, `sub.`, `ping.`, …).
Texts are Telegram HTML; `t()` fills `{placeholders}`. Values passed in are escaped by the
caller (see bot/views).
"""
from __future__ import annotations

from bot.texts import en, vi

LANGS = ("vi", "en")
_TABLES = {"vi": vi.TEXTS, "en": en.TEXTS}


def t(lang: str, key: str, /, **values) -> str:
    """The text of `key`; when the count (`n` or `count`) is 1 and the language has a
    `<key>.one` form ("1 day left"), that one."""
    table = _TABLES.get(lang, vi.TEXTS)
    if values.get("n", values.get("count")) == 1 and key + ".one" in table:
        key += ".one"
    text = table.get(key) or vi.TEXTS[key]
    return text.format(**values) if values else text
