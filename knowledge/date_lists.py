"""Several days in one deadline phrase: "trước ngày 10/12 và 20/12/2025", "báo cáo trước ngày 15/12/2025 và ngày
25/12/2025", "chậm nhất ngày 15 và 30 tháng 12 năm 2025", "trước ngày 05/01, 15/01 và 25/01/2026".

Vietnamese lists the days of one duty after a single "trước ngày" and writes the year once, with the last day.
Each day is due (two reports, two rounds), and a day written without a year takes the year written with the
last: "trước ngày 10/01 và 20/01/2026" in a notice of November 2025 is due in January 2026, not in the January
that has passed. knowledge/dates.py finds the first day; `more_days` reads the others after it.
"""
from __future__ import annotations

import re
from datetime import date

# ", 20/12", " và 20/12/2025", " và ngày 25/12/2025", " hoặc 30 tháng 12 năm 2025" — one more day of the list
# (never a lunar day, a fraction "2/3 chiều cao" has no "và"/"," before it that this reads as a day)
_MORE_DAY = re.compile(
    r"\s*(?:,\s*(?:và\s+|hoặc\s+)?|(?:và|hoặc)\s+)(?P<day_word>ngày\s+)?(?P<d>\d{1,2})\s*(?:[/.\-]|\s+tháng\s+)\s*"
    r"(?P<m>\d{1,2})(?:\s*(?:[/.\-]|\s+năm\s+)\s*(?P<y>\d{4}))?(?![\d/\-%]|\.\d)(?P<lunar>\s*[,(]?\s*(?:âm\s+lịch|AL\b))?",
    re.IGNORECASE)
MAX_DAYS = 6


def more_days(text: str, end: int, first_has_year: bool) -> tuple[list[tuple[int, int, int | None, int]], bool]:
    """The further days (day, month, year or None, where it ends) listed after a deadline phrase ending at `end`,
    and whether the list ends in "âm lịch" (then every day of it is lunar). After a day written with its year, a
    further day needs its own year or the word "ngày" ("trước ngày 10/12/2025 và 5/12 huyện …" lists no day)."""
    out: list[tuple[int, int, int | None, int]] = []
    pos, lunar = end, False
    while len(out) < MAX_DAYS and (m := _MORE_DAY.match(text, pos)):
        day, month = int(m.group("d")), int(m.group("m"))
        if not (1 <= day <= 31 and 1 <= month <= 12) or (first_has_year and not (m.group("y") or m.group("day_word"))):
            break
        out.append((day, month, int(m.group("y")) if m.group("y") else None, m.end()))
        pos, lunar = m.end(), bool(m.group("lunar"))
        if lunar:
            break
    return out, lunar


def listed_year(days: list[tuple[int, int, int | None, int]]) -> int | None:
    """The year written with the list's last day, which the days before it share."""
    return days[-1][2] if days else None


def listed_dates(days: list[tuple[int, int, int | None, int]], first: date) -> list[date | None]:
    """The dates of a list of days (day, month, year or None, end): the year written last goes to the days
    before it, one year back where the list crosses a new year ("trước ngày 28/12 và 10/01/2026"); with no
    year written at all, the first day's reading holds for every day."""
    year = listed_year(days) or first.year
    out: list[date | None] = []
    for day, month, written_year, _ in reversed(days):
        if written_year is not None:
            year = written_year
        elif out and out[-1] is not None and (month, day) > (out[-1].month, out[-1].day):
            year -= 1
        try:
            out.append(date(year, month, day))
        except ValueError:
            out.append(None)
    return out[::-1]
