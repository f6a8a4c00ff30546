"""Names in a notice: of bodies (a letterhead's "ỦY BAN NHÂN / DÂN / TỈNH NGHỆ AN"), of places
(the provinces) and of people (the signer), and how capitals are written as running text.

Province names are compared with their accents (lower case, one placement of tone marks):
folded to ASCII, "diễn biến" would be the province Điện Biên.
"""
from __future__ import annotations

import re

from knowledge.parser.cleaning import VOCAB
from knowledge.text import fold
from knowledge.units import CATALOGUE

ACRONYMS = {"UBND", "HĐND", "BCĐ", "MTTQ", "CDC", "TTHC", "COVID-19", "GDP", "GRDP", "EVN", "WHO", "ASEAN", "UNESCO",
            # Roman numerals of a congress, a term or a quarter ("ĐẠI HỘI LẦN THỨ XIV", "KHÓA XVI"); not
            # the one-letter ones nor "VI", which are Vietnamese words ("vi phạm") as well
            "II", "III", "IV", "VII", "VIII", "IX", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"}
# Words that begin the name of a body in a letterhead line (where a new name starts).
_HEADS = tuple(tuple(h.split()) for h in (
    "uy ban nhan dan", "ubnd", "hoi dong nhan dan", "bo", "so", "van phong", "ban", "cuc", "tong cuc",
    "chi cuc", "thu tuong", "tinh uy", "thanh uy", "huyen uy", "thi uy", "dang uy", "dang bo", "uy ban",
    "trung tam", "benh vien", "truong", "cong an", "bo chi huy", "bo tu lenh", "quan khu", "ngan hang",
    "kho bac", "thue", "bao hiem xa hoi", "lien doan", "tong lien doan", "mat tran", "tong cong ty", "tap doan",
    "vien", "hoc vien", "dai hoc", "toa an", "kiem toan", "thanh tra", "hoi"))
_GENERIC_SUBS = ("van phong", "ban thuong vu", "thuong truc", "uy ban kiem tra", "ban to chuc",
                 "ban tuyen giao", "ban dan van", "ban noi chinh", "ban kinh te", "ban tuyen giao va dan van",
                 "dang uy")
_PARTY = ("tinh uy", "thanh uy", "huyen uy", "thi uy", "dang uy", "dang bo", "ban chap hanh trung uong")
_CENTRAL = ("chinh phu", "trung uong", "quoc hoi", "nha nuoc", "toi cao", "viet nam", "bo chinh tri",
            "ban bi thu", "thu tuong")
_CENTRAL_HEADS = ("bo ", "cuc ", "tong cuc ")

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

# Known names by their letters without marks, when only one name has those letters: OCR drops or
# turns tone marks on bold capitals ("CỤC THUÊ"), and no two bodies differ only by a mark.
_BY_LETTERS: dict[str, list[str]] = {}
for _name in _NAMES:
    _BY_LETTERS.setdefault(fold(_name), []).append(_name)
_KNOWN_BY_LETTERS = {k: v[0].upper() for k, v in _BY_LETTERS.items() if len(v) == 1 and " " in k}


def starts_with_head(line: str) -> bool:
    """The line begins with a body's head word ("ỦY BAN NHÂN DÂN", "SỞ", "BAN CHỈ ĐẠO")."""
    words = fold(line).replace(",", " ").split()
    return any(tuple(words[:len(h)]) == h for h in _HEADS)


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
    -> "Văn phòng Tỉnh ủy Lai Châu"). A name that is a known body's but for its tone marks
    (a scan's "CỤC THUÊ") is that body."""
    names = [_KNOWN_BY_LETTERS.get(fold(n), n) if caps(n) else n for n in names]
    names = [n for n in names if any(c.isalpha() for c in n)]
    if not names:
        return None
    issuer = names[-1]
    if len(names) == 1:
        return _place_at_end(proper_case(issuer))
    parent = names[-2]
    fi, fp = fold(issuer), fold(parent)
    if province_in(issuer) or re.search(r"\b(?:tinh|thanh pho|huyen|xa|phuong)\b", fi):
        return _place_at_end(proper_case(issuer))
    if fp.startswith("ban chap hanh trung uong"):
        return "Văn phòng Trung ương Đảng" if fi == "van phong" else f"{proper_case(issuer)} Trung ương"
    if fi in _GENERIC_SUBS or (fp.startswith(_PARTY) and fi.startswith("ban ")):
        return f"{proper_case(issuer)} {proper_case(parent)}"
    m = re.search(r"(?<!\w)(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG)\s+(.+)$", parent, re.IGNORECASE)
    if m:
        return f"{proper_case(issuer)} {m.group(1).lower()} {place_case(m.group(2))}"
    return proper_case(issuer)


_BELOW_PROVINCE = ("xa", "phuong", "tran", "huyen", "quan", "thon", "ap", "ban", "to", "khu")


def province_in(text: str) -> str | None:
    """The province a text names; not a commune or district that bears a province's name
    ("UBND xã Hòa Bình" says nothing of its province)."""
    key = accent_key(text)
    for kp, p in _KEYED_PROVINCES:
        for m in re.finditer(rf"(?<!\w){re.escape(kp)}(?!\w)", key):
            before = fold(key[max(0, m.start() - 12):m.start()]).split()
            if not before or before[-1] not in _BELOW_PROVINCE:
                return p
    return None


def proper_case(text: str) -> str:
    """A name written in capitals as running text writes it: "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"
    -> "Ủy ban nhân dân tỉnh Nghệ An". Known names (names.txt, units.tsv, provinces) give the
    case; the letters and accents stay the document's."""
    text = " ".join(text.split())
    if not caps(text):
        return text[:1].upper() + text[1:]
    lower = " ".join(w if any(c.isdigit() for c in w) or w in ACRONYMS else w.lower() for w in text.split())
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
    result = _caps_kept("".join(out), text)
    return result[:1].upper() + result[1:]


# An organ's name in capitals that ends with a level and a place the catalogue does not know ("ỦY BAN
# NHÂN DÂN XÃ TRIỆU PHONG"): the place is a proper name. Not "xã hội", "huyện ủy", "xã đội".
_TRAILING_PLACE = re.compile(r"(?<!\w)(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu|"
                             r"(?:tỉnh|thành|huyện|quận|thị) (?:ủy|uỷ))"
                             r" (?!(?:hội|ủy|uỷ|đội|đoàn)\b)((?:[^\W\d]+ ?){1,4})$", re.IGNORECASE)


def _place_at_end(text: str) -> str:
    m = _TRAILING_PLACE.search(text)
    if not m or not m.group(2).islower():
        return text
    return f"{text[:m.start(2)]}{place_case(m.group(2))}"


def place_case(name: str) -> str:
    """The name of a place that ends a letterhead line ("HỒ CHÍ MINH", "HÒA BÌNH"): a proper
    name, every syllable capitalised as Vietnamese writes names."""
    return " ".join(w if any(c.isdigit() for c in w) else w[:1].upper() + w[1:].lower() for w in name.split())


# A Vietnamese syllable has a vowel: a capitalised word without one ("TMS", "BHXH", "CNTT") is an acronym.
_VOWEL = re.compile(r"[aeiouy]")
# "… PHÓ THỦ TƯỚNG CHÍNH PHỦ HỒ QUỐC DŨNG TẠI …": the two to four words after a leader's title
# and before the sentence goes on are the leader's name
_LEADER = re.compile(r"\b((?:phó )?thủ tướng(?: chính phủ)?|đồng chí|bộ trưởng bộ [^\W\d]+(?: [^\W\d]+){0,3}?|"
                     r"chủ tịch nước|tổng bí thư) ((?:[^\W\d]+ ){1,3}[^\W\d]+)(?= (?:tại|về|với|làm|khi|trong|đã|chủ trì)\b|[,:;.])",
                     re.IGNORECASE)
# "đồng chí Bí thư Tỉnh ủy tại …": a title, not a name
_TITLE_WORDS = re.compile(r"^(?:chinh phu|bi thu|chu tich|pho|giam doc|truong|tong|thu truong|uy vien|can bo|lanh dao|bo truong)\b")


def _caps_kept(lower: str, original: str) -> str:
    """Acronyms (no vowel) keep their capitals; a leader's name after the title gets its own."""
    words = original.split()
    out = [w if not _VOWEL.search(fold(w)) and len(w) > 1 and w.isupper() else lw
           for w, lw in zip(words, lower.split())]
    text = " ".join(out)
    return _LEADER.sub(lambda m: m.group(0) if _TITLE_WORDS.match(fold(m.group(2)))
                       else f"{m.group(1)} {place_case(m.group(2))}", text)


def person_name(text: str) -> bool:
    """Two to five capitalised words, no digits: the name under a signature."""
    words = text.split()
    return (2 <= len(words) <= 5 and all(w[:1].isupper() for w in words) and not any(c.isdigit() for c in text)
            and not caps(text) and not text.endswith((":", ";", ".")))



def caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and sum(c.isupper() for c in letters) / len(letters) > 0.8



def province_of(issuer: str | None, place: str | None, letterhead: bool, header_text: str,
                body_text: str) -> str | None:
    """A national document has no province; a local one has the province of its issuer, or of
    its place line, or (a news page) the one it names most."""
    found = province_in(issuer or "")
    if found:
        return found
    if issuer and is_central(issuer):
        return None
    if place and not _below_province(issuer):
        found = province_in(place)
        if found:
            return found
    key = accent_key(header_text)
    for kp, p in _KEYED_PROVINCES:
        if re.search(rf"(?<!\w)(?:tỉnh|thành phố|tỉnh ủy|thành ủy) {re.escape(kp)}(?!\w)", key):
            return p
    if letterhead:
        return None
    counts: dict[str, int] = {}
    body_key = accent_key(body_text[:20_000])          # a news page names its province early
    for kp, p in _KEYED_PROVINCES:
        n = len(re.findall(rf"(?<!\w){re.escape(kp)}(?!\w)", body_key))
        if n:
            counts[p] = n
    return max(counts, key=lambda p: counts[p]) if counts else None


def _below_province(issuer: str | None) -> bool:
    """A commune's or a district's body: its place line names the commune, not a province."""
    return bool(issuer) and re.search(r"\b(?:xa|phuong|thi tran|huyen|quan)\s+\S", fold(issuer)) is not None


def is_central(issuer: str) -> bool:
    """A body of the State or the Party at the centre (a national document has no province)."""
    folded = fold(issuer)
    return not province_in(issuer) and (any(k in folded for k in _CENTRAL) or folded.startswith(_CENTRAL_HEADS))
