"""The letterhead: the motto (quốc hiệu) that marks where a document starts, and the issuer.

The issuer is read from the one to three capitalised lines above the motto (names wrap:
"ỦY BAN NHÂN / DÂN / TỈNH NGHỆ AN"), or, when the motto was lost (typed in a chat, copied
without the right column), from the capitals at the very top. A motto stamped at the end of
a scan is no letterhead: one is followed by a number, a date or a kind line.
"""
from __future__ import annotations

import re

from knowledge.parser.cleaning import Line
from knowledge.parser.kind_title import kind_line
from knowledge.parser.names import caps as _caps, compose_issuer, segment_organs, starts_with_head
from knowledge.parser.number_date import NUMBER_LINE, place_date, place_date_lines
from knowledge.text import fold

_MOTTOS = ("cong hoa xa hoi chu nghia viet nam", "dang cong san viet nam")


def find_motto(lines: list[Line]) -> int | None:
    """Index of the first line of the motto (quốc hiệu), which may be wrapped over lines."""
    texts = [(i, line.text) for i, line in enumerate(lines) if line.text]
    for n, (i, text) in enumerate(texts):
        if text[:1] in "CĐ" and fold(text[:4]) in ("cong", "dang") and _caps(text):
            joined = " ".join(fold(" ".join(t for _, t in texts[n:n + 4])).split())
            if joined.startswith(_MOTTOS) and _header_follows(lines, [k for k, _ in texts[n + 1:n + 16]]):
                return i
    return None


def _header_follows(lines: list[Line], following: list[int]) -> bool:
    """A letterhead's motto is followed by a number, a place and date or a kind line; one
    stamped at the end of a scan is not."""
    joined = " ".join(lines[k].text for k in following)
    return bool(NUMBER_LINE.search(joined) or place_date_lines([(k, lines[k].text) for k in following])
                or any(kind_line(lines[k].text) for k in following))


def issuer_above_motto(lines: list[Line], motto: int) -> tuple[list[str], int]:
    """The letterhead lines above the motto (capitals), and where the document starts. When
    nothing stands above it, the name may come right after the motto lines."""
    got: list[str] = []
    k = motto - 1
    while k >= 0 and len(got) < 6:
        line = lines[k]
        if line.text:
            if NUMBER_LINE.match(line.text) or not any(c.isalpha() for c in line.text) \
                    or place_date(line.text, anchored=True):
                k -= 1                  # "Số: 27/TB-BCĐ" or a party's "*" under the issuer: not its name
                continue
            if not _caps(line.text) or line.text.endswith((".", ":", "?")):
                break
            got.append(line.text)
        elif got and line.hard and not _wrapped(got[-1]):
            break
        k -= 1
    start = k + 1
    while start < motto and not lines[start].text:
        start += 1
    if got:
        return list(reversed(got)), start
    return [], motto


def _wrapped(name: str) -> bool:
    return fold(name).split()[-1] in ("nhan", "chinh", "va", "tinh", "thanh", "chap", "ban", "uy")


def issuer_on_top(lines: list[Line]) -> str | None:
    """The issuer of a notice whose letterhead lost its motto (typed in a chat, copied without
    the right column): up to three capitalised lines at the very top, the first beginning
    with a body's head word, before the number or the kind line."""
    top = [line.text.strip() for line in lines if line.text.strip()][:4]
    names = []
    for text in top:
        letters = [c for c in text if c.isalpha()]
        if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters) or kind_line(text) \
                or re.match(r"so\b\s*:?\s*\d", fold(text)):
            break
        names.append(text)
    if not names or len(names) > 3 or not starts_with_head(names[0]):
        return None
    return compose_issuer(segment_organs(names))
