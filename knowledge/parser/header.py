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

This module finds where the document is and reads its header in that order; the pieces it
reads are in their own modules: `letterhead` (motto and issuer), `number_date` (number,
place and date), `kind_title` (kind and title).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date as Date
from itertools import islice

from knowledge.parser.addressed import prose as _prose, skip_addressees
from knowledge.parser.cleaning import Line, paragraphs_with_lines
from knowledge.parser.furniture import furniture
from knowledge.parser.links import links_within
from knowledge.parser.columns import unfold_columns
from knowledge.parser.footer import footer_start, signer
from knowledge.parser.kind_title import (ABOUT, ADDRESSED, POINT_START, issuer_in_kind_line, kind_line,
                                         read_title, thong_bao, title_text, usable_title)
from knowledge.parser.letterhead import find_motto, issuer_above_motto, issuer_on_top
from knowledge.parser.names import caps as _caps, compose_issuer, segment_organs
from knowledge.parser.number_date import (DATE_WORDS, NUMBER_INSIDE, NUMBER_LABEL, NUMBER_LINE, join_zone, line_at,
                                          place_date_lines, words_date)
from knowledge.parser.pages import (NUMBER, blank_form, demanding_body, issuer_of_number, kind_of_number, parse_date,
                                    question_sections, reported_document, sections_quoting, signer_from_site,
                                    site_box, site_kind)
from knowledge.text import fold

__all__ = ["Header", "read_header", "usable_title"]

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
    kinds, resumed = links_within(lines, [furniture(line.text) if line.text else None for line in lines])
    for i, kind in enumerate(kinds):
        if kind == "drop":
            lines[i] = Line("", hard=True)
    motto = find_motto(lines)
    if motto is not None:
        issuer_lines, start = issuer_above_motto(lines, motto)
        h.letterhead = True
        h.issuer = compose_issuer(segment_organs(issuer_lines)) if issuer_lines else None
    else:
        start = 0
    end = next((i for i in range(start, len(lines)) if kinds[i] == "end"), end)
    after = []                              # a Q&A page's "Trên đây là …" sums up; more questions follow
    stop = None
    if end < len(lines) and fold(lines[end].text).startswith("tren day la"):
        stop = next((i for i in range(end + 1, len(lines)) if kinds[i] == "end"), None)
        if stop is not None:
            after = lines[end + 1:stop]
    sections = question_sections(lines, start, end) if motto is None else []
    if motto is None and any(start < r < end for r in resumed):    # a news page's sections after its links
        firsts = sorted({a for a, _ in sections} | {r for r in resumed if start < r < end})
        sections = list(zip(firsts, firsts[1:] + [end]))
    if motto is None and blank_form(lines[start:sections[0][0] if sections else end]):
        # a Q&A page opening with a blank form ("Số: .../QĐ-UBND", "ngày ... tháng ... năm 20...") to copy:
        # the document it reports, if any, is in a later section, which becomes the body
        later = sections + (question_sections(lines, end + 1, stop) if after else [])
        pick = next((k for k, (a, b) in enumerate(later) if reported_document(
            lines[a].text, [line.text for line in lines[a + 1:min(b, a + 12)] if line.text]) is not None), None)
        if pick is not None:
            lines = [Line("", hard=True)] * later[pick][0] + lines[later[pick][0]:]
            start, end, sections, after = later[pick][0], later[pick][1], later[pick + 1:], []
    if sections:
        end = sections[0][0]
    kept_lines = list(lines)
    lines = lines[:end] + [Line("", hard=True)] * (len(lines) - end)
    h.body_start, h.body_end = _layout(h, lines, start, end, motto)
    _from_page(h, lines, start, end)
    if not h.number and not h.letterhead and h.kind:
        _from_annex_line(h, kept_lines)
    if sections and h.number and not h.own_kind_line:
        lines, last = sections_quoting(h.number, kept_lines, lines, sections)
        h.body_end = max(h.body_end, last)
    for first, stop in sections:            # the sections left out are background a reader may ask about
        if not any(line.text for line in lines[first + 1:stop]):
            h.aside.append(kept_lines[first:stop])
    if after:
        h.aside.append(after)
    if not h.letterhead and not any(line.bold or line.heading for line in lines[start:h.body_start]):
        _reader_question(h, lines, start)
    return h, lines


def _reader_question(h: Header, lines: list[Line], start: int) -> None:
    """A question-and-answer page opens with its question as headline, then the reader's own
    question in full ("Cho tôi hỏi … ? Câu hỏi của anh HL từ Khánh Hòa"), above the answer: it is
    what the page answers, kept as context (the first of the asides) rather than dropped with the
    header. Only in text without markup (a scan, a photo): on a web page, whose bold and headings
    mark its parts, keeping it made a reader's question outrank the answer."""
    found = list(islice(paragraphs_with_lines(lines, start, h.body_start), 3))
    if len(found) < 2 or not found[0][1].rstrip(' *"”').endswith("?"):
        return
    first, text = found[1]
    if len(text.split()) >= 15 and "?" in text and not _caps(text):
        stop = next((k for k in range(first, h.body_start) if not lines[k].text), h.body_start)
        h.aside.insert(0, lines[first:stop])


def _from_annex_line(h: Header, lines: list[Line]) -> None:
    """A text pasted without its letterhead names itself in its annex: "(Ban hành kèm theo Thông tư
    số 60/2025/TT-BCT ngày 02 tháng 12 năm 2025 của Bộ trưởng …)". Only the document's own kind counts
    (a plan annexed to a decision names the decision)."""
    text = " ".join(line.text for line in lines if line.text)
    kind = re.escape(h.kind)
    m = re.search(rf"kèm\s+theo\s+{kind}\s+(?:số\s+)?({NUMBER})\s+ngày\s+(\d{{1,2}}\s+tháng\s+\d{{1,2}}\s+năm\s+\d{{4}}|\d{{1,2}}/\d{{1,2}}/\d{{4}})",
                  text.replace("*", ""), re.IGNORECASE)
    if m:
        h.number = m.group(1).rstrip(".")
        h.date = h.date or parse_date(m.group(2))


