"""Deadlines as Vietnamese directives write them, turned into dates.

Notices state deadlines in a handful of set phrases (`chậm nhất đến ngày 30/11/2021`,
`trước tháng 6/2022`, `kể từ 12 giờ 00 ngày 12/8/2021`, `16h chiều mai (2/2)`,
`trước ngày 28 tháng Chạp`, …). Each phrase is one alternative of one regular expression,
so a reader can see every accepted form in one place. Dates without a year, "mai"
(tomorrow) and lunar dates are read relative to the notice date.
"""
from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass
from datetime import date, time, timedelta

# --- Building blocks -----------------------------------------------------------------------
# A date: 30/11/2021, 30-11-2021, 30.11.2021, 30/11, "30 tháng 11 năm 2021".
_DATE = (r"(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})(?:\s*[/.\-]\s*(?P<y>\d{4}))?"
         r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})(?:\s*(?:năm|/)\s*(?P<y2>\d{4}))?")
# A time of day: 16h, 17h30, 17 giờ 30, 12 giờ 00 phút, 9h sáng, 16h chiều.
# Also 17g00 (southern usage), 17h00' with a minute mark, and a comma before "ngày".
_TIME = (r"(?P<hh>\d{1,2})\s*(?:h|giờ|g(?=\d|\s))\s*(?P<mm>\d{2})?(?:\s*(?:phút|'|’))?"
         r"(?:\s+(?P<part>sáng|trưa|chiều|tối))?,?")
# A month: 6/2022, 01/2022, "6 năm 2022".
_MONTH = r"(?P<mon>\d{1,2})\s*(?:/|năm)\s*(?P<mony>\d{4})"
_LUNAR_MONTHS = {"giêng": 1, "chạp": 12}
# A quarter: quý I/2022, quý 2 năm 2022.
_QUARTER = r"quý\s+(?P<q>IV|I{1,3}|[1-4])\s*(?:/|năm)\s*(?P<qy>\d{4})"
_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}

_BY = (r"(?:(?:chậm nhất|muộn nhất|hạn chót|hạn cuối|thời hạn)(?:\s*:)?(?:\s+(?:là|vào))?"
       r"(?:\s+(?:đến hết|đến|trước|trong))?"
       r"|đến hết|hoàn thành trước|xong trước|đến|trước)")

_FORMS = [
    # kể từ 12 giờ 00 ngày 12/8/2021 · từ ngày 16/11/2021 · từ 0 giờ ngày 1/9/2021
    ("from", rf"(?:kể\s+từ|từ)(?:\s+{_TIME})?\s+ngày\s+(?:{_DATE})"),
    ("from", rf"kể\s+từ\s+(?:{_DATE})"),
    # sau ngày 30/8/2021
    ("after", rf"sau\s+ngày\s+(?:{_DATE})"),
    # trước tháng 6/2022 → the last day of May
    ("before_month", rf"trước\s+tháng\s+{_MONTH}"),
    # trong tháng 01/2022 · đến hết tháng 01/2022 → the last day of the month
    ("within_month", rf"(?:trong|đến\s+hết|hết)\s+tháng\s+{_MONTH}"),
    # trước quý III/2022 → the last day of June · trong quý I/2022 → the last day of March
    ("before_quarter", rf"trước\s+{_QUARTER}"),
    ("within_quarter", rf"(?:trong|đến\s+hết|hết)\s+{_QUARTER}"),
    # trước Tết Nguyên đán (Nhâm Dần) → the day before the next lunar new year
    ("before_tet", r"trước\s+(?:dịp\s+)?Tết(?:\s+Nguyên\s+đán)?(?!\s+(?:Dương|Tây))"),
    # trước ngày 28 tháng Chạp (lunar)
    ("lunar", r"(?:trước|đến|chậm nhất)\s+ngày\s+(?P<ld>\d{1,2})\s+tháng\s+"
              r"(?:(?P<lm>Chạp|Giêng)|(?P<ln>\d{1,2})\s+âm\s+lịch)"),
    # hạn chót nộp phương án là ngày 20/01/2022
    ("by", rf"(?:hạn chót|hạn cuối|thời hạn)[^.;:\d]{{0,60}}?\s+ngày\s+(?:{_DATE})"),
    # chậm nhất đến ngày 30/11/2021 · đến hết ngày 31/12 · trước 17h30 ngày 20/12/2021 ·
    # hạn chót 15/01/2022
    ("by", rf"{_BY}(?:\s+{_TIME})?\s+(?:ngày\s+)?(?:{_DATE})"),
    # 16h chiều mai (2/2) · trước 17h hôm nay
    ("relative", rf"(?:trước\s+)?{_TIME}\s+(?:ngày\s+)?(?P<rel>mai|hôm\s+nay|ngày\s+mai)"
                 rf"(?:\s*\((?P<rd>\d{{1,2}})\s*/\s*(?P<rm>\d{{1,2}})\))?"),
]
_PATTERN = re.compile("|".join(f"(?P<f{i}>{body.replace('(?P<', f'(?P<x{i}_')})"
                               for i, (_, body) in enumerate(_FORMS)), re.IGNORECASE)


