"""The right item within the right notice: the best candidates of one notice compared
with each other rather than with the whole knowledge base.

A background paragraph (a notice's summary of itself, a preamble, a closing formula: its
prior is below 1) that holds as much of the question as a directive of the same notice
still often outranks it, because it repeats the notice's topic word for word and BM25
rewards the repetition: "Ngày 02/4/2025, Thủ tướng ra Công điện 27 về vụ cháy …" before
"Ủy ban nhân dân Thành phố Hồ Chí Minh chỉ đạo …" for "Công điện 27 giao TP.HCM làm gì?".
Holding as much, the directive is the answer (issue 9, "Directives first"): the two swap,
the directive keeping the lead the background paragraph had, so that the confidence model
reads the same margin it read before.

Not when the question asks about the review itself ("… gặp khó khăn gì?", "What problems
did …", "kết quả đạt được"): a notice's assessment is what answers those; nor when it asks about
the situation or the meeting itself (knowledge.situation: "hội nghị ở Lai Châu do ai chủ trì",
"ổ dịch liên quan những nơi nào"), which the background paragraph tells (2026-11-25, branch
seedtyping5: two right answers more on the seed dev sets, none lost).

Likewise a question that opens with a body ("Sở Nông nghiệp báo cáo khi nào?") asks what that
body does: of two points of one notice that both hold its name, the one it acts in (its name
opens the point or the heading above it) answers, not the one that reports to it ("Thống kê
thiệt hại …, báo cáo Sở Nông nghiệp và Môi trường trước ngày 28/11") (`actor_first`). An English
question names its body in English ("role of the city police in …", "what must the health
department do"): its glossary wordings name it ('cong an', `actor_body`), and of two points that
both hold it the one it opens ("Giao Công an Thành phố chỉ đạo …") answers, not the one that
lists it among another body's partners. A body acts too where its name is the subject of a
directive verb after a leading phrase ("Trên cơ sở …, Bộ Tài chính khẩn trương …"); and a point under headings that never names it (a sibling in another
body's section) yields as well — unless the body is who speaks ("Thủ tướng yêu cầu gì?").
"""
from __future__ import annotations

import re

import numpy as np

from knowledge.text import fold, tokenize
from knowledge.written_abbreviations import spelled

WINDOW = 8              # the best candidates compared
COVER_SLACK = 0.02      # "as much of the question": coverage this close counts as equal
# A question about what happened rather than what to do (folded Vietnamese, English).
_REVIEW_ASKED = re.compile(r"\b(?:kho khan|vuong mac|han che|ton tai|bat cap|ket qua|tinh hinh|thuc trang"
                           r"|dat duoc|nguyen nhan|problems?|difficult(?:y|ies)|obstacles?|results?"
                           r"|situation|achieve[ds]?|reasons?|why)\b")


def asks_review(question: str) -> bool:
    from knowledge.situation import asks_situation
    folded = fold(question)
    return bool(_REVIEW_ASKED.search(folded)) or asks_situation(re.findall(r"\w+", folded))


def directives_first(index, ranking, question: str = "") -> None:
    """Reorder `ranking`'s best candidates in place as the module says."""
    top = min(WINDOW, len(ranking))
    if top < 2 or asks_review(question):
        return
    items = ranking.items[:top]
    docs = index.item_doc[items]
    prior = index.prior[items]
    context = index.is_context[items]
    rank = ranking.rank[:top].copy()
    cover = ranking.coverage[:top]
    changed = False
    for k in range(top):
        if prior[k] >= 1.0 or rank[k] <= 0:
            continue
        rivals = [j for j in range(k + 1, top) if docs[j] == docs[k] and prior[j] >= 1.0 and not context[j]
                  and cover[j] >= cover[k] - COVER_SLACK and 0 < rank[j] < rank[k]]
        if rivals:
            j = rivals[0]
            rank[k] = rank[j] * rank[j] / rank[k]
            changed = True
    if changed:
        _rerank_top(ranking, rank, items, top)


def _rerank_top(ranking, rank: np.ndarray, items: np.ndarray, top: int) -> None:
    """Give the best `top` candidates their new ranks and sort them by those (ties by item)."""
    order = np.concatenate([np.lexsort((items, -rank)), np.arange(top, len(ranking))])
    ranking.rank[:top] = rank
    _reorder(ranking, order)


def _reorder(ranking, order: np.ndarray) -> None:
    for name in ("items", "rank", "total", "coverage", "vi_coverage", "en_coverage", "rare_missed",
                 "own_coverage", "passage"):
        values = getattr(ranking, name)
        if values is not None:
            setattr(ranking, name, values[order])
    if ranking.held is not None:
        ranking.held = ranking.held[:, order]


W_DISTINCT = 0.3        # how much more the question's words that tell a notice's candidates apart weigh


