"""Task tables: a plan's or an annex's table of tasks read as one item per row.

Decree 30/2020/NĐ-CP documents (kế hoạch, the phụ lục of a công văn) often list their tasks
in a table: "STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn hoàn thành". On a
web page every cell ends up on a line of its own (markdown bars, or a legal library's `|`
lines), so without this step each cell became an item of its own ("Sở Tư pháp", "Tháng
12/2025", the expected result) or, being short and unpunctuated, was dropped as a caption
together with the task. Here a table is recognised by its header row (a "STT"/"TT" cell
then a few short column names) and each row, from its number cell to the next row's, is
folded into one numbered paragraph: the task, then the other cells labelled by their
column ("Cơ quan chủ trì: Sở Tư pháp"), so who leads and when stay with the task they
belong to, in the document's own words.

Annex tables often group their rows: a cell "I" (or "A", or "I. NÂNG CAO NHẬN THỨC") and the
group's name come before the group's rows, which are numbered afresh ("1", or "1.1", "1.2" under
"I"). A group is given back as a heading paragraph ("I. NÂNG CAO NHẬN THỨC"), so its rows nest
under it as the group's points instead of running "1, 2, 1, 2" into one another, and the group's
name is no cell of the row above. A group cell counts only where the table's rows are bare number
cells: a document's own "III. TỔ CHỨC THỰC HIỆN" after the table, followed by "1. Sở …" in one
paragraph, ends the table as before.

A header with no row under it (a blank form's, its columns numbered "A | B | 1 | 2" and nothing
more) is no table: the text after it stays the document's own. Read as the cells of a first row
that never came, it was dropped up to the end of the document (or the next table's row "1").
"""
from __future__ import annotations

import re

from knowledge.parser.cleaning import Paragraph
from knowledge.parser.merged_cells import fill_merged
from knowledge.text import fold

_NUMBER_HEADER = {"stt", "tt", "so tt", "so thu tu"}
_ROW_NUMBER = re.compile(r"^(\d{1,3})((?:\.\d{1,3}){0,2})\.?$")     # "1", "1.", "1.1", "5.1.2"
_GROUP = re.compile(r"^([IVX]{1,5}|[A-H])\.?$")                      # a group's cell: "I", "II.", "A"
_GROUP_TITLED = re.compile(r"^([IVX]{1,5}|[A-H])[.)]\s+(\S.{0,200})$")  # "I. NÂNG CAO NHẬN THỨC …"
_ROMANS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")
_LOOK_AHEAD = 4                 # nonempty paragraphs in which a group's first row is looked for
MAX_COLUMNS = 10
MAX_COLUMN_WORDS = 8
# A table ends where the document's own structure starts again.
_TABLE_END = re.compile(r"^(?:[IVXLC]{1,6}\s*[.)]\s|Nơi nhận|\[\d{1,2}\]|(?:PHỤ LỤC|KẾ HOẠCH|DANH MỤC)\b)")


