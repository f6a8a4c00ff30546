"""Turn the text of a notice (.txt, .md, .docx, .pdf, pasted from a web page) into the shape
of the bundled data files (see knowledge/data/ and `document_dict` in knowledge/loader.py).

Reading happens in steps, one module each, top to bottom:

1. (knowledge/reading.py) read the file and refuse what is not text (`ParseError`, shown
   to admins as is);
2. `cleaning`: clean lines (control characters, markdown, web furniture) and join wrapped
   lines into paragraphs;
3. `header`: find the document on the page and read its letterhead, number, place and date,
   kind, title, addressees and signer (Decree 30/2020/NĐ-CP), and where its body ends —
   with `names` (bodies, provinces, people), `footer` (nơi nhận, signature) and `pages` (what
   a web page around or about the document says: the site's box, a news lead);
4. `body`: the body as a tree of sections, points and bullets, each stored item with its
   path ("II.3.b") and the headings above it;
5. `actors`: who must act on each item, from its addressee or its heading's;
6. deadlines (knowledge/dates.py) and cited documents in each item.

Everything here runs in time linear in the text (no regular expression that can backtrack
over a long run: patterns are anchored or bounded), so a hostile 1 MB text parses in seconds.
"""
from __future__ import annotations

import itertools
import re
from datetime import date
from itertools import islice

from knowledge.dates import DateOutOfRange, find_deadlines
from knowledge.parser.actors import Actor, addressees, assign, units_of
from knowledge.parser.body import MAX_ITEMS, build_tree, items_of, kind_of
from knowledge.parser.cleaning import clean_lines, paragraphs, unprintable_share, word_share
from knowledge.parser.furniture import site_tail
from knowledge.parser.footer import annex, closing_note
from knowledge.parser.footnotes import with_footnotes
from knowledge.parser.header import read_header, usable_title
from knowledge.parser.kind_title import ADDRESSED
from knowledge.parser.names import PROVINCES, province_of
from knowledge.parser.news_lead import signed_in_lead
from knowledge.parser.orders import as_context, directives_shown, encyclopedia, orders_nothing
from knowledge.parser.pages import lead_date
from knowledge.parser.references import find_references
from knowledge.parser.tables import fold_tables
from knowledge.parser.tasks import clause_of, joined_label, label_only, labelled_task
from knowledge.text import fold

__all__ = ["MAX_BYTES", "MAX_ITEMS", "PROVINCES", "ParseError", "find_references", "parse_text"]

MAX_BYTES = 1_000_000          # 1 MB of text is far beyond any notice; refuse bigger files
MAX_PARAGRAPHS = 2 * MAX_ITEMS  # a body longer than this is not a notice; the rest is not read
HEADER_FIELDS = ("number", "issuer", "date", "kind", "title", "signer")


class ParseError(Exception):
    """The file cannot be read as a notice. It carries a text key (`parse.*` in texts/)
    and its values, so the admin reads the reason in their own language; str() is English."""

    def __init__(self, key: str, **values):
        self.key, self.values = f"parse.{key}", values
        super().__init__(self.message("en"))

    def message(self, lang: str) -> str:
        from texts import t
        return t(lang, self.key, **self.values)


# --- The whole notice ----------------------------------------------------------------------

