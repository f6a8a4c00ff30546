"""User-facing texts, one package per language (`vi/`, `en/`), the same keys in each.

Keys are grouped by feature with a prefix (`answer.`, `push.`, `sub.`, `ping.`, …); each language's
table is split into the same area modules (`answers.py`, `push.py`, `deadlines.py`, …, listed in
`areas.py`) and merged into one `TEXTS` per language, so a text is still found in one place per
language and `t()` sees one table.
Texts are Telegram HTML; `t()` fills `{placeholders}`. Values passed in are escaped by the
caller (see bot/views).

A top-level package, below every layer, importing nothing of the project: the knowledge base
words its refusals (`parse.*`) and names the calendar it exports yet may not import the bot,
and there is still one table per language.
"""
from __future__ import annotations

from texts import en, vi

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


def warning_text(warning: dict, lang: str) -> str:
    """One of the parser's warnings about a notice ({"key": "future_date", "date": "2026-12-12"}),
    in words; shown by `bot.py import` and in the push preview."""
    import html
    from datetime import date

    key = warning.get("key", "")
    fields = {k: html.escape(str(v)) for k, v in warning.items() if k != "key"}
    if "date" in fields:
        try:
            fields["date"] = date.fromisoformat(fields["date"]).strftime("%d/%m/%Y")
        except ValueError:
            pass
    try:
        return t(lang, f"warning.{key}", **fields)
    except (KeyError, IndexError):
        return t(lang, "warning.other", what=html.escape(key))


def header_text(notice: dict, lang: str) -> str:
    """The header the parser read — kind, number, issuer, date, title, signer — in three lines,
    "(không rõ)" for what it did not find; shown by `bot.py import` and in the push preview so
    the admin checks the letterhead before anything is sent."""
    import html
    from datetime import date

    unknown = t(lang, "notice.unknown")
    fields = {k: html.escape(str(notice.get(k) or "").strip()) or unknown
              for k in ("kind", "number", "issuer", "title", "signer")}
    when = notice.get("date")
    try:
        fields["date"] = date.fromisoformat(str(when)).strftime("%d/%m/%Y") if when else unknown
    except ValueError:
        fields["date"] = html.escape(str(when))
    if fields["kind"] == unknown:
        fields["kind"] = t(lang, "notice.kind_default")
    return t(lang, "notice.header", **fields)
