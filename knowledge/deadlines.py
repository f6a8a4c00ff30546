"""Deadlines as people ask for them: a list (soonest first), an iCalendar feed
(knowledge/deadline_ics.py, re-exported here), and the recognition of "what is due this
week?" typed as a plain message.

A deadline without a time of day falls due at the end of its day (23:59 local time), so a
reminder "on the day" still comes before it and an overdue digest only after it.
"""
from __future__ import annotations

import calendar
import hashlib
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from knowledge.models import Deadline, DeadlineUnit, Document, Item, Unit
from knowledge.text import DOC_KINDS
from knowledge.units import ALL, UNIT_PHRASES, folded_words

END_OF_DAY = time(23, 59)


def deadline_moment(due_date: date, due_time: time | None, zone: ZoneInfo) -> datetime:
    """The aware local moment a deadline falls due."""
    return datetime.combine(due_date, due_time or END_OF_DAY, tzinfo=zone)


def local_today(zone: ZoneInfo, now: datetime | None = None) -> date:
    return (now or datetime.now(timezone.utc)).astimezone(zone).date()


@dataclass(frozen=True)
class DeadlineRow:
    """One deadline with what a reader needs to act on it: task, units and its source."""
    id: int
    due_date: date
    due_time: time | None
    kind: str
    phrase: str
    task: str
    task_en: str
    units: tuple[str, ...]
    document_key: str
    document_number: str | None
    document_title: str
    item_id: int
    item_number: str
    item_position: int
    recurrence: str = ""          # RRULE of a recurring duty (knowledge/recurrence.py)

    def moment(self, zone: ZoneInfo) -> datetime:
        return deadline_moment(self.due_date, self.due_time, zone)

    def task_in(self, lang: str) -> str:
        """The task in the reader's language, falling back to the other one, then the phrase."""
        first, second = (self.task_en, self.task) if lang == "en" else (self.task, self.task_en)
        return first or second or self.phrase

    @property
    def uid(self) -> str:
        """Stable across re-seeding (row ids are not): the notice, the item and the phrase."""
        basis = f"{self.document_key}|{self.item_position}|{self.kind}|{self.phrase}"
        return hashlib.sha1(basis.encode()).hexdigest()[:20] + "@loa"

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "due_date": self.due_date.isoformat(),
            "due_time": self.due_time.strftime("%H:%M") if self.due_time else None,
            "kind": self.kind,
            "phrase": self.phrase,
            "recurrence": self.recurrence,
            "task": self.task,
            "task_en": self.task_en,
            "units": list(self.units),
            "document": {"key": self.document_key, "number": self.document_number,
                         "title": self.document_title},
            "item": {"id": self.item_id, "number": self.item_number, "position": self.item_position},
        }


def load_rows(deadline_ids) -> list[DeadlineRow]:
    """Rows for these deadline ids (missing ids are skipped), soonest first."""
    ids = list(deadline_ids)
    if not ids:
        return []
    return _query(Deadline.id.in_(ids))


