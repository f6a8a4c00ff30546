"""The kind line ("THÔNG BÁO KẾT LUẬN", "CÔNG ĐIỆN") and the title (trích yếu) under it.

Decree 30/2020/NĐ-CP puts the kind of a document in capitals and its title below; the kind
decides how the notice is shown and searched ("Thông báo kết luận" vs "Thông báo"), and the
title is what a reader recognises it by. The lines that end a title — an addressee, a
telegram's sender, a date, a numbered point — are named here too, since the body begins
where the title stops. `usable_title` judges a title found anywhere (a page's headline, a
site's metadata) by the same standard.
"""
from __future__ import annotations

import re

from knowledge.parser.cleaning import Line
from knowledge.parser.names import _HEADS, caps as _caps, proper_case
from knowledge.parser.number_date import DATE_WORDS, NUMBER_LINE, place_date
from knowledge.parser.pages import KINDS
from knowledge.text import fold

# "THỦ TƯỚNG CHÍNH PHỦ điện:": the verb in small letters after the sender, or with its colon;
# a title in capitals that ends with the noun ("… GIÁ BÁN ĐIỆN") is no telegram
TELEGRAM = re.compile(r"^(?P<issuer>[^:]{3,80}?)\s+(?:điện\s*:?|(?:Điện|ĐIỆN)\s*:)\s*$")
ADDRESSED = re.compile(r"^Kính\s+gửi\s*:?", re.IGNORECASE)
ABOUT = re.compile(r"^(?:V/v|V/V|v/v|Về\s+việc|VỀ\s+VIỆC)\s*:?\s*")
POINT_START = re.compile(r"^\(?\d{1,2}\s*[.)]\s+\S")
_SECTION_START = re.compile(r"^(?:[IVX]{1,4}|Điều\s+\d{1,3})\s*[.:]\s+\S")
_NOT_TITLE = re.compile(r"^(?:Căn\s+cứ\b|[:;,.)]|\(\w{0,20}\.(?:vn|com)\))", re.IGNORECASE)
# The authority that issues in a person's name, on its own line between the title and the
# "Căn cứ" lines (Decree 30/2020): "CỤC TRƯỞNG CỤC HẢI QUAN", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH".
_AUTHORITY = re.compile(r"^\W*(?:BỘ TRƯỞNG|THỦ TƯỚNG|(?:PHÓ )?CHỦ TỊCH|(?:TỔNG |CHI )?CỤC TRƯỞNG|(?:TỔNG )?GIÁM ĐỐC|"
                        r"VIỆN TRƯỞNG|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|THỐNG ĐỐC|HIỆU TRƯỞNG|CHÁNH THANH TRA|"
                        r"ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN|BAN THƯỜNG VỤ|BAN CHỈ ĐẠO)\b")
# A code or an abbreviation alone on a line ("GTGT", "136/2025/NĐ-CP"): a wrapped title goes on
# through it though it is in capitals ("V/v thuế suất thuế / GTGT").
_CODE_LINE = re.compile(r"^[^\sa-zà-ỹđ]{2,20}(?:\s[^\sa-zà-ỹđ]{2,20})?[.;,)]?$")

_OF_ISSUER = re.compile(r"^\W{0,4}(?:" + "|".join(sorted(KINDS, key=len, reverse=True)) +
                        r")(?:\s+[\w-]+){0,2}?\s+của\s+(?P<issuer>[A-ZĐÀ-Ỹ][^.:;!?]{2,80}?)\s*[.!]?$", re.IGNORECASE)


def issuer_in_kind_line(text: str) -> str | None:
    """The body named after a kind word ("THÔNG BÁO KHẨN của UBND xã Hòa Bình"), when it
    is a body's name (it starts with a head word: "UBND", "Sở", "Ban …")."""
    m = _OF_ISSUER.match(text)
    if not m:
        return None
    issuer = m.group("issuer")
    words = tuple(fold(issuer).split())
    return issuer if any(words[:len(head)] == head for head in _HEADS) else None


def kind_line(text: str) -> tuple[str, str] | None:
    """("Thông báo kết luận", "KẾT LUẬN CỦA …") for a title line "THÔNG BÁO KẾT LUẬN CỦA …"."""
    if not _caps(text) or len(text) > 200:
        return None
    folded = " ".join(fold(text).replace(":", " ").split())
    for kind in KINDS:
        fk = fold(kind)
        if folded == fk or folded.startswith(fk + " "):
            rest = " ".join(text.split()[len(kind.split()):]).strip(" :") if folded != fk else ""
            if fk.startswith("thong bao"):
                rest = " ".join(text.split()[2:]).strip(" :")
                return (thong_bao(rest) if rest else "Thông báo"), rest
            return kind, rest
    return None


