"""Step 1 of reading a notice: from raw text to clean lines, then to paragraphs.

A notice reaches us as OCR output, as the text of a .docx or .pdf, or copied from a web
page converted to markdown. Each carries habits that hide the document:
- invisible and bidirectional control characters (U+202E can make text read backwards);
- markdown: table bars `|` around the letterhead cells, `**bold**`, `# headings`, rules;
- the web page around the document: banners, summary boxes, "related documents", captions;
- hard-wrapped lines (every ~80 characters) and page breaks in mid-sentence.

`clean_lines` undoes the first three line by line and keeps what the markup said that
matters later (a whole line in bold is a heading; a table bar separates letterhead cells);
`paragraphs` joins wrapped lines back into paragraphs. The stored text of an item is the
document's own wording: only markup and layout are removed.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from knowledge.parser.homoglyphs import latin_doubles
from knowledge.parser.glued import addressee_run, glued_heading
from knowledge.text import fold

VOCAB = Path(__file__).resolve().parent.parent / "data" / "vocab"

# Format characters that carry no text: bidi embeddings/overrides/isolates, zero-width
# spaces and joiners, the byte-order mark, soft hyphens, invisible operators.
_INVISIBLE = dict.fromkeys(
    [0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, *range(0x200B, 0x2010),
     *range(0x202A, 0x202F), *range(0x2060, 0x2070), 0x3164, 0xFEFF, 0xFFA0, *range(0xFFF9, 0xFFFC)])
_SPACES = {**dict.fromkeys([0x09, 0x00A0, 0x1680, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000], " "),
           **dict.fromkeys([0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029], "\n")}


def normalize(text: str) -> str:
    """NFC, Unix newlines, every space a plain space, invisible and control characters
    removed (bidi controls must not survive into stored and delivered text), Cyrillic
    doubles of Latin letters made Latin (knowledge.parser.homoglyphs)."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = latin_doubles(text.translate(_INVISIBLE).translate(_SPACES))
    return _CONTROL.sub("", text) if _has_controls(text) else text


_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def _has_controls(text: str) -> bool:
    return _CONTROL.search(text) is not None


def unprintable_share(text: str) -> int:
    """How many characters of the start of a text are neither printable nor white space
    after normalisation: binary data read as text has many, a notice none."""
    return sum(not (c.isprintable() or c.isspace()) for c in normalize(text[:4096]))


_TOKEN = re.compile(r"\S+")
_WORD = re.compile(r"[^\W\d_]{1,12}")          # letters only: a syllable or a short word
_PUNCTUATION = ".,;:!?()[]{}\"'“”‘’*-–—/«»…"


def word_share(text: str) -> float:
    """The share of the tokens with letters at the start of a text that are words: a notice,
    even a noisy scan, is over nine tenths words (every real notice 0.94 or more); base64, hex
    dumps and other encoded data are runs of letters and digits that are nearly never words."""
    tokens = [t.strip(_PUNCTUATION) for t in _TOKEN.findall(normalize(text[:20000]))]
    tokens = [t for t in tokens if any(c.isalpha() for c in t)]
    return sum(bool(_WORD.fullmatch(t)) for t in tokens) / len(tokens) if tokens else 0.0


# --- Lines ---------------------------------------------------------------------------------

@dataclass
class Line:
    """One line of the notice. An empty `text` is a break: a blank line, a rule, or a
    table bar between letterhead cells (`hard`)."""
    text: str
    bold: bool = False            # the whole line is bold: a heading in a web copy
    heading: bool = False         # a markdown heading `# …`
    hard: bool = False            # a break that a sentence never crosses (rule, table bar)
    noise: bool = False           # an OCR remark or page number: a soft break
    glued: bool = False           # a bold heading split off the paragraph it was glued to (parser/glued.py)

    @property
    def is_break(self) -> bool:
        return not self.text



_NOISE_LINE = re.compile(r"\s*(?:\[[^\]\n]{0,80}\]|[-–—]+\s*\d{1,3}\s*[-–—]+|Trang\s+\d{1,3}(?:\s*/\s*\d{1,3})?)\s*",
                         re.IGNORECASE)                 # [Faint, illegible text], -- 2 --, Trang 2/3
_RULE = re.compile(r"[-–—_=~.*·•\s]*")                  # ------- under a letterhead name
_LONE_BULLETS = frozenset("-–+•")                      # a bullet sign a copied page wrapped off its text
_HEADING = re.compile(r"\s{0,3}(#{1,6})(?:\s+|$)")
_STARS = re.compile(r"\*+")
_STAR_BULLET = re.compile(r"\*\s+(?=[^\s*])")            # "* item" (markdown list)
_ALNUM = re.compile(r"[^\W_]")
_WIKI_EDIT = re.compile(r"\[\s*sửa\s*\|\s*sửa mã nguồn\s*\]", re.IGNORECASE)


