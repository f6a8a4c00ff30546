"""Step 2 of reading a notice: where the document is, and its header and footer.

Decree 30/2020/NĐ-CP fixes the layout of an administrative document (party documents
follow the same pattern):

    TÊN CƠ QUAN CHỦ QUẢN              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM  (quốc hiệu;
    TÊN CƠ QUAN BAN HÀNH              Độc lập - Tự do - Hạnh phúc          party: ĐẢNG
    Số: 12/KH-UBND                    Nghệ An, ngày 26 tháng 11 năm 2025   CỘNG SẢN VIỆT NAM)
                          KẾ HOẠCH                         (tên loại)
                 triển khai thực hiện …                    (trích yếu; V/v … in a công văn)
    Kính gửi: …                                            (a công văn, a công điện)
    body …./.
    Nơi nhận: …                        TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH
                                       (chữ ký) Bùi Thanh An

The letterhead is found by its motto, the issuer in the one to three lines above it (names
wrap: "ỦY BAN NHÂN / DÂN / TỈNH NGHỆ AN"), and the rest below it; a body date is never the
date of issue. Web pages around a document add a summary and a metadata box (used only for
what the letterhead lacks); news pages have no letterhead at all, and their lead sentence
("Ngày 29/5/2025, Thủ tướng Chính phủ đã ban hành Công điện 78/CĐ-TTg …") says what a reader
can know. What none of these gives stays empty and is listed under `missing`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as Date
from itertools import islice

from knowledge.dates import DateOutOfRange, sane_date
from knowledge.parser.cleaning import Line, furniture, paragraphs_with_lines
from knowledge.parser.columns import unfold_columns
from knowledge.parser.footer import footer_start, signer
from knowledge.parser.names import _HEADS, caps as _caps, compose_issuer, proper_case, segment_organs, starts_with_head
from knowledge.parser.pages import (KINDS, NUMBER, demanding_body, issuer_of_number, kind_of_number, parse_date,
                                    question_sections, reported_document, sections_quoting, signer_from_site,
                                    site_box, site_kind)
from knowledge.text import fold

_MOTTOS = ("cong hoa xa hoi chu nghia viet nam", "dang cong san viet nam")
_NUMBER_LINE = re.compile(rf"Số(?:\s+hiệu)?\s*:?\s*({NUMBER})(?![\w/-])", re.IGNORECASE)
_NUMBER_INSIDE = re.compile(rf"(?<!\w)(?:Số|SỐ)\s*:?\s*({NUMBER})(?![\w/-])")
_NUMBER_LABEL = re.compile(r"Số(?:\s+hiệu)?\s*:?\s*$", re.IGNORECASE)
_DATE_WORDS = re.compile(r"(?<!\w)ngày\s+(\d{1,2})\s*(?:tháng\s+(\d{1,2})\s+năm\s+|[/.-]\s*(\d{1,2})\s*[/.-]\s*)"
                         r"(\d{4,5})(?!\d)", re.IGNORECASE)
# "THỦ TƯỚNG CHÍNH PHỦ điện:": the verb in small letters after the sender, or with its colon;
# a title in capitals that ends with the noun ("… GIÁ BÁN ĐIỆN") is no telegram
_TELEGRAM = re.compile(r"^(?P<issuer>[^:]{3,80}?)\s+(?:điện\s*:?|(?:Điện|ĐIỆN)\s*:)\s*$")
_ADDRESSED = re.compile(r"^Kính\s+gửi\s*:?", re.IGNORECASE)
_ABOUT = re.compile(r"^(?:V/v|V/V|Về\s+việc|VỀ\s+VIỆC)\s*:?\s*")
_LEAD_PARAGRAPHS = 6
_HEADER_PARAGRAPHS = 300          # a body that has not begun after this many paragraphs begins at the top
_HEADER_LINES = 3000              # nor after this many lines


@dataclass
class Header:
    number: str | None = None
    issuer: str | None = None
    place: str | None = None
    date: Date | None = None
    kind: str | None = None
    title: str | None = None
    signer: str | None = None
    province: str | None = None
    addressees: str = ""              # "Kính gửi: …" or a công điện's list
    letterhead: bool = False
    own_kind_line: bool = False       # the page starts with the document's "CÔNG ĐIỆN", "THÔNG BÁO"
    reported: bool = False            # a page about a document that names it (or who issued it)
    question: bool = False            # a page headed by a question (legal Q&A)
    body_start: int = 0               # line indices of the body: [body_start, body_end)
    body_end: int = 0
    bad_date: str | None = None       # a date of issue outside the sane window, as written
    site: dict = field(default_factory=dict)
    aside: list[list[Line]] = field(default_factory=list)   # a Q&A page's sections beside the document

    def evidence(self) -> bool:
        """Whether the text shows it is (or reports) an administrative document."""
        return bool(self.letterhead or self.own_kind_line or self.site or self.reported)


# --- Where the document is -----------------------------------------------------------------

def read_header(lines: list[Line]) -> tuple[Header, list[Line]]:
    """The header of the notice, and its lines with web furniture and the site's metadata
    box blanked out (positions kept)."""
    h = Header()
    lines = unfold_columns(list(lines))
    h.site = site_box(lines)
    start, end = 0, len(lines)
    kinds = [furniture(line.text) if line.text else None for line in lines]
    for i, kind in enumerate(kinds):
        if kind == "drop":
            lines[i] = Line("", hard=True)
    motto = _find_motto(lines)
    if motto is not None:
        issuer_lines, start = _issuer_lines(lines, motto)
        h.letterhead = True
        h.issuer = compose_issuer(segment_organs(issuer_lines)) if issuer_lines else None
    else:
        start = 0
    end = next((i for i in range(start, len(lines)) if kinds[i] == "end"), end)
    after = []                              # a Q&A page's "Trên đây là …" sums up; more questions follow
    if end < len(lines) and fold(lines[end].text).startswith("tren day la"):
        stop = next((i for i in range(end + 1, len(lines)) if kinds[i] == "end"), None)
        if stop is not None:
            after = lines[end + 1:stop]
    sections = question_sections(lines, start, end) if motto is None else []
    if sections:
        end = sections[0][0]
    kept_lines = list(lines)
    lines = lines[:end] + [Line("", hard=True)] * (len(lines) - end)
    h.body_start, h.body_end = _layout(h, lines, start, end, motto)
    _from_page(h, lines, start, end)
    if sections and h.number and not h.own_kind_line:
        lines, last = sections_quoting(h.number, kept_lines, lines, sections)
        h.body_end = max(h.body_end, last)
    for first, stop in sections:            # the sections left out are background a reader may ask about
        if not any(line.text for line in lines[first + 1:stop]):
            h.aside.append(kept_lines[first:stop])
    if after:
        h.aside.append(after)
    return h, lines


def _find_motto(lines: list[Line]) -> int | None:
    """Index of the first line of the motto (quốc hiệu), which may be wrapped over lines."""
    texts = [(i, line.text) for i, line in enumerate(lines) if line.text]
    for n, (i, text) in enumerate(texts):
        if text[:1] in "CĐ" and fold(text[:4]) in ("cong", "dang") and _caps(text):
            joined = " ".join(fold(" ".join(t for _, t in texts[n:n + 4])).split())
            if joined.startswith(_MOTTOS) and _header_follows(lines, [k for k, _ in texts[n + 1:n + 16]]):
                return i
    return None


def _header_follows(lines: list[Line], following: list[int]) -> bool:
    """A letterhead's motto is followed by a number, a place and date or a kind line; one
    stamped at the end of a scan is not."""
    joined = " ".join(lines[k].text for k in following)
    return bool(_NUMBER_LINE.search(joined) or _place_date_lines([(k, lines[k].text) for k in following])
                or any(_kind_line(lines[k].text) for k in following))


def _issuer_lines(lines: list[Line], motto: int) -> tuple[list[str], int]:
    """The letterhead lines above the motto (capitals), and where the document starts. When
    nothing stands above it, the name may come right after the motto lines."""
    got: list[str] = []
    k = motto - 1
    while k >= 0 and len(got) < 6:
        line = lines[k]
        if line.text:
            if _NUMBER_LINE.match(line.text) or not any(c.isalpha() for c in line.text) \
                    or _place_date(line.text, anchored=True):
                k -= 1                  # "Số: 27/TB-BCĐ" or a party's "*" under the issuer: not its name
                continue
            if not _caps(line.text) or line.text.endswith((".", ":", "?")):
                break
            got.append(line.text)
        elif got and line.hard and not _wrapped(got[-1]):
            break
        k -= 1
    start = k + 1
    while start < motto and not lines[start].text:
        start += 1
    if got:
        return list(reversed(got)), start
    return [], motto


def _wrapped(name: str) -> bool:
    return fold(name).split()[-1] in ("nhan", "chinh", "va", "tinh", "thanh", "chap", "ban", "uy")


# --- The header lines ----------------------------------------------------------------------

def _layout(h: Header, lines: list[Line], start: int, end: int, motto: int | None) -> tuple[int, int]:
    """Read number, place and date, kind, title and addressees from the header lines; return
    where the body starts and ends."""
    texts = [(i, lines[i].text) for i in range(start, end) if lines[i].text]
    kind_at = None
    last_header = motto if motto is not None else None
    zone = [(i, t) for i, t in texts if motto is None or i >= motto][:40]
    for n, (i, text) in enumerate(zone):
        kind = _kind_line(text)
        if kind and (motto is not None or n < 12):
            kind_at, h.kind, h.own_kind_line = i, kind[0], motto is not None or n < 2
            if kind[1]:
                h.title = kind[1]
            break
    head_zone = [(i, t) for i, t in zone if kind_at is None or i < kind_at][:24]
    if motto is not None:                 # the left column read first: "Số: …" under the issuer, above the motto
        head_zone = [(i, t) for i, t in texts if i < motto][-4:] + head_zone
    joined, offsets = _joined(head_zone)
    number_date = None
    for n, (i, text) in enumerate(head_zone):
        if motto is None and kind_at is None and n > 12:
            break
        here = text if not _NUMBER_LABEL.match(text) or n + 1 >= len(head_zone) else f"{text} {head_zone[n + 1][1]}"
        m = _NUMBER_LINE.match(here)
        if m:
            h.number = m.group(1).rstrip(".")
            last_header = max(last_header or 0, i if here == text else head_zone[n + 1][0])
            number_date = _DATE_WORDS.match(here[m.end():].lstrip(" ,;-–"))     # "Số: 15/TB-UBND, ngày 23/11/2026"
            break
    if h.number is None and motto is not None:      # OCR joined it to another line: "… SỐ 102-TB/VPTU"
        m = _NUMBER_INSIDE.search(joined)
        if m:
            h.number = m.group(1).rstrip(".")
            last_header = max(last_header or 0, _line_at(offsets, m.end() - 1))
    dm = _place_date_lines(head_zone)
    if dm:
        h.place, h.date, h.bad_date, at = dm
        last_header = max(last_header or 0, at)
    elif number_date:
        h.date, h.bad_date = _words_date(number_date)
    body = None
    if kind_at is not None:
        title_lines, after = _title(lines, kind_at, end)
        title = _title_text(h.title, title_lines)
        if fold(title).startswith("cua "):
            title = f"{h.kind} {title[:1].lower()}{title[1:]}"      # "KẾT LUẬN / CỦA BAN …"
        h.title = title or None
        if h.kind == "Thông báo" and h.title:
            h.kind = _thong_bao(h.title)
        body = after
    elif motto is not None:
        about = next(((i, t) for i, t in head_zone if _ABOUT.match(t) or (fold(t).startswith("ve ") and i > motto)),
                     None)
        if about:
            title_lines, _ = _title(lines, about[0] - 1, end, about=True)
            h.title = _ABOUT.sub("", " ".join(title_lines)) if title_lines else None
            h.kind = h.kind or "Công văn"
        body = (last_header or motto) + 1
        if about and about[0] >= body:
            body = about[0] + len(title_lines or [1])
        while body < end and lines[body].text and _continues_header(lines, body, last_header):
            body += 1
    if body is None:
        body = _first_body_line(lines, start, end)
    body = _skip_addressees(h, lines, body, end)
    return body, footer_start(lines, body, end)


def _joined(zone: list[tuple[int, str]]) -> tuple[str, list[tuple[int, int]]]:
    parts, offsets, pos = [], [], 0
    for i, text in zone:
        offsets.append((pos, i))
        parts.append(text)
        pos += len(text) + 1
    return " ".join(parts), offsets


def _line_at(offsets: list[tuple[int, int]], pos: int) -> int:
    line = offsets[0][1] if offsets else 0
    for start, i in offsets:
        if start > pos:
            break
        line = i
    return line


def _continues_header(lines: list[Line], i: int, last_header: int | None) -> bool:
    """Lines right after the date that still belong to it ("…, ngày 26 / tháng 11 năm 2025")."""
    return last_header is not None and i <= last_header


_OF_ISSUER = re.compile(r"^\W{0,4}(?:" + "|".join(sorted(KINDS, key=len, reverse=True)) +
                        r")(?:\s+[\w-]+){0,2}?\s+của\s+(?P<issuer>[A-ZĐÀ-Ỹ][^.:;!?]{2,80}?)\s*[.!]?$", re.IGNORECASE)


def _issuer_in_kind_line(text: str) -> str | None:
    """The body named after a kind word ("THÔNG BÁO KHẨN của UBND xã Hòa Bình"), when it
    is a body's name (it starts with a head word: "UBND", "Sở", "Ban …")."""
    m = _OF_ISSUER.match(text)
    if not m:
        return None
    issuer = m.group("issuer")
    words = tuple(fold(issuer).split())
    return issuer if any(words[:len(head)] == head for head in _HEADS) else None


