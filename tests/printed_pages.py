"""A notice printed and scanned, or photographed, for the OCR tests: its lines drawn in DejaVu Serif on an
A4 page at 300 dpi (a letterhead's two columns side by side), as a PNG, a JPEG "photo" (tilted, greyed,
smaller) or an image-only PDF. Needs the DejaVu fonts (fonts-dejavu-core)."""
from __future__ import annotations

import io
import os
import textwrap

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
A4 = (2480, 3508)


def have_fonts() -> bool:
    return os.path.exists(os.path.join(FONT_DIR, "DejaVuSerif.ttf"))


def _font(size: int, bold: bool = False):
    from PIL import ImageFont
    return ImageFont.truetype(os.path.join(FONT_DIR, "DejaVuSerif-Bold.ttf" if bold else "DejaVuSerif.ttf"), size)


def pages(letterhead: tuple[list[str], list[str]] | None, lines: list[str], size: int = 46):
    """Pages (PIL images) with the letterhead's left and right columns at the top, then each line
    wrapped to the page width; a line starting with '!' is bold and centred (a title)."""
    from PIL import Image, ImageDraw

    regular, bold = _font(size), _font(size, bold=True)
    margin, step = 230, int(size * 1.45)
    width = A4[0] - 2 * margin
    chars = int(width / (size * 0.52))
    out, page, draw, y = [], None, None, 0

    def new_page():
        nonlocal page, draw, y
        page = Image.new("L", A4, 255)
        draw = ImageDraw.Draw(page)
        out.append(page)
        y = 200

    new_page()
    if letterhead:
        left, right = letterhead
        for i in range(max(len(left), len(right))):
            if i < len(left):
                w = draw.textlength(left[i], font=bold)
                draw.text((margin + 420 - w / 2, y), left[i], font=bold, fill=0)
            if i < len(right):
                w = draw.textlength(right[i], font=bold)
                draw.text((A4[0] - margin - 700 - w / 2, y), right[i], font=bold, fill=0)
            y += step
        y += step
    for line in lines:
        centred = line.startswith("!")
        text = line[1:] if centred else line
        for part in textwrap.wrap(text, chars) or [""]:
            if y > A4[1] - 250:
                new_page()
            font = bold if centred else regular
            x = (A4[0] - draw.textlength(part, font=font)) / 2 if centred else margin
            draw.text((x, y), part, font=font, fill=0)
            y += step
    return out


def png(images) -> bytes:
    buffer = io.BytesIO()
    images[0].save(buffer, format="PNG")
    return buffer.getvalue()


def photo(images, angle: float = 1.2, width: int = 1800) -> bytes:
    """The first page as a phone photo: slightly turned, on grey paper, scaled down, JPEG."""
    from PIL import Image, ImageFilter

    image = images[0].rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=235)
    image = image.point(lambda v: 60 + v * 0.7).filter(ImageFilter.GaussianBlur(0.8))
    image = image.resize((width, round(image.height * width / image.width)), Image.LANCZOS)
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


def scanned_pdf(images) -> bytes:
    """An image-only PDF (no text layer), one page per image, at 300 dpi."""
    buffer = io.BytesIO()
    images[0].save(buffer, format="PDF", resolution=300, save_all=True, append_images=images[1:])
    return buffer.getvalue()