# --- The header lines ----------------------------------------------------------------------

def _layout(h: Header, lines: list[Line], start: int, end: int, motto: int | None) -> tuple[int, int]:
    """Read number, place and date, kind, title and addressees from the header lines; return
    where the body starts and ends."""
    texts = [(i, lines[i].text) for i in range(start, end) if lines[i].text]
    kind_at = None
    last_header = motto if motto is not None else None
    zone = [(i, t) for i, t in texts if motto is None or i >= motto][:40]
    for n, (i, text) in enumerate(zone):
        kind = kind_line(text)
        if kind and (motto is not None or n < 12):
            kind_at, h.kind, h.own_kind_line = i, kind[0], motto is not None or n < 2
            if kind[1]:
                h.title = kind[1]
            break
    head_zone = [(i, t) for i, t in zone if kind_at is None or i < kind_at][:24]
    if motto is not None:                 # the left column read first: "Số: …" under the issuer, above the motto
        head_zone = [(i, t) for i, t in texts if i < motto][-4:] + head_zone
    joined, offsets = join_zone(head_zone)
    number_date = None
    for n, (i, text) in enumerate(head_zone):
        if motto is None and kind_at is None and n > 12:
            break
        here = text if not NUMBER_LABEL.match(text) or n + 1 >= len(head_zone) else f"{text} {head_zone[n + 1][1]}"
        m = NUMBER_LINE.match(here)
        if m:
            h.number = m.group(1).rstrip(".")
            last_header = max(last_header or 0, i if here == text else head_zone[n + 1][0])
            number_date = DATE_WORDS.match(here[m.end():].lstrip(" ,;-–"))     # "Số: 15/TB-UBND, ngày 23/11/2026"
            break
    if h.number is None and motto is not None:      # OCR joined it to another line: "… SỐ 102-TB/VPTU"
        m = NUMBER_INSIDE.search(joined)
        if m:
            h.number = m.group(1).rstrip(".")
            last_header = max(last_header or 0, line_at(offsets, m.end() - 1))
    dm = place_date_lines(head_zone)
    if dm:
        h.place, h.date, h.bad_date, at = dm
        last_header = max(last_header or 0, at)
    elif number_date:
        h.date, h.bad_date = words_date(number_date)
    body = None
    if kind_at is not None:
        title_lines, after = read_title(lines, kind_at, end)
        title = title_text(h.title, title_lines)
        if fold(title).startswith("cua "):
            title = f"{h.kind} {title[:1].lower()}{title[1:]}"      # "KẾT LUẬN / CỦA BAN …"
        h.title = title or None
        if h.kind == "Thông báo" and h.title:
            h.kind = thong_bao(h.title)
        body = after
    elif motto is not None:
        about = next(((i, t) for i, t in head_zone if ABOUT.match(t) or (fold(t).startswith("ve ") and i > motto)),
                     None)
        if about:
            title_lines, _ = read_title(lines, about[0] - 1, end, about=True)
            h.title = ABOUT.sub("", " ".join(title_lines)) if title_lines else None
            h.kind = h.kind or "Công văn"
        body = (last_header or motto) + 1
        if about and about[0] >= body:
            body = about[0] + len(title_lines or [1])
        while body < end and lines[body].text and _continues_header(lines, body, last_header):
            body += 1
    if body is None:
        body = _first_body_line(lines, start, end)
    body = skip_addressees(h, lines, body, end)
    return body, footer_start(lines, body, end)

def _continues_header(lines: list[Line], i: int, last_header: int | None) -> bool:
    """Lines right after the date that still belong to it ("…, ngày 26 / tháng 11 năm 2025")."""
    return last_header is not None and i <= last_header


def _first_body_line(lines: list[Line], start: int, end: int) -> int:
    """Without a letterhead: the body starts at the first numbered point or the first
    paragraph that reads like prose (not a headline: in bold, or a question)."""
    for first, p in islice(paragraphs_with_lines(lines, start, min(end, start + _HEADER_LINES)), _HEADER_PARAGRAPHS):
        if POINT_START.match(p) or (_prose(p) and not lines[first].bold and not lines[first].heading
                                     and not p.rstrip(' *"”').endswith("?")):
            return first
    return start


def _about_line(lines: list[Line]) -> str:
    """What "V/v: …" says, when the header reader found no title: on its own line or, in a
    page's box ("*V/v:* / Chính sách thuế TNCN"), on the next."""
    texts = [line.text for line in lines if line.text]
    k = next((k for k, t in enumerate(texts) if ABOUT.match(t)), None)
    if k is None:
        return ""
    about = ABOUT.sub("", texts[k]).strip()
    if not about and k + 1 < len(texts) and not ADDRESSED.match(texts[k + 1]):
        about = texts[k + 1].strip()
    return about


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
        h.issuer = issuer_on_top(lines[start:h.body_start])
    if not h.issuer:                    # "📢 THÔNG BÁO KHẨN của UBND xã Hòa Bình" heading a message
        h.issuer = next(filter(None, (issuer_in_kind_line(line.text) for line in lines[start:h.body_start][:12]
                                      if line.text)), None)
    if not h.title or ABOUT.match(h.title):
        about = _about_line(lines[start:h.body_start])
        h.title = about[:1].upper() + about[1:] if about else h.title
    h.issuer = h.issuer or issuer_of_number(h.number) if h.number else h.issuer
    h.kind = h.kind or kind_of_number(h.number)
