"""Fixing a notice after it went out: edit its messages in every group, or recall them.

Both go through the outbox like any bulk send (Telegram's limits, crashes, restarts): one row
per group, whose parts are edits and deletions of the messages recorded when the notice was
delivered (`Delivery.message_ids`, see scheduler/parts.py). Keys: `edit:<broadcast>:<round>:
<chat>` (a notice may be corrected more than once) and `recall:<broadcast>:<chat>`.

An edit changes the messages in place: the same number of messages when the new version
fits them; surplus old messages are deleted, extra new ones sent as replies to the first.
A recall deletes every message of the notice in each group; Telegram refuses to delete a bot's
message in a group after 48 hours (or without the right), and the report says where — those
groups can get a "recalled" line in place of the text instead (`mark_recalled`). The notice
stays in the knowledge base unless the admin also withdraws it (`withdraw`).
"""
from __future__ import annotations

import json

from knowledge.db import database
from knowledge.models import Chat, Document
from scheduler.outbox import FAILED, PENDING, SENT, Broadcast, Delivery, enqueue_many
from scheduler.push_options import PushOptions, options_of
from scheduler.receipts import receipts_of
from scheduler.renderers import Renderers

LANGS = ("vi", "en")


def _text_ids(parts: list[dict], ids: list[int]) -> list[int]:
    """The ids of the text messages among a delivery's parts (edits included), in order."""
    return [m for part, m in zip(parts, ids) if "text" in part and m]


def current_messages(broadcast_id: int, chat_ids: list[int] | None = None) -> dict[int, list[int]]:
    """chat id -> the ids of the notice's text messages as they stand: those of the latest
    edit that went through, else those first delivered."""
    query = Delivery.select().where(
        (Delivery.broadcast == broadcast_id) & (Delivery.kind == "notice")
        | Delivery.dedup_key.startswith(f"edit:{broadcast_id}:"))
    if chat_ids is not None:
        query = query.where(Delivery.chat_id.in_(chat_ids))
    out: dict[int, list[int]] = {}
    for row in query.order_by(Delivery.id):
        if row.kind == "edit" and row.status != SENT:
            continue
        ids = _text_ids(row.part_list(), json.loads(row.message_ids or "[]"))
        if ids:
            out[row.chat_id] = ids
    return out


def all_messages(broadcast_id: int) -> dict[int, set[int]]:
    """chat id -> every message id the notice ever had there (texts, file, sent by edits)."""
    out: dict[int, set[int]] = {}
    query = Delivery.select(Delivery.chat_id, Delivery.parts, Delivery.message_ids).where(
        (Delivery.broadcast == broadcast_id) & (Delivery.kind == "notice")
        | Delivery.dedup_key.startswith(f"edit:{broadcast_id}:"))
    for row in query:
        kept = {m for part, m in zip(row.part_list(), json.loads(row.message_ids or "[]"))
                if m and "delete" not in part}
        out.setdefault(row.chat_id, set()).update(kept)
    return out


