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
    """The words of a photo or scan (.jpg, .png, .tif – every page of a multi-page TIFF)."""
    from PIL import Image, ImageOps, ImageSequence

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
            texts.append(pytesseract.image_to_string(page, lang=LANGUAGE))
        except pytesseract.TesseractError:
            raise ParseError("bad_image", name=name) from None
    text = "\n\n".join(texts)
    if sum(c.isalnum() for c in text) < MIN_TEXT:
        raise ParseError("ocr_no_text", name=name)
    return text


def ocr_environment() -> dict:
    """Variables the worker passes to Tesseract: one thread (OpenMP's threads cost more
    than they give on a small server) and the data folder when one is configured."""
    env = {"OMP_THREAD_LIMIT": "1"}
    if os.environ.get("TESSDATA_PREFIX"):
        env["TESSDATA_PREFIX"] = os.environ["TESSDATA_PREFIX"]
    return env