def clean_lines(text: str) -> list[Line]:
    """The notice as lines without markup, each with what its markup said."""
    lines: list[Line] = []
    bold_open = False
    for raw in normalize(text).split("\n"):
        if "[" in raw:
            raw = _WIKI_EDIT.sub("", raw)
        cells = raw.split("|") if "|" in raw else [raw]
        for n, cell in enumerate(cells):
            if n:
                lines.append(Line("", hard=True))
                bold_open = False
            glued = None if bold_open or "**" not in cell else glued_heading(cell)
            if glued:                               # "… (Phụ lục 1).**3.2. Thời điểm …**": two lines, a heading
                line, _ = _clean_cell(cell[:glued], False)
                lines += [line, Line(""), Line(_clean_cell(cell[glued:], False)[0].text, bold=True, glued=True)]
                continue
            line, bold_open = _clean_cell(cell, bold_open)
            lines.append(line)
    return _lone_bullets(lines)


def _lone_bullets(lines: list[Line]) -> list[Line]:
    """A bullet sign alone on its line ("-", then "Tuyên truyền …" below it) stays as the start
    of its bullet when plain text follows; before anything else (a blank, a bold line: a web
    page's list of questions "-\n**…?** -") it is a rule, as every other line without letters."""
    for n, line in enumerate(lines):
        if line.text in _LONE_BULLETS:
            after = lines[n + 1] if n + 1 < len(lines) else None
            if after is None or not after.text or after.bold or after.heading:
                lines[n] = Line("", hard=True)
    return lines


_UNDERSCORE_BOLD = re.compile(r"(?<!\w)__(?=\S)(.+?)__(?!\w)")


def _clean_cell(raw: str, bold_open: bool) -> tuple[Line, bool]:
    stripped = raw.strip()
    if not stripped:
        return Line(""), False                      # a blank line ends any emphasis
    if stripped[0] in "[-–—Tt" and _NOISE_LINE.fullmatch(stripped):
        return Line("", noise=True), bold_open
    heading = _HEADING.match(stripped) if "#" in stripped[:4] else None
    if heading:
        stripped = stripped[heading.end():]
        if not stripped:
            return Line("", hard=True), False
    bullet = _STAR_BULLET.match(stripped) if stripped[0] == "*" else None
    if bullet:
        stripped = "- " + stripped[bullet.end():]
    if "__" in stripped:                            # "__Nơi nhận__:": markdown's other bold
        stripped = _UNDERSCORE_BOLD.sub(r"**\1**", stripped)
    text, bold, bold_open = _strip_emphasis(stripped, bold_open)
    text = " ".join(text.split())
    if text in _LONE_BULLETS:
        return Line(text), bold_open                # "-" on its own line: see _lone_bullets
    if not _ALNUM.search(text):
        rule = bool(text) and _RULE.fullmatch(text) is not None
        return Line("", hard=rule or bool(heading)), bold_open
    return Line(text, bold=bold, heading=bool(heading)), bold_open


def _strip_emphasis(text: str, bold_open: bool) -> tuple[str, bool, bool]:
    """Remove `*` emphasis. Returns the text, whether every letter was in bold, and whether
    bold is still open at the end of the line (bold often spans a wrapped line)."""
    if "*" not in text:
        return text, bold_open and any(c.isalpha() for c in text), bold_open
    out: list[str] = []
    inside = outside = 0
    in_bold = bold_open
    pos = 0
    for m in _STARS.finditer(text):
        piece = text[pos:m.start()]
        letters = sum(c.isalpha() for c in piece)
        inside, outside = (inside + letters, outside) if in_bold else (inside, outside + letters)
        out.append(piece)
        run = len(m.group())
        if run in (2, 3) or run > 4:
            in_bold = not in_bold
        before, after = text[m.start() - 1:m.start()], text[m.end():m.end() + 1]
        if run >= 2 and _glued_capitals(text, m.start(), after):
            out.append(" ")                         # THÔNG BÁO**Ý KIẾN: two headings glued
        elif run >= 4 and before.isalnum() is False and after.isalpha():
            out.append(" ")                         # "Trung Bộ.****Hỗ trợ"
        elif run >= 4 and after.isalpha() and _caps_word_before(text, m.start()):
            out.append(" ")                         # "BAN BÍ THƯ****về một số nhiệm vụ …": a title under its kind
        pos = m.end()
    piece = text[pos:]
    letters = sum(c.isalpha() for c in piece)
    inside, outside = (inside + letters, outside) if in_bold else (inside, outside + letters)
    out.append(piece)
    return "".join(out), inside > 0 and outside == 0, in_bold


def _caps_word_before(text: str, at: int) -> bool:
    """A word of two capitals or more ends at `at` ("THƯ", not the "V" of "V****ăn")."""
    start = at
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return at - start >= 2 and text[start:at].isupper()


