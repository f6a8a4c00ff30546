"""A matched deadline phrase turned into its date (split from knowledge/dates.py).

knowledge/dates.py recognises the phrase; this module gives its day: the last day of a
month, quarter or year, the next occurrence of a recurring duty (knowledge/recurrence.py),
lunar dates and Tết (knowledge/lunar.py), a day written without a year taken near the
notice date, working days counted without weekends. A year outside 1945–2100 is refused
(`DateOutOfRange`): the bot must never plan a reminder for 31/12/9999.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, time, timedelta

from knowledge.lunar import next_lunar_date
from knowledge.recurrence import daily, monthly, next_occurrence, quarter_start, quarterly, weekday_index, weekly, yearly

FIRST_YEAR, LAST_YEAR = 1945, 2100


class DateOutOfRange(ValueError):
    """A deadline outside 1945–2100: a typo or a hostile file, never a real directive."""
    key = "date_range"             # the text shown to the admin (parse.* in texts/)

    def __init__(self, phrase: str, written: str):
        self.phrase, self.written = phrase, written
        super().__init__(f"{phrase!r}: {written} is outside {FIRST_YEAR}–{LAST_YEAR}")


class ImpossibleDate(DateOutOfRange):
    """A deadline on a day no calendar has ("30/02/2027", "32/1/2027"): a typo the admin must
    correct, not a phrase to drop silently (the reminder would never be planned)."""
    key = "date_impossible"

    def __init__(self, phrase: str, written: str):
        ValueError.__init__(self, f"{phrase!r}: {written} is no day of the calendar")
        self.phrase, self.written = phrase, written


# A plan signed a few days after it was drafted may keep a date just passed ("Trước ngày 15/11" in a
# decision of 21/11), a notice may repeat its own task just overdue ("chậm nhất ngày 30/11 đã quá hạn" on
# 10/12); a date more than two weeks before the notice is no deadline of it (knowledge/dates.py): the
# background, or overdue tasks of earlier documents listed again.
PASSED_DAYS = 14


def sane_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when there is no such day; DateOutOfRange outside 1945–2100."""
    try:
        value = date(year, month, day)
    except (ValueError, OverflowError):
        return None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateOutOfRange("", f"{day:02d}/{month:02d}/{year}")
    return value


_LUNAR_MONTHS = {"giêng": 1, "chạp": 12}
_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}
RECURRING = ("monthly", "weekly", "yearly", "daily", "quarterly", "open_recurring")
RELATIVE = ("relative", "week_day", "before_tet", "lunar", "lunar_month", "within_days", "this_year", "this_month", "before_new_year")
_WEEKS = {"đầu": 1, "tiên": 1, "nhất": 1, "hai": 2, "2": 2, "ba": 3, "3": 3}
EVENTS = ("from", "after", "on")