def parse_text(text: str, *, source_name: str | None = None, today: date | None = None) -> dict:
    """Parse a notice; `today` stands in for the notice date when the text gives none.
    The result lists under "missing" the header fields the text does not give."""
    if not isinstance(text, str):
        raise ParseError("not_text")
    if len(text.encode("utf-8", "ignore")) > MAX_BYTES:
        raise ParseError("text_too_big")
    if "\x00" in text or unprintable_share(text) > 40:
        raise ParseError("binary_text")
    lines = clean_lines(text)
    if not any(c.isalpha() for line in lines for c in line.text):
        raise ParseError("empty")
    if word_share(text) < 0.5:
        raise ParseError("no_words")
    header, lines = read_header(lines)
    if header.bad_date:
        raise ParseError("date_range", date=header.bad_date, phrase=header.bad_date)
    body = list(islice(paragraphs(lines[header.body_start:header.body_end]), MAX_PARAGRAPHS))
    attached = annex(lines, header.body_end, len(lines),     # a plan "kèm theo" after the signature
                     " ".join(line.text for line in lines[header.body_start:header.body_end]))
    if attached:
        body += islice(paragraphs(lines[attached[0]:attached[1]]), max(0, MAX_PARAGRAPHS - len(body)))
    elif note := closing_note(lines, header.body_end, len(lines)):       # "Ghi chú: …" under the signature
        body += islice(paragraphs(lines[note[0]:note[1]]), max(0, MAX_PARAGRAPHS - len(body)))
    if not any(c.isalpha() for p in body for c in p.text):     # a headline only: keep it
        body = [p for p in islice(paragraphs(lines), MAX_PARAGRAPHS) if any(c.isalpha() for c in p.text)][-1:]
    if not body:
        raise ParseError("empty")
    body = fold_tables(with_footnotes(body, lines, header.body_end))
    tree = build_tree(body)
    nodes = items_of(tree)
    web_page = any(line.heading for line in lines[:header.body_start])
    notice = header.evidence() or not (header.question or encyclopedia(text, lines)
                                       or (web_page and not directives_shown(body)))
    body_text = "\n".join(p.text for p in body)
    # a news report of a meeting dates itself in its lead ("Chiều 1/2, …"); a document without its
    # date line does not: the meeting it reports is no date of issue, only a year to read dates in
    led = lead_date(body[0].text, body_text, today)
    meeting_report = not (header.letterhead or header.own_kind_line or header.reported)
    notice_date = header.date or (led if meeting_report else None)
    signed = None if header.letterhead else _signed_lead(body[0].text, header.number)
    notice_date = notice_date or (signed.day if signed else None)
    dated = notice_date is not None or today is not None
    reference = notice_date or today or led or _middle_of_its_year(body_text) or date.today()
    # an undated message pasted from a chat is read the day it is imported ("trước 10 giờ ngày mai");
    # a web page is not: it was posted some day before
    now = None if web_page or led else date.today()
    doc_actors = _document_actors(header.addressees)
    actors_of = assign(tree, doc_actors)
    items = []
    listed = {id(n) for n, _ in nodes}     # a heading that is no item gives its deadline to its first child
    for node, headings in nodes:
        if not node.text:
            continue
        actors = actors_of[id(node)]
        lead = actors_of.get(id(node.parent), doc_actors)
        if not notice:      # a Wikipedia article, a page explaining a law: no directives
            node.context, node.preamble = True, False
        deadlines = [] if node.context and not node.preamble else _deadlines(
            node.text, reference, dated, units_of(actors), units_of(lead) if node.style in ("dash", "plus", "dot") else [],
            now)
        if node.preamble:       # a lead that sets a deadline is a directive ("Công văn nêu: …, hoàn thành …")
            deadlines = [d for d in deadlines if d.pop("firm") and d["kind"] not in ("from", "after", "on")]
        elif node.context and node.asks_from is not None and notice:
            # a closing formula that asks again with a firm date ("Trên đây là Kế hoạch …. Định kỳ hằng năm (trước
            # ngày 30 tháng 11) báo cáo kết quả …") sets a duty: the paragraph is a directive with that deadline
            deadlines = [d for d in _deadlines(node.text[node.asks_from:], reference, dated, units_of(actors), [], now)
                         if d.pop("firm") and d["kind"] not in ("from", "after", "on")]
            node.context = not deadlines
        deadlines += _heading_deadlines(node, listed, reference, dated, units_of(actors), now)
        for d in deadlines:
            d.pop("firm", None)
            d["task"] = labelled_task(d["task"], node.text, headings) if label_only(d["task"], d["phrase"]) \
                else joined_label(d["task"], d["phrase"], headings) or d["task"]
        item = {"number": node.path, "kind": "paragraph" if node.preamble and deadlines else kind_of(node),
                "text": node.text, "summary_en": "", "units": units_of(actors), "references": [],
                "deadlines": deadlines}
        if headings:
            item["headings"] = headings
        if actors:
            item["actors"] = [a.to_dict() for a in actors]
        items.append(item)
    if not items:
        items = [{"number": "", "kind": "paragraph", "text": body_text[:4000], "summary_en": "",
                  "units": [], "references": [], "deadlines": []}]
    own_document = bool(header.letterhead or header.own_kind_line or header.site)
    silent = not notice or orders_nothing(items, header.kind, own_document, bool(header.number or header.reported))
    silent = silent or not any(i["kind"] != "context" for i in items)
    if silent:          # a page about a document, or a law, that orders nothing: its paragraphs are context
        as_context(items)
    items = (items + _aside_items(header.aside, MAX_PARAGRAPHS - len(body)))[:MAX_ITEMS]
    for item in items:
        item["references"] = [r["number"] for r in find_references(item["text"], header.number)]
    province = province_of(header.issuer, header.place, header.letterhead,
                           "\n".join(line.text for line in lines[:header.body_start]), body_text)
    title = usable_title(header.title) or usable_title(_headline(lines[:header.body_start])) or ""
    if not title or re.match(r"Ngày\s+\d", title):      # a lead sentence, not a headline: what it is about
        title = _subject(title or (items[0]["text"] if items else ""), header.number) or title
    parsed = {
        "source_file": source_name,
        "number": header.number,
        "kind": header.kind or _kind_without_header(items, title),
        "issuer": _placed(header.issuer, province) or (signed and signed.issuer)
        or _issuer_from_text(body, lines, header, province),
        "province": province,
        "date": notice_date.isoformat() if notice_date else None,
        # no title found: the document's kind and number name it (and `missing` says so), not
        # its first sentence ("Cục Thuế nhận được công văn số …"); the first item only when
        # there is no number either
        "title": title or _named(header) or usable_title(items[0]["text"][:120]) or items[0]["text"][:120],
        "title_en": "",
        "signer": header.signer or (signed.signer if signed else None),
        "addressees": _addressed_to(header.addressees),
        "references": find_references(body_text, header.number),
        "items": items,
    }
    # a date of issue after today is a typo or a wrong date line more often than a real notice:
    # the importer says so rather than accepting it silently
    pending = _site_tails_cut(parsed)
    parsed["warnings"] = ([{"key": "future_date", "date": notice_date.isoformat()}]
                          if header.date and header.date > (today or date.today()) else []) + \
        ([{"key": "orders_nothing"}] if silent else []) + ([{"key": "text_pending"}] if pending else [])
    parsed["missing"] = [f for f in HEADER_FIELDS if not parsed[f] or (f == "title" and not title)
                         or (f == "kind" and not header.kind and parsed[f] == "Văn bản")]
    return parsed


