"""Web-page furniture around a notice copied from a legal-document website or a news page:
banners, download hints, summary boxes, "related documents" lists. The phrases are data
(knowledge/data/vocab/furniture.txt: [drop] a line, [end] the notice before a line, [end-line]
a line that is only one of them, [tail] a line's rest); this module reads them and tells a line's kind."""
from __future__ import annotations

import re

from knowledge.parser.cleaning import VOCAB
from knowledge.text import fold


def _vocab_sections(name: str) -> dict[str, list[str]]:
    sections: dict[str, list[str]] = {}
    current = None
    for raw in (VOCAB / name).read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]") and " " not in line:
            current = sections.setdefault(line[1:-1], [])
        elif current is not None:
            current.append(" ".join(fold(line).split()))
    return sections


_FURNITURE = _vocab_sections("furniture.txt")


def _any_of(phrases) -> re.Pattern:
    return re.compile("|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True)) or r"(?!)")


_DROP, _END = _any_of(_FURNITURE.get("drop", ())), _any_of(_FURNITURE.get("end", ()))
_END_LINES = frozenset(_FURNITURE.get("end-line", ()))
_TAIL = _any_of(_FURNITURE.get("tail", ()))


def furniture(line_text: str) -> str | None:
    """'drop' for a banner line, 'end' for a line after which the page is no longer the
    notice, None for the notice's own lines."""
    if len(line_text) < 5:
        return None
    folded = fold(line_text)
    if _END.search(folded) or (len(folded) < 40 and folded.strip(" :.>»-") in _END_LINES):
        return "end"
    if _DROP.search(folded):
        return "drop"
    return None


def site_tail(line_text: str) -> int | None:
    """Where the site's own words begin in a line of the notice ("… ban hành Văn bản này đang cập
    nhật Nội dung => …"), or None. Found in the folded line, which keeps the line's length."""
    folded = fold(line_text)
    found = _TAIL.search(folded) if len(folded) == len(line_text) else None
    return found.start() if found else None