def _kind_line(text: str) -> tuple[str, str] | None:
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
                return (_thong_bao(rest) if rest else "Thông báo"), rest
            return kind, rest
    return None


def _thong_bao(title: str) -> str:
    folded = fold(title)
    if folded.startswith("ket luan"):
        return "Thông báo kết luận"
    if folded.startswith("y kien chi dao"):
        return "Thông báo ý kiến chỉ đạo"
    return "Thông báo"


def _title(lines: list[Line], kind_at: int, end: int, about: bool = False) -> tuple[list[str], int]:
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
        if _ADDRESSED.match(text) or _TELEGRAM.match(text) or _DATE_WORDS.match(text) or \
                _place_date(text, anchored=True) or _NUMBER_LINE.match(text) or _POINT_START.match(text) \
                or _SECTION_START.match(text) or _NOT_TITLE.match(text):
            break                       # an untitled notice: "THÔNG BÁO / 1. Các xã …" starts its body
        is_caps = _caps(text)
        if caps is None:
            caps, bold = is_caps, line.bold
        elif is_caps != caps and not (bold and line.bold) and not text[0].islower():
            break
        elif not caps and not about and not text[0].islower():
            break
        out.append(text)
        i += 1
        if not caps and text.endswith((".", ":")):
            break
    return out, i


