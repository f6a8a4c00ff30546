"""The bytes of a notice file as text: .txt/.md, .docx, .pdf (its text layer), and for
scans (photos, image-only PDFs) the words OCR finds (knowledge/ocr.py).

This runs inside the reading worker (knowledge/reading.py), which also bounds its memory
and time; the limits here are the ones a file's own structure could otherwise get round:
how big its zip parts become once uncompressed, how many table cells and pages it holds,
how much text it yields. Table spans are never expanded (a cell is read once, whatever its
`gridSpan`), so a tiny file cannot ask for ten million cells. Every problem is a
`ParseError` naming the file; no library exception leaves this module.
"""
from __future__ import annotations

import io
import os
import re
import stat
import unicodedata
import zipfile
from collections import deque

from knowledge.docx_numbering import Numbering
from knowledge.pdf_layout import page_layout
from knowledge.parser import MAX_BYTES, ParseError

MAX_FILE_BYTES = 20 * 2**20          # on disk: a long notice as .docx or a phone photo is far less
MAX_PART_BYTES = 16 * 2**20          # one part of a .docx once uncompressed (a long notice: ~1 MB)
MAX_PARTS_BYTES = 64 * 2**20         # all parts together (embedded pictures included)
MAX_PARTS = 2_000
MAX_TABLE_CELLS = 20_000          # a notice's longest tables (units × columns): ~1,000
MAX_PDF_PAGES = 300
MAX_TEXT_CHARS = MAX_BYTES           # text gathered from a .docx or .pdf before parsing

TEXT_EXTENSIONS = (".txt", ".md", "")
IMAGE_EXTENSIONS = (".jpg", ".jpeg", ".png", ".tif", ".tiff", ".webp", ".bmp")
EXTENSIONS = TEXT_EXTENSIONS + (".docx", ".pdf") + IMAGE_EXTENSIONS


class NeedsOcr(Exception):
    """A PDF without a text layer: its pages must be read with OCR (slower, own budget)."""

    def __init__(self, pages: int):
        super().__init__(pages)
        self.pages = pages


