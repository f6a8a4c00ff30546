"""Deadlines as Vietnamese directives write them, turned into dates.

Notices state deadlines in a handful of set phrases (`chậm nhất đến ngày 30/11/2021`,
`trước tháng 6/2022`, `trong năm 2025`, `kể từ 12 giờ 00 ngày 12/8/2021`, `16h chiều mai (2/2)`,
`trước ngày 28 tháng Chạp`, `ngày 15 tháng 7 âm lịch`, …) and recurring duties (`trước ngày
20 hằng tháng`, `sáng thứ Bảy hằng tuần`, `trước 15 giờ hằng ngày`, `trước ngày 15/12 hằng
năm`). Each phrase is one alternative of one regular expression, so a reader can see every
accepted form in one place; every part is bounded, so matching is linear in the text.

Dates without a year, "mai" (tomorrow) and lunar dates are read relative to the notice date;
a recurring duty is due at its next occurrence after it (knowledge/recurrence.py). Not every
date is a deadline: a forecast ("từ tối nay đến ngày 18/11"), a period that describes what
happened, a count "tính đến ngày …" are narrative, and the weak forms (`đến`, `từ`, `vào
ngày`) are dropped in such a clause (knowledge/date_narrative.py tells which). A date outside 1945–2100 in a deadline is refused
(`DateOutOfRange`): the bot must never plan a reminder for 31/12/9999.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, time, timedelta

from knowledge.lunar import lunar_to_solar, next_lunar_date  # noqa: F401  (part of this API)
from knowledge.recurrence import daily, monthly, next_occurrence, quarterly, weekly, yearly
from knowledge.date_narrative import (COMPLETES, CUT_OFF, DONE_BEFORE, FIRM, NOT_YET, REST, UNNAMED_YEAR, clause_of,
                                      described, narrative, period, told_as_done)
from knowledge.text import fold

FIRST_YEAR, LAST_YEAR = 1945, 2100


class DateOutOfRange(ValueError):
    """A deadline outside 1945–2100: a typo or a hostile file, never a real directive."""
    key = "date_range"             # the text shown to the admin (parse.* in bot/texts)

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


def sane_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when there is no such day; DateOutOfRange outside 1945–2100."""
    try:
        value = date(year, month, day)
    except (ValueError, OverflowError):
        return None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateOutOfRange("", f"{day:02d}/{month:02d}/{year}")
    return value


# --- Building blocks -----------------------------------------------------------------------
_NOT_LUNAR = r"(?!\s*[,(]?\s*(?:âm\s+lịch|AL\b))"
# A date: 30/11/2021, 30-11-2021, 30.11.2021, 30/11, "30 tháng 11 năm 2021".
_DATE = (r"(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})(?:\s*[/.\-]\s*(?P<y>\d{4,5}))?(?![\d/])" + _NOT_LUNAR +
         r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})(?:\s*(?:năm|/)\s*(?P<y2>\d{4,5}))?(?!\d)" + _NOT_LUNAR)
# A time of day: 16h, 17h30, 17 giờ 30, 12 giờ 00 phút, 9h sáng, 16h chiều.
# Also 17g00 (southern usage), 17h00' with a minute mark, and a comma before "ngày".
_TIME = (r"(?P<hh>\d{1,2})\s*(?:h|giờ|g(?=\d|\s)|:(?=\d{2}))\s*(?P<mm>\d{2})?(?:\s*(?:phút|'|’))?"
         r"(?:\s+(?P<part>sáng|trưa|chiều|tối))?,?")