def list_deadlines(zone: ZoneInfo, *, include_past: bool = False, unit: str | None = None,
                   today: date | None = None, period: str | None = None, start: date | None = None,
                   end: date | None = None, now: datetime | None = None,
                   document: str | None = None) -> list[DeadlineRow]:
    """Deadlines soonest first: from today on (all of them with include_past), optionally only
    those addressed to `unit` (or to every unit), optionally within a period ("week", see
    DeadlineQuery) or [start, end], optionally only those of the notices numbered `document`
    ("230" for 230/CĐ-TTg).

    A recurring duty is listed once, at its next occurrence (computed here from its rule, so
    the list is right without the running bot's roll), or at its last one when it has ended;
    its passed occurrences are not repeated with include_past (one line per duty, and one
    event per series in a calendar feed, whose RRULE gives the rest)."""
    now = _now_in(zone, today, now)
    today = now.date()
    if period:
        start, end = DeadlineQuery(period=period).dates(today)
    first = max(today, start) if (start and not include_past) else (start if start else
                                                                   (None if include_past else today))
    dated = []
    if first:
        dated.append(Deadline.due_date >= first)
    if end:
        dated.append(Deadline.due_date <= end)
    conditions = []
    if dated:
        when = dated[0]
        for c in dated[1:]:
            when &= c
        conditions.append(when | (Deadline.recurrence != ""))   # a series may roll into the range
    if unit and unit != ALL:
        addressed = (DeadlineUnit.select(DeadlineUnit.deadline).join(Unit)
                     .where(Unit.code.in_([unit, ALL])))
        conditions.append(Deadline.id.in_(addressed))
    if document:
        conditions.append((Document.number == document) | Document.number.startswith(f"{document}/")
                          | Document.number.startswith(f"{document}-"))
    where = conditions[0] if conditions else None
    for c in conditions[1:]:
        where &= c
    # A recurring duty is shown at its first occurrence in the period asked ("tuần sau": next
    # Friday's weekly report, not this Friday's, which falls before the period); in a period
    # asked with its passed deadlines ("hạn chót tháng 11/2026"), at its first in the period even
    # when that has passed (QA17: the yearly report due on the 20th was missing from the month).
    period_start = None if first is None else datetime.combine(first, time(0, 0), tzinfo=zone)
    occurs_from = now if period_start is None else (period_start if include_past else max(now, period_start))
    rows = current_occurrences(_query(where), zone, occurs_from, keep_past=include_past and period_start is not None)
    # An hour already gone today ("trước 10 giờ" asked at 22:00) is past, not upcoming.
    return [r for r in rows if (first is None or r.due_date >= first) and (end is None or r.due_date <= end)
            and (include_past or r.moment(zone) >= now)]


def _now_in(zone: ZoneInfo, today: date | None, now: datetime | None) -> datetime:
    """The aware local 'now'; a given `today` alone stands for its first minute."""
    if now is not None:
        return now.astimezone(zone)
    if today is not None:
        return datetime.combine(today, time(0, 0), tzinfo=zone)
    return datetime.now(timezone.utc).astimezone(zone)


def next_due(due_date: date, due_time: time | None, rule: str, zone: ZoneInfo, now: datetime) -> date | None:
    """The first occurrence of a recurring duty that has not passed at `now`, counted from a
    stored occurrence; None when a bounded duty ("đến 04/5/2025") has ended."""
    from knowledge import recurrence

    due = due_date
    try:
        for _ in range(4000):                       # daily for ten years at most
            if deadline_moment(due, due_time, zone) >= now:
                break
            due = recurrence.next_occurrence(rule, due)
        else:
            return None
    except (ValueError, KeyError, OverflowError):
        return due_date                              # a rule we cannot read: keep the stored date
    last = recurrence.until(rule)
    return None if last is not None and due > last else due


def current_occurrences(rows: list, zone: ZoneInfo, now: datetime, *, keep_past: bool = True) -> list:
    """Rows (DeadlineRow or DeadlineInfo: dataclasses with due_date, due_time, phrase and
    recurrence) with each recurring series shown once, at its next occurrence; `keep_past`
    keeps its passed stored occurrences too. One-date rows pass unchanged. Soonest first."""
    series: dict[tuple, list] = {}
    out = []
    for r in rows:
        if getattr(r, "recurrence", ""):
            series.setdefault((getattr(r, "item_id", 0), r.phrase, r.recurrence), []).append(r)
        else:
            out.append(r)
    for members in series.values():
        latest = max(members, key=lambda r: (r.due_date, getattr(r, "id", 0)))
        # counted from the first stored occurrence when `now` lies before the latest: the running
        # bot's roll stores only the next one, and a past period asked must find the one inside it
        base = latest if latest.due_date <= now.date() else min(members, key=lambda r: r.due_date)
        due = next_due(base.due_date, base.due_time, base.recurrence, zone, now)
        stored = next((r for r in members if r.due_date == due), None)
        if keep_past:
            out += [r for r in members if r is not stored]
        if due is not None:
            out.append(stored or replace(latest, due_date=due))
        elif not keep_past:                         # an ended duty: its last occurrence
            out.append(latest)
    return sorted(out, key=lambda r: (r.due_date, r.due_time is None, r.due_time or END_OF_DAY,
                                      getattr(r, "id", 0)))


def has_passed(due_date: date, due_time: time | None, zone: ZoneInfo, now: datetime) -> bool:
    """Whether a deadline has passed at `now`: one of 10:00 today has at 21:16."""
    return deadline_moment(due_date, due_time, zone) < now


