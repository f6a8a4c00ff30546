"""Pushed notices as Telegram messages, their preview for the admin, and delivery reports.

A notice is split into messages at item boundaries so each stays under Telegram's 4096
characters; an item longer than that on its own is split at sentence ends (and, for a
sentence without any, at a space), never inside an HTML tag or entity.
"""
from __future__ import annotations

import html
import re

from bot.texts import t
from bot.views.subscriptions import render_units
from knowledge.models import Document, Item

TELEGRAM_LIMIT = 4096
PART_MARK_ROOM = 40          # "(phần 2/3)" added on top of each part
_SENTENCE_END = re.compile(r"(?<=[.;!?:])\s+|\n+")


def render_notice_parts(document: Document, lang: str, limit: int = TELEGRAM_LIMIT) -> list[str]:
    """The whole notice as one or more HTML messages, each at most `limit` characters."""
    budget = limit - PART_MARK_ROOM
    blocks = [_header(document, lang)]
    items = Item.select().where(Item.document == document).order_by(Item.position)
    for item in items:
        blocks.extend(_item_blocks(item, lang, budget))
    if document.signer:
        blocks.append(f"<i>{html.escape(document.signer)}</i>")
    parts = pack(blocks, budget)
    if len(parts) > 1:
        parts = [f"{p}\n\n{t(lang, 'push.notice_part', n=i, total=len(parts))}"
                 for i, p in enumerate(parts, 1)]
    return parts


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


def _header(document: Document, lang: str) -> str:
    title = document.title_en if lang == "en" and document.title_en else document.title
    ident = " ".join(x for x in (document.kind, document.number or "") if x)
    lines = [t(lang, "push.notice_new"), f"<b>{html.escape(ident)}</b>"]
    meta = ", ".join(x for x in (document.issuer, document.date.strftime("%d/%m/%Y") if document.date else "") if x)
    if meta:
        lines.append(html.escape(meta))
    lines.append(f"<b>{html.escape(title[:1000])}</b>")
    return "\n".join(lines)


def _item_blocks(item: Item, lang: str, budget: int) -> list[str]:
    prefix = f"<b>{html.escape(item.number)}.</b> " if item.number else ""
    if item.kind == "bullet":
        prefix = "- "
    suffix = f"\n<i>{html.escape(item.summary_en)}</i>" if lang == "en" and item.summary_en else ""
    whole = prefix + html.escape(item.text) + suffix
    if len(whole) <= budget:
        return [whole]
    pieces = [html.escape(p) for p in _split_raw(item.text, budget - len(prefix))]
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


# --- the admin's side: preview, list, report ---------------------------------------------

def render_preview(preview, lang: str) -> str:
    """`preview` is a scheduler.broadcast.NoticePreview."""
    shown = [d.strftime("%d/%m/%Y") for d in preview.deadlines[:5]]
    if len(preview.deadlines) > 5:
        shown.append(t(lang, "push.more", count=len(preview.deadlines) - 5))
    return t(lang, "push.preview",
             number=html.escape(preview.number or t(lang, "push.no_number")),
             title=html.escape(preview.title[:300]),
             items=preview.items,
             deadlines=", ".join(shown) or t(lang, "push.none"),
             units=render_units(preview.units, lang) or t(lang, "push.none"),
             groups=preview.targets)


def render_notice_list(rows, lang: str) -> str:
    """`rows` are scheduler.broadcast.BroadcastSummary."""
    if not rows:
        return t(lang, "report.list_empty")
    lines = [t(lang, "report.list_row", id=r.id, title=html.escape(_short(r.title)),
               status=t(lang, f"report.status_{r.status}"), sent=r.counts.get("sent", 0), total=r.counts.get("total", 0))
             for r in rows]
    return t(lang, "report.list", rows="\n".join(lines))


def render_report(summary, lang: str) -> str:
    c = summary.counts
    return t(lang, "report.detail", id=summary.id, title=html.escape(_short(summary.title)),
             status=t(lang, f"report.status_{summary.status}"), sent=c.get("sent", 0), pending=c.get("pending", 0),
             failed=c.get("failed", 0), blocked=c.get("blocked", 0), total=c.get("total", 0))


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
