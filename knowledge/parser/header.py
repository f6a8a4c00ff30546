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
from datetime import date

from knowledge.parser.cleaning import VOCAB, Line, furniture, paragraphs
from knowledge.text import fold
from knowledge.units import CATALOGUE

PROVINCES: tuple[str, ...] = tuple(
    line.strip() for line in (VOCAB / "provinces.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#"))
_OLD_TONES = {"oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oè": "òe", "oé": "óe", "oẻ": "ỏe",
              "oẽ": "õe", "oẹ": "ọe", "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy"}
_OLD_TONE = re.compile("|".join(_OLD_TONES))


def accent_key(text: str) -> str:
    """Lower case with one placement of tone marks ("Hoà" and "Hòa", "Uỷ" and "Ủy" meet), but
    the marks kept: folded away, "diễn biến" would be the province Điện Biên."""
    return _OLD_TONE.sub(lambda m: _OLD_TONES[m.group()], text.lower())


_KEYED_PROVINCES = sorted(((accent_key(p), p) for p in PROVINCES), key=lambda p: -len(p[0]))
_NAMES = sorted({line.strip() for line in (VOCAB / "names.txt").read_text(encoding="utf-8").splitlines()
                 if line.strip() and not line.startswith("#")}
                | {s for body in CATALOGUE for s in body.spellings if s[:1].isupper()}
                | set(PROVINCES), key=lambda n: -len(n))

KINDS = ("Thông báo kết luận", "Thông báo ý kiến chỉ đạo", "Thông báo", "Kết luận", "Chỉ thị",
         "Công điện", "Nghị quyết", "Kế hoạch", "Quyết định", "Công văn", "Hướng dẫn", "Báo cáo",
         "Tờ trình", "Quy định", "Quy chế", "Chương trình", "Đề án", "Thông tư", "Nghị định", "Lệnh")
_KIND_BY_SYMBOL = {"TB": "Thông báo", "KL": "Kết luận", "CT": "Chỉ thị", "CĐ": "Công điện", "CD": "Công điện",
                   "NQ": "Nghị quyết", "KH": "Kế hoạch", "QĐ": "Quyết định", "QD": "Quyết định",
                   "HD": "Hướng dẫn", "BC": "Báo cáo", "TTR": "Tờ trình", "QĐI": "Quy định",
                   "CTR": "Chương trình", "ĐA": "Đề án", "TT": "Thông tư", "NĐ": "Nghị định"}
_ACRONYMS = {"UBND", "HĐND", "BCĐ", "MTTQ", "CDC", "TTHC", "COVID-19", "GDP", "GRDP", "EVN", "WHO", "ASEAN", "UNESCO"}
_MOTTOS = ("cong hoa xa hoi chu nghia viet nam", "dang cong san viet nam")

# "12/KH-UBND", "45-TB/BCĐ", "15/2021/QĐ-UBND", "5485/CT-CS", "2909/CTH-QLDN1": bounded parts
NUMBER = (r"\d{1,6}(?:/\d{4})?[-/][A-ZĐ][A-Za-zĐđ0-9&.]{0,12}"
          r"(?:[-/][A-ZĐ0-9][A-Za-zĐđ0-9&.]{0,12}){0,4}")
_NUMBER_LINE = re.compile(rf"(?<!\w)Số(?:\s+hiệu)?\s*:?\s*({NUMBER})(?![\w/-])", re.IGNORECASE)
_DATE_WORDS = re.compile(r"(?<!\w)ngày\s+(\d{1,2})\s*(?:tháng\s+(\d{1,2})\s+năm\s+|[/.-]\s*(\d{1,2})\s*[/.-]\s*)"
                         r"(\d{4})(?!\d)", re.IGNORECASE)
