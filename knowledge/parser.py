"""Turn the text of a notice (.txt, .md, .docx, .pdf) into the shape of the bundled data
files (see knowledge/data/ and `document_dict` in knowledge/loader.py).

Notices reach us as OCR output: letterheads, stamps, page breaks in the middle of a
sentence, `[Faint, illegible text]`, markdown emphasis. Reading one happens in steps that
each undo one of those habits, top to bottom in this file:

1. (knowledge/reading.py) read the file and refuse what is not text (`ParseError`, shown
   to admins as is);
2. clean lines (noise lines, emphasis markers) and cut them into paragraphs, joining a
   paragraph that a page break cut off in mid-sentence;
3. split header (letterhead, title), body and footer (`Nơi nhận:`, signature);
4. number the body: points "N.", their paragraphs and "-" bullets "N.1", "N.2", …;
5. find in each item the units, cited documents and deadlines (knowledge/dates.py).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import date

from knowledge.dates import find_deadlines
from knowledge.text import fold
from knowledge.units import UNITS

MAX_BYTES = 1_000_000          # 1 MB of text is far beyond any notice; refuse bigger files
MAX_ITEMS = 2_000


class ParseError(Exception):
    """The file cannot be read as a notice. It carries a text key (`parse.*` in bot/texts)
    and its values, so the admin reads the reason in their own language; str() is English."""

    def __init__(self, key: str, **values):
        self.key, self.values = f"parse.{key}", values
        super().__init__(self.message("en"))

    def message(self, lang: str) -> str:
        from bot.texts import t
        return t(lang, self.key, **self.values)


# --- 2. Lines and paragraphs ---------------------------------------------------------------

_NOISE_LINE = re.compile(r"^\s*(?:\[[^\]]{0,80}\]"                # [Faint, illegible text]
                         r"|[-–—]+\s*\d{1,3}\s*[-–—]+|Trang\s+\d{1,3}(?:\s*/\s*\d{1,3})?)\s*$",
                         re.IGNORECASE)                        # page numbers: -- 2 --, Trang 2/3
_EMPHASIS_INSIDE = re.compile(r"(?<=\w)\*{1,3}(?=\w)")       # THÔNG BÁO**Ý KIẾN
_EMPHASIS = re.compile(r"\*{1,3}")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")                   # "# THÔNG BÁO" in a .md file
_POINT = re.compile(r"^(\d{1,2})\s*[.)]\s+(?=\S)")          # "1. Các cấp ủy…"
_BULLET = re.compile(r"^[-–—•+]\s*(?=\S)")                  # "- Tập trung…"
_TERMINAL = tuple(".!?:;…\"”)’")


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u200b", "").replace("\t", " ")
    lines = []
    for line in text.split("\n"):
        if _NOISE_LINE.match(line):
            line = ""
        line = _EMPHASIS.sub("", _EMPHASIS_INSIDE.sub(" ", _HEADING.sub("", line)))
        lines.append(" ".join(line.split()))
    return "\n".join(lines)


def _paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs. Inside a block, a line that opens a point or a
    bullet starts a new one; other lines wrap, except in a long block without blank lines
    (a PDF page), where a line goes on only after a full-width line without a full stop."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [line for line in block.split("\n") if line]
        width = max((len(line) for line in lines), default=0)
        one_per_line = len(lines) >= 6
        current: list[str] = []
        for line in lines:
            wraps = not one_per_line or (len(current[-1]) >= 0.6 * width
                                         and not current[-1].endswith(_TERMINAL)) if current else False
            if current and (_POINT.match(line) or _BULLET.match(line) or not wraps):
                out.append(" ".join(current))
                current = []
            current.append(line)
        if current:
            out.append(" ".join(current))
    return out


def _is_marker(p: str) -> bool:
    return bool(_POINT.match(p) or _BULLET.match(p))


def _continues(prev: str, nxt: str) -> bool:
    """A page break cut a sentence: the previous paragraph stops without punctuation and
    the next one goes on in lower case, with a number, or with a word like `Covid-19`."""
    if prev.endswith(_TERMINAL) or _is_marker(nxt):
        return False
    first = nxt.split()[0]
    return nxt[0].islower() or nxt[0].isdigit() or (
        any(c.isdigit() for c in first) and any(c.isalpha() for c in first))


def _join_broken(paragraphs: list[str]) -> list[str]:
    out: list[str] = []
    for p in paragraphs:
        if out and _continues(out[-1], p):
            out[-1] = f"{out[-1]} {p}"
        else:
            out.append(p)
    return out


def _is_caps(p: str) -> bool:
    letters = [c for c in p if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8


def _is_prose(p: str) -> bool:
    return len(p.split()) >= 12 and p.endswith(_TERMINAL) and not _is_caps(p)


def _is_furniture(p: str) -> bool:
    """Photo captions, bylines, page widgets, stamps: short, unpunctuated or in capitals."""
    return _is_caps(p) or (not p.endswith(_TERMINAL) and len(p.split()) < 30)


# --- 3. Header, body, footer ---------------------------------------------------------------

_FOOTER = re.compile(r"^(?:Nơi nhận|Noi nhan)\b", re.IGNORECASE)
_SIGNATURE_TITLE = re.compile(
    r"^(?:T/?M\.?|TM\.|KT\.|Q\.|CHÁNH VĂN PHÒNG|PHÓ CHÁNH VĂN PHÒNG|BÍ THƯ|PHÓ BÍ THƯ|CHỦ TỊCH|"
    r"PHÓ CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|PHÓ TRƯỞNG BAN)(?=\s|$)")
_CLOSING = re.compile(r"^(?:Trên đây là|.{0,120}\bthông báo\b.{0,400}\bbiết,? (?:và )?thực hiện)",
                      re.IGNORECASE)


def _split_sections(paragraphs: list[str]) -> tuple[list[str], list[str], list[str]]:
    start = next((i for i, p in enumerate(paragraphs) if _POINT.match(p) or _is_prose(p)), None)
    if start is None:    # nothing reads like prose: keep every paragraph that has words
        return [], [p for p in paragraphs if not _is_caps(p)] or paragraphs, []
    end = next((i for i in range(start, len(paragraphs)) if _FOOTER.match(paragraphs[i])
                or _SIGNATURE_TITLE.match(paragraphs[i])), len(paragraphs))
    return paragraphs[:start], paragraphs[start:end], paragraphs[end:]


# --- 4. Items ------------------------------------------------------------------------------

def _items(body: list[str]) -> list[dict]:
    has_points = any(_POINT.match(p) for p in body)
    items: list[dict] = []
    point, sub = None, 0
    last_point_at = max((i for i, p in enumerate(body) if _POINT.match(p)), default=-1)
    for i, p in enumerate(body):
        m = _POINT.match(p)
        if m:
            point, sub = m.group(1), 0
            items.append({"number": point, "kind": "point", "text": p[m.end():]})
            continue
        b = _BULLET.match(p)
        if b:
            text, kind = p[b.end():], "bullet"
        elif _is_furniture(p):
            continue
        else:
            text, kind = p, "paragraph"
        if point is None:
            items.append({"number": "", "kind": "context" if has_points and kind != "bullet" else kind,
                          "text": text})
        elif i > last_point_at and kind == "paragraph" and _CLOSING.match(text):
            items.append({"number": "", "kind": "context", "text": text})
        else:
            sub += 1
            items.append({"number": f"{point}.{sub}", "kind": kind, "text": text})
    return items[:MAX_ITEMS]


# --- 5. Units, references, deadlines -------------------------------------------------------

_UNIT_PATTERNS = [(u.code, re.compile(r"\b(?:" + "|".join(re.escape(fold(k)) for k in u.keywords) + r")\b"))
                  for u in UNITS]


def find_units(text: str) -> list[str]:
    folded = fold(text)
    return [code for code, pattern in _UNIT_PATTERNS if pattern.search(folded)]


_REF = re.compile(r"(?<![\w/])(\d{1,5}(?:/\d{4})?[-/][A-ZĐ]{1,6}(?:[-/][A-ZĐ][A-Za-zĐđ]{0,7})+)(?![\w/])")
_REF_KINDS = {"NQ": "Nghị quyết", "CT": "Chỉ thị", "CD": "Công điện", "CĐ": "Công điện",
              "TB": "Thông báo", "CV": "Công văn", "QĐ": "Quyết định", "QD": "Quyết định",
              "KH": "Kế hoạch", "NĐ": "Nghị định", "TT": "Thông tư", "KL": "Kết luận",
              "HD": "Hướng dẫn", "BC": "Báo cáo"}
_REF_DATE = re.compile(r"^,?\s*(?:ngày\s*)?(\d{1,2})/(\d{1,2})/(\d{4})")


def find_references(text: str, own_number: str | None = None) -> list[dict]:
    refs: dict[str, dict] = {}
    for m in _REF.finditer(text):
        number = m.group(1)
        if number == own_number or number in refs:
            continue
        code = re.split(r"[-/]", number.split("/", 1)[1] if "/" in number else number)[0]
        code = re.sub(r"^\d+[-/]", "", number).split("/")[0].split("-")[0]
        d = _REF_DATE.match(text[m.end():m.end() + 20])
        ref_date = None
        if d:
            try:
                ref_date = date(int(d.group(3)), int(d.group(2)), int(d.group(1))).isoformat()
            except ValueError:
                pass
        refs[number] = {"number": number, "kind": _REF_KINDS.get(code.upper(), ""), "date": ref_date}
    return list(refs.values())


def _deadlines(text: str, reference: date | None, fallback_units: list[str],
               lead_units: list[str] = ()) -> list[dict]:
    """Each deadline with its clause as the task; its units are those the clause names,
    else those of the item (or of the point above a bullet). A bullet's deadlines also
    remind the units of its point (`lead_units`): the point names who leads ("Sở Y tế chủ
    trì:"), a bullet often only whom to report to ("…, báo cáo UBND tỉnh")."""
    out = []
    for f in find_deadlines(text, reference):
        clause = _clause(text, f.start, f.end)
        out.append({"date": f.due.isoformat(), "time": f.time.strftime("%H:%M") if f.time else None,
                    "kind": f.kind, "phrase": f.phrase, "task": clause, "task_en": "",
                    "units": list(dict.fromkeys([*lead_units, *(find_units(clause) or fallback_units)]))})
    return out


def _clause(text: str, start: int, end: int) -> str:
    """The clause around a deadline phrase (between semicolons or sentence ends)."""
    left = max(text.rfind(c, 0, start) for c in (";", ". "))
    right = [i for i in (text.find(";", end), text.find(". ", end)) if i != -1]
    clause = text[left + 1: min(right) if right else len(text)].strip(" .;")
    rest = clause.replace(text[start:end], "").strip(" ,:;.")
    if len(rest.split()) < 3 and left > 0:     # "…chi trả hỗ trợ; hạn chót: 20/12/2021."
        before = max(text.rfind(c, 0, left) for c in (";", ". "))
        clause = text[before + 1: left].strip(" .;") or clause
    return clause[:300]


# --- Header metadata -----------------------------------------------------------------------

_NUMBER = re.compile(r"\bSố\s*:?\s*(\d{1,5}(?:/\d{4})?[-/][A-ZĐ][\w\-/]*)", re.IGNORECASE)
_PLACE_DATE = re.compile(r"([A-ZĐ][\wÀ-ỹ]+(?: [A-ZĐ][\wÀ-ỹ]+){0,3}),\s*ngày\s+(\d{1,2})\s+tháng\s+"
                         r"(\d{1,2})\s+năm\s+(\d{4})")
_LEAD_DATE = re.compile(r"^(?:Sáng|Chiều|Trưa|Tối)\s+(?:ngày\s+)?(\d{1,2})/(\d{1,2})/(\d{4})\b")
_ANY_DATE = re.compile(r"\bngày\s+(\d{1,2})/(\d{1,2})/(\d{4})", re.IGNORECASE)
_SHORT_DATE = re.compile(r"^(?:Sáng|Chiều|Trưa|Tối|Ngày)\s+(?:ngày\s+)?(\d{1,2})/(\d{1,2})\b")
_KINDS = ["Thông báo kết luận", "Thông báo ý kiến chỉ đạo", "Thông báo", "Kết luận", "Chỉ thị",
          "Công điện", "Nghị quyết", "Kế hoạch", "Quyết định", "Công văn", "Hướng dẫn"]
_ACRONYMS = {"COVID-19", "COVID", "UBND", "HĐND", "BCĐ", "MTTQ", "CDC"}
PROVINCES = (
    "An Giang", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre",
    "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cần Thơ", "Cao Bằng",
    "Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang",
    "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên",
    "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An",
    "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình",
    "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh",
    "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế", "Tiền Giang", "Thành phố Hồ Chí Minh",
    "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái")


def _notice_date(header: str, body: str, today: date | None) -> tuple[date | None, str | None]:
    """The date of issue `Lai Châu, ngày 29 tháng 12 năm 2021` (with its place), else the
    first `ngày dd/mm/yyyy` of the body, else `Chiều 1/2` with the year the text talks of."""
    m = _PLACE_DATE.search(header) or _PLACE_DATE.search(body[:500])
    if m:
        try:
            return date(int(m.group(4)), int(m.group(3)), int(m.group(2))), m.group(1)
        except ValueError:
            pass
    m = _LEAD_DATE.search(body)
    if m:
        try:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1))), None
        except ValueError:
            pass
    for m in _ANY_DATE.finditer(body):
        try:
            return date(int(m.group(3)), int(m.group(2)), int(m.group(1))), None
        except ValueError:
            continue
    m = _SHORT_DATE.search(body)
    if m:
        years = Counter(re.findall(r"\b(20\d\d)\b", body))
        year = years.most_common(1)[0][0] if years else (today or date.today()).year
        try:
            return date(int(year), int(m.group(2)), int(m.group(1))), None
        except ValueError:
            pass
    return None, None


