"""The Vietnamese lunar calendar (knowledge/lunar.py) against an independent transcription of
Hồ Ngọc Đức's algorithm, the `lunar-vn` package (UTC+7): every month start of 1900–2100,
leap months included."""
from __future__ import annotations

from datetime import date, timedelta

import lunar_vn
import pytest

from knowledge.dates import find_deadlines
from knowledge.lunar import leap_month, lunar_to_solar, next_lunar_date


def test_every_lunar_month_start_1900_2100_matches_the_reference():
    day, end = date(1900, 1, 31), date(2100, 12, 31)
    starts = leaps = 0
    wrong = []
    while day <= end:
        lunar = lunar_vn.solar_to_lunar(day)
        if lunar.day != 1:
            day += timedelta(days=1)
            continue
        starts += 1
        leaps += lunar.leap
        if lunar_to_solar(1, lunar.month, lunar.year, lunar.leap) != day:
            wrong.append((lunar.year, lunar.month, lunar.leap, day))
        day += timedelta(days=28)                  # the next month starts 29 or 30 days later
    assert not wrong
    assert starts > 2400 and leaps > 70            # 201 years: ~2486 months, ~74 of them leap


@pytest.mark.parametrize("year, month", [(2008, 11), (2015, 10), (2023, 2), (2026, 7), (2035, 7), (2039, 5),
                                         (2044, 7), (2045, 2), (2051, 2), (2057, 4)])
def test_the_months_the_old_sign_errors_moved(year, month):
    assert lunar_to_solar(1, month, year) == lunar_vn.convert_lunar_to_solar(1, month, year, 0)


def test_leap_months_and_tet():
    assert leap_month(2023) == 2 and leap_month(2025) == 6 and leap_month(2024) is None
    assert lunar_to_solar(1, 2, 2023, leap=True) == date(2023, 3, 22)
    with pytest.raises(ValueError):
        lunar_to_solar(1, 3, 2023, leap=True)
    assert [lunar_to_solar(1, 1, y).isoformat() for y in (2025, 2026, 2027)] == [
        "2025-01-29", "2026-02-17", "2027-02-06"]
    assert next_lunar_date(15, 7, date(2025, 8, 1)) == date(2025, 9, 6)


def test_a_lunar_deadline_is_read_before_the_solar_one():
    [found] = find_deadlines("hoàn thành trước ngày 15 tháng 7 âm lịch", date(2025, 8, 1))
    assert found.due == date(2025, 9, 6)
    [found] = find_deadlines("tổ chức vào ngày 15/7 âm lịch", date(2025, 8, 1))
    assert found.due == date(2025, 9, 6)