def _signed_lead(lead: str, number: str | None):
    """A news page's "Ngày 25/5/2025, … đồng chí Trần Cẩm Tú ký ban hành Kết luận 157 …" when it is
    about the document the page names (knowledge/parser/news_lead.py)."""
    signed = signed_in_lead(lead)
    if signed is None or (number and not re.match(rf"\s*0*{signed.number}\b", number)):
        return None
    return signed


def _site_tails_cut(parsed: dict) -> bool:
    """Cut the site's "Văn bản này đang cập nhật Nội dung => …" off the title and the items that
    carry it (a page whose document text is not up yet); whether there was one to cut."""
    cut = False
    for holder, key in [(parsed, "title"), *((item, "text") for item in parsed["items"])]:
        at = site_tail(holder.get(key) or "")
        if at is not None:
            holder[key] = holder[key][:at].rstrip(" *=>")
            cut = True
    return cut


_CENTRAL_CITIES = ("Hà Nội", "Hải Phòng", "Đà Nẵng", "Huế", "Cần Thơ")


def _placed(issuer: str | None, province: str | None) -> str | None:
    """A page's bare "UBND" (or "Ủy ban nhân dân") with the province it is about: a bare name
    would match every province's committee."""
    if not issuer or not province or fold(issuer) not in ("ubnd", "uy ban nhan dan"):
        return issuer
    if province.startswith("Thành phố"):
        return f"Ủy ban nhân dân thành phố {province.split(' ', 2)[2]}"
    return f"Ủy ban nhân dân {'thành phố' if province in _CENTRAL_CITIES else 'tỉnh'} {province}"


def _subject(text: str, number: str | None) -> str | None:
    """What a page's sentence on the document says it is about: "Ngày 08/10/2025, Thuế tỉnh
    Cao Bằng đã ban hành Công văn 1586/CBA-NVDTPC năm 2025 về việc X." -> "X"."""
    if not number or not text:
        return None
    m = re.search(rf"(?<![\w/-]){re.escape(number)}(?![\w/-])[^.;:]{{0,40}}?\s(?:về\s+việc|về|V/v)\s+(.{{8,200}}?)\s*(?:[.;:]|\*\*|$)",
                  text, re.IGNORECASE)
    if not m:
        return None
    subject = m.group(1)
    glued = next((k for k in range(1, len(subject)) if subject[k - 1].islower() and subject[k].isupper()), None)
    return usable_title(subject[:glued])                  # "…cấp xãLịch tập huấn": two bold runs glued


def _named(header) -> str | None:
    """"Công văn 37569/CHQ-GSQL": what to call a document whose title is not given."""
    return f"{header.kind or 'Văn bản'} {header.number}" if header.number else None


