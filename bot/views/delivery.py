"""What the admin sees while a pushed notice goes out: the preview message, edited in place
with live counts, and the final report when no delivery is pending any more."""
from __future__ import annotations

import html

from bot.texts import t


def _notice(broadcast, lang: str) -> str:
    doc = broadcast.document if broadcast.document_id is not None else None
    if doc is None:
        return t(lang, "delivery.notice", id=broadcast.id, title="")
    title = " ".join(x for x in (doc.number or "", doc.title) if x)
    if len(title) > 120:
        title = title[:119] + "…"
    return t(lang, "delivery.notice", id=broadcast.id, title=html.escape(title))


def render_progress(broadcast, counts: dict, lang: str) -> str:
    """`counts` as scheduler.outbox.delivery_counts gives them."""
    return t(lang, "delivery.progress", notice=_notice(broadcast, lang),
             done=counts["total"] - counts["pending"], **counts)


def render_report(broadcast, counts: dict, lang: str) -> str:
    lines = [t(lang, "delivery.report", notice=_notice(broadcast, lang), **counts)]
    if counts["failed"] or counts["blocked"]:
        lines.append(t(lang, "delivery.report_detail", id=broadcast.id))
    return "\n".join(lines)
