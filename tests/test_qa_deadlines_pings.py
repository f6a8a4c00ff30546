"""Reminders as unit groups live them (QA): groups that change while a deadline runs."""
from __future__ import annotations

from datetime import date, datetime, timezone

from knowledge import subscriptions as subs
from scheduler.clock import FakeClock
from scheduler.pings import DONE, RECEIVED, completion_counts, record_ack
from tests.test_pings import START, deliveries, group, make_deadline, service, texts


def test_a_group_that_acknowledged_then_became_a_supergroup_is_not_reported_missing(db):
    clock = FakeClock(START)
    deadline = make_deadline(date(2026, 11, 25))
    group(-10, "health", title="Trạm y tế Hòa Bình")
    group(-11, "health", title="Trạm y tế Tân Lập")
    reminders = service(clock)
    reminders.plan()
    record_ack(deadline.id, -10, DONE, user_id=5, user_name="Lan", now=clock.now())
    record_ack(deadline.id, -10, RECEIVED, user_id=5, user_name="Lan", now=clock.now())
    subs.migrate_chat(-10, -100_10)          # the group was upgraded after pressing "done"
    assert completion_counts([deadline.id])[deadline.id] == (1, 1, 2)
    clock.advance(datetime(2026, 11, 28, 2, tzinfo=timezone.utc) - clock.now())
    reminders.fire_due()
    [digest] = deliveries("digest")
    text = "\n".join(texts(digest))
    assert "Tân Lập" in text and "Hòa Bình" not in text