def _province(place: str | None, header: str, body: str) -> str | None:
    if place:   # "Thái Bình", or "VIỆT NAM Thái Bình" when OCR joined the motto line
        for p in PROVINCES:
            if fold(place) == fold(p) or fold(place).endswith(" " + fold(p)):
                return p
    folded_header = fold(header)
    for p in PROVINCES:
        if re.search(rf"\b(?:tinh|thanh pho|tinh uy|thanh uy) {re.escape(fold(p))}\b", folded_header):
            return p
    counts = Counter({p: len(re.findall(rf"\b{re.escape(p)}\b", body, re.IGNORECASE)) for p in PROVINCES})
    best, n = counts.most_common(1)[0]
    return best if n else None


def _kind_and_title(header: list[str], has_points: bool) -> tuple[str, str]:
    for i, p in enumerate(header):
        f = fold(p)
        for kind in _KINDS:
            fk = fold(kind)
            if f.startswith(fk) or f.startswith(fk.split()[0] + " " + fk.split()[0]):
                rest = p[len("Thông báo"):].strip() if kind.startswith("Thông báo") else p
                if not rest and i + 1 < len(header):
                    rest = header[i + 1]
                if kind.startswith("Thông báo") and rest:
                    fr = fold(rest)
                    kind = "Thông báo kết luận" if fr.startswith("ket luan") else (
                        "Thông báo ý kiến chỉ đạo" if fr.startswith("y kien chi dao") else "Thông báo")
                return kind, _sentence_case(rest or p)
    title = next((p for p in reversed(header) if not _is_caps(p) and len(p.split()) >= 4), "")
    title = title or (header[0] if header else "")
    kind = "Tin hội nghị" if not has_points and "hoi nghi" in fold(title) else "Văn bản"
    return kind, _sentence_case(title)


