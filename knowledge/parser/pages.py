"""What a web page around or about a notice says, when the notice's own letterhead does not.

- A legal-document website puts a metadata box before the text ("Số hiệu: | 78/CĐ-TTg",
  "Nơi ban hành: | Thủ tướng Chính phủ", "Ngày ban hành: | 23/11/2025"); it is read and
  blanked out before the document is looked for.
- A news or question-and-answer page reports a document: its headline and lead name it
  ("Ngày 25/4/2025, Bộ Y tế ban hành Công văn 2492/BYT-KCB …", "Văn phòng Chính phủ vừa có
  Công văn số 4889/VPCP-CN ngày 4/6/2025 …", "… Kết luận 157-KL/TW của Bộ Chính trị"). The
  document's number, date and issuer are read from that sentence; the issuer, when the
  sentence does not say it, from the abbreviation in the number (issuers.tsv: "TTg" is the
  Prime Minister). A date the page does not give stays empty.
"""
from __future__ import annotations

import csv
import re
from dataclasses import replace
from dataclasses import dataclass
from datetime import date

from knowledge.dates import DateOutOfRange, sane_date
from knowledge.parser.cleaning import VOCAB, Line
from knowledge.parser.names import _HEADS, caps, person_name, proper_case
from knowledge.text import fold

KINDS = ("Thông báo kết luận", "Thông báo ý kiến chỉ đạo", "Thông báo", "Kết luận", "Chỉ thị",
         "Công điện", "Nghị quyết", "Kế hoạch", "Quyết định", "Công văn", "Hướng dẫn", "Báo cáo",
         "Tờ trình", "Quy định", "Quy chế", "Chương trình", "Đề án", "Thông tư", "Nghị định", "Lệnh")
_KIND_BY_SYMBOL = {"TB": "Thông báo", "KL": "Kết luận", "CT": "Chỉ thị", "CĐ": "Công điện", "CD": "Công điện",
                   "NQ": "Nghị quyết", "KH": "Kế hoạch", "QĐ": "Quyết định", "QD": "Quyết định",
                   "HD": "Hướng dẫn", "BC": "Báo cáo", "TTR": "Tờ trình", "QĐI": "Quy định",
                   "CTR": "Chương trình", "ĐA": "Đề án", "TT": "Thông tư", "NĐ": "Nghị định"}
# "12/KH-UBND", "45-TB/BCĐ", "15/2021/QĐ-UBND", "5485/CT-CS", "2909/CTH-QLDN1": bounded parts
NUMBER = (r"\d{1,6}(?:/\d{4})?[-/][A-ZĐ][A-Za-zĐđ0-9&.]{0,12}"
          r"(?:[-/][A-ZĐ0-9][A-Za-zĐđ0-9&.]{0,12}){0,4}")
_DATE = r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
_KIND_WORDS = "|".join(sorted(KINDS, key=len, reverse=True))
_MENTION = re.compile(
    rf"(?<!\w)(?P<kind>{_KIND_WORDS})\s+(?:số\s+|hỏa\s+tốc\s+(?:số\s+)?)?"
    rf"(?P<number>{NUMBER}|\d{{1,6}}(?![\d/\-]))(?:\s+năm\s+\d{{4}})?"
    rf"(?:\s*,?\s*(?:ban\s+hành\s+|ký\s+)?ngày\s+(?P<date>{_DATE}))?", re.IGNORECASE)
_ISSUED = re.compile(r"(?P<issuer>[^\s,;:][^,;:]{1,100}?)\s+(?:đã\s+|vừa\s+|mới\s+|có\s+)*(?:ký\s+)?"
                     r"(?:ban\s+hành|có|gửi|phát\s+đi|ra)\s*$", re.IGNORECASE)
