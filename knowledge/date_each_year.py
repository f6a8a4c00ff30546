"""A day or period end written without its year that comes back each year.

"Hằng năm, rà soát … trong Quý I", "Định kỳ hàng tháng (…), 6 tháng (trước ngày 16/6)": the
sentence says the duty returns, so the quarter, month or day is not the notice's year alone but
the next one on or after the notice, then every year (a yearly RRULE). Read as the notice's own
year, a day already passed was dropped as history and the reminder never came. Only phrases
without a year are read so ("trong quý I/2026" is that quarter once). `following_year`
(knowledge/date_next_year.py) asks the same question of "… năm sau".
"""
from __future__ import annotations

import calendar
import re
from datetime import date

from knowledge.date_narrative import fold_span, left_of

# "Hằng năm, …", "định kỳ hằng năm …" opening the sentence of a quarter or month without a year
YEARLY = re.compile(r"\b(?:hang|moi) nam\b")
# "… trong tháng 12 hằng năm", "Thời gian thực hiện: Quý IV hằng năm": the same said right after the phrase
YEARLY_AFTER = re.compile(r"\s*,?\s*(?:hằng|hàng|mỗi)\s+năm\b", re.IGNORECASE)
# "Định kỳ …" opening the sentence of a day without a year: a periodic report, due each year on that day
PERIODIC = re.compile(r"\bdinh ky\b")


def sentence_before(text: str, start: int) -> str:
    """The folded words of the sentence before a phrase."""
    return fold_span(text, left_of(text, start, (". ", "\n")), start)


def said_to_recur(before: str) -> bool:
    """Whether the folded sentence before a phrase says it comes back ("hằng năm", "định kỳ")."""
    return bool(YEARLY.search(before) or PERIODIC.search(before))


def yearly_next(due: date, reference: date) -> tuple[date, str]:
    """A month or quarter end that comes back each year: its next occurrence on or after the notice."""
    while due < reference:
        last = calendar.monthrange(due.year + 1, due.month)[1]
        due = date(due.year + 1, due.month, min(due.day, last))
    return due, f"FREQ=YEARLY;BYMONTH={due.month};BYMONTHDAY={due.day}"


def each_year(text: str, start: int, form: str, kind: str, g: dict, due: date, reference: date,
              end: int | None = None) -> tuple[date, str | None]:
    """`due` and its rule: the next yearly occurrence when the sentence says the phrase at `start`
    returns each year, else `due` and None. `form` is the phrase's form as matched, `kind` what it
    was read as, `g` its groups: a quarter or month without its year under "hằng năm" (or followed by it, the
    phrase ending at `end`), a day
    without its year ("trước ngày 16/6") under "định kỳ"."""
    if form in ("within_quarter", "within_month") and not (g.get("qy") or g.get("mony")) \
            and (YEARLY.search(sentence_before(text, start)) or (end is not None and YEARLY_AFTER.match(text, end))):
        return yearly_next(due, reference)     # "Hằng năm, rà soát … trong Quý I": each year, next one
    if kind == "by" and g.get("d") and not g.get("y") and PERIODIC.search(sentence_before(text, start)):
        return yearly_next(due, reference)     # "Định kỳ hàng tháng (…), 6 tháng (trước ngày 16/6)": each year
    return due, None
