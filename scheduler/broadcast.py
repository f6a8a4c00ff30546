"""Admin push: a parsed notice becomes a draft the admin previews and adjusts (target units or
hand-picked groups, a time to send, the original file, a pin), then — on one press of Send —
a stored document and one outbox row per target chat, in one transaction.

The draft is a row, not memory, so a preview survives a restart and a second press of Send
(or a press on a second device) finds the row already claimed and starts nothing.

A notice the knowledge base already holds (same identity: knowledge.loader.content_key) is a
replacement: the preview says what would change (knowledge/revisions.py), Send says so, and
when the stored notice was pushed before, the admin may instead correct its messages in every
group (scheduler/revisions.py). Replacing never deletes acknowledgements (scheduler/receipts).

A push scheduled for later is stored at once and its outbox rows wait until their time
(`Delivery.next_attempt_at`), so the sender sends it then, across restarts.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime, time, timezone

from peewee import fn

from knowledge.db import database
from knowledge.deadlines import next_due
from knowledge.loader import save_document
from knowledge.models import Chat, utcnow
from knowledge.revisions import Changes, compare, stored_version
from knowledge.subscriptions import active_subscriptions
from knowledge.targeting import Target, chats_for, notice_targets
from scheduler.acknowledgements import Acknowledgement
from scheduler.clock import naive_utc
from scheduler.notice_report import display_status, title_of
from scheduler.outbox import PENDING, SENT, Broadcast, Delivery, delivery_counts, enqueue_many
from scheduler.push_options import (PushOptions, chosen_units, notice_units, options_of,
                                    target_chats, update_options)
from scheduler.renderers import Renderers
from scheduler.revisions import edit_sent

ACCEPTED_EXTENSIONS = (".txt", ".md", ".docx", ".pdf")
MAX_FILE_BYTES = 5 * 1024 * 1024
LANGS = ("vi", "en")
LIVE = ("sending", "done")          # broadcasts whose messages are out (or going out)


@dataclass
class Replacement:
    """The stored notice a draft would replace."""
    changes: Changes
    acks_kept: int                  # acknowledgements of deadlines the new version drops
    sent_before: list[tuple[int, int]]    # (broadcast id, groups reached) of earlier pushes


@dataclass
class NoticePreview:
    id: int
    header: dict                    # kind, number, issuer, date, title, signer as the parser read them
    items: int
    deadlines: list[date]
    units: list[str]                # named by the notice
    targets: int
    chosen_units: list[str] = field(default_factory=list)
    units_changed: bool = False
    picked: list[str] | None = None       # titles of hand-picked groups
    send_at: datetime | None = None       # aware UTC
    attach_file: bool = False
    file_name: str | None = None
    pin: bool = False
    missing: list[str] = field(default_factory=list)   # header fields the parser did not find
    warnings: list[dict] = field(default_factory=list)  # the parser's: {"key": "future_date", "date": …}
    replacing: Replacement | None = None
    unchanged_copy: bool = False    # the knowledge base holds exactly this notice already
    by_target: list[tuple[Target, int]] = field(default_factory=list)   # groups per unit/level/place


@dataclass
class StartResult:
    broadcast: Broadcast | None
    started: bool                 # False: not a draft any more (sent, sending or cancelled)
    targets: int = 0
    scheduled: bool = False


@dataclass
class BroadcastSummary:
    id: int
    title: str
    status: str
    counts: dict[str, int] = field(default_factory=dict)


def notice_deadlines(parsed: dict, today: date | None = None) -> list[date]:
    """The dates the preview lists: a recurring duty ("hạn cuối ngày 15 tháng 12 hằng năm")
    at its next occurrence from `today`, since the date it first fell may have passed long
    ago; a one-off date as written (passed or not, the preview says which)."""
    midnight = datetime.combine(today or date.today(), time(0, 0), tzinfo=timezone.utc)
    dates = set()
    for item in parsed.get("items", []):
        for d in item.get("deadlines", []):
            if not d.get("date"):
                continue
            due = date.fromisoformat(d["date"])
            if d.get("recurrence"):
                due = next_due(due, None, d["recurrence"], timezone.utc, midnight) or due
            dates.add(due)
    return sorted(dates)


def create_draft(parsed: dict, *, created_by: int, admin_chat_id: int, file_id: str | None = None,
                 file_name: str | None = None) -> Broadcast:
    with database.atomic():
        draft = Broadcast.create(status="draft", draft=json.dumps(parsed, ensure_ascii=False, default=str),
                                 created_by=created_by, admin_chat_id=admin_chat_id)
        PushOptions.create(broadcast=draft, file_id=file_id, file_name=file_name)
    return draft


def draft_of(broadcast_id: int) -> Broadcast | None:
    return Broadcast.get_or_none(Broadcast.id == broadcast_id, Broadcast.status == "draft")


HEADER_FIELDS = ("kind", "number", "issuer", "date", "title", "signer")


def preview(broadcast: Broadcast) -> NoticePreview:
    parsed = json.loads(broadcast.draft)
    options = options_of(broadcast.id)
    units = notice_units(parsed)
    chosen = chosen_units(options, units)
    picked = options.chat_list()
    titles = None
    if picked is not None:
        names = dict(Chat.select(Chat.id, Chat.title).where(Chat.id.in_(picked)).tuples())
        titles = [names.get(c) or str(c) for c in picked]
    stored = stored_version(parsed)
    replacing, unchanged = None, False
    if stored is not None:
        changes = compare(stored, parsed)
        unchanged = changes.empty
        replacing = Replacement(changes, _acks_on(changes.removed_deadline_ids), _sent_before(stored.id))
    return NoticePreview(
        id=broadcast.id, header={k: parsed.get(k) for k in HEADER_FIELDS},
        items=len(parsed.get("items", [])), deadlines=notice_deadlines(parsed), units=units,
        targets=len(target_chats(options, units, parsed)), chosen_units=chosen,
        by_target=[] if picked is not None else target_breakdown(parsed, options.unit_list()),
        units_changed=options.unit_list() is not None, picked=titles,
        send_at=options.send_at.replace(tzinfo=timezone.utc) if options.send_at else None,
        attach_file=options.attach_file and bool(options.file_id), file_name=options.file_name,
        pin=options.pin, missing=list(parsed.get("missing") or []),
        warnings=list(parsed.get("warnings") or []),
        replacing=replacing, unchanged_copy=unchanged)


def target_breakdown(parsed: dict, units: list[str] | None = None) -> list[tuple[Target, int]]:
    """How many groups each of the notice's targets (unit, level, place) reaches: what the
    preview shows, so the admin sees that "Sở Y tế" goes to the provincial groups only. A
    group may count under several targets."""
    targets = notice_targets(parsed, units)
    subs = active_subscriptions({t.unit for t in targets})
    return [(t, len(chats_for(subs, [t]))) for t in targets]


def _acks_on(deadline_ids: list[int]) -> int:
    if not deadline_ids:
        return 0
    return Acknowledgement.select().where(Acknowledgement.deadline.in_(deadline_ids)).count()


def _sent_before(document_id: int) -> list[tuple[int, int]]:
    query = (Broadcast.select(Broadcast.id, fn.COUNT(Delivery.id))
             .join(Delivery, on=((Delivery.broadcast == Broadcast.id) & (Delivery.status == SENT)))
             .where(Broadcast.document == document_id, Broadcast.status.in_(LIVE))
             .group_by(Broadcast.id).order_by(Broadcast.id).tuples())
    return list(query)


def set_progress_message(broadcast_id: int, message_id: int) -> None:
    Broadcast.update(progress_message_id=message_id).where(Broadcast.id == broadcast_id).execute()


# --- adjusting a draft -------------------------------------------------------------------

def toggle_unit(broadcast_id: int, code: str) -> None:
    draft = draft_of(broadcast_id)
    if draft is None:
        return
    options = options_of(broadcast_id)
    current = chosen_units(options, notice_units(json.loads(draft.draft)))
    units = [u for u in current if u != code] if code in current else current + [code]
    update_options(broadcast_id, units=json.dumps(units))


def reset_units(broadcast_id: int) -> None:
    update_options(broadcast_id, units="")


def pick_groups(broadcast_id: int, chat_ids: list[int] | None) -> None:
    update_options(broadcast_id, chats=json.dumps(chat_ids) if chat_ids else "")


def schedule(broadcast_id: int, send_at: datetime | None) -> None:
    """`send_at` naive UTC, None to send at once."""
    update_options(broadcast_id, send_at=send_at)


def toggle(broadcast_id: int, name: str) -> None:
    """Flip an on/off choice: attach_file or pin."""
    if name not in ("attach_file", "pin"):
        raise ValueError(name)
    options = options_of(broadcast_id)
    update_options(broadcast_id, **{name: not getattr(options, name)})


def ask(broadcast_id: int, prompt: str, message_id: int) -> None:
    """Remember the question the admin will answer by replying to message `message_id`."""
    update_options(broadcast_id, prompt=prompt, prompt_message_id=message_id)


def answering(admin_chat_id: int, message_id: int) -> tuple[Broadcast, str] | None:
    """The draft and question a reply to `message_id` in the admin's chat answers."""
    options = (PushOptions.select().join(Broadcast)
               .where(PushOptions.prompt_message_id == message_id, Broadcast.status == "draft",
                      Broadcast.admin_chat_id == admin_chat_id).first())
    if options is None:
        return None
    return options.broadcast, options.prompt