_NUMERIC_DATE = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})(?!\d)")
_LEAD_DATE = re.compile(r"(?:Tại\s+(?:cuộc\s+họp|hội\s+nghị|buổi\s+làm\s+việc)\s+)?"
                        r"(?:Sáng|Chiều|Trưa|Tối|Ngày|sáng|chiều|trưa|tối|ngày)\s+(?:ngày\s+|nay\s+)?(\d{1,2})\s*/\s*(\d{1,2})"
                        r"(?:\s*/\s*(\d{4}))?(?!\d)|(?:Sáng|Chiều|Trưa|Tối|Ngày)\s+(?:ngày\s+)?(\d{1,2})\s+"
                        r"tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_ISSUES = (r"(?:đã\s+)?(?:ký\s+)?(?:ban\s+hành|có|ra|gửi|phát\s+đi|ký)")
_KIND_WORDS = "|".join(sorted(KINDS, key=len, reverse=True))
_LEAD = re.compile(rf"(?:(?:Sáng|Chiều|Tối|Ngày)\s+(?:ngày\s+)?)(?P<d>\d{{1,2}})\s*/\s*(?P<m>\d{{1,2}})\s*/\s*"
                   rf"(?P<y>\d{{4}}),\s*(?P<issuer>[^,.;:]{{3,90}}?)\s+{_ISSUES}\s+(?:(?:bản\s+)?(?P<kind>{_KIND_WORDS})"
                   rf"(?:\s+(?:số|hỏa\s+tốc))?\s+(?P<number>{NUMBER}))", re.IGNORECASE)
_TELEGRAM = re.compile(r"^(?P<issuer>[^:]{3,80}?)\s+điện\s*:?\s*$", re.IGNORECASE)
_ADDRESSED = re.compile(r"^Kính\s+gửi\s*:?", re.IGNORECASE)
_ABOUT = re.compile(r"^(?:V/v|V/V|Về\s+việc|VỀ\s+VIỆC)\s*:?\s*")
_FOOTER = re.compile(r"^(?:Nơi\s+nhận|Noi\s+nhan)\b", re.IGNORECASE)
_SIGNATURE_TITLE = re.compile(
    r"^(?:T/?M\s*\.?|KT\s*\.|Q\s*\.|TL\s*\.|TUQ\s*\.|TM\s|KT\s|"
    r"THỦ TƯỚNG|PHÓ THỦ TƯỚNG|BỘ TRƯỞNG|THỨ TRƯỞNG|CHÁNH VĂN PHÒNG|PHÓ CHÁNH VĂN PHÒNG|"
    r"BÍ THƯ|PHÓ BÍ THƯ|CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC|PHÓ GIÁM ĐỐC|TRƯỞNG BAN|PHÓ TRƯỞNG BAN|"
    r"CỤC TRƯỞNG|PHÓ CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|VỤ TRƯỞNG|CHÁNH THANH TRA|THỐNG ĐỐC|"
    r"PHÓ THỐNG ĐỐC|TRƯỞNG|KT\.|TM\.)(?=[\s.]|$)")

# Words that begin the name of a body in a letterhead line (where a new name starts).
_HEADS = tuple(tuple(h.split()) for h in (
    "uy ban nhan dan", "ubnd", "hoi dong nhan dan", "bo", "so", "van phong", "ban", "cuc", "tong cuc",
    "chi cuc", "thu tuong", "tinh uy", "thanh uy", "huyen uy", "thi uy", "dang uy", "dang bo", "uy ban",
    "trung tam", "benh vien", "truong", "cong an", "bo chi huy", "bo tu lenh", "quan khu", "ngan hang",
    "kho bac", "thue", "bao hiem xa hoi", "lien doan", "mat tran", "tong cong ty", "tap doan", "vien",
    "hoc vien", "dai hoc", "toa an", "kiem toan", "thanh tra", "hoi"))
_GENERIC_SUBS = ("van phong", "ban thuong vu", "thuong truc", "uy ban kiem tra", "ban to chuc",
                 "ban tuyen giao", "ban dan van", "ban noi chinh", "ban kinh te", "ban tuyen giao va dan van",
                 "dang uy")
_PARTY = ("tinh uy", "thanh uy", "huyen uy", "thi uy", "dang uy", "dang bo", "ban chap hanh trung uong")
_CENTRAL = ("chinh phu", "trung uong", "quoc hoi", "nha nuoc", "toi cao", "viet nam", "bo chinh tri",
            "ban bi thu", "thu tuong")
_CENTRAL_HEADS = ("bo ", "cuc ", "tong cuc ")


@dataclass
class Header:
    number: str | None = None
    issuer: str | None = None
    place: str | None = None
    date: date | None = None
    kind: str | None = None
    title: str | None = None
    signer: str | None = None
    province: str | None = None
    addressees: str = ""              # "Kính gửi: …" or a công điện's list
    letterhead: bool = False
    body_start: int = 0               # line indices of the body: [body_start, body_end)
    body_end: int = 0
    bad_date: str | None = None       # a date of issue outside the sane window, as written
    site: dict = field(default_factory=dict)


# --- Where the document is -----------------------------------------------------------------

_SITE_LABELS = {"so hieu:": "number", "loai van ban:": "kind", "noi ban hanh:": "issuer",
                "nguoi ky:": "signer", "ngay ban hanh:": "date", "ngay hieu luc:": None,
                "ngay cong bao:": None, "so cong bao:": None, "tinh trang:": None, "cap nhat:": None,
                "ban hanh:": None, "hieu luc:": None}


def read_header(lines: list[Line]) -> tuple[Header, list[Line]]:
    """The header of the notice, and its lines with web furniture and the site's metadata
    box blanked out (positions kept)."""
    h = Header()
    lines = list(lines)
    h.site = _site_box(lines)
    start, end = 0, len(lines)
    for i, line in enumerate(lines):
        kind = furniture(line.text) if line.text else None
        if kind == "drop":
            lines[i] = Line("", hard=True)
    motto = _find_motto(lines)
    if motto is not None:
        issuer_lines, start = _issuer_lines(lines, motto)
        h.letterhead = True
        h.issuer = compose_issuer(segment_organs(issuer_lines)) if issuer_lines else None
    else:
        start = 0
    for i in range(start, len(lines)):
        text = lines[i].text
        if text and furniture(text) == "end":
            end = i
            break
    if motto is None:
        end = min(end, _question_heading(lines, start, end))
    lines = lines[:end] + [Line("", hard=True)] * (len(lines) - end)
    h.body_start, h.body_end = _layout(h, lines, start, end, motto)
    _fallbacks(h, lines, start, end)
    return h, lines


def _site_box(lines: list[Line]) -> dict:
    """The metadata box of a legal-document website ("Số hiệu: | 78/CĐ-TTg"), blanked out."""
    found: dict = {}
    for i, line in enumerate(lines):
        label = " ".join(fold(line.text).split())
        if label not in _SITE_LABELS:
            continue
        key = _SITE_LABELS[label]
        lines[i] = Line("", hard=True)
        for k in range(i + 1, min(i + 6, len(lines))):
            if lines[k].text:
                if key and key not in found and fold(lines[k].text) not in ("da biet", "dang cap nhat"):
                    found[key] = lines[k].text
                if key or fold(lines[k].text) in ("da biet", "dang cap nhat") or len(lines[k].text) < 40:
                    lines[k] = Line("", hard=True)
                break
    return found


def _find_motto(lines: list[Line]) -> int | None:
    """Index of the first line of the motto (quốc hiệu), which may be wrapped over lines."""
    texts = [(i, fold(line.text)) for i, line in enumerate(lines) if line.text]
    for n, (i, text) in enumerate(texts):
        if text.startswith(("cong", "dang")) and _caps(lines[i].text):
            joined = " ".join(" ".join(t for _, t in texts[n:n + 4]).split())
            if joined.startswith(_MOTTOS) and _header_follows(lines, [k for k, _ in texts[n + 1:n + 16]]):
                return i
    return None


def _header_follows(lines: list[Line], following: list[int]) -> bool:
    """A letterhead's motto is followed by a number, a place and date or a kind line; one
    stamped at the end of a scan is not."""
    joined = " ".join(lines[k].text for k in following)
    return bool(_NUMBER_LINE.search(joined) or _place_date(joined)
                or any(_kind_line(lines[k].text) for k in following))


def _issuer_lines(lines: list[Line], motto: int) -> tuple[list[str], int]:
    """The letterhead lines above the motto (capitals), and where the document starts. When
    nothing stands above it, the name may come right after the motto lines."""
    got: list[str] = []
    k = motto - 1
    while k >= 0 and len(got) < 6:
        line = lines[k]
        if line.text:
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


def _question_heading(lines: list[Line], start: int, end: int) -> int:
    """A news page ends its account of a directive where a bold question heading begins a
    question-and-answer section ("**Thủ tục … là gì?**")."""
    seen_text = False
    for i in range(start, end):
        line = lines[i]
        if not line.text:
            continue
        if seen_text and (line.bold or line.heading) and line.text.rstrip(" *").endswith("?"):
            return i
        if not line.bold and not line.heading:
            seen_text = True
    return end


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
            kind_at, h.kind = i, kind[0]
            if kind[1]:
                h.title = kind[1]
            break
    head_zone = [(i, t) for i, t in zone if kind_at is None or i < kind_at][:24]
    joined, offsets = _joined(head_zone)
    m = _NUMBER_LINE.search(joined)
    if m and (motto is not None or kind_at is not None or m.start() < 400):
        h.number = m.group(1).rstrip(".")
        last_header = max(last_header or 0, _line_at(offsets, m.end() - 1))
    dm = _place_date(joined)
    if dm:
        h.place, h.date, h.bad_date, at = dm
        last_header = max(last_header or 0, _line_at(offsets, at))
    body = None
    if kind_at is not None:
        title_lines, after = _title(lines, kind_at, end)
        title = _title_text(h.title, title_lines)
        if fold(title).startswith(("cua ", "ve ", "tai ")):
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
    return body, _footer_start(lines, body, end)


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
                _place_date(text) or _NUMBER_LINE.match(text):
            break
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
    paragraph that reads like prose."""
    paras = paragraphs_with_lines(lines, start, end)
    for first, p in paras:
        if _POINT_START.match(p) or _prose(p):
            return first
    return start


_POINT_START = re.compile(r"^\(?\d{1,2}\s*[.)]\s+\S")


def paragraphs_with_lines(lines: list[Line], start: int, end: int) -> list[tuple[int, str]]:
    """Paragraphs of lines[start:end] with the index of their first line."""
    out: list[tuple[int, str]] = []
    i = start
    while i < end:
        while i < end and not lines[i].text:
            i += 1
        j = i
        while j < end and lines[j].text:
            j += 1
        if i < end:
            for p in paragraphs(lines[i:j]):
                first = i + _find_first(lines, i, j, p.lines[0] if p.lines else p.text)
                out.append((first, p.text))
        i = j
    return out


def _find_first(lines: list[Line], i: int, j: int, text: str) -> int:
    for k in range(i, j):
        if lines[k].text == text:
            return k - i
    return 0


def _prose(p: str) -> bool:
    return len(p.split()) >= 12 and p.rstrip('"”’)*').endswith(tuple(".!?:;…")) and not _caps(p)


def _skip_addressees(h: Header, lines: list[Line], body: int, end: int) -> int:
    """A "Kính gửi: …" block or a công điện's "THỦ TƯỚNG CHÍNH PHỦ điện: …" list is not body."""
    i = body
    while i < end and not lines[i].text:
        i += 1
    if i >= end:
        return body
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
        listing = text.startswith(("-", "+", "•")) or text[0].islower()
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


def _prose_start(text: str) -> bool:
    return text[:1].isupper() and not _caps(text)


def _next_text(lines: list[Line], i: int, end: int) -> str:
    for k in range(i + 1, min(end, i + 3)):
        if lines[k].text:
            return lines[k].text
    return ""


def _footer_start(lines: list[Line], body: int, end: int) -> int:
    """The first line of nơi nhận or of the signature block; the body ends with "./."."""
    for i in range(body, end):
        text = lines[i].text
        if not text:
            continue
        if _FOOTER.match(text):
            return i
        if _SIGNATURE_TITLE.match(text) and _caps(text) and len(text) < 80 and _signature_follows(lines, i, end):
            return i
        if text.endswith("./.") or text.endswith("/."):
            return i + 1
    return end


def _signature_follows(lines: list[Line], i: int, end: int) -> bool:
    """A signature title is followed, within a few lines, by a name or by nơi nhận."""
    seen = 0
    for k in range(i + 1, min(end, i + 12)):
        text = lines[k].text
        if not text:
            continue
        seen += 1
        if _FOOTER.match(text) or person_name(text):
            return True
        if seen > 5 or (not _caps(text) and not text.startswith(("(", "["))):
            return False
    return k >= end - 1 if end > i + 1 else True


# --- Fields --------------------------------------------------------------------------------

def _place_date(text: str):
    """(place, date, bad date as written, position) of "Nghệ An, ngày 26 tháng 11 năm 2025"."""
    for m in _DATE_WORDS.finditer(text):
        before = text[max(0, m.start() - 60):m.start()].rstrip()
        if not before.endswith(","):
            continue
        words = before[:-1].split()
        place: list[str] = []
        while words and len(place) < 5 and (words[-1][:1].isupper() or words[-1] in ("-",)):
            place.insert(0, words.pop())
        if not place:
            continue
        day, month, year = int(m.group(1)), int(m.group(2) or m.group(3)), int(m.group(4))
        checked = checked_date(year, month, day)
        if checked is False:
            return " ".join(place), None, m.group(0), m.start()
        if checked is not None:
            return " ".join(place), checked, None, m.start()
    return None


def checked_date(year: int, month: int, day: int):
    """A real date in the sane window 1945–2100; False when outside it, None when no date."""
    try:
        value = date(year, month, day)
    except ValueError:
        return None
    if not 1945 <= year <= 2100:
        return False
    return value


def segment_organs(lines: list[str]) -> list[str]:
    """Letterhead lines -> names: "BỘ TÀI / CHÍNH / CỤC THUẾ" -> ["BỘ TÀI CHÍNH", "CỤC THUẾ"].
    A new name starts at a line beginning with a head word ("CỤC", "SỞ", "VĂN PHÒNG"), unless
    the line before is an unfinished name ("ỦY" / "BAN NHÂN DÂN")."""
    names: list[str] = []
    for line in lines:
        words = fold(line).replace(",", " ").split()
        starts_name = any(tuple(words[:len(h)]) == h for h in _HEADS)
        if names and (not starts_name or _unfinished(names[-1], line)):
            names[-1] = f"{names[-1]} {line}"
        else:
            names.append(line)
    return [" ".join(n.split()) for n in names]


def _unfinished(name: str, nxt: str) -> bool:
    words = fold(name).split()
    joined = fold(f"{name} {nxt}").split()
    if len(words) == 1 and words[0] in ("bo", "so", "cuc", "ban", "uy", "van", "thu", "tong", "chi"):
        return True
    # "ỦY" + "BAN NHÂN DÂN": a head phrase across the break
    for head in _HEADS:
        for cut in range(1, len(head)):
            if tuple(words[-cut:]) == head[:cut] and tuple(joined[len(words) - cut:len(words) - cut + len(head)]) == head:
                return True
    return False


def compose_issuer(names: list[str]) -> str | None:
    """The issuing body from the letterhead's names (parent first): the last name, with
    the parent's place or name when it is a generic office ("TỈNH ỦY LAI CHÂU" / "VĂN PHÒNG"
    -> "Văn phòng Tỉnh ủy Lai Châu")."""
    names = [n for n in names if any(c.isalpha() for c in n)]
    if not names:
        return None
    issuer = names[-1]
    if len(names) == 1:
        return proper_case(issuer)
    parent = names[-2]
    fi, fp = fold(issuer), fold(parent)
    if _province_in(issuer) or re.search(r"\b(?:tinh|thanh pho|huyen|xa|phuong)\b", fi):
        return proper_case(issuer)
    if fp.startswith("ban chap hanh trung uong"):
        return "Văn phòng Trung ương Đảng" if fi == "van phong" else f"{proper_case(issuer)} Trung ương"
    if fi in _GENERIC_SUBS or (fp.startswith(_PARTY) and fi.startswith("ban ")):
        return f"{proper_case(issuer)} {proper_case(parent)}"
    m = re.search(r"(?<!\w)(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG)\s+(.+)$", parent, re.IGNORECASE)
    if m:
        return f"{proper_case(issuer)} {m.group(1).lower()} {proper_case(m.group(2))}"
    return proper_case(issuer)


def _province_in(text: str) -> str | None:
    key = accent_key(text)
    for kp, p in _KEYED_PROVINCES:
        if re.search(rf"(?<!\w){re.escape(kp)}(?!\w)", key):
            return p
    return None


def proper_case(text: str) -> str:
    """A name written in capitals as running text writes it: "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"
    -> "Ủy ban nhân dân tỉnh Nghệ An". Known names (names.txt, units.tsv, provinces) give the
    case; the letters and accents stay the document's."""
    text = " ".join(text.split())
    if not _caps(text):
        return text[:1].upper() + text[1:]
    lower = " ".join(w if any(c.isdigit() for c in w) or w in _ACRONYMS else w.lower() for w in text.split())
    folded = fold(lower)
    if len(folded) != len(lower):
        return lower[:1].upper() + lower[1:]
    out = list(lower)
    taken = [False] * len(lower)
    for name in _NAMES:
        target = fold(name)
        start = 0
        while (k := folded.find(target, start)) >= 0:
            end = k + len(target)
            if (k == 0 or not folded[k - 1].isalnum()) and (end == len(folded) or not folded[end].isalnum()) \
                    and not any(taken[k:end]) and len(name) == len(target):
                for j, c in enumerate(name):
                    if c.isupper():
                        out[k + j] = out[k + j].upper()
                    taken[k + j] = True
            start = end
    result = "".join(out)
    return result[:1].upper() + result[1:]


def person_name(text: str) -> bool:
    """Two to five capitalised words, no digits: the name under a signature."""
    words = text.split()
    return (2 <= len(words) <= 5 and all(w[:1].isupper() for w in words) and not any(c.isdigit() for c in text)
            and not _caps(text) and not text.endswith((":", ";", ".")))


def signer(lines: list[Line], start: int, end: int) -> str | None:
    """The name under the signature title (after nơi nhận, or before it)."""
    texts = [lines[i].text for i in range(start, end) if lines[i].text]
    titles = [k for k, t in enumerate(texts) if _SIGNATURE_TITLE.match(t) and _caps(t)]
    for k in titles:
        for t in texts[k + 1:k + 6]:
            if _FOOTER.match(t):
                break
            if person_name(t):
                return t.strip(" *")
    return None


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) / len(letters) > 0.8