def _query(where) -> list[DeadlineRow]:
    # Within a day, timed deadlines come first: an all-day one falls due at the end of the day.
    query = (Deadline.select(Deadline, Item, Document).join(Item).join(Document)
             .order_by(Deadline.due_date, Deadline.due_time.is_null(), Deadline.due_time, Deadline.id))
    if where is not None:
        query = query.where(where)
    deadlines = list(query)
    units: dict[int, list[str]] = {}
    if deadlines:
        ids = [d.id for d in deadlines]
        for chunk_start in range(0, len(ids), 900):
            chunk = ids[chunk_start:chunk_start + 900]
            for link in (DeadlineUnit.select(DeadlineUnit.deadline, Unit.code).join(Unit)
                         .where(DeadlineUnit.deadline.in_(chunk)).order_by(Unit.id).tuples()):
                units.setdefault(link[0], []).append(link[1])
    return [DeadlineRow(
        id=d.id, due_date=d.due_date, due_time=d.due_time, kind=d.kind, phrase=d.phrase,
        task=d.task or "", task_en=d.task_en or "", units=tuple(units.get(d.id, ())),
        document_key=d.item.document.key, document_number=d.item.document.number,
        document_title=d.item.document.title, item_id=d.item.id, item_number=d.item.number or "",
        item_position=d.item.position, recurrence=d.recurrence or "") for d in deadlines]


# --- "what is due this week?" ----------------------------------------------------------

@dataclass(frozen=True)
class DeadlineQuery:
    """A request for the deadline list typed as a message: a period and/or a unit."""
    period: str | None = None          # today | tomorrow | week | next_week | month | named_month
    unit: str | None = None
    include_past: bool = False
    lang: str = "vi"                   # the language it was asked in, for the reply
    month: tuple[int, int] | None = None   # named_month: (year, month), "hạn chót tháng 7/2025"
    document: str | None = None        # the notice's number, "hạn chót của công điện 230": all its deadlines

    def list_kwargs(self) -> dict:
        """Keyword arguments of list_deadlines for this request."""
        return {"include_past": self.include_past, "unit": self.unit, "period": self.period,
                "document": self.document}

    def dates(self, today: date) -> tuple[date | None, date | None]:
        """The [start, end] the period covers (None: open)."""
        if self.period == "today":
            return today, today
        if self.period == "tomorrow":
            return today + timedelta(days=1), today + timedelta(days=1)
        if self.period == "week":
            return today, today + timedelta(days=6 - today.weekday())
        if self.period == "next_week":
            monday = today + timedelta(days=7 - today.weekday())
            return monday, monday + timedelta(days=6)
        if self.period == "month":
            first_next = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
            return today, first_next - timedelta(days=1)
        if self.period == "named_month" and self.month:
            year, month = self.month
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return None, None


_DEADLINE_WORDS = ("han chot", "thoi han", "het han", "sap den han", "den han", "viec can lam",
                   "deadlines", "deadline", "due", "han")
_PERIODS = {
    "next_week": ("tuan toi", "tuan sau", "next week"),
    "week": ("tuan nay", "trong tuan", "this week", "week"),
    "month": ("thang nay", "trong thang", "this month", "month"),
    "tomorrow": ("ngay mai", "tomorrow"),
    "today": ("hom nay", "today"),
}
_PAST_WORDS = ("tat ca", "ca qua khu", "da qua", "all", "past", "including past")
_FILLER = set(("cac nhung gi nao la co cua cho trong xem danh sach liet ke nhiem vu viec can phai lam "
               "sap toi nay bao nhieu may cai nhe a oi ban bot loa cua don vi nganh hay "
               "what is are due the for of show list me my any which upcoming coming soon to do "
               "there s please our unit units tasks task with "
               "j k ko khong gan nhat tiep theo ke next nearest soonest closest first in").split())   # "hạn chót sắp tới là j", "what's the next deadline"


def _take(text: str, phrase: str) -> tuple[bool, str]:
    """Remove `phrase` as whole words from `text`; report whether it was there."""
    pattern = rf"(?:^| ){re.escape(phrase)}(?= |$)"
    new, n = re.subn(pattern, " ", text)
    return n > 0, " ".join(new.split())