def _title_text(first: str | None, lines: list[str]) -> str:
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
    text = _ABOUT.sub("", text).strip()
    return text[:1].upper() + text[1:]


def _first_body_line(lines: list[Line], start: int, end: int) -> int:
    """Without a letterhead: the body starts at the first numbered point or the first
    paragraph that reads like prose (not a headline: in bold, or a question)."""
    for first, p in islice(paragraphs_with_lines(lines, start, min(end, start + _HEADER_LINES)), _HEADER_PARAGRAPHS):
        if _POINT_START.match(p) or (_prose(p) and not lines[first].bold and not lines[first].heading
                                     and not p.rstrip(' *"”').endswith("?")):
            return first
    return start


_POINT_START = re.compile(r"^\(?\d{1,2}\s*[.)]\s+\S")
_SECTION_START = re.compile(r"^(?:[IVX]{1,4}|Điều\s+\d{1,3})\s*[.:]\s+\S")
_NOT_TITLE = re.compile(r"^(?:Căn\s+cứ\b|[:;,.)]|\(\w{0,20}\.(?:vn|com)\))", re.IGNORECASE)


def _prose(p: str) -> bool:
    return len(p.split()) >= 12 and p.rstrip('"”’)*').endswith(tuple(".!?:;…")) and not _caps(p)