# --- What the letterhead lacks -------------------------------------------------------------

def _fallbacks(h: Header, lines: list[Line], start: int, end: int) -> None:
    """Fill what the letterhead did not give from the site's metadata box, a news page's
    lead sentence, a công điện's "… điện:" line and the signature block."""
    h.signer = signer(lines, h.body_end, end)
    site = h.site
    lead = _lead(lines, start, h.body_end)
    if not h.number:
        if site.get("number") and re.fullmatch(NUMBER, site["number"].strip()):
            h.number = site["number"].strip()
        elif lead:
            h.number = lead.group("number")
    if h.date is None and not h.bad_date:
        if site.get("date"):
            m = _NUMERIC_DATE.search(site["date"])
            if m:
                checked = checked_date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
                h.date = checked or None
        if h.date is None and lead:
            checked = checked_date(int(lead.group("y")), int(lead.group("m")), int(lead.group("d")))
            h.date = checked or None
    if not h.issuer:
        if site.get("issuer"):
            h.issuer = site["issuer"].strip()
        elif lead:
            h.issuer = _clean_issuer(lead.group("issuer"))
    if not h.kind:
        h.kind = (site.get("kind") or (lead.group("kind") if lead else None) or _kind_of_number(h.number))
        if h.kind:
            h.kind = h.kind[:1].upper() + h.kind[1:].lower() if _caps(h.kind) else h.kind
    if not h.signer and site.get("signer") and person_name(site["signer"]):
        h.signer = site["signer"].strip()