# --- sending -----------------------------------------------------------------------------

def start(broadcast_id: int, renderers: Renderers, now: datetime | None = None,
          urgent: bool = False) -> StartResult:
    """Store the notice and enqueue its deliveries, all or nothing; only a draft starts. A
    push scheduled for later waits in the outbox until its time. An urgent one goes as a
    paid broadcast (see scheduler/limits.py)."""
    now = now or datetime.now(timezone.utc)
    with database.atomic():
        claimed = (Broadcast.update(status="sending", started_at=naive_utc(now), urgent=urgent)
                   .where(Broadcast.id == broadcast_id, Broadcast.status == "draft").execute())
        broadcast = Broadcast.get_or_none(Broadcast.id == broadcast_id)
        if not claimed:
            return StartResult(broadcast, started=False)
        parsed = json.loads(broadcast.draft)
        options = options_of(broadcast_id)
        document = save_document(parsed, origin="push")
        targets = target_chats(options, notice_units(parsed), parsed)
        extra = []
        if options.attach_file and options.file_id:
            extra.append({"document": options.file_id, "caption": options.file_name or ""})
        if options.pin:
            extra.append({"pin": True})
        parts = {lang: renderers.notice_parts(document, lang, broadcast_id) + extra for lang in LANGS}
        english = {c.id for c in Chat.select(Chat.id).where(Chat.lang == "en")}
        enqueue_many([(chat_id, parts["en" if chat_id in english else "vi"],
                       f"notice:{broadcast_id}:{chat_id}") for chat_id in targets],
                     kind="notice", broadcast=broadcast_id)
        later = options.send_at is not None and options.send_at.replace(tzinfo=timezone.utc) > now
        values = {"document": document, "target_count": len(targets)}
        if later:
            values["started_at"] = options.send_at
            (Delivery.update(next_attempt_at=options.send_at)
             .where(Delivery.broadcast == broadcast_id, Delivery.status == PENDING).execute())
        if not targets:
            values.update(status="done", finished_at=utcnow())
        Broadcast.update(**values).where(Broadcast.id == broadcast_id).execute()
    return StartResult(Broadcast.get_by_id(broadcast_id), started=True, targets=len(targets),
                       scheduled=later and bool(targets))


