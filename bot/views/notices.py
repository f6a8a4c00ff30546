"""Pushed notices as Telegram messages, and the admin's preview with its controls.

A notice is split into messages at item boundaries so each stays under Telegram's 4096
characters; an item longer than that on its own is split at sentence ends (and, for a
sentence without any, at a space), never inside an HTML tag or entity.
"""
from __future__ import annotations

import html
import re
from datetime import date

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.views.receipts import receipt_keyboard_dict
from bot.views.subscriptions import render_units
from knowledge.loader import document_dict
from knowledge.models import Document
from knowledge.units import CODES, unit_name
from texts import header_text, t, warning_text

TELEGRAM_LIMIT = 4096
PART_MARK_ROOM = 40          # "(phần 2/3)" added on top of each part
_SENTENCE_END = re.compile(r"(?<=[.;!?:])\s+|\n+")


def render_notice_parts(notice, lang: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """The whole notice (a stored Document, or a parsed notice in the shape of the data files)
    as one or more HTML messages, each at most `limit` characters."""
    if isinstance(notice, Document):
        notice = document_dict(notice)
    budget = limit - PART_MARK_ROOM
    blocks = [_header(notice, lang)]
    for item in notice.get("items", []):
        blocks.extend(_item_blocks(item, lang, budget))
    if notice.get("signer"):
        blocks.append(f"<i>{html.escape(notice['signer'])}</i>")
    parts = pack(blocks, budget)
    if len(parts) > 1:
        parts = [f"{p}\n\n{t(lang, 'push.notice_part', n=i, total=len(parts))}"
                 for i, p in enumerate(parts, 1)]
    return parts


def notice_message_parts(notice, lang: str, broadcast_id: int) -> list[dict]:
    """The notice's outbox parts: its messages, the last one with the receipt buttons."""
    texts = render_notice_parts(notice, lang)
    keyboard = receipt_keyboard_dict(broadcast_id, lang)
    return [{"text": text, "reply_markup": keyboard if k == len(texts) - 1 else None}
            for k, text in enumerate(texts)]


def pack(blocks: list[str], budget: int) -> list[str]:
    """Join blocks with blank lines into as few messages as fit the budget (each block fits)."""
    parts: list[str] = []
    current = ""
    for block in blocks:
        candidate = f"{current}\n\n{block}" if current else block
        if len(candidate) <= budget:
            current = candidate
        else:
            parts.append(current)
            current = block
    if current:
        parts.append(current)
    return parts


def _header(notice: dict, lang: str) -> str:
    title = notice.get("title_en") if lang == "en" and notice.get("title_en") else notice.get("title") or ""
    ident = " ".join(x for x in (notice.get("kind") or "", notice.get("number") or "") if x)
    lines = [t(lang, "push.notice_new"), f"<b>{html.escape(ident)}</b>"]
    day = notice.get("date")
    if day:
        day = (day if isinstance(day, date) else date.fromisoformat(str(day))).strftime("%d/%m/%Y")
    meta = ", ".join(x for x in (notice.get("issuer") or "", day or "") if x)
    if meta:
        lines.append(html.escape(meta))
    lines.append(f"<b>{html.escape(title[:1000])}</b>")
    return "\n".join(lines)


def _item_blocks(item: dict, lang: str, budget: int) -> list[str]:
    number, text, summary = item.get("number") or "", item["text"], item.get("summary_en") or ""
    prefix = f"<b>{html.escape(number)}.</b> " if number else ""
    if item.get("kind") == "bullet":
        prefix = "- "
    suffix = f"\n<i>{html.escape(summary)}</i>" if lang == "en" and summary else ""
    whole = prefix + html.escape(text) + suffix
    if len(whole) <= budget:
        return [whole]
    pieces = [html.escape(p) for p in _split_raw(text, budget - len(prefix))]
    pieces[0] = prefix + pieces[0]
    if suffix and len(pieces[-1]) + len(suffix) <= budget:
        pieces[-1] += suffix
    elif suffix:
        pieces.append(suffix.strip())
    return pieces


def _split_raw(text: str, budget: int) -> list[str]:
    """Split plain text so each piece, once HTML-escaped, fits the budget."""
    fits = lambda s: len(html.escape(s)) <= budget  # noqa: E731
    sentences: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        sentence = sentence.strip()
        while sentence and not fits(sentence):
            cut = _longest_fitting_prefix(sentence, fits)
            sentences.append(sentence[:cut].rstrip())
            sentence = sentence[cut:].lstrip()
        if sentence:
            sentences.append(sentence)
    pieces: list[str] = []
    current = ""
    for sentence in sentences:
        candidate = f"{current} {sentence}" if current else sentence
        if fits(candidate):
            current = candidate
        else:
            pieces.append(current)
            current = sentence
    if current:
        pieces.append(current)
    return pieces


def _longest_fitting_prefix(sentence: str, fits) -> int:
    lo, hi = 1, len(sentence)
    while lo < hi:                      # the longest prefix that fits, by bisection
        mid = (lo + hi + 1) // 2
        if fits(sentence[:mid]):
            lo = mid
        else:
            hi = mid - 1
    space = sentence.rfind(" ", 0, lo)
    return space if space > lo // 2 else lo


# --- the admin's side: the preview and its buttons, the list of pushed notices -------------

def push_data(action: str, broadcast_id: int, arg: str | None = None) -> str:
    """Button data of the push controls: push:<action>:<draft>[:<arg>]."""
    return f"push:{action}:{broadcast_id}" + (f":{arg}" if arg is not None else "")


def render_preview(preview, lang: str, zone) -> str:
    """`preview` is a scheduler.broadcast.NoticePreview."""
    shown = [d.strftime("%d/%m/%Y") for d in preview.deadlines[:5]]
    if len(preview.deadlines) > 5:
        shown.append(t(lang, "push.more", count=len(preview.deadlines) - 5))
    header = dict(preview.header, title=(preview.header.get("title") or "")[:300])
    lines = [t(lang, "push.preview", header=header_text(header, lang),
               items=preview.items,
               deadlines=", ".join(shown) or t(lang, "push.none"),
               units=render_units(preview.units, lang) or t(lang, "push.none"))]
    if preview.missing:
        lines.append(t(lang, "push.missing", fields=", ".join(
            t(lang, f"push.field_{f}") if f"push.field_{f}" in _FIELD_KEYS else html.escape(f)
            for f in preview.missing)))
    lines += [warning_text(w, lang) for w in getattr(preview, "warnings", [])]
    if preview.replacing is not None:
        lines.append(_render_replacement(preview, lang))
    if preview.picked is not None:
        names = ", ".join(html.escape(_short(n, 40)) for n in preview.picked[:10])
        if len(preview.picked) > 10:
            names += " " + t(lang, "push.more_groups", count=len(preview.picked) - 10)
        lines.append(t(lang, "push.targets_picked", groups=preview.targets, names=names))
    elif preview.units_changed:
        lines.append(t(lang, "push.targets_units", groups=preview.targets,
                       units=render_units(preview.chosen_units, lang) or t(lang, "push.none")))
    else:
        lines.append(t(lang, "push.targets", groups=preview.targets))
    lines += _render_by_target(getattr(preview, "by_target", []), lang)
    when = (t(lang, "push.when_at", time=_local(preview.send_at, zone)) if preview.send_at
            else t(lang, "push.when_now"))
    lines.append(when)
    yes, no = t(lang, "push.yes"), t(lang, "push.no")
    extras = [t(lang, "push.pin_line", value=yes if preview.pin else no)]
    if preview.file_name:
        extras.insert(0, t(lang, "push.file_line", value=yes if preview.attach_file else no))
    lines.append(" · ".join(extras))
    return "\n".join(lines)


def _render_by_target(by_target, lang: str, most: int = 8) -> list[str]:
    """"• Y tế (health) · cấp xã · Hải Hà: 3": shown when a target has a level or a place, so
    the admin sees which groups each task reaches (knowledge/targeting.py)."""
    if not any(target.level or target.place for target, _ in by_target):
        return []
    from bot.views.subscriptions import render_target
    out = [t(lang, "push.by_target")]
    out += [f"• {render_target(target.unit, target.level, target.place, lang)}: {n}"
            for target, n in by_target[:most]]
    if len(by_target) > most:
        out.append("• " + t(lang, "push.more_targets", count=len(by_target) - most))
    return out


_FIELD_KEYS = {f"push.field_{f}" for f in ("number", "issuer", "date", "title", "signer", "kind")}


def _render_replacement(preview, lang: str) -> str:
    r = preview.replacing
    c = r.changes
    stored = t(lang, "push.replace_stored", number=html.escape(c.document.number or t(lang, "push.no_number")),
               date=c.document.created_at.strftime("%d/%m/%Y"))
    if preview.unchanged_copy:
        lines = [t(lang, "push.replace_same", stored=stored)]
    else:
        what = []
        for key, values in (("items_edited", c.items_edited), ("items_added", c.items_added),
                            ("items_removed", c.items_removed)):
            if values:
                what.append(t(lang, f"push.{key}", n=len(values),
                              which=html.escape(", ".join(values[:4]) + (" …" if len(values) > 4 else ""))))
        dates = lambda ds: ", ".join(d.strftime("%d/%m/%Y") for d in ds[:4])  # noqa: E731
        if c.deadlines_added:
            what.append(t(lang, "push.deadlines_added", n=len(c.deadlines_added), which=dates(c.deadlines_added)))
        if c.deadlines_removed:
            what.append(t(lang, "push.deadlines_removed", n=len(c.deadlines_removed),
                          which=dates(c.deadlines_removed)))
        for old, new in c.deadlines_moved[:4]:
            what.append(t(lang, "push.deadline_moved", old=old.strftime("%d/%m/%Y"), new=new.strftime("%d/%m/%Y")))
        if c.fields:
            what.append(t(lang, "push.fields_changed", fields=", ".join(t(lang, f"push.field_{f}") for f in c.fields)))
        lines = [t(lang, "push.replace", stored=stored), *("• " + w for w in what)]
        if r.acks_kept:
            lines.append(t(lang, "push.replace_acks", n=r.acks_kept))
    for broadcast_id, groups in r.sent_before:
        lines.append(t(lang, "push.sent_before", id=broadcast_id, groups=groups))
    return "\n".join(lines)


def preview_keyboard(preview, lang: str) -> InlineKeyboardMarkup:
    """Send / Cancel first (Send says when it replaces or is scheduled), then the controls."""
    b = preview.id
    if preview.send_at:
        send = t(lang, "push.send_at")
    elif preview.replacing is not None and not preview.unchanged_copy:
        send = t(lang, "push.send_replace")
    else:
        send = t(lang, "push.send")
    rows = [[_button(send, push_data("send", b)), _button(t(lang, "push.cancel"), push_data("cancel", b))]]
    if preview.replacing is not None and preview.replacing.sent_before:
        groups = sum(n for _, n in preview.replacing.sent_before)
        rows.append([_button(t(lang, "push.edit_sent", groups=groups), push_data("edit", b))])
    rows.append([_button(t(lang, "push.btn_units"), push_data("units", b)),
                 _button(t(lang, "push.btn_groups"), push_data("groups", b))])
    timing = (_button(t(lang, "push.btn_now"), push_data("now", b)) if preview.send_at
              else _button(t(lang, "push.btn_when"), push_data("when", b)))
    rows.append([timing, _button(t(lang, "push.btn_test"), push_data("test", b))])
    extras = [_button(t(lang, "push.btn_pin_on" if preview.pin else "push.btn_pin_off"), push_data("pin", b))]
    if preview.file_name:
        extras.insert(0, _button(t(lang, "push.btn_file_on" if preview.attach_file else "push.btn_file_off"),
                                 push_data("file", b)))
    rows.append(extras)
    if preview.picked is not None:
        rows.append([_button(t(lang, "push.btn_groups_reset"), push_data("groups_reset", b))])
    return InlineKeyboardMarkup(inline_keyboard=rows)


def unit_picker(preview, lang: str) -> InlineKeyboardMarkup:
    """One toggle per unit (✅ = the push goes to groups subscribed to it), then back."""
    b = preview.id

    def button(code: str) -> InlineKeyboardButton:
        mark = "✅ " if code in preview.chosen_units else ""
        return _button(f"{mark}{unit_name(code, lang)}", push_data("unit", b, code))

    rows = [[button(code) for code in CODES[i:i + 2]] for i in range(0, len(CODES), 2)]
    rows.append([_button(t(lang, "push.btn_units_reset"), push_data("units_reset", b)),
                 _button(t(lang, "push.btn_back"), push_data("back", b))])
    return InlineKeyboardMarkup(inline_keyboard=rows)


def _button(text: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=data)


def _local(moment, zone) -> str:
    return moment.astimezone(zone).strftime("%H:%M %d/%m/%Y")


def render_notice_list(rows, lang: str) -> str:
    """`rows` are scheduler.broadcast.BroadcastSummary."""
    if not rows:
        return t(lang, "report.list_empty")
    lines = [t(lang, "report.list_row", id=r.id, title=html.escape(_short(r.title)),
               status=t(lang, f"report.status_{r.status}"), sent=r.counts.get("sent", 0), total=r.counts.get("total", 0))
             for r in rows]
    return t(lang, "report.list", rows="\n".join(lines))


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