def extension(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def read_regular_file(path: str, name: str) -> bytes:
    """The whole file, refused unless it is a regular file of at most MAX_FILE_BYTES: a
    symlink to /dev/zero, a FIFO or a directory never reach a reader (O_NONBLOCK: opening
    a FIFO does not wait for a writer)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        raise ParseError("cannot_open", name=name, reason=e.strerror or type(e).__name__) from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ParseError("not_regular", name=name)
        if info.st_size > MAX_FILE_BYTES:
            raise ParseError("file_over_limit", name=name, size=f"{info.st_size / 2**20:.1f}",
                             limit=MAX_FILE_BYTES // 2**20)
        chunks, total = [], 0
        while chunk := os.read(fd, 1 << 20):          # the size may grow while we read
            total += len(chunk)
            if total > MAX_FILE_BYTES:
                raise ParseError("file_over_limit", name=name, size=f"{total / 2**20:.1f}",
                                 limit=MAX_FILE_BYTES // 2**20)
            chunks.append(chunk)
        return b"".join(chunks)
    except OSError as e:
        raise ParseError("cannot_open", name=name, reason=e.strerror or type(e).__name__) from None
    finally:
        os.close(fd)


def file_text(data: bytes, name: str) -> str:
    """The text of a .txt/.md, .docx or .pdf file; NeedsOcr for a PDF without text, a .docx
    holding only pictures (a page scanned into Word) or a picture under a .pdf/.docx name."""
    ext = extension(name)
    if ext in (".docx", ".pdf"):
        ext = binary_kind(data, name) or ext
    if ext == "image":
        raise NeedsOcr(1)
    if ext == ".docx":
        return docx_text(data, name)
    if ext == ".pdf":
        return pdf_text(data, name)
    if ext in TEXT_EXTENSIONS:
        if len(data) > MAX_BYTES:
            raise ParseError("file_too_big", name=name, size=f"{len(data) / 1e6:.1f}")
        return decode(data, name)
    raise ParseError("file_type", name=name, ext=ext or "?")


# --- what a file holds ------------------------------------------------------------------------

_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"II*\x00", b"MM\x00*", b"BM", b"GIF8")


def binary_kind(data: bytes, name: str) -> str | None:
    """What a .docx or .pdf file really holds, from its first bytes: ".pdf", ".docx" (a zip) or
    "image"; None when it is none of them (the reader then says the file is damaged). A PDF saved
    under a .docx name, or the reverse, happens when a file is renamed or forwarded; an empty
    file (a download that failed) is called empty rather than damaged."""
    if not data:
        raise ParseError("empty_file", name=name)
    head = data[:1024]
    if b"%PDF-" in head:
        return ".pdf"
    if data.startswith(b"PK\x03\x04"):
        return ".docx"
    if data.startswith(_IMAGE_MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP"):
        return "image"
    return None


# --- .txt ------------------------------------------------------------------------------

def decode(data: bytes, name: str) -> str:
    """UTF-8, UTF-16 (Notepad's "Unicode", with or without its byte-order mark) or
    Windows-1258, the Vietnamese code page older offices still save in."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    elif len(head) >= 2 and head[1::2].count(0) > 0.3 * len(head[1::2]) > head[0::2].count(0):
        encodings = ["utf-16-le"]
    elif len(head) >= 2 and head[0::2].count(0) > 0.3 * len(head[0::2]) > head[1::2].count(0):
        encodings = ["utf-16-be"]
    elif b"\x00" in head:
        raise ParseError("binary_file", name=name)
    else:
        encodings = ["utf-8-sig", "cp1258"]
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" not in text and (encoding != "cp1258" or _looks_vietnamese(text)):
            return text
    raise ParseError("not_utf8", name=name)


_VIETNAMESE_MARKS = set("\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b")
_TYPOGRAPHY = set("“”‘’–—…•·°«»")


def _looks_vietnamese(text: str) -> bool:
    """Any byte string decodes as Windows-1258; keep the result only when every accented
    letter is a Vietnamese one, so a file in another code page (or TCVN3, whose tone marks
    come out as `¸µ¶`) is refused instead of stored as gibberish."""
    for c in set(unicodedata.normalize("NFC", text)):
        if c.isascii() or c in "đĐ" or c in _TYPOGRAPHY:
            continue
        base, *marks = unicodedata.normalize("NFD", c)
        if not (base.isascii() and base.isalpha() and marks and set(marks) <= _VIETNAMESE_MARKS):
            return False
    return True


# --- .docx -----------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def check_zip(data: bytes, name: str, bad_key: str) -> None:
    """Refuse a zip whose parts would be too many or too big once uncompressed. The sizes
    it declares are checked first; then every part is inflated a megabyte at a time, which
    zipfile stops at the declared size and checks against its checksum, so a part that
    lies about its size is caught before a library inflates it whole."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            if len(infos) > MAX_PARTS:
                raise ParseError("zip_too_many_parts", name=name, count=len(infos))
            biggest = max((i.file_size for i in infos), default=0)
            total = sum(i.file_size for i in infos)
            if biggest > MAX_PART_BYTES:
                raise ParseError("zip_bomb", name=name, size=f"{biggest / 2**20:.0f}",
                                 limit=MAX_PART_BYTES // 2**20)
            if total > MAX_PARTS_BYTES:
                raise ParseError("zip_bomb", name=name, size=f"{total / 2**20:.0f}",
                                 limit=MAX_PARTS_BYTES // 2**20)
            for info in infos:
                with z.open(info) as part:
                    while part.read(2**20):
                        pass
    except ParseError:
        raise
    except Exception:   # BadZipFile (a checksum), zlib.error, EOFError, NotImplementedError, …
        raise ParseError(bad_key, name=name) from None


def docx_text(data: bytes, name: str) -> str:
    """Paragraphs and table cells in reading order (the letterhead is often a table above
    the title); a cell is read once, its paragraphs as lines; vertically merged cells that
    only continue the one above are skipped; content controls are looked into. A paragraph
    of a numbered list gets the number Word shows ("1.", "a)"), which is not in its text."""
    check_zip(data, name, "bad_docx")
    try:
        import docx
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        numbering = Numbering(document)
    except Exception:  # python-docx and lxml raise many types for a damaged or foreign file
        raise ParseError("bad_docx", name=name) from None
    parts: list[str] = []
    size = cells = 0
    blocks = deque(_letterhead_header(document) + list(body))
    while blocks:                                   # no recursion: nesting depth is free
        block = blocks.popleft()
        tag = block.tag
        if tag == _W + "p":
            text = "\n".join(_text_boxes(block) + [_numbered_text(block, numbering)])
        elif tag == _W + "sdt":                    # a content control around blocks
            content = block.find(_W + "sdtContent")
            blocks.extendleft(reversed(list(content)) if content is not None else ())
            continue
        elif tag == _W + "tbl":
            rows = []
            for cell in _table_cells(block, numbering):
                cells += 1
                if cells > MAX_TABLE_CELLS:
                    raise ParseError("too_many_cells", name=name, limit=MAX_TABLE_CELLS)
                if not rows or cell != rows[-1]:    # a cell merged across columns repeats
                    rows.append(cell)
            text = "\n\n".join(rows)
        else:
            continue
        size += len(text) + 2
        if size > MAX_TEXT_CHARS:
            raise ParseError("file_too_big", name=name, size=f"{size / 1e6:.1f}")
        parts.append(text)
    text = "\n\n".join(parts)
    if not text.strip():
        pictures = docx_pictures(data)
        if pictures:
            raise NeedsOcr(len(pictures))
    return text


_MOTTO = "cong hoa xa hoi chu nghia viet nam"


def _letterhead_header(document) -> list:
    """The blocks of the first page's header when it holds the letterhead (the national motto):
    some offices put issuer, number and date there, above every first page, and the body then
    starts at the title. Any other header (a page number, "Dự thảo") is not part of the notice."""
    try:
        section = document.sections[0]
        header = section.first_page_header if section.different_first_page_header_footer else section.header
        if header.is_linked_to_previous:
            return []
        element = header._element
    except Exception:        # no section, no header part, a damaged one: the body alone
        return []
    words = "".join(t.text or "" for t in element.iter(_W + "t"))
    folded = "".join(c for c in unicodedata.normalize("NFD", words.lower().replace("đ", "d"))
                     if not unicodedata.combining(c))
    return list(element) if _MOTTO in " ".join(folded.split()) else []


def docx_pictures(data: bytes) -> list[str]:
    """The names of the pictures in a .docx (word/media), in their numbering order: the pages of
    a notice scanned into Word, for OCR when the file has no text."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = [n for n in z.namelist() if n.startswith("word/media/")]
    return sorted(names, key=lambda n: [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", n)])


_NOT_TEXT = {_W + "del", _W + "moveFrom", _W + "txbxContent", _W + "instrText", _W + "pPr", _W + "rPr"}


def _paragraph_text(p) -> str:
    """A paragraph's text as Word shows it with changes accepted: runs wherever they sit (in a
    tracked insertion, a smart tag, a field's result, a content control, a hyperlink), tabs and
    breaks; not what a tracked change deleted or moved away, nor a field's code, nor its text
    boxes (read apart) or the fallback copy of a drawing. python-docx's `text` reads only runs
    and hyperlinks, and an office's draft ("trước ngày <ins>15/12/2026</ins>") lost its date."""
    out: list[str] = []
    stack = list(reversed(p))                    # no recursion: nesting depth is free
    while stack:
        node = stack.pop()
        tag = node.tag
        if not isinstance(tag, str) or tag in _NOT_TEXT or tag == _MC_FALLBACK:
            continue
        if tag == _W + "t":
            out.append(node.text or "")
        elif tag in (_W + "tab", _W + "ptab"):
            out.append("\t")
        elif tag in (_W + "br", _W + "cr"):
            out.append("\n")
        elif tag == _W + "noBreakHyphen":
            out.append("-")
        else:
            stack.extend(reversed(node))
    return "".join(out)


def _numbered_text(p, numbering: Numbering) -> str:
    """A paragraph's text after the number Word shows for it, if any."""
    text = _paragraph_text(p)
    label = numbering.label(p)
    return f"{label} {text.lstrip()}" if label and text.strip() else text


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _text_boxes(p) -> list[str]:
    """The text of the text boxes anchored in a paragraph, one box a block of lines. Some offices
    draw the letterhead (issuer and number | motto and date) as two text boxes instead of a
    table; their words are not in the paragraph's own text. Word writes a box twice (a drawing
    and, for old readers, a VML fallback): the fallback is skipped."""
    boxes = []
    for box in p.iter(_W + "txbxContent"):
        ancestors = box.iterancestors()
        if any(a.tag in (_MC_FALLBACK, _W + "txbxContent") for a in ancestors if a is not p):
            continue
        lines = [_paragraph_text(q) for q in box.iter(_W + "p")]
        if any(line.strip() for line in lines):
            boxes.append("\n".join(lines))
    return boxes


def _in_fallback(element, stop) -> bool:
    for ancestor in element.iterancestors():
        if ancestor is stop:
            return False
        if ancestor.tag == _MC_FALLBACK:
            return True
    return False


def _table_cells(table, numbering: Numbering):
    """The text of each cell of a table, row by row, with the numbers Word shows; the
    paragraphs of tables and text boxes nested in a cell are lines of that cell (a text box
    once, not its fallback copy)."""
    for row in table.iterchildren(_W + "tr"):
        for cell in row.iterchildren(_W + "tc"):
            merge = cell.find(f"{_W}tcPr/{_W}vMerge")
            if merge is not None and merge.get(_W + "val", "continue") == "continue":
                continue
            yield "\n".join(_numbered_text(p, numbering) for p in cell.iter(_W + "p")
                             if not _in_fallback(p, cell))


# --- .pdf ------------------------------------------------------------------------------

def pdf_text(data: bytes, name: str) -> str:
    """The text layer, page by page. An encrypted PDF that opens with an empty password (a
    common "no copying" setting) is read; one that needs a password is refused."""
    import logging
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)   # damaged files warn a lot
    try:
        from pypdf import PdfReader
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ParseError("pdf_password", name=name)
        count = len(reader.pages)
    except ParseError:
        raise
    except Exception as e:  # pypdf raises a dozen types for damaged files
        raise _pdf_error(e, name) from None
    if count > MAX_PDF_PAGES:
        raise ParseError("too_many_pages", name=name, count=count, limit=MAX_PDF_PAGES)
    pages, size = [], 0
    for number in range(count):
        try:
            text = reader.pages[number].extract_text() or ""
        except Exception as e:
            raise _pdf_error(e, name) from None
        text = page_layout(reader.pages[number], text, number)
        size += len(text) + 2
        if size > MAX_TEXT_CHARS:
            raise ParseError("file_too_big", name=name, size=f"{size / 1e6:.1f}")
        pages.append(text)
    text = "\n\n".join(pages)
    if len(text.strip()) < 20:
        raise NeedsOcr(count)
    return text


def _pdf_error(e: Exception, name: str) -> ParseError:
    if type(e).__name__ in ("DependencyError", "FileNotDecryptedError"):
        return ParseError("pdf_password", name=name)
    return ParseError("bad_pdf", name=name)
