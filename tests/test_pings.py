"""Deadline reminders with a controlled clock: when pings fire, to whom, combined how, and
that restarts, downtime and late additions never send a ping twice or a burst of stale ones."""
from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo


from bot.config import load_settings
from bot.views.renderers import RENDERERS
from knowledge import subscriptions as subs
from knowledge.models import Admin, Deadline, DeadlineUnit, Document, Item, Unit
from knowledge.units import UNITS
from scheduler.acknowledgements import completion_counts, record_ack
from scheduler.clock import FakeClock
from scheduler.outbox import Delivery
from scheduler.pings import DIGEST, OVERDUE, PLANNED, QUEUED, SKIPPED, Ping, ping_times
from scheduler.reminders import ReminderService

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
START = datetime(2026, 11, 20, 0, 0, tzinfo=timezone.utc)       # 07:00 in Hồ Chí Minh City


class RecordingSender:
    """Stands in for the outbox Sender: the service only tells it that rows are waiting."""

    def __init__(self):
        self.notified = 0

    def notify(self):
        self.notified += 1


def local(y, m, d, hh=0, mm=0) -> datetime:
    return datetime(y, m, d, hh, mm, tzinfo=HCM)


def make_deadline(due: date, *, units=("health",), due_time: time | None = None, task="Có bác sĩ",
                  number="102-TB/VPTU", key=None, item_number="2") -> Deadline:
    for u in UNITS:
        Unit.get_or_create(code=u.code, defaults={"name_vi": u.name_vi, "name_en": u.name_en})
    doc = Document.create(key=key or f"doc-{Document.select().count() + 1}", number=number,
                          kind="Thông báo kết luận", issuer="Văn phòng Tỉnh ủy", title="Kết luận")
    item = Item.create(document=doc, position=1, number=item_number, text=task)
    deadline = Deadline.create(item=item, due_date=due, due_time=due_time, phrase=f"trước ngày {due:%d/%m/%Y}",
                               task=task, task_en="Have a doctor")
    for code in units:
        DeadlineUnit.create(deadline=deadline, unit=Unit.get(Unit.code == code))
    return deadline


def group(chat_id, *units, lang="vi", title=None):
    subs.register_chat(chat_id, type="group", title=title or f"Nhóm {-chat_id}", lang=lang)
    if lang != "vi":
        from knowledge.models import Chat
        Chat.update(lang=lang).where(Chat.id == chat_id).execute()
    subs.subscribe(chat_id, units)


def service(clock, **settings):
    settings.setdefault("admin_ids", "1001")
    return ReminderService(load_settings(_env_file=None, tz="Asia/Ho_Chi_Minh", **settings),
                           RecordingSender(), clock, renderers=RENDERERS)


def deliveries(kind="ping"):
    return list(Delivery.select().where(Delivery.kind == kind).order_by(Delivery.id))


def texts(delivery):
    return [p["text"] for p in json.loads(delivery.parts)]


def test_day_offsets_fire_at_the_reminder_hour_and_hour_offsets_count_back_from_the_time():
    # a deadline at 08:00 in Hồ Chí Minh City falls due at 01:00 UTC
    times = dict(ping_times(date(2026, 12, 10), time(8, 0), [("d", 3), ("d", 1), ("d", 0), ("m", 30)],
                            HCM, 8))
    utc = lambda *a: datetime(*a, tzinfo=timezone.utc)  # noqa: E731
    assert times == {"3d": utc(2026, 12, 7, 1), "1d": utc(2026, 12, 9, 1),
                     "2h": utc(2026, 12, 9, 23),        # added for a deadline with a time of day
                     "30m": utc(2026, 12, 10, 0, 30)}   # "0d" at 08:00 is not before 08:00: dropped
    all_day = dict(ping_times(date(2026, 12, 10), None, [("d", 0), ("h", 1)], HCM, 9))
    assert all_day == {"0d": utc(2026, 12, 10, 2), "1h": utc(2026, 12, 10, 15, 59)}  # 22:59 local


def test_pings_fire_on_time_in_the_local_zone_with_task_days_left_source_and_buttons(db):
    clock = FakeClock(START)
    make_deadline(date(2026, 11, 25), task="Tất cả trạm y tế có bác sĩ")
    group(-10, "health")
    group(-11, "schools")
    group(-12, "health")
    subs.deactivate_chat(-12)                          # the bot was removed from this group
    svc = service(clock)
    svc.plan()
    assert [(p.label, p.status) for p in Ping.select().order_by(Ping.fire_at)] == \
        [("3d", PLANNED), ("1d", PLANNED), ("0d", PLANNED), (DIGEST, PLANNED)]
    clock.advance(timedelta(days=2))                   # 22/11 07:00 local: the 3d ping is at 08:00
    assert svc.fire_due().queued == 0
    clock.advance(timedelta(hours=1))
    result = svc.fire_due()
    assert result.queued == 1 and svc.sender.notified == 1
    [ping] = deliveries()
    assert ping.chat_id == -10                          # not the schools group, nor the one that left
    [text] = texts(ping)
    assert "Tất cả trạm y tế có bác sĩ" in text and "còn 3 ngày" in text
    assert "102-TB/VPTU" in text and "mục 2" in text
    markup = json.loads(ping.parts)[0]["reply_markup"]
    assert [b["text"] for b in markup["inline_keyboard"][0]] == ["Đã nhận", "Đã hoàn thành"]
    assert svc.fire_due().queued == 0                   # nothing due twice


