"""Who received a pushed notice and who has done it: the admin's report, per group, per unit,
and per deadline task (its CSV export is drawn in bot/views/delivery.py), and the reminder to
the groups that have not answered.

Three different facts, never mixed up:
- sent (Đã gửi): Telegram accepted the message for the group (the outbox row);
- received (Đã nhận): someone in the group pressed "Đã nhận" (or "Đã hoàn thành") under the
  notice, or acknowledged one of its deadlines' reminders;
- done (Đã hoàn thành): the group pressed "Đã hoàn thành" under the notice, or marked every
  deadline of the notice addressed to it done.
Each deadline task is also counted as on time / late / still due / overdue (scheduler/taskstatus).

Lines are per unit (the units the push was for, as the groups subscribed to them) and per
district (the places the groups subscribed with, a commune counted in its district:
knowledge/places.py; groups subscribed without a place under "no district"); a group counts
in each of its units and districts.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from peewee import fn

from knowledge import places
from knowledge.deadlines import DeadlineRow, load_rows
from knowledge.models import Chat, Deadline, Item, Subscription
from knowledge.units import ALL, CODES
from scheduler.outbox import BLOCKED, FAILED, PENDING, SENT, Broadcast, Delivery, enqueue_many
from scheduler.presses import DONE, RECEIVED
from scheduler.push_options import PushOptions, chosen_units, notice_units, options_of
from scheduler.receipts import receipts_of
from scheduler.renderers import Renderers
from scheduler.taskstatus import LATE, ON_TIME, TaskBoard

OTHER = "other"          # a group picked by hand that subscribes to none of the push's units


@dataclass
class Press:
    name: str
    at: datetime             # aware UTC


@dataclass
class GroupStatus:
    chat_id: int
    title: str
    units: list[str]
    delivery: str            # pending | sent | failed | blocked
    sent_at: datetime | None
    error: str
    received: Press | None   # the notice's "Đã nhận" press, if any
    done: Press | None       # the notice's "Đã hoàn thành" press, if any
    acknowledged: bool       # received in any way (see the module docstring)
    completed: bool          # done in any way
    tasks: dict[int, str] = field(default_factory=dict)   # deadline id -> status
    districts: list[str] = field(default_factory=list)    # of its subscriptions' places; [""]: none


@dataclass
class Tally:
    key: str                 # a unit code, "all", "other" — or a district ("" = none)
    groups: int = 0
    sent: int = 0
    received: int = 0
    done: int = 0


@dataclass
class NoticeReport:
    broadcast: Broadcast
    title: str
    status: str              # draft | scheduled | sending | done | cancelled | recalled
    send_at: datetime | None
    counts: dict[str, int]
    groups: list[GroupStatus]
    units: list[Tally]
    total: Tally
    deadlines: list[tuple[DeadlineRow, Counter]]
    edits: dict[str, int]    # outbox status -> groups, of the latest edit
    recall: dict[str, int]   # outbox status -> groups
    nudges: int
    districts: list[Tally] = field(default_factory=list)   # empty when no group has a place

    @property
    def waiting(self) -> list[GroupStatus]:
        """Groups the notice reached that have not acknowledged it."""
        return [g for g in self.groups if g.delivery == SENT and not g.acknowledged]

    @property
    def undeleted(self) -> list[int]:
        return _chats_by_prefix(f"recall:{self.broadcast.id}:", FAILED)


def display_status(broadcast: Broadcast, now: datetime) -> str:
    if broadcast.status == "sending" and broadcast.started_at is not None \
            and broadcast.started_at.replace(tzinfo=timezone.utc) > now:
        return "scheduled"
    return broadcast.status


def title_of(broadcast: Broadcast) -> str:
    doc = broadcast.document if broadcast.document_id is not None else None
    if doc is not None:
        return " ".join(x for x in (doc.number or "", doc.title) if x)
    parsed = json.loads(broadcast.draft or "{}")
    return " ".join(x for x in (parsed.get("number") or "", parsed.get("title", "")) if x)


def notice_deadlines(broadcast: Broadcast) -> list[DeadlineRow]:
    if broadcast.document_id is None:
        return []
    ids = [d for (d,) in Deadline.select(Deadline.id).join(Item)
           .where(Item.document == broadcast.document_id).tuples()]
    return load_rows(ids)


def build_report(broadcast_id: int, now: datetime, zone: ZoneInfo) -> NoticeReport | None:
    """The report of a pushed notice (None for a draft, a cancelled push or no such id)."""
    b = Broadcast.get_or_none(Broadcast.id == broadcast_id)
    if b is None or b.status in ("draft", "cancelled"):
        return None
    options = options_of(b.id)
    notice_rows = (Delivery.select(Delivery.chat_id)
                   .where(Delivery.broadcast == b.id, Delivery.kind == "notice"))
    rows = list(Delivery.select(Delivery.chat_id, Delivery.status, Delivery.sent_at, Delivery.last_error)
                .where(Delivery.broadcast == b.id, Delivery.kind == "notice").order_by(Delivery.id).namedtuples())
    titles, subscribed, placed = _chat_facts(notice_rows)
    relevant = set(_relevant_units(b, options))
    deadlines = notice_deadlines(b)
    board = TaskBoard(deadlines, zone, now)
    receipts = receipts_of(b.id)
    groups = []
    for r in rows:
        pressed = receipts.get(r.chat_id, {})
        tasks = board.of_chat(r.chat_id)
        received, done = _press(pressed.get(RECEIVED)), _press(pressed.get(DONE))
        tasks_done = bool(tasks) and all(s in (ON_TIME, LATE) for s in tasks.values())
        via_reminders = any(r.chat_id in board.received[d] for d in tasks)
        units = [u for u in subscribed.get(r.chat_id, []) if u in relevant] \
            or ([ALL] if ALL in subscribed.get(r.chat_id, []) else [OTHER])
        sent_at = _datetime(r.sent_at)
        groups.append(GroupStatus(
            chat_id=r.chat_id, title=titles.get(r.chat_id, ""), units=units, delivery=r.status,
            sent_at=sent_at.replace(tzinfo=timezone.utc) if sent_at else None,
            error=r.last_error if r.status in (FAILED, BLOCKED) else "",
            received=received, done=done, acknowledged=bool(received or done or via_reminders),
            completed=bool(done or tasks_done), tasks=tasks,
            districts=_districts(placed.get(r.chat_id, []))))
    recipients = {g.chat_id for g in groups}
    counts = Counter({PENDING: 0, SENT: 0, FAILED: 0, BLOCKED: 0})
    counts.update(g.delivery for g in groups)
    counts["total"] = len(groups)
    order = [ALL, *CODES, OTHER]
    return NoticeReport(
        broadcast=b, title=title_of(b), status=display_status(b, now),
        send_at=b.started_at.replace(tzinfo=timezone.utc) if b.started_at else None,
        counts=dict(counts), groups=groups,
        units=_tally(groups, lambda g: g.units, order), total=_tally(groups, lambda g: ["*"], ["*"])[0]
        if groups else Tally("*"),
        deadlines=[(d, board.counts(d.id, within=recipients)) for d in deadlines],
        edits=_latest_edit(b.id), recall=_status_counts(f"recall:{b.id}:"), nudges=options.nudges,
        districts=_by_district(groups))


def _press(receipt) -> Press | None:
    if receipt is None:
        return None
    return Press(receipt.user_name, receipt.created_at.replace(tzinfo=timezone.utc))


def _relevant_units(b: Broadcast, options: PushOptions) -> list[str]:
    parsed = json.loads(b.draft or "{}")
    return chosen_units(options, notice_units(parsed))


def _datetime(value):
    """A DateTimeField read without its model (tuples) comes back as text on SQLite."""
    return datetime.fromisoformat(value) if isinstance(value, str) else value


def _chat_facts(chat_ids) -> tuple[dict[int, str], dict[int, list[str]], dict[int, list[str]]]:
    """Titles, subscribed units and subscribed places of the chats `chat_ids` (a subquery) selects."""
    titles = dict(Chat.select(Chat.id, Chat.title).where(Chat.id.in_(chat_ids)).tuples())
    subscribed: dict[int, list[str]] = {}
    placed: dict[int, list[str]] = {}
    for chat_id, unit, place in (Subscription.select(Subscription.chat, Subscription.unit, Subscription.place)
                                 .where(Subscription.chat.in_(chat_ids)).order_by(Subscription.id).tuples()):
        if unit not in subscribed.get(chat_id, []):
            subscribed.setdefault(chat_id, []).append(unit)
        if place:
            placed.setdefault(chat_id, []).append(place)
    return titles, subscribed, placed


def _districts(chat_places: list[str]) -> list[str]:
    """The districts of a group's places (a commune counts in its district), [""] for none."""
    return list(dict.fromkeys(places.district_of(p) for p in chat_places if p)) or [""]


