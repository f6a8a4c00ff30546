"""A body the question names that the answer never names: doubt, not an answer.

"Sở Tài chính làm gì trong kế hoạch phòng thủ dân sự?" met by "Rà soát, điều chỉnh kế hoạch
phòng thủ dân sự các cấp." (QA6 finding 5): the item holds every other word of the question, so
coverage and margin look sure, but it says nothing of the Sở Tài chính, and the plan has points
that do ("Sở Tài chính và Ủy ban nhân dân các xã, phường bố trí ngân sách …"). A question that
names a body asks what that body does or must do; an item that does not name it — in its text,
its headings, its notice's title or issuer, or for a paragraph without headings the few
before it ("Thường trực Chính phủ giao Bộ Xây dựng chủ trì …" then "Khẩn trương nghiên cứu …") —
answers another question, when the knowledge base
has items that name the body (else the body's name is only a word the notices never use, and
the other signals decide as before).

Bodies are the catalogue's specific ones (knowledge/data/vocab/units.tsv rows with a level: "Sở
Y tế", "Bộ Công an", "Cục Thuế"), matched on folded words, abbreviations read out ("UBND"); a
generic name ("Ủy ban nhân dân", "doanh nghiệp", "công an") names no one in particular. A body
followed by a verb of speaking ("Bộ Chính trị giao …", "Thủ tướng yêu cầu …") is who speaks,
which every point of its notice answers (knowledge.within.speaks).
"""
from __future__ import annotations

from functools import lru_cache

from knowledge.text import tokenize
from knowledge.within import ABBREVIATIONS, speaks

MIN_PREFIX = 3      # words of a body's name a question may stop at ("Sở Nông nghiệp" of "… và Môi trường")
LOOK_BACK = 5       # paragraphs before one without headings that may name who acts in it


@lru_cache(maxsize=1)
def _names() -> dict[str, frozenset[str]]:
    """Every spelling of a specific body, folded, and its starts of MIN_PREFIX words or more,
    each with every spelling of that body (the question's "Sở KHCN" is the item's "Sở Khoa học
    và Công nghệ")."""
    from knowledge.units import CATALOGUE, folded_words
    out: dict[str, set[str]] = {}
    for body in CATALOGUE:
        if not body.level:
            continue
        spellings = {" ".join(folded_words(s).split()) for s in body.spellings}
        for spelling in spellings:
            words = spelling.split()
            if len(words) >= 2:
                for n in (len(words), *range(MIN_PREFIX, len(words))):
                    out.setdefault(" ".join(words[:n]), set()).update(spellings)
    generic = {" ".join(w[:n]) for body in CATALOGUE if not body.level for s in body.spellings
               for w in [folded_words(s).split()] for n in range(1, len(w) + 1)}     # and what starts one
    return {name: frozenset(s) for name, s in out.items() if name not in generic}


def _words(text: str) -> list[str]:
    return " ".join(ABBREVIATIONS.get(t.term, t.term) for t in tokenize(text) if t.word).split()


def named_bodies(question: str) -> list[str]:
    """The specific bodies a question names (folded words), longest match first at each
    place, leaving out one that speaks."""
    words, names, found, k = _words(question), _names(), [], 0
    while k < len(words):
        n = next((n for n in range(min(10, len(words) - k), 1, -1) if " ".join(words[k:k + n]) in names), 0)
        if n:
            body = " ".join(words[k:k + n])
            if not speaks(question, body):
                found.append(body)
            k += n
        else:
            k += 1
    return found


def absent_body(index, question: str, item: int) -> str | None:
    """A body the question names that the item's text, headings, notice title and issuer never
    name, while some item of the knowledge base does; else None."""
    bodies = named_bodies(question)
    if not bodies:
        return None
    r = index.records[item]
    h = int(index.item_head[item])
    texts = [r.text, *(index.head_texts[h] if h >= 0 else r.headings), r.document_title or "", r.issuer or ""]
    if h < 0:               # a paragraph without headings goes on with the body the ones before it named
        texts += [index.records[j].text for j in range(item - 1, max(-1, item - 1 - LOOK_BACK), -1)
                  if index.item_doc[j] == index.item_doc[item]]
    held = " " + " ".join(_words("\n".join(texts))) + " "
    names = _names()
    for body in bodies:
        if any(f" {name} " in held for name in (body, *names[body])):
            continue
        if index.documents_mentioning(tuple(body.split())):
            return body
    return None