def _skip_addressees(h: Header, lines: list[Line], body: int, end: int) -> int:
    """A "Kính gửi: …" block or a công điện's "THỦ TƯỚNG CHÍNH PHỦ điện: …" list is not body."""
    i = body
    while i < end and not lines[i].text:
        i += 1
    if i >= end:
        return body
    label = next((k for k in range(body - 1, max(-1, body - 5), -1) if lines[k].text), None)
    if label is not None and _ADDRESSED.match(lines[label].text) and not lines[label].text.split(":", 1)[-1].strip():
        i = label                       # a page's "**Kính gửi:**" box the body was found after
    first = lines[i].text
    telegram = _TELEGRAM.match(first)
    two = f"{first} {_next_text(lines, i, end)}"
    if not (telegram or _ADDRESSED.match(first) or _ADDRESSED.match(two)):
        return body
    if telegram:
        h.issuer = h.issuer or proper_case(telegram.group("issuer"))
    got = [first]
    k = i + 1
    while k < end:
        line = lines[k]
        if not line.text:
            if line.hard and len(got) > 1 and not got[-1].rstrip().endswith(","):
                k += 1
                break
            k += 1
            continue
        text = line.text
        listing = text.startswith(("-", "+", "•")) or text[0].islower() or _ASIDE.match(text) is not None
        if not listing and len(got) > 1 and got[-1].endswith((".", ";", ":")) and not telegram:
            break
        if not listing and len(got) > 1 and _prose_start(text) and got[-1].endswith((".", ";", ":", ",")):
            break
        if not listing and len(got) == 1 and _ADDRESSED.match(first) and first.rstrip().endswith("."):
            break
        got.append(text)
        k += 1
        if len(got) > 40:
            break
    h.addressees = " ".join(got)
    return k