def distinct_first(index, ranking, english: bool = False) -> None:
    """Among the best candidates of one notice, the question's words they all hold (the
    notice's topic, a heading they share: "vùng phụ cận của đập") tell nothing about which
    of them is meant; the words only some hold ("cấp đặc biệt") do. Each candidate's rank
    grows with the share of the question those words make up in it, so the sibling that
    holds what the question singles out leads, and leads by more."""
    top = min(WINDOW, len(ranking))
    if top < 2 or english or ranking.held is None or not len(ranking.held):
        return
    docs = index.item_doc[ranking.items[:top]]
    held = ranking.held[:, :top]
    factor = np.ones(top, dtype=np.float32)
    for d in set(docs.tolist()):
        members = np.flatnonzero(docs == d)
        if len(members) < 2:
            continue
        some = held[:, members]
        telling = some.any(axis=1) & ~some.all(axis=1)
        if not telling.any():
            continue
        directive = index.prior[ranking.items[:top][members]] >= 1.0
        factor[members] = 1.0 + W_DISTINCT * (ranking.mass[telling] @ some[telling]) * directive
    if (factor == 1.0).all():
        return
    rank = ranking.rank[:top] * factor
    order = np.concatenate([np.lexsort((ranking.items[:top], -rank)), np.arange(top, len(ranking))])
    ranking.rank[:top] = rank
    _reorder(ranking, order)


ACTOR_OPENING = 4       # the body's name starts within the first words of the point: it acts
HEADING_MARK = re.compile(r"^\s*(?:[\divxlc]+(?:\.\d+)*|[a-zđ])\s*[.):]\s*", re.IGNORECASE)


def _body_prefixes() -> frozenset[str]:
    """Every start of two words or more of a body's name in the unit catalogue, folded:
    'so nong nghiep' of 'Sở Nông nghiệp và Môi trường'."""
    from knowledge.units import CATALOGUE, folded_words
    out = set()
    for body in CATALOGUE:
        for spelling in body.spellings:
            words = folded_words(spelling).split()
            out.update(" ".join(words[:n]) for n in range(2, len(words) + 1))
    return frozenset(out)


_BODIES: frozenset[str] | None = None


def body_prefixes() -> frozenset[str]:
    """`_body_prefixes`, read once."""
    global _BODIES
    if _BODIES is None:
        _BODIES = _body_prefixes()
    return _BODIES


# After the body a question opens with, the words that make it the one who asks, not the one
# who acts: "Thủ tướng yêu cầu gì?" asks what every point of the notice says.
_SPEAKS = re.compile(r"(?:yeu cau|de nghi|giao|chi dao|ket luan|luu y|nhan manh|chi thi)\b")


def speaks(question: str, body: str) -> bool:
    words = _words(question)
    at = words.find(f" {body} ")
    return at >= 0 and _SPEAKS.match(words[at + len(body) + 2:]) is not None


def asked_body(question: str) -> str | None:
    """The body a question opens with (folded words), when the catalogue knows it."""
    return _leading_body(" ".join(ABBREVIATIONS.get(t.term, t.term) for t in tokenize(question) if t.word).split())


def _leading_body(terms: list[str]) -> str | None:
    """The longest start of `terms` (up to eight words) that starts a body's name in the catalogue."""
    return next((" ".join(terms[:n]) for n in range(min(8, len(terms)), 1, -1)
                 if " ".join(terms[:n]) in body_prefixes()), None)


def actor_body(concepts) -> str | None:
    """The body an English question asks the task of ('what must the city police do', 'role
    of the health department in …': knowledge.english.actor_span), in the catalogue's folded
    words: the longest of its concepts' Vietnamese wordings, alone or two side by side in
    either order ('police' + 'city': 'cong an thanh pho'), that starts a body's name."""
    return max((w for w in actor_wordings(concepts) if w in body_prefixes()), key=len, default=None)


def actor_wordings(concepts) -> list[str]:
    """The folded Vietnamese wordings of the body an English question asks the task of: each
    actor concept's, and two side by side in either order ('police' + 'provincial': 'cong an
    tinh'), whether the catalogue knows them or not."""
    parts = [[" ".join(a.terms) for a in c.alternatives if a.field != "en" and a.terms]
             for c in concepts if c.actor]
    found = [w for p in parts for w in p]
    return found + [f"{x} {y}" for p, q in zip(parts, parts[1:]) for a, b in ((p, q), (q, p)) for x in a for y in b]


# Abbreviations of bodies read as their words, in questions and items alike ("UBND tỉnh", "Bộ CHQS
# tỉnh"): the table items are indexed with (vocab/written_abbreviations.tsv).
ABBREVIATIONS = {short: " ".join(full) for short, full in spelled().items()}


def _words(text: str) -> str:
    return " " + " ".join(ABBREVIATIONS.get(t.term, t.term) for t in tokenize(text) if t.word) + " "


def _opens(words: str, body: str) -> bool:
    return f" {body} " in " ".join(words.split()[:ACTOR_OPENING + len(body.split())]).join("  ")


def _assigned(words: str, body: str) -> bool:
    """The body is the subject of a directive verb: its name followed at once by one
    ("…, Bộ Tài chính khẩn trương rà soát", "Sở Y tế chủ trì"), wherever in the item."""
    from knowledge.parser.orders import assigns_at
    at = words.find(f" {body} ")
    while at >= 0:
        if assigns_at(words[at + len(body) + 2:at + len(body) + 60]):
            return True
        at = words.find(f" {body} ", at + 1)
    return False