# A month: 6/2022, 01/2022, "6 năm 2022".
_MONTH = r"(?P<mon>\d{1,2})\s*(?:/|năm)\s*(?P<mony>\d{4,5})(?!\d)"
_LUNAR_MONTHS = {"giêng": 1, "chạp": 12}
# A quarter: quý I/2022, quý 2 năm 2022.
_QUARTER = r"quý\s+(?P<q>IV|I{1,3}|[1-4])\s*(?:(?:/|năm)\s*(?P<qy>\d{4,5})(?!\d))?"
_QUARTERS = {"I": 1, "II": 2, "III": 3, "IV": 4}
_WEEKDAY = r"(?P<wd>thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)"
_EVERY = r"(?:hằng|hàng|mỗi)"
_SHORT = r"\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?"
# a period a recurring duty runs for: ", từ 29/4 - 04/5/2025"
_RANGE_REQUIRED = (rf",?\s+từ\s+(?:ngày\s+)?(?P<rs>{_SHORT})\s*(?:-|–|đến(?:\s+hết)?)\s*(?:ngày\s+)?"
                   rf"(?P<re>\d{{1,2}}\s*/\s*\d{{1,2}}\s*/\s*\d{{4}})")
_RANGE = f"(?:{_RANGE_REQUIRED})?"

# a plan's task line: "Thời gian thực hiện: Tháng 12/2025", "Thời gian hoàn thành: trong quý I/2026",
# "Thời hạn hoàn thành: Trước ngày 30/11/2025", "Thời hạn ban hành: tháng 12/2025" (a bare "Thời gian:"
# also dates meetings, so it is no label)
_TIME_LABEL = (r"(?:thời\s+gian\s+(?:thực\s+hiện|hoàn\s+thành)|thời\s+hạn(?:\s+(?:hoàn\s+thành|thực\s+hiện|nộp|"
               r"gửi|báo\s+cáo|ban\s+hành|trình))?)\s*:(?:\s*hoàn\s+thành)?(?:\s*trong)?")
# a bounded window after such a label is due at its end: "Tháng 11 - 12/2025", "năm 2026 - 2027",
# "từ tháng 11/2025 đến tháng 3/2026", "Quý IV/2025 - Quý I/2026", "từ ngày 01/12 đến ngày 15/12/2025"
_TO = r"\s*(?:-|–|đến(?:\s+hết)?)\s*"
_WINDOW_FORMS = [
    ("within_month", rf"{_TIME_LABEL}\s+(?:từ\s+)?(?:tháng\s+)?\d{{1,2}}(?:\s*/\s*\d{{4}})?{_TO}(?:tháng\s+)?{_MONTH}"),
    ("within_year", rf"{_TIME_LABEL}\s+(?:từ\s+)?(?:năm\s+)?\d{{4}}{_TO}(?:năm\s+)?(?P<wy>\d{{4}})(?!\d)"),
    ("within_quarter", rf"{_TIME_LABEL}\s+(?:từ\s+)?quý\s+(?:IV|I{{1,3}}|[1-4])(?:\s*(?:/|năm)\s*\d{{4}})?{_TO}{_QUARTER}"),
    ("by", rf"{_TIME_LABEL}\s+(?:từ\s+)?(?:ngày\s+)?\d{{1,2}}\s*/\s*\d{{1,2}}(?:\s*/\s*\d{{4}})?{_TO}(?:ngày\s+)?(?:{_DATE})"),
    # "Thời gian hoàn thành: 30/11/2025" · "Thời hạn nộp: 17 giờ ngày 30/11/2025"
    ("by", rf"{_TIME_LABEL}\s+(?:{_TIME}\s+)?(?:ngày\s+)?(?:{_DATE})"),
]
_BY = (r"(?:(?:chậm nhất|muộn nhất|hạn chót|hạn cuối|thời hạn)(?:\s*:)?(?:\s+(?:là|vào))?"
       r"(?:\s+(?:đến hết|đến|trước|trong))?"
       r"|đến hết|hoàn thành trước|xong trước|đến|trước(?:\s*:)?|trong(?=\s+ngày\s+\d))")