def _glued_capitals(text: str, at: int, after: str) -> bool:
    word = 0
    while at - word - 1 >= 0 and text[at - word - 1].isalpha():
        word += 1
    return word >= 2 and text[at - 1].isupper() and after.isupper()


# --- Paragraphs ----------------------------------------------------------------------------

_TERMINAL = tuple(".!?:;…")
_CLOSERS = "\"”’)»*"
# a line that opens a numbered point or a bullet starts a paragraph of its own
_MARKER_START = re.compile(
    r"(?:[-–—−•·▪●◦+]\s*(?=\S)"                     # - bullet
    r"|\(?\d{1,2}(?:\.\d{1,2}){0,3}\s*[.)]\s|\d{1,2}(?:\.\d{1,2}){1,3}\s"  # 1. 1) (1) 1.1 1.1.
    r"|\d{1,2}\s*-\s|\(\d{1,2}\)|\([a-zđ]\)|\([ivx]{1,5}\)"  # 1- (1) (a) (i)
    r"|[a-zđ]\s*\)\s|[a-zđ]\.\s(?=\S)"              # a) a.
    r"|[IVXLC]{1,6}\s*[.)/-]\s|[A-Z]\.\s(?=[A-ZĐ])"  # II. A. TÌNH HÌNH
    r"|(?:Phần|PHẦN|Chương|CHƯƠNG|Mục|MỤC|Điều|ĐIỀU)\s+(?:[IVXLC]{1,6}|\d{1,3}|thứ|THỨ)\b"
    r"|Thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\b"
    r"|(?:Một|Hai|Ba|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười)\s+là\b"
    r"|Nơi nhận|Kính gửi)")
# an article cited in a sentence ("Điều 28 Nghị định số 181/2025/NĐ-CP"), not an article's heading ("Điều 28. …")
_CITED_ARTICLE = re.compile(r"(?:Điều|ĐIỀU)\s+\d{1,3}(?!\s*[.:)\d])")
# the second year of a range wrapped onto its own line ("giai đoạn 2021\n- 2025”;")
_RANGE_END = re.compile(r"[-–]\s*(?:19|20)\d\d(?!\d)")
_YEAR_END = re.compile(r"(?<!\d)(?:19|20)\d\d$")
# A number with decimals and then a word in lower case: a figure going on with its sentence.
_FIGURE_START = re.compile(r"^\d{1,3}[.,]\d+\s+([^\W\d_])")
# words after which a line break is always inside a phrase: "tại khoản\n2 Điều 5"
_OPEN_WORDS = frozenset("khoan diem dieu so ngay muc tai cua va theo voi la nam thang quy phan chuong".split())


@dataclass
class Paragraph:
    text: str
    lines: list[str] = field(default_factory=list)
    bold: bool = False            # every line bold: a heading in a web copy
    heading: bool = False
    first: int = 0                # index of its first line in the lines it was made from
    glued: bool = False           # a heading a web copy glued onto the paragraph before it


def paragraphs(lines: list[Line]):
    """Join wrapped lines into paragraphs, then paragraphs that a page break cut; lazily, so
    that a reader of the first few does not pay for a long text."""
    return _join_broken(_wrapped_paragraphs(lines, _typical_width(lines)))


def _wrapped_paragraphs(lines: list[Line], width: int):
    current: list[Line] = []
    first = 0
    for n, line in enumerate(lines):
        if line.is_break:
            if current:
                yield _paragraph(current, first)
                current = []
            if line.noise:
                yield Paragraph("", ["~"])
            elif not line.hard:
                yield Paragraph("")             # a soft break: a page break may cut here
            else:
                yield Paragraph("", ["|"])      # a table bar, a rule, a heading: nothing runs on across it
            continue
        if current and not continues(current[-1], line, width):
            yield _paragraph(current, first)
            current = []
        if not current:
            first = n
        current.append(line)
    if current:
        yield _paragraph(current, first)


def _paragraph(lines: list[Line], first: int) -> Paragraph:
    return Paragraph(" ".join(line.text for line in lines), [line.text for line in lines],
                     bold=all(line.bold for line in lines), heading=any(line.heading for line in lines), first=first,
                     glued=any(line.glued for line in lines))


def _typical_width(lines: list[Line]) -> int:
    """The width text was wrapped at: the 80th percentile of line lengths (0 if unwrapped),
    from the first lines (a long text is wrapped alike throughout)."""
    lengths = sorted(len(line.text) for line in lines[:4000] if line.text)
    if len(lengths) < 8:
        return 0
    return lengths[int(len(lengths) * 0.8)]


_BARE_MARKER = re.compile(r"\(?(?:\d{1,2}(?:\.\d{1,2}){0,3}|[a-zđ]|[IVXLC]{1,6})[.)]?|[-–+•]")


