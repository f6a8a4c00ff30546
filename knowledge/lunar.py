"""The Vietnamese lunar calendar (âm lịch): Hồ Ngọc Đức's algorithm at UTC+7.

Needed for deadlines such as "trước ngày 28 tháng Chạp" and "ngày 15 tháng 7 âm lịch". The
Vietnamese calendar is the Chinese one computed for Hanoi's meridian (UTC+7, not Beijing's
UTC+8), so a few months start a day apart from Chinese tables (e.g. Tết 1985, 2007).

This is a line-by-line transcription of his published reference implementation
(https://www.informatik.uni-leipzig.de/~duc/amlich/, "amlich-hnd.js"); INT() there is
Math.floor. tests/test_lunar.py compares every month start of 1900–2100 with the `lunar-vn`
package, an independent transcription.
"""
from __future__ import annotations

import math
from datetime import date, timedelta

TIME_ZONE = 7.0
_EPOCH = 2415021.076998695        # the new moon of 1900-01-01 (Julian day)
_SYNODIC = 29.530588853


def jd_from_date(d: int, m: int, y: int) -> int:
    a = (14 - m) // 12
    y2 = y + 4800 - a
    m2 = m + 12 * a - 3
    jd = d + (153 * m2 + 2) // 5 + 365 * y2 + y2 // 4 - y2 // 100 + y2 // 400 - 32045
    if jd < 2299161:                                   # before the Gregorian reform
        jd = d + (153 * m2 + 2) // 5 + 365 * y2 + y2 // 4 - 32083
    return jd


def jd_to_date(jd: int) -> date:
    if jd > 2299160:
        a = jd + 32044
        b = (4 * a + 3) // 146097
        c = a - (b * 146097) // 4
    else:
        b = 0
        c = jd + 32082
    d = (4 * c + 3) // 1461
    e = c - (1461 * d) // 4
    m = (5 * e + 2) // 153
    return date(b * 100 + d - 4800 + m // 10, m + 3 - 12 * (m // 10), e - (153 * m + 2) // 5 + 1)


def new_moon(k: int) -> float:
    """Julian day of the k-th new moon after 1900-01-01 (Meeus' approximation)."""
    t = k / 1236.85
    t2 = t * t
    t3 = t2 * t
    dr = math.pi / 180
    jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3
    jd1 = jd1 + 0.00033 * math.sin((166.56 + 132.87 * t - 0.009173 * t2) * dr)
    m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3         # sun's mean anomaly
    mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3     # moon's mean anomaly
    f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3        # moon's latitude argument
    c1 = (0.1734 - 0.000393 * t) * math.sin(m * dr) + 0.0021 * math.sin(2 * dr * m)
    c1 = c1 - 0.4068 * math.sin(mpr * dr) + 0.0161 * math.sin(dr * 2 * mpr)
    c1 = c1 - 0.0004 * math.sin(dr * 3 * mpr)
    c1 = c1 + 0.0104 * math.sin(dr * 2 * f) - 0.0051 * math.sin(dr * (m + mpr))
    c1 = c1 - 0.0074 * math.sin(dr * (m - mpr)) + 0.0004 * math.sin(dr * (2 * f + m))
    c1 = c1 - 0.0004 * math.sin(dr * (2 * f - m)) - 0.0006 * math.sin(dr * (2 * f + mpr))
    c1 = c1 + 0.0010 * math.sin(dr * (2 * f - mpr)) + 0.0005 * math.sin(dr * (2 * mpr + m))
    if t < -11:
        deltat = 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
    else:
        deltat = -0.000278 + 0.000265 * t + 0.000262 * t2
    return jd1 + c1 - deltat


def sun_longitude(jdn: float) -> float:
    """The sun's ecliptic longitude (radians, 0..2π) at Julian day jdn."""
    t = (jdn - 2451545.0) / 36525
    t2 = t * t
    dr = math.pi / 180
    m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2
    l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2
    dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * math.sin(dr * m)
    dl = dl + (0.019993 - 0.000101 * t) * math.sin(dr * 2 * m) + 0.000290 * math.sin(dr * 3 * m)
    lon = (l0 + dl) * dr
    return lon - math.pi * 2 * math.floor(lon / (math.pi * 2))


def _new_moon_day(k: int) -> int:
    return math.floor(new_moon(k) + 0.5 + TIME_ZONE / 24)


def _sun_sector(day_number: int) -> int:
    """Which of the 12 sectors of 30° the sun is in at local midnight of that day."""
    return math.floor(sun_longitude(day_number - 0.5 - TIME_ZONE / 24) / math.pi * 6)


def _lunar_month11(year: int) -> int:
    """Day number of the start of lunar month 11 (the one with the winter solstice)."""
    off = jd_from_date(31, 12, year) - 2415021
    k = math.floor(off / _SYNODIC)
    nm = _new_moon_day(k)
    if _sun_sector(nm) >= 9:
        nm = _new_moon_day(k - 1)
    return nm


def _leap_month_offset(a11: int) -> int:
    k = math.floor((a11 - _EPOCH) / _SYNODIC + 0.5)
    i = 1
    arc = _sun_sector(_new_moon_day(k + i))
    while True:
        last = arc
        i += 1
        arc = _sun_sector(_new_moon_day(k + i))
        if arc == last or i >= 14:
            return i - 1


def leap_month(year: int) -> int | None:
    """The leap month of a lunar year (numbered as the month it repeats), or None."""
    a11, b11 = _lunar_month11(year - 1), _lunar_month11(year)
    if b11 - a11 <= 365:
        return None
    month = (_leap_month_offset(a11) - 2) % 12
    return month or 12


def lunar_to_solar(day: int, month: int, year: int, leap: bool = False) -> date:
    """The solar date of a lunar day; ValueError for a leap month the year does not have."""
    if month < 11:
        a11, b11 = _lunar_month11(year - 1), _lunar_month11(year)
    else:
        a11, b11 = _lunar_month11(year), _lunar_month11(year + 1)
    k = math.floor(0.5 + (a11 - _EPOCH) / _SYNODIC)
    off = month - 11
    if off < 0:
        off += 12
    if b11 - a11 > 365:
        leap_off = _leap_month_offset(a11)
        leap_m = leap_off - 2
        if leap_m < 0:
            leap_m += 12
        if leap and month != leap_m:
            raise ValueError(f"lunar year {year} has no leap month {month}")
        if leap or off >= leap_off:
            off += 1
    elif leap:
        raise ValueError(f"lunar year {year} has no leap month")
    return jd_to_date(_new_moon_day(k + off) + day - 1)


def next_lunar_date(day: int, month: int, ref: date) -> date:
    """The first lunar day/month falling on or after `ref` (a week of slack: a notice may
    speak of a date that has just passed)."""
    for year in (ref.year - 1, ref.year, ref.year + 1):
        due = lunar_to_solar(day, month, year)
        if due >= ref - timedelta(days=7):
            return due
    raise ValueError("no such lunar date")