def fold_tables(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """The paragraphs with every task table's rows folded into one paragraph each."""
    out: list[Paragraph] = []
    k = 0
    while k < len(paragraphs):
        columns = _header(paragraphs, k)
        if columns is None:
            out.append(paragraphs[k])
            k += 1
            continue
        k = _after_column_numbers(paragraphs, _after_header(paragraphs, k, columns), len(columns) + 1)
        entries, end, gaps = _rows(paragraphs, k, columns)
        if not entries:
            continue        # a header with no row under it (a blank form): the text after it is the document's own
        k = end
        fill_merged([(cells, gap) if kind == "row" else None for (kind, _, cells), gap in zip(entries, gaps)], columns)
        for kind, label, cells in entries:
            if kind == "row":
                out.append(_row_paragraph(label, cells, columns))
            elif cells:
                text = f"{label}. {' '.join(cells)}"
                out.append(Paragraph(text, [text]))
    return out


def _header(paragraphs: list[Paragraph], k: int) -> list[str] | None:
    """The column names after a "STT" cell, when at least two short ones follow and a row
    numbered 1 (or the table's first group, "I" or "A") comes after them."""
    if fold(paragraphs[k].text).strip(" .:") not in _NUMBER_HEADER:
        return None
    columns = []
    for j in range(k + 1, min(len(paragraphs), k + 2 + MAX_COLUMNS)):
        p = paragraphs[j]
        if not p.text:
            continue
        row = _ROW_NUMBER.match(p.text)
        if row:
            first = row.group(1) == "1" and row.group(2) in ("", ".1")
            return columns if len(columns) >= 2 and first else None
        if len(columns) >= 2 and _group(paragraphs, j, {}, set()) in ("I", "A"):
            return columns
        if len(p.text.split()) > MAX_COLUMN_WORDS or p.text.rstrip().endswith((".", ";")):
            return None
        columns.append(p.text.strip(" :*"))
    return None


def _after_header(paragraphs: list[Paragraph], k: int, columns: list[str]) -> int:
    """The paragraph after the header row that starts at k (its "STT" cell and its column names)."""
    k, left = k + 1, len(columns)
    while k < len(paragraphs) and left:
        left -= bool(paragraphs[k].text)
        k += 1
    return k


_COLUMN_NUMBER = re.compile(r"^(?:[A-H]|\d{1,2})$")


def _after_column_numbers(paragraphs: list[Paragraph], k: int, cells: int) -> int:
    """Past the row that numbers the columns under the header ("A | B | 1 | 2 | 3 | 4", one cell per
    column, letters for the text columns then numbers, as statistical and budget tables print it), when one follows;
    else k. Read as rows, its
    "1", "2", "3" became empty items and the table's real row 1 came after a row 4."""
    labels, j = [], k
    while j < len(paragraphs) and len(labels) < cells:
        text = paragraphs[j].text.strip(" *_")
        if paragraphs[j].text:
            if not _COLUMN_NUMBER.match(text):
                return k
            labels.append(text)
        j += 1
    digits = [int(t) for t in labels if t.isdigit()]
    counted = len(labels) == cells and len(digits) >= 2 and digits == list(range(digits[0], digits[0] + len(digits)))
    # it opens with the letters of the text columns ("A", "B"): a blank form's rows "1 … 8" under its header are rows
    return j if counted and labels[0].isalpha() and labels[-1].isdigit() else k


def _rows(paragraphs: list[Paragraph], k: int, columns: list[str]) -> tuple[list[tuple[str, str, list[str]]], int, list[list[int]]]:
    """The table's entries from paragraph k, in order: ("group", "I", [its name]) and ("row",
    "1.2", [its cells]), each from its number to the next number in sequence; a row's cells are
    separated by the breaks a table bar leaves. The header row repeated (at a page break, under
    a group) is no cell. With them, each entry's gaps (blank lines: the bars) before each of its
    cells and after it, which tell a merged cell (no bars) from an empty one (knowledge/parser/merged_cells.py)."""
    names = {fold(name) for name in columns} | _NUMBER_HEADER
    entries: list[tuple[str, str, list[str]]] = []
    gaps: list[list[int]] = []          # each entry's gaps before its cells
    ends: list[int] = []                # and after its last cell
    groups: dict[str, str] = {}         # the last group label of each style ("roman", "letter")
    last_row: tuple[int, ...] | None = None
    end_of_last = -1                    # the line after the last paragraph read: no gap, same cell
    while k < len(paragraphs):
        p = paragraphs[k]
        if fold(p.text).strip(" .:*") in names:
            k += 1
            continue
        m = _ROW_NUMBER.match(p.text)
        number = tuple(int(n) for n in (m.group(1) + m.group(2)).split(".")) if m else None
        group = _group(paragraphs, k, groups, names)
        if number and _next_row(number, last_row, bool(entries) and entries[-1][0] == "group"):
            if entries:
                ends.append(p.first - end_of_last)
            entries.append(("row", ".".join(map(str, number)), []))
            gaps.append([])
            last_row = number
        elif group:
            style = _style(group)
            if style == "letter":
                groups.pop("roman", None)          # "B" numbers its "I, II, …" afresh
            groups[style] = group
            titled = _GROUP_TITLED.match(p.text.strip(" *"))
            if entries:
                ends.append(p.first - end_of_last)
            entries.append(("group", group, [titled.group(2).strip(" *")] if titled else []))
            gaps.append([])
            last_row = None
        elif p.text and (not entries or _TABLE_END.match(p.text)):
            if entries:
                ends.append(p.first - end_of_last)
            break                                   # the table ends, or it has no row under its header
        elif p.text:
            cells = entries[-1][2]
            if cells and (p.first == end_of_last or entries[-1][0] == "group"):
                cells[-1] = f"{cells[-1]} {p.text}"      # a cell's text wrapped onto a line of its own
            else:
                cells.append(p.text)
                gaps[-1].append(p.first - end_of_last)
        if p.text:
            end_of_last = p.first + max(1, len(p.lines))
        k += 1
    ends += [0] * (len(entries) - len(ends))          # the document ends with the table
    return entries, k, [before + [end] for before, end in zip(gaps, ends)]


def _next_row(number: tuple[int, ...], last: tuple[int, ...] | None, after_group: bool) -> bool:
    """Whether a number cell starts the next row: the first row or a group's first ("1",
    "1.1", "3" under "III"), the next at the same depth ("1.2" after "1.1"), one level down
    ("5.1.1" after "5.1") or back up ("5.2" after "5.1.8"). "1.000" in a cell is no row."""
    if last is None:
        return after_group or number in ((1,), (1, 1))
    if number[-1] == 1 and len(number) <= len(last) + 1:
        return len(number) == 1 or number[:-1] == last[:len(number) - 1] or len(number) > len(last)
    depth = len(number)
    return depth <= len(last) and number[:-1] == last[:depth - 1] and number[-1] == last[depth - 1] + 1


def _style(label: str) -> str | None:
    """"roman" for "I" … "XV", "letter" for "A" … "H", None for anything else."""
    return "roman" if label in _ROMANS else "letter" if len(label) == 1 and label not in "IVX" else None


def _group(paragraphs: list[Paragraph], k: int, groups: dict[str, str], names: set[str]) -> str | None:
    """The label of a group cell at paragraph k ("I", "B", "I. NÂNG CAO …") when it is the next
    group of its style (or repeats the last) and a bare row number or group cell follows within
    a few paragraphs."""
    text = paragraphs[k].text.strip(" *")
    m = _GROUP.match(text) or _GROUP_TITLED.match(text)
    if not m:
        return None
    label = m.group(1)
    style = _style(label)
    if style is None:
        return None
    order = _ROMANS.index if style == "roman" else ord
    last = groups.get(style)
    # the next group, or one a page break lost the groups before ("VII" after "II"), or the
    # last one repeated by a typo; the first is "I" or "A"
    step = order(label) - order(last or ("I" if style == "roman" else "A"))
    if step not in (range(7) if last else (0,)):
        return None
    seen = 0
    for p in paragraphs[k + 1:]:
        if not p.text:
            continue
        text = p.text.strip(" *")
        if _ROW_NUMBER.match(text) or _GROUP.match(text) or _GROUP_TITLED.match(text):
            return label
        if fold(text).strip(" .:") in names:
            continue                                   # the header row repeated under the group
        seen += 1
        if seen >= _LOOK_AHEAD:
            break
    return None


# The column a plan's table gives each task's due date in; its cell is short and names a number.
_TIME_COLUMN = re.compile(r"^(?:thoi\s+(?:han|gian)|tien\s+do)\b")


def _dated_last_cell(cell: str, column: str) -> bool:
    """Whether a row whose cells do not line up with the columns (a cell of bullets split in
    two, an empty cell skipped) still ends with its due-date cell: the last column is the
    time column and the last cell is short and holds a number ("Tháng 11/2025", "01/01/2026").
    Labelled, the date reads as the deadline it is; bare, it read as nothing."""
    return bool(_TIME_COLUMN.match(fold(column))) and len(cell.split()) <= 8 and any(c.isdigit() for c in cell)


# a cell that is only a date: "Tháng 3/2026", "Quý I/2026", "30/11/2025", "Năm 2026"
_DATE_CELL = re.compile(r"^(?:(?:trước|trong|hết|cuối|đến)\s+)?(?:(?:tháng|quý)\s+[\dIV]{1,4}\s*(?:/|năm)\s*\d{4}|"
                        r"(?:ngày\s+)?\d{1,2}/\d{1,2}/\d{4}|năm\s+\d{4})$", re.IGNORECASE)


def _dated_cells_labelled(parts: list[str], columns: list[str]) -> list[str]:
    """A row whose merged cells leave fewer cells than columns ("Số vụ tai nạn lao động | Chính thức |
    Tháng 3/2026", the channel and unit merged with the row above) still dates its task: where the table
    has one time column, a cell that is only a date is that column's ("Thời gian phổ biến: Tháng 3/2026").
    Bare, the date read as nothing."""
    time_columns = [c for c in columns[1:] if _TIME_COLUMN.match(fold(c))]
    if len(time_columns) != 1:
        return parts
    return [f"{time_columns[0]}: {p}" if _DATE_CELL.match(p.strip()) else p for p in parts]


def _row_paragraph(number: str, cells: list[str], columns: list[str]) -> Paragraph:
    """"1. <task> Cơ quan chủ trì: …; Thời hạn hoàn thành: …": the first cell is the task; the
    others take their column's name when each cell is one paragraph (else they are joined)."""
    task, rest = (cells[0], cells[1:]) if cells else ("", [])
    labels = columns[1:] if len(rest) == len(columns) - 1 else []
    parts = [f"{label}: {cell.rstrip(' .;')}" for label, cell in zip(labels, rest)] if labels \
        else [cell.rstrip(" .;") for cell in rest]
    if not labels and rest and _dated_last_cell(rest[-1], columns[-1]):
        parts[-1] = f"{columns[-1]}: {parts[-1]}"   # "…; Thời hạn hoàn thành: 01/01/2026", not a bare date
    elif not labels and rest:
        parts = _dated_cells_labelled(parts, columns)
    body = task.rstrip(" ;")
    if parts:
        body = f"{body.rstrip('.')}. {'; '.join(parts)}."
    text = f"{number}. {body}"
    return Paragraph(text, [text])
