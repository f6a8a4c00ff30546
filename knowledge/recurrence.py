"""Recurring duties: "trước ngày 20 hằng tháng", "sáng thứ Bảy hằng tuần", "hằng năm".

A recurring deadline is stored as one Deadline row per occurrence: the row carries the rule
(an iCalendar RRULE subset, e.g. "FREQ=MONTHLY;BYMONTHDAY=20") and the date of its next
occurrence. When that date has passed, `roll_recurring` adds the row of the following
occurrence (with the same task and units) and leaves the passed one as it was, with its
reminders and the groups' "received"/"done" — so each month's duty is reminded and
acknowledged on its own. The reminder service calls it at every resync (`ReminderService.resync`,
scheduler/reminders.py).

Written by hand rather than with dateutil.rrule: a duty "before the 31st of every month" must
fall on the last day of a shorter month, where RFC 5545 (and rrule) skip the month.
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta

from knowledge.text import fold

_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_VIETNAMESE_DAYS = {"thu hai": "MO", "thu 2": "MO", "thu ba": "TU", "thu 3": "TU", "thu tu": "WE", "thu 4": "WE",
                    "thu nam": "TH", "thu 5": "TH", "thu sau": "FR", "thu 6": "FR", "thu bay": "SA", "thu 7": "SA",
                    "chu nhat": "SU"}


def daily(until: date | None = None) -> str:
    """Every day; `until` the last day of a bounded period ("từ 29/4 - 04/5/2025")."""
    return "FREQ=DAILY" + (f";UNTIL={until:%Y%m%d}" if until else "")


def weekly(weekday: str) -> str:
    """`weekday` as written: "thứ Bảy", "thứ 7", "chủ nhật"."""
    return f"FREQ=WEEKLY;BYDAY={_VIETNAMESE_DAYS[' '.join(fold(weekday).split())]}"


def weekday_index(weekday: str) -> int:
    """`weekday` as written ("thứ Sáu", "thứ 6", "chủ nhật"): 0 for Monday … 6 for Sunday."""
    return ["MO", "TU", "WE", "TH", "FR", "SA", "SU"].index(_VIETNAMESE_DAYS[' '.join(fold(weekday).split())])


def monthly(day: int) -> str:
    if not 1 <= day <= 31:
        raise ValueError(f"no day {day} in a month")
    return f"FREQ=MONTHLY;BYMONTHDAY={day}"


def quarterly(day: int) -> str:
    """On a day of the last month of each quarter."""
    if not 1 <= day <= 31:
        raise ValueError(f"no day {day} in a month")
    return f"FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY={day}"


def quarter_start(day: int) -> str:
    """On a day of the first month of each quarter: a quarter's report "trước ngày 10 của tháng đầu quý sau"."""
    if not 1 <= day <= 31:
        raise ValueError(f"no day {day} in a month")
    return f"FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY={day}"


def yearly(month: int, day: int) -> str:
    date(2024, month, day)                              # ValueError for 31/4, 30/2
    return f"FREQ=YEARLY;BYMONTH={month};BYMONTHDAY={day}"


def _parts(rule: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in rule.split(";") if "=" in part)


def until(rule: str) -> date | None:
    """The last day of a bounded duty, None for one without an end."""
    value = _parts(rule).get("UNTIL")
    return date(int(value[:4]), int(value[4:6]), int(value[6:8])) if value else None


def next_occurrence(rule: str, after: date) -> date:
    """The first day strictly after `after` on which the duty falls due (its end is not
    checked here: see `until`)."""
    p = _parts(rule)
    freq = p.get("FREQ")
    if freq == "DAILY":
        return after + timedelta(days=1)
    if freq == "WEEKLY":
        target = _DAYS.index(p["BYDAY"])
        return after + timedelta(days=(target - after.weekday() - 1) % 7 + 1)
    day = int(p["BYMONTHDAY"])
    months = [int(m) for m in p["BYMONTH"].split(",")] if "BYMONTH" in p else list(range(1, 13))
    if freq not in ("MONTHLY", "YEARLY"):
        raise ValueError(f"unsupported rule {rule!r}")
    year, month = after.year, after.month
    for _ in range(13 * 2):
        if month in months:
            due = date(year, month, min(day, calendar.monthrange(year, month)[1]))
            if due > after:
                return due
        month += 1
        if month > 12:
            year, month = year + 1, 1
    raise ValueError(f"no occurrence of {rule!r}")


