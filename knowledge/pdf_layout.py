"""What a PDF's text layer loses of a page's layout, put back for the parser: the columns of a
letterhead set side by side, the paragraph break after a numbered heading, the page numbers of
headers and footers (knowledge/formats.py reads the text; OCR uses the column rule too).

pypdf's plain text gives one line per baseline and no blank lines; its layout mode keeps the
gaps between columns and the lines' lengths, at about twice the time, so it is read for the
first LAYOUT_PAGES pages only (a notice, a plan).
"""
from __future__ import annotations

import re

LAYOUT_PAGES = 15

_PLACE_DATE = re.compile(r"^[^\W\d_][^,\d]{0,40},\s*ngày\s+\d", re.IGNORECASE)


def split_place_date(parts: list[str]) -> str:
    """One line of a page read as the pieces that stand apart on it (columns), joined again but
    for a place and date ("Hà Nội, ngày 21 tháng 11 năm 2025"), which starts a line of its own.
    A letterhead sets it right of the number ("Số: 37698/TB-CHQ") or the "V/v" subject, and a
    PDF's text layer or OCR gives both as one line, where the parser finds the number but no date."""
    text = parts[0] if parts else ""
    for part in parts[1:]:
        text += ("\n" if _PLACE_DATE.match(part) else " ") + part
    return text


_PAGE_NUMBER = re.compile(r"(?:trang|page)?\s*[-–—]?\s*(\d{1,3})\s*(?:/\s*\d{1,3})?\s*[-–—]?", re.IGNORECASE)


def without_page_number(text: str, page: int) -> str:
    """A page's text without the page number its header or footer prints ("2", "- 2 -", "Trang 2",
    "2/9") as its first or last line: the text layer puts it where the page breaks, in the
    middle of a sentence ("một số sản phẩm 1 công nghiệp …") once the lines are joined."""
    lines = text.split("\n")
    for end in (-1, 0):
        while lines and not lines[end].strip():
            lines.pop(end)
        found = _PAGE_NUMBER.fullmatch(lines[end].strip()) if lines else None
        if found and int(found.group(1)) == page:
            lines.pop(end)
    return "\n".join(lines)


_HEADING_LABEL = re.compile(r"(?:[IVXLC]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[.)]\s")


def page_layout(page, text: str, number: int) -> str:
    """A page's text with what the text layer loses of its layout put back, from the layout mode
    (which keeps the gaps): on the first page, the place and date on a line of its own where the
    letterhead set it beside the number ("Số: 37698/TB-CHQ      Hà Nội, ngày 21 …" is one line of
    the text layer); a blank line after a numbered heading that ends short of the margin ("2.2.
    Chi ngân sách địa phương (NSĐP)") when a paragraph follows, which the parser would otherwise
    join to it as a wrapped line; no page number of a header or footer. The layout mode costs
    twice the plain text's time, so only the first LAYOUT_PAGES pages are laid out."""
    text = without_page_number(text, number + 1)
    if number >= LAYOUT_PAGES:
        return text
    try:
        layout = page.extract_text(extraction_mode="layout")
    except Exception:           # the plain text is still good
        return text
    rows = [row for row in layout.splitlines() if row.strip()]
    lines = text.split("\n")
    if number == 0:
        for row in rows[:60]:
            parts = [p for p in re.split(r"\s{6,}", row.strip()) if p]
            joined = split_place_date(parts)
            if "\n" in joined:
                same = " ".join(" ".join(parts).split())
                lines = [joined if " ".join(line.split()) == same else line for line in lines]
    widths = sorted(len(row.rstrip()) for row in rows)
    if len(widths) < 10:
        return "\n".join(lines)
    short = 0.6 * widths[len(widths) // 2]
    width = {" ".join(row.split()): len(row.rstrip()) for row in rows}
    out, heading = [], False
    for line, after in zip(lines, lines[1:] + [""]):
        out.append(line)
        heading = bool(_HEADING_LABEL.match(line)) or (heading and bool(line.strip()))
        ends_short = width.get(" ".join(line.split()), 10**6) < short
        if heading and ends_short and after[:1].isupper():
            out.append("")
            heading = False
        elif ends_short:
            heading = False
    return "\n".join(out)
