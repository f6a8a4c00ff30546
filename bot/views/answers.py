"""Answers as Telegram HTML: the directive item with the sentence that answers highlighted,
where it comes from, its deadlines, and — when the search is not confident — an honest
"not found" with the closest items as suggestions.

The item text stays in Vietnamese (it is the directive's own wording); the words around
it follow the reader's language, and English readers also get the item's English summary.
"""
from __future__ import annotations

import html

from bot.texts import t
from knowledge.search import Answer, Hit, ItemRecord, load_records

TELEGRAM_LIMIT = 4096
ITEM_BUDGET = 2600          # characters of item text in a full answer, leaving room for the rest
SUGGESTION_BUDGET = 260     # characters of each suggestion


def esc(value) -> str:
    return html.escape(str(value), quote=False)


def render_answer(answer: Answer, lang: str) -> str:
    if not answer.hits:
        return t(lang, "answer.not_found") + "\n" + t(lang, "answer.rephrase")
    if not answer.answered:
        return _render_suggestions(answer.hits, lang)
    best = answer.hits[0]
    parts = [t(lang, "answer.title"),
             _highlighted(best.text, best.sentence, ITEM_BUDGET, lang)]
    if lang == "en" and best.record and best.record.summary_en:
        parts.append(t(lang, "answer.summary", summary=esc(best.record.summary_en)))
    parts.append(t(lang, "answer.source", source=esc(source_text(best.record, lang))))
    if best.deadlines:
        parts.append(_deadlines(best.record, lang))
    return _fit("\n\n".join(parts))


def render_item(item_id: int, lang: str) -> str:
    """One item with its source, for the "see also" buttons."""
    records = load_records(item_ids=[item_id])
    if not records:
        return t(lang, "answer.item_missing")
    r = records[0]
    parts = [esc(_cut(r.text, ITEM_BUDGET, lang))]
    if lang == "en" and r.summary_en:
        parts.append(t(lang, "answer.summary", summary=esc(r.summary_en)))
    parts.append(t(lang, "answer.source", source=esc(source_text(r, lang))))
    if r.deadlines:
        parts.append(_deadlines(r, lang))
    return _fit("\n\n".join(parts))


def source_text(r: ItemRecord | None, lang: str) -> str:
    """'102-TB/VPTU — Thông báo kết luận …, Văn phòng Tỉnh ủy Lai Châu, 29/12/2021, mục 4'."""
    if r is None:
        return ""
    title = r.document_title_en if lang == "en" and r.document_title_en else r.document_title
    title = _cut(" ".join(title.split()), 140, lang)
    head = f"{r.document_number} — {title}" if r.document_number else title
    parts = [head]
    if r.issuer:
        parts.append(r.issuer)
    if r.document_date:
        parts.append(r.document_date.strftime("%d/%m/%Y"))
    if r.number:
        parts.append(t(lang, "answer.source_item", number=r.number))
    return ", ".join(parts)


def _render_suggestions(hits: list[Hit], lang: str) -> str:
    lines = [t(lang, "answer.not_found"), t(lang, "answer.suggestions")]
    for n, hit in enumerate(hits, 1):
        summary = hit.record.summary_en if (lang == "en" and hit.record) else ""
        excerpt = summary or _cut(" ".join(hit.sentence.split()), SUGGESTION_BUDGET, lang)
        lines.append(f"{n}. {esc(excerpt)}\n    <i>{esc(source_text(hit.record, lang))}</i>")
    lines.append(t(lang, "answer.rephrase"))
    return _fit("\n".join(lines))


def _highlighted(text: str, sentence: str, budget: int, lang: str) -> str:
    """The item with its best sentence in bold; a long item is cut around that sentence."""
    start = text.find(sentence) if sentence else -1
    if start < 0:
        return esc(_cut(text, budget, lang))
    end = start + len(sentence)
    if len(text) <= budget:
        return f"{esc(text[:start])}<b>{esc(sentence)}</b>{esc(text[end:])}"
    if len(sentence) >= budget:
        return f"<b>{esc(_cut(sentence, budget, lang))}</b>"
    room = budget - len(sentence)
    lo = max(0, start - room // 3)
    hi = min(len(text), end + room - (start - lo))
    before = ("…" if lo > 0 else "") + text[lo:start]
    after = text[end:hi] + ("…" if hi < len(text) else "")
    return f"{esc(before)}<b>{esc(sentence)}</b>{esc(after)}"


def _deadlines(r: ItemRecord, lang: str) -> str:
    lines = [t(lang, "answer.deadlines")]
    for dl in r.deadlines:
        when = dl.due_date.strftime("%d/%m/%Y")
        if dl.due_time is not None:
            when += " " + dl.due_time.strftime("%H:%M")
        key = f"answer.due_{dl.kind}" if dl.kind in _DUE_KINDS else "answer.due_by"
        task = (dl.task_en if lang == "en" and dl.task_en else dl.task) or dl.phrase
        lines.append(f"• <b>{esc(t(lang, key, date=when))}</b> — {esc(_cut(task, 300, lang))}")
    return "\n".join(lines)


_DUE_KINDS = ("by", "from", "after", "within_month", "before_month")


def _cut(text: str, limit: int, lang: str) -> str:
    """At a word boundary, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut.rstrip(" ,;:") + t(lang, "answer.cut")


def _fit(html_text: str) -> str:
    """Last guard for Telegram's limit; the budgets above normally keep well under it."""
    if len(html_text) <= TELEGRAM_LIMIT:
        return html_text
    cut = html_text[:TELEGRAM_LIMIT - 10]
    cut = cut[:cut.rfind("\n")] if "\n" in cut else cut
    # Do not leave a tag open: drop a trailing partial tag and close <b>/<i> left open.
    if cut.rfind("<") > cut.rfind(">"):
        cut = cut[:cut.rfind("<")]
    for tag in ("b", "i"):
        if cut.count(f"<{tag}>") > cut.count(f"</{tag}>"):
            cut += f"</{tag}>"
    return cut + "…"
