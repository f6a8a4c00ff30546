"""Whether a page orders anything at all, and which of its paragraphs only state or explain.

Many pages admins paste are not directives: a legal Q&A page reporting a tax office's advice to
taxpayers, a news item announcing a system downtime, a decree's articles stating rules. Their
paragraphs still read like points ("- Cá nhân rà soát …"), so the tree makes items of them and,
without this check, the bot would push them to units as tasks. The decision uses general
evidence, never a list of known documents:

- a document typed with its own letterhead or kind line (công điện, chỉ thị, kế hoạch …), or
  shown in full by a legal library under its metadata box, is trusted to order what its points
  say: its items are all kept;
- a normative text (Luật, Nghị định, Thông tư) states rules, whoever pastes it;
- a page without its own letterhead that names the document it is about orders something only when a
  paragraph sets a firm deadline, or when more of its paragraphs assign work ("giao", "yêu cầu",
  "chủ trì", "khẩn trương", "triển khai", "có trách nhiệm" …) than explain ("khuyến khích",
  "khuyến cáo", "sẽ", "bị xử phạt", "có quyền", "có thể", "trường hợp … thì", "câu hỏi",
  "trả lời"); a tie, or a page with neither, keeps its items: wrongly silencing a real order
  costs more than a stray item.

A page that orders nothing keeps its paragraphs as context (searchable, never a directive, no
deadlines), and the import preview says so (warning "orders_nothing")."""
from __future__ import annotations

import re

from knowledge.parser.actors import addressees
from knowledge.text import fold

# Assigning or urging work, in the present (not "sẽ triển khai", "đã chỉ đạo", "được giao").
_ASSIGNS = re.compile(
    r"(?<!\bse )(?<!\bda )(?<!\bduoc )\b(?:giao(?! (?:thong|duc|dich|luu|tiep|nhan|dat|ket|dien)\b)|yeu cau|de nghi|"
    r"chi dao|chu tri|khan truong|co trach nhiem|chiu trach nhiem|to chuc thuc hien|trien khai|don doc|tham muu|"
    r"truoc ngay|hoan thanh (?:truoc|trong)|kip thoi|nghiem tuc|quyet liet|tap trung|chu dong|tang cuong|day manh|"
    r"ra soat|phoi hop)\b")
# Explaining, advising or announcing: what may or will happen, what the law allows or punishes.
_STATES = re.compile(r"\b(?:khuyen khich|khuyen cao|truong hop\b[^.;]{0,120}\bthi|se|bi xu (?:ly|phat)|co quyen|"
                     r"duoc hieu|cau hoi|tra loi|co the)\b")
# Texts that state rules for everyone rather than tasks for someone.
NORMATIVE_KINDS = {"luat", "bo luat", "nghi dinh", "thong tu", "thong tu lien tich"}
# Deadline kinds that start or date something rather than make it due.
_NOT_FIRM = {"from", "after", "on"}


def assigns_at(folded: str) -> bool:
    """Folded words that open with a verb assigning or urging work ("khan truong ra soat …")."""
    return _ASSIGNS.match(folded) is not None


def states(text: str) -> bool:
    """The paragraph explains, advises or announces."""
    return _STATES.search(fold(text[:1500])) is not None


def orders(text: str) -> bool:
    """The paragraph assigns or urges work and does not merely explain."""
    folded = fold(text[:1500])
    return _ASSIGNS.search(folded) is not None and _STATES.search(folded) is None


def _firm_deadline(item: dict) -> bool:
    return any(d.get("kind") not in _NOT_FIRM for d in item.get("deadlines") or [])


def orders_nothing(items: list[dict], kind: str | None, own_document: bool, named: bool) -> bool:
    """Whether none of the page's directive items is an order (see the module's docstring).
    `own_document`: the text is the document itself (its letterhead, kind line or a library's box);
    `named`: the page names the document it is about (its number, or its kind and issuer). A news page naming none was
    judged by `directives_shown` already and is left as it reads."""
    directives = [i for i in items if i.get("kind") != "context"]
    if not directives:
        return False
    if kind and fold(kind) in NORMATIVE_KINDS:
        return True
    if own_document or not named or any(_firm_deadline(i) for i in directives):
        return False
    ordering = sum(orders(i["text"]) for i in directives)
    stating = sum(states(i["text"]) for i in directives)
    return stating > ordering


def as_context(items: list[dict]) -> None:
    """Keep the items for search, as context: no directive, no deadline, nobody to remind."""
    for item in items:
        if item.get("kind") != "context":
            item["kind"] = "context"
            item["deadlines"] = []



# --- Pages that are no notice at all -------------------------------------------------------

_ENCYCLOPEDIA_HEADINGS = {"tham khao", "chu thich", "lien ket ngoai", "xem them", "nguon"}


def encyclopedia(raw: str, lines) -> bool:
    """A Wikipedia article: its edit links, or its closing reference headings."""
    if "sửa mã nguồn" in raw:
        return True
    return sum(line.heading and fold(line.text).strip(" :") in _ENCYCLOPEDIA_HEADINGS for line in lines) >= 1


_ORDER = re.compile(r"(?:^(?:[\dIVXa-z]{1,4}[.)]\s*|[-+•]\s*)?(?:Giao|Yêu cầu|Đề nghị)\b|\b(?:yêu cầu|đề nghị|chỉ đạo|kết luận)\s*:|"
                    r"\b(?:Công điện|Chỉ thị|Thông báo|Kết luận|Công văn|Kế hoạch)\s+(?:nêu|yêu cầu)|"
                    r"\b(?:UBND|Ủy ban|Bộ|Sở|Chủ tịch|Thủ tướng|Bộ trưởng|Giám đốc|Tỉnh ủy|Thành ủy|Ban Chỉ đạo|"
                    r"Ban Bí thư|Ban Thường vụ|Đảng ủy|Chính phủ)\b"
                    r"[^.;:]{0,80}?\b(?:yêu cầu|đề nghị|chỉ đạo|giao)\s+(?!(?:nhau|dịch|thông)\b)\w)")


_TASK = re.compile(r"\b(?:chủ trì|khẩn trương|triển khai|tổ chức thực hiện|có trách nhiệm|chịu trách nhiệm|"
                   r"theo dõi|hướng dẫn|kiểm tra|rà soát|báo cáo)\b", re.IGNORECASE)


def directives_shown(body) -> bool:
    """A news page without a document's number still reports directives when a paragraph
    gives an order ("Bộ trưởng Bộ Xây dựng yêu cầu: …", "Công điện nêu: …") or names who acts
    and what they do ("Sở Y tế chủ trì …"); a report of who was disciplined names bodies only."""
    return any(_ORDER.search(p.text[:1000]) or (_TASK.search(p.text[:300]) and addressees(p.text)[0])
               for p in body[:60])