def continues(prev: Line, line: Line, width: int) -> bool:
    """Whether `line` goes on with the sentence of `prev` (a hard wrap), not a new paragraph."""
    text, before = line.text, prev.text
    if _BARE_MARKER.fullmatch(before.strip(" *")):
        return True                                 # "2." on its own line, then its title
    figure = _FIGURE_START.match(text)
    if figure and figure.group(1).islower() and not before.rstrip(_CLOSERS).endswith(_TERMINAL + (":",)):
        return True                                 # "… kích thước đường chéo\n1.82 inch, …": no point 1.82
    if _MARKER_START.match(text):
        if _CITED_ARTICLE.match(text) and before.rstrip(_CLOSERS).endswith(","):
            return True                             # "Căn cứ Điều 17, Điều 18,\nĐiều 28 Nghị định …"
        if _RANGE_END.match(text) and _YEAR_END.search(before):
            return True                             # "giai đoạn 2021\n- 2025”;": a range, not a bullet
        if before.rstrip("*_ ").endswith(")"):
            return False                            # "(… tại Phụ lục kèm\ntheo)" closed: "III. …" is no "theo III."
        return _open_end(before) and not prev.bold \
            and not _is_caps(before)                # "II. THỜI GIAN, ĐỊA ĐIỂM" is a title, not "tại điểm"
    if prev.heading or line.heading:
        return False
    first = text[0]
    if first.islower():
        return True
    if _open_end(before) and prev.bold == line.bold and not _is_caps(before):
        return True                                 # "… Nghị định số\n167/2025/NĐ-CP).": no title in capitals
    if prev.bold != line.bold and (_is_caps(before) or _is_caps(text) or len(before.split()) < 25):
        return False                                # a bold heading, then text (or back)
    if _is_caps(before) != _is_caps(text) and len(before.split()) < 25:
        return False                                # a title in capitals, then text
    end = before.rstrip(_CLOSERS)
    if end.endswith(";") and addressee_run(before, text):
        return True                                 # "3. Các bộ, cơ quan ngang bộ;" / "Ủy ban nhân dân các tỉnh …"
    if end.endswith(_TERMINAL):
        # a full line ending a sentence or a clause of a list run on in one paragraph ("… chống
        # lãng phí;" then "Thi đua xây dựng xã hội học tập, …;"), followed by another full line:
        # the same paragraph — a list's own lines are short, or marked
        return bool(width) and end.endswith((".", ";")) and len(before) >= 0.9 * width and len(text) >= 0.9 * width
    if end.endswith("]") and width and len(before) < 0.8 * width:
        return False                                # "…tình hình[1]": a footnote ends it
    return True


def _open_end(text: str) -> bool:
    """A line that ends on a word wanting what follows ("số", "tại", "của", "ngày")."""
    return fold(text.rstrip(_CLOSERS).rsplit(" ", 1)[-1]) in _OPEN_WORDS


def _is_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _join_broken(paragraphs):
    """A page break (blank line, OCR remark) in mid-sentence: the paragraph before it stops
    without punctuation and the next goes on in lower case or with a number. Blank markers
    are dropped here."""
    held: Paragraph | None = None
    gap = hard = False
    for p in paragraphs:
        if not p.text:
            gap = True
            hard = hard or p.lines == ["|"]
            continue
        if held is not None and gap and not hard and _broken(held, p):
            held = Paragraph(f"{held.text} {p.text}", held.lines + p.lines, held.bold and p.bold,
                             held.heading, held.first)
        else:
            if held is not None:
                yield held
            held = p
        gap = hard = False
    if held is not None:
        yield held


def _broken(prev: Paragraph, nxt: Paragraph) -> bool:
    if prev.text.rstrip(_CLOSERS).endswith(_TERMINAL) or _MARKER_START.match(nxt.text):
        return False
    if _BARE_MARKER.fullmatch(nxt.text.strip(" *")) or _is_caps(prev.text):
        return False                                # "II. NỘI DUNG" then "| 1. | …": a new point
    if prev.heading or nxt.heading or (prev.bold and not nxt.bold):
        return False
    first = nxt.text.split()[0]
    return nxt.text[0].islower() or nxt.text[0].isdigit() or (
        any(c.isdigit() for c in first) and any(c.isalpha() for c in first))


def paragraphs_with_lines(lines: list[Line], start: int, end: int):
    """Paragraphs of lines[start:end] with the index of their first line, one block at a
    time (callers that need the first few stop early)."""
    i = start
    while i < end:
        while i < end and not lines[i].text:
            i += 1
        j = i
        while j < end and lines[j].text:
            j += 1
        if i < end:
            for p in paragraphs(lines[i:j]):
                yield i + p.first, p.text
        i = j
