"""Task status as government offices count it: each deadline task, for each unit group it is
addressed to, is

    on_time   done on time          (đã hoàn thành đúng hạn)
    late      done late             (đã hoàn thành quá hạn)
    in_time   not done, still due   (đang thực hiện, trong hạn)
    overdue   not done, past due    (quá hạn, chưa hoàn thành)

"Done" is the group's "Đã hoàn thành" press on a reminder (`scheduler.acknowledgements.Acknowledgement`),
compared with the moment the deadline falls due (23:59 of its day when it has no time).
The groups a task is addressed to are those targeted now (subscriptions) and those that
acknowledged it (a group that did the task stays counted after it unsubscribes).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from peewee import chunked

from knowledge.deadlines import DeadlineRow
from scheduler.acknowledgements import Acknowledgement, migrated_chats
from scheduler.presses import DONE, RECEIVED
from scheduler.reminder_targets import targets

ON_TIME, LATE, IN_TIME, OVERDUE = "on_time", "late", "in_time", "overdue"
STATUSES = (ON_TIME, LATE, IN_TIME, OVERDUE)


def status_of(due: datetime, done_at: datetime | None, now: datetime) -> str:
    """All aware datetimes."""
    if done_at is not None:
        return ON_TIME if done_at <= due else LATE
    return IN_TIME if now <= due else OVERDUE


class TaskBoard:
    """The status of each deadline task in each group, for a set of deadlines (few queries)."""

    def __init__(self, rows: list[DeadlineRow], zone: ZoneInfo, now: datetime):
        self.rows = {r.id: r for r in rows}
        self.now = now
        ids = list(self.rows)
        targeted = targets(ids)
        done_at: dict[int, dict[int, datetime]] = defaultdict(dict)
        received: dict[int, set[int]] = defaultdict(set)
        acks = []
        for chunk in chunked(ids, 900):
            acks += list(Acknowledgement.select(Acknowledgement.deadline, Acknowledgement.chat_id,
                                                Acknowledgement.kind, Acknowledgement.created_at)
                         .where(Acknowledgement.deadline.in_(chunk)).tuples())
        moved = migrated_chats(chat_id for _, chat_id, _, _ in acks)
        for deadline_id, chat_id, kind, created_at in acks:
            chat_id = moved.get(chat_id, chat_id)
            received[deadline_id].add(chat_id)
            if kind == DONE:
                done_at[deadline_id][chat_id] = created_at.replace(tzinfo=timezone.utc)
        self.received = received
        self.status: dict[int, dict[int, str]] = {}
        self._by_chat: dict[int, dict[int, str]] = defaultdict(dict)
        for deadline_id, row in self.rows.items():
            try:
                due = row.moment(zone)
            except (OverflowError, ValueError):       # a date near year 1 or 9999: never due
                due = datetime.max.replace(tzinfo=timezone.utc)
            chats = set(targeted.get(deadline_id, ())) | received[deadline_id]
            self.status[deadline_id] = {c: status_of(due, done_at[deadline_id].get(c), now)
                                        for c in chats}
            for c, s in self.status[deadline_id].items():
                self._by_chat[c][deadline_id] = s

    def counts(self, deadline_id: int, within: set[int] | None = None) -> Counter:
        """How many groups are in each status (and "received": acknowledged in any way);
        `within` limits the count to those groups (a notice's recipients)."""
        statuses = self.status.get(deadline_id, {})
        chats = statuses.keys() if within is None else statuses.keys() & within
        out = Counter({s: 0 for s in STATUSES})
        out.update(statuses[c] for c in chats)
        out["groups"] = len(chats)
        out[RECEIVED] = len(self.received[deadline_id] & set(chats))
        return out

    def of_chat(self, chat_id: int) -> dict[int, str]:
        """deadline id -> status, for the deadlines addressed to this group."""
        return dict(self._by_chat.get(chat_id, {}))
