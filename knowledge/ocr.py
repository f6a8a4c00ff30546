"""Scanned notices — a photo, or a PDF whose pages are images — read with OCR: Tesseract
and its Vietnamese model from the operating system's packages (`tesseract-ocr`,
`tesseract-ocr-vie`), driven through pytesseract; PDF pages are drawn by pypdfium2.

Runs inside the reading worker (knowledge/reading.py) with a time budget per page. Without
Tesseract or its Vietnamese data, the admin is told how to add them.
"""
from __future__ import annotations

import io
import math
import os
import re

from knowledge.parser import ParseError

LANGUAGE = "vie"
DPI = 300                      # Tesseract reads best at about 300 dpi
MAX_PIXELS = 40_000_000        # an A4 page at 300 dpi is 8.7 million, a 12 MP photo 12 million
MIN_LONG_SIDE = 2_400          # a phone photo sent compressed is enlarged to about this
MAX_OCR_PAGES = 10
MIN_TEXT = 20                  # fewer characters than this: the scan has no readable text


def check_available(name: str) -> None:
    """ParseError `ocr_missing` unless pytesseract, the tesseract program and its
    Vietnamese data are all there."""
    try:
        import pytesseract
        languages = pytesseract.get_languages(config="")
    except Exception:   # ImportError, TesseractNotFoundError, a tesseract that fails to run
        raise ParseError("ocr_missing", name=name) from None
    if LANGUAGE not in languages:
        raise ParseError("ocr_missing", name=name)


