"""Who must act on a directive: the bodies it addresses, from the catalogue in
knowledge/units.py.

A directive names who acts at its start — "Sở Y tế chủ trì, phối hợp với UBND các huyện:",
"Giao Công an tỉnh …", "Bộ trưởng Bộ Quốc phòng chỉ đạo …" — or its heading does
("1. Công an tỉnh" over its bullets). Words further on name whom to report to, whom to
mobilise or what to protect ("báo cáo UBND tỉnh", "huy động lực lượng quân đội"): those do
not act. So only the addressee at the start of a directive (or of a clause that hands a
task over: "…; giao Sở Tài chính …") counts; an item without one takes its heading's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.text import fold
from knowledge.units import CATALOGUE, Body


@dataclass(frozen=True)
class Actor:
    name: str          # as the catalogue shows it: "Sở Y tế"
    unit: str          # sector code
    level: str         # central | province | district | commune | ""

    def to_dict(self) -> dict:
        return {"name": self.name, "unit": self.unit, "level": self.level}


_WORD = re.compile(r"[a-z0-9&]+|[,;:.()]")


def _words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


def _trie(bodies) -> dict:
    root: dict = {}
    for body in bodies:
        for spelling in body.spellings:
            node = root
            for w in _words(spelling):
                node = node.setdefault(w, {})
            node.setdefault("$", body)
    return root


_TRIE = _trie(CATALOGUE)
_MAX_WORDS = 80                    # an addressee stands in the first words of a directive

# Words around and between addressees: titles of the people who head a body, "các", "và",
# commas, and the "chủ trì, phối hợp với" that introduces partners.
_FILLER = tuple(tuple(p.split()) for p in sorted((
    "giao", "de nghi", "yeu cau", "giao :", "de nghi :", "yeu cau :", "cac", "cac dong chi", "dong chi", "va", "voi", ",", ";", "(", ")",
    "bo truong", "thu truong", "thu truong cac", "chu tich", "pho chu tich", "giam doc", "bi thu",
    "pho bi thu", "truong ban", "lanh dao", "nguoi dung dau", "tong giam doc", "thong doc",
    "chanh van phong", "tong cuc truong", "cuc truong", "chi cuc truong", "vien truong",
    "chu tri", "chu tri phoi hop voi", "phoi hop voi", "phoi hop", "chu tri,", "cung",
    "ban thuong vu", "thuong truc", "tap the lanh dao", "nguoi dung dau cac", "thu truong co quan",
    "cac co quan", "cac don vi", "co quan", "don vi", "truc tiep"),
    key=lambda p: -len(p.split())))
_PARTNER = ("chu", "tri"), ("phoi", "hop")
# Words after a body name that give its level: "UBND các xã, phường", "Công an tỉnh".
_LEVEL_WORDS = {("tinh",): "province", ("thanh", "pho", "truc", "thuoc", "trung", "uong"): "province",
                ("thanh", "pho"): "province", ("huyen",): "district", ("quan",): "district",
                ("thi", "xa"): "district", ("xa",): "commune", ("phuong",): "commune",
                ("thi", "tran"): "commune", ("dac", "khu"): "commune", ("co", "so"): "commune",
                ("trung", "uong"): "central"}
_LEVEL_FILLER = {"cac", "cap", ",", "va", "tren", "dia", "ban"}
# a table's lead column: "Cơ quan chủ trì:", and a calendar's "Đơn vị chịu trách nhiệm phổ biến:"
# and an annex table's bare "CHỦ TRÌ: Sở Tài chính" cell (after the row's task: "…. CHỦ TRÌ: …; PHỐI HỢP: …")
_LEADS = re.compile(r"(?:(?:Cơ quan|Đơn vị)(?:\s*/\s*(?:cơ quan|đơn vị))? (?:chủ trì|thực hiện|chịu trách nhiệm"
                    r"(?:\s+[^\W\d]+){0,2})|(?:^|(?<=[.;]\s))Chủ trì(?: thực hiện)?)\s*:\s*", re.IGNORECASE)
_INTRODUCTIONS = {"can cu", "tren co", "theo do", "de thuc", "de dam", "de bao", "tu ngay", "sau khi", "doi voi",
                  "trong qua", "trong thoi", "ngay ,"}
_HAND_OVER = re.compile(r"(?:^|[;.:]\s*|,\s*)(?:giao|đề nghị|yêu cầu)\s*:?\s+", re.IGNORECASE)


def addressees(text: str) -> tuple[list[Actor], bool]:
    """The bodies a directive addresses at its start, or in a clause that hands a task over
    ("…, giao Sở Y tế chủ trì"); [] when it names none. The flag says they are only partners
    ("Chủ trì, phối hợp với Sở Y tế …" under a heading that names who leads)."""
    words = _words(text[:600])
    found = _leading(words)
    partners = words[:2] in (list(_PARTNER[0]), list(_PARTNER[1]))
    if found and not (partners and _LEADS.search(text[:2000])):    # a row's lead cell outranks a task's partners
        return found, partners
    if "," in words[:10] and " ".join(words[:2]) in _INTRODUCTIONS:   # "Căn cứ kế hoạch này, Giám đốc các Sở …"
        found = _leading(words[words.index(",") + 1:])
        if found:
            return found, False
    lead = _LEADS.search(text[:2000])                   # a plan's table: "Cơ quan chủ trì: Sở Y tế"
    if lead:
        found = _leading(_words(text[lead.end():lead.end() + 300]))
        if found:
            return found, False
    for m in _HAND_OVER.finditer(text[:600]):
        found = _leading(_words(text[m.start():m.start() + 300]))
        if found:
            return found, False
    return [], False


# What may follow the addressees of a heading: "Sở Y tế chủ trì, phối hợp với …:", "Bộ trưởng
# Bộ Tài chính chủ trì:", "Ủy ban nhân dân các tỉnh tập trung thực hiện các nhiệm vụ sau:".
_HEADING_TAIL = {"chu", "tri", "phoi", "hop", "voi", "thuc", "hien", "tap", "trung", "co", "trach", "nhiem", "cac",
                 "nhiem", "vu", "sau", "nhu", "cu", "the", "trien", "khai", "noi", "dung", "va", ",", ";", ":",
                 "(", ")", "theo", "chuc", "nang", "duoc", "giao", "khan", "truong"}


_ORDERS = re.compile(r"\b(?:lanh dao|chi dao)\b")     # "… lãnh đạo UBND tỉnh chỉ đạo:" orders something


def addressee_line(text: str) -> bool:
    """A heading that only names who acts ("3. Bộ trưởng Bộ Nông nghiệp và Môi trường:", "1. Sở
    Y tế chủ trì, phối hợp với UBND các huyện:"): its content is its children."""
    if not text.rstrip(" *").endswith(":"):
        return False
    words = _words(text)
    if not _leading(words) or len(words) > 40 or _ORDERS.search(" ".join(words[1:])):
        return False
    rest = _strip_actors(words)
    return all(w in _HEADING_TAIL for w in rest)


def names_only(text: str) -> bool:
    """Whether a text is only bodies' names and the words between them ("Các bộ, cơ quan ngang bộ;")."""
    words = _words(text)
    return bool(_leading(words)) and not _strip_actors(words)


def _strip_actors(words: list[str]) -> list[str]:
    """The words of a text that are neither a body's name nor words around names."""
    out, i, n = [], 0, len(words)
    while i < n:
        body, end = _longest(words, i, n)
        if body is not None:
            i = _level_after(words, end, n)[1] if _level_spelled(body, words, end) else end
            continue
        j = _skip_filler(words, i)
        if j > i:
            i = j
            continue
        out.append(words[i])
        i += 1
    return out


_ASKS = {("giao",), ("de", "nghi"), ("yeu", "cau")}
# A body that directs those below it ("Trung tâm Y tế huyện chỉ đạo các Trạm Y tế xã …"): the
# bodies directed do the work, and the one directing answers for it, so both act, each at its level.
_DIRECTS = ("chi", "dao")


def _leading(words: list[str]) -> list[Actor]:
    """The bodies at the start of `words`. In "Bộ Tài chính đề nghị các địa phương …" the body
    before the verb only speaks: those after it act (the speaker stays when none follows)."""
    out: list[Actor] = []
    speaker: list[Actor] = []
    i, n = 0, min(len(words), _MAX_WORDS)
    while i < n:
        body, end = _longest(words, i, n)
        k = _level_after(words, i, n)[1] if body is None and out else i   # "Trung tâm Y tế huyện chỉ đạo"
        if body is None and out and tuple(words[k:k + 2]) == _DIRECTS:
            i = _skip_filler(words, k + 2)   # "Công an huyện chỉ đạo Công an các xã …": both act
            continue
        if body is None:
            j = _skip_filler(words, i)
            if j == i:
                break
            if out and any(tuple(words[i:i + len(v)]) == v for v in _ASKS):
                speaker, out = out, []
            i = j
            continue
        level, end = _level_after(words, end, n) if not body.level else \
            (body.level, _level_after(words, end, n)[1] if _level_spelled(body, words, end) else end)
        actor = Actor(body.name, body.unit, level)
        if actor not in out:
            out.append(actor)
        i = end
    return out or speaker


# a name ending with its province: "Thuế tỉnh", "Thống kê thành phố" (not "các bộ, cơ quan", whose "quan"
# is no "quận", nor "… Trung ương, địa phương")
_LEVEL_ENDS = (("tinh",), ("thanh", "pho"))


def _level_spelled(body: Body, words: list[str], end: int) -> bool:
    """Whether the level words after a body are still its name: none when its level is the
    notice's to say, and when its name ends with one ("Thuế tỉnh, thành phố", "Thống kê tỉnh, TP")
    the others listed after it, so the bodies after them ("… chủ trì, phối hợp với các sở") are read."""
    return not body.level or any(tuple(words[end - len(e):end]) == e for e in _LEVEL_ENDS)


def _skip_filler(words: list[str], i: int) -> int:
    for phrase in _FILLER:
        if tuple(words[i:i + len(phrase)]) == phrase:
            return i + len(phrase)
    return i


def _longest(words: list[str], i: int, n: int) -> tuple[Body | None, int]:
    node, best, end = _TRIE, None, i
    k = i
    while k < n and words[k] in node:
        node = node[words[k]]
        k += 1
        if "$" in node:
            best, end = node["$"], k
    return best, end


def _level_after(words: list[str], i: int, n: int) -> tuple[str, int]:
    """The level the words after a generic name give it, and where those words end."""
    level, k = "", i
    while k < n:
        if words[k] in _LEVEL_FILLER:
            k += 1
            continue
        for phrase, value in sorted(_LEVEL_WORDS.items(), key=lambda p: -len(p[0])):
            if tuple(words[k:k + len(phrase)]) == phrase:
                level = level or value
                k += len(phrase)
                break
        else:
            break
    if not level:
        return "", i
    return level, k


def units_of(actors: list[Actor]) -> list[str]:
    return list(dict.fromkeys(a.unit for a in actors))


def assign(root, default: list[Actor]) -> dict[int, list[Actor]]:
    """Who must act on every node of a body tree (knowledge/parser/body.py), by node id: whom
    it addresses, else whom its heading (or the document, `default`) addresses; "Chủ trì,
    phối hợp với X" under a heading adds X to the heading's. A lead-in that addresses someone
    ("Sở Nội vụ đề nghị các doanh nghiệp … thực hiện báo cáo như sau:") addresses the parts
    after it too, rather than leaving them to every unit."""
    out: dict[int, list[Actor]] = {}

    def walk(node, inherited: list[Actor]):
        for child in node.children:
            own, partners = addressees(child.text)
            actors = own if own and not partners else list(dict.fromkeys([*inherited, *own]))
            out[id(child)] = actors
            walk(child, actors)
            if own and not partners and child.text.rstrip(" *").endswith(":") and not child.children \
                    and not _enacts(child.text):
                inherited = own

    walk(root, default)
    return out


def _enacts(text: str) -> bool:
    """"Ủy ban nhân dân Tỉnh ban hành Kế hoạch … như sau:": the issuer names itself enacting the
    document; it does not thereby act on every part after it (a row's "CHỦ TRÌ", a point's own
    body, or nobody named: every unit). Only a lead-in that hands work over addresses the parts."""
    words = _words(text[:300])
    i, n = 0, len(words)
    while i < n:
        body, end = _longest(words, i, n)
        j = _level_after(words, end, n)[1] if body is not None else _skip_filler(words, i)
        if j == i:
            break
        i = j
    return i > 0 and "ban hanh" in " ".join(words[i - 1:i + 2])     # (the "ban" of "địa bàn" may be skipped)