def _lead(lines: list[Line], start: int, end: int):
    """"Ngày 29/5/2025, Thủ tướng Chính phủ đã ban hành Công điện 78/CĐ-TTg …" in the first
    paragraphs of a page without a letterhead."""
    seen = 0
    for first, p in paragraphs_with_lines(lines, start, end):
        m = _LEAD.search(p[:400])
        if m:
            return m
        seen += 1
        if seen >= 6:
            break
    return None


def _clean_issuer(text: str) -> str:
    words = text.split()
    while words and fold(words[0]) in ("thi", "thu"):   # "… thì Thủ tướng"
        words.pop(0)
    return proper_case(" ".join(words).strip(" ,"))


def _kind_of_number(number: str | None) -> str | None:
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
            year = max(set(years), key=years.count) if years else (today or date.today()).year
            year = int(year)
    checked = checked_date(year, month, day)
    return checked or None


def province_of(h: Header, header_text: str, body_text: str) -> str | None:
    """A national document has no province; a local one has the province of its issuer, or of
    its place line, or (a news page) the one it names most."""
    issuer = fold(h.issuer or "")
    found = _province_in(h.issuer or "")
    if found:
        return found
    if h.issuer and (any(k in issuer for k in _CENTRAL) or issuer.startswith(_CENTRAL_HEADS)):
        return None
    if h.place:
        found = _province_in(h.place)
        if found:
            return found
    key = accent_key(header_text)
    for kp, p in _KEYED_PROVINCES:
        if re.search(rf"(?<!\w)(?:tỉnh|thành phố|tỉnh ủy|thành ủy) {re.escape(kp)}(?!\w)", key):
            return p
    if h.letterhead:
        return None
    counts: dict[str, int] = {}
    body_key = accent_key(body_text)
    for kp, p in _KEYED_PROVINCES:
        n = len(re.findall(rf"(?<!\w){re.escape(kp)}(?!\w)", body_key))
        if n:
            counts[p] = n
    return max(counts, key=lambda p: counts[p]) if counts else None