_ADDRESSED_LABEL = re.compile(r"^.{0,80}?(?:Kính\s+gửi|điện)\s*:\s*", re.IGNORECASE)
_BODY_START = re.compile(r"\s(?:Căn cứ|Thực hiện|Xét|Theo|Trả lời|Tiếp theo|Triển khai|Để|Nhằm|Trong|Vừa qua|"
                         r"Ngày \d|Ủy ban nhân dân tỉnh nhận được|Bộ .{0,40}nhận được)\s")
_POSTAL_ADDRESS = re.compile(r"\s*\((?:Đ/c|Địa chỉ)\b[^()]{0,300}\)?\s*$", re.IGNORECASE)   # "(Đ/c: Tầng 5, …)"


def _addressed_to(addressed: str) -> str:
    """Whom the notice is sent to, as its header writes it without the label ("Kính gửi:",
    "THỦ TƯỚNG CHÍNH PHỦ điện:"): what "công văn 5363 gửi ai" asks."""
    text = _ADDRESSED_LABEL.sub("", addressed)
    body = _BODY_START.search(text)             # a header read into the first sentence of the body
    text = text[:body.start()] if body else text
    return _POSTAL_ADDRESS.sub("", text).strip(" .;")[:600]


def _document_actors(addressed: str) -> list[Actor]:
    """Whom "Kính gửi: …" or a công điện's list addresses, entry by entry."""
    if not addressed:
        return []
    text = _ADDRESSED_LABEL.sub("", addressed)
    out: list[Actor] = []
    for piece in re.split(r"(?:^|[;.]\s*|\s)[-–+•]\s+|;", text):
        for actor in addressees(piece)[0]:
            if actor not in out:
                out.append(actor)
    return out


# --- Deadlines -----------------------------------------------------------------------------

def _aside_items(sections, room: int) -> list[dict]:
    """The sections of a Q&A page beside the document it reports (the law it quotes, other
    questions): no directives of the notice, but a reader may ask about them, so they are
    kept as unnumbered context, without deadlines or units."""
    items = []
    for lines in sections:
        aside = list(islice(paragraphs(lines), max(0, room)))
        room -= len(aside)
        if not any(p.text for p in aside):
            continue
        for node, headings in items_of(build_tree(aside)):
            if node.text:
                item = {"number": "", "kind": "context", "text": node.text, "summary_en": "", "units": [],
                        "references": [], "deadlines": []}
                if headings:
                    item["headings"] = headings
                items.append(item)
    return items


def _middle_of_its_year(text: str) -> date | None:
    """For a notice without a date: the middle of the year it names most, so that "30/11"
    takes that year rather than the year of the import."""
    years = [int(y) for y in re.findall(r"(?<!\d)((?:19[4-9]|20\d)\d)(?!\d)", text) if 1945 <= int(y) <= 2100]
    return date(max(set(years), key=years.count), 7, 1) if years else None


def _heading_deadlines(node, listed: set, reference: date, dated: bool, units: list[str],
                       now: date | None) -> list[dict]:
    """"(2) Định kỳ cập nhật báo cáo …, thời hạn: trước 12h00 thứ sáu hàng tuần" over a list of
    the report's fields: the heading is no item, but its firm deadline is a duty. It is given
    once, to the heading's first listed child (`listed` loses the heading on the way)."""
    parent = getattr(node, "parent", None)
    if parent is None or not parent.text or id(parent) in listed or (parent.context and not parent.preamble):
        return []
    listed.add(id(parent))
    found = _deadlines(parent.text, reference, dated, units, [], now)
    return [d for d in found if d.pop("firm") and d["kind"] not in ("from", "after", "on")]


def _deadlines(text: str, reference: date, dated: bool, item_units: list[str], lead_units: list[str],
               now: date | None = None) -> list[dict]:
    """Each deadline with its clause as the task; its units are those the clause addresses,
    else those of the item. A bullet's deadlines also remind the units of its point
    (`lead_units`): the point names who leads ("Sở Y tế chủ trì:"), a bullet often only whom
    to report to ("…, báo cáo UBND tỉnh")."""
    out, seen = [], set()
    try:
        found = find_deadlines(text, reference, dated=dated, today=now)
    except DateOutOfRange as e:
        raise ParseError(e.key, date=e.written, phrase=e.phrase) from None
    for f in found:
        clause = clause_of(text, f.start, f.end)
        if (f.due, f.time, f.kind, clause) in seen:
            continue                            # one clause naming its date twice is one deadline
        seen.add((f.due, f.time, f.kind, clause))
        own = units_of(addressees(clause)[0])
        entry = {"date": f.due.isoformat(), "time": f.time.strftime("%H:%M") if f.time else None,
                 "kind": f.kind, "phrase": f.phrase, "task": clause, "task_en": "",
                 "units": list(dict.fromkeys([*lead_units, *(own or item_units)]))}
        if f.recurrence:
            entry["recurrence"] = f.recurrence
        entry["firm"] = f.firm
        out.append(entry)
    return out