def edit_sent(broadcast: Broadcast, document: Document, renderers: Renderers) -> int:
    """Put the new version of `document` in place of the notice's messages in every group it
    reached, and in the deliveries still waiting; returns the groups to edit. Call inside the
    transaction that stores the new version."""
    round_ = options_of(broadcast.id).edits + 1
    PushOptions.update(edits=round_).where(PushOptions.broadcast == broadcast.id).execute()
    langs = _langs()
    fresh = {lang: renderers.notice_parts(document, lang, broadcast.id) for lang in LANGS}
    # Not sent yet (a scheduled push, or a long broadcast still going): send the new version.
    for lang in LANGS:
        english = Delivery.chat_id.in_([c for c, x in langs.items() if x == "en"])
        waiting = (Delivery.broadcast == broadcast.id) & (Delivery.kind == "notice") \
            & (Delivery.status == PENDING) & (Delivery.parts_sent == 0)
        waiting &= english if lang == "en" else ~english
        old = Delivery.select(Delivery.parts).where(waiting).first()
        if old is not None:
            extra = [p for p in old.part_list() if "text" not in p]     # file, pin
            parts = [dict(p) for p in fresh[lang]] + extra
            Delivery.update(parts=json.dumps(parts, ensure_ascii=False)).where(waiting).execute()
    receipts = receipts_of(broadcast.id)
    messages = []
    for chat_id, ids in current_messages(broadcast.id).items():
        lang = langs.get(chat_id, "vi")
        pressed = receipts.get(chat_id, {})
        texts = [p["text"] for p in fresh[lang]]
        keyboard = renderers.receipt_keyboard(broadcast.id, lang, pressed)
        parts = []
        for k, text in enumerate(texts):
            markup = keyboard if k == len(texts) - 1 else None
            if k < len(ids):
                parts.append({"edit": ids[k], "text": text, "reply_markup": markup})
            else:
                parts.append({"text": text, "reply_markup": markup, "reply_to": ids[0]})
        parts += [{"delete": m} for m in ids[len(texts):]]
        messages.append((chat_id, parts, f"edit:{broadcast.id}:{round_}:{chat_id}"))
    return enqueue_many(messages, kind="edit")


def recall(broadcast_id: int) -> int | None:
    """Delete the notice's messages in every group and stop what has not gone out; returns
    the groups it is deleted from, None when it was recalled already."""
    with database.atomic():
        claimed = (Broadcast.update(status="recalled")
                   .where(Broadcast.id == broadcast_id, Broadcast.status.in_(["sending", "done"]))
                   .execute())
        if not claimed:
            return None
        unsent = ((Delivery.broadcast == broadcast_id) | Delivery.dedup_key.startswith(f"edit:{broadcast_id}:")
                  | Delivery.dedup_key.startswith(f"nudge:{broadcast_id}:")) & (Delivery.status == PENDING)
        Delivery.delete().where(unsent & (Delivery.parts_sent == 0)).execute()
        Delivery.update(status=FAILED, last_error="recalled", next_attempt_at=None).where(unsent).execute()
        messages = [(chat_id, [{"delete": m} for m in sorted(ids)], f"recall:{broadcast_id}:{chat_id}")
                    for chat_id, ids in all_messages(broadcast_id).items() if ids]
        return enqueue_many(messages, kind="recall")


def withdraw(broadcast_id: int) -> bool:
    """Also take a recalled notice out of the knowledge base — answers and reminders stop —
    when it came from a push and no other push of it is still out. Its deadlines'
    acknowledgements are archived first (scheduler/receipts.py), never lost."""
    from knowledge.models import Deadline, Item
    from scheduler.receipts import keep_acknowledgements

    with database.atomic():
        b = Broadcast.get_or_none(Broadcast.id == broadcast_id)
        if b is None or b.status != "recalled" or b.document_id is None:
            return False
        doc = Document.get_or_none(Document.id == b.document_id)
        others = Broadcast.select().where(Broadcast.document == b.document_id, Broadcast.id != broadcast_id,
                                          Broadcast.status.in_(["sending", "done"]))
        if doc is None or doc.origin != "push" or others.exists():
            return False
        deadlines = [d for (d,) in Deadline.select(Deadline.id).join(Item).where(Item.document == doc).tuples()]
        if deadlines:
            keep_acknowledgements({d: None for d in deadlines})
        doc.delete_instance()
    return True


def mark_recalled(broadcast_id: int, chat_ids: list[int], renderers: Renderers) -> int:
    """Where Telegram would not delete the notice, replace its text with a "recalled" line
    (an edit is allowed when a deletion no longer is)."""
    langs = _langs()
    current = current_messages(broadcast_id, chat_ids)
    messages = [(chat_id, [{"edit": m, "text": renderers.recalled_text(langs.get(chat_id, "vi")),
                            "reply_markup": None} for m in ids], f"recall-note:{broadcast_id}:{chat_id}")
                for chat_id, ids in current.items()]
    return enqueue_many(messages, kind="recall")


def _langs() -> dict[int, str]:
    return dict(Chat.select(Chat.id, Chat.lang).where(Chat.lang != "vi").tuples())
