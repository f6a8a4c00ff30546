"""What Loa says to a typed message, shared by the Telegram handlers and the console chat.

A request for the deadline list ("hạn chót tuần này", "what is due this week?") gets the
list; anything else goes to the search: small talk gets a friendly reply, an answer its
whole item behind a "full text" button and its other hits as "see also".
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from bot.config import Settings
from bot.views.answers import plausible, render_answer
from knowledge.deadlines import list_deadlines, local_today, parse_deadline_query
from texts import LANGS


@dataclass
class Reply:
    html: str
    lang: str                                       # the reply's language: the question's
    see_also: list = field(default_factory=list)   # search hits offered as buttons
    full_text: int | None = None                    # item id behind the "full text" button


def parse_deadline_args(args: str | None) -> tuple[bool, str | None, str | None]:
    """(include past, unit code, what is not a unit) from "/deadlines all y tế",
    "/deadlines trường học", "--unit health": the unit may be several words, a code or a name."""
    from knowledge.units import ALL, find_unit

    words = (args or "").replace(",", " ").split()
    include_past = bool(words) and words[0].lower() == ALL
    rest = " ".join(words[1:] if include_past else words)
    if not rest:
        return include_past, None, None
    unit = find_unit(rest)
    if unit is None or unit == ALL:
        return include_past, None, rest
    return include_past, unit, None


def unknown_unit(lang: str, what: str) -> str:
    """The reply to a unit no code or name matches: the valid codes with their names."""
    import html

    from texts import t
    from knowledge.units import CODES, unit_name
    codes = ", ".join(f"{c} ({unit_name(c, lang)})" for c in CODES)
    return t(lang, "deadlines.unknown_unit", unit=html.escape(what, quote=False), codes=html.escape(codes, quote=False))


def deadline_list(settings: Settings, lang: str, *, include_past: bool = False, unit: str | None = None,
                  period: str | None = None, is_admin: bool = False, month: tuple[int, int] | None = None,
                  document: str | None = None) -> str:
    """The deadline list; admins also see each task's status across the groups (done on time,
    done late, still due, overdue) and how many received it."""
    from bot.views.deadlines import render_deadline_list      # not imported by every `bot.py ask`

    start = end = None
    if period:
        from knowledge.deadlines import DeadlineQuery
        start, end = DeadlineQuery(period=period, month=month).dates(local_today(settings.zone))
    rows = list_deadlines(settings.zone, include_past=include_past, unit=unit, start=start, end=end, document=document)
    # none in the period: the first one after it ("tuần này" empty: next week's, not today's)
    nearest = list_deadlines(settings.zone, unit=unit, start=end + timedelta(days=1), document=document)[:1] \
        if period and not rows and end else None
    counts = None
    if is_admin and rows:
        from datetime import datetime, timezone

        from scheduler.taskstatus import TaskBoard
        board = TaskBoard(rows, settings.zone, datetime.now(timezone.utc))
        counts = {r.id: board.counts(r.id) for r in rows}
    return render_deadline_list(rows, lang, settings.zone, counts=counts, unit=unit,
                                include_past=include_past, period=period, nearest=nearest,
                                month=f"{month[1]}/{month[0]}" if month else "", document=document)


MAX_QUESTION = 500            # characters read of a question; real questions are far shorter


def clipped_question(text: str, lang: str) -> tuple[str, str]:
    """The question as read (spaces collapsed, at most MAX_QUESTION characters) and the note that
    tells the asker it was cut ("" when it was not), the same in Telegram, the console and `ask`."""
    from texts import t

    text = " ".join(text.split())
    if len(text) <= MAX_QUESTION:
        return text, ""
    return text[:MAX_QUESTION], t(lang, "ask.truncated", limit=MAX_QUESTION) + "\n\n"


def reply_to_text(text: str, *, searcher, settings: Settings, lang: str, is_admin: bool = False,
                  alternatives: int = 2) -> Reply:
    query = parse_deadline_query(text)
    if query is not None:
        # A bare command ("/deadlines") says nothing of the asker's language: keep the chat's.
        bare_command = text.strip().startswith("/") and len(text.split()) == 1
        list_lang = lang if bare_command else query.lang
        return Reply(deadline_list(settings, list_lang, include_past=query.include_past, unit=query.unit,
                                   period=query.period, is_admin=is_admin, month=query.month,
                                   document=query.document), list_lang)
    answer = searcher.ask(text, limit=1 + alternatives)
    # Emoji, digits or an "ok" say nothing of the asker's language: keep the chat's.
    worded = any(c.isalpha() for c in text)
    reply_lang = answer.lang if worded and answer.lang in LANGS else lang
    html = render_answer(answer, reply_lang, max_age_days=settings.notice_max_age_days,
                         now=datetime.now(timezone.utc), zone=settings.zone)
    if answer.smalltalk or answer.missing or answer.live:
        return Reply(html, reply_lang)
    if answer.answered:
        return Reply(html, reply_lang, plausible(answer)[1:1 + alternatives], full_text=answer.hits[0].item_id)
    return Reply(html, reply_lang, plausible(answer)[:alternatives])