_FORMS = _WINDOW_FORMS + [
    # trước ngày 28 tháng Chạp · ngày 15 tháng 7 âm lịch · 15/7 âm lịch (before the solar forms)
    ("lunar", r"(?:trước|đến|chậm nhất|vào)\s+ngày\s+(?P<ld>\d{1,2})\s+tháng\s+(?P<lm>Chạp|Giêng)"
              r"(?:\s*[,(]?\s*âm\s+lịch\)?)?"),
    ("lunar", r"(?:trước|đến\s+hết|đến|chậm nhất|vào|hoàn thành trước|xong trước)\s+(?:ngày\s+)?"
              r"(?P<ld>\d{1,2})\s*(?:tháng\s+|/\s*)(?P<ln>\d{1,2})(?:\s+năm\s+\w{1,6}\s+\w{1,6})?"
              r"\s*[,(]?\s*(?:âm\s+lịch|AL\b)\)?"),
    # trong vòng 2 ngày kể từ ngày thông báo · trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản này
    ("within_days", r"(?:trong|chậm\s+nhất)\s+(?:vòng|thời\s+hạn|thời\s+gian|khoảng)?\s*(?P<nd>\d{1,3})\s*(?:\([^()\d]{1,12}\)\s*)?"
                    r"ngày(?P<work>\s+làm\s+việc)?\s*,?\s*(?:kể\s+)?từ\s+(?:ngày|khi)\s+(?:thông\s+báo|ban\s+hành|ký|"
                    r"nhận\s+được\s+(?:văn\s+bản|công\s+văn|thông\s+báo|kế\s+hoạch))"),
    # recurring: trước ngày 20 hằng tháng · hằng tháng, báo cáo trước ngày 25
    ("monthly", rf"(?:trước|chậm nhất(?:\s+(?:là|vào))?|vào|đến|hạn chót|hạn cuối|thời hạn)\s+(?:ngày\s+)?(?P<md>\d{{1,2}})\s+"
                rf"(?:{_EVERY}|của\s+{_EVERY}|các|của\s+các)\s+tháng"),
    ("monthly", rf"{_EVERY}\s+tháng[^.;\d]{{0,60}}?(?:trước|chậm nhất(?:\s+(?:là|vào))?|vào|đến)\s+ngày\s+"
                rf"(?P<md>\d{{1,2}})(?![\d/.\-]|\s+tháng)"),
    # trước ngày 15 của tháng cuối quý · hằng quý
    ("quarterly", r"(?:trước|chậm nhất|vào)\s+ngày\s+(?P<qd>\d{1,2})\s+(?:của\s+)?tháng\s+cuối\s+(?:mỗi\s+|các\s+)?quý"),
    # sáng thứ Bảy hằng tuần · hằng tuần vào chiều thứ Sáu
    ("weekly", rf"(?:(?:trước\s+)?{_TIME}\s+)?(?:(?P<wpart>sáng|chiều|trưa|tối)\s+)?(?:ngày\s+)?{_WEEKDAY}\s+"
               rf"(?:{_EVERY}|các)\s+tuần"),
    ("weekly", rf"{_EVERY}\s+tuần[^.;\d]{{0,40}}?(?:vào\s+)?(?:(?P<wpart>sáng|chiều|trưa|tối)\s+)?(?:ngày\s+)?{_WEEKDAY}"),
    # trước ngày 15/12 hằng năm · hằng năm, trước ngày 15 tháng 12
    ("yearly", rf"(?:trước|chậm nhất|vào|đến|hạn chót|hạn cuối|thời hạn)\s+ngày\s+(?P<yd>\d{{1,2}})\s*(?:/|-|tháng)\s*(?P<ym>\d{{1,2}})\s+"
               rf"(?:{_EVERY}|các)\s+năm"),
    # trước ngày 01/6 và 15/11 hằng năm: both dates are yearly
    ("yearly", rf"(?:trước|chậm nhất|vào|đến)\s+ngày\s+(?P<yd>\d{{1,2}})\s*/\s*(?P<ym>\d{{1,2}})(?=\s*(?:và|,)\s*"
               rf"(?:ngày\s+)?\d{{1,2}}\s*/\s*\d{{1,2}}\s+{_EVERY}\s+năm)"),
    ("yearly", rf"và\s+(?:ngày\s+)?(?P<yd>\d{{1,2}})\s*/\s*(?P<ym>\d{{1,2}})\s+{_EVERY}\s+năm"),
    ("yearly", rf"{_EVERY}\s+năm[^.;\d]{{0,90}}?(?:trước|chậm nhất|vào)\s+ngày\s+(?P<yd>\d{{1,2}})\s*(?:/|-|tháng)\s*"
               rf"(?P<ym>\d{{1,2}})(?!\s*(?:/|năm)\s*\d|\d)"),
    # trước 15 giờ hằng ngày · 8 giờ sáng hàng ngày, từ 29/4 - 04/5/2025 · hằng ngày, báo cáo
    # trước 16h00 · báo cáo hằng ngày từ 29/4 đến 04/5/2025
    ("daily", rf"(?:(?:trước|vào|chậm nhất|lúc)\s+)?{_TIME}\s+{_EVERY}\s+ngày{_RANGE}"),
    ("daily", rf"{_EVERY}\s+ngày[^.;\d]{{0,40}}?(?:trước|vào|chậm nhất|lúc)\s+{_TIME}"),
    ("daily", rf"{_EVERY}\s+ngày{_RANGE_REQUIRED}"),
    # kể từ 12 giờ 00 ngày 12/8/2021 · từ ngày 16/11/2021 · từ 0 giờ ngày 1/9/2021
    ("from", rf"(?:kể\s+từ|từ)(?:\s+{_TIME})?\s+ngày\s+(?:{_DATE})"),
    ("from", rf"kể\s+từ\s+(?:{_DATE})"),
    # sau ngày 30/8/2021
    ("after", rf"sau\s+ngày\s+(?:{_DATE})"),
    # trước tháng 6/2022 → the last day of May
    ("before_month", rf"trước\s+tháng\s+{_MONTH}"),
    # trong tháng 01/2022 · đến hết tháng 01/2022 · trong tháng 12 → the last day of the month
    ("within_month", rf"(?:trong|đến\s+hết|hết|(?:vào\s+|đến\s+|trước\s+)?cuối|{_TIME_LABEL})\s+tháng\s+{_MONTH}"),
    ("within_month", r"(?:trong|đến\s+hết|hết)\s+tháng\s+(?P<mon>\d{1,2})(?![\d/]|\s*năm\s*\d)"),
    # trình … tại Phiên họp thứ 44 (tháng 4/2025): the month of the meeting a text is submitted to
    ("session_month", rf"(?<=\()tháng\s+{_MONTH}(?=\))"),
    # trước quý III/2022 → the last day of June · trong quý I/2022 → the last day of March
    ("before_quarter", rf"trước\s+{_QUARTER}"),
    ("within_quarter", rf"(?:trong|đến\s+hết|hết|(?:vào\s+|đến\s+|trước\s+)?cuối|{_TIME_LABEL})\s+{_QUARTER}"),
    # trong năm 2025 · đến hết năm 2025 · cuối năm 2028 → 31 December · trước năm 2026 → 31 December 2025
    ("within_year", rf"(?:trong|đến\s+hết|hết|(?:vào\s+|đến\s+|trước\s+)?cuối|vào|{_TIME_LABEL})\s+năm\s+(?P<wy>\d{{4,5}})(?!\d)"),
    ("before_year", r"trước\s+năm\s+(?P<wy>\d{4,5})(?!\d)"),
    # trước Tết Nguyên đán (Nhâm Dần) → the day before the next lunar new year
    ("before_tet", r"trước\s+(?:dịp\s+)?Tết(?:\s+Nguyên\s+đán)?(?!\s+(?:Dương|Tây))"),
    # hạn chót nộp phương án là ngày 20/01/2022
    ("by", rf"(?:hạn chót|hạn cuối|thời hạn)[^.;:\d]{{0,60}}?\s+ngày\s+(?:{_DATE})"),
    # Hạn nhận hồ sơ: ngày 20/3/2025 · Hạn nộp báo cáo: 25/11/2025
    ("by", rf"hạn\s+(?:(?:cuối|chót)\s+)?(?:nộp|nhận|gửi|đăng ký|báo cáo|hoàn thành)[^.;\d]{{0,50}}?:\s*(?:{_TIME}\s+)?"
           rf"(?:ngày\s+)?(?:{_DATE})"),
    # khởi công dịp 19/8/2025 (an occasion's date)
    ("on", rf"dịp\s+(?:ngày\s+)?(?:{_DATE})"),
    # vào ngày 01/12/2025 · vào 8 giờ ngày 5/12
    ("on", rf"vào(?:\s+dịp)?(?:\s+{_TIME})?(?:\s+(?:sáng|chiều|trưa|tối))?\s+ngày\s+(?:{_DATE})"),
    # chậm nhất đến ngày 30/11/2021 · đến hết ngày 31/12 · trước 17h30 ngày 20/12/2021 ·
    # hạn chót 15/01/2022
    ("by", rf"{_BY}(?:\s+{_TIME})?\s+(?:(?:thứ\s+\w{{2,4}}|chủ\s+nhật),?\s+)?(?:ngày\s+(?:[^\W\d_]{{2,12}}\s+){{0,3}})?(?:{_DATE})"),
    # 16h chiều mai (2/2) · trước 17h hôm nay
    ("relative", rf"(?:trước\s+)?{_TIME}\s+(?:ngày\s+)?(?P<rel>mai|hôm\s+nay|ngày\s+mai)"
                 rf"(?:\s*\((?P<rd>\d{{1,2}})\s*/\s*(?P<rm>\d{{1,2}})\))?"),
]
# Every form starts a word with one of these letters or a digit: the guard skips the other
# positions at once instead of trying thirty alternatives at each character of a long text.
_STARTS = r"(?<!\w)(?=[\dtđkshcvxmnldTĐKSHCVXMNLD])"
_PATTERN = re.compile(_STARTS + "(?:" + "|".join(f"(?P<f{i}>{body.replace('(?P<', f'(?P<x{i}_')})"
                                                  for i, (_, body) in enumerate(_FORMS)) + ")", re.IGNORECASE)
