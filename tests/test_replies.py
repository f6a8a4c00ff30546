"""What an answer and a deadline line say: passed times, quarters, recurring duties, plurals,
labels with what follows them, the console's /full and unit names."""
from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from knowledge.deadlines import DeadlineRow, current_occurrences, ics_rrule, shown_kind
from knowledge.quotes import whole_sentence
from knowledge.search import DeadlineInfo
from texts import t

HCM = ZoneInfo("Asia/Ho_Chi_Minh")


def test_english_singular():
    assert t("en", "deadlines.left_days", n=1) == "1 day left"
    assert t("en", "answer.more_deadlines", n=1).startswith("⏰ … and 1 more deadline ")
    assert t("en", "answer.more_deadlines", n=2).startswith("⏰ … and 2 more deadlines")


def test_quarter_is_not_a_month():
    assert shown_kind("within_month", "trong quý II/2026") == "within_quarter"
    assert shown_kind("within_month", "trong tháng 6/2026") == "within_month"


def test_recurring_shows_next_occurrence_and_time_passed_today():
    now = datetime(2026, 11, 24, 21, 16, tzinfo=HCM)
    monthly = DeadlineInfo(date(2024, 3, 25), None, "by", "trước ngày 25 hằng tháng",
                           recurrence="FREQ=MONTHLY;BYMONTHDAY=25")
    once = DeadlineInfo(date(2026, 11, 24), time(10, 0), "by", "trước 10 giờ")
    got = current_occurrences([monthly, once], HCM, now, keep_past=False)
    assert [d.due_date for d in got] == [date(2026, 11, 24), date(2026, 11, 25)]


def test_ics_rule_keeps_the_last_day_of_short_months():
    row = DeadlineRow(id=1, due_date=date(2026, 1, 31), due_time=None, kind="by", phrase="trước ngày 31 hằng tháng",
                      task="", task_en="", units=(), document_key="k", document_number=None, document_title="t",
                      item_id=1, item_number="1", item_position=1, recurrence="FREQ=MONTHLY;BYMONTHDAY=31")
    assert ics_rrule(row, HCM) == "RRULE:FREQ=MONTHLY;BYMONTHDAY=28,29,30,31;BYSETPOS=-1"


def test_sentence_broken_by_a_line_is_quoted_whole():
    text = "Các ban quản lý dự án hoàn thiện thủ tục\nđể khởi công dịp 19/8/2025. Việc khác."
    assert whole_sentence(text, "để khởi công dịp 19/8/2025.") == \
        "Các ban quản lý dự án hoàn thiện thủ tục để khởi công dịp 19/8/2025."


def test_an_hour_gone_today_is_not_listed_as_upcoming(db):
    """'trước 10 giờ' of today, listed at 22:00: past (it shows with --all), not upcoming."""
    from datetime import datetime, time as dtime
    from zoneinfo import ZoneInfo

    from knowledge.deadlines import list_deadlines
    from knowledge.loader import ensure_seeded
    from knowledge.models import Deadline

    ensure_seeded()
    zone = ZoneInfo("Asia/Ho_Chi_Minh")
    deadline = Deadline.select().where(Deadline.recurrence == "").first()
    day = deadline.due_date
    Deadline.update(due_time=dtime(10, 0)).where(Deadline.id == deadline.id).execute()
    evening = datetime.combine(day, dtime(22, 0), tzinfo=zone)
    morning = datetime.combine(day, dtime(8, 0), tzinfo=zone)
    upcoming = {r.id for r in list_deadlines(zone, now=evening)}
    assert deadline.id not in upcoming
    assert deadline.id in {r.id for r in list_deadlines(zone, now=morning)}
    assert deadline.id in {r.id for r in list_deadlines(zone, include_past=True, now=evening)}