def _sentence_case(text: str) -> str:
    words = []
    for w in text.split():
        core = w.strip(",.:;()")
        if _is_caps(core) and len(core) > 1 and core.upper() not in _ACRONYMS:
            w = w.lower()
        words.append(w)
    text = " ".join(words)
    return text[:1].upper() + text[1:]


_ORGAN = re.compile(r"^(?:TỈNH ỦY|THÀNH ỦY|HUYỆN ỦY|UBND|ỦY BAN NHÂN DÂN|SỞ)\b")
_SUB_ORGAN = re.compile(r"^(?:VĂN PHÒNG|BAN CHỈ ĐẠO|BCĐ)\b")


def _proper_names(text: str) -> str:
    for p in PROVINCES:
        text = re.sub(rf"\b{re.escape(p)}\b", p, text, flags=re.IGNORECASE)
    return text


def _issuer(header_lines: list[str], body: list[str], footer: list[str], province: str | None) -> str:
    """`TỈNH ỦY LAI CHÂU` over `VĂN PHÒNG` is "Văn phòng Tỉnh ủy Lai Châu"; without a
    letterhead, the body's closing formula or the signature block names the issuer."""
    for i, line in enumerate(header_lines):
        if _ORGAN.match(line) and not _is_prose(line):
            organ = _proper_names(_sentence_case(line))
            sub = header_lines[i + 1] if i + 1 < len(header_lines) else ""
            if _SUB_ORGAN.match(sub):
                organ = re.sub(r"^(?:UBND|Ủy ban nhân dân) ", "", organ)
                organ = organ[0].lower() + organ[1:] if re.match(r"Tỉnh (?!ủy)", organ) else organ
                return f"{_sentence_case(sub)} {organ}"
            return organ
    text = " ".join(body[-3:] + footer)
    suffix = f" {province}" if province else ""
    if re.search(r"Văn phòng Tỉnh ủy\b.{0,20}thông báo", text):
        return "Văn phòng Tỉnh ủy" + suffix
    if any(re.search(r"BAN THƯỜNG VỤ TỈNH ỦY", p, re.IGNORECASE) for p in header_lines + footer[-3:]):
        return "Ban Thường vụ Tỉnh ủy" + suffix
    if re.search(r"Tỉnh ủy", " ".join(header_lines + body[:2])):
        return "Tỉnh ủy" + suffix
    return "Không rõ cơ quan ban hành"


