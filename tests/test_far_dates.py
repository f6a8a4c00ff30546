"""A deadline on 31/12/9999 or 2/1/0001 already in the database (older releases stored
them; other paths may still) never stops the bot: planning, start-up, the every-minute
resync, the overdue digest, /deadlines, /calendar and `deadlines --ics` skip that one
deadline (and log it) and go on with the others."""
from __future__ import annotations

import logging
import os
import subprocess
import sys
from datetime import date, datetime, time, timedelta, timezone

from knowledge.deadlines import list_deadlines, render_ics
from scheduler.clock import FakeClock
from scheduler.pings import DIGEST, PLANNED, Ping
from tests.test_pings import HCM, START, deliveries, group, make_deadline, service, texts

FAR = [(date(9999, 12, 31), None), (date(9999, 12, 31), time(23, 30)), (date(1, 1, 2), None),
       (date(1, 1, 1), time(0, 10)), (date(9999, 12, 30), None)]


def _far_and_normal():
    group(-10, "health")
    far = [make_deadline(d, due_time=t, task=f"Việc xa {n}", key=f"far-{n}") for n, (d, t) in enumerate(FAR)]
    normal = make_deadline(date(2026, 11, 25), task="Việc thường", key="normal")
    return far, normal


async def test_start_up_resync_and_reminders_go_on_around_far_dates(db, caplog):
    far, normal = _far_and_normal()
    clock = FakeClock(START)
    reminders = service(clock)
    with caplog.at_level(logging.WARNING, logger="loa.pings"):
        reminders.start()                    # today: OverflowError, and the bot exits
    try:
        assert Ping.select().where(Ping.deadline == normal.id, Ping.status == PLANNED).count() == 4
        assert "deadline_unplannable" in caplog.text and f"deadline_id={far[0].id}" in caplog.text
        caplog.clear()
        reminders.resync()                   # the minute resync: no error, no new log line
        assert "deadline_unplannable" not in caplog.text
        late = make_deadline(date(2026, 11, 28), task="Việc mới", key="late")   # a later notice
        reminders.resync()
        assert Ping.select().where(Ping.deadline == late.id).count() == 4
        clock.advance(timedelta(days=4))
        assert reminders.resync().queued >= 1               # the normal deadline's reminder
        assert any("Việc thường" in text for d in deliveries() for text in texts(d))
        clock.advance(timedelta(days=6))
        assert reminders.resync().digests >= 1              # and its overdue digest
        assert deliveries("digest")
    finally:
        reminders.scheduler.shutdown(wait=False)


async def test_a_changed_offset_setting_at_start_up_skips_far_dates(db):
    _far_and_normal()
    clock = FakeClock(START)
    first = service(clock)
    first.plan()
    again = service(clock, reminder_offsets="5d,2h", reminder_hour=9)
    again.start()
    again.scheduler.shutdown(wait=False)
    assert Ping.select().where(Ping.label == "5d").count() >= 1


def test_the_digest_skips_a_deadline_it_cannot_render(db):
    far, normal = _far_and_normal()
    clock = FakeClock(START)
    reminders = service(clock)
    reminders.plan()
    # a digest row for a far deadline, as an older release could have planned
    Ping.create(deadline=far[2].id, label=DIGEST, fire_at=datetime(2026, 11, 19), status=PLANNED)
    clock.advance(timedelta(days=10))
    reminders.fire_due()
    digests = deliveries("digest")
    assert digests and any("Việc thường" in text for text in texts(digests[0]))


def test_lists_and_calendars_skip_only_the_far_deadline(db, caplog):
    far, normal = _far_and_normal()
    rows = list_deadlines(HCM, include_past=True)
    assert len(rows) == len(FAR) + 1
    with caplog.at_level(logging.WARNING):
        ics = render_ics(rows, HCM, stamp=datetime(2026, 11, 20, tzinfo=timezone.utc))
    assert "Việc thường" in ics and ics.count("BEGIN:VEVENT") >= 1 and ics.endswith("END:VCALENDAR\r\n")
    assert "ics_deadline_skipped" in caplog.text
    from bot.views.deadlines import render_deadline_list
    text = render_deadline_list(rows, "vi", HCM, include_past=True)
    assert "Việc thường" in text and "31/12/9999" in text


def test_command_line_deadlines_with_a_far_date(tmp_path):
    """`bot.py deadlines --ics` prints the calendar and exits 0 (the plain list: above)."""
    url = f"sqlite:///{tmp_path}/loa.db"
    code = ("from knowledge.db import open_database; from knowledge.loader import DATA_DIR, ensure_seeded; "
            f"open_database({url!r}); ensure_seeded(); "
            "from tests.test_far_dates import _far_and_normal; _far_and_normal(); "
            "from knowledge.models import Document; "      # imported, not bundled: kept at start
            "Document.update(origin='import').where(Document.origin == 'seed', "
            "Document.key.not_in([p.stem for p in DATA_DIR.glob('*.json')])).execute()")
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    env = {**os.environ, "DATABASE_URL": url}
    env.pop("BOT_TOKEN", None)
    subprocess.run([sys.executable, "-c", code], cwd=root, env=env, check=True)
    done = subprocess.run([sys.executable, "bot.py", "deadlines", "--ics"], cwd=root, env=env,
                          capture_output=True, text=True)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert "SUMMARY:Việc thường" in done.stdout
