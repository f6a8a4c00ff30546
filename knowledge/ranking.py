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
from functools import lru_cache

import numpy as np

from knowledge.concepts import Concept
from knowledge.index import Index
from knowledge.named_headings import prefer_named
from knowledge.sentences import split_sentences
from knowledge.text import index_terms
from knowledge.within import actor_body, actor_first, difficulty_first, directives_first, distinct_first, kind_first

CANDIDATES = 100         # items scored in full per question
SAMPLE_STRIDE = 16       # every how many first-pass scores one is sampled to bound the candidates' (best_positions)
PASSAGE_TOP = 5         # the best items re-ranked by their best sentence
W_PASSAGE = 0.35          # how much of the rank the best sentence decides
W_ANSWER_KIND = 1.3      # an item holding the date or number a "when / how many" question wants
W_EN = 1.0               # the English summary, for English questions
W_PAIR_COVERAGE = 0.75   # syllable pairs weigh less in coverage (some cross word limits)
W_STRAY_SYLLABLE = 0.5   # a syllable of a word the index never saw, found only in other words
MAX_SYLLABLE = 7         # letters of the longest Vietnamese syllable, folded ('nghieng'); longer is a word of its own


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
    passage: np.ndarray | None = None   # share of the question in the best sentence (the first few)
    docs: np.ndarray | None = None      # the document of each candidate
    summarised: np.ndarray | None = None    # whether each candidate has an English summary
    groups: np.ndarray | None = None    # the heading the question names, per candidate (-1: none)
    held: np.ndarray | None = None      # content concepts x candidates: which the candidate holds
    mass: np.ndarray | None = None      # per content concept: its share of the question's content

    def __len__(self) -> int:
        return len(self.items)


def rank_items(index: Index, concepts: list[Concept], boost: np.ndarray | None = None,
               candidates: int = CANDIDATES, wants: int = 0, question: str = "") -> Ranking:
    """`boost`, when given, multiplies every item's rank (what the question names); `wants`
    is the kind of answer asked for (knowledge.answer_kind.wanted_answer); `question`, as typed,
    tells whether it asks about a review (knowledge.within)."""
    wanted = _first_pass_terms(concepts)
    rough = index.first_pass(wanted) if wanted else np.zeros(len(index), dtype=np.float32)
    rough *= index.prior
    if boost is not None:
        rough *= boost
    items = best_positions(rough, candidates)
    ranking = _by_passage(index, concepts, _score(index, concepts, items, boost, wants))
    distinct_first(index, ranking, english=any(a.field == "en" for c in concepts for a in c.alternatives))
    directives_first(index, ranking, question)
    difficulty_first(index, ranking, question)
    kind_first(index, ranking, wants)
    actor_first(index, ranking, question, actor_body(concepts))
    prefer_named(index, ranking, frozenset(t for c in concepts for a in c.alternatives if a.field != "en"
                                           for t in a.terms))
    ranking.docs = index.item_doc[ranking.items]
    ranking.summarised = index.summarised[ranking.items]
    return ranking


def best_positions(scores: np.ndarray, k: int) -> np.ndarray:
    """The positions of the k highest positive scores, in order of position; of equal scores
    at the k-th place, the first positions.

    Why not one argpartition over every positive score: at 100,000 items that select cost as
    much as the whole first pass. The k-th best of every SAMPLE_STRIDE-th score is a floor of
    the k-th best of all (a part's k-th best cannot beat the whole's), so one comparison over
    the scores leaves some k × SAMPLE_STRIDE items to select from, whatever the size."""
    floor = np.float32(0)
    if len(scores) > 4 * k * SAMPLE_STRIDE:
        sample = scores[::SAMPLE_STRIDE]
        floor = np.partition(sample, len(sample) - k)[len(sample) - k]
    found = np.flatnonzero(scores >= floor if floor > 0 else scores > 0)
    if len(found) <= k:
        return found
    values = scores[found]
    kth = np.partition(values, len(values) - k)[len(values) - k]
    keep = values > kth
    keep[np.flatnonzero(values == kth)[:k - int(keep.sum())]] = True
    return found[keep]


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


