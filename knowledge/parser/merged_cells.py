"""Merged cells of a task table: a row whose time, form or unit cell is the one above it.

A table lists several rows under one "Thời gian phổ biến | Hình thức | Đơn vị" cell merged down
the rows (a statistics calendar: "Tháng 6/2026 | Cổng thông tin … | Cục Văn thư …" shared by
five indicators). On a web page the merged cell is printed once, on the first row of its group,
and the rows under it simply have fewer cells. Read as they stand, those rows lost their deadline
and their unit: a reminder list gave two deadlines to the unit instead of seven. Here such a row
takes the value above for each cell it lacks, as a reader of the printed table does.

Only where the markup shows the cells are missing, not empty: the table's cells are separated by
bars, a row by more bars than a cell, and an empty cell leaves its own bars (a longer gap inside
the row, or before the next row). A row with such a gap, a table whose rows are not told from its
cells, or a column only one row fills in (a note on the first row) are left as they are: no value
is invented for a cell the document left empty.
"""
from __future__ import annotations

import re
from collections import Counter
from itertools import combinations

from knowledge.text import fold

_TIME_COLUMN = re.compile(r"^(?:thoi\s+(?:han|gian)|tien\s+do)\b")
_MAX_MISSING_SETS = 200         # the ways a short row's cells can sit among its columns, at most


def fill_merged(rows: list[tuple[list[str], list[int]] | None], columns: list[str]) -> None:
    """Give each short row the cells it shares with the row above, in place. `rows` holds, in the
    table's order, each row's cells (the task first) with the gaps before each cell and before
    the next entry (`[gap before cell 1, …, gap before cell n, gap after the row]`); None stands
    for a group heading, which no merged cell crosses."""
    width = len(columns)
    cell_gap, row_gap = _usual_gaps(rows)
    if cell_gap is None or row_gap is None or row_gap <= cell_gap:
        return                              # cells and rows look alike: a missing cell is not told from an empty one
    own = Counter(c for row in rows if row and len(row[0]) == width for c in range(1, width))
    dated = [bool(_TIME_COLUMN.match(fold(name))) for name in columns]
    above: list[str | None] = [None] * width
    for row in rows:
        if row is None:
            above = [None] * width
            continue
        cells, gaps = row
        if len(cells) == width:
            above = list(cells)
            continue
        if len(cells) > width or not _clean_row(gaps, cell_gap, row_gap):
            continue
        filled = _filled(cells, above, own, dated, width)
        if filled:
            cells[:] = filled
            above = list(filled)


def _usual_gaps(rows) -> tuple[int | None, int | None]:
    """The gap between two cells of a row and the gap between rows, as most of the table has them."""
    inside, after = Counter(), Counter()
    for row in rows:
        if row:
            inside.update(row[1][:-1])
            after[row[1][-1]] += 1
    return (inside.most_common(1)[0][0] if inside else None,
            after.most_common(1)[0][0] if after else None)


def _clean_row(gaps: list[int], cell_gap: int, row_gap: int) -> bool:
    """No empty cell in the row: each of its cells follows one bar, and it ends where a row ends
    (the table's last row may end anywhere before the text after the table)."""
    return all(g == cell_gap for g in gaps[:-1]) and gaps[-1] <= row_gap


def _filled(cells: list[str], above: list[str | None], own: Counter, dated: list[bool], width: int) -> list[str] | None:
    """The row's cells, with the missing ones taken from above, when one placement of its cells
    among the columns fits: each missing column has a value above and its own in other rows, a
    date column gets a date and a date goes to a date column. The rightmost missing columns are
    tried first (a merged cell is usually the last columns: time, form, unit); another placement
    only where it puts the row's own date in the date column (a merged unit column before it)."""
    rest = cells[1:]
    missing_count = width - len(cells)
    candidates = [c for c in range(1, width) if above[c] is not None and own[c] >= 2]
    trailing = tuple(range(width - 1, width - 1 - missing_count, -1))
    for tried, missing in enumerate(combinations(reversed(candidates), missing_count)):
        if tried >= _MAX_MISSING_SETS:
            break
        places = [c for c in range(1, width) if c not in missing]
        anchored = missing == trailing or any(dated[c] for c in places)
        if anchored and all(_fits(cell, dated[c]) for cell, c in zip(rest, places)):
            out = [cells[0]] + [""] * (width - 1)
            for cell, c in zip(rest, places):
                out[c] = cell
            for c in missing:
                out[c] = above[c]
            return out
    return None


_DATE_ONLY = re.compile(r"^(?:\S+\s+){0,3}(?:\d{1,2}/)?\d{1,2}/\d{4}$|^(?:\S+\s+){0,2}(?:năm\s+)?\d{4}$", re.IGNORECASE)


def _fits(cell: str, dated: bool) -> bool:
    """A date column's cell is short and names a number; a cell that is only a date belongs in one."""
    text = cell.strip(" .;")
    if dated:
        return len(text.split()) <= 8 and any(ch.isdigit() for ch in text)
    return not _DATE_ONLY.match(text)
