"""Ranking the items for a question's concepts, over a few candidates only.

1. Candidates: the postings of every wording of every concept are added once
   (`Index.first_pass`); the best few hundred items go on.
2. For the candidates only, each concept takes the best of its wordings: BM25 from the
   item's words, its headings and its document's metadata, and — for English — the best in
   the English summary plus the best in the Vietnamese text.
3. Coverage: the share of the question's content (concepts weighted by the rarity of the
   wording an item uses, or of their most common wording when the item has none) that the
   item contains. Questions about something else ("giá vàng hôm nay") find common words but
   not their rare ones.
4. The rank is the BM25 total × coverage × the item's prior (a background paragraph counts
   less than a directive) × what the question names (notices that mention it first), so a
   short item that says all that was asked beats a long one that repeats part of it.

Besides the rank it keeps, per candidate, the evidence the confidence model reads
(`knowledge.confidence`).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from knowledge.concepts import Concept
from knowledge.index import Index

CANDIDATES = 300         # items scored in full per question
W_ANSWER_KIND = 1.3      # an item holding the date or number a "when / how many" question wants
W_EN = 1.0               # the English summary, for English questions
W_PAIR_COVERAGE = 0.75   # syllable pairs weigh less in coverage (some cross word limits)


@dataclass
class Ranking:
    items: np.ndarray          # candidate item positions in the index, best first
    rank: np.ndarray           # the ranking score of each
    total: np.ndarray          # BM25 total
    coverage: np.ndarray       # share of the question's content the item has (0..1)
    vi_coverage: np.ndarray    # ... counting only Vietnamese wordings (item text, headings, metadata)
    en_coverage: np.ndarray    # ... counting only the English summary
    rare_missed: np.ndarray    # rarity of the rarest content concept the item lacks (0..1)
    own_coverage: np.ndarray   # ... counting only the item's own words (not metadata or headings)
    unknown: float             # share of the question's content the index has never seen
    content: int               # number of content concepts

    def __len__(self) -> int:
        return len(self.items)


def rank_items(index: Index, concepts: list[Concept], boost: np.ndarray | None = None,
               candidates: int = CANDIDATES, wants: int = 0) -> Ranking:
    """`boost`, when given, multiplies every item's rank (what the question names); `wants`
    is the kind of answer asked for (knowledge.concepts.wanted_answer)."""
    wanted = _first_pass_terms(concepts)
    rough = index.first_pass(wanted) if wanted else np.zeros(len(index), dtype=np.float32)
    rough *= index.prior
    if boost is not None:
        rough *= boost
    positive = np.flatnonzero(rough > 0)
    if len(positive) > candidates:
        keep = np.argpartition(-rough[positive], candidates - 1)[:candidates]
        positive = positive[keep]
    items = np.sort(positive)
    return _score(index, concepts, items, boost, wants)


def _first_pass_terms(concepts: list[Concept]) -> list[tuple[str, str, float]]:
    best: dict[tuple[str, str], float] = {}
    for c in concepts:
        for alt in c.alternatives:
            w = c.weight * alt.weight * (W_EN if alt.field == "en" else 1.0)
            keys = [(alt.field, t) for t in alt.terms] + [("bi", p) for p in alt.pairs]
            for key in keys:
                if best.get(key, 0.0) < w:
                    best[key] = w
    return [(f, t, w) for (f, t), w in best.items()]


class _Lookups:
    """Each (field, term) looked up once per question, over the candidates."""

    def __init__(self, index: Index, items: np.ndarray):
        self.index, self.items = index, items
        self.cache: dict[tuple[str, str], tuple[np.ndarray, np.ndarray, np.ndarray]] = {}
        self.none = np.zeros(len(items), dtype=np.float32)
        self.nowhere = np.zeros(len(items), dtype=bool)

    def get(self, field: str, term: str):
        key = (field, term)
        found = self.cache.get(key)
        if found is None:
            if field == "en":
                g = self.index.en.gather(term, self.items)
                found = (g[0] * W_EN, g[1], g[1]) if g is not None else (self.none, self.nowhere, self.nowhere)
            else:
                found = self.index.word_in(field, term, self.items)
            self.cache[key] = found
        return found


def _score(index: Index, concepts: list[Concept], items: np.ndarray, boost, wants: int) -> Ranking:
    n = len(items)
    look = _Lookups(index, items)
    total = np.zeros(n, dtype=np.float32)
    covered = np.zeros(n, dtype=np.float32)
    covered_vi = np.zeros(n, dtype=np.float32)
    covered_en = np.zeros(n, dtype=np.float32)
    covered_own = np.zeros(n, dtype=np.float32)
    mass = np.zeros(n, dtype=np.float32)
    rare_missed = np.zeros(n, dtype=np.float32)
    question_mass = unknown_mass = 0.0
    content = 0
    ceiling = max(index.uni.unknown_idf, 1e-9)
    for c in concepts:
        best: dict[bool, np.ndarray] = {}       # English summary / Vietnamese text: best of each
        cover = np.zeros(n, dtype=np.float32)    # rarity × weight of the wording an item has
        cover_rarity = np.zeros(n, dtype=np.float32)
        cover_vi = np.zeros(n, dtype=np.float32)
        cover_en = np.zeros(n, dtype=np.float32)
        cover_own = np.zeros(n, dtype=np.float32)
        rarities = []
        for alt in c.alternatives:
            s, present, own, r = _alternative(index, look, alt, n)
            channel = alt.field == "en"
            best[channel] = s if channel not in best else np.maximum(best[channel], s)
            if r is None:
                continue
            rarities.append(r)
            value = r * alt.weight
            better = present & (cover < value)
            cover[better] = value
            cover_rarity[better] = r
            if channel:
                np.maximum(cover_en, np.where(present, value, 0), out=cover_en)
            else:
                np.maximum(cover_vi, np.where(present, value, 0), out=cover_vi)
                np.maximum(cover_own, np.where(own, value, 0), out=cover_own)
        for s in best.values():
            total += c.weight * s
        if not c.content:
            continue
        content += 1
        # A concept weighs as much as the wording of it that an item uses is rare; for items
        # without it, as its most common wording (or, when the index has none of it, what
        # the question builder decided).
        missing = min(rarities) if rarities else (c.unknown or index.uni.unknown_idf)
        part = (W_PAIR_COVERAGE if c.pair else 1.0) * c.weight
        covered += part * cover
        covered_vi += part * cover_vi
        covered_en += part * cover_en
        covered_own += part * cover_own
        mass += part * np.where(cover > 0, cover_rarity, missing)
        question_mass += part * missing
        if not rarities:
            unknown_mass += part * missing
        np.maximum(rare_missed, np.where(cover > 0, 0, missing / ceiling), out=rare_missed)
    share = np.divide(covered, mass, out=np.zeros(n, dtype=np.float32), where=mass > 0)
    rank = total * index.prior[items] * share
    if boost is not None:
        rank = rank * boost[items]
    if wants:
        rank = rank * np.where(index.item_kinds[items] & wants, np.float32(W_ANSWER_KIND), np.float32(1))
    order = np.lexsort((items, -rank))
    ratio = lambda x: np.divide(x, mass, out=np.zeros(n, dtype=np.float32), where=mass > 0)[order]
    return Ranking(items=items[order], rank=rank[order], total=total[order], coverage=share[order],
                   vi_coverage=ratio(covered_vi), en_coverage=ratio(covered_en),
                   rare_missed=rare_missed[order], own_coverage=ratio(covered_own),
                   unknown=unknown_mass / question_mass if question_mass else 1.0, content=content)


def _alternative(index: Index, look: _Lookups, alt, n: int):
    """Scores of one wording over the candidates, which candidates contain all of it (in
    the item, its headings or its document), which contain it in their own words, and its
    rarity: the idf of its rarest term, None when the index lacks a term."""
    scores = np.zeros(n, dtype=np.float32)
    present = np.ones(n, dtype=bool)
    own = np.ones(n, dtype=bool)
    idfs: list[float | None] = []
    field = "uni" if alt.field == "uni" else alt.field
    for term in alt.terms:
        s, p, o = look.get(field, term)
        scores += s
        if not alt.pairs:
            present &= p
            own &= o
        idfs.append(index.rarity(field, term))
    for term in alt.pairs:                         # a phrase must appear as a phrase
        s, p, o = look.get("bi", term)
        scores += s
        present &= p
        own &= o
    rarity = None if not idfs or None in idfs else max(idfs)
    return scores * alt.weight, present, own, rarity
