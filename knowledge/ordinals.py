"""Which round, term or phase a question asks about, against the one a notice is about.

"Thanh tra Chính phủ tuyển dụng đợt 2 khi nào thi?" asked of a notice on "đợt 1" finds every
word but one digit, and a digit weighs nothing in a ranking of words; yet the answer would be
about another round. When the question names a round ("đợt 2", "lần thứ 3", "khóa XV",
"kỳ họp thứ 10", "giai đoạn 2021-2025") and the notice names the same kind of thing only with
other numbers, the notice is not about it, and the best it can be is a suggestion.
"""
from __future__ import annotations

import re

import numpy as np

from knowledge.text import fold

_ORDINAL = re.compile(r"\b(dot|lan thu|khoa|ky hop thu|giai doan|nhiem ky)\s+(\d[\d\s\-–]*\d|\d|[ivxl]+\b)")


# Doses of a vaccine: "mũi 3", "mũi thứ 4", "mũi vắc xin thứ 4", "mũi nhắc lại thứ 2"; and
# "đủ 2 mũi" (every dose up to the second). Folded, "mui" is also "mùi" (a smell), which no
# number follows.
_DOSE = re.compile(r"\bmui(?:\s+(?!thu\b)[^\W\d_]+){0,3}?\s+thu\s+(\d{1,2})\b|\bmui\s+(\d{1,2})\b")
_DOSES = re.compile(r"\b(\d{1,2})\s+mui\b")


def ordinals(text: str) -> set[tuple[str, str]]:
    """(kind, number) pairs named in a text, folded: {('dot', '2'), ('giai doan', '2021-2025')};
    a vaccine dose is ('mui', '4'), and "2 mũi" names doses 1 and 2."""
    folded = fold(text)
    found = {(kind, re.sub(r"\s*[-–]\s*", "-", number.strip()))
             for kind, number in _ORDINAL.findall(folded)}
    found |= {("mui", a or b) for a, b in _DOSE.findall(folded)}
    found |= {("mui", str(k)) for n in _DOSES.findall(folded) for k in range(1, min(int(n), 9) + 1)}
    return found


# Ages: "từ 12 đến 17 tuổi", "5-11 tuổi", "từ 18 tuổi trở lên", "dưới 5 tuổi", "trên 65 tuổi",
# "trẻ 5 tuổi"; read folded, as ranges of years (both ends included).
_OLDEST = 200
_AGE = re.compile(r"\b(?:(?:tu\s+)?(\d{1,3})\s*(?:-|–|den|toi)\s*(\d{1,3})\s+tuoi"
                  r"|(?:tu\s+)?(\d{1,3})\s+tuoi\s+tro\s+len"
                  r"|(duoi|tren)\s+(\d{1,3})\s+tuoi"
                  r"|(\d{1,3})\s+tuoi)\b")


def ages(text: str) -> set[tuple[int, int]]:
    """The age ranges a text names, folded: {(12, 17), (18, 200)}."""
    out = set()
    for lo, hi, up, side, bound, one in _AGE.findall(fold(text)):
        if lo:
            out.add((int(lo), int(hi)))
        elif up:
            out.add((int(up), _OLDEST))
        elif side:
            out.add((0, int(bound) - 1) if side == "duoi" else (int(bound) + 1, _OLDEST))
        else:
            out.add((int(one), int(one)))
    return out


def clashes(question: str, texts) -> bool:
    """The question names a round the texts (a notice's items, headings and title) never name,
    while they name the same kind of round with other numbers; or an age none of the ages they
    name takes in ("tiêm cho trẻ 5 tuổi" of a notice on those of 12 to 17 and over 18)."""
    asked, asked_ages = ordinals(question), ages(question)
    if not asked and not asked_ages:
        return False
    texts = list(texts)
    named: set[tuple[str, str]] = set()
    named_ages: set[tuple[int, int]] = set()
    for text in texts:
        named |= ordinals(text)
        if asked_ages:
            named_ages |= ages(text)
    kinds = {k for k, _ in named}
    if any(kind in kinds and (kind, number) not in named for kind, number in asked):
        return True
    return bool(named_ages) and not any(lo <= b and a <= hi for lo, hi in asked_ages for a, b in named_ages)


def document_texts(index, item: int):
    """The words of an item's notice: its title, its items and their headings."""
    d = int(index.item_doc[item])
    yield index.doc_records[d].document_title or ""
    for i in np.flatnonzero(index.item_doc == d).tolist():
        r = index.records[i]
        yield r.text
        yield from r.headings