@dataclass
class _Layout:
    """The question's wordings laid out for whole-array arithmetic: every (field, term) looked
    up once (a row), every wording as the rows it adds up and the rows it needs present,
    wordings ordered by concept then channel (English summary / Vietnamese text)."""
    rows: list[tuple[str, str]]
    score_rows: list[int]         # flat, per wording
    score_offsets: list[int]
    need_rows: list[int]
    need_offsets: list[int]
    weight: np.ndarray            # per wording
    rarity: np.ndarray            # per wording, 0 when the index lacks one of its terms
    english: np.ndarray           # per wording: the English summary channel
    concept: np.ndarray           # per wording: its concept
    concept_offsets: list[int]    # first wording of each concept
    group_offsets: list[int]      # first wording of each (concept, channel)
    group_concept: np.ndarray     # per group: its concept


def _layout(index: Index, concepts: list[Concept]) -> _Layout:
    rows: dict[tuple[str, str], int] = {}
    score_rows, score_offsets, need_rows, need_offsets = [], [], [], []
    weight, rarity, english, concept = [], [], [], []
    concept_offsets, group_offsets, group_concept = [], [], []
    row = lambda field, term: rows.setdefault((field, term), len(rows))
    for c_no, c in enumerate(concepts):
        concept_offsets.append(len(weight))
        for channel in (True, False):
            alts = [a for a in c.alternatives if (a.field == "en") == channel]
            if not alts:
                continue
            group_offsets.append(len(weight))
            group_concept.append(c_no)
            for alt in alts:
                terms = [row(alt.field, t) for t in alt.terms]
                pairs = [row("bi", p) for p in alt.pairs]
                score_offsets.append(len(score_rows))
                score_rows += terms + pairs
                need_offsets.append(len(need_rows))
                need_rows += pairs or terms            # a phrase must appear as a phrase
                idfs = [index.rarity(alt.field, t) for t in alt.terms]
                rarity.append(0.0 if not idfs or None in idfs else max(idfs))
                weight.append(alt.weight)
                english.append(channel)
                concept.append(c_no)
    return _Layout(list(rows), score_rows, score_offsets, need_rows, need_offsets,
                   np.array(weight, dtype=np.float32), np.array(rarity, dtype=np.float32),
                   np.array(english, dtype=bool), np.array(concept, dtype=np.int64),
                   concept_offsets, group_offsets, np.array(group_concept, dtype=np.int64))


def _lookup(index: Index, rows: list[tuple[str, str]], items: np.ndarray):
    """(scores, present, in the item's own words) of every row over the candidates, each
    field's terms looked up together."""
    n = len(items)
    scores = np.zeros((len(rows), n), dtype=np.float32)
    present = np.zeros((len(rows), n), dtype=bool)
    own = np.zeros((len(rows), n), dtype=bool)
    english = [r for r, (f, _) in enumerate(rows) if f == "en"]
    if english:
        w, p = index.en.gather_many([rows[r][1] for r in english], items)
        scores[english], present[english], own[english] = w * W_EN, p, p
    vi = [r for r, (f, _) in enumerate(rows) if f != "en"]
    if vi:
        scores[vi], present[vi], own[vi] = index.words_in([rows[r] for r in vi], items)
    return scores, present, own


