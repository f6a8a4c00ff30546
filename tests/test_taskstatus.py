"""Task status as government offices count it (done on time, done late, still due, overdue),
in /deadlines for admins and in the overdue digest; and what an admin types in the push
controls (a time to send, group names)."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from knowledge import subscriptions as subs
from knowledge.deadlines import load_rows
from knowledge.models import Admin
from scheduler.clock import FakeClock
from scheduler.push_options import BadTime, find_groups, parse_when
from scheduler.taskstatus import IN_TIME, LATE, ON_TIME, OVERDUE, TaskBoard, status_of
from tests.test_pings import START, deliveries, group, make_deadline, record_ack, service, texts

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def test_the_four_statuses():
    due = datetime(2026, 12, 1, 16, 59, tzinfo=timezone.utc)
    before, after = due - timedelta(hours=1), due + timedelta(hours=1)
    assert status_of(due, before, after) == ON_TIME and status_of(due, due, after) == ON_TIME
    assert status_of(due, after, after) == LATE
    assert status_of(due, None, before) == IN_TIME and status_of(due, None, after) == OVERDUE


def test_board_counts_each_group_once_per_task_and_keeps_those_that_left(db):
    deadline = make_deadline(date(2026, 11, 21), task="Báo cáo F1")     # due 21/11 23:59 local
    for chat_id in (-1, -2, -3, -4):
        group(chat_id, "health")
    group(-5, "schools")                                                  # not addressed
    on_time = datetime(2026, 11, 21, 10, tzinfo=HCM)
    record_ack(deadline.id, -1, "done", user_id=1, user_name="A", now=on_time)
    record_ack(deadline.id, -2, "done", user_id=2, user_name="B", now=on_time + timedelta(days=1))
    record_ack(deadline.id, -3, "received", user_id=3, user_name="C", now=on_time)
    subs.unsubscribe(-1)                                     # did it, then left: still counted
    rows = load_rows([deadline.id])
    before = TaskBoard(rows, HCM, datetime(2026, 11, 21, 12, tzinfo=HCM)).counts(deadline.id)
    assert (before[ON_TIME], before[LATE], before[IN_TIME], before[OVERDUE]) == (1, 1, 2, 0)
    assert before["groups"] == 4 and before["received"] == 3
    after = TaskBoard(rows, HCM, datetime(2026, 11, 23, tzinfo=HCM))
    c = after.counts(deadline.id)
    assert (c[ON_TIME], c[LATE], c[IN_TIME], c[OVERDUE]) == (1, 1, 0, 2)
    assert after.counts(deadline.id, within={-1, -4})["groups"] == 2
    assert after.of_chat(-4) == {deadline.id: OVERDUE} and after.of_chat(-5) == {}


def test_overdue_digest_says_how_many_were_late(db):
    clock = FakeClock(START)                                          # 20/11 07:00 local
    deadline = make_deadline(date(2026, 11, 21), task="Báo cáo F1")
    group(-50, "health", title="Trạm 1")
    group(-51, "health", title="Trạm 2")
    group(-52, "health", title="Trạm 3")
    Admin.create(user_id=1002)
    svc = service(clock)
    svc.plan()
    record_ack(deadline.id, -50, "done", user_id=7, user_name="Lan", now=clock.now())
    clock.advance(timedelta(days=2))                                   # after the deadline
    record_ack(deadline.id, -51, "done", user_id=8, user_name="An", now=clock.now())
    clock.advance(timedelta(days=1, hours=1))
    svc.fire_due()
    text = texts(deliveries("digest")[0])[0]
    assert "Trạm 3" in text and "Xong đúng hạn 1, xong trễ hạn 1." in text


NOW = datetime(2026, 11, 20, 3, 0, tzinfo=timezone.utc)       # 10:00 in Hà Nội


@pytest.mark.parametrize("typed, local", [
    ("08:00 25/12/2026", datetime(2026, 12, 25, 8, 0)),
    ("25/12 8h30", datetime(2026, 12, 25, 8, 30)),
    ("lúc 14 giờ 30 ngày 21/11", datetime(2026, 11, 21, 14, 30)),
    ("17:00", datetime(2026, 11, 20, 17, 0)),          # later today
    ("9h", datetime(2026, 11, 21, 9, 0)),              # passed today: tomorrow
    ("8g 21/11/2026", datetime(2026, 11, 21, 8, 0)),
    ("21/11", datetime(2026, 11, 21, 7, 0)),           # a day alone: 07:00
])
def test_parse_when(typed, local):
    assert parse_when(typed, NOW, HCM) == local.replace(tzinfo=HCM).astimezone(timezone.utc).replace(tzinfo=None)


@pytest.mark.parametrize("typed, why", [("8:00 20/11", "push.when_past"), ("hôm qua", "push.when_bad"),
                                        ("8:00 1/1/2030", "push.when_far"), ("31/02", "push.when_bad"),
                                        ("25:00", "push.when_bad"), ("", "push.when_bad")])
def test_parse_when_refuses(typed, why):
    with pytest.raises(BadTime) as e:
        parse_when(typed, NOW, HCM)
    assert str(e.value) == why


def test_find_groups_by_id_exact_title_or_unique_words(db):
    subs.register_chat(-1, type="group", title="Trạm y tế xã Quảng Đức")
    subs.register_chat(-2, type="group", title="Trạm y tế xã Quảng Sơn")
    subs.register_chat(-3, type="supergroup", title="Tổ Covid thôn 3")
    subs.register_chat(5, type="private", title="")
    found, unknown = find_groups("quang duc, Tổ Covid thôn 3; -2, trạm y tế, 5, Bệnh viện")
    assert found == [-1, -3, -2]
    assert unknown == ["trạm y tế", "5", "Bệnh viện"]