_ON_BEHALF = re.compile(r"thay\s+mặt\s+(?P<issuer>[^,;:]{3,80}),", re.IGNORECASE)
_OF = re.compile(r"\s*(?:năm\s+\d{4}\s+)?(?:của|do)\s+(?P<issuer>[^,;:.]{3,80}?)"
                 r"(?=\s+(?:về|ngày|năm|tại|đã|vừa|ban\s+hành|ký|quy\s+định|hướng\s+dẫn|yêu\s+cầu|có)\b|[,;:.]|$)",
                 re.IGNORECASE)
_BY_LATER = re.compile(r"\bdo\s+(?P<issuer>[A-ZĐÀ-Ỹ][^,;:.]{2,80}?)\s+ban\s+hành\b")
_DEMANDS = re.compile(r"(?:^|[.;]\s+|,\s+)(?P<issuer>[A-ZĐÀ-Ỹ][^,;:.]{2,60}?)\s+(?:yêu\s+cầu|đề\s+nghị|chỉ\s+đạo)\s*:")
_LEAD_START = re.compile(rf"^(?:Sáng|Chiều|Tối|Ngày)\s+(?:ngày\s+)?(?P<date>{_DATE})\s*(?:,|(?=\s+[A-ZĐÀ-Ỹ]))", re.IGNORECASE)
_BACKGROUND = re.compile(r"(?:Thực\s+hiện|Căn\s+cứ|Xét|Trả\s+lời|Theo\s+đề\s+nghị|Tiếp\s+theo)\b", re.IGNORECASE)
# A page quoting the document it reports opens the quote with "Công điện nêu:" (QA16: "Công điện nêu: Tiếp
# theo kết quả …, Thủ tướng Chính phủ đã ban hành Công điện số 57/CĐ-TTg …" cites the one before it)
_QUOTE_OPENING = re.compile(r"^[^:;,.]{2,40}?\s+(?:nêu|nêu rõ|viết|cho biết)\s*:\s*", re.IGNORECASE)
# Kinds that carry directives (a page explaining a Thông tư or a Nghị định reports a law)
_VERB = re.compile(r"\s(?:chi dao|yeu cau|de nghi|giao(?! (?:thong|duc|dich|luu|tiep|nhan)\b)|ban hanh|gui|trien khai|huong dan|ve|quy dinh)\b")
_NOT_NAMES = {"ngay", "vua", "qua", "hom", "nay", "moi", "thi", "sang", "chieu", "toi", "theo", "do"}
_DIRECTIVE_KINDS = {fold(k) for k in ("Thông báo kết luận", "Thông báo ý kiến chỉ đạo", "Thông báo", "Kết luận",
                                      "Chỉ thị", "Công điện", "Kế hoạch", "Quyết định", "Công văn", "Hướng dẫn")}
_NUMERIC_DATE = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})(?!\d)")
_WORDS_DATE = re.compile(r"(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})")


def _issuer_symbols() -> dict[str, str]:
    with open(VOCAB / "issuers.tsv", encoding="utf-8", newline="") as f:
        rows = [line for line in f if line.strip() and not line.startswith("#")]
    return {r["symbol"].upper(): r["issuer"] for r in csv.DictReader(rows, delimiter="\t")}


_SYMBOLS = _issuer_symbols()