def parse_deadline_query(text: str) -> DeadlineQuery | None:
    """Recognise a request for the deadline list ("hạn chót tuần này", "what is due this week?",
    "deadlines for schools"); None for anything else, such as a question about one directive
    ("Trạm y tế phải có bác sĩ trước ngày nào?"), which belongs to search."""
    document, unnamed = _named_document(text)
    rest = folded_words(unnamed)
    lang = "en" if text.isascii() and re.search(r"\b(due|deadlines?|what|this|next|for)\b", rest) else "vi"
    if not rest or len(rest.split()) > 12:
        return None
    found_word = False
    for word in _DEADLINE_WORDS:
        hit, rest = _take(rest, word)
        found_word |= hit
    if not found_word:
        return None
    month, rest = _named_month(rest)
    period = "named_month" if month else None
    for name, phrases in _PERIODS.items():
        for phrase in phrases:
            hit, rest = _take(rest, phrase)
            if hit and period is None:
                period = name
    include_past = False
    for phrase in _PAST_WORDS:
        hit, rest = _take(rest, phrase)
        include_past |= hit
    unit = None
    for phrase, code in UNIT_PHRASES:
        hit, rest = _take(rest, phrase)
        if hit and unit is None:
            unit = code
    leftover = [w for w in rest.split() if w not in _FILLER]
    if leftover:
        return None
    # a month named is listed whole, its passed deadlines too ("hạn chót tháng 7/2025"); so is a notice named
    return DeadlineQuery(period=period, unit=unit, lang=lang, month=month, document=document,
                         include_past=bool(month or document) or (include_past and period is None))


# A notice named by its number in a deadline request: "hạn chót của công điện 230", "cv 5926 hạn
# nộp", "deadlines of 230/CĐ-TTg" (the kind word, or the number's own code, says it is a notice).
_KIND_NAMES = "|".join(sorted({w for ws in DOC_KINDS.values() for w in ws} | set(DOC_KINDS), key=len, reverse=True))
_DOCUMENT = re.compile(rf"(?:^|(?<=\s))(?:(?:{_KIND_NAMES})\s+(?:so\s+|no\.?\s*)?(\d{{1,6}})(?:/[\w/-]+)?"
                       rf"|(\d{{1,6}})/[a-z][\w/-]*)(?=[\s?.!,]|$)")


def _named_document(text: str) -> tuple[str | None, str]:
    """The number of the notice a deadline request names, and the request without it."""
    folded = fold_text(text).lower()
    found = _DOCUMENT.search(folded)
    if not found:
        return None, text
    return found.group(1) or found.group(2), folded[:found.start()] + " " + folded[found.end():]


_MONTH_VI = re.compile(r"(?:^| )thang (\d{1,2})(?:(?: nam | |/|-)(\d{4}))?(?= |$)")
_MONTH_EN = re.compile(r"(?:^| )(january|february|march|april|may|june|july|august|september|october|november|december)"
                       r"(?: (\d{4}))?(?= |$)")
_EN_MONTHS = ("january february march april may june july august september october november december").split()


def _named_month(rest: str) -> tuple[tuple[int, int] | None, str]:
    """A month named in a deadline request ("tháng 7/2025", "tháng 12", "in July 2025"): (year,
    month), this year when none is given; and the request without it."""
    found = _MONTH_VI.search(rest) or _MONTH_EN.search(rest)
    if not found:
        return None, rest
    month = int(found.group(1)) if found.group(1).isdigit() else _EN_MONTHS.index(found.group(1)) + 1
    if not 1 <= month <= 12:
        return None, rest
    year = int(found.group(2)) if found.group(2) else date.today().year
    return (year, month), " ".join((rest[:found.start()] + " " + rest[found.end():]).replace(" in ", " ").split())


_KINDS = ("by", "from", "after", "within_month", "before_month")
_QUARTER = re.compile(r"\bquy\b")


def shown_kind(kind: str, phrase: str) -> str:
    """How a deadline reads to people: the stored kind, except that a period "trong quý
    II/2026" (stored as within_month with the quarter's last day) is a quarter, not a month."""
    if kind == "within_month" and _QUARTER.search(" ".join(fold_text(phrase).split())):
        return "within_quarter"
    return kind if kind in _KINDS else "by"


def fold_text(text: str) -> str:
    from knowledge.text import fold
    return fold(text)


from knowledge.deadline_ics import ics_rrule, render_ics  # noqa: E402,F401  (part of this API)
