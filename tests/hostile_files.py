"""Hostile notice files, built on the spot: zip bombs, absurd tables, damaged and encrypted
PDFs, binary junk named .txt, text built against regular expressions, links to devices.

`build(folder, quick=...)` writes them and returns [(file name, what it is)]. The test suite
uses the quick set (small bombs, a few mutations); `benchmarks/bench_hostile.py` imports the
full set with `bot.py import` and reports time and peak memory of each.
"""
from __future__ import annotations

import io
import os
import random
import struct
import zipfile
import zlib
from pathlib import Path

SAMPLES = Path(__file__).parent / "samples"
NOTICE = SAMPLES / "thong_bao_45_ha_nam.txt"

_CONTENT_TYPES = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                  b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                  b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                  b'<Default Extension="xml" ContentType="application/xml"/>'
                  b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                  b'officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
         b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
         b'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
_DOC_HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
_DOC_TAIL = b"</w:body></w:document>"


def notice_lines() -> list[str]:
    return [line for line in NOTICE.read_text(encoding="utf-8").splitlines() if line.strip()]


def _para(text: str) -> bytes:
    from xml.sax.saxutils import escape
    return f"<w:p><w:r><w:t xml:space=\"preserve\">{escape(text)}</w:t></w:r></w:p>".encode()