_ASIDE = re.compile(r"\((?!(?:\d{1,2}|[ivx]{1,4}|[a-zđ])\))\w")   # "(Địa chỉ: …)" under an addressee; not "(1)"


def _prose_start(text: str) -> bool:
    return text[:1].isupper() and not _caps(text)


def _next_text(lines: list[Line], i: int, end: int) -> str:
    for k in range(i + 1, min(end, i + 3)):
        if lines[k].text:
            return lines[k].text
    return ""


# --- Fields --------------------------------------------------------------------------------

def _place_date_lines(zone: list[tuple[int, str]]):
    """(place, date, bad date, line index) of a line that starts with "Place, ngày …" (the
    date may wrap onto the next lines)."""
    for n, (i, text) in enumerate(zone):
        joined = " ".join(t for _, t in zone[n:n + 3])
        found = _place_date(joined, anchored=True)
        if found:
            place, value, bad, at = found
            end_line = _line_at(_joined(zone[n:n + 3])[1], at + 30)
            return place, value, bad, end_line
    return None


_PLACE_TYPES = ("thanh pho", "thi xa", "thi tran", "tinh", "huyen", "quan", "xa", "phuong", "dac khu")
_PLACE_WORDS = {w for t in _PLACE_TYPES for w in t.split()}


def _place_date(text: str, anchored: bool = False):
    """(place, date, bad date as written, position) of "Nghệ An, ngày 26 tháng 11 năm 2025"."""
    for m in _DATE_WORDS.finditer(text):
        before = text[max(0, m.start() - 60):m.start()].rstrip()
        if not before.endswith(","):
            continue
        words = before[:-1].split()
        place: list[str] = []
        while words and len(place) < 7 and (words[-1][:1].isupper() or words[-1] in ("-",)
                                            or (place and fold(words[-1]) in _PLACE_WORDS)):
            place.insert(0, words.pop())      # "Thành phố Hồ Chí Minh", "Thị trấn Phong Châu", "xã Hòa Bình"
        if place and words and fold(f"{words[-1]} {place[0]}") in _PLACE_TYPES:
            place.insert(0, words.pop())      # "thị xã": "thị" is a place word only before "xã"
        if not place or (anchored and (words or m.start() > 60)):
            continue
        value, bad = _words_date(m)
        if value is not None or bad:
            return " ".join(place), value, bad, m.start()
    return None