@dataclass(frozen=True)
class FoundDeadline:
    due: date
    time: time | None
    kind: str             # by | from | after | within_month | before_month
    phrase: str
    start: int            # position of the phrase in the text searched
    end: int


def find_deadlines(text: str, reference: date | None) -> list[FoundDeadline]:
    """Every deadline phrase in `text`, in order. `reference` (the notice date) gives the
    year of dates written without one and the meaning of "mai" and lunar dates."""
    found = []
    for m in _PATTERN.finditer(text):
        i = next(int(k[1:]) for k, v in m.groupdict().items() if v is not None and k[0] == "f")
        kind = _FORMS[i][0]
        g = {k.split("_", 1)[1]: v for k, v in m.groupdict().items() if k.startswith(f"x{i}_")}
        try:
            due, at, kind = _resolve(kind, g, reference)
        except (ValueError, OverflowError):
            continue
        if due is None:
            continue
        found.append(FoundDeadline(due, at, kind, m.group(0), m.start(), m.end()))
    return found


def _resolve(kind: str, g: dict, ref: date | None) -> tuple[date | None, time | None, str]:
    at = _time(g)
    if kind in ("before_quarter", "within_quarter"):
        q = _QUARTERS.get(g["q"].upper()) or int(g["q"])
        first = date(int(g["qy"]), 3 * q - 2, 1)
        if kind == "before_quarter":
            return first - timedelta(days=1), None, "before_month"
        return date(first.year, 3 * q, calendar.monthrange(first.year, 3 * q)[1]), None, "within_month"
    if kind == "before_tet":
        if ref is None:
            return None, None, kind
        return next_lunar_date(1, 1, ref) - timedelta(days=1), None, "by"
    if kind in ("before_month", "within_month"):
        y, mon = int(g["mony"]), int(g["mon"])
        last = date(y, mon, calendar.monthrange(y, mon)[1])
        if kind == "before_month":
            return date(y, mon, 1) - timedelta(days=1), None, kind
        return last, None, kind
    if kind == "lunar":
        if ref is None:
            return None, None, kind
        month = _LUNAR_MONTHS[g["lm"].lower()] if g.get("lm") else int(g["ln"])
        return next_lunar_date(int(g["ld"]), month, ref), at, "by"
    if kind == "relative":
        if ref is None:
            return None, None, kind
        due = ref + timedelta(days=0 if "nay" in g["rel"].lower() else 1)
        if g.get("rd"):  # "(2/2)" spelled out: trust it
            due = _with_year(int(g["rd"]), int(g["rm"]), None, ref)
        return due, at, "by"
    d, m, y = (g.get("d") or g.get("d2")), (g.get("m") or g.get("m2")), (g.get("y") or g.get("y2"))
    return _with_year(int(d), int(m), int(y) if y else None, ref), at, kind


def _time(g: dict) -> time | None:
    if not g.get("hh"):
        return None
    hour, minute = int(g["hh"]), int(g["mm"] or 0)
    if (hour, minute) == (24, 0):     # "trước 24h ngày 31/12": the end of that day
        return time(23, 59)
    if (g.get("part") or "").lower() in ("chiều", "tối") and hour < 12:
        hour += 12
    return time(hour, minute)


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


# --- The Vietnamese lunar calendar (Hồ Ngọc Đức's algorithm, time zone UTC+7) --------------
# Needed for "trước ngày 28 tháng Chạp": Tết deadlines are lunar.

_TZ = 7.0


