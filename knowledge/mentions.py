"""What a question names — a notice by kind and number, a place, a disease, an everyday
subject — and where the knowledge base mentions it; what it names that nothing mentions.

Why apart from the search: naming decides before any ranking which notices may answer ("Công
điện 217" is that notice, or items citing it, never another notice's items) and which
questions get an honest "no notice about X" instead of a neighbour's rule.
"""
from __future__ import annotations

import numpy as np

from knowledge.index import Index
from knowledge.named import Mention, Name, document_names, find_names
from knowledge.shorthand import is_syllable, untelex
from knowledge.text import DOC_KINDS, fold

W_OTHER_NOTICE = 0.6     # rank of an item whose notice does not mention what the question names
W_OTHER_NUMBER = 0.3     # ... when what it names is the notice itself ("Công điện 217")
W_OTHER_KIND = 0.85      # an item of another kind of notice than the one named ("công điện về …")
FOREIGN_MIN = 4          # letters of a foreign word that names something ('huawei', not 'e10' or 'wb')
FOREIGN_MAX_DOCS = 2     # ... held by so few notices that it tells them apart


def mentioned(index: Index, terms: list[str], surfaces: list[str], vietnamese: bool = False) -> tuple[list[Mention], list[Name]]:
    """What the question names, with where the index mentions it; and what it names that
    nothing mentions. A notice named by number ("Công điện 217") is that notice when the
    knowledge base has it; otherwise only items that cite it can answer ("giãn cách theo
    Chỉ thị 15"), never another notice's items. An everyday subject (knowledge/vocab/
    topics.tsv: "hộ chiếu", "máy bay") counts only when nothing mentions it: then the
    question is about something no notice speaks of, whatever its folded syllables meet."""
    mentions, missing = [], []
    names = [name for start, end, name in find_names(terms, surfaces) if not inside_words(index, terms, start, end)]
    names += document_names(terms, index.doc_numbers)
    if vietnamese:
        names += foreign_names(index, terms)
    for name in dict.fromkeys(names):
        if name.kind == "document":
            term = name.phrases[0][0]
            docs = frozenset(index.doc_numbers.get(term, ())) or _titled(index, term)
            if docs:
                mentions.append(Mention(name, docs))
                continue
            citing = _citing(index, term)
            if citing:
                mentions.append(Mention(name, frozenset(), citing))
            else:
                missing.append(name)
            continue
        docs = frozenset().union(*(index.documents_mentioning(p) for p in name.searchable))
        if name.kind == "topic":         # an everyday subject: only its absence says something
            missing.extend(() if docs or _writes_accented(index, name.accented) else (name,))
            continue
        (mentions.append(Mention(name, docs)) if docs else missing.append(name))
    return mentions, missing


def inside_words(index: Index, terms: list[str], start: int, end: int) -> bool:
    """'công nghệ an toàn' names no Nghệ An, 'nâng cao bằng cách' no Cao Bằng: a place's spelling
    whose first syllable closes a word with the syllable before it and whose last opens one with
    the syllable after, each written by the notices more often than the place, is those two words."""
    if end - start < 2 or start == 0 or end >= len(terms):
        return False
    place = index.bi.known_idf(" ".join(terms[start:start + 2]))
    before = index.bi.known_idf(f"{terms[start - 1]} {terms[start]}")
    after = index.bi.known_idf(f"{terms[end - 1]} {terms[end]}")
    return all(idf is not None and (place is None or idf < place) for idf in (before, after))


def _writes_accented(index: Index, words: frozenset[str]) -> bool:
    """Whether the notices write one of a subject's one-syllable spellings with its accents
    ('bão' in "trước khi bão đổ bộ"): folded it is everywhere ('báo'), so only the accented
    pairs of the notices tell that a notice speaks of the subject."""
    if not words:
        return False
    from knowledge.folding import pair_readings

    readings = pair_readings(index)
    folded = {fold(w) for w in words}
    return any(w in pair.split() for key, entry in readings.items() if folded & set(key.split())
               for pair in entry for w in words)


OTHER_CONTENT = 0.1       # share of a question's content beyond the place it names, when it asks that much,
STRAY_WORDS = 1           # ... of which an answer holding no two words side by side and at most this many words
                          # holds nothing (a stray 'thời' of 'kịp thời' is not the weather)


_LEVEL_WORDS = frozenset({"tinh", "thanh", "pho", "tp", "province", "city"})