def _score(index: Index, concepts: list[Concept], items: np.ndarray, boost, wants: int) -> Ranking:
    n = len(items)
    if not concepts or not n:
        empty = np.zeros(n, dtype=np.float32)
        return Ranking(items, empty, empty, empty, empty, empty, empty, empty, 1.0, 0)
    L = _layout(index, concepts)
    S, P, O = _lookup(index, L.rows, items)
    # Per wording: its BM25 sum, whether an item has all of it (anywhere / in its own words).
    alt_score = np.add.reduceat(S[L.score_rows], L.score_offsets, axis=0) * L.weight[:, None]
    alt_present = np.logical_and.reduceat(P[L.need_rows], L.need_offsets, axis=0)
    alt_own = np.logical_and.reduceat(O[L.need_rows], L.need_offsets, axis=0)
    # Per concept: the best wording of each channel adds up; coverage takes the best wording
    # an item has, valued by its rarity (a wording the index lacks covers nothing).
    weights = np.array([c.weight for c in concepts], dtype=np.float32)
    best = np.maximum.reduceat(alt_score, L.group_offsets, axis=0)
    total = (weights[L.group_concept][:, None] * best).sum(axis=0)
    value = np.where(alt_present, (L.rarity * L.weight)[:, None], np.float32(0))
    cover = np.maximum.reduceat(value, L.concept_offsets, axis=0)
    chosen = np.where((value == cover[L.concept]) & (value > 0), L.rarity[:, None], np.float32(0))
    cover_rarity = np.maximum.reduceat(chosen, L.concept_offsets, axis=0)
    cover_vi = np.maximum.reduceat(np.where(L.english[:, None], 0, value), L.concept_offsets, axis=0)
    cover_en = np.maximum.reduceat(np.where(L.english[:, None], value, 0), L.concept_offsets, axis=0)
    cover_own = np.maximum.reduceat(np.where(alt_own & ~L.english[:, None], value, 0), L.concept_offsets, axis=0)
    # A concept weighs as much as the wording of it that an item uses is rare; for items
    # without it, as its most common wording (or, when the index has none of it, what the
    # question builder decided).
    known_rarity = [L.rarity[a:b][L.rarity[a:b] > 0] for a, b in
                    zip(L.concept_offsets, L.concept_offsets[1:] + [len(L.rarity)])]
    missing = np.array([float(k.min()) if len(k) else (c.unknown or index.uni.unknown_idf)
                        for k, c in zip(known_rarity, concepts)], dtype=np.float32)
    part = np.array([(W_PAIR_COVERAGE if c.pair else 1.0) * c.weight if c.content else 0.0
                     for c in concepts], dtype=np.float32)
    # A pair at the seam of two known words (concepts.seams) is no content the index lacks.
    unknown = np.array([len(k) == 0 and not c.seam for k, c in zip(known_rarity, concepts)])
    stray = _stray_syllables(index, concepts, cover > 0)
    if stray is not None:
        cover, cover_vi, cover_own = cover * stray, cover_vi * stray, cover_own * stray
    has = cover > 0
    mass = part @ np.where(has, cover_rarity, missing[:, None])
    ratio = lambda x: np.divide(part @ x, mass, out=np.zeros(n, dtype=np.float32), where=mass > 0)
    share = ratio(cover)
    content = part > 0
    ceiling = max(index.uni.unknown_idf, 1e-9)
    rare_missed = (np.where(has[content], 0, (missing[content] / ceiling)[:, None]).max(axis=0)
                   if content.any() else np.zeros(n, dtype=np.float32))
    question_mass = float(part @ missing)
    rank = total * index.prior[items] * share
    if boost is not None:
        rank = rank * boost[items]
    if wants:
        rank = rank * np.where(index.item_kinds[items] & wants, np.float32(W_ANSWER_KIND), np.float32(1))
    order = np.lexsort((items, -rank))
    weight = part[content] * missing[content]
    return Ranking(items=items[order], rank=rank[order], total=total[order], coverage=share[order],
                   held=has[content][:, order], mass=weight / max(float(weight.sum()), 1e-9),
                   vi_coverage=ratio(cover_vi)[order], en_coverage=ratio(cover_en)[order],
                   rare_missed=rare_missed[order].astype(np.float32), own_coverage=ratio(cover_own)[order],
                   unknown=float(part[unknown] @ missing[unknown]) / question_mass if question_mass else 1.0,
                   content=int(content.sum()))