def _by_district(groups) -> list[Tally]:
    """Per-district counts, by name, "no district" last; [] when no group has a place."""
    if all(g.districts == [""] for g in groups):
        return []
    names = sorted({d for g in groups for d in g.districts if d}, key=places.key)
    return _tally(groups, lambda g: g.districts, [*names, ""])


def _tally(groups: list[GroupStatus], keys_of, order: list[str]) -> list[Tally]:
    """Counts per key (a group may count under several keys), in `order`, empty keys left out."""
    tallies: dict[str, Tally] = {}
    for g in groups:
        for key in keys_of(g):
            t = tallies.setdefault(key, Tally(key))
            t.groups += 1
            t.sent += g.delivery == SENT
            t.received += g.acknowledged
            t.done += g.completed
    return [tallies[k] for k in order if k in tallies]


@dataclass
class _Light:
    """What the per-district lines of the final delivery report need of a group."""
    delivery: str
    acknowledged: bool
    completed: bool
    districts: list[str]


def district_tallies(broadcast_id: int) -> list[Tally]:
    """Sent / pressed "received" / pressed "done" per district, for the admin's final delivery
    report (cheaper than build_report: no task board); [] when no group has a place."""
    notice_rows = (Delivery.select(Delivery.chat_id)
                   .where(Delivery.broadcast == broadcast_id, Delivery.kind == "notice"))
    _, _, placed = _chat_facts(notice_rows)
    if not placed:
        return []
    receipts = receipts_of(broadcast_id)
    groups = [_Light(status, chat_id in receipts, DONE in receipts.get(chat_id, {}),
                     _districts(placed.get(chat_id, [])))
              for chat_id, status in (Delivery.select(Delivery.chat_id, Delivery.status)
                                      .where(Delivery.broadcast == broadcast_id, Delivery.kind == "notice")
                                      .tuples())]
    return _by_district(groups)