def thong_bao(title: str) -> str:
    folded = fold(title)
    if folded.startswith("ket luan"):
        return "Thông báo kết luận"
    if folded.startswith("y kien chi dao"):
        return "Thông báo ý kiến chỉ đạo"
    return "Thông báo"


def read_title(lines: list[Line], kind_at: int, end: int, about: bool = False) -> tuple[list[str], int]:
    """The trích yếu under the kind line: lines in capitals (and a bold line that ends them,
    "Tại hội nghị ngày …"), or one lower-case line and its continuation; returns them and the
    first line after."""
    out: list[str] = []
    i = kind_at + 1
    caps = bold = None
    while i < end and len(out) < 8:
        line = lines[i]
        text = line.text
        if not text:
            if out and (line.hard or not about or caps):
                break
            i += 1
            continue
        if ADDRESSED.match(text) or TELEGRAM.match(text) or DATE_WORDS.match(text) or \
                place_date(text, anchored=True) or NUMBER_LINE.match(text) or POINT_START.match(text) \
                or _SECTION_START.match(text) or _NOT_TITLE.match(text):
            break                       # an untitled notice: "THÔNG BÁO / 1. Các xã …" starts its body
        # a line without letters ("2026 - 2030" under "… GIAI ĐOẠN") goes on in the title's case
        is_caps = _caps(text) if any(c.isalpha() for c in text) or caps is None else caps
        if out and is_caps and _AUTHORITY.match(text) and _before_basis(lines, i + 1, end):
            break                       # the authority line above the "Căn cứ" lines
        if caps is None:
            caps, bold = is_caps, line.bold
        elif is_caps != caps and not (bold and line.bold) and not text[0].islower() \
                and not (not caps and _CODE_LINE.match(text) and not out[-1].endswith((".", ":", ";"))):
            break
        elif not caps and not about and not text[0].islower():
            break
        out.append(text)
        i += 1
        if not caps and text.endswith((".", ":")):
            break
    return out, i


def _before_basis(lines: list[Line], i: int, end: int) -> bool:
    """Whether the "Căn cứ" lines come next, after at most one more line in capitals (the
    authority wrapped: "CỤC TRƯỞNG CỤC / HẢI QUAN")."""
    after = _next_text(lines, i, end)
    if after.startswith("Căn cứ"):
        return True
    k = next((j for j in range(i, end) if lines[j].text), end)
    return _caps(after) and _next_text(lines, k + 1, end).startswith("Căn cứ")


def _next_text(lines: list[Line], i: int, end: int) -> str:
    while i < end and not lines[i].text:
        i += 1
    return lines[i].text if i < end else ""


def title_text(first: str | None, lines: list[str]) -> str:
    """The title lines as one text: runs in capitals as running text writes them, "V/v" off."""
    parts: list[str] = [first] if first else []
    parts += lines
    runs: list[tuple[bool, list[str]]] = []
    for part in parts:
        caps = _caps(part)
        if runs and runs[-1][0] == caps:
            runs[-1][1].append(part)
        else:
            runs.append((caps, [part]))
    text = " ".join(proper_case(" ".join(r)) if caps else " ".join(r) for caps, r in runs)
    text = ABOUT.sub("", text).strip()
    return text[:1].upper() + text[1:]


_SOURCE_TAG = re.compile(r"^\((?:[\w-]+\.)+(?:vn|com|net|org)\)\s*[-–—:]\s*", re.IGNORECASE)
_NO_TITLE = re.compile(r"^(?:[:;,.()]|Căn\s+cứ\b|(?:Kính\s+)?gửi\s*:|Click\b|Tải\s+về\b)", re.IGNORECASE)


# a body sentence, not a title: a connective that goes on from what came before ("Theo đó, …",
# "Tuy nhiên …"), or a body saying what it received ("Cục Thuế nhận được công văn số …")
_BODY_OPENING = re.compile(r"^(?:Theo\s+đó|Tuy\s+nhiên|Do\s+đó|Vì\s+vậy|Ngoài\s+ra|Đồng\s+thời|Trong\s+đó)\b|"
                           r"^.{0,80}?\b(?:nhận\s+được|đã\s+nhận)\s+(?:công\s+văn|văn\s+bản|tờ\s+trình|đơn)\b",
                           re.IGNORECASE)


def usable_title(title: str | None) -> str | None:
    """A title as a reader can use it: without a news site's "(Chinhphu.vn) - " tag, and
    None for what is no title (a legal basis "Căn cứ …", an addressee "gửi: …", a page's
    legend ": Sửa đổi, thay thế,")."""
    if not title:
        return None
    title = _SOURCE_TAG.sub("", title.strip())
    if not title or _NO_TITLE.match(title) or title.rstrip(" *").endswith(":") or _BODY_OPENING.match(title):
        return None
    return title[:1].upper() + title[1:]