_LEAD_DATE = re.compile(r"(?:Tại\s+(?:cuộc\s+họp|phiên\s+họp|hội\s+nghị|buổi\s+làm\s+việc)\s+)?"
                        r"(?:Sáng|Chiều|Trưa|Tối|Ngày|sáng|chiều|trưa|tối|ngày)\s+(?:ngày\s+|nay\s+)?(\d{1,2})\s*/\s*(\d{1,2})"
                        r"(?:\s*/\s*(\d{4}))?(?!\d)|(?:Sáng|Chiều|Trưa|Tối|Ngày)\s+(?:ngày\s+)?(\d{1,2})\s+"
                        r"tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)


# --- The site's metadata box ---------------------------------------------------------------

_SITE_LABELS = {"so hieu:": "number", "loai van ban:": "kind", "noi ban hanh:": "issuer",
                "nguoi ky:": "signer", "ngay ban hanh:": "date", "ngay hieu luc:": None,
                "ngay cong bao:": None, "so cong bao:": None, "tinh trang:": None, "cap nhat:": None,
                "ban hanh:": None, "hieu luc:": None}
_UNKNOWN = ("da biet", "dang cap nhat")


def site_box(lines: list[Line]) -> dict:
    """The metadata box of a legal-document website ("Số hiệu: | 78/CĐ-TTg"), blanked out
    of `lines`."""
    found: dict = {}
    for i, line in enumerate(lines):
        if not line.text.endswith(":") or len(line.text) > 20:
            continue
        label = " ".join(fold(line.text).split())
        if label not in _SITE_LABELS:
            continue
        key = _SITE_LABELS[label]
        lines[i] = Line("", hard=True)
        for k in range(i + 1, min(i + 6, len(lines))):
            if lines[k].text:
                value = fold(lines[k].text)
                if key and key not in found and value not in _UNKNOWN:
                    found[key] = lines[k].text.strip()
                if key or value in _UNKNOWN or len(lines[k].text) < 40:
                    lines[k] = Line("", hard=True)
                break
    return found


# --- The document a page reports -----------------------------------------------------------

@dataclass
class Report:
    """What a page says of the document it reports."""
    kind: str | None = None
    number: str | None = None
    date: date | None = None
    issuer: str | None = None


def reported_document(headline: str, lead: list[str]) -> Report | None:
    """The document a news or Q&A page is about: named in an issuing sentence of its lead
    ("…, Bộ Y tế ban hành Công văn 2492/BYT-KCB"), else in its headline, else first in its
    lead (not as the background "Thực hiện Công điện …")."""
    found: list[tuple[int, re.Match, str]] = []         # (rank, match, its paragraph)
    for text in lead:
        for m in _MENTION.finditer(text):
            if fold(m.group("kind")) not in _DIRECTIVE_KINDS:
                continue
            if not re.search(r"[-/]", m.group("number")) and not re.search(rf"(?<!\d){m.group('number')}(?!\d)", headline):
                continue                                  # "kế hoạch 141 của Chính phủ" in passing
            sentence = text[max(text.rfind(". ", 0, m.start()) + 1, 0):m.start()]
            issued = _ISSUED.search(sentence) is not None or _ON_BEHALF.search(sentence) is not None
            background = _BACKGROUND.match(_QUOTE_OPENING.sub("", sentence.strip())) is not None
            found.append((0 if issued and not background else 2 if background else 1, m, text))
    head = [(1, m, headline) for m in _MENTION.finditer(headline) if fold(m.group("kind")) in _DIRECTIVE_KINDS]
    if not found and not head:
        return _unnumbered(lead)
    # a number the lead cites as background ("Tiếp theo …, Thủ tướng đã ban hành Công điện số 57/CĐ-TTg") is
    # the one before the page's document wherever else the lead names it ("theo đúng chỉ đạo tại Công điện 57")
    cited = {m.group("number") for rank, m, _ in found if rank == 2}
    ranked = sorted([f for f in found if f[0] == 0][:1] + head[:1]
                    + [f for f in found if f[0] == 1 and f[1].group("number") not in cited][:1], key=lambda f: f[0])
    if not ranked:
        return None
    _, m, text = ranked[0]
    kind, number = m.group("kind"), m.group("number")
    full = m
    if not re.search(r"[-/]", number):                    # "Công điện 41": the lead says "41/CĐ-TTg"
        full = next((o for _, o, _ in found if re.match(rf"{re.escape(number)}[-/]", o.group("number"))), m)
        text = next((t for _, o, t in found if o is full), text)
    report = Report(kind=kind[:1].upper() + kind[1:].lower(), number=full.group("number") if full is not m or
                    re.search(r"[-/]", number) else None)
    report.date = _date_of(full, text)
    report.issuer = _issuer_in(text, full) or (issuer_of_number(report.number) if report.number else None)
    return report


_UNNUMBERED = re.compile(rf"^(?:(?:Sáng|Chiều|Tối|Ngày)\s+(?:ngày\s+)?(?P<date>{_DATE})\s*,\s*)?(?P<issuer>[^,;:.]{{3,100}}?)"
                         rf"\s+(?:đã\s+|vừa\s+|mới\s+|có\s+)*(?:ký\s+)?(?:ban\s+hành|có|gửi|phát\s+đi)\s+"
                         rf"(?:văn\s+bản\s+)?(?P<kind>{_KIND_WORDS})\b", re.IGNORECASE)


def _unnumbered(lead: list[str]) -> Report | None:
    """"Ngày 12/12/2025, Cục Thuế thành phố Hà Nội đã có Thông báo …": a document without its
    number, at the start of a lead paragraph."""
    for text in lead[:3]:
        m = _UNNUMBERED.match(text)
        if m and fold(m.group("kind")) in _DIRECTIVE_KINDS and _body_name(m.group("issuer")):
            kind = m.group("kind")
            return Report(kind=kind[:1].upper() + kind[1:].lower(), number=None,
                          date=parse_date(m.group("date")) if m.group("date") else None,
                          issuer=_body_name(m.group("issuer")))
    return None


def _issuer_in(text: str, m: re.Match) -> str | None:
    """Who the sentence says issued the document it names at `m`."""
    sentence_start = max(text.rfind(". ", 0, m.start()) + 1, 0)
    before = text[sentence_start:m.start()]
    behalf = _ON_BEHALF.search(before)
    if behalf and _body_name(behalf.group("issuer")):
        return _body_name(behalf.group("issuer"))
    issued = _ISSUED.search(before)
    if issued:
        parts = before[:issued.end("issuer")].split(",")
        for k in range(min(4, len(parts)), 0, -1):       # "Sở Văn hóa, Thể thao và Du lịch tỉnh …"
            name = _body_name(",".join(parts[-k:]))
            if name and len(name.split()) <= 14:
                return name
    after = text[m.end():m.end() + 300]
    of = _OF.match(after)
    if of and _body_name(of.group("issuer")):
        return _body_name(of.group("issuer"))
    by = _BY_LATER.search(after.split(". ")[0])
    if by and _body_name(by.group("issuer")):
        return _body_name(by.group("issuer"))
    return None


def _body_name(text: str) -> str | None:
    """A body's name as a page writes it ("Bộ Y Tế", "UBND tỉnh Quảng Ngãi"), or None when the
    words do not name a body ("Ngày 24/10/2025 UBND" is "UBND")."""
    words = text.strip(" ,").split()
    while words and not any(tuple(fold(" ".join(words)).split()[:len(h)]) == h for h in _HEADS) \
            and len(words) > 1 and (not words[0][:1].isupper() or fold(words[0]) in _NOT_NAMES or
                                    any(c.isdigit() for c in words[0])):
        words.pop(0)
    name = " ".join(words)
    cut = _VERB.search(fold(name))                     # "Thủ tướng Chính phủ chỉ đạo các bộ ngành"
    if cut:
        name = name[:cut.start()].strip(" ,")
        words = name.split()
    folded = fold(name)
    if not name or not name[0].isupper() or len(words) > 14:
        return None
    if not any(tuple(folded.split()[:len(h)]) == h for h in _HEADS) and not folded.startswith(
            ("chinh phu", "bo chinh tri", "ban bi thu", "thuong truc", "tong liên doan", "tong lien doan")):
        return None
    name = re.sub(r"^UBND\b", "Ủy ban nhân dân", name)
    return proper_case(name)


def _date_of(m: re.Match, text: str) -> date | None:
    written = m.group("date")
    if not written:
        sentence = text[max(text.rfind(". ", 0, m.start()) + 1, 0):m.start()].strip()
        # "Ngày 25/11/2025. Văn phòng Chính phủ đã ban hành …": the lead's date closed by a stray full stop
        lead = _LEAD_START.match(sentence) or _LEAD_START.match(re.sub(r"^(\S+\s+\S+)\.\s", r"\1, ", text[:m.start()]))
        written = lead.group("date") if lead else None
    found = parse_date(written) if written else None
    if found is None:
        found = _dated_by_number(m, text)
    return found


# "Ngày 24/7, UBND Thành phố ban hành Kế hoạch 198/KH-UBND năm 2025", "Ngày 23/10/2205, UBND tỉnh … có Thông báo
# 312/TB-UBND năm 2025": a lead date without its year, or with a mistyped one, takes the year the page gives
# with the document's number
_YEARLESS_LEAD = re.compile(r"^(?:Sáng|Chiều|Tối|Ngày)\s+(?:ngày\s+)?(\d{1,2})\s*/\s*(\d{1,2})(?:\s*/\s*\d{4})?\s*,",
                            re.IGNORECASE)


def _dated_by_number(m: re.Match, text: str) -> date | None:
    year = re.match(r"\s+năm\s+(\d{4})", text[m.end("number"):m.end("number") + 12])
    sentence = text[max(text.rfind(". ", 0, m.start()) + 1, 0):m.start()].strip()
    lead = _YEARLESS_LEAD.match(sentence)
    if not (year and lead):
        return None
    try:
        return sane_date(int(year.group(1)), int(lead.group(2)), int(lead.group(1)))
    except (DateOutOfRange, ValueError):
        return None


def parse_date(written: str) -> date | None:
    """"23/11/2025" or "25 tháng 4 năm 2025" as a date (None when impossible or out of range)."""
    m = _NUMERIC_DATE.search(written) or _WORDS_DATE.search(written)
    if not m:
        return None
    day, month, year = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    try:
        return sane_date(year, month, day)
    except DateOutOfRange:
        return None


def issuer_of_number(number: str | None) -> str | None:
    """The issuer its number's abbreviation names: "78/CĐ-TTg" -> Thủ tướng Chính phủ,
    "4889/VPCP-CN" -> Văn phòng Chính phủ, "33/TB-VPCP" -> Văn phòng Chính phủ."""
    if not number:
        return None
    parts = re.split(r"[-/]", re.sub(r"^\d+(?:/\d{4})?[-/]", "", number))
    if parts and parts[0].upper() in _KIND_BY_SYMBOL and len(parts) > 1:
        parts = parts[1:]
    return _SYMBOLS.get(parts[0].upper()) if parts else None


def kind_of_number(number: str | None) -> str | None:
    """The kind its number's symbol names: "78/CĐ-TTg" is a công điện, "45-TB/BCĐ" a thông báo."""
    if not number:
        return None
    m = re.match(r"\d+(?:/\d{4})?([-/])([^-/]+)", number)
    if not m:
        return None
    symbol = m.group(2).upper()
    if m.group(1) == "/" and symbol not in _KIND_BY_SYMBOL:
        return "Công văn"
    return _KIND_BY_SYMBOL.get(symbol)


def demanding_body(lead: list[str]) -> str | None:
    """"… Thủ tướng Chính phủ yêu cầu:" in a news page's lead: who issues the directives."""
    for text in lead:
        m = _DEMANDS.search(text)
        if m and _body_name(m.group("issuer")):
            return _body_name(m.group("issuer"))
    return None


def signer_from_site(site: dict) -> str | None:
    name = site.get("signer")
    return name if name and person_name(name) else None


def site_kind(site: dict) -> str | None:
    kind = site.get("kind")
    if not kind:
        return None
    return kind[:1].upper() + kind[1:].lower() if caps(kind) else kind


# --- Question-and-answer pages, news of a meeting ------------------------------------------

# "Căn cứ tại Điều 84 Luật Đất đai 2024 quy định như sau:", "Theo khoản 2 Điều 3 Nghị định …
# quy định:": a page explaining the law it quotes
_LAW_LEAD = re.compile(r"^(?:Căn cứ|Theo)\s+(?:(?:tại|theo|quy định tại)\s+)?(?:(?:điểm|khoản)\s+\w+\s+)*Điều\s+\d+"
                       r"[^.;]{0,160}\bquy định\b[^.;]{0,40}:\s*$", re.IGNORECASE)


def question_sections(lines: list[Line], start: int, end: int) -> list[tuple[int, int]]:
    """A question-and-answer page: the sections that bold question headings begin
    ("**Thủ tục … là gì?**") after its account of the document, or bold headings over a quoted
    law ("**Quy định về … theo Điều 84 Luật Đất đai**" / "Căn cứ tại Điều 84 … quy định như
    sau:"), as (first line, end)."""
    seen_text = False
    starts = []
    for i in range(start, end):
        line = lines[i]
        if not line.text:
            continue
        if seen_text and (line.bold or line.heading) and (line.text.rstrip(" *").endswith("?")
                                                          or _quotes_law(lines, i + 1, end)):
            starts.append(i)
        elif not line.bold and not line.heading:
            seen_text = True
    return [(a, b) for a, b in zip(starts, starts[1:] + [end])]


# "Số: .../QĐ-UBND", "Số: …/KH-UBND", "…….., ngày ... tháng ... năm 20...": the number and date of a form
_BLANK_NUMBER = re.compile(r"^[*_\s]*Số\s*:\s*[.…]{2,}\s*/", re.IGNORECASE)
_BLANK_DATE = re.compile(r"ngày\s*[.…]{2,}\s*tháng\s*[.…]{2,}\s*năm", re.IGNORECASE)


def blank_form(lines: list[Line]) -> bool:
    """A form to fill in (its number and date left as dots), not a document that was issued."""
    return any(_BLANK_NUMBER.match(line.text) and _BLANK_DATE.search(line.text) for line in lines if line.text) or \
        sum(bool(_BLANK_NUMBER.match(line.text) or _BLANK_DATE.search(line.text)) for line in lines if line.text) >= 2


def _quotes_law(lines: list[Line], i: int, end: int) -> bool:
    """The first line of text from `i` leads into a quoted article of law."""
    nxt = next((line for line in lines[i:min(end, i + 4)] if line.text), None)
    return nxt is not None and not nxt.bold and _LAW_LEAD.match(nxt.text) is not None


def sections_quoting(number: str, full: list[Line], lines: list[Line], sections) -> tuple[list[Line], int]:
    """Bring back the later sections of a question-and-answer page that quote the document it
    reports ("… được nêu tại Mục 1 Thông báo 386/TB-VPCP năm 2025, như sau:"); those that
    explain a law stay out. Returns the lines and where the last kept section ends (0: none)."""
    digits = re.match(r"\d+", number).group()
    quotes = re.compile(rf"(?<![\d/.-]){digits}(?:[-/]|\s*[,:.]|\s+(?:năm|ngày|của|về)\b)")
    kept = []
    for first, end in sections:
        head = " ".join(line.text for line in full[first:min(end, first + 12)] if line.text)[:800]
        if quotes.search(head):
            kept.append((first, end))
    if not kept:
        return lines, 0
    out = list(lines)
    for first, end in kept:
        # the question heading is a heading (markdown's "#"): it closes the lists above it, so
        # its answer is not read as one more bullet of the last list, and heads what follows
        out[first:end] = [replace(full[first], bold=False, heading=True)] + full[first + 1:end]
    return out, kept[-1][1]


def lead_date(first_paragraph: str, body: str, today: date | None) -> date | None:
    """A news report of a meeting dates itself in its first words: "Chiều 1/2, …" (the year
    from the text), "Ngày 15/11/2021, …"."""
    m = _LEAD_DATE.match(first_paragraph)
    if not m:
        return None
    if m.group(4):
        day, month, year = int(m.group(4)), int(m.group(5)), int(m.group(6))
    else:
        day, month = int(m.group(1)), int(m.group(2))
        if m.group(3):
            year = int(m.group(3))
        else:
            years = re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", body)
            year = int(max(set(years), key=years.count)) if years else (today or date.today()).year
    try:
        return sane_date(year, month, day)
    except DateOutOfRange:
        return None
