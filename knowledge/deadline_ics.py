"""Deadlines as an iCalendar (RFC 5545) feed that phone calendars import.

Split from knowledge/deadlines.py (one concept per module): the rows and their listing stay
there; this module only writes them as VEVENTs, all-day or timed in the chat's zone, with a
recurring duty's RRULE.
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from knowledge.deadlines import DeadlineRow, deadline_moment

log = logging.getLogger("loa.deadlines")

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
    from texts import t

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
    series: set[tuple] = set()
    for r in rows:
        rule = ""
        if r.recurrence:                 # one event a series, from its first stored occurrence
            key = (r.document_key, r.item_position, r.phrase, r.recurrence)
            if key in series:
                continue
            series.add(key)
            rule = ics_rrule(r, zone)
        uid = r.uid if r.uid not in seen else f"{r.id}-{r.uid}"
        seen.add(uid)
        try:
            start, end = _ics_times(r, zone, tz_name, use_tzid)
        except (OverflowError, ValueError) as e:      # 31/12/9999: the one event is left out
            log.warning("ics_deadline_skipped deadline_id=%s due=%s error=%r", r.id, r.due_date, e)
            continue
        source = t(lang, "calendar.source", document=r.document_number or r.document_title,
                   item=r.item_number) if r.item_number else \
            t(lang, "calendar.source_notice", document=r.document_number or r.document_title)
        description = f"{r.phrase}\n{source}"
        lines += ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{stamp}", start, end] + ([rule] if rule else []) + [
                  f"SUMMARY:{_ics_escape(r.task_in(lang))}",
                  f"DESCRIPTION:{_ics_escape(description)}",
                  "TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def ics_rrule(r: DeadlineRow, zone: ZoneInfo) -> str:
    """The RRULE line of a recurring deadline (RFC 5545), starting at `r`. Our rules keep a
    duty "before the 31st" on the last day of a shorter month, where RFC 5545 skips the
    month: such a day is written as "the last of days 28..31" (BYSETPOS=-1)."""
    from knowledge import recurrence

    p = dict(part.split("=", 1) for part in r.recurrence.split(";") if "=" in part)
    parts = {"FREQ": p.get("FREQ", "")}
    if "BYDAY" in p:
        parts["BYDAY"] = p["BYDAY"]
    months = p.get("BYMONTH", "")
    if "," in months:                      # each quarter: every third month from this one
        parts["FREQ"], parts["INTERVAL"] = "MONTHLY", "3"
    elif months:
        parts["BYMONTH"] = months
    if "BYMONTHDAY" in p:
        day = int(p["BYMONTHDAY"])
        if day > 28:
            parts["BYMONTHDAY"] = ",".join(str(d) for d in range(28, day + 1))
            parts["BYSETPOS"] = "-1"
        else:
            parts["BYMONTHDAY"] = str(day)
    last = recurrence.until(r.recurrence)
    if last is not None:
        if r.due_time is None:
            parts["UNTIL"] = f"{last:%Y%m%d}"
        else:
            end = deadline_moment(last, r.due_time, zone).astimezone(timezone.utc)
            parts["UNTIL"] = f"{end:%Y%m%dT%H%M%SZ}"
    return "RRULE:" + ";".join(f"{k}={v}" for k, v in parts.items())


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


