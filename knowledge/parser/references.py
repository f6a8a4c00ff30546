"""Documents a notice cites by number ("Nghị quyết số 128/NQ-CP ngày 11/10/2021"), with the
kind and the date the citation gives.

The kind is the one the text names before the number ("công văn số 3316/CT-CS"); only when it
names none is it read from the number's code ("128/NQ-CP": a Nghị quyết) — a code names the
issuer as often as the kind ("CT-CS" is Cục Thuế's office, not a Chỉ thị)."""
from __future__ import annotations

import re

from knowledge.dates import DateOutOfRange, sane_date
from knowledge.parser.pages import NUMBER

_REF = re.compile(rf"(?<![\w/])({NUMBER})(?![\w/])")
_REF_KINDS = {"NQ": "Nghị quyết", "CT": "Chỉ thị", "CD": "Công điện", "CĐ": "Công điện",
              "TB": "Thông báo", "CV": "Công văn", "QĐ": "Quyết định", "QD": "Quyết định",
              "KH": "Kế hoạch", "NĐ": "Nghị định", "TT": "Thông tư", "KL": "Kết luận",
              "HD": "Hướng dẫn", "BC": "Báo cáo"}
_KIND_BY_NAME = {kind.lower(): kind for kind in _REF_KINDS.values()}
_KIND_NAMED = re.compile(r"(" + "|".join(sorted(set(_REF_KINDS.values()), key=len, reverse=True)) +
                         r")\s*(?:số\s*)?:?\s*$", re.IGNORECASE)
_REF_DATE = re.compile(r",?\s*(?:ngày\s*)?(\d{1,2})/(\d{1,2})/(\d{4})")


def find_references(text: str, own_number: str | None = None) -> list[dict]:
    """Each document the text cites, once: number, kind ("" when neither the text nor the code
    says), date (None when not given right after the number)."""
    refs: dict[str, dict] = {}
    for m in _REF.finditer(text):
        number = m.group(1).rstrip(".")
        if number == own_number or number in refs or not re.search(r"[A-ZĐ]{2}", number):
            continue
        refs[number] = {"number": number, "kind": _kind(text, m.start(), number), "date": _date_after(text, m.end())}
    return list(refs.values())


def _kind(text: str, start: int, number: str) -> str:
    named = _KIND_NAMED.search(text[max(0, start - 30):start])
    if named:
        return _KIND_BY_NAME[named.group(1).lower()]
    code = re.sub(r"^\d+(?:/\d{4})?[-/]", "", number).split("/")[0].split("-")[0]
    return _REF_KINDS.get(code.upper(), "")


def _date_after(text: str, end: int) -> str | None:
    d = _REF_DATE.match(text[end:end + 20])
    if not d:
        return None
    try:
        checked = sane_date(int(d.group(3)), int(d.group(2)), int(d.group(1)))
    except DateOutOfRange:
        return None
    return checked.isoformat() if checked else None
