"""The deadline list, the iCalendar feed and the recognition of deadline-list requests."""
from __future__ import annotations

from datetime import date, datetime, time, timezone
from zoneinfo import ZoneInfo

import pytest

from knowledge.deadlines import list_deadlines, parse_deadline_query, render_ics
from tests.test_pings import make_deadline

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
TODAY = date(2026, 11, 25)        # a Wednesday


@pytest.fixture
def three(db):
    make_deadline(date(2026, 11, 20), task="Đã qua", units=("health",))
    make_deadline(date(2026, 11, 27), task="Tuần này", units=("schools",), due_time=time(16, 0))
    make_deadline(date(2026, 12, 15), task="Tháng sau", units=("health", "enterprises"))


def tasks(rows):
    return [r.task for r in rows]


def test_list_is_upcoming_soonest_first_with_filters(three):
    assert tasks(list_deadlines(HCM, today=TODAY)) == ["Tuần này", "Tháng sau"]
    assert tasks(list_deadlines(HCM, today=TODAY, include_past=True)) == ["Đã qua", "Tuần này", "Tháng sau"]
    assert tasks(list_deadlines(HCM, today=TODAY, unit="health")) == ["Tháng sau"]
    assert tasks(list_deadlines(HCM, today=TODAY, period="week")) == ["Tuần này"]
    assert tasks(list_deadlines(HCM, today=TODAY, period="month")) == ["Tuần này"]
    row = list_deadlines(HCM, today=TODAY, unit="enterprises")[0]
    assert row.to_json()["units"] == ["health", "enterprises"]
    assert row.to_json()["document"]["number"] == "102-TB/VPTU" and row.to_json()["item"]["number"] == "2"


def test_a_deadline_naming_no_unit_is_only_in_the_full_list(db):
    # the same rule as reminders: it goes to the groups subscribed to "all"
    make_deadline(date(2026, 12, 1), task="Không rõ đơn vị", units=())
    assert tasks(list_deadlines(HCM, today=TODAY)) == ["Không rõ đơn vị"]
    assert tasks(list_deadlines(HCM, today=TODAY, unit="police")) == []


def test_ics_events_are_all_day_or_timed_with_tzid_folded_and_escaped(three):
    rows = list_deadlines(HCM, include_past=True, today=TODAY)
    stamp = datetime(2026, 11, 25, 1, 2, 3, tzinfo=timezone.utc)
    ics = render_ics(rows, HCM, stamp=stamp)
    lines = ics.split("\r\n")
    assert ics.endswith("\r\n") and "\n" not in ics.replace("\r\n", "")
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    unfolded = ics.replace("\r\n ", "")
    assert "DTSTART;VALUE=DATE:20261120\r\nDTEND;VALUE=DATE:20261121" in unfolded
    assert "DTSTART;TZID=Asia/Ho_Chi_Minh:20261127T160000" in unfolded
    assert "BEGIN:VTIMEZONE\r\nTZID:Asia/Ho_Chi_Minh" in unfolded
    assert "DTSTAMP:20261125T010203Z" in unfolded and "SUMMARY:Tuần này" in unfolded
    assert "DESCRIPTION:trước ngày 27/11/2026\\nNguồn: 102-TB/VPTU\\, mục 2" in unfolded
    uids = [line for line in unfolded.split("\r\n") if line.startswith("UID:")]
    assert len(set(uids)) == 3
    assert render_ics(rows, HCM, stamp=stamp) == ics          # UIDs are stable


def test_ics_folding_never_splits_a_vietnamese_character(db):
    make_deadline(date(2026, 12, 1), task="Triển khai đồng bộ, quyết liệt các giải pháp phòng, chống dịch " * 4)
    ics = render_ics(list_deadlines(HCM, today=TODAY), HCM)
    ics.encode("utf-8").decode("utf-8")
    for line in ics.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    assert "Triển khai đồng bộ\\, quyết liệt" in ics.replace("\r\n ", "")


def test_a_zone_with_daylight_saving_gets_utc_times(db):
    make_deadline(date(2026, 7, 1), due_time=time(9, 0))
    ics = render_ics(list_deadlines(ZoneInfo("Europe/Paris"), include_past=True, today=TODAY),
                     ZoneInfo("Europe/Paris"))
    assert "DTSTART:20260701T070000Z" in ics and "VTIMEZONE" not in ics


@pytest.mark.parametrize("text, period, unit, lang", [
    ("hạn chót tuần này", "week", None, "vi"),
    ("han chot tuan nay", "week", None, "vi"),
    ("Hạn chót tuần này?", "week", None, "vi"),
    ("what is due this week?", "week", None, "en"),
    ("deadlines for schools", None, "schools", "en"),
    ("hạn chót của trường học tháng này", "month", "schools", "vi"),
    ("các hạn chót sắp tới", None, None, "vi"),
    ("thời hạn ngày mai của y tế", "tomorrow", "health", "vi"),
])
def test_deadline_list_requests_are_recognised(text, period, unit, lang):
    query = parse_deadline_query(text)
    assert query is not None
    assert (query.period, query.unit, query.lang) == (period, unit, lang)


@pytest.mark.parametrize("text", [
    "Trạm y tế phải có bác sĩ trước ngày nào?",
    "Hạn chót tiêm vắc xin mũi 2 cho người trên 65 tuổi là khi nào?",
    "hạn chế đi lại",
    "What is the deadline for health stations to have a doctor?",
    "xin chào",
])
def test_questions_about_a_directive_are_left_to_search(text):
    assert parse_deadline_query(text) is None


def test_week_runs_to_sunday():
    assert parse_deadline_query("hạn chót tuần này").dates(TODAY) == (TODAY, date(2026, 11, 29))
    assert parse_deadline_query("deadlines next week").dates(TODAY) == (date(2026, 11, 30), date(2026, 12, 6))


def test_a_recurring_duty_is_one_line_of_the_full_list_and_one_calendar_event(db):
    """A yearly duty whose stored occurrence has passed (the bot rolls a copy forward) is
    listed once, at its next occurrence, even with past deadlines shown."""
    from knowledge.models import Deadline

    first = make_deadline(date(2025, 12, 15), task="Báo cáo xếp loại hằng năm")
    Deadline.update(recurrence="FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15").where(Deadline.id == first.id).execute()
    rows = list_deadlines(HCM, today=TODAY, include_past=True)
    assert [(r.task, r.due_date) for r in rows] == [("Báo cáo xếp loại hằng năm", date(2026, 12, 15))]
    assert render_ics(rows, HCM).count("BEGIN:VEVENT") == 1