def resolve(kind: str, g: dict, ref: date | None) -> tuple[date | None, time | None, str, str | None]:
    at = _time(g)
    if kind in RECURRING:
        if ref is None:
            return None, None, kind, None
        if kind == "monthly":
            rule = monthly(int(g["md"]))
        elif kind == "quarterly":
            rule = quarter_start(int(g["qn"])) if g.get("qn") else quarterly(int(g["qd"]))
        elif kind == "weekly":
            rule = weekly(g["wd"])
            at = at or _part_time(g.get("wpart"))
        elif kind == "yearly":
            rule = yearly(int(g["ym"]), int(g["yd"]))
        elif kind == "open_recurring":              # no day named: by the end of each year / quarter / month, and
            per = (g["per"] or g["per2"]).lower() if "per2" in g else g["per"].lower()   # a week's report by Friday
            rule = yearly(12, 31) if per == "năm" else monthly(31) if per == "tháng" else \
                weekly("thứ sáu") if per == "tuần" else quarterly(31)
        else:
            rule, first = daily(), None
            if g.get("rs"):
                last = _range_date(g["re"], None)
                first = _range_date(g["rs"], last)
                rule = daily(until=last)
            due = next_occurrence(rule, ref)
            if first is not None and first > due:
                due = first
            return due, at, "by", rule
        return next_occurrence(rule, ref), at, "by", rule
    if kind in ("before_quarter", "within_quarter"):
        q = _QUARTERS.get(g["q"].upper()) or int(g["q"])
        year = _year(g.get("qy"), ref)
        if year is None:
            return None, None, kind, None
        if not g.get("qy") and ref is not None and 3 * q < ref.month - 6:
            year += 1                                  # "trong quý I" in a November notice, as for months
        first = date(year, 3 * q - 2, 1)
        if kind == "before_quarter":
            return first - timedelta(days=1), None, "before_month", None
        return date(year, 3 * q, calendar.monthrange(year, 3 * q)[1]), None, "within_month", None
    if kind == "half_year":
        year = _checked_year(int(g["hy"]))
        return (date(year, 6, 30) if g["half"].lower() == "đầu" else date(year, 12, 31)), None, "within_month", None
    if kind == "year_opening":
        kind = "within_year"
    if kind == "this_year":                         # "hoàn thành trong năm nay": the notice's own year
        return (date(ref.year, 12, 31), None, "within_year", None) if ref else (None, None, kind, None)
    if kind == "this_month":                        # "trước ngày 25 tháng này", "trong tháng này": the notice's month
        if ref is None:
            return None, None, kind, None
        if g.get("tmd"):
            return date(ref.year, ref.month, int(g["tmd"])), at, "by", None
        return date(ref.year, ref.month, calendar.monthrange(ref.year, ref.month)[1]), None, "within_month", None
    if kind == "before_new_year":                   # "trước Tết Dương lịch 2026": 31 December before it
        year = _checked_year(int(g["ny"])) - 1 if g.get("ny") else (ref.year if ref else None)
        return (date(year, 12, 31), None, "by", None) if year else (None, None, kind, None)
    if kind == "week_of_month":                     # "trong tuần đầu tháng 12/2025": by that week's seventh day
        year = _year(g.get("mony"), ref)
        if year is None:
            return None, None, kind, None
        week = _WEEKS.get(g["wk"].lower().split()[-1], 1)
        return date(year, int(g["mon"]), 7 * week), None, "by", None
    if kind in ("within_year", "before_year"):
        year = _checked_year(int(g["wy"]))
        return (date(year, 12, 31) if kind == "within_year" else date(year - 1, 12, 31)), None, kind, None
    if kind == "before_tet":
        if ref is None:
            return None, None, kind, None
        return next_lunar_date(1, 1, ref) - timedelta(days=1), None, "by", None
    if kind in ("before_month", "within_month", "session_month"):
        kind = "within_month" if kind == "session_month" else kind
        mon = int(g["mon"])
        year = _year(g.get("mony"), ref)
        if year is None:
            return None, None, kind, None
        if not g.get("mony") and ref is not None and mon < ref.month - 6:
            year += 1                                  # "trong tháng 1" in a December notice
        if kind == "before_month":
            return date(year, mon, 1) - timedelta(days=1), None, kind, None
        return date(year, mon, calendar.monthrange(year, mon)[1]), None, kind, None
    if kind == "lunar":
        if ref is None:
            return None, None, kind, None
        month = _LUNAR_MONTHS[g["lm"].lower()] if g.get("lm") else int(g["ln"])
        day = 15 if g["ld"].lower() == "rằm" else int(g["ld"])
        return next_lunar_date(day, month, ref), at, "by", None
    if kind == "lunar_month":                       # "trong tháng 11 âm lịch": by the day before the next month's
        if ref is None:                             # first day; "trước tháng Chạp": the day before its first
            return None, None, kind, None
        month = _LUNAR_MONTHS[g["lmn"].lower()] if g.get("lmn") else int(g["lmo"])
        if not 1 <= month <= 12:
            return None, None, kind, None
        if g.get("lbefore"):
            return next_lunar_date(1, month, ref) - timedelta(days=1), None, "before_month", None
        return next_lunar_date(1, month % 12 + 1, ref) - timedelta(days=1), None, "within_month", None
    if kind == "week_day":                          # "trước thứ Sáu tuần này", "chậm nhất thứ Hai tuần sau"
        if ref is None:
            return None, None, kind, None
        if g.get("rd"):                             # "(27/11)" spelled out: trust it
            return _with_year(int(g["rd"]), int(g["rm"]), None, ref), at or _part_time(g.get("wpart")), "by", None
        monday = ref - timedelta(days=ref.weekday())
        later = 0 if g["wk"].lower() == "này" else 7
        return monday + timedelta(days=later + weekday_index(g["wd"])), at or _part_time(g.get("wpart")), "by", None
    if kind == "within_days":
        if ref is None:
            return None, None, kind, None
        if g.get("nh"):                             # "trong vòng 24 giờ": the day 24 hours after it, "2 giờ" that day
            return ref + timedelta(days=int(g["nh"]) // 24), None, "by", None
        return _add_days(ref, int(g["nd"]), bool(g.get("work"))), None, "by", None
    if kind == "relative":
        if ref is None:
            return None, None, kind, None
        due = ref + timedelta(days=0 if "nay" in g["rel"].lower() else 1)
        if g.get("rd"):  # "(2/2)" spelled out: trust it
            due = _with_year(int(g["rd"]), int(g["rm"]), None, ref)
        return due, at, "by", None
    d, m, y = (g.get("d") or g.get("d2")), (g.get("m") or g.get("m2")), (g.get("y") or g.get("y2"))
    due = _with_year(int(d), int(m), _checked_year(int(y)) if y else None, ref)
    if not y and kind == "by" and due is not None and ref is not None and ref.year == due.year and due < ref:
        # "trước ngày 15/9" in a notice of 22/9: next September (a January notice's "28/12" looks back at
        # the year just ended: that one stays; tests/test_parser_unseen.py)
        due = date(due.year + 1, due.month, due.day)
    return due, at, kind, None


def _add_days(start: date, days: int, working: bool) -> date:
    """`days` days after `start`; working days skip Saturdays and Sundays."""
    if not working:
        return start + timedelta(days=days)
    due = start
    while days > 0:
        due += timedelta(days=1)
        days -= due.weekday() < 5
    return due


def written(g: dict) -> str:
    """The day, month and year as the phrase wrote them."""
    return "/".join(g.get(a) or g.get(b) or "" for a, b in (("d", "d2"), ("m", "m2"), ("y", "y2")))


def _range_date(written: str, end: date | None) -> date:
    """"29/4" or "04/5/2025" of a period; a day without a year takes the end's year."""
    parts = [int(p) for p in re.findall(r"\d+", written)]
    year = _checked_year(parts[2]) if len(parts) > 2 else (end.year if end else None)
    if year is None:
        raise ValueError("no year")
    return date(year, parts[1], parts[0])


def _year(written: str | None, ref: date | None) -> int | None:
    if written:
        return _checked_year(int(written))
    return ref.year if ref else None


def _checked_year(year: int) -> int:
    """A year a deadline gives; outside the sane window it is refused, not planned."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateOutOfRange("", str(year))
    return year


def _time(g: dict) -> time | None:
    if not g.get("hh"):
        return None
    hour, minute = int(g["hh"]), int(g["mm"] or 0)
    if (hour, minute) == (24, 0):     # "trước 24h ngày 31/12": the end of that day
        return time(23, 59)
    if (g.get("part") or "").lower() in ("chiều", "tối") and hour < 12:
        hour += 12
    return time(hour, minute)


def _part_time(part: str | None) -> time | None:
    """"sáng thứ Bảy": the morning ends at noon, the afternoon at 17:00."""
    return {"sáng": time(11, 30), "trưa": time(13, 0), "chiều": time(17, 0)}.get((part or "").lower())


def _with_year(d: int, m: int, y: int | None, ref: date | None) -> date | None:
    """A day and month without a year take the notice's year, or the year that puts the
    date within half a year of the notice (a December notice about 5/1, a January one
    about 28/12)."""
    if y is not None:
        return date(y, m, d)
    if ref is None:
        return None
    due = date(ref.year, m, d)
    if (ref - due).days > 182:
        due = date(ref.year + 1, m, d)
    elif (due - ref).days > 182:
        due = date(ref.year - 1, m, d)
    return due
