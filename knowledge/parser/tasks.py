"""What a deadline is due for: the clause around its phrase, and the work a bare label
("Thời gian hoàn thành: Trước ngày 31/5/2026") stands for. The task is what a reminder and
the deadline list show, so it must name the work, not only the date."""
from __future__ import annotations

import re

_MARKER = re.compile(r"^\s*(?:\(?[\dIVXa-zđ]{1,4}(?:\.\d{1,2}){0,3}[.)]|[-+•])\s*")


def label_only(task: str, phrase: str) -> bool:
    """"Hạn nộp báo cáo: Trước ngày 25/11/2025": the task names no work; what is due is the
    heading above it ("(2) Báo cáo tình hình tiền thưởng tết"), which the task then carries."""
    label, _, rest = task.partition(":")
    return bool(rest) and len(label.split()) <= 5 and len(rest.replace(phrase, "").split()) <= 2


def joined_label(task: str, phrase: str, headings: list[str]) -> str | None:
    """A date-only bullet joined to the bullet above it ("- Thực hiện theo đường dẫn: … - Hạn nộp báo cáo:
    Trước ngày 25/11/2025", knowledge.parser.statements.ATTRIBUTE): due for what the heading names
    ("(1) Báo cáo tình hình tiền thưởng tết"), as the bullet was when it stood alone; None otherwise."""
    head, sep, tail = task.rpartition(" - ")
    if not sep or not head or not headings or phrase not in tail or not label_only(tail, phrase):
        return None
    work = _MARKER.sub("", headings[-1]).rstrip(" :")
    return f"{work}: {tail}"[:300] if work else None


def labelled_task(task: str, text: str, headings: list[str]) -> str:
    """The work a bare "Thời gian hoàn thành: …" is due for: the sentence before it in the item
    ("- Tổng hợp kết quả, báo cáo Bộ Tài chính. Thời gian hoàn thành: …"), else the heading."""
    before = text[:text.find(task)].strip(" .;:") if task in text else ""
    # the whole point back to the last label before it: "2. Bộ trưởng …, Chủ tịch UBND các tỉnh … hoàn thành
    # việc cập nhật …. UBND thành phố Đà Nẵng khẩn trương …. Thời hạn hoàn thành: …" is due for both sentences,
    # not for Đà Nẵng's alone; "Việc A. Thời hạn: …; Việc B. Thời hạn: …" gives each its own
    sentences = before.split(". ") if before else []
    labelled = [k for k, s in enumerate(sentences) if _DUE_LABEL.match(s)]
    sentences = sentences[labelled[-1] + 1 if labelled else 0:]
    while len(sentences) > 1 and _CELL_LABEL.match(sentences[-1].lstrip("-+• ")):
        sentences.pop()             # "… pháp luật. Đơn vị chủ trì: Sở Tư pháp. Đơn vị phối hợp: …": whom, not what
    work = _LISTED_CELL.sub("", ". ".join(sentences))   # "… pháp luật - Đơn vị chủ trì: Sở Tư pháp"
    if len(work.split()) < 3 and headings:
        work = _MARKER.sub("", headings[-1]).rstrip(" :")
    return f"{work}: {task}"[:300] if work else task


_LISTED_CELL = re.compile(r"\s+[-+•]\s+(?:Cơ quan|Đơn vị|Chủ trì|Phối hợp)[^:;.]{0,40}:.*$", re.IGNORECASE | re.DOTALL)
_DUE_LABEL = re.compile(r"(?:Thời (?:hạn|gian)|Hạn)[^:.;]{0,40}:", re.IGNORECASE)

# how far a clause is looked for either side of its phrase: a text without ";" or ". " (a crafted megabyte) would
# otherwise make each phrase copy the whole text, quadratic time; a real clause is far shorter
_REACH = 2000

# a task table's row read as one paragraph (knowledge/parser/tables.py): "<task>. Cơ quan chủ trì: …; Cơ quan
# phối hợp: …; Thời gian hoàn thành: 2025." The cells before the due date say who, not what
_ROW_CELLS = re.compile(r"\.\s+(?=(?:Cơ quan|Đơn vị|CHỦ TRÌ|Chủ trì)[^:;.]{0,40}:)")
_CELL_LABEL = re.compile(r"^(?:Cơ quan|Đơn vị|Sản phẩm|Kết quả|PHỐI HỢP|CHỦ TRÌ|Chủ trì|Phối hợp)[^:;.]{0,40}:")
# any other column's cell ("Mức độ hoàn chỉnh của thông tin: Chính thức", "Hình thức phổ biến: …"): a row whose
# first labelled cell follows its task says what in its task, whatever its columns are called
_ANY_CELL = re.compile(r"\.\s+(?=[^:;.\d]{2,60}:)")
_ANY_LABEL = re.compile(r"^[^:;.\d]{2,60}:")


def clause_of(text: str, start: int, end: int) -> str:
    """The clause around a deadline phrase (between semicolons or sentence ends)."""
    floor, ceiling = max(0, start - _REACH), min(len(text), end + _REACH)
    left = max(max(text.rfind(c, floor, start) for c in (";", ". ")), floor - 1)
    right = [i for i in (text.find(";", end, ceiling), text.find(". ", end, ceiling)) if i != -1]
    clause = text[left + 1: min(right) if right else ceiling].strip(" .;")
    row = _ROW_CELLS.search(text, max(0, start - _REACH), start)
    if row and ". " not in text[row.end():start]:
        # the phrase is in a row's cells ("…. CHỦ TRÌ: Sở Tài chính; PHỐI HỢP: Sở Công Thương; Ban Quản lý …;
        # THỜI GIAN: 2026"): the cells between ";" are whom and when, the row's task before them is what
        return text[max(0, start - _REACH):row.start()].strip(" .;")[:300]
    rest = clause.replace(text[start:end], "").strip(" ,:;.")
    if len(rest.split()) < 3 and left > 0:     # "…chi trả hỗ trợ; hạn chót: 20/12/2021."
        floor = max(0, left - _REACH)
        before = max(max(text.rfind(c, floor, left) for c in (";", ". ")), floor - 1)
        clause = text[before + 1: left].strip(" .;") or clause
        if len(clause.split()) < 3 and before > 0:     # "Số vụ tai nạn lao động. Chính thức; Thời gian phổ biến: …":
            floor = max(0, before - _REACH)             # a row's short cell names no work, the task before it does
            earlier = max(max(text.rfind(c, floor, before) for c in (";", ". ")), floor - 1)
            clause = text[earlier + 1: before].strip(" .;") or clause
        row_floor = max(0, start - _REACH)
        row = _ROW_CELLS.search(text, row_floor, start)
        if not row and _ANY_LABEL.match(clause):
            row = _ANY_CELL.search(text, row_floor, start)
        if (_CELL_LABEL.match(clause) or _ANY_LABEL.match(clause)) and row:   # "Cơ quan phối hợp: Văn phòng" is whom, the row's task is what
            clause = text[row_floor:row.start()].strip(" .;")
    return clause[:300]