def _stray_syllables(index: Index, concepts: list[Concept], has: np.ndarray) -> np.ndarray | None:
    """Per concept and candidate, how much a syllable found counts: half when the question
    pairs it into a word the index has never seen ('thời tiết', 'giá vàng') and the candidate
    has it only in other words, with none of its question pairs ('thời' of 'thời gian',
    'tiết' of 'chi tiết'). Vietnamese meaning lives in the two-syllable word; a notice that
    never says 'thời tiết' says nothing about the weather, however many 'thời' it has.
    Only when every content syllable of the question is in such a pair: 'sửa nhà' is no word
    either, and 'sửa chữa nhà cửa' answers a question about it; a question whose every word
    is unknown as a word ('thời tiết hôm nay') is about something no notice speaks of. A
    word that is no Vietnamese syllable ('bluezone', 'F1') is a word of its own."""
    pairs_of: dict[int, list[int]] = {}
    unseen: set[int] = set()
    for k, c in enumerate(concepts):
        if c.pair and c.content and c.parts:
            for s in c.parts:
                pairs_of.setdefault(s, []).append(k)
                if not c.typed:
                    unseen.add(s)
    syllables = {k for k, c in enumerate(concepts) if c.content and not c.pair and c.typed}
    if not syllables or not syllables <= unseen \
            or any(len(concepts[k].source) > MAX_SYLLABLE or not concepts[k].source.isalpha() for k in syllables):
        return None         # the question also asks in words the index knows: those decide
    factor = None
    for s in unseen:
        if not concepts[s].content or not concepts[s].typed:
            continue
        explained = has[pairs_of[s]].any(axis=0)
        if factor is None:
            factor = np.ones(has.shape, dtype=np.float32)
        factor[s] = np.where(has[s] & ~explained, np.float32(W_STRAY_SYLLABLE), np.float32(1))
    return factor


# --- Passages ----------------------------------------------------------------------------------

@lru_cache(maxsize=8192)
def sentences(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The sentences of an item with their terms and syllable pairs; items are asked about
    again and again, so this is kept."""
    out = []
    for sentence in split_sentences(text):
        terms, pairs = index_terms(sentence)
        out.append((sentence, frozenset(terms) | frozenset(pairs)))
    return tuple(out)


def _by_passage(index: Index, concepts: list[Concept], ranking: Ranking) -> Ranking:
    """Re-rank the best few by how much of the question their best single sentence holds
    (with the headings and the notice it stands under): a long item that has the question's
    words scattered over many sentences yields to one that says it in one place."""
    top = min(PASSAGE_TOP, len(ranking))
    if top < 2:
        return ranking
    wordings = []                                  # per content concept: (part, [(needed terms, rarity)])
    for c in concepts:
        if not c.content:
            continue
        options = []
        for alt in c.alternatives:
            if alt.field == "en":
                continue
            rarity = index.rarity(alt.field, alt.terms[0]) if len(alt.terms) == 1 else \
                max((index.rarity(alt.field, t) or 0.0) for t in alt.terms)
            if rarity:
                options.append((frozenset(alt.pairs or alt.terms), rarity * alt.weight))
        if options:
            wordings.append(((W_PAIR_COVERAGE if c.pair else 1.0) * c.weight, options))
    mass = sum(part * max(v for _, v in options) for part, options in wordings)
    if not mass:
        return ranking
    asked = frozenset().union(*(need for _, options in wordings for need, _ in options))
    share = np.ones(top, dtype=np.float32)
    held: dict[frozenset[str], float] = {}         # what a set of the asked terms holds
    context = index.context_among(ranking.items[:top], asked)
    for k in range(top):
        best = 0.0
        item = int(ranking.items[k])
        above = context[k]
        for _, terms in sentences(index.records[item].text):
            terms = (terms & asked) | above
            if not terms:
                continue
            value = held.get(terms)
            if value is None:               # most sentences hold the same few of the terms
                value = held[terms] = sum(part * max((v for need, v in options if need <= terms), default=0.0)
                                          for part, options in wordings)
            best = max(best, value)
        share[k] = best / mass
    rank = ranking.rank.copy()
    rank[:top] *= (1 - W_PASSAGE) + W_PASSAGE * share
    order = np.concatenate([np.lexsort((ranking.items[:top], -rank[:top])), np.arange(top, len(rank))])
    passage = np.concatenate([share, ranking.coverage[top:]])
    return Ranking(items=ranking.items[order], rank=rank[order], total=ranking.total[order],
                   held=ranking.held[:, order] if ranking.held is not None else None, mass=ranking.mass,
                   coverage=ranking.coverage[order], vi_coverage=ranking.vi_coverage[order],
                   en_coverage=ranking.en_coverage[order], rare_missed=ranking.rare_missed[order],
                   own_coverage=ranking.own_coverage[order], unknown=ranking.unknown, content=ranking.content,
                   passage=passage[order])
