"""Admin push: a parsed notice becomes a draft the admin previews, then — on one press of
Send — a stored document and one outbox row per target chat, in one transaction.

The draft is a row, not memory, so a preview survives a restart and a second press of Send
(or a press on a second device) finds the row already claimed and starts nothing.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from datetime import date

from bot.views.notices import render_notice_parts
from knowledge.db import database
from knowledge.loader import save_document
from knowledge.models import Chat, utcnow
from knowledge.subscriptions import chats_for_units
from knowledge.units import CODES
from scheduler.outbox import Broadcast, Delivery, delivery_counts, enqueue_many

ACCEPTED_EXTENSIONS = (".txt", ".md", ".docx", ".pdf")
MAX_FILE_BYTES = 5 * 1024 * 1024
LANGS = ("vi", "en")


@dataclass
class NoticePreview:
    id: int
    number: str | None
    title: str
    items: int
    deadlines: list[date]
    units: list[str]
    targets: int


@dataclass
class StartResult:
    broadcast: Broadcast | None
    started: bool                 # False: not a draft any more (sent, sending or cancelled)
    targets: int = 0


@dataclass
class BroadcastSummary:
    id: int
    title: str
    status: str
    counts: dict[str, int] = field(default_factory=dict)


def notice_units(parsed: dict) -> list[str]:
    """Units named by the notice's items or their deadlines, in knowledge/units.py order."""
    named = set()
    for item in parsed.get("items", []):
        named.update(item.get("units", []))
        for deadline in item.get("deadlines", []):
            named.update(deadline.get("units", []))
    return [code for code in CODES if code in named]


def notice_deadlines(parsed: dict) -> list[date]:
    dates = {date.fromisoformat(d["date"]) for item in parsed.get("items", [])
             for d in item.get("deadlines", []) if d.get("date")}
    return sorted(dates)


def create_draft(parsed: dict, *, created_by: int, admin_chat_id: int) -> Broadcast:
    return Broadcast.create(status="draft", draft=json.dumps(parsed, ensure_ascii=False, default=str),
                            created_by=created_by, admin_chat_id=admin_chat_id)


def preview(broadcast: Broadcast) -> NoticePreview:
    parsed = json.loads(broadcast.draft)
    units = notice_units(parsed)
    return NoticePreview(id=broadcast.id, number=parsed.get("number"), title=parsed.get("title", ""),
                         items=len(parsed.get("items", [])), deadlines=notice_deadlines(parsed),
                         units=units, targets=len(chats_for_units(units)))


def set_progress_message(broadcast_id: int, message_id: int) -> None:
    Broadcast.update(progress_message_id=message_id).where(Broadcast.id == broadcast_id).execute()


def start(broadcast_id: int, urgent: bool = False) -> StartResult:
    """Store the notice and enqueue its deliveries, all or nothing; only a draft starts.
    An urgent one goes as a paid broadcast (see scheduler/limits.py)."""
    with database.atomic():
        claimed = (Broadcast.update(status="sending", started_at=utcnow(), urgent=urgent)
                   .where(Broadcast.id == broadcast_id, Broadcast.status == "draft").execute())
        broadcast = Broadcast.get_or_none(Broadcast.id == broadcast_id)
        if not claimed:
            return StartResult(broadcast, started=False)
        parsed = json.loads(broadcast.draft)
        document = save_document(parsed, origin="push")
        targets = chats_for_units(notice_units(parsed))
        parts = {lang: [{"text": text, "reply_markup": None}
                        for text in render_notice_parts(document, lang)] for lang in LANGS}
        english = {c.id for c in Chat.select(Chat.id).where(Chat.lang == "en")}
        enqueue_many([(chat_id, parts["en" if chat_id in english else "vi"],
                       f"notice:{broadcast_id}:{chat_id}") for chat_id in targets],
                     kind="notice", broadcast=broadcast_id)
        done = {"status": "done", "finished_at": utcnow()} if not targets else {}
        Broadcast.update(document=document, target_count=len(targets), **done).where(
            Broadcast.id == broadcast_id).execute()
    return StartResult(Broadcast.get_by_id(broadcast_id), started=True, targets=len(targets))


def cancel(broadcast_id: int) -> bool:
    """Only a draft can be cancelled; returns False otherwise."""
    return bool(Broadcast.update(status="cancelled", finished_at=utcnow())
                .where(Broadcast.id == broadcast_id, Broadcast.status == "draft").execute())


def _title(broadcast: Broadcast) -> str:
    if broadcast.document_id is not None and broadcast.document is not None:
        doc = broadcast.document
        return " ".join(x for x in (doc.number or "", doc.title) if x)
    parsed = json.loads(broadcast.draft or "{}")
    return " ".join(x for x in (parsed.get("number") or "", parsed.get("title", "")) if x)


def summary(broadcast_id: int) -> BroadcastSummary | None:
    """A pushed notice (not a draft) with its delivery counts."""
    b = Broadcast.get_or_none(Broadcast.id == broadcast_id)
    if b is None or b.status in ("draft", "cancelled"):
        return None
    return BroadcastSummary(b.id, _title(b), b.status, delivery_counts(b.id))


def recent(limit: int = 10) -> list[BroadcastSummary]:
    rows = (Broadcast.select().where(Broadcast.status.in_(["sending", "done"]))
            .order_by(Broadcast.id.desc()).limit(limit))
    return [BroadcastSummary(b.id, _title(b), b.status, delivery_counts(b.id)) for b in rows]


def report_csv(broadcast_id: int) -> bytes:
    """One line per target chat; UTF-8 with BOM so spreadsheet programs show Vietnamese."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["chat_id", "chat_title", "status", "parts_sent", "attempts", "sent_at", "last_error"])
    titles = {}
    rows = list(Delivery.select().where(Delivery.broadcast == broadcast_id).order_by(Delivery.id))
    ids = list({r.chat_id for r in rows})
    for i in range(0, len(ids), 500):
        for chat in Chat.select(Chat.id, Chat.title).where(Chat.id.in_(ids[i:i + 500])):
            titles[chat.id] = chat.title
    for r in rows:
        writer.writerow([r.chat_id, titles.get(r.chat_id, ""), r.status, r.parts_sent, r.attempts,
                         r.sent_at.isoformat(sep=" ", timespec="seconds") if r.sent_at else "",
                         r.last_error])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