_GROUPS = [(int(k[1:]), k) for k in _PATTERN.groupindex if k[0] == "f"]


@dataclass(frozen=True)
class FoundDeadline:
    due: date
    time: time | None
    kind: str             # by | on | from | after | within_month | before_month | within_year
    phrase: str
    start: int            # position of the phrase in the text searched
    end: int
    recurrence: str | None = None   # an RRULE ("FREQ=MONTHLY;BYMONTHDAY=20") for a recurring duty
    firm: bool = True               # said as a deadline ("trước", "chậm nhất", "hạn chót"), not only dated


def find_deadlines(text: str, reference: date | None, *, dated: bool = True,
                   today: date | None = None) -> list[FoundDeadline]:
    """Every deadline phrase in `text`, in order. `reference` (the notice date) gives the
    year of dates written without one and the meaning of "mai", lunar dates and recurring
    duties; `dated` says it is the notice's own date (a weak phrase long before it is
    history); then "mai", "hôm nay", "trong 2 ngày kể từ ngày thông báo" are read from `today`
    (the day it is imported: a message pasted from a chat is read the day it is sent), and
    Tết and lunar dates not at all. Raises DateOutOfRange for a firm deadline outside
    1945–2100."""
    found = []
    for m in _PATTERN.finditer(text):
        i, key = next((i, k) for i, k in _GROUPS if m.group(k) is not None)
        kind = _FORMS[i][0]
        g = {k.split("_", 1)[1]: v for k, v in m.groupdict().items() if k.startswith(f"x{i}_")}
        phrase = m.group(0).rstrip(" ,")
        firm = bool(FIRM.match(phrase) or DONE_BEFORE.search(text[max(0, m.start() - 20):m.start()].lower())) \
            or kind in _RECURRING or kind in ("relative", "within_days")
        if CUT_OFF.search(text[max(0, m.start() - 12):m.start()].lower()):
            continue                                   # "tính đến hết ngày …", "từ nay đến tháng 6/2027"
        base = reference
        if not dated and kind in _RELATIVE:
            if today is None or kind not in ("relative", "within_days"):
                continue                               # "trước Tết": of a notice whose date is unknown
            base = today
        try:
            due, at, kind, rule = _resolve(kind, g, base)
            if due is not None and not FIRST_YEAR <= due.year <= LAST_YEAR:
                raise DateOutOfRange(phrase, f"{due.day:02d}/{due.month:02d}/{due.year}")
        except DateOutOfRange as e:
            if firm or _FORMS[i][0] not in _EVENTS:
                raise DateOutOfRange(phrase, e.written) from None
            continue                                   # "từ ngày 3/2/1930": history, not a deadline
        except (ValueError, OverflowError):
            if firm and (g.get("y") or g.get("y2")):
                raise ImpossibleDate(phrase, _written(g)) from None
            continue
        if due is None:
            continue
        if not firm and narrative(text, m.start(), m.end(), due, reference if dated else None, kind):
            continue
        if firm and dated and rule is None and reference is not None and (reference - due).days > 31:
            continue                                   # a deadline long passed: quoted from the background
        if re.match(r"(?:trong ngày|vào năm)\b", phrase, re.IGNORECASE) and \
                not COMPLETES.search(fold(text[max(0, m.start() - 80):m.start()])):
            continue                                   # "trong ngày 14/12" of an event, "vào năm 2026" of a plan
        if kind == "within_month" and _FORMS[i][0] == "session_month" and \
                not COMPLETES.search(fold(text[max(0, m.start() - 100):m.start()])):
            continue                                   # "(tháng 4/2025)" of anything but a submission
        if not (g.get("y") or g.get("y2")) and UNNAMED_YEAR.match(text, m.start() + len(phrase)):
            continue                                   # "trước ngày 10 tháng 6 năm cuối": no year named
        if not firm and rule is None and told_as_done(text, m.start(), m.start() + len(phrase)):
            continue                                   # "Trong tháng 10/2025, Trung tâm … đã thu thập"
        if not dated and rule is None and reference is not None and (reference - due).days > 366:
            continue                                   # "Cuối năm 1960 …" in a page without a date: history
        if NOT_YET.match(text, m.start() + len(phrase)):
            continue                                   # a condition, an open-ended period
        if kind == "by" and re.match(r"đến\s+\d", phrase, re.IGNORECASE) and not (g.get("y") or g.get("y2")):
            continue                                   # "treo cờ đến 2/3 chiều cao": no date
        if rule in ("FREQ=WEEKLY", "FREQ=DAILY") or (rule and rule.startswith(("FREQ=WEEKLY", "FREQ=DAILY"))):
            if REST.search(clause_of(text, m.start(), m.end()).lower()):
                continue                               # "nghỉ thứ Bảy và Chủ nhật hằng tuần": days off
        if firm and rule is None and described(text, m.start(), m.end()):
            continue                                   # "được cấp giấy phép trước ngày 01/7/2025"
        if kind in ("by", "from", "on", "within_month", "within_year", "within_quarter") and \
                period(text, m.start(), m.start() + len(phrase), kind, phrase):
            continue
        found.append(FoundDeadline(due, at, kind, phrase, m.start(), m.start() + len(phrase), rule, firm))
    return found


_RECURRING = ("monthly", "weekly", "yearly", "daily", "quarterly")
_RELATIVE = ("relative", "before_tet", "lunar", "within_days")
_EVENTS = ("from", "after", "on")
def _resolve(kind: str, g: dict, ref: date | None) -> tuple[date | None, time | None, str, str | None]:
    at = _time(g)
    if kind in _RECURRING:
        if ref is None:
            return None, None, kind, None
        if kind == "monthly":
            rule = monthly(int(g["md"]))
        elif kind == "quarterly":
            rule = quarterly(int(g["qd"]))
        elif kind == "weekly":
            rule = weekly(g["wd"])
            at = at or _part_time(g.get("wpart"))
        elif kind == "yearly":
            rule = yearly(int(g["ym"]), int(g["yd"]))
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
        first = date(year, 3 * q - 2, 1)
        if kind == "before_quarter":
            return first - timedelta(days=1), None, "before_month", None
        return date(year, 3 * q, calendar.monthrange(year, 3 * q)[1]), None, "within_month", None
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
        return next_lunar_date(int(g["ld"]), month, ref), at, "by", None
    if kind == "within_days":
        if ref is None:
            return None, None, kind, None
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
        # the year just ended: that one stays)
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


def _written(g: dict) -> str:
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
