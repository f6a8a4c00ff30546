"""A bold heading a web copy glued onto the end of the paragraph before it: "… theo quy định
(Phụ lục 1).**3.2. Thời điểm tính độ tuổi …**", "… của cấp có thẩm quyền. **Thời gian tiến hành
đại hội đảng bộ các cấp**". Read as one line, the heading became the tail of that paragraph and
everything under it was numbered under the section before. Split off, it is the line of its own
it was on the page."""
from __future__ import annotations

import re

_ENDS = tuple(".!?;")          # a sentence ends before the heading (not a ":" leading into bold words)
_MAX_WORDS = 30                # a heading is a line, not a sentence in bold


def glued_heading(cell: str) -> int | None:
    """Where the bold heading at the end of `cell` starts (its opening "**"), when the cell is a
    paragraph ending a sentence and then a bold run to the line's end that reads as a heading:
    starting with a capital or a number, a few words, no sentence end inside; else None."""
    text = cell.rstrip()
    if not text.endswith("**") or text.endswith("***"):
        return None
    start = text.rfind("**", 0, len(text) - 2)
    if start <= 0 or text[start - 1] == "*":
        return None
    head = text[start + 2:-2].strip()
    before = text[:start].rstrip()
    if not head or "*" in head or not before.endswith(_ENDS) or before.count("**") % 2:
        return None
    if not (head[0].isupper() or head[0].isdigit()) or not 3 <= len(head.split()) <= _MAX_WORDS \
            or head.endswith(_ENDS):       # ("… chính trị. **Tải về**": a link's label, no heading)
        return None
    if sum(c.isalpha() for c in before) < 20:          # "1.**Tên**": a marker, not a paragraph
        return None
    return start


def addressee_run(before: str, text: str) -> bool:
    """A point that opens on the bodies it addresses, listed over two lines with a ";" between
    them ("3. Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;" then "Ủy ban nhân dân các tỉnh …
    căn cứ chức năng, nhiệm vụ …"): one sentence, not a point holding a name and a paragraph."""
    from knowledge.parser.actors import addressees, names_only     # actors reads the catalogue: late
    head = before.rstrip(" *")
    if not head.endswith(";") or len(head) > 200:
        return False
    marker = _POINT.match(head)
    listed = head[marker.end():] if marker else ""
    return bool(listed) and names_only(listed) and bool(addressees(text[:300])[0])


_POINT = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}[.)]|[a-zđ]\)|[-–+•])\s+")
