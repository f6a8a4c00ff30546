"""The numbering styles of a notice's parts, and which one opens a paragraph.

Vietnamese documents number their parts in many styles (Decree 30/2020/NĐ-CP and custom):
Phần/Chương/Mục/Điều, "A." "I." "1." "1.1" "1.1.1" "1)" "(1)" "a)" "(a)" "(i)", "-", "+",
"Thứ nhất, …", "Một là, …". This module only recognises a marker and names its style; how the
styles nest into a tree is knowledge/parser/body.py's business. The two are apart so the table
of styles can be read (and grown) on its own, without the tree-building around it.
"""
from __future__ import annotations

import re

_ORDINALS = "nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười"
# (style, rank, pattern): the rank orders styles nobody nests otherwise (a part above an
# article above a point above a bullet). Every pattern is anchored and bounded.
_STYLES = [
    ("part", 0, r"(?:PHẦN|Phần)\s+(THỨ\s+\w{2,5}|thứ\s+\w{2,5}|[IVXLC]{1,6}|\d{1,2})(?:\s*[.:\-–]\s*|\s+|$)"),
    ("chapter", 1, r"(?:CHƯƠNG|Chương)\s+([IVXLC]{1,6}|\d{1,3})(?:\s*[.:\-–]\s*|\s+|$)"),
    ("section", 2, r"(?:MỤC|Mục)\s+([IVXLC]{1,6}|\d{1,3})(?:\s*[.:\-–]\s*|\s+|$)"),
    ("article", 3, r"(?:ĐIỀU|Điều)\s+(\d{1,3})\s*[.:]\s*"),
    # a page quoting a plan part by part: "Tại Mục II Kế hoạch 465/KH-UBND nêu rõ …:" opens its II
    ("roman", 5, r"Tại\s+(?:Mục|Phần)\s+([IVXLC]{1,6})\s+(?=[^:]{0,200}:\s*$)"),
    ("roman", 5, r"([IVXLC]{1,6})\s*[.)/\-–]\s*(?=\S)"),
    ("upper", 4, r"([A-HJ-UWYZ])\s*[.)]\s+(?=\S)"),
    # "1.2 Tổ chức …", never a measure "13.75 ± 3g/chiếc", "2.5 kg", "1.5 %"
    ("decimal", 8, r"(\d{1,2}(?:\.\d{1,2}){1,3})\.?\s+(?=\S)(?![\d±%×=<>~/])"
                   r"(?!(?:g|kg|mg|mm|cm|km|m|m2|m3|ha|ml|l|lít|tấn|tỷ|triệu)\b)"),
    ("arabic", 7, r"(\d{1,2})\s*\.\s*(?=\S)(?!\d)"),
    ("arabic)", 10, r"(\d{1,2})\s*\)\s*(?=\S)"),
    ("arabic-", 7, r"(\d{1,2})\s*[-–]\s+(?=\S)"),
    ("(arabic)", 10, r"\((\d{1,2})\)\s*(?=\S)"),
    ("(roman)", 12, r"\(([ivx]{1,5})\)\s*(?=\S)"),
    ("(letter)", 12, r"\(([a-zđ])\)\s*(?=\S)"),
    ("letter", 11, r"([a-zđ])\s*\)\s*(?=\S)"),
    ("letter.", 11, r"([a-zđ])\.\s+(?=\S)"),
    ("ordinal", 6, rf"(Thứ\s+(?:{_ORDINALS}))\s*[,:.]\s*"),
    ("la", 6, r"((?:Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười)\s+là)\s*[,:]\s*"),
    ("dash", 13, r"[-–—−]\s*(?=\S)"),
    ("plus", 14, r"\+\s*(?=\S)"),
    ("dot", 15, r"[•·▪●◦]\s*(?=\S)"),
]
_PATTERNS = [(style, rank, re.compile(pattern)) for style, rank, pattern in _STYLES]
# A marker alone on its line ("1.", "a)", "Điều 3."): its text comes in the next paragraph
BARE_MARKER = re.compile(r"\(?(?:\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ]|[IVXLC]{1,6})[.)]|(?:Điều|ĐIỀU)\s+\d{1,3}\s*[.:]")
BULLETS = {"dash", "plus", "dot"}
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

def marker_of(text: str, seen: dict[str, str]) -> tuple[str, int, str, str] | None:
    """(style, rank, label, marker) of a paragraph that opens a numbered part; `seen` is the
    last label of each style so far ("C." after "B." is a letter, after "II." a numeral)."""
    candidates = []
    for style, rank, pattern in _PATTERNS:
        m = pattern.match(text)
        if m and m.end() < len(text):
            label = m.group(1) if m.groups() else ""
            candidates.append((style, rank, label, m))
    if not candidates:
        return None
    style, rank, label, m = candidates[0]
    styles = {c[0]: c for c in candidates}
    if "roman" in styles and "upper" in styles:
        upper_label = styles["upper"][2]
        roman_label = styles["roman"][2]
        if seen.get("upper") and _next_letter(seen["upper"]) == upper_label and \
                not (seen.get("roman") and _roman(roman_label) == _roman(seen["roman"]) + 1):
            style, rank, label, m = styles["upper"]
        elif upper_label == "A" and not seen.get("roman"):
            style, rank, label, m = styles["upper"]
        else:
            style, rank, label, m = styles["roman"]
    if style == "roman" and _roman(label) is None:
        return None
    if style == "letter." and label not in ("a",) and seen.get("letter.") is None:
        return None                                   # "v. " alone is not a list
    return style, rank, label, text[:m.end()].strip()


def _roman(label: str) -> int | None:
    values = [_ROMAN[c] for c in label]
    total = 0
    for i, v in enumerate(values):
        total += -v if i + 1 < len(values) and values[i + 1] > v else v
    canonical = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII", 9: "IX", 10: "X",
                 11: "XI", 12: "XII", 13: "XIII", 14: "XIV", 15: "XV", 16: "XVI", 17: "XVII", 18: "XVIII",
                 19: "XIX", 20: "XX"}
    return total if canonical.get(total) == label else None


def _next_letter(label: str) -> str:
    return chr(ord(label) + 1) if label else "A"
