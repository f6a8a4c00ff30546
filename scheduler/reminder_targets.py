"""Who a reminder goes to: the unit groups a deadline's task is for, the notice message a
reminder answers in each of them, and the admins who get the overdue digest.

Resolved when a reminder fires, never when it is planned, so that a group that subscribed
or left meanwhile is counted as it is now (see `scheduler.pings`).
"""
from __future__ import annotations

from collections import defaultdict

from peewee import chunked

from knowledge.deadlines import DeadlineRow
from knowledge.models import Admin, Deadline, DeadlineUnit, Item, Unit


def deadline_units(deadline_ids: list[int]) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {d: set() for d in deadline_ids}
    for chunk in chunked(deadline_ids, 900):
        query = (DeadlineUnit.select(DeadlineUnit.deadline, Unit.code).join(Unit)
                 .where(DeadlineUnit.deadline.in_(chunk)).tuples())
        for deadline_id, code in query:
            out[deadline_id].add(code)
    return out


def targets(deadline_ids: list[int]) -> dict[int, list[int]]:
    """Active chats each deadline's task is for: subscribed to "all", or to one of its units
    at the level and place its item names (knowledge/targeting.py: "Sở Y tế" is for the
    provincial groups, "Trạm Y tế các xã thuộc huyện Hải Hà" for the commune groups of Hải
    Hà) — the same rule as a push. Resolved for many deadlines with a few queries."""
    from knowledge.subscriptions import active_subscriptions
    from knowledge.targeting import Audience, deadline_targets

    units = deadline_units(deadline_ids)
    audience = Audience(active_subscriptions())
    items: dict[int, dict] = {}
    item_of: dict[int, int] = {}
    for chunk in chunked(deadline_ids, 900):
        query = (Deadline.select(Deadline.id, Item.id, Item.text, Item.headings, Item.actors)
                 .join(Item).where(Deadline.id.in_(chunk)).tuples())
        for deadline_id, item_id, text, headings, actors in query:
            item_of[deadline_id] = item_id
            if item_id not in items:
                items[item_id] = {"text": text, "headings": headings, "actors": actors}
    out = {}
    known: dict[tuple, list[int]] = {}          # (item, units) -> chats: an item's deadlines share them
    for deadline_id in deadline_ids:
        item_id = item_of.get(deadline_id)
        key = (item_id, tuple(sorted(units[deadline_id])))
        if key not in known:
            known[key] = sorted(audience.chats(deadline_targets(items.get(item_id, {}), units[deadline_id])))
        out[deadline_id] = list(known[key])
    return out



def notice_messages_by_chat(per_chat: dict[int, list[DeadlineRow]]) -> dict[int, dict[str, int]]:
    """chat id -> document key -> the notice's message there, which reminders answer."""
    from scheduler.receipts import notice_messages
    wanted: dict[str, set[int]] = defaultdict(set)
    for chat_id, chat_rows in per_chat.items():
        for row in chat_rows:
            wanted[row.document_key].add(chat_id)
    out: dict[int, dict[str, int]] = defaultdict(dict)
    for (chat_id, key), message_id in notice_messages(wanted).items():
        out[chat_id][key] = message_id
    return out



def admin_ids(configured) -> list[int]:
    ids = list(dict.fromkeys(configured))
    ids += [a.user_id for a in Admin.select(Admin.user_id).order_by(Admin.user_id) if a.user_id not in ids]
    return ids

