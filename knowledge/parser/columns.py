"""A letterhead whose two columns come side by side on each line (a PDF's text layer, a
table copied as text):

    UBND TỈNH HÀ TĨNH                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
    BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH     Độc lập - Tự do - Hạnh phúc
    Số: 27/TB-BCĐ                     Hà Tĩnh, ngày 20 tháng 11 năm 2026

Cleaning has already squeezed the gap to one space, so the columns are told apart by what
starts the right one (Decree 30/2020/NĐ-CP): the motto, "Độc lập - Tự do - Hạnh phúc", or a
"Place, ngày …" line after the number. The lines are then given back as the left column
read first and the right one after it, which is the stacked layout the header reader knows.
"""
from __future__ import annotations

import re

from knowledge.parser.cleaning import Line
from knowledge.parser.pages import NUMBER
from knowledge.text import fold

_RIGHT_STARTS = ("cong hoa xa hoi chu nghia viet nam", "dang cong san viet nam", "doc lap - tu do",
                 "doc lap – tu do", "doc lap tu do")
_MOTTO_STARTS = _RIGHT_STARTS[:2]
_NUMBER_THEN = re.compile(rf"^Số(?:\s+hiệu)?\s*:?\s*{NUMBER}(?![\w/-])\s+(?=[A-ZĐÀ-Ỹ])", re.IGNORECASE)
_PLACE_DATE = re.compile(r"^[A-ZĐÀ-Ỹ][^,]{1,60},\s*ngày\s+\d", re.IGNORECASE)
_WORD_START = re.compile(r"(?<=\s)\S")
_LOOK = 12                 # nonblank lines in which a letterhead is looked for


def unfold_columns(lines: list[Line]) -> list[Line]:
    """The lines with a side-by-side letterhead unfolded into left column, then right."""
    texts = [i for i, line in enumerate(lines) if line.text][:_LOOK]
    splits = {i: _split(lines[i].text) for i in texts}
    motto = next((i for i in texts if splits[i] and fold(splits[i][1]).startswith(_MOTTO_STARTS)), None)
    if motto is None:
        return lines
    last = max(i for i in texts if splits[i])
    first = texts[0]
    left: list[Line] = []
    right: list[Line] = []
    for i in range(first, last + 1):
        line = lines[i]
        if not line.text:
            continue
        if splits[i]:
            a, b = splits[i]
            left.append(Line(a, bold=line.bold))
            right.append(Line(b, bold=line.bold))
        elif i > motto and (_PLACE_DATE.match(line.text) or fold(line.text).startswith(_RIGHT_STARTS)):
            right.append(line)
        else:
            left.append(line)
    gap = Line("", hard=True)
    return lines[:first] + left + [gap] + right + [gap] + lines[last + 1:]


def _split(text: str) -> tuple[str, str] | None:
    """(left, right) when the right column starts inside the line."""
    m = _NUMBER_THEN.match(text)
    if m and _PLACE_DATE.match(text[m.end():]):
        return text[:m.end()].strip(), text[m.end():].strip()
    for w in _WORD_START.finditer(text):
        k = w.start()
        # a letterhead writes one of its columns in capitals ("UBND TỈNH HÀ TĨNH Độc lập - …",
        # "… CỘNG HÒA XÃ HỘI CHỦ NGHĨA"); a sentence that names the party ("…, Ban Chấp hành Trung
        # ương Đảng Cộng sản Việt Nam đã ban hành …") is no letterhead
        if k > 0 and fold(text[k:k + 40]).startswith(_RIGHT_STARTS) and \
                (_capitals(text[:k]) or _capitals(text[k:k + 20])):
            return text[:k].strip(), text[k:].strip()
    return None


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)