def only_the_place(ranking, concepts, mentions: list[Mention], at: int = 0) -> bool:
    """"thời tiết hà nội mai thế nào", "weather in Hanoi tomorrow?" answered, sure, with an item that
    names Hà Nội and hardly anything else the question asks: the place only says which notices may
    answer, so an item that holds, of the question's other content, no two words side by side and at
    most one word answers nothing."""
    places = {w for m in mentions if m.name.kind == "province" for p in m.name.phrases for w in p}
    if not places or ranking.held is None or at >= len(ranking):
        return False
    places |= _LEVEL_WORDS                   # "tỉnh Quảng Ninh", "thành phố Hà Nội": the place too
    content = [c for c in concepts if c.content and c.weight]
    if len(content) != ranking.held.shape[0]:
        return False
    other = [k for k, c in enumerate(content) if not set(fold(c.source).split()) & places]
    if not other or float(ranking.mass[other].sum()) < OTHER_CONTENT:
        return False
    held = [content[k] for k in other if ranking.held[k, at]]
    return not any(c.pair or " " in c.source.strip() for c in held) and len(held) <= STRAY_WORDS


def foreign_names(index: Index, terms: list[str]) -> list[Name]:
    """Words of a Vietnamese question that are no Vietnamese syllable and that only a few notices
    hold — a company, a product, a brand ("công ty tokokosen ở đâu", "đồng hồ huawei"): the
    question is about those notices, as it is about the notices naming a province it names. A word
    no notice holds is left to the evidence (a typo, a word in English), never "no notice about X"."""
    out = []
    for t in dict.fromkeys(terms):
        if len(t) < FOREIGN_MIN or not t.isascii() or not t.isalpha() or is_syllable(t) or untelex(t):
            continue
        docs = index.documents_mentioning((t,))
        if 0 < len(docs) <= FOREIGN_MAX_DOCS:
            out.append(Name("foreign", t, ((t,),)))
    return out


def unheard_of(index: Index, kind: str, number: str) -> bool:
    """No notice has this number and no item so much as mentions it ("kế hoạch 130 do ai ký"
    is still searched when a news page reports Kế hoạch 130)."""
    if any(key.rpartition(":")[2] == number for key in index.doc_numbers):
        return False
    return index.uni.postings(number) is None and not (kind and _citing(index, f"{kind}:{number}"))


def _titled(index: Index, term: str) -> frozenset[int]:
    """The notices numbered as `term` whose title names its kind: "kế hoạch 4385" is the plan that
    Quyết định 4385 issues ("… ban hành Kế hoạch thực hiện …"), not a notice the knowledge base lacks."""
    kind, _, number = term.partition(":")
    words = DOC_KINDS.get(kind, ("",))[0]
    return frozenset(d for key, docs in index.doc_numbers.items() if key.rpartition(":")[2] == number for d in docs
                     if words and f" {words} " in f" {fold(index.doc_records[d].document_title or '')} ")


def _citing(index: Index, term: str) -> frozenset[int]:
    """The items that cite a document: in their own words, under a heading or letter
    opening that does ("Về kiến nghị … về Nghị định 136 …, Phó Thủ tướng có ý kiến như sau:"
    stands above the directive that answers about it), or in a notice whose title does
    ("Kết luận … về tình hình thực hiện Nghị quyết số 66-NQ/TW": every item is about it)."""
    found: set[int] = set()
    own = index.uni.postings(term)
    if own is not None:
        found.update(own[0].tolist())
    heads = index.head.postings(term)
    if heads is not None and len(heads[0]):
        found.update(np.flatnonzero(np.isin(index.item_head, heads[0])).tolist())
    titled = index.meta.postings(term)      # the notice's title is the heading above all its items
    if titled is not None and len(titled[0]):
        found.update(np.flatnonzero(np.isin(index.item_doc, titled[0])).tolist())
    return frozenset(found)


def boost_named(index: Index, mentions: list[Mention], kinds: set[str] = frozenset()) -> np.ndarray | None:
    """Items where everything the question names is mentioned keep their rank; the others
    count less (a mere mention elsewhere stays findable). A kind of notice named without a
    number prefers notices of that kind, when there are any."""
    kinds = {k for k in kinds if k in index.doc_kinds}
    if not mentions and not kinds:
        return None
    boost = np.ones(len(index), dtype=np.float32)
    if kinds:
        same = np.array([k in kinds for k in index.doc_kinds], dtype=bool)
        boost *= np.where(same[index.item_doc], np.float32(1), np.float32(W_OTHER_KIND))
    for m in mentions:
        if m.items is not None:
            inside = np.zeros(len(index), dtype=bool)
            inside[list(m.items)] = True
        else:
            docs = np.zeros(index.documents, dtype=bool)
            docs[list(m.documents)] = True
            inside = docs[index.item_doc]
        weight = W_OTHER_NUMBER if m.name.kind == "document" else W_OTHER_NOTICE
        boost *= np.where(inside, np.float32(1), np.float32(weight))
    return boost