def _acts(record, body: str) -> bool | None:
    """True when `body` opens the item or its innermost heading, or is the subject of one of
    its directive verbs; False when the item holds it elsewhere only, None when it does not
    hold it."""
    text = _words(record.text)
    heading_acts = bool(record.headings) and _opens(_words(HEADING_MARK.sub("", record.headings[-1])), body) \
        and _own_actor(text) in (None, body)
    if _opens(text, body) or heading_acts or _assigned(text, body):
        return True
    return False if f" {body} " in text else None


def _own_actor(words: str) -> str | None:
    """The body a point's own words open with as the subject of a directive verb ("Ban Tổ
    chức Trung ương chủ trì, phối hợp với Ủy ban Kiểm tra …" under "7. Giao Ủy ban Kiểm tra
    Trung ương chủ trì …"): the point's actor is then that body, not its heading's."""
    from knowledge.parser.orders import assigns_at
    terms = words.split()
    name = _leading_body(terms)
    return name if name and assigns_at(" ".join(terms[len(name.split()):][:8])) else None


def actor_first(index, ranking, question: str = "", body: str | None = None) -> None:
    """Reorder `ranking`'s best candidates in place: see the module's docstring. `body`: the
    one an English question asks about (`actor_body`)."""
    top = min(WINDOW, len(ranking))
    body = (body or asked_body(question)) if top >= 2 else None
    if body is None:
        return
    items = ranking.items[:top]
    docs = index.item_doc[items]
    rank = ranking.rank[:top].copy()
    cover = ranking.coverage[:top]
    records = [index.records[int(i)] for i in items.tolist()]
    acts = [_acts(r, body) for r in records]
    # A point that does not name the body at all yields too when it stands under headings
    # (they name who acts in it: another body), unless the body is who speaks. A paragraph
    # without headings may go on with the body the paragraph before it named.
    speaking = speaks(question, body)
    stays = [bool(acts[k]) or (acts[k] is None and (speaking or not records[k].headings)) for k in range(top)]
    if _yield_to_neighbours(rank, docs, cover, stays, [bool(a) for a in acts], top):
        _rerank_top(ranking, rank, items, top)


def kind_first(index, ranking, wants: int) -> None:
    """A question that asks for a date or a number ("Khi nào công diễn …?", "… mấy giờ?") is
    answered by the point that holds one: of two items of one notice that hold as much of the
    question, the one without the date or number asked for yields to the one with it, even when
    it repeats more of the question's words ("Kế hoạch lấy tên gọi cho Liên hoan là: Liên hoan
    tài năng nhạc cụ …" before "Công diễn: Dự kiến trước ngày 03/02/2026"). The rank
    (knowledge.ranking, W_ANSWER_KIND) only weighs that; here it decides between neighbours.
    They swap their ranks, as in `actor_first`."""
    top = min(WINDOW, len(ranking))
    if top < 2 or not wants:
        return
    items = ranking.items[:top]
    docs = index.item_doc[items]
    holds = (index.item_kinds[items] & wants) != 0
    rank = ranking.rank[:top].copy()
    cover = ranking.coverage[:top]
    if _yield_to_neighbours(rank, docs, cover, list(holds), list(holds), top):
        _rerank_top(ranking, rank, items, top)


def _yield_to_neighbours(rank, docs, cover, stays: list[bool], good: list[bool], top: int) -> bool:
    """Each item that does not stay swaps ranks with the first item below it of the same notice
    that is `good` and holds about as much of the question; whether any swapped."""
    changed = False
    for k in range(top):
        if stays[k] or rank[k] <= 0:
            continue
        rivals = [j for j in range(k + 1, top) if docs[j] == docs[k] and good[j]
                  and cover[j] >= cover[k] - COVER_SLACK and 0 < rank[j] < rank[k]]
        if rivals:
            j = rivals[0]
            rank[k], rank[j] = rank[j], rank[k]
            changed = True
    return changed


def difficulty_first(index, ranking, question: str) -> None:
    """A question that asks whom to turn to when difficulties arise ("who should the company
    contact if it has problems with the customs procedures", "nếu có vướng mắc thì liên hệ ai")
    is answered by the notice's closing formula that says so ("Trường hợp có vướng mắc thì liên
    hệ với …": knowledge.situation.answers_difficulty), not by the point on the procedure it
    names: of two items of one notice that hold about as much of the question, the other yields
    to it. They swap their ranks, as in `actor_first`."""
    from knowledge.situation import answers_difficulty, asks_when_difficult
    top = min(WINDOW, len(ranking))
    if top < 2 or not asks_when_difficult(question):
        return
    items = ranking.items[:top]
    says = [answers_difficulty(index.records[int(i)].text) for i in items.tolist()]
    rank = ranking.rank[:top].copy()
    if _yield_to_neighbours(rank, index.item_doc[items], ranking.coverage[:top], says, says, top):
        _rerank_top(ranking, rank, items, top)