def image_text(data: bytes, name: str) -> str:
    """The words of a photo or scan (.jpg, .png, .tif – every page of a multi-page TIFF); also of
    a PDF or a .docx of scanned pages sent under a picture's name, or a picture under theirs."""
    from PIL import Image, ImageOps, ImageSequence

    from knowledge.formats import binary_kind

    kind = binary_kind(data, name)
    if kind == ".pdf":
        return pdf_scan_text(data, name)
    if kind == ".docx":
        return docx_scan_text(data, name)

    Image.MAX_IMAGE_PIXELS = None      # checked below, from the header, with a clear message
    try:
        image = Image.open(io.BytesIO(data))
        width, height = image.size
        if width * height > MAX_PIXELS:
            raise ParseError("image_too_big", name=name, width=width, height=height,
                             limit=MAX_PIXELS // 1_000_000)
        frames = getattr(image, "n_frames", 1)
        if frames > MAX_OCR_PAGES:
            raise ParseError("scan_too_many_pages", name=name, count=frames, limit=MAX_OCR_PAGES)
        pages = [ImageOps.exif_transpose(frame.convert("L")) for frame in ImageSequence.Iterator(image)]
    except ParseError:
        raise
    except Exception:   # Pillow: unknown format, truncated file, decompression bomb, …
        raise ParseError("bad_image", name=name) from None
    check_available(name)
    return _ocr_pages(pages, name)


def pdf_scan_text(data: bytes, name: str) -> str:
    """The words of a PDF whose pages are pictures, each page drawn at about 300 dpi."""
    import pypdfium2 as pdfium

    from knowledge.formats import binary_kind

    if binary_kind(data, name) != ".pdf":          # a picture or a .docx under a .pdf name
        return image_text(data, name)
    try:
        document = pdfium.PdfDocument(data)
        count = len(document)
    except pdfium.PdfiumError as e:
        key = "pdf_password" if "password" in str(e).lower() else "bad_pdf"
        raise ParseError(key, name=name) from None
    except Exception:
        raise ParseError("bad_pdf", name=name) from None
    if count > MAX_OCR_PAGES:
        raise ParseError("scan_too_many_pages", name=name, count=count, limit=MAX_OCR_PAGES)
    check_available(name)
    pages = []
    try:
        for number in range(count):
            page = document[number]
            width, height = page.get_size()              # in points, 1/72 inch
            scale = DPI / 72
            if width * height * scale * scale > MAX_PIXELS:
                scale = math.sqrt(MAX_PIXELS / max(width * height, 1.0))
            pages.append(page.render(scale=scale, grayscale=True).to_pil())
    except Exception:
        raise ParseError("bad_pdf", name=name) from None
    return _ocr_pages(pages, name)


def docx_scan_text(data: bytes, name: str) -> str:
    """The words of the pictures of a .docx that has no text: a notice scanned into Word, one
    picture a page (at most MAX_OCR_PAGES)."""
    import zipfile

    from PIL import Image, ImageOps

    from knowledge.formats import check_zip, docx_pictures

    check_zip(data, name, "bad_docx")
    pictures = docx_pictures(data)
    if len(pictures) > MAX_OCR_PAGES:
        raise ParseError("scan_too_many_pages", name=name, count=len(pictures), limit=MAX_OCR_PAGES)
    Image.MAX_IMAGE_PIXELS = None      # checked below, from the header
    pages = []
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            for picture in pictures:
                image = Image.open(io.BytesIO(z.read(picture)))
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise ParseError("image_too_big", name=name, width=width, height=height,
                                     limit=MAX_PIXELS // 1_000_000)
                pages.append(ImageOps.exif_transpose(image.convert("L")))
    except ParseError:
        raise
    except Exception:   # a picture Pillow cannot read (.emf, .wmf, damaged)
        raise ParseError("bad_image", name=name) from None
    if not pages:
        raise ParseError("empty")
    check_available(name)
    return _ocr_pages(pages, name)


def _ocr_pages(pages, name: str) -> str:
    import pytesseract
    from PIL import Image

    texts = []
    for page in pages:
        width, height = page.size
        longest = max(width, height)
        if 0 < longest < MIN_LONG_SIDE:            # small photo: enlarge the letters
            factor = min(MIN_LONG_SIDE / longest, math.sqrt(MAX_PIXELS / max(width * height, 1)))
            page = page.resize((round(width * factor), round(height * factor)), Image.LANCZOS)
        try:
            words = _read_upright(page)
        except pytesseract.TesseractError:
            raise ParseError("bad_image", name=name) from None
        texts.append(page_text(words))
    text = "\n\n".join(texts)
    if sum(c.isalnum() for c in text) < MIN_TEXT:
        raise ParseError("ocr_no_text", name=name)
    return text


MIN_CONFIDENCE = 60           # below this mean word confidence a page may lie on its side

COLUMN_GAP = 1.8              # a gap between words this many letter heights wide parts two columns


def _read_upright(page) -> dict:
    """Tesseract's words of a page, turned upright first when it was photographed sideways or
    upside down (a phone photo without an orientation tag). Read the wrong way up, a page
    gives words of about 45% confidence, read upright over 90%; only then is Tesseract's
    orientation detection asked (about a second) and the page read again turned."""
    import pytesseract

    words = pytesseract.image_to_data(page, lang=LANGUAGE, output_type=pytesseract.Output.DICT)
    if _confidence(words) >= MIN_CONFIDENCE:
        return words
    try:
        osd = pytesseract.image_to_osd(page, output_type=pytesseract.Output.DICT)
        turn = int(osd.get("rotate", 0)) % 360
    except Exception:          # no osd data, too few letters to tell: keep the first reading
        return words
    if not turn:
        return words
    turned = pytesseract.image_to_data(page.rotate(-turn, expand=True), lang=LANGUAGE,
                                       output_type=pytesseract.Output.DICT)
    return turned if _confidence(turned) > _confidence(words) else words


def _confidence(words: dict) -> float:
    values = [float(c) for c, t in zip(words.get("conf", []), words.get("text", []))
              if (t or "").strip() and float(c) >= 0]
    return sum(values) / len(values) if values else 0.0


def page_text(words: dict) -> str:
    """The text of a page from Tesseract's words (`image_to_data`): its lines, paragraphs apart by
    a blank line, as `image_to_string` gives them — except that the place and date of a letterhead,
    which stands right of the number or the "V/v" subject, starts its own line. Tesseract runs a
    letterhead's two columns into one line ("V/v Chính sách thuế TNCN      Hà Nội, ngày 19 …"),
    which buries the date in the title; the parser reads the other merged lines (issuer beside
    the national motto) as they are."""
    from knowledge.pdf_layout import split_place_date

    paragraphs: dict[tuple, dict[int, list]] = {}
    for i, text in enumerate(words.get("text", [])):
        if words["level"][i] != 5 or not (text or "").strip():
            continue
        paragraph = (words["page_num"][i], words["block_num"][i], words["par_num"][i])
        line = paragraphs.setdefault(paragraph, {}).setdefault(words["line_num"][i], [])
        line.append((words["left"][i], words["width"][i], words["height"][i], text.strip()))
    texts = ["\n".join(split_place_date([" ".join(w[3] for w in part) for part in _segments(line)])
                       for line in lines.values()) for lines in paragraphs.values()]
    joined: list[str] = []
    for text in texts:
        if joined and _GOES_ON.match(text) and not joined[-1].rstrip().endswith(_ENDS):
            joined[-1] += "\n" + text      # a widely spaced page: Tesseract makes each line a paragraph
        else:
            joined.append(text)
    return "\n\n".join(joined)


# A paragraph that starts with a word in lower case (not a point's "a)" or "b.") goes on the one above.
_GOES_ON = re.compile(r"^(?![a-zđ][.)])[a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]")
_ENDS = (".", ";", ":", "!", "?", "…", "./.")


def _segments(line: list) -> list[list]:
    """A line's words cut where the gap between two is wider than COLUMN_GAP letter heights."""
    heights = sorted(w[2] for w in line)
    height = heights[len(heights) // 2] or 1
    parts = [[line[0]]]
    for before, word in zip(line, line[1:]):
        if word[0] - (before[0] + before[1]) > COLUMN_GAP * height:
            parts.append([])
        parts[-1].append(word)
    return parts


def ocr_environment() -> dict:
    """Variables the worker passes to Tesseract: one thread (OpenMP's threads cost more
    than they give on a small server) and the data folder when one is configured."""
    env = {"OMP_THREAD_LIMIT": "1"}
    if os.environ.get("TESSDATA_PREFIX"):
        env["TESSDATA_PREFIX"] = os.environ["TESSDATA_PREFIX"]
    return env
