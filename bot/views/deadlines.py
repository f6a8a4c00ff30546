"""Deadlines as Telegram HTML: the /deadlines list, reminder (ping) messages with their
acknowledgement buttons, and the admins' overdue digest.

A ping message may carry several deadlines (those due for one chat at the same moment);
each then gets a number, and its buttons carry that number so the message can be drawn
again exactly as it was when someone presses one.
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.views.safe import split_html
from knowledge.deadlines import DeadlineRow, has_passed, shown_kind
from knowledge.records import shortened
from knowledge.units import unit_name
from scheduler.renderers import DigestEntry
from texts import t

if TYPE_CHECKING:
    from aiogram.types import InlineKeyboardMarkup

TELEGRAM_TEXT_LIMIT = 4096
DEADLINES_PER_PING = 6        # more per message makes the keyboard too long to use
MAX_TASK_CHARS = 300
MAX_UNITS_CHARS = 150
MAX_NAME_CHARS = 64
ACK_ROOM = 200                # two acknowledgement lines a deadline may gain when pressed
RECEIVED, DONE = "received", "done"


ACK_PREFIX, ACK_SEPARATOR = "ack", ":"    # of AckCallback (bot/views/ack.py), which needs aiogram


def __getattr__(name: str):
    """AckCallback is aiogram's; it lives in bot/views/ack.py so that the command line, which
    renders deadline lists through this module, never imports aiogram."""
    if name == "AckCallback":
        from bot.views.ack import AckCallback
        return AckCallback
    raise AttributeError(name)


ACK_KINDS = {"r": RECEIVED, "d": DONE}
UNDO = "u"


@dataclass(frozen=True)
class AckView:
    """What the message shows of one acknowledgement."""
    kind: str
    user_name: str
    at: datetime            # aware


def esc(value) -> str:
    return html.escape(str(value), quote=False)


def fmt_date(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def fmt_due(row: DeadlineRow, lang: str) -> str:
    """"Hạn 30/11/2026 16:00" / "from 01/12/2026"."""
    when = fmt_date(row.due_date)
    if row.due_time is not None:
        when += " " + row.due_time.strftime("%H:%M")
    text = t(lang, f"deadlines.kind_{shown_kind(row.kind, row.phrase)}", date=when)
    if row.recurrence:
        from knowledge.recurrence import describe
        text += f" ({describe(row.recurrence, lang)})"
    return text


def days_left_text(due: date, today: date, lang: str, due_time=None, now: datetime | None = None,
                   zone: ZoneInfo | None = None) -> str:
    """With `now`: a deadline of today whose time has passed is "đã qua", not "hôm nay"."""
    days = (due - today).days
    if days == 0 and now is not None and zone is not None and has_passed(due, due_time, zone, now):
        return t(lang, "deadlines.passed_today")
    if days == 0:
        return t(lang, "deadlines.left_today")
    if days == 1:
        return t(lang, "deadlines.left_tomorrow")
    if days > 1:
        return t(lang, "deadlines.left_days", n=days)
    return t(lang, "deadlines.past_days", n=-days)


def source_text(row: DeadlineRow, lang: str) -> str:
    """The notice and the item's own number; an unnumbered paragraph is cited by its notice
    alone (its position is no number the reader could find in the text)."""
    document = row.document_number or shortened(row.document_title, 80)
    if not row.item_number:
        return t(lang, "deadlines.source_notice", document=esc(document))
    return t(lang, "deadlines.source", document=esc(document), item=esc(row.item_number))


TASK_STATUSES = ("on_time", "late", "in_time", "overdue")      # scheduler/taskstatus.py


def status_counts(counts, lang: str) -> str:
    """"✅ 3 xong đúng hạn · ⏳ 5 còn hạn (trên 8 nhóm)": the task statuses, zeros left out."""
    shown = [t(lang, f"status.short_{s}", n=counts[s]) for s in TASK_STATUSES if counts.get(s)]
    return t(lang, "status.of_groups", statuses=" · ".join(shown) or "—", groups=counts.get("groups", 0))


def units_text(row: DeadlineRow, lang: str) -> str:
    return ", ".join(esc(unit_name(u, lang)) for u in row.units) or esc(unit_name("all", lang))


# --- /deadlines ------------------------------------------------------------------------

def render_deadline_list(rows: list[DeadlineRow], lang: str, zone: ZoneInfo, *,
                         counts: dict[int, dict] | None = None,
                         today: date | None = None, unit: str | None = None,
                         include_past: bool = False, period: str | None = None,
                         now: datetime | None = None, nearest: list[DeadlineRow] | None = None,
                         month: str = "", document: str | None = None) -> str:
    """The deadline list, soonest first. `counts` (admins only): deadline id -> how many
    groups are in each task status, and "groups" and "received" (scheduler/taskstatus.py).
    `nearest`: with a period that holds none, the next deadline after it — "nothing this week"
    must not read as "nothing coming" when one is due in four days."""
    if now is None and today is None:
        now = datetime.now(timezone.utc)
    today = now.astimezone(zone).date() if now is not None else today
    title = t(lang, "deadlines.title_all" if include_past else "deadlines.title")
    if period:
        title += " " + t(lang, f"deadlines.period_{period}", month=month)
    if unit:
        title += " — " + esc(unit_name(unit, lang))
    if document:        # "hạn chót của công điện 230": that notice's deadlines, passed ones too
        named = rows[0].document_number if rows and len({r.document_number for r in rows}) == 1 else document
        title = t(lang, "deadlines.title_document", number=esc(named)) + \
            (" — " + esc(unit_name(unit, lang)) if unit else "")
        if not rows:
            return title + "\n" + t(lang, "deadlines.none_document", number=esc(document))
    if not rows and period and nearest:
        rows = nearest
        title += "\n" + t(lang, f"deadlines.none_{period}", month=month) + " " + t(lang, "deadlines.nearest")
    if not rows:
        empty = "deadlines.empty_unit" if unit else ("deadlines.empty_all" if include_past else "deadlines.empty")
        if month:
            empty = f"deadlines.none_{period}"
        return title + "\n" + t(lang, empty, month=month)
    blocks = [title]
    for row in rows:
        lines = [f"• <b>{esc(row.task_in(lang))}</b>",
                 f"  {fmt_due(row, lang)} · {days_left_text(row.due_date, today, lang, row.due_time, now, zone)}",
                 f"  {units_text(row, lang)} · {source_text(row, lang)}"]
        if counts is not None:
            c = counts.get(row.id, {})
            lines.append("  " + t(lang, "deadlines.counts", statuses=status_counts(c, lang),
                                  received=c.get("received", 0)))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def split_message(text: str, limit: int = TELEGRAM_TEXT_LIMIT) -> list[str]:
    """Cut a long reply at blank lines (then lines, spaces) into messages Telegram accepts,
    never inside a tag or an entity."""
    return split_html(text, limit)


# --- pings -----------------------------------------------------------------------------

def _ping_block(n: int, row: DeadlineRow, lang: str, zone: ZoneInfo, today: date,
                acks: dict[tuple[int, str], AckView]) -> str:
    task = row.task_in(lang)
    if len(task) > MAX_TASK_CHARS:
        task = task[:MAX_TASK_CHARS - 1] + "…"
    lines = [f"{n}. <b>{esc(task)}</b>" if n else f"<b>{esc(task)}</b>",
             f"{fmt_due(row, lang)} · {days_left_text(row.due_date, today, lang)}",
             t(lang, "ping.units", units=_units_within(row, lang, MAX_UNITS_CHARS)),
             source_text(row, lang)]
    for kind in (RECEIVED, DONE):
        ack = acks.get((row.id, kind))
        if ack is not None:
            lines.append(t(lang, f"ping.ack_{kind}", name=esc(ack.user_name[:MAX_NAME_CHARS]),
                           time=ack.at.astimezone(zone).strftime("%H:%M %d/%m")))
    return "\n".join(lines)


def render_ping_text(numbered: list[tuple[int, DeadlineRow]], lang: str, zone: ZoneInfo, *,
                     sent_at: datetime, acks: dict[tuple[int, str], AckView] | None = None,
                     cache: dict | None = None) -> str:
    """One reminder message; days left are counted from `sent_at`, so a message edited later
    (an acknowledgement) still reads as it did when it arrived. `cache` keeps blocks between
    the chats of one firing, which share most of their deadlines."""
    acks = acks or {}
    if cache is None or acks:
        today = sent_at.astimezone(zone).date()
        blocks = [t(lang, "ping.title")]
        blocks += [_ping_block(n, row, lang, zone, today, acks) for n, row in numbered]
        return "\n\n".join(blocks)
    blocks = [cache.get(("title", lang)) or cache.setdefault(("title", lang), t(lang, "ping.title"))]
    for n, row in numbered:
        key = (n, row.id, lang)
        if key not in cache:
            cache[key] = _ping_block(n, row, lang, zone, sent_at.astimezone(zone).date(), acks)
        blocks.append(cache[key])
    return "\n\n".join(blocks)


def ack_callback_data(code: str, deadline_id: int, n: int) -> str:
    """AckCallback(kind=code, deadline=deadline_id, n=n).pack(), without pydantic: a firing
    builds tens of thousands of buttons."""
    return f"{ACK_PREFIX}{ACK_SEPARATOR}{code}{ACK_SEPARATOR}{deadline_id}{ACK_SEPARATOR}{n}"


def _button_row(n: int, row: DeadlineRow, lang: str, acks: dict[tuple[int, str], AckView]) -> list[dict]:
    buttons = []
    for code, kind in ACK_KINDS.items():
        label = t(lang, f"ping.btn_{kind}")
        if (row.id, kind) in acks:
            label = "✓ " + label
        if n:
            label = f"{n}. {label}"
        buttons.append({"text": label, "callback_data": ack_callback_data(code, row.id, n)})
    if (row.id, DONE) in acks:          # the presser or a group admin may take it back
        label = t(lang, "ping.btn_undo")
        buttons.append({"text": f"{n}. {label}" if n else label,
                        "callback_data": ack_callback_data(UNDO, row.id, n)})
    return buttons


def ping_keyboard_dict(numbered: list[tuple[int, DeadlineRow]], lang: str,
                       acks: dict[tuple[int, str], AckView] | None = None, *, cache: dict | None = None) -> dict:
    """Two buttons per deadline; a recorded one shows a tick (pressing it again is answered
    "already recorded"). A plain dict, as the outbox stores it."""
    acks = acks or {}
    rows = []
    for n, row in numbered:
        if cache is None or acks:
            rows.append(_button_row(n, row, lang, acks))
            continue
        key = ("buttons", n, row.id, lang)
        if key not in cache:
            cache[key] = _button_row(n, row, lang, acks)
        rows.append(cache[key])
    return {"inline_keyboard": rows}


def ping_keyboard(numbered: list[tuple[int, DeadlineRow]], lang: str,
                  acks: dict[tuple[int, str], AckView] | None = None) -> InlineKeyboardMarkup:
    from aiogram.types import InlineKeyboardMarkup
    return InlineKeyboardMarkup.model_validate(ping_keyboard_dict(numbered, lang, acks))


def render_ping_parts(rows: list[DeadlineRow], lang: str, zone: ZoneInfo, *,
                      sent_at: datetime, cache: dict | None = None,
                      notices: dict[str, int] | None = None) -> list[dict]:
    """The outbox parts of one chat's reminder: up to DEADLINES_PER_PING deadlines a message,
    fewer when their text (with room for the acknowledgements they may gain) would pass
    Telegram's limit.

    `notices`: document key -> the id of that notice's message in this chat. The deadlines of
    one notice then go in a message of their own that replies to it."""
    numbered = [(i + 1 if len(rows) > 1 else 0, row) for i, row in enumerate(rows)]
    notices = notices or {}
    groups: dict[int | None, list[tuple[int, DeadlineRow]]] = {}
    for n, row in numbered:                     # in order, grouped by the message they answer
        groups.setdefault(notices.get(row.document_key), []).append((n, row))
    parts = []
    for reply_to, group in groups.items():
        for chunk in _fitting(group, lang, zone, sent_at, cache):
            part = {"text": render_ping_text(chunk, lang, zone, sent_at=sent_at, cache=cache),
                    "reply_markup": ping_keyboard_dict(chunk, lang, cache=cache)}
            if reply_to:
                part["reply_to"] = reply_to
            parts.append(part)
    return parts


def _fitting(numbered: list[tuple[int, DeadlineRow]], lang: str, zone: ZoneInfo, sent_at: datetime,
             cache: dict | None):
    """Consecutive runs of deadlines that make one message each."""
    title = len(t(lang, "ping.title"))
    chunk: list[tuple[int, DeadlineRow]] = []
    size = title
    for entry in numbered:
        block = len(render_ping_text([entry], lang, zone, sent_at=sent_at, cache=cache)) - title + ACK_ROOM
        if chunk and (len(chunk) == DEADLINES_PER_PING or size + block > TELEGRAM_TEXT_LIMIT):
            yield chunk
            chunk, size = [], title
        chunk.append(entry)
        size += block
    if chunk:
        yield chunk


def _units_within(row: DeadlineRow, lang: str, limit: int) -> str:
    """The units that must act, whole names only, "…" when more do not fit."""
    names = [esc(unit_name(u, lang)) for u in row.units] or [esc(unit_name("all", lang))]
    shown = names[:1]
    for name in names[1:]:
        if len(", ".join(shown + [name])) > limit:
            return ", ".join(shown) + ", …"
        shown.append(name)
    return ", ".join(shown)


# --- overdue digest --------------------------------------------------------------------

MAX_MISSING_LISTED = 30


def render_digest(entries: list[DigestEntry], lang: str, zone: ZoneInfo) -> list[str]:
    """The admins' overdue digest, as one or more messages."""
    blocks = [t(lang, "digest.title")]
    for entry in entries:
        row = entry.row
        lines = [f"• <b>{esc(row.task_in(lang))}</b>",
                 f"  {fmt_due(row, lang)} · {source_text(row, lang)}"]
        if entry.targeted == 0:
            lines.append("  " + t(lang, "digest.no_targets"))
        elif not entry.missing:
            lines.append("  " + t(lang, "digest.all_done", total=entry.targeted))
        else:
            names = [esc(title or str(chat_id)) for chat_id, title in entry.missing[:MAX_MISSING_LISTED]]
            if len(entry.missing) > MAX_MISSING_LISTED:
                names.append(t(lang, "digest.more", n=len(entry.missing) - MAX_MISSING_LISTED))
            lines.append("  " + t(lang, "digest.missing", n=len(entry.missing), total=entry.targeted,
                                  done=entry.done, chats=", ".join(names)))
        if entry.done:
            lines.append("  " + t(lang, "digest.late", on_time=entry.done - entry.late, late=entry.late))
        blocks.append("\n".join(lines))
    return split_message("\n\n".join(blocks))


def utc_aware(naive_utc: datetime) -> datetime:
    return naive_utc.replace(tzinfo=timezone.utc)
