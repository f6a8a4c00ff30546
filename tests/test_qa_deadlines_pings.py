"""Reminders as unit groups live them (QA): groups that change while a deadline runs."""
from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from knowledge import subscriptions as subs
from scheduler.acknowledgements import completion_counts, record_ack
from scheduler.clock import FakeClock
from scheduler.pings import replan_offsets
from scheduler.presses import DONE, RECEIVED
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


def test_hour_offsets_count_real_hours_across_a_daylight_saving_change():
    from datetime import time, timedelta

    from scheduler.pings import ping_times
    new_york = ZoneInfo("America/New_York")
    # clocks jump from 02:00 to 03:00 on 8 March 2026: 03:30 EDT is 07:30 UTC
    times = dict(ping_times(date(2026, 3, 8), time(3, 30), [("h", 2), ("m", 90), ("d", 1)], new_york, 8))
    due = datetime(2026, 3, 8, 7, 30, tzinfo=timezone.utc)
    assert times["2h"] == due - timedelta(hours=2)
    assert times["90m"] == due - timedelta(minutes=90)
    assert times["1d"] == datetime(2026, 3, 7, 13, tzinfo=timezone.utc)   # 08:00 EST
    # and in autumn (01:00–02:00 happens twice on 1 November 2026): 02:30 EST is 07:30 UTC
    autumn = dict(ping_times(date(2026, 11, 1), time(2, 30), [("h", 2)], new_york, 8))
    assert autumn["2h"] == datetime(2026, 11, 1, 5, 30, tzinfo=timezone.utc)


async def test_changed_reminder_offsets_apply_to_deadlines_already_planned_after_a_restart(db):
    from scheduler.pings import PLANNED, SKIPPED, Ping

    clock = FakeClock(START)                                 # 20/11, 07:00 local
    deadline = make_deadline(date(2026, 11, 25))
    past = make_deadline(date(2026, 11, 1))
    group(-10, "health")
    service(clock).plan()
    assert {p.label for p in Ping.select().where(Ping.deadline == deadline)} == {"3d", "1d", "0d", "digest"}
    # the admin sets REMINDER_OFFSETS=1d,2h and restarts the bot
    restarted = service(clock, reminder_offsets="1d,2h")
    restarted.start()
    await restarted.stop()
    status = {p.label: p.status for p in Ping.select().where(Ping.deadline == deadline)}
    assert status == {"3d": SKIPPED, "1d": PLANNED, "0d": SKIPPED, "2h": PLANNED, "digest": PLANNED}
    assert not Ping.select().where(Ping.deadline == past, Ping.status == PLANNED).exists()
    # and back to the defaults, reminders at 09:00 instead of 08:00
    again = service(clock, reminder_hour=9)
    again.start()
    await again.stop()
    rows = {p.label: (p.status, p.fire_at) for p in Ping.select().where(Ping.deadline == deadline)}
    assert rows["3d"] == (PLANNED, datetime(2026, 11, 22, 2)) and rows["0d"][0] == PLANNED
    assert rows["2h"][0] == SKIPPED
    assert replan_offsets(again.settings.offsets, again.zone, 9, clock.now()) == 0   # settled