def _signer(footer: list[str]) -> str | None:
    """The name under a signature title: two to five capitalised words, not in capitals."""
    if not any(_SIGNATURE_TITLE.match(p) for p in footer):
        return None
    for p in reversed(footer):
        words = p.split()
        if 2 <= len(words) <= 5 and all(w[0].isupper() for w in words) and not _is_caps(p) \
                and not any(c.isdigit() for c in p):
            return p
    return None


def _header_lines(text: str, header: list[str]) -> list[str]:
    """The letterhead line by line (paragraphs join lines, but a letterhead's lines are
    separate names: `TỈNH ỦY LAI CHÂU` / `VĂN PHÒNG`)."""
    wanted = len(" ".join(header).split())
    lines, words = [], 0
    for line in _clean(text).split("\n"):
        if words >= wanted:
            break
        if line:
            lines.append(line)
            words += len(line.split())
    return lines


# --- The whole notice ----------------------------------------------------------------------

def parse_text(text: str, *, source_name: str | None = None, today: date | None = None) -> dict:
    """Parse a notice; `today` stands in for the notice date when the text gives none."""
    if not isinstance(text, str):
        raise ParseError("not_text")
    if len(text.encode("utf-8", "ignore")) > MAX_BYTES:
        raise ParseError("text_too_big")
    if "\x00" in text or sum(not (c.isprintable() or c.isspace()) for c in text[:4096]) > 40:
        raise ParseError("binary_text")
    paragraphs = _join_broken(_paragraphs(_clean(text)))
    if not any(c.isalpha() for p in paragraphs for c in p):
        raise ParseError("empty")
    header, body, footer = _split_sections(paragraphs)
    items = _items(body)
    if not items:   # a single line or a headline only: keep it as one paragraph
        items = [{"number": "", "kind": "paragraph", "text": " ".join(body or paragraphs)}]
    header_text, body_text = "\n".join(header), "\n".join(body)
    notice_date, place = _notice_date(header_text, body_text, today)
    number_match = _NUMBER.search(header_text)
    number = number_match.group(1) if number_match else None
    province = _province(place, header_text, "\n".join(i["text"] for i in items))
    kind, title = _kind_and_title(header, any(i["kind"] == "point" for i in items))
    reference_date = notice_date or today or date.today()
    point_units: list[str] = []
    for item in items:
        item["summary_en"] = ""
        item["units"] = find_units(item["text"])
        if item["kind"] == "point":
            point_units = item["units"]
        elif not item["number"]:
            point_units = []
        item["references"] = [r["number"] for r in find_references(item["text"], number)]
        lead = point_units if item["number"] and item["kind"] == "bullet" else []
        item["deadlines"] = _deadlines(item["text"], reference_date, item["units"] or point_units, lead)
    return {
        "source_file": source_name,
        "number": number,
        "kind": kind,
        "issuer": _issuer(_header_lines(text, header), body, footer, province),
        "province": province,
        "date": notice_date.isoformat() if notice_date else None,
        "title": title or items[0]["text"][:120],
        "title_en": "",
        "signer": _signer(footer),
        "references": find_references(body_text, number),
        "items": items,
    }