def docx(body: bytes, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal .docx whose body is `body` (WordprocessingML between <w:body> tags)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("word/document.xml", _DOC_HEAD + body + _DOC_TAIL)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buffer.getvalue()


def notice_docx() -> bytes:
    return docx(b"".join(_para(line) for line in notice_lines()))


def _table(rows: list[list[bytes]]) -> bytes:
    return b"<w:tbl>" + b"".join(b"<w:tr>" + b"".join(rows_) + b"</w:tr>" for rows_ in rows) + b"</w:tbl>"


def _cell(text: str, props: bytes = b"") -> bytes:
    return b"<w:tc>" + (b"<w:tcPr>" + props + b"</w:tcPr>" if props else b"") + _para(text) + b"</w:tc>"


def spaces_bomb(megabytes: int) -> bytes:
    """A .docx whose document.xml inflates to `megabytes` MB of spaces (about 1/1000 of it
    compressed), written without holding it in memory."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        with z.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(_DOC_HEAD + b"<w:p><w:r><w:t>")
            chunk = b" " * 2**20
            for _ in range(megabytes):
                part.write(chunk)
            part.write(b"</w:t></w:r></w:p>" + _DOC_TAIL)
    return buffer.getvalue()


def lying_zip(megabytes: int) -> bytes:
    """A .docx whose document.xml says it is 100 bytes but inflates to `megabytes` MB."""
    data = bytearray(_zip({"[Content_Types].xml": _CONTENT_TYPES, "_rels/.rels": _RELS,
                           "word/document.xml": _DOC_HEAD + b" " * (megabytes * 2**20) + _DOC_TAIL}))
    for signature, size_at in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = data.find(signature)
        while at != -1:
            name_at, length_at = (at + 30, at + 26) if size_at == 22 else (at + 46, at + 28)
            length = struct.unpack_from("<H", data, length_at)[0]
            if data[name_at:name_at + length] == b"word/document.xml":
                struct.pack_into("<I", data, at + size_at, 100)
            at = data.find(signature, at + 4)
    return bytes(data)


def pdf_with_text(lines: list[str] | None = None) -> bytes:
    from tests.test_parser import _pdf
    return _pdf(notice_lines() if lines is None else lines)


def _pypdf_file(build) -> bytes:
    from pypdf import PdfReader, PdfWriter
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_with_text())))
    build(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def encrypted_pdf(user_password: str) -> bytes:
    return _pypdf_file(lambda w: w.encrypt(user_password=user_password, owner_password="owner-secret",
                                           algorithm="AES-128"))


def many_pages_pdf(pages: int) -> bytes:
    from pypdf import PdfWriter
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def flate_bomb_pdf(megabytes: int) -> bytes:
    """A page whose content stream inflates to `megabytes` MB of zeros."""
    compressor = zlib.compressobj(9)
    stream = b"".join(compressor.compress(b"0 " * 2**19) for _ in range(megabytes)) + compressor.flush()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream"]
    return raw_pdf(objects)


def deep_pdf(depth: int) -> bytes:
    """A page tree nested `depth` levels deep through arrays."""
    nested = b"[" * depth + b"]" * depth
    objects = [b"<< /Type /Catalog /Pages 2 0 R /Deep " + nested + b" >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots " + nested + b" >>"]
    return raw_pdf(objects)


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF file of these objects (object 1 the catalog), with its cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def mutated(data: bytes, seed: int, flips: int = 20) -> bytes:
    """`data` with `flips` random bytes replaced and, for one seed in three, cut short."""
    rng = random.Random(seed)
    out = bytearray(data)
    for _ in range(flips):
        out[rng.randrange(len(out))] = rng.randrange(256)
    if seed % 3 == 0:
        out = out[:rng.randrange(len(out) // 2, len(out))]
    return bytes(out)


def image_png(width: int, height: int) -> bytes:
    """A PNG header claiming width × height (a "decompression bomb" for image readers)."""
    def chunk(kind: bytes, payload: bytes) -> bytes:
        return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", zlib.crc32(kind + payload))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    row = zlib.compress(b"\x00" + b"\xff" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", row) + chunk(b"IEND", b"")


def adversarial_text(size: int) -> str:
    """A long capitalised word without spaces before a numbered point, then runs of digits,
    dots and dashes: the shapes that make careless regular expressions backtrack."""
    word = "HÀNỘI" * (size // 20)
    digits = "1." * (size // 8) + "2/" * (size // 16)
    dashes = "-" * (size // 8) + " ngày " + "0" * (size // 16)
    return f"{word}\n1. {word} ngày 1 tháng 1 năm {digits}\n{dashes}\n- {'Sở ' * (size // 30)}"


def build(folder: Path, *, quick: bool = False) -> list[tuple[str, str]]:
    """Write the hostile files into `folder`; returns (file name, description) pairs."""
    folder.mkdir(parents=True, exist_ok=True)
    made: list[tuple[str, str]] = []

    def put(name: str, data: bytes, what: str) -> None:
        (folder / name).write_bytes(data)
        made.append((name, what))

    lines = notice_lines()
    put("zip_of_spaces.docx", spaces_bomb(20 if quick else 1024), "document.xml inflates to 1 GB of spaces")
    put("zip_lying_size.docx", lying_zip(20 if quick else 400), "a part claims 100 bytes, inflates to 400 MB")
    put("zip_many_parts.docx", docx(_para("x"), {f"word/media/p{i}.xml": b"" for i in range(3000)}),
        "3,000 parts in the zip")
    put("gridspan_1e7.docx", docx(_table([[_cell("UBND TỈNH", b'<w:gridSpan w:val="10000000"/>'),
                                           _cell("Số: 1/TB", b'<w:gridSpan w:val="10000000"/>')]] * 50)
                                  + b"".join(_para(line) for line in lines)),
        "table cells spanning 10^7 columns, then the notice")
    put("vmerge_chaos.docx", docx(_table([[_cell("a", b'<w:vMerge/>'), _cell("b", b'<w:vMerge w:val="restart"/>')],
                                          [_cell("c", b'<w:gridSpan w:val="3"/><w:vMerge/>')],
                                          [_cell("d", b'<w:vMerge w:val="bogus"/>'), _cell("e", b'<w:gridSpan w:val="-5"/>')]])
                                  + b"".join(_para(line) for line in lines)),
        "vertical merges without a start, negative and mixed spans")
    put("many_cells.docx", docx(_table([[_cell("ô")] * 100] * 700)), "70,000 table cells")
    put("nested_tables.docx", docx(b"<w:tbl><w:tr><w:tc>" * 120 + _para("sâu") + b"</w:tc></w:tr></w:tbl>" * 120),
        "tables nested 120 deep")
    put("deep_xml.docx", docx(b"<w:sdt><w:sdtContent>" * 5000 + _para("x") + b"</w:sdtContent></w:sdt>" * 5000),
        "content controls nested 5,000 deep")
    put("billion_laughs.docx", _zip({"[Content_Types].xml": _CONTENT_TYPES, "_rels/.rels": _RELS,
                                     "word/document.xml": (
        b'<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">' +
        b"".join(b'<!ENTITY %s "%s">' % (chr(98 + i).encode(), (b"&%s;" % chr(97 + i).encode()) * 10)
                 for i in range(9)) +
        b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        b"<w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>")}), "XML entity expansion")
    put("not_a_zip.docx", os.urandom(4096), "random bytes named .docx")
    put("truncated.docx", notice_docx()[:700], "a .docx cut short")
    put("no_document_part.docx", _zip({"[Content_Types].xml": _CONTENT_TYPES}),
        "a zip without word/document.xml")
    text_pdf = pdf_with_text()
    for seed in range(2 if quick else 8):
        put(f"mutated_{seed}.pdf", mutated(text_pdf, seed), f"the notice as PDF, 20 random bytes changed (seed {seed})")
    put("encrypted_empty_password.pdf", encrypted_pdf(""), "AES-encrypted, empty user password (must import)")
    put("encrypted_password.pdf", encrypted_pdf("mat-khau"), "AES-encrypted with a user password")
    put("pages_5000.pdf", many_pages_pdf(5000 if not quick else 1000), "5,000 blank pages")
    put("flate_bomb.pdf", flate_bomb_pdf(30 if quick else 1000), "content stream inflating to 1 GB")
    put("deep_arrays.pdf", deep_pdf(50_000), "arrays nested 50,000 deep")
    put("garbage.pdf", b"%PDF-1.7\n" + os.urandom(8192), "a PDF header, then noise")
    put("junk.txt", os.urandom(64 * 1024), "64 KB of random bytes named .txt")
    put("utf16_odd_length.txt", b"\xff\xfe" + "Thông báo".encode("utf-16-le") + b"\x00", "UTF-16 with an odd byte count")
    put("utf16_lone_surrogate.txt", b"\xff\xfe" + "Số 1 ".encode("utf-16-le") + b"\x00\xd8A\x00", "UTF-16 with a lone surrogate")
    put("utf32.txt", "Thông báo số 1".encode("utf-32"), "UTF-32")
    put("adversarial_1mb.txt", adversarial_text(990_000).encode("utf-8")[:999_000], "1 MB built against regexes")
    for i, piece in enumerate([] if quick else ["đến ngày 30/11/2025 hoàn thành ", "từ ngày 01/12 đến ngày 20/12/2025 "]):
        put(f"dated_phrases_{i}.txt", (piece * (990_000 // len(piece.encode()))).encode(),
            "a megabyte of dated phrases without a full stop")
    put("over_1mb.txt", ("Các địa phương phải xét nghiệm. " * 40_000).encode(), "1.3 MB of text")
    put("bidi_controls.txt", "\n".join(lines).replace(" ", " \u202e", 60).encode(), "the notice with 60 U+202E")
    put("image_bomb.png", image_png(60_000, 60_000), "a PNG claiming 60,000 × 60,000 pixels")
    put("junk.jpg", os.urandom(20_000), "random bytes named .jpg")
    put("empty.pdf", b"", "an empty file named .pdf")
    for name, make, what in (("link_to_dev_zero.txt", lambda p: p.symlink_to("/dev/zero"), "a symlink to /dev/zero"),
                             ("fifo.txt", lambda p: os.mkfifo(p), "a named pipe"),
                             ("folder.docx", lambda p: p.mkdir(), "a directory")):
        path = folder / name
        if not path.exists() and not path.is_symlink():
            make(path)
        made.append((name, what))
    return made


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return buffer.getvalue()
