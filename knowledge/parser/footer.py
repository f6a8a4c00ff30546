"""The end of a notice: nơi nhận (who receives copies) and the signature block (quyền hạn,
chức vụ, the signer's name). Neither is ever an item; the signer's name is read from it.

A decision often issues a plan or a regulation "kèm theo" (attached): after the signature
comes "KẾ HOẠCH … (Ban hành kèm theo Quyết định số …)" with the tasks and deadlines the
decision is about. `annex` finds it so that the body goes on there instead of ending."""
from __future__ import annotations

import re

from knowledge.parser.cleaning import Line
from knowledge.parser.names import caps as _caps, person_name
from knowledge.text import fold

_URL = re.compile(r"://|^www\.", re.IGNORECASE)
_FOOTER = re.compile(r"^(?:Nơi\s+nhận|Noi\s+nhan)\b", re.IGNORECASE)
_SIGNATURE_TITLE = re.compile(
    r"^(?:T/?M\s*\.?|KT\s*\.|Q\s*\.|TL\s*\.|TUQ\s*\.|TM\s|KT\s|"
    r"THỦ TƯỚNG|PHÓ THỦ TƯỚNG|BỘ TRƯỞNG|THỨ TRƯỞNG|CHÁNH VĂN PHÒNG|PHÓ CHÁNH VĂN PHÒNG|"
    r"BÍ THƯ|PHÓ BÍ THƯ|CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC|PHÓ GIÁM ĐỐC|TRƯỞNG BAN|PHÓ TRƯỞNG BAN|"
    r"CỤC TRƯỞNG|PHÓ CỤC TRƯỞNG|TỔNG CỤC TRƯỞNG|VỤ TRƯỞNG|CHÁNH THANH TRA|THỐNG ĐỐC|"
    r"PHÓ THỐNG ĐỐC|TRƯỞNG|KT\.|TM\.)(?=[\s.]|$)")


def footer_start(lines: list[Line], body: int, end: int) -> int:
    """The first line of nơi nhận or of the signature block; the body ends with "./."."""
    for i in range(body, end):
        text = lines[i].text
        if not text:
            continue
        if _FOOTER.match(text):
            return i
        if _SIGNATURE_TITLE.match(text) and _caps(text) and len(text) < 80 and _signature_follows(lines, i, end):
            return i
        if _signature_title(text) and not _caps(text) and person_name(_bare(_next(lines, i, end))):
            return i                                    # "Chủ tịch UBND xã" / "Trần Văn Bình" typed in a chat
        if text.endswith("/.") and not _URL.search(text.rsplit(None, 1)[-1]):
            return i + 1                                # "… thực hiện./.", not "… tại website: https://…/."
    return end


def _next(lines: list[Line], i: int, end: int) -> str:
    return next((lines[k].text for k in range(i + 1, end) if lines[k].text), "")


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


def signer(lines: list[Line], start: int, end: int) -> str | None:
    """The name under the signature title (after nơi nhận, or before it). The title may be
    typed in running case in a chat ("Chủ tịch UBND xã" / "Trần Văn Bình"), and a copy may
    break the name across lines ("**Phạm" / "Chí Thanh**"): a lone capitalised word next to
    a name is part of it, never a name of its own."""
    texts = [_bare(lines[i].text) for i in range(start, end) if _bare(lines[i].text)]
    titles = [k for k, t in enumerate(texts) if _signature_title(t)]
    for k in titles:
        block = texts[k + 1:k + 7]
        for j, t in enumerate(block[:5]):
            if _FOOTER.match(t):
                break
            nxt = block[j + 1] if j + 1 < len(block) else ""
            joined = f"{t} {nxt}"
            if nxt and (_one_word(t) or _one_word(nxt)) and not _caps(t) and not _caps(nxt) \
                    and person_name(joined) and not _FOOTER.match(nxt):
                return joined
            if person_name(t):
                return t
    return None


def _bare(text: str) -> str:
    return text.strip(" *_")


def _one_word(text: str) -> bool:
    """A lone capitalised word: half of a name broken across two lines."""
    return len(text.split()) == 1 and text[:1].isupper() and text[1:].islower() and text.isalpha()


_TITLE_WORDS = re.compile(
    r"^(?:(?:T/?M|KT|TL|TUQ|Q)\s*\.\s*)?(?:Phó\s+)?(?:Chủ\s+tịch|Giám\s+đốc|Trưởng\s+(?:ban|phòng|thôn|ấp|khu)|"
    r"Bí\s+thư|Chánh\s+văn\s+phòng|Cục\s+trưởng|Vụ\s+trưởng|Hiệu\s+trưởng|Bộ\s+trưởng|Thứ\s+trưởng)\b",
    re.IGNORECASE)


def _signature_title(text: str) -> bool:
    """A signature title: in capitals as Decree 30 writes it, or in running case as typed in a
    message — short, no sentence, no name of its own."""
    if _SIGNATURE_TITLE.match(text) and _caps(text):
        return True
    return (len(text) <= 60 and _TITLE_WORDS.match(text) is not None and not text.endswith((".", ":", ";", ","))
            and not person_name(text))


