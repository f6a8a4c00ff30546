"""Deadlines as Vietnamese directives write them, turned into dates.

Notices state deadlines in a handful of set phrases (`chậm nhất đến ngày 30/11/2021`,
`trước tháng 6/2022`, `trong năm 2025`, `kể từ 12 giờ 00 ngày 12/8/2021`, `16h chiều mai (2/2)`,
`trước ngày 28 tháng Chạp`, `ngày 15 tháng 7 âm lịch`, …) and recurring duties (`trước ngày
20 hằng tháng`, `sáng thứ Bảy hằng tuần`, `trước 15 giờ hằng ngày`, `trước ngày 15/12 hằng
năm`). Each phrase is one alternative of one regular expression (knowledge/date_forms.py), so a
reader can see every accepted form in one place; every part is bounded, so matching is linear in
the text. This module reads the matches: which are deadlines, and on which day.

Dates without a year, "mai" (tomorrow) and lunar dates are read relative to the notice date;
a recurring duty is due at its next occurrence after it (knowledge/recurrence.py), and a day or
quarter without its year under "hằng năm" / "định kỳ" comes back each year (knowledge/date_each_year.py). Not every
date is a deadline: a forecast ("từ tối nay đến ngày 18/11"), a period that describes what
happened, a count "tính đến ngày …" are narrative, and the weak forms (`đến`, `từ`, `vào
ngày`) are dropped in such a clause (knowledge/date_narrative.py tells which). A date
outside 1945–2100 in a deadline is refused (`DateOutOfRange`, knowledge/date_resolve.py, which
turns each phrase into its day): the bot must never plan a reminder for 31/12/9999.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

from knowledge.date_narrative import (COMPLETES, CUT_OFF, DONE_BEFORE, FIRM, NOT_YET, REST, RUNS_ON, UNNAMED_YEAR, cited_passed,
                                      clause_of, described, finished_from_now, fold_span, lasts_until, narrative, objective, period, planned_event,
                                      reported_cut_off, reported_resolve, told_as_done, validity_or_forecast)
from knowledge.date_coverage import covered_span
from knowledge.date_forms import FORMS, GROUPS, LEAD, LED_FORMS, LED_GROUPS, LED_NAMES, LED_PATTERN, NAMES, PATTERN
from knowledge.date_periods import programme_period
from knowledge.date_done import reported_done
from knowledge.date_each_year import each_year, said_to_recur, sentence_before
from knowledge.date_events import gathering_day
from knowledge.date_next_year import FOLLOWING, following_year
from knowledge.date_lists import listed_dates, more_days
from knowledge.date_resolve import (EVENTS, FIRST_YEAR, LAST_YEAR, PASSED_DAYS, RECURRING, RELATIVE,  # noqa: F401  (part of this API)
                                    DateOutOfRange, ImpossibleDate, resolve, sane_date, written)
from knowledge.lunar import lunar_to_solar, next_lunar_date  # noqa: F401  (part of this API)
from knowledge.open_recurrence import open_recurring_duty


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


# what follows "Năm 2026," when the sentence is the task itself: a verb that finishes or cuts something, or "phải"
YEAR_TASK = re.compile(r"\s*,\s*(?:phải\s+|cơ\s+bản\s+)?(?:hoàn\s+thành|hoàn\s+tất|cắt\s+giảm|giảm|bãi\s+bỏ|đơn\s+giản\s+hóa|"
                       r"số\s+hóa|ban\s+hành|đưa\s+vào|xóa|chấm\s+dứt|100%)\b", re.IGNORECASE)


def find_deadlines(text: str, reference: date | None, *, dated: bool = True,
                   today: date | None = None) -> list[FoundDeadline]:
    """Every deadline phrase in `text`, in order. `reference` (the notice date) gives the
    year of dates written without one and the meaning of "mai", lunar dates and recurring
    duties; `dated` says it is the notice's own date (a weak phrase long before it is
    history); then "mai", "hôm nay", "trong 2 ngày kể từ ngày thông báo" are read from `today`
    (the day it is imported: a message pasted from a chat is read the day it is sent), and
    Tết and lunar dates not at all. Raises DateOutOfRange for a firm deadline outside
    1945–2100."""
    found, open_phrases = [], set()
    forms, pattern, groups, names = (LED_FORMS, LED_PATTERN, LED_GROUPS, LED_NAMES) if LEAD.search(text) \
        else (FORMS, PATTERN, GROUPS, NAMES)           # a task line naming who leads: its bare "Thời gian:" too
    for m in pattern.finditer(text):
        i, key = next((i, k) for i, k in groups if m.group(k) is not None)
        kind = forms[i][0]
        g = {k.split("_", 1)[1]: m.group(k) for k in names[i]}
        if kind == "within_year" and programme_period(g):
            continue                                   # "Thời gian thực hiện: 2026 - 2030": the plan's period
        phrase = m.group(0).rstrip(" ,")
        firm = bool(FIRM.match(phrase) or DONE_BEFORE.search(text[max(0, m.start() - 20):m.start()].lower())) \
            or kind in RECURRING or kind in ("relative", "within_days", "week_day")
        if kind == "open_recurring":
            if not open_recurring_duty(text, m.start(), m.end()):
                continue                               # "kế hoạch hằng năm": a modifier, no duty
            open_phrases.add(phrase)
        cut = CUT_OFF.search(text[max(0, m.start() - 12):m.start()].lower())
        if cut and not (cut.group(0).strip() == "từ nay" and finished_from_now(text, m.start(), m.end())):
            continue                                   # "tính đến hết ngày …", "từ nay đến tháng 6/2027"
        if reported_cut_off(text, m.start(), m.end(), phrase):
            continue                                   # "Đến hết ngày 20/11/2025, toàn tỉnh đã tiêm …"
        if kind == "year_opening" and not (reference is not None and int(g["wy"]) >= reference.year
                                           and YEAR_TASK.match(text, m.end())
                                           and re.search(r"(?:^|\n|\.\s)[\s*_\-+•]*$", text[max(0, m.start() - 12):m.start()])):
            continue                                   # "Năm 2025, Hội đồng nhân dân tỉnh quyết nghị …": a report
        base = reference
        if not dated and kind in RELATIVE:
            if today is None or kind not in ("relative", "within_days", "this_month", "week_day"):
                continue                               # "trước Tết": of a notice whose date is unknown
            base = today
        try:
            due, at, kind, rule = resolve(kind, g, base)
            if due is not None and not FIRST_YEAR <= due.year <= LAST_YEAR:
                raise DateOutOfRange(phrase, f"{due.day:02d}/{due.month:02d}/{due.year}")
        except DateOutOfRange as e:
            if firm or forms[i][0] not in EVENTS:
                raise DateOutOfRange(phrase, e.written) from None
            continue                                   # "từ ngày 3/2/1930": history, not a deadline
        except (ValueError, OverflowError):
            if firm and (g.get("y") or g.get("y2")):
                raise ImpossibleDate(phrase, written(g)) from None
            continue
        if due is None:
            continue
        if rule is None and not (g.get("y") or g.get("y2")) and reference is not None and FOLLOWING.match(text, m.end()):
            before = sentence_before(text, m.start())    # "trước ngày 15/01 năm sau": the year after the one reported
            due, rule = following_year(due, before, reference, said_to_recur(before))
        if rule is None and reference is not None:
            due, rule = each_year(text, m.start(), forms[i][0], kind, g, due, reference, m.end())   # "Hằng năm, … trong Quý I"
        if not firm and narrative(text, m.start(), m.end(), due, reference if dated else None, kind):
            continue
        if kind == "start_label":
            kind = "from"                              # a start, kept though passed: the task's own date in the plan
        elif firm and dated and rule is None and reference is not None and (reference - due).days > PASSED_DAYS:
            continue                                   # passed over two weeks before the notice: the background, or
                                                       # overdue tasks of earlier documents listed again
        if re.match(r"(?:trong ngày|vào năm|vào tháng)\b", phrase, re.IGNORECASE) and \
                not COMPLETES.search(fold_span(text, max(0, m.start() - 80), m.start())):
            continue                                   # "trong ngày 14/12" of an event, "vào năm 2026" of a plan,
                                                       # "khởi công vào tháng 12/2025" (an event, not a task finished)
        if kind == "within_month" and forms[i][0] == "session_month" and \
                not COMPLETES.search(fold_span(text, max(0, m.start() - 100), m.start())):
            continue                                   # "(tháng 4/2025)" of anything but a submission
        if not (g.get("y") or g.get("y2")) and UNNAMED_YEAR.match(text, m.start() + len(phrase)) \
                and not (reference is not None and FOLLOWING.match(text, m.end())):
            continue                                   # "trước ngày 10 tháng 6 năm cuối": no year named
        if not firm and rule is None and told_as_done(text, m.start(), m.start() + len(phrase)):
            continue                                   # "Trong tháng 10/2025, Trung tâm … đã thu thập"
        if not dated and rule is None and reference is not None and (reference - due).days > 366:
            continue                                   # "Cuối năm 1960 …" in a page without a date: history
        if rule is None and validity_or_forecast(text, m.start(), m.start() + len(phrase)):
            continue                                   # "có giá trị đến ngày …", "Dự báo đến cuối tháng …"
        if NOT_YET.match(text, m.start() + len(phrase)):
            continue                                   # a condition, an open-ended period
        if kind in ("within_year", "within_month", "within_quarter") and RUNS_ON.match(text, m.start() + len(phrase)):
            continue                                   # "cuối năm 2025 và đầu năm 2026": no day it ends
        if kind == "by" and re.match(r"đến\s+\d", phrase, re.IGNORECASE) and not (g.get("y") or g.get("y2")):
            continue                                   # "treo cờ đến 2/3 chiều cao": no date
        if rule in ("FREQ=WEEKLY", "FREQ=DAILY") or (rule and rule.startswith(("FREQ=WEEKLY", "FREQ=DAILY"))):
            if REST.search(clause_of(text, m.start(), m.end()).lower()):
                continue                               # "nghỉ thứ Bảy và Chủ nhật hằng tuần": days off
        if kind == "by" and forms[i][0] in ("before_tet", "before_new_year") and (REST.search(clause_of(text, m.start(), m.end()).lower())
                                                               or re.search(r"\d\s+ngày\s*$", text[max(0, m.start() - 12):m.start()])):
            continue                                   # "nghỉ 01 ngày trước Tết và 04 ngày sau Tết": days off, no task
        if rule is None and (firm and planned_event(text, m.start(), phrase) or gathering_day(text, m.start(), phrase)):
            continue                                   # "Dự kiến tổ chức trước ngày 20/12/2025", "dự họp vào ngày …": events
        if firm and dated and rule is None and reference is not None and due < reference and \
                cited_passed(text, m.start(), m.start() + len(phrase)):
            continue                                   # "Công văn số 456 … yêu cầu báo cáo trước ngày 15/11, đến nay …"
        if firm and rule is None and reported_resolve(text, m.start()):
            continue                                   # "đã khởi công …, quyết tâm hoàn thành trước ngày 27/7"
        if rule is None and reported_done(text, m.start(), m.start() + len(phrase)):
            continue                                   # "đã hoàn thành … trong tháng 10/2025, vượt tiến độ": a result
        if rule is None and objective(text, m.start(), kind):
            continue                                   # "Mục tiêu … trong năm 2025 là không thay đổi"
        if rule is None and lasts_until(text, m.start(), phrase):
            continue                                   # "vận hành … đến hết ngày 15/9/2025": a duration
        if firm and rule is None and described(text, m.start(), m.end()):
            continue                                   # "được cấp giấy phép trước ngày 01/7/2025"
        if kind in ("by", "from", "on", "within_month", "within_year", "within_quarter") and \
                (period(text, m.start(), m.start() + len(phrase), kind, phrase) or covered_span(text, m.start(), phrase, reference)):
            continue
        end = m.start() + len(phrase)
        days = [(int(g["dd"]), due.month, due.year, m.start() + len(phrase))] if g.get("dd") else []
        days += [(due.day, due.month, None if not (g.get("y") or g.get("y2") or g.get("dd")) else due.year, end)]
        lunar = False
        if rule is None and kind in ("by", "on") and (g.get("d") or g.get("d2")):
            more, lunar = more_days(text, end, bool(g.get("y") or g.get("y2")))
            days += more                               # "trước ngày 10/12 và 20/12/2025": each day listed
        if len(days) > 1:
            listed = listed_dates(days, due)
            if lunar:                                  # "trước ngày 15/7 và 20/7 âm lịch": lunar days, each
                listed = [next_lunar_date(d, mo, base) if base else None for d, mo, _, _ in days]
            for k, day in enumerate(listed):
                if day is not None and not (firm and dated and reference is not None
                                            and (reference - day).days > PASSED_DAYS):
                    found.append(FoundDeadline(day, at, kind, text[m.start():days[k][3]], m.start(), days[k][3], rule, firm))
            continue
        found.append(FoundDeadline(due, at, kind, phrase, m.start(), end, rule, firm))
        if rule and rule.startswith("FREQ=DAILY") and at is not None and _ENDS_WITH_TIME.search(phrase):
            end = m.start() + len(phrase)
            for other, end in _more_times(text, end):   # "2 lần mỗi ngày, lúc 7 giờ và 16 giờ": each one
                found.append(FoundDeadline(due, other, kind, text[m.start():end], m.start(), end, rule, firm))
    # "định kỳ hằng năm báo cáo …; thời hạn trước ngày 15/12 hằng năm": the day is given, the open rhythm adds nothing
    # (and "hằng quý, trước ngày 25 của tháng cuối quý" likewise, each quarter against each quarter)
    dated_rules = {_rhythm(f.recurrence) for f in found if f.recurrence and f.phrase not in open_phrases}
    return [f for f in found if f.phrase not in open_phrases or _rhythm(f.recurrence) not in dated_rules]


_MORE_TIME = re.compile(r"\s*(?:,|và|;)\s*(?:lúc\s+)?(\d{1,2})\s*(?:h|giờ)(?:\s*(\d{2}))?(?:\s*(?:phút|'|’))?"
                        r"(?:\s+(sáng|trưa|chiều|tối))?(?![\d/])(?!\s*,?\s*(?:ngày|hôm)\s*\d)")
_ENDS_WITH_TIME = re.compile(r"(?:\d\s*(?:h|giờ)(?:\s*\d{2})?['’]?|phút|sáng|trưa|chiều|tối),?$")


def _more_times(text: str, pos: int) -> list[tuple[time, int]]:
    """The further times of day a daily duty lists after its first ("lúc 7 giờ và 16 giờ")."""
    out = []
    while (m := _MORE_TIME.match(text, pos)) and len(out) < 6:
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if m.group(3) in ("chiều", "tối") and hour < 12:
            hour += 12
        if hour > 23 or minute > 59:
            break
        out.append((time(hour, minute), m.end()))
        pos = m.end()
    return out


def _rhythm(rule: str) -> tuple[str, bool]:
    """How often a rule comes back: its frequency, and whether it is each quarter."""
    return rule.split(";")[0], "BYMONTH=3,6,9,12" in rule or "BYMONTH=1,4,7,10" in rule

