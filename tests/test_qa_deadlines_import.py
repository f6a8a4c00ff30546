"""Importing notices as admins do (QA): a corrected notice sent again."""
from __future__ import annotations

from pathlib import Path

from bot.views.renderers import RENDERERS
from knowledge.loader import import_file
from knowledge.models import Deadline, Document

SAMPLES = Path(__file__).resolve().parent / "samples"


def test_a_corrected_notice_replaces_the_first_import_and_keeps_unchanged_deadlines(db, tmp_path):
    first = import_file(SAMPLES / "tb_quang_ninh.txt")
    kept = {d.phrase: d.id for d in Deadline.select()}
    corrected = tmp_path / "tb_quang_ninh_dinh_chinh.txt"
    corrected.write_text((SAMPLES / "tb_quang_ninh.txt").read_text(encoding="utf-8")
                         .replace("hạn chót 17h00 ngày 25/12", "hạn chót 17h00 ngày 27/12"), encoding="utf-8")
    second = import_file(corrected)
    assert second.id == first.id and Document.select().count() == 1
    now = {d.phrase: d.id for d in Deadline.select()}
    assert "hạn chót 17h00 ngày 27/12" in now and "hạn chót 17h00 ngày 25/12" not in now
    assert now["trước ngày 5/1/2022"] == kept["trước ngày 5/1/2022"]   # its reminders stay planned
    assert len(now) == len(kept)


def test_notices_without_a_number_are_told_apart_by_their_text(db, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("- Sở Y tế báo cáo trước ngày 20/12/2021.\n", encoding="utf-8")
    b.write_text("- Công an tỉnh duy trì chốt đến hết ngày 31/12/2021.\n", encoding="utf-8")
    assert import_file(a).id != import_file(b).id
    assert import_file(a).id == import_file(a).id


def test_a_deadline_whose_date_changed_under_the_same_words_is_planned_again(db):
    from datetime import datetime, timezone

    from bot.config import load_settings
    from knowledge.loader import save_document
    from scheduler.clock import FakeClock
    from scheduler.pings import Ping
    from scheduler.reminders import ReminderService

    def notice(day):
        return {"key": "imp_test", "number": "7/TB", "date": "2026-11-20", "title": "Thông báo",
                "items": [{"number": "1", "kind": "point", "text": "Sở Y tế báo cáo trước ngày 5/1.",
                           "units": ["health"], "deadlines": [
                               {"date": day, "time": None, "kind": "by", "phrase": "trước ngày 5/1",
                                "task": "Sở Y tế báo cáo", "units": ["health"]}]}]}

    reminders = ReminderService(load_settings(_env_file=None, tz="Asia/Ho_Chi_Minh"), None,
                                FakeClock(datetime(2026, 11, 20, tzinfo=timezone.utc)), renderers=RENDERERS)
    save_document(notice("2026-01-05"))          # the year was misread: already past
    reminders.plan()
    save_document(notice("2027-01-05"))          # corrected
    reminders.plan()
    [deadline] = Deadline.select()
    planned = {p.label: p.fire_at.date().isoformat() for p in Ping.select().where(Ping.deadline == deadline)}
    assert planned["1d"] == "2027-01-04" and planned["digest"] == "2027-01-07"