def test_english_groups_get_english_pings(db):
    clock = FakeClock(local(2026, 11, 24, 8))
    make_deadline(date(2026, 11, 25))
    group(-12, "all", lang="en")
    svc = service(clock)
    svc.plan()
    clock.advance(timedelta(days=1))
    svc.fire_due()
    [ping] = deliveries()
    part = json.loads(ping.parts)[0]
    assert "Have a doctor" in part["text"] and "today" in part["text"]
    assert [b["text"] for b in part["reply_markup"]["inline_keyboard"][0]] == ["Received", "Done"]


def test_pings_due_together_for_one_group_make_one_message(db):
    clock = FakeClock(START)
    make_deadline(date(2026, 11, 25), units=("health",), task="Việc A")
    make_deadline(date(2026, 11, 25), units=("schools",), task="Việc B")
    make_deadline(date(2026, 11, 26), units=("schools",), task="Việc C")
    group(-20, "health", "schools")
    group(-21, "schools")
    svc = service(clock)
    svc.plan()
    clock.advance(timedelta(days=2, hours=1))          # 22/11 08:00 local: 3d pings of A and B
    svc.fire_due()
    by_chat = {d.chat_id: texts(d) for d in deliveries()}
    assert set(by_chat) == {-20, -21}
    assert "Việc A" in by_chat[-20][0] and "Việc B" in by_chat[-20][0] and len(by_chat[-20]) == 1
    assert "Việc A" not in by_chat[-21][0] and "Việc B" in by_chat[-21][0]
    markup = json.loads(deliveries()[0].parts)[0]["reply_markup"]["inline_keyboard"]
    assert [row[0]["text"] for row in markup] == ["1. Đã nhận", "2. Đã nhận"]


def test_a_restart_sends_nothing_twice(db):
    clock = FakeClock(START)
    make_deadline(date(2026, 11, 25))
    group(-30, "health")
    first = service(clock)
    first.plan()
    clock.advance(timedelta(days=2, hours=1))
    first.fire_due()
    assert len(deliveries()) == 1
    second = service(clock)                             # a new process over the same database
    second.plan()
    assert second.fire_due().queued == 0
    clock.advance(timedelta(days=2))                    # next: the 1d ping
    second.fire_due()
    assert len(deliveries()) == 2
    assert Ping.select().where(Ping.status == QUEUED).count() == 2


def test_after_downtime_only_the_latest_ping_is_sent_and_past_deadlines_are_not(db):
    clock = FakeClock(START)
    make_deadline(date(2026, 11, 25), task="Còn hạn")
    make_deadline(date(2026, 11, 21), task="Đã quá hạn")
    group(-40, "health")
    service(clock).plan()                               # the bot ran, then stopped
    clock.advance(timedelta(days=4, hours=2))           # 24/11 09:00 local: 3d and 1d passed
    svc = service(clock)
    svc.plan()
    result = svc.fire_due()
    assert (result.queued, result.skipped) == (1, 1)
    [ping] = deliveries()
    assert "Còn hạn" in texts(ping)[0] and "ngày mai" in texts(ping)[0] and "Đã quá hạn" not in texts(ping)[0]
    statuses = {(p.deadline.task, p.label): p.status for p in Ping.select(Ping, Deadline).join(Deadline)}
    assert statuses[("Còn hạn", "3d")] == SKIPPED and statuses[("Còn hạn", "1d")] == QUEUED
    assert statuses[("Còn hạn", "0d")] == PLANNED
    assert {statuses[("Đã quá hạn", label)] for label in ("3d", "1d", "0d")} <= {OVERDUE, SKIPPED}
    assert statuses[("Đã quá hạn", "0d")] == OVERDUE