def _status_counts(prefix: str) -> dict[str, int]:
    query = (Delivery.select(Delivery.status, fn.COUNT(Delivery.id))
             .where(Delivery.dedup_key.startswith(prefix)).group_by(Delivery.status).tuples())
    return dict(query)


def _latest_edit(broadcast_id: int) -> dict[str, int]:
    edits = options_of(broadcast_id).edits
    return _status_counts(f"edit:{broadcast_id}:{edits}:") if edits else {}


def _chats_by_prefix(prefix: str, status: str) -> list[int]:
    return [c for (c,) in Delivery.select(Delivery.chat_id)
            .where(Delivery.dedup_key.startswith(prefix), Delivery.status == status).tuples()]


# --- the reminder to the groups that have not answered -----------------------------------

def nudge(report: NoticeReport, round_seen: int, renderers: Renderers, default_lang: str = "vi") -> int | None:
    """Remind every group that got the notice and has not acknowledged it, once per tap: the
    tap carries the round it saw, and only the first tap of a round sends. Each reminder
    replies to the notice in that group. Returns the groups reminded, None for a stale tap."""
    b = report.broadcast
    claimed = (PushOptions.update(nudges=PushOptions.nudges + 1)
               .where(PushOptions.broadcast == b.id, PushOptions.nudges == round_seen).execute())
    if not claimed:
        return None
    waiting = [g.chat_id for g in report.waiting]
    firsts = _first_messages(b.id, waiting)
    langs = {}
    for i in range(0, len(waiting), 500):
        langs.update(Chat.select(Chat.id, Chat.lang).where(Chat.id.in_(waiting[i:i + 500])).tuples())
    draw = renderers.nudge_parts
    messages = [(chat_id, draw(b.id, report.title, firsts.get(chat_id), langs.get(chat_id, default_lang)),
                 f"nudge:{b.id}:{chat_id}:{round_seen + 1}") for chat_id in waiting]
    return enqueue_many(messages, kind="nudge")


def _first_messages(broadcast_id: int, chat_ids: list[int]) -> dict[int, int]:
    out = {}
    for i in range(0, len(chat_ids), 500):
        for chat_id, ids in (Delivery.select(Delivery.chat_id, Delivery.message_ids)
                             .where(Delivery.broadcast == broadcast_id, Delivery.kind == "notice",
                                    Delivery.chat_id.in_(chat_ids[i:i + 500])).tuples()):
            first = next((m for m in json.loads(ids or "[]") if m), None)
            if first:
                out[chat_id] = first
    return out
