"""Read a notice file (.txt, .md, .docx, .pdf) into text for `knowledge.parser`.

Files come from admins (`/push` uploads, `bot.py import`), so anything that is not a
readable notice is refused with a `ParseError` naming the file, never a traceback.
"""
from __future__ import annotations

import os
import unicodedata
from datetime import date

from knowledge.parser import MAX_BYTES, ParseError, parse_text


# --- Reading ----------------------------------------------------------------------------

def parse_file(path, *, today: date | None = None) -> dict:
    """Read .txt/.md as UTF-8, .docx through python-docx, .pdf through its text layer."""
    path = os.fspath(path)
    name = os.path.basename(path)
    ext = os.path.splitext(name)[1].lower()
    try:
        size = os.path.getsize(path)
    except OSError as e:
        raise ParseError("cannot_open", name=name, reason=e.strerror or str(e)) from None
    if ext == ".docx":
        text = _read_docx(path, name)
    elif ext == ".pdf":
        text = _read_pdf(path, name)
    elif ext in (".txt", ".md", ""):
        if size > MAX_BYTES:
            raise ParseError("file_too_big", name=name, size=f"{size / 1e6:.1f}")
        try:
            with open(path, "rb") as f:
                data = f.read()
        except OSError as e:      # a directory, no permission
            raise ParseError("cannot_open", name=name, reason=e.strerror or str(e)) from None
        text = _decode(data, name)
    else:
        raise ParseError("file_type", name=name, ext=ext or "?")
    return parse_text(text, source_name=name, today=today)


def _decode(data: bytes, name: str) -> str:
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


def _read_docx(path: str, name: str) -> str:
    import docx
    try:
        document = docx.Document(path)
    except Exception:  # python-docx raises several types for a damaged or foreign file
        raise ParseError("bad_docx", name=name) from None
    parts: list[str] = []
    for block in document.iter_inner_content():   # in reading order: the letterhead
        if isinstance(block, docx.table.Table):   # is often a table above the title
            for row in block.rows:
                for cell in row.cells:
                    if not parts or cell.text != parts[-1]:   # merged cells repeat
                        parts.append(cell.text)
        else:
            parts.append(block.text)
    return "\n\n".join(parts)


def _read_pdf(path: str, name: str) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError
    try:
        reader = PdfReader(path)
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, TypeError):
        raise ParseError("bad_pdf", name=name) from None
    text = "\n\n".join(pages)
    if len(text.strip()) < 20:
        raise ParseError("no_text_layer", name=name)
    return text
