"""Word's automatic numbering written out as text.

Offices type "1.", "2.", "a)" with Word's numbered lists (the styles "List Number", "List
Paragraph" with a numbering, or the toolbar button), so the numbers are not in the
paragraph's text: Word draws them from numbering.xml. Without them a notice's points would
be stored without their "mục" and replies and reminders could not cite them. This module
keeps Word's counters while the paragraphs are read in order and gives each numbered
paragraph the label Word shows ("1.", "2)", "a)", "II.", a bullet as "-").
"""
from __future__ import annotations

import re

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MAX_LEVELS = 9                       # Word's levels are 0..8
_PLACEHOLDER = re.compile(r"%([1-9])")


def _roman(n: int) -> str:
    out = []
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"),
                           (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                           (4, "IV"), (1, "I")):
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def _letter(n: int) -> str:
    """a … z, then aa, bb … as Word counts."""
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        s = _letter(n)
        return s.upper() if fmt == "upperLetter" else s
    if fmt in ("lowerRoman", "upperRoman") and 0 < n < 4000:
        s = _roman(n)
        return s.lower() if fmt == "lowerRoman" else s
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _val(element, path: str) -> str | None:
    found = element.find(path) if element is not None else None
    return found.get(_W + "val") if found is not None else None


class Numbering:
    """The counters of one document's numbered lists, advanced paragraph by paragraph."""

    def __init__(self, document) -> None:
        self._levels: dict[str, dict[int, tuple[str, str, int]]] = {}   # numId -> level -> (fmt, text, start)
        self._styles: dict[str, tuple[str | None, int | None, str | None]] = {}
        self._counters: dict[str, list[int]] = {}
        try:
            numbering = document.part.numbering_part.element
        except Exception:             # no numbering part: nothing is numbered
            numbering = None
        if numbering is not None:
            self._read_numbering(numbering)
        try:
            self._read_styles(document.styles.element)
        except Exception:             # a document without styles part
            pass

    def _read_numbering(self, numbering) -> None:
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in numbering.iterchildren(_W + "abstractNum"):
            abstract[node.get(_W + "abstractNumId")] = self._read_levels(node)
        for num in numbering.iterchildren(_W + "num"):
            levels = dict(abstract.get(_val(num, _W + "abstractNumId") or "", {}))
            for override in num.iterchildren(_W + "lvlOverride"):
                ilvl = _int(override.get(_W + "ilvl"))
                lvl = override.find(_W + "lvl")
                if lvl is not None:
                    levels.update(self._read_levels(override))
                start = _val(override, _W + "startOverride")
                if start is not None and ilvl in levels:
                    fmt, text, _ = levels[ilvl]
                    levels[ilvl] = (fmt, text, _int(start, 1))
            self._levels[num.get(_W + "numId")] = levels

    @staticmethod
    def _read_levels(node) -> dict[int, tuple[str, str, int]]:
        levels = {}
        for lvl in node.iterchildren(_W + "lvl"):
            ilvl = _int(lvl.get(_W + "ilvl"))
            if 0 <= ilvl < _MAX_LEVELS:
                levels[ilvl] = (_val(lvl, _W + "numFmt") or "decimal",
                                _val(lvl, _W + "lvlText") or "", _int(_val(lvl, _W + "start"), 1))
        return levels

    def _read_styles(self, styles) -> None:
        for style in styles.iterchildren(_W + "style"):
            num_pr = style.find(f"{_W}pPr/{_W}numPr")
            self._styles[style.get(_W + "styleId")] = (
                _val(num_pr, _W + "numId"), _optional_int(_val(num_pr, _W + "ilvl")),
                _val(style, _W + "basedOn"))

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, int]:
        """A style's list, inherited through basedOn (a few steps at most)."""
        for _ in range(8):
            if style_id is None or style_id not in self._styles:
                break
            num_id, ilvl, based_on = self._styles[style_id]
            if num_id is not None:
                return num_id, ilvl or 0
            style_id = based_on
        return None, 0

    def label(self, paragraph) -> str:
        """The number Word shows before this paragraph ("" when it has none); advances the
        list's counters, so paragraphs must be given in reading order."""
        ppr = paragraph.find(_W + "pPr")
        num_pr = ppr.find(_W + "numPr") if ppr is not None else None
        num_id, ilvl = self._style_numbering(_val(ppr, _W + "pStyle"))
        if num_pr is not None:
            num_id = _val(num_pr, _W + "numId") or num_id
            own_level = _optional_int(_val(num_pr, _W + "ilvl"))
            if own_level is not None:
                ilvl = own_level
        levels = self._levels.get(num_id or "")
        if not levels or num_id == "0" or ilvl not in levels:
            return ""
        counters = self._counters.setdefault(num_id, [0] * _MAX_LEVELS)
        fmt, text, start = levels[ilvl]
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else start
        for deeper in range(ilvl + 1, _MAX_LEVELS):
            counters[deeper] = 0
        if fmt == "none":
            return ""
        if fmt == "bullet":
            return "-"

        def number(match: re.Match) -> str:
            level = int(match.group(1)) - 1
            level_fmt, _, level_start = levels.get(level, ("decimal", "", 1))
            return _format(counters[level] or level_start, level_fmt)

        return _PLACEHOLDER.sub(number, text).strip()


def _int(text: str | None, default: int = 0) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default


def _optional_int(text: str | None) -> int | None:
    return _int(text) if text is not None else None