_LONGEST_GAP = {"DAILY": 1, "WEEKLY": 7, "MONTHLY": 62, "YEARLY": 366}     # days between occurrences, at most


def previous_occurrence(rule: str, before: date) -> date:
    """The last day strictly before `before` on which the duty fell due (its start is not
    checked here: the caller knows when the notice was issued)."""
    day = before - timedelta(days=_LONGEST_GAP.get(_parts(rule).get("FREQ", ""), 366) + 1)
    while (following := next_occurrence(rule, day)) < before:
        day = following
    return day


def describe(rule: str, lang: str = "vi") -> str:
    """A few words for people: "hằng tháng, ngày 20" / "monthly, day 20"."""
    p = _parts(rule)
    freq = p.get("FREQ")
    vi = lang == "vi"
    if freq == "DAILY":
        end = until(rule)
        if end:
            return f"hằng ngày đến {end:%d/%m/%Y}" if vi else f"daily until {end:%d/%m/%Y}"
        return "hằng ngày" if vi else "daily"
    if freq == "WEEKLY":
        names = (("thứ Hai", "Monday"), ("thứ Ba", "Tuesday"), ("thứ Tư", "Wednesday"), ("thứ Năm", "Thursday"),
                 ("thứ Sáu", "Friday"), ("thứ Bảy", "Saturday"), ("Chủ nhật", "Sunday"))[_DAYS.index(p["BYDAY"])]
        return f"{names[0]} hằng tuần" if vi else f"every {names[1]}"
    if p.get("BYMONTH") == "1,4,7,10":
        return f"ngày {p['BYMONTHDAY']} tháng đầu quý" if vi else f"quarterly, day {p['BYMONTHDAY']} of its first month"
    if "BYMONTH" in p and "," in p["BYMONTH"]:
        return f"ngày {p['BYMONTHDAY']} tháng cuối quý" if vi else f"quarterly, day {p['BYMONTHDAY']}"
    if freq == "YEARLY":
        return f"ngày {p['BYMONTHDAY']}/{p['BYMONTH']} hằng năm" if vi else f"yearly, {p['BYMONTHDAY']}/{p['BYMONTH']}"
    if p.get("BYMONTHDAY") == "31":                     # "báo cáo … hằng tháng" with no day: each month's last day
        return "cuối mỗi tháng" if vi else "monthly, by the month's end"
    return f"ngày {p['BYMONTHDAY']} hằng tháng" if vi else f"monthly, day {p['BYMONTHDAY']}"


def roll_recurring(today: date) -> int:
    """For every recurring deadline whose date has passed (before `today`), add the row of
    its next occurrence on or after `today` — once: the passed row keeps its rule but is no
    longer the series' latest. Returns the rows added. Cheap when nothing is due: one query."""
    from knowledge.db import database
    from knowledge.models import Deadline, DeadlineUnit

    passed = list(Deadline.select().where(Deadline.recurrence != "", Deadline.due_date < today))
    if not passed:
        return 0
    latest: dict[tuple, Deadline] = {}
    series = Deadline.select().where(Deadline.recurrence != "",
                                     Deadline.item.in_(sorted({d.item_id for d in passed})))
    for d in series:
        key = (d.item_id, d.phrase, d.recurrence)
        if key not in latest or (d.due_date, d.id) > (latest[key].due_date, latest[key].id):
            latest[key] = d
    added = 0
    with database.atomic():
        for d in latest.values():
            if d.due_date >= today:
                continue
            due = d.due_date
            while due < today:
                due = next_occurrence(d.recurrence, due)
            last = until(d.recurrence)
            if last is not None and due > last:
                continue                                # a bounded duty that has ended
            row = Deadline.create(item=d.item_id, due_date=due, due_time=d.due_time, kind=d.kind, phrase=d.phrase,
                                  task=d.task, task_en=d.task_en, recurrence=d.recurrence)
            units = [link.unit_id for link in DeadlineUnit.select(DeadlineUnit.unit)
                     .where(DeadlineUnit.deadline == d.id).order_by(DeadlineUnit.id)]
            if units:
                DeadlineUnit.insert_many([{"deadline": row.id, "unit": u} for u in units]).execute()
            added += 1
    return added