def test_overdue_digest_lists_groups_not_done_exactly_once(db):
    clock = FakeClock(START)
    deadline = make_deadline(date(2026, 11, 21), task="Báo cáo F1")
    group(-50, "health", title="Trạm y tế Phường 1")
    group(-51, "health", title="Trạm y tế Phường 2")
    group(-52, "schools", title="Trường A")
    Admin.create(user_id=1002)
    svc = service(clock)
    svc.plan()
    record_ack(deadline.id, -50, "done", user_id=7, user_name="Lan", now=clock.now())
    clock.advance(timedelta(days=2))                   # 22/11 07:00: passed, not a day yet
    svc.fire_due()
    assert deliveries("digest") == []
    clock.advance(timedelta(days=1, hours=1))          # 23/11 08:00 local
    svc.fire_due()
    digests = deliveries("digest")
    assert sorted(d.chat_id for d in digests) == [1001, 1002]
    text = texts(digests[0])[0]
    assert "Báo cáo F1" in text and "Trạm y tế Phường 2" in text
    assert "Trạm y tế Phường 1" not in text and "Trường A" not in text and "1/2" in text
    clock.advance(timedelta(days=1))
    service(clock).resync()                             # later firings and restarts: nothing more
    assert len(deliveries("digest")) == 2


def test_a_deadline_added_while_running_is_planned_at_resync(db):
    clock = FakeClock(START)
    group(-60, "health")
    svc = service(clock)
    svc.resync()
    assert Ping.select().count() == 0
    make_deadline(date(2026, 11, 28), task="Mới thêm")   # e.g. `bot.py import` in another process
    clock.advance(timedelta(minutes=1))
    svc.resync()
    assert Ping.select().where(Ping.status == PLANNED).count() == 4
    clock.advance(timedelta(days=5, hours=1))           # 25/11 08:00: the 3d ping
    svc.resync()
    [ping] = deliveries()
    assert "Mới thêm" in texts(ping)[0]


def test_a_newly_seen_deadline_does_not_get_pings_whose_time_already_passed(db):
    clock = FakeClock(local(2026, 11, 24, 9))
    make_deadline(date(2026, 11, 25))
    group(-61, "health")
    svc = service(clock)
    svc.resync()
    assert deliveries() == []                           # the 3d and 1d times had passed: skipped
    clock.advance(timedelta(days=1))
    svc.resync()
    assert len(deliveries()) == 1                       # the 0d ping, on the day


def test_a_group_subscribing_later_gets_the_next_ping(db):
    clock = FakeClock(START)
    make_deadline(date(2026, 11, 25))
    group(-70, "health")
    svc = service(clock)
    svc.plan()
    clock.advance(timedelta(days=2, hours=1))
    svc.fire_due()
    group(-71, "all")
    clock.advance(timedelta(days=2))
    svc.fire_due()
    assert sorted(d.chat_id for d in deliveries()) == [-71, -70, -70]


def test_acknowledgements_first_press_wins_and_counts(db):
    clock = FakeClock(START)
    deadline = make_deadline(date(2026, 11, 25))
    group(-80, "health")
    group(-81, "health")
    ack, created = record_ack(deadline.id, -80, "received", user_id=5, user_name="An", now=clock.now())
    assert created
    again, created = record_ack(deadline.id, -80, "received", user_id=6, user_name="Bình", now=clock.now())
    assert not created and again.user_name == "An"
    record_ack(deadline.id, -81, "done", user_id=6, user_name="Bình", now=clock.now())
    assert completion_counts([deadline.id]) == {deadline.id: (1, 2, 2)}
    assert record_ack(deadline.id + 99, -80, "done", user_id=5, user_name="An", now=clock.now()) == (None, False)


async def test_the_scheduler_is_built_from_the_ledger(db):
    # Years ahead, so the real AsyncIOScheduler (on real time) runs none of these jobs.
    clock = FakeClock(datetime(2040, 11, 20, 0, 0, tzinfo=timezone.utc))
    make_deadline(date(2040, 11, 21), due_time=time(16, 0))   # 2h: 21/11 14:00 local = 07:00 UTC
    make_deadline(date(2040, 12, 20))                          # weeks away: beyond the horizon
    svc = service(clock)
    svc.start()
    try:
        ids = sorted(job.id for job in svc.scheduler.get_jobs())
        # 1d: 20/11 08:00 local, 0d: 21/11 08:00 local; the 2h ping is beyond the 26 h horizon
        assert ids == ["fire:20401120T010000", "fire:20401121T010000", "resync"]
        clock.advance(timedelta(hours=20))
        svc.resync()                                           # fires the 1d ping, moves the window on
        ids = sorted(job.id for job in svc.scheduler.get_jobs())
        assert ids == ["fire:20401121T010000", "fire:20401121T070000", "resync"]
        job = svc.scheduler.get_job("fire:20401121T070000")
        assert job.args == () and job.kwargs == {}             # jobs carry only their time
        assert job.next_run_time == datetime(2040, 11, 21, 7, 0, tzinfo=timezone.utc)
    finally:
        await svc.stop()
