"""The number line and the place-and-date line of a notice's header.

"Số: 12/KH-UBND" and "Nghệ An, ngày 26 tháng 11 năm 2025" are what identify a notice (with
its issuer), so they are read on their own, by patterns that also find them wrapped over
lines, joined to a neighbour by OCR, or written "ngày 23/11/2026" after the number. A date
outside the sane window is kept as written, so that the notice is refused with a message
instead of being filed under a wrong year.
"""
from __future__ import annotations

import re
from datetime import date as Date

from knowledge.dates import DateOutOfRange, sane_date
from knowledge.parser.pages import NUMBER
from knowledge.text import fold

NUMBER_LINE = re.compile(rf"Số(?:\s+hiệu)?\s*:?\s*({NUMBER})(?![\w/-])", re.IGNORECASE)
NUMBER_INSIDE = re.compile(rf"(?<!\w)(?:Số|SỐ)\s*:?\s*({NUMBER})(?![\w/-])")
NUMBER_LABEL = re.compile(r"Số(?:\s+hiệu)?\s*:?\s*$", re.IGNORECASE)
DATE_WORDS = re.compile(r"(?<!\w)ngày\s+(\d{1,2})\s*(?:tháng\s+(\d{1,2})\s+năm\s+|[/.-]\s*(\d{1,2})\s*[/.-]\s*)"
                         r"(\d{4,5})(?!\d)", re.IGNORECASE)


def join_zone(zone: list[tuple[int, str]]) -> tuple[str, list[tuple[int, int]]]:
    parts, offsets, pos = [], [], 0
    for i, text in zone:
        offsets.append((pos, i))
        parts.append(text)
        pos += len(text) + 1
    return " ".join(parts), offsets


def line_at(offsets: list[tuple[int, int]], pos: int) -> int:
    line = offsets[0][1] if offsets else 0
    for start, i in offsets:
        if start > pos:
            break
        line = i
    return line


def place_date_lines(zone: list[tuple[int, str]]):
    """(place, date, bad date, line index) of a line that starts with "Place, ngày …" (the
    date may wrap onto the next lines)."""
    for n, (i, text) in enumerate(zone):
        joined = " ".join(t for _, t in zone[n:n + 3])
        found = place_date(joined, anchored=True)
        if found:
            place, value, bad, at = found
            date_end = DATE_WORDS.match(joined, at).end() - 1    # the year's last digit: a wrapped date's
            end_line = line_at(join_zone(zone[n:n + 3])[1], date_end)   # last line, not the line after
            return place, value, bad, end_line
    return None


_PLACE_TYPES = ("thanh pho", "thi xa", "thi tran", "tinh", "huyen", "quan", "xa", "phuong", "dac khu")
_PLACE_WORDS = {w for t in _PLACE_TYPES for w in t.split()}


def place_date(text: str, anchored: bool = False):
    """(place, date, bad date as written, position) of "Nghệ An, ngày 26 tháng 11 năm 2025"."""
    for m in DATE_WORDS.finditer(text):
        before = text[max(0, m.start() - 60):m.start()].rstrip()
        if not before.endswith(","):
            continue
        words = before[:-1].split()
        place: list[str] = []
        while words and len(place) < 7 and (words[-1][:1].isupper() or words[-1] in ("-",)
                                            or (place and fold(words[-1]) in _PLACE_WORDS)):
            place.insert(0, words.pop())      # "Thành phố Hồ Chí Minh", "Thị trấn Phong Châu", "xã Hòa Bình"
        if place and words and fold(f"{words[-1]} {place[0]}") in _PLACE_TYPES:
            place.insert(0, words.pop())      # "thị xã": "thị" is a place word only before "xã"
        if not place or (anchored and (words or m.start() > 60)):
            continue
        value, bad = words_date(m)
        if value is not None or bad:
            return " ".join(place), value, bad, m.start()
    return None


def words_date(m: re.Match) -> tuple[Date | None, str | None]:
    """(date, None) of a `DATE_WORDS` match, or (None, the date as written) out of range."""
    day, month, year = int(m.group(1)), int(m.group(2) or m.group(3)), int(m.group(4))
    try:
        return sane_date(year, month, day), None
    except DateOutOfRange:
        return None, f"{day:02d}/{month:02d}/{year}"
