"""A day "of the year after": "báo cáo năm 2025 gửi Sở Nội vụ trước ngày 15/01 năm sau", "Định kỳ hằng năm, báo cáo
kết quả trước ngày 15 tháng 01 của năm sau". Yearly reports are due early in the next year, and Vietnamese documents
say so without writing the year. Read with the notice's year, the day fell before the notice and was dropped as
passed; "năm sau" names the year after the one the sentence is about:
- a recurring duty ("hằng năm", "định kỳ"): the next such day on or after the notice, each year;
- a year named before it in the sentence ("báo cáo năm 2025 … năm sau"): that year plus one;
- else the year after the notice's.
Other years the text does not name ("năm cuối của chương trình", "năm kế hoạch") still give no date."""
from __future__ import annotations

import calendar
import re
from datetime import date

FOLLOWING = re.compile(r"\s*,?\s*(?:của\s+)?năm\s+(?:sau|tiếp\s+theo|kế\s+tiếp)\b", re.IGNORECASE)
_NAMED_YEAR = re.compile(r"\bnam (\d{4})\b")


def following_year(due: date, sentence_before: str, reference: date, recurring: bool) -> tuple[date, str | None]:
    """The day `due` (its year a placeholder) in the year "năm sau" means, and the yearly rule when it recurs.
    `sentence_before` is the folded sentence up to the phrase."""
    if recurring:
        year = reference.year if (due.month, due.day) >= (reference.month, reference.day) else reference.year + 1
        day = _on(due, year)
        return day, f"FREQ=YEARLY;BYMONTH={day.month};BYMONTHDAY={day.day}"
    named = _NAMED_YEAR.findall(sentence_before)
    return _on(due, int(named[-1]) + 1 if named else reference.year + 1), None


def _on(due: date, year: int) -> date:
    return date(year, due.month, min(due.day, calendar.monthrange(year, due.month)[1]))
