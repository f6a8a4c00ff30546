"""Deadlines as people ask for them: a list (soonest first), an iCalendar feed, and the
recognition of "what is due this week?" typed as a plain message.

A deadline without a time of day falls due at the end of its day (23:59 local time), so a
reminder "on the day" still comes before it and an overdue digest only after it.
"""
from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from knowledge.models import Deadline, DeadlineUnit, Document, Item, Unit
from knowledge.units import ALL, UNIT_PHRASES, folded_words

END_OF_DAY = time(23, 59)
log = logging.getLogger("loa.deadlines")


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
                   end: date | None = None) -> list[DeadlineRow]:
    """Deadlines soonest first: from today on (all of them with include_past), optionally only
    those addressed to `unit` (or to every unit), optionally within a period ("week", see
    DeadlineQuery) or [start, end]."""
    today = today or local_today(zone)
    if period:
        start, end = DeadlineQuery(period=period).dates(today)
    conditions = []
    if not include_past:
        conditions.append(Deadline.due_date >= max(today, start) if start else Deadline.due_date >= today)
    elif start:
        conditions.append(Deadline.due_date >= start)
    if end:
        conditions.append(Deadline.due_date <= end)
    if unit and unit != ALL:
        addressed = (DeadlineUnit.select(DeadlineUnit.deadline).join(Unit)
                     .where(Unit.code.in_([unit, ALL])))
        conditions.append(Deadline.id.in_(addressed))
    where = conditions[0] if conditions else None
    for c in conditions[1:]:
        where &= c
    return _query(where)


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
        item_position=d.item.position) for d in deadlines]


# --- iCalendar (RFC 5545) -------------------------------------------------------------

def _ics_escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _fold(line: str) -> str:
    """Split a content line into pieces of at most 75 octets, never inside a UTF-8 character."""
    out, current, size = [], [], 0
    limit = 75
    for ch in line:
        n = len(ch.encode())
        if size + n > limit:
            out.append("".join(current))
            current, size, limit = [], 0, 74   # continuation lines start with a space
        current.append(ch)
        size += n
    out.append("".join(current))
    return "\r\n ".join(out)


def _zone_has_fixed_offset(zone: ZoneInfo, years: set[int]) -> bool:
    offsets = {datetime(y, m, 1, tzinfo=zone).utcoffset() for y in years for m in (1, 4, 7, 10)}
    return len(offsets) <= 1


def _fmt_offset(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


def render_ics(rows: list[DeadlineRow], zone: ZoneInfo, *, lang: str = "vi",
               stamp: datetime | None = None) -> str:
    """A VCALENDAR that phone calendars import: one VEVENT per deadline, all-day when the
    deadline has no time of day. Timed events carry TZID with a VTIMEZONE when the zone
    keeps one offset (Asia/Ho_Chi_Minh does); otherwise they are written in UTC."""
    from bot.texts import t

    stamp = (stamp or datetime.now(timezone.utc)).astimezone(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    tz_name = zone.key
    years = {r.due_date.year for r in rows if r.due_time} or {2000}
    use_tzid = _zone_has_fixed_offset(zone, years)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Loa//Deadlines//VI", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{_ics_escape(t(lang, 'calendar.name'))}",
             f"X-WR-TIMEZONE:{tz_name}"]
    if use_tzid and any(r.due_time for r in rows):
        offset = _fmt_offset(datetime(min(years), 1, 1, tzinfo=zone).utcoffset())
        lines += ["BEGIN:VTIMEZONE", f"TZID:{tz_name}", "BEGIN:STANDARD", "DTSTART:19700101T000000",
                  f"TZOFFSETFROM:{offset}", f"TZOFFSETTO:{offset}",
                  f"TZNAME:{datetime(min(years), 1, 1, tzinfo=zone).tzname()}",
                  "END:STANDARD", "END:VTIMEZONE"]
    seen: set[str] = set()
    for r in rows:
        uid = r.uid if r.uid not in seen else f"{r.id}-{r.uid}"
        seen.add(uid)
        try:
            start, end = _ics_times(r, zone, tz_name, use_tzid)
        except (OverflowError, ValueError) as e:      # 31/12/9999: the one event is left out
            log.warning("ics_deadline_skipped deadline_id=%s due=%s error=%r", r.id, r.due_date, e)
            continue
        source = t(lang, "calendar.source", document=r.document_number or r.document_title,
                   item=r.item_number or str(r.item_position))
        description = f"{r.phrase}\n{source}"
        lines += ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{stamp}", start, end,
                  f"SUMMARY:{_ics_escape(r.task_in(lang))}",
                  f"DESCRIPTION:{_ics_escape(description)}",
                  "TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _ics_times(r: DeadlineRow, zone: ZoneInfo, tz_name: str, use_tzid: bool) -> tuple[str, str]:
    """DTSTART and DTEND of one deadline: all day, or half an hour from its time."""
    if r.due_time is None:
        return (f"DTSTART;VALUE=DATE:{r.due_date:%Y%m%d}",
                f"DTEND;VALUE=DATE:{r.due_date + timedelta(days=1):%Y%m%d}")
    begin = r.moment(zone)
    finish = begin + timedelta(minutes=30)
    if use_tzid:
        return (f"DTSTART;TZID={tz_name}:{begin:%Y%m%dT%H%M%S}",
                f"DTEND;TZID={tz_name}:{finish:%Y%m%dT%H%M%S}")
    return (f"DTSTART:{begin.astimezone(timezone.utc):%Y%m%dT%H%M%SZ}",
            f"DTEND:{finish.astimezone(timezone.utc):%Y%m%dT%H%M%SZ}")


# --- "what is due this week?" ----------------------------------------------------------

@dataclass(frozen=True)
class DeadlineQuery:
    """A request for the deadline list typed as a message: a period and/or a unit."""
    period: str | None = None          # today | tomorrow | week | next_week | month
    unit: str | None = None
    include_past: bool = False
    lang: str = "vi"                   # the language it was asked in, for the reply

    def list_kwargs(self) -> dict:
        """Keyword arguments of list_deadlines for this request."""
        return {"include_past": self.include_past, "unit": self.unit, "period": self.period}

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
               "there s please our unit units tasks task with").split())


def _take(text: str, phrase: str) -> tuple[bool, str]:
    """Remove `phrase` as whole words from `text`; report whether it was there."""
    pattern = rf"(?:^| ){re.escape(phrase)}(?= |$)"
    new, n = re.subn(pattern, " ", text)
    return n > 0, " ".join(new.split())


def parse_deadline_query(text: str) -> DeadlineQuery | None:
    """Recognise a request for the deadline list ("hạn chót tuần này", "what is due this week?",
    "deadlines for schools"); None for anything else, such as a question about one directive
    ("Trạm y tế phải có bác sĩ trước ngày nào?"), which belongs to search."""
    rest = folded_words(text)
    lang = "en" if text.isascii() and re.search(r"\b(due|deadlines?|what|this|next|for)\b", rest) else "vi"
    if not rest or len(rest.split()) > 12:
        return None
    found_word = False
    for word in _DEADLINE_WORDS:
        hit, rest = _take(rest, word)
        found_word |= hit
    if not found_word:
        return None
    period = None
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
    return DeadlineQuery(period=period, unit=unit, include_past=include_past and period is None, lang=lang)