# "(Ban hành kèm theo Quyết định số 1627/QĐ-UBND ngày …)", "(Kèm theo Nghị quyết số …)"
ANNEX_LINE = re.compile(r"^[*_\s]*(?:[-–]\s*)?\(?\s*(?:Ban\s+hành\s+)?[Kk]èm\s+theo\s+(?:Quyết\s+định|Nghị\s+quyết|Chỉ\s+thị|"
                        r"Công\s+văn|Thông\s+tư|Kế\s+hoạch|Thông\s+báo|Văn\s+bản)\b.{0,300}$", re.IGNORECASE)
# the same closing a short paragraph that joined it to the plan's name
ANNEX_TAIL = re.compile(r"[*_\s]*\(\s*(?:Ban\s+hành\s+)?[Kk]èm\s+theo\s+(?:Quyết\s+định|Nghị\s+quyết|Chỉ\s+thị|"
                        r"Công\s+văn|Thông\s+tư|Kế\s+hoạch|Thông\s+báo|Văn\s+bản)\b[^()]{0,300}\)[*_\s]*$", re.IGNORECASE)
ANNEX_KIND = re.compile(r"^[#*_\s]*(?:KẾ HOẠCH|QUY CHẾ|QUY ĐỊNH|PHƯƠNG ÁN|CHƯƠNG TRÌNH|HƯỚNG DẪN|ĐIỀU LỆ|ĐỀ ÁN|"
                         r"DANH MỤC|PHỤ LỤC|LỊCH)\b")


def _wrapped_annex_line(lines: list[Line], i: int, end: int) -> bool:
    """"(Ban" alone on its line, "hành kèm theo Quyết định số …" on the next: a page that kept the
    printed line breaks splits the annex line after its first word."""
    text = lines[i].text.strip()
    if not text or len(text) > 12 or i + 1 >= end:
        return False
    return ANNEX_LINE.match(f"{text} {lines[i + 1].text.strip()}") is not None


def annex(lines: list[Line], start: int, end: int, announced: str = "") -> tuple[int, int] | None:
    """[first, last) lines of a plan or regulation attached after the signature: its kind in
    capitals, then within a few non-blank lines "(… kèm theo <document> số …)"; it ends at its own
    nơi nhận or signature, if any. Without that line, the kind line alone opens the annex when
    the document's body `announced` it ("Điều 1. Ban hành kèm theo Quyết định này Kế hoạch …"):
    Decree 30/2020 attaches the issued text after the decision's signature."""
    found = []
    for i in range(start, end):
        if not (ANNEX_LINE.match(lines[i].text) or _wrapped_annex_line(lines, i, end)):
            continue
        above = [k for k in range(i - 1, start - 1, -1) if lines[k].text.strip()][:6]   # blank lines do not count
        k = next((k for k in above if ANNEX_KIND.match(lines[k].text)), None)
        if k is not None:
            found.append((k, footer_start(lines, i + 1, end)))
            break
    kinds = {" ".join(fold(m.group(1)).split()) for m in _ANNOUNCES.finditer(announced)}
    for i in range(start, found[0][0] if found else end):
        m = ANNEX_KIND.match(lines[i].text)
        if m and " ".join(fold(m.group(0).strip("#*_ ")).split()) in kinds and lines[i].text.strip("#*_ ").isupper():
            # the issued plan itself, printed without its "kèm theo" line, comes before a later
            # "PHỤ LỤC … (Kèm theo Quyết định …)" table: the plan is the annex that orders
            found.append((i, footer_start(lines, i + 1, end)))
            break
    return min(found) if found else None


_NOTE = re.compile(r"^(?:Ghi\s+chú|Lưu\s+ý)\s*:\s*\w", re.IGNORECASE)


def closing_note(lines: list[Line], start: int, end: int) -> tuple[int, int] | None:
    """[first, last) lines of a note printed under the signature, which belongs to the notice:
    "Ghi chú: Kết quả xác định trước mã số trên chỉ có giá trị sử dụng đối với tổ chức, cá nhân
    đã gửi đề nghị …" under every customs ruling. It runs to a blank line or the end of its
    sentence, never into what a web page prints after the document."""
    for i in range(start, end):
        if not _NOTE.match(lines[i].text):
            continue
        k = i
        while k < end and lines[k].text and not lines[k].text.rstrip(" *").endswith((".", "!", "?")):
            k += 1
        return i, min(end, k + 1)
    return None


# "Ban hành kèm theo Quyết định này Kế hoạch …", "Phê duyệt Kế hoạch … (kèm theo)": the kind of
# text the decision issues, which then follows its signature
_ANNOUNCES = re.compile(r"kèm\s+theo\s+(?:Quyết\s+định|Nghị\s+quyết|Chỉ\s+thị|Văn\s+bản)\s+này\s+[“\"]?(?:bản\s+)?"
                        r"(Kế\s+hoạch|Quy\s+chế|Quy\s+định|Phương\s+án|Chương\s+trình|Hướng\s+dẫn|Điều\s+lệ|Đề\s+án|"
                        r"Danh\s+mục|Lịch)\b", re.IGNORECASE)