def _jd_from_date(d: int, m: int, y: int) -> int:
    a = (14 - m) // 12
    y2 = y + 4800 - a
    m2 = m + 12 * a - 3
    return d + (153 * m2 + 2) // 5 + 365 * y2 + y2 // 4 - y2 // 100 + y2 // 400 - 32045


def _jd_to_date(jd: int) -> date:
    a = jd + 32044
    b = (4 * a + 3) // 146097
    c = a - (b * 146097) // 4
    d = (4 * c + 3) // 1461
    e = c - (1461 * d) // 4
    m = (5 * e + 2) // 153
    return date(b * 100 + d - 4800 + m // 10, m + 3 - 12 * (m // 10), e - (153 * m + 2) // 5 + 1)


def _new_moon(k: int) -> float:
    t = k / 1236.85
    t2, t3 = t * t, t * t * t
    dr = math.pi / 180
    jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd1 += 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
    m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3
    mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3
    f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3
    c1 = (0.1734 - 0.000393 * t) * math.sin(m * dr) + 0.0021 * math.sin(2 * dr * m)
    c1 -= 0.4068 * math.sin(mpr * dr) + 0.0161 * math.sin(dr * 2 * mpr)
    c1 -= 0.0004 * math.sin(dr * 3 * mpr)
    c1 += 0.0104 * math.sin(dr * 2 * f) - 0.0051 * math.sin(dr * (m + mpr))
    c1 -= 0.0074 * math.sin(dr * (m - mpr)) + 0.0004 * math.sin(dr * (2 * f + m))
    c1 -= 0.0004 * math.sin(dr * (2 * f - m)) - 0.0006 * math.sin(dr * (2 * f + mpr))
    c1 += 0.0010 * math.sin(dr * (2 * f - mpr)) + 0.0005 * math.sin(dr * (2 * mpr + m))
    if t < -11:
        delta = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        delta = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd1 + c1 - delta


def _new_moon_day(k: int) -> int:
    return int(_new_moon(k) + 0.5 + _TZ / 24)


def _sun_longitude_sector(jdn: int) -> int:
    """Which of the 12 sectors of 30° the sun is in at the start of day `jdn`."""
    t = (jdn - 0.5 - _TZ / 24 - 2451545.0) / 36525
    t2 = t * t
    dr = math.pi / 180
    m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    dl = ((1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(dr * m)
          + (0.019993 - 0.000101 * t) * math.sin(dr * 2 * m) + 0.000290 * math.sin(dr * 3 * m))
    lon = (l0 + dl) * dr
    lon -= math.pi * 2 * int(lon / (math.pi * 2))
    return int(lon / math.pi * 6)


def _lunar_month11(year: int) -> int:
    off = _jd_from_date(31, 12, year) - 2415021
    k = int(off / 29.530588853)
    nm = _new_moon_day(k)
    if _sun_longitude_sector(nm) >= 9:
        nm = _new_moon_day(k - 1)
    return nm


def _leap_month_offset(a11: int) -> int:
    k = int((a11 - 2415021.076998695) / 29.530588853 + 0.5)
    i = 1
    arc = _sun_longitude_sector(_new_moon_day(k + i))
    while True:
        last = arc
        i += 1
        arc = _sun_longitude_sector(_new_moon_day(k + i))
        if arc == last or i >= 14:
            return i - 1


def lunar_to_solar(day: int, month: int, year: int) -> date:
    """The solar date of lunar day/month of lunar `year` (non-leap month)."""
    if month < 11:
        a11, b11 = _lunar_month11(year - 1), _lunar_month11(year)
    else:
        a11, b11 = _lunar_month11(year), _lunar_month11(year + 1)
    k = int(0.5 + (a11 - 2415021.076998695) / 29.530588853)
    off = (month - 11) % 12
    if b11 - a11 > 365 and off >= _leap_month_offset(a11):
        off += 1
    return _jd_to_date(_new_moon_day(k + off) + day - 1)


def next_lunar_date(day: int, month: int, ref: date) -> date:
    """The first lunar day/month falling on or after `ref` (a week of slack: a notice may
    speak of a date that has just passed)."""
    for year in (ref.year - 1, ref.year, ref.year + 1):
        due = lunar_to_solar(day, month, year)
        if due >= ref - timedelta(days=7):
            return due
    raise ValueError("no such lunar date")