def _words_date(m: re.Match) -> tuple[Date | None, str | None]:
    """(date, None) of a `_DATE_WORDS` match, or (None, the date as written) out of range."""
    day, month, year = int(m.group(1)), int(m.group(2) or m.group(3)), int(m.group(4))
    try:
        return sane_date(year, month, day), None
    except DateOutOfRange:
        return None, f"{day:02d}/{month:02d}/{year}"


# --- What the letterhead lacks -------------------------------------------------------------

def _from_page(h: Header, lines: list[Line], start: int, end: int) -> None:
    """Fill what the letterhead did not give: from the site's metadata box, then (a page
    without a letterhead) from what the page says of the document it reports, then from the
    number's symbols; the signer from the signature block or the box."""
    h.signer = signer(lines, h.body_end, end) or signer_from_site(h.site)
    site = h.site
    if site:
        if not h.number and re.fullmatch(NUMBER, site.get("number", "")):
            h.number = site["number"]
        if h.date is None and not h.bad_date and site.get("date"):
            h.date = parse_date(site["date"])
        h.issuer = h.issuer or site.get("issuer")
        h.kind = h.kind or site_kind(site)
    if not h.letterhead and not h.own_kind_line:
        headline = " ".join(line.text for line in lines[start:h.body_start] if line.text)
        lead = list(islice((p for first, p in paragraphs_with_lines(lines, start, min(h.body_end, h.body_start + _HEADER_LINES))
                            if first >= h.body_start or not (lines[first].bold or lines[first].heading)),
                           _LEAD_PARAGRAPHS))
        report = reported_document(headline, lead)
        h.question = headline.rstrip(' *"”').endswith("?")
        h.reported = report is not None or demanding_body(lead) is not None
        if report:
            h.number = h.number or report.number
            h.date = h.date or report.date
            h.issuer = h.issuer or report.issuer
            h.kind = h.kind or report.kind
        h.issuer = h.issuer or demanding_body(lead)
    if not h.issuer and not h.letterhead:     # a letterhead typed without its motto: capitals on top
        h.issuer = _issuer_on_top(lines[start:h.body_start])
    if not h.issuer:                    # "📢 THÔNG BÁO KHẨN của UBND xã Hòa Bình" heading a message
        h.issuer = next(filter(None, (_issuer_in_kind_line(line.text) for line in lines[start:h.body_start][:12]
                                      if line.text)), None)
    if not h.title or _ABOUT.match(h.title):
        about = next((line.text for line in lines[start:h.body_start][:12] if _ABOUT.match(line.text)), None)
        about = _ABOUT.sub("", about or "").strip()
        h.title = about[:1].upper() + about[1:] if about else h.title
    h.issuer = h.issuer or issuer_of_number(h.number) if h.number else h.issuer
    h.kind = h.kind or kind_of_number(h.number)


def _issuer_on_top(lines: list[Line]) -> str | None:
    """The issuer of a notice whose letterhead lost its motto (typed in a chat, copied without
    the right column): up to three capitalised lines at the very top, the first beginning
    with a body's head word, before the number or the kind line."""
    top = [line.text.strip() for line in lines if line.text.strip()][:4]
    names = []
    for text in top:
        letters = [c for c in text if c.isalpha()]
        if not letters or sum(c.isupper() for c in letters) < 0.8 * len(letters) or _kind_line(text) \
                or re.match(r"so\b\s*:?\s*\d", fold(text)):
            break
        names.append(text)
    if not names or len(names) > 3 or not starts_with_head(names[0]):
        return None
    return compose_issuer(segment_organs(names))


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

