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
"""
from __future__ import annotations

import re

from knowledge.parser.cleaning import Paragraph
from knowledge.text import fold

_NUMBER_HEADER = {"stt", "tt", "so tt", "so thu tu"}
_ROW_NUMBER = re.compile(r"^(\d{1,3})\.?$")
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
        k += 1 + len(columns)
        rows, k = _rows(paragraphs, k)
        out.extend(_row_paragraph(number, cells, columns) for number, cells in rows)
    return out


def _header(paragraphs: list[Paragraph], k: int) -> list[str] | None:
    """The column names after a "STT" cell, when at least two short ones follow and a row
    numbered 1 comes after them."""
    if fold(paragraphs[k].text).strip(" .:") not in _NUMBER_HEADER:
        return None
    columns = []
    for p in paragraphs[k + 1:k + 1 + MAX_COLUMNS + 1]:
        if not p.text:
            continue
        if _ROW_NUMBER.match(p.text):
            return columns if len(columns) >= 2 and _ROW_NUMBER.match(p.text).group(1) == "1" else None
        if len(p.text.split()) > MAX_COLUMN_WORDS or p.text.rstrip().endswith((".", ";")):
            return None
        columns.append(p.text.strip(" :*"))
    return None


def _rows(paragraphs: list[Paragraph], k: int) -> tuple[list[tuple[int, list[str]]], int]:
    """The rows from paragraph k: each from its number to the next number in sequence; its
    cells are separated by the breaks a table bar leaves."""
    rows: list[tuple[int, list[str]]] = []
    expected = 1
    end_of_last = -1                    # the line after the last paragraph read: no gap, same cell
    while k < len(paragraphs):
        p = paragraphs[k]
        m = _ROW_NUMBER.match(p.text)
        if m and (int(m.group(1)) == expected or (rows and int(m.group(1)) == 1)):
            rows.append((int(m.group(1)), []))   # a table in groups numbers each group from 1
            expected = int(m.group(1)) + 1
        elif rows and p.text and _TABLE_END.match(p.text):
            break
        elif rows and p.text:
            cells = rows[-1][1]
            if cells and p.first == end_of_last:
                cells[-1] = f"{cells[-1]} {p.text}"      # a cell's text wrapped onto a line of its own
            else:
                cells.append(p.text)
        if p.text:
            end_of_last = p.first + max(1, len(p.lines))
        k += 1
    return rows, k


# The column a plan's table gives each task's due date in; its cell is short and names a number.
_TIME_COLUMN = re.compile(r"^(?:thoi\s+(?:han|gian)|tien\s+do)\b")


def _dated_last_cell(cell: str, column: str) -> bool:
    """Whether a row whose cells do not line up with the columns (a cell of bullets split in
    two, an empty cell skipped) still ends with its due-date cell: the last column is the
    time column and the last cell is short and holds a number ("Tháng 11/2025", "01/01/2026").
    Labelled, the date reads as the deadline it is; bare, it read as nothing."""
    return bool(_TIME_COLUMN.match(fold(column))) and len(cell.split()) <= 8 and any(c.isdigit() for c in cell)


def _row_paragraph(number: int, cells: list[str], columns: list[str]) -> Paragraph:
    """"1. <task> Cơ quan chủ trì: …; Thời hạn hoàn thành: …": the first cell is the task; the
    others take their column's name when each cell is one paragraph (else they are joined)."""
    task, rest = (cells[0], cells[1:]) if cells else ("", [])
    labels = columns[1:] if len(rest) == len(columns) - 1 else []
    parts = [f"{label}: {cell.rstrip(' .;')}" for label, cell in zip(labels, rest)] if labels \
        else [cell.rstrip(" .;") for cell in rest]
    if not labels and rest and _dated_last_cell(rest[-1], columns[-1]):
        parts[-1] = f"{columns[-1]}: {parts[-1]}"   # "…; Thời hạn hoàn thành: 01/01/2026", not a bare date
    body = task.rstrip(" ;")
    if parts:
        body = f"{body.rstrip('.')}. {'; '.join(parts)}."
    text = f"{number}. {body}"
    return Paragraph(text, [text])