# --- Notices without a letterhead (the seeds: OCR of party notices, news reports) -----------

def _kind_without_header(items: list[dict], title: str) -> str:
    has_points = any(i["kind"] == "point" for i in items)
    return "Tin hội nghị" if not has_points and "hội nghị" in title.lower() else "Văn bản"


_PLACE_DATE = re.compile(r",\s*ngày\s+\d{1,2}\b", re.IGNORECASE)     # "Hà Nội, ngày 19 tháng 11"


def _headline(lines) -> str:
    """A page without a letterhead: its headline is the last line above the body that is
    not in capitals and has a few words (a web page's `# title`), and stands above "Kính gửi":
    the lines under it name whom the letter goes to ("(Số 222 Lê Trọng Tấn - Hà Nội)"). Text
    without any markup (a scan, a photo) that opens with a question is a question-and-answer
    page: the question is its headline (the lines below it are the reader's question and a
    list of the answer's parts)."""
    first = " ".join(line.text for line in itertools.takewhile(lambda line: line.text, itertools.dropwhile(
        lambda line: not line.text, lines)))
    if first.endswith("?") and 4 <= len(first.split()) <= 60 and not any(line.bold or line.heading for line in lines):
        return first[:300]
    addressed = [k for k, line in enumerate(lines) if ADDRESSED.match(line.text)]
    lines = lines[:addressed[-1]] if addressed else lines
    texts = [line.text for line in lines if line.text and len(line.text.split()) >= 4 and not _PLACE_DATE.search(line.text)
             and not line.text.rstrip(" *").endswith(":")]       # "… bao gồm:" leads into a list
    plain = [t for t in texts if not t.isupper()]
    return (plain or texts or [""])[-1][:300]


def _issuer_from_text(body, lines, header, province: str | None) -> str | None:
    """Without a letterhead, the body's closing formula or the signature block names the
    issuer ("Văn phòng Tỉnh ủy thông báo …", "T/M BAN THƯỜNG VỤ")."""
    tail = " ".join(p.text for p in body[-3:])
    footer = [line.text for line in lines[header.body_end:] if line.text]
    head = [line.text for line in lines[:header.body_start] if line.text]
    suffix = f" {province}" if province else ""
    if re.search(r"Văn phòng Tỉnh ủy\b.{0,20}thông báo", tail):
        return "Văn phòng Tỉnh ủy" + suffix
    if any(re.search(r"BAN THƯỜNG VỤ TỈNH ỦY|T/?M\.? BAN THƯỜNG VỤ", t, re.IGNORECASE) for t in head + footer[-6:]):
        return "Ban Thường vụ Tỉnh ủy" + suffix
    if re.search(r"Tỉnh ủy", " ".join(head + [p.text for p in body[:2]])):
        return "Tỉnh ủy" + suffix
    return _enacting_body(" ".join(head + [p.text for p in body[:12]]))


# Decree 30's enacting formula under the legal bases: "Bộ trưởng Bộ Công Thương ban hành Thông
# tư …", "Chủ tịch Ủy ban nhân dân tỉnh X ban hành Quyết định …": the body the office-holder heads
_ENACTING = re.compile(r"\b(?:Bộ\s+trưởng|Chủ\s+tịch|Thống\s+đốc|Tổng\s+Giám\s+đốc|Giám\s+đốc)\s+"
                       r"(?P<body>(?:Bộ|Ngân\s+hàng|Ủy\s+ban\s+nhân\s+dân|UBND|Sở|Bảo\s+hiểm)\s+[^,.;:*()]{2,60}?)"
                       r"\s+ban\s+hành\s+(?:Thông\s+tư|Quyết\s+định|Chỉ\s+thị|Quy\s+chế|Quy\s+định)\b")


def _enacting_body(text: str) -> str | None:
    m = _ENACTING.search(" ".join(text.replace("*", " ").replace("_", " ").split()))
    return m.group("body") if m else None
