"""The "Kính gửi: …" block of a công văn and a công điện's "THỦ TƯỚNG CHÍNH PHỦ điện: …" list:
whom the notice is sent to, read apart from the body (split from knowledge/parser/header.py).

Why: the addressees are who must act on every point that names nobody (parser.actors), and a
list read as body becomes items ("- Thuế tỉnh Bắc Ninh;") while a body read as addressees is lost.
A page's box puts the label and the list in cells of their own; a reply letter's company comes
with its tax code and address; a công điện's list runs straight into its first order.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from knowledge.parser.cleaning import Line
from knowledge.parser.kind_title import ADDRESSED, POINT_START, TELEGRAM
from knowledge.parser.names import caps as _caps, proper_case
from knowledge.text import fold

if TYPE_CHECKING:
    from knowledge.parser.header import Header


def prose(p: str) -> bool:
    return len(p.split()) >= 12 and p.rstrip('"”’)*').endswith(tuple(".!?:;…")) and not _caps(p)


def skip_addressees(h: Header, lines: list[Line], body: int, end: int) -> int:
    """A "Kính gửi: …" block or a công điện's "THỦ TƯỚNG CHÍNH PHỦ điện: …" list is not body."""
    i = body
    while i < end and not lines[i].text:
        i += 1
    if i >= end:
        return body
    label = _bare_label_above(lines, body)
    if label is not None:
        i = label                       # a page's "**Kính gửi:**" box the body was found after
    first = lines[i].text
    telegram = TELEGRAM.match(first)
    two = f"{first} {_next_text(lines, i, end)}"
    if not (telegram or ADDRESSED.match(first) or ADDRESSED.match(two)):
        return body
    if telegram:
        h.issuer = h.issuer or proper_case(telegram.group("issuer"))
    got = [first]
    k = i + 1
    if not telegram and not ADDRESSED.match(first):     # "**Kính" / "gửi:**": the label wrapped in its cell
        got = [two]
        k = next(j for j in range(i + 1, end) if lines[j].text) + 1
    gap = False
    while k < end:
        line = lines[k]
        if not line.text:
            if line.hard and len(got) > 1 and not got[-1].rstrip().endswith(","):
                k += 1
                break
            k += 1
            gap = True
            continue
        text = line.text
        listing = text.startswith(("-", "+", "•")) or text[0].islower() or _ASIDE.match(text) is not None \
            or (len(got) > 1 and _DETAIL.match(text) is not None)
        if not listing and len(got) == 1 and ADDRESSED.match(first) and first.split(":", 1)[-1].strip() \
                and _prose_start(text) and (prose(text) or (gap and len(text.split()) >= 8)):
            break                       # "Kính gửi: HĐND tỉnh" then the first "Căn cứ …;" paragraph
        if not listing and len(got) > 1 and got[-1].endswith((".", ";", ":")) and not telegram:
            break
        if _opens_points(text, got):
            break                       # "- Giám đốc các Sở …;" then "1. Chủ tịch UBND các huyện …"
        if not listing and _in_own_voice(text, h.issuer or h.site.get("issuer")):
            break                       # "Cục Thuế nhận được đơn …": the letter begins
        if not listing and len(got) > 1 and _prose_start(text) and got[-1].endswith((".", ";", ":", ",", ")")):
            break                       # ")": an addressee's "(Đ/c: …)" line ends the entry
        if not listing and len(got) == 1 and ADDRESSED.match(first) and first.rstrip().endswith("."):
            break
        got.append(text)
        k += 1
        if len(got) > 40:
            break
    h.addressees = " ".join(got)
    return k


def _bare_label_above(lines: list[Line], body: int) -> int | None:
    """A bare "Kính gửi:" label above where the body was found, with only blank lines and a list of
    addressees ("- Thuế tỉnh/thành phố;") between: a page's box puts the label in one cell and the
    list in the next, and the body was found after the list, which is still the addressees."""
    listed = 0
    for k in range(body - 1, max(-1, body - 40), -1):
        text = lines[k].text
        if not text:
            continue
        if ADDRESSED.match(text):
            return k if not text.split(":", 1)[-1].strip() else None
        if listed >= 20 or not text.startswith(("-", "+", "•")):
            return None
        listed += 1
    return None


def _opens_points(text: str, got: list[str]) -> bool:
    """A first numbered point ("1.", "I.", "a)") after an unnumbered list of addressees starts the
    body: a công điện's "… điện:" list goes straight on to its orders when nothing else ends it."""
    return (len(got) > 1 and _FIRST_POINT.match(text) is not None
            and not any(_FIRST_POINT.match(g) or POINT_START.match(g) for g in got[1:]))


_FIRST_POINT = re.compile(r"^(?:\(?(?:1|I|a)\s*[.)]|Điều\s+1\b)\s*\S")


def _in_own_voice(text: str, issuer: str | None) -> bool:
    """A line that opens with the issuer's own name and goes on in lower case ("Cục Thuế nhận được
    đơn phản ánh …", "Bộ Tài chính có ý kiến như sau"): the letter speaking, not one more
    addressee — an office does not address itself."""
    if not issuer or not fold(text).startswith(fold(issuer) + " "):
        return False
    rest = text.split()[len(issuer.split()):]
    return bool(rest) and rest[0][:1].islower()


# An addressee's tax code and address on lines of their own, under a reply letter's company.
_DETAIL = re.compile(r"(?:Mã số thuế|MST|Địa chỉ)\b[^:]{0,30}:", re.IGNORECASE)
_ASIDE = re.compile(r"\((?!(?:\d{1,2}|[ivx]{1,4}|[a-zđ])\))\w")   # "(Địa chỉ: …)" under an addressee; not "(1)"


def _prose_start(text: str) -> bool:
    return text[:1].isupper() and not _caps(text)


def _next_text(lines: list[Line], i: int, end: int) -> str:
    for k in range(i + 1, min(end, i + 3)):
        if lines[k].text:
            return lines[k].text
    return ""
