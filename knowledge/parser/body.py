"""Step 3 of reading a notice: the body as a tree of sections, points and bullets.

Vietnamese documents number their parts in many styles (Decree 30/2020/NĐ-CP and custom; the
table of them and the matching of a paragraph's marker are in knowledge/parser/markers.py).
A document picks a few and nests them as it likes, so the tree
is built from the order the styles appear in: a style already open is a sibling of that
point; a new style nests under the point above it (a usual order breaks ties).

Each paragraph becomes a node. What is stored as an item: every point, sub-point, bullet and
paragraph that says something, with its path in the document ("II.3.b"; an unnumbered
paragraph or bullet takes the next number under its point, as the bundled data does: "3.2")
and the headings above it. A heading whose content is its children ("III. PHÂN CÔNG NHIỆM
VỤ", "1. Công an tỉnh") is not an item; its text goes into its children's headings. Kinds:
point (numbered), bullet (-, +), paragraph (unnumbered), context (preamble, situation and
assessment parts, closing formula).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from knowledge.parser.actors import addressee_line
from knowledge.parser.annex_paths import _annex_paths
from knowledge.parser.cleaning import Paragraph, _is_caps
from knowledge.parser.footer import ANNEX_KIND, ANNEX_TAIL
from knowledge.parser.markers import BARE_MARKER, BULLETS, marker_of
from knowledge.parser.statements import (ASKS, ATTRIBUTE, GOES_ON, _ANNOUNCES, _CITING, _CLOSING, _CLOSING_INSIDE,
                                         _QUOTE_INTRO, _QUOTE_OPEN, _QUOTE_SUMMARY, _QUOTED_ARTICLE, _SELF_ISSUE,
                                         _TERMINAL, asks_again_from, due_only, informs_only, restated, MAX_QUOTE, _closes_quote, _orders,
                                         mark_statements, task_above)
from knowledge.text import fold

MAX_ITEMS = 2_000
# A table cell with a deadline and no sentence's end ("Trình UBTVQH xem xét, thông qua trước ngày 10/01/2025"):
# not a caption, the schedule of the row above it.
_DUE_CELL = re.compile(r"\b(?:trước|chậm nhất|hạn chót|thời hạn|hoàn thành)\b[^.;]{0,25}?\d{1,2}\s*/\s*\d{1,2}"
                       r"|\btrình\b[^.;]{0,80}\(tháng\s+\d{1,2}\s*/\s*\d{4}\)", re.IGNORECASE)
_CONTEXT_HEADING = re.compile(
    r"^(?:ve |i |phan )?(?:tinh hinh|ket qua|danh gia|boi canh|thuc trang|can cu|co so|su can thiet|"
    r"han che|ton tai|nguyen nhan|dac diem|khai quat|tong quan|muc dich|yeu cau|muc tieu|quan diem|"
    r"kinh phi|nguon kinh phi|doi tuong|so luong|the loai|uu diem|thuan loi|nhung ket qua|mot so ket qua|"
    r"nguyen tac|giai thich)")
# Of those, the parts that say whom and how much a plan covers ("(2) Đối tượng tặng thẻ", "(3) Số lượng
# và giá trị thẻ", "Kinh phí"): they describe, but a sentence in them that sets a firm deadline
# ("lập danh sách xong trước 30/10/2025") is a task, as a lead that sets one is
_SCOPE_HEADING = re.compile(r"^(?:ve |[ivx]+ |phan |\(?\d{1,2}\)? )?(?:doi tuong|so luong|kinh phi|nguon kinh phi|the loai)")
# A plan's own time (and place) as one of its sections ("II. THỜI GIAN THỰC HIỆN" over "Từ tháng 12/2025 đến hết
# tháng 01/2026."): the period the plan covers, no directive; a sentence in it that sets a firm deadline is a task, as
# in a scope part, and numbered stages under it ("1. Giai đoạn 1: …") are tasks as anywhere
_PLAN_TIME = re.compile(r"^thoi gian(?: (?:thuc hien|to chuc|trien khai))?(?:,? (?:va )?dia diem(?: (?:thuc hien|to chuc))?)?"
                        r"\s*:?\s*$")
@dataclass
class Node:
    text: str                       # the paragraph without its marker
    style: str | None = None        # None: an unnumbered paragraph
    rank: int = 99
    label: str = ""
    marker: str = ""                # the marker as written ("II.", "a)", "-")
    bold: bool = False
    parent: "Node | None" = None
    children: list["Node"] = field(default_factory=list)
    path: str = ""
    heading: bool = False           # a heading: not stored, its text heads its children
    context: bool = False
    preamble: bool = False          # a paragraph before the first point (context unless it sets a deadline)
    asks_from: int | None = None    # a closing formula: where what it asks again begins (statements.asks_again_from)

    @property
    def full(self) -> str:
        return f"{self.marker} {self.text}".strip() if self.marker else self.text


# --- The tree ------------------------------------------------------------------------------

def build_tree(paragraphs: list[Paragraph]) -> Node:
    root = Node("", rank=-1)
    stack = [root]
    seen: dict[str, str] = {}
    quoting = 0                 # paragraphs left in a quotation (0: none open)
    law = False                 # in a quoted law without quotation marks (after "… quy định như sau:")
    cited = False               # the paragraph before announces a citation ("… quy định:", "… có nêu:")
    captions: list[str] = []    # the unnumbered caption lines just read ("KẾ HOẠCH", its name)
    open_point = None           # the numbered point just read, while nothing else has come after it
    for p in paragraphs:
        if p.text:
            open_point, last = None, open_point
        else:
            last = open_point
        attached = ANNEX_TAIL.search(p.text) if len(p.text) < 600 and not quoting and not law else None
        if attached:                                   # "(Ban hành kèm theo Quyết định số …)": a new document
            stack[1:] = [_annex_node(root, captions + [p.text[:attached.start()]])]
            seen = {}
            captions = []
            continue
        text = p.text.lstrip("*_ ")
        opens = text.startswith(_QUOTE_OPEN) and (cited or _QUOTED_ARTICLE.match(text) is not None)
        cited = _CITING.search(p.text) is not None
        if quoting or law or _QUOTE_INTRO.match(p.text) or opens:
            fresh = _QUOTE_INTRO.match(p.text) is not None
            if quoting and (fresh or (opens and not text.startswith('"'))):
                quoting = 0                             # a quotation left open: the next one starts
            if law and not fresh and not quoting and not opens and \
                    marker_of(p.text, {}) is None and not _QUOTE_SUMMARY.match(p.text):
                law = False                             # the document speaks again
            else:
                if fresh:
                    law = True
                elif opens and not quoting:
                    quoting = MAX_QUOTE
                    law = False
                if quoting:
                    quoting = 0 if _closes_quote(p.text) else quoting - 1
                if _QUOTE_SUMMARY.match(p.text):
                    law = False
                quoted = marker_of(p.text, {})           # a quoted clause keeps its number out of its text
                node = Node(_after(p.text, quoted[3]) if quoted and p.text.startswith(quoted[3]) else p.text,
                            marker=quoted[3] if quoted else "", bold=p.bold)
                node.context = True
                _attach(stack[-1], node)
                continue
        bare = stack[-1] if len(stack) > 1 and not stack[-1].text and not stack[-1].children else None
        if bare is not None and marker_of(p.text, seen) is None and not BARE_MARKER.fullmatch(p.text):
            bare.text = p.text                          # "| 1. | Rà soát văn bản … |": a table's cells
            continue
        if BARE_MARKER.fullmatch(p.text):                     # the number alone; its text comes next
            found = marker_of(p.text + " …", seen)
            if found is not None:
                style, rank, label, marker = found
                seen[style] = label
                node = Node("", style, rank, label, marker, bold=p.bold)
                if style == "decimal":
                    node.style, node.rank = f"decimal{label.count('.') + 1}", rank + label.count(".") - 1
                del stack[_parent_index(stack, node) + 1:]
                _attach(stack[-1], node)
                stack.append(node)
                continue
        if (ATTRIBUTE.match(p.text) or due_only(p.text)) and len(stack) > 1 and stack[-1].text and not _is_caps(stack[-1].text):
            task = task_above(stack[-1])                # (a section title "II. THỜI GIAN, ĐỊA ĐIỂM" keeps its bullets)
            task.text = f"{task.text} {p.text}".strip()   # "Cơ quan chủ trì: …", "Thời gian thực hiện: …"
            continue
        found = marker_of(p.text, seen)
        if found is None and _furniture(p.text):
            row = (stack[-1].children or [stack[-1]])[-1]
            if _DUE_CELL.search(p.text) and row is not root and not _is_caps(p.text):
                row.text = f"{row.text.rstrip()} {p.text}"   # the row's "Tiến độ" cell
                continue
            if p.glued and len(stack) > 1 and not _is_caps(p.text) and stack[-1].style is not None:
                del stack[1:]               # a page's subheading glued to numbered points: a heading of its
                stack.append(Node(p.text, bold=True))    # own ("Thời gian tiến hành đại hội …"), not their text
                _attach(root, stack[-1])
                continue
            captions = (captions + [p.text])[-4:]
            continue
        captions = []
        if found is None and p.heading and p.text.rstrip(' *"”').endswith("?"):
            del stack[1:]                              # a Q&A page's question heading closes every list
            continue                                   # (knowledge/parser/pages.sections_quoting)
        if found is None:
            while len(stack) > 1 and stack[-1].style in BULLETS:
                stack.pop()                            # a paragraph after bullets: the point's
            node = Node(p.text, bold=p.bold)
            if (_CLOSING.match(p.text) or restated(p.text)) and len(stack) > 1:
                del stack[1:]                          # the closing formula ends every point
                node.context, node.asks_from = True, asks_again_from(p.text)
            elif last is stack[-1] and _continues_point(stack[-1], p.text):
                stack[-1].text = f"{stack[-1].text}\n{p.text}"
                open_point = last
                continue
            _attach(stack[-1], node)
            continue
        style, rank, label, marker = found
        seen[style] = label
        node = Node(p.text[len(marker):].strip() if p.text.startswith(marker) else _after(p.text, marker),
                    style, rank, label, marker, bold=p.bold)
        if style == "decimal":
            node.style = f"decimal{label.count('.') + 1}"
            node.rank = rank + label.count(".") - 1
        parent_at = _parent_index(stack, node)
        del stack[parent_at + 1:]
        _attach(stack[-1], node)
        stack.append(node)
        open_point = node
    return root


def _continues_point(point: Node, text: str) -> bool:
    """An unnumbered paragraph right after a numbered point that opens on a link to it ("Theo
    đó, …", "Trong đó, …", "Trường hợp …") goes on with that point: it explains or details the
    task above rather than setting a new one (a paragraph that starts afresh stays an item, as the
    hand-checked seeds have it)."""
    if point.style is None or point.style in BULLETS or point.children or point.context:
        return False
    own = point.text.rstrip(" *\"”’)")
    return own.endswith(_TERMINAL) and GOES_ON.match(text) is not None and not _CLOSING.match(text)


def _annex_node(root: Node, captions: list[str]) -> Node:
    """The heading of an attached plan or regulation: its kind and name ("KẾ HOẠCH Kiểm kê tài
    sản công năm 2027"); its points are numbered afresh under it."""
    start = next((k for k in range(len(captions) - 1, -1, -1) if ANNEX_KIND.match(captions[k])), None)
    title = " ".join(t.strip("#*_ ") for t in captions[start:] if t.strip("#*_ ")) if start is not None else ""
    node = Node(title, style="annex", rank=-1, heading=True)
    _attach(root, node)
    return node


def _furniture(text: str) -> bool:
    """An unnumbered line in capitals or short without a sentence's end: a caption, a byline,
    a stamp, a heading that numbering does not place. A line that states when something
    happens ("Thời gian đăng ký … bắt đầu 11h00 ngày 30/7/2025 cho đến khi hết vé", set in bold
    by a news page) is content, though it lacks its full stop."""
    if _is_caps(text):
        return True
    if text.rstrip(" *\"”’)").endswith(_TERMINAL + (":",)) or len(text.split()) >= 30:
        return False
    if _FIELD.match(text) and not _CAPTION_LABEL.match(fold(text)) and any(c.isalpha() for c in text.split(":", 1)[1]):
        return False                    # "Nhà sản xuất: Huawei Device Co., Ltd", a form's field and its value
    return not (len(text.split()) >= 10 and _STATED_WHEN.search(text))


# A field of a form or a table's cell: a label of two to eight words, a colon, its value.
_FIELD = re.compile(r"^[^\W\d][^:;.!?]{3,60}?:\s*\S")
# ... but not a page's captions and bylines ("Ảnh minh họa: …", "Nguồn: …", "Xem thêm: …").
_CAPTION_LABEL = re.compile(r"^(?:anh|nguon|tac gia|xem them|tai ve|video|clip|theo|link|tu khoa|tags?|chia se|"
                            r"bai viet|tin lien quan|ghi chu anh|photo|source|ngay dang|gio dang|ngay gio dang|"
                            r"cap nhat|ky \d+|ky cuoi|kich)\b")


# A clock time then a day in figures ("11h00 ngày 30/7/2025", "8 giờ 30 ngày 02/9"): a line that
# states when something happens, not a caption or a cited document's date.
_STATED_WHEN = re.compile(r"\b\d{1,2}\s*(?:h|giờ)\s*(?:\d{2})?\s*(?:\w+\s+){0,3}ngày\s+\d{1,2}\s*/\s*\d{1,2}\b", re.IGNORECASE)


def _after(text: str, marker: str) -> str:
    return text[len(marker):].strip()


def _parent_index(stack: list[Node], node: Node) -> int:
    """Where in the open points the new one goes: under its own style's parent when that
    style is open, under the point its decimal number extends ("1.2" under "1."), else
    under the nearest point of a lower rank (a list that starts, "1" or "a", nests)."""
    for k in range(len(stack) - 1, 0, -1):
        if stack[k].style == node.style:
            return k - 1
    if node.style.startswith("decimal"):
        prefix = node.label.rsplit(".", 1)[0]
        for k in range(len(stack) - 1, 0, -1):
            if stack[k].label == prefix and stack[k].style and stack[k].style[0] in "ad":
                return k
    starts = node.label in ("1", "a", "A", "I", "i", "") or node.label.startswith(("Thứ nhất", "Một"))
    k = len(stack) - 1
    while k > 0:
        top = stack[k]
        if top.rank < node.rank or (starts and (top.style not in BULLETS or top.text.rstrip(" *").endswith(":"))):
            break                       # "- … theo các nguyên tắc sau:" then "(1) …" nests under it
        k -= 1
    return k


def _attach(parent: Node, node: Node) -> None:
    node.parent = parent
    parent.children.append(node)


# --- Items ---------------------------------------------------------------------------------

def items_of(root: Node) -> list[tuple[Node, list[str]]]:
    """The stored items in document order, each with the headings above it."""
    _mark(root)
    _number(root)
    out: list[tuple[Node, list[str]]] = []

    def walk(node: Node, headings: list[str]):
        for child in node.children:
            if not child.heading:
                out.append((child, headings))
            if child.children:
                walk(child, headings + [_short(child.full)])

    walk(root, [])
    return out[:MAX_ITEMS]


def _short(text: str) -> str:
    return text if len(text) <= 200 else text[:197].rstrip() + "…"


def _mark(root: Node) -> None:
    """Headings, and context: the preamble before the first point, situation and assessment
    parts, the closing formula after the last point."""
    def walk(node: Node, in_context: bool, in_scope: bool = False):
        for child in node.children:
            child.heading = bool(child.children) and _title_like(child)
            plan_time = node is root and child.heading and _PLAN_TIME.match(fold(child.text)) is not None and \
                all(c.style is None and not c.children for c in child.children)     # its numbered stages stay tasks
            context = in_context or plan_time or (child.heading and _CONTEXT_HEADING.match(fold(child.text)) is not None)
            child.context = context or child.context
            if child.context and (in_scope or plan_time or (child.heading and _SCOPE_HEADING.match(fold(child.text)))):
                child.preamble = True          # context unless it sets a firm deadline (see parse_text)
            walk(child, child.context, child.preamble)

    walk(root, False)
    mark_statements(root, BULLETS)
    top = root.children
    marked = [i for i, n in enumerate(top) if n.style is not None]
    if marked:
        for n in top[:marked[0]]:
            if n.style is None:
                n.context = n.preamble = True
        for n in top[marked[-1] + 1:]:
            if n.style is None and (_CLOSING.match(n.text) or restated(n.text)):
                n.context, n.asks_from = True, asks_again_from(n.text)
    else:
        for n in top:
            if n.style is None and _CLOSING.match(n.text) and n is not top[0]:
                n.context, n.asks_from = True, asks_again_from(n.text)
        # a body of paragraphs only (a news report of a document, a letter): what comes before the
        # first paragraph that tells someone to act is its lead and background
        first = next((i for i, n in enumerate(top) if not n.context and _orders(n.text)), None)
        if any(n.style is None and informs_only(n.text) for n in top[-2:]) and \
                not any(ASKS.search(n.text) for n in top if not n.context and not informs_only(n.text)):
            first = len(top)                           # a letter sent "để … được biết": it orders nothing
        for n in top[:first or 0]:
            if n.style is None and not n.context:
                n.context = n.preamble = True
    for n in top:
        if n.preamble and _SELF_ISSUE.match(n.text):
            n.preamble = False                         # its dates are the plan's scope
    plain = [n for n in top if n.style is None and not n.context]
    if plain and plain[-1] is top[-1] and len(plain) > 1 and _CLOSING_INSIDE.search(plain[-1].text) \
            and not _orders(plain[-1].text[:_CLOSING_INSIDE.search(plain[-1].text).start()]):
        plain[-1].context = True


def _title_like(node: Node) -> bool:
    """A heading names what follows: in capitals, or short without a sentence's end."""
    text = node.text.rstrip(" *\"”’)")
    if not text or _is_caps(text) or addressee_line(text):
        return True
    if text.endswith(":") and len(text.split()) <= 4:
        return True                         # a label over its bullets: "(5) Thường trực báo cáo:"
    if text.endswith(":") and _ANNOUNCES.search(text) and not _orders(text):
        return True                         # "Đại hội … thực hiện 4 nội dung sau:", "… gồm 2 báo cáo:"
    if text.endswith(_TERMINAL) or text.endswith(":"):
        return False
    return len(text.split()) <= 20


def _number(root: Node) -> None:
    """Paths: a numbered point extends its parent's path by its label ("II" + "3" -> "II.3";
    "1.2" under "1" -> "1.2"); unnumbered paragraphs and bullets count on under their point,
    past its points' numbers. A heading's opening paragraph ("2. Các giải pháp" / "Căn cứ …:" /
    "2.1. Thu NSNN") is the heading's own text ("2"), not a second "2.1"."""
    def walk(node: Node):
        labels = [_label(node, c) if c.style is not None and c.style not in BULLETS else None for c in node.children]
        unnumbered = 0
        for k, child in enumerate(node.children):
            if labels[k] is None and not any(labels[:k]) and str(unnumbered + 1) in labels and node.heading and node.path:
                child.path = node.path
            elif labels[k] is None:
                unnumbered += 1
                while str(unnumbered) in labels:
                    unnumbered += 1
                child.path = f"{node.path}.{unnumbered}" if node.path else ""
            else:
                child.path = f"{node.path}.{labels[k]}" if node.path else labels[k]
            walk(child)

    walk(root)
    _annex_paths(root)


def _label(node: Node, child: Node) -> str:
    if child.style.startswith("decimal") and node.label and child.label.startswith(node.label + "."):
        return child.label[len(node.label) + 1:]
    return child.label


def kind_of(node: Node) -> str:
    if node.context:
        return "context"
    if node.style is None:
        return "paragraph"
    return "bullet" if node.style in BULLETS else "point"