def start_as_edit(broadcast_id: int, renderers: Renderers) -> tuple[Broadcast | None, int]:
    """Store the corrected notice and edit the messages of every earlier push of it in every
    group, instead of sending it again. Returns (the draft, groups to edit), (draft, -1) when
    the draft is not a draft any more."""
    with database.atomic():
        claimed = (Broadcast.update(status="edited", started_at=utcnow(), finished_at=utcnow())
                   .where(Broadcast.id == broadcast_id, Broadcast.status == "draft").execute())
        draft = Broadcast.get_or_none(Broadcast.id == broadcast_id)
        if not claimed:
            return draft, -1
        document = save_document(json.loads(draft.draft), origin="push")
        Broadcast.update(document=document).where(Broadcast.id == broadcast_id).execute()
        groups = 0
        for earlier in Broadcast.select().where(Broadcast.document == document,
                                                Broadcast.status.in_(LIVE)):
            groups += edit_sent(earlier, document, renderers)
    return draft, groups


def cancel(broadcast_id: int) -> bool:
    """Only a draft can be cancelled; returns False otherwise."""
    return bool(Broadcast.update(status="cancelled", finished_at=utcnow())
                .where(Broadcast.id == broadcast_id, Broadcast.status == "draft").execute())


def cancel_scheduled(broadcast_id: int, now: datetime) -> bool:
    """Call off a push waiting for its time (nothing sent yet); the notice stays stored."""
    with database.atomic():
        b = Broadcast.get_or_none(Broadcast.id == broadcast_id)
        if b is None or display_status(b, now) != "scheduled":
            return False
        if Delivery.select().where(Delivery.broadcast == broadcast_id, Delivery.parts_sent > 0).exists():
            return False
        Delivery.delete().where(Delivery.broadcast == broadcast_id, Delivery.status == PENDING).execute()
        Broadcast.update(status="cancelled", finished_at=utcnow()).where(Broadcast.id == broadcast_id).execute()
    return True


# --- listing -------------------------------------------------------------------------------

def recent(limit: int = 10, now: datetime | None = None) -> list[BroadcastSummary]:
    now = now or datetime.now(timezone.utc)
    rows = (Broadcast.select().where(Broadcast.status.in_([*LIVE, "recalled"]))
            .order_by(Broadcast.id.desc()).limit(limit))
    return [BroadcastSummary(b.id, title_of(b), display_status(b, now), delivery_counts(b.id)) for b in rows]
