"""Answering questions from the directive items, with an honest "not found".

How a question is answered:

1. The question is cut into folded terms (`knowledge.text`) and its language is guessed:
   Vietnamese when it carries diacritics or when most of its words are possible Vietnamese
   syllables, English otherwise.
2. It becomes a list of *concepts*, each a set of alternative phrasings that an item may
   use: a Vietnamese syllable (plus its typo corrections from the index vocabulary), a pair
   of neighbouring syllables, or an English word with its glossary translations and its
   stem for the item's English summary.
3. Items are ranked by BM25 over four fields — item syllables, item syllable pairs (most
   Vietnamese words have two syllables, so pairs carry the meaning), the English summary,
   and the document's metadata (number, province, issuer, title, date) — taking for each
   concept the best of its alternatives (for English, the best in the summary plus the
   best in the Vietnamese text). Neighbouring English concepts whose translations stand
   side by side in an item count as a phrase. Background ("context") paragraphs rank a
   little lower, and the rank is the BM25 total times the confidence below, so a short item
   that says all that was asked beats a long one that repeats part of it.
4. Confidence is the share of the question's meaning (concepts weighted by rarity) that
   the best item actually contains; for English, averaged with the strength of the match.
   Questions about something else ("giá vàng hôm nay") find some common words but not
   their rare ones, and are not answered; the closest items are still returned as
   suggestions.

Posting lists are numpy arrays of precomputed BM25 impacts, so a question costs a few
vector additions whatever the size of the knowledge base.
"""
from __future__ import annotations

import re
from array import array
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, time
from functools import lru_cache

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from knowledge.glossary import VI_ABBREVIATIONS, translate
from knowledge.text import (EN_STOPWORDS, Token, bigrams, fold, has_diacritics, index_terms, nfc,
                            stem_en, stopword_flags, tokenize)

# Weights of the signals, chosen by measurement on the dev and held-out question sets
# (see benchmarks/ and tests/test_search_accuracy.py); all relative to one item syllable.
W_BIGRAM = 1.0          # a pair of neighbouring syllables
W_META = 0.6            # the document's number, province, issuer, title, date
W_EN = 1.0              # the English summary, for English questions
W_GLOSSARY = 0.8        # Vietnamese translations of English words
W_NAME = 0.4            # a place or person named in an English question: a hint, not the topic
W_CORRECTED = 0.8       # a typo-corrected word counts a little less than a typed one
W_CONTEXT = 0.8         # a "context" paragraph tells what happened, not what to do
W_CROSS = 1.0           # two English concepts whose translations stand side by side in an item
W_OTHER_PROVINCE = 0.6  # an item from another province than the one the question names
CROSS_SPAN = 2          # ... among this many following concepts of the question
CONFIDENCE_THRESHOLD = 0.5
W_PAIR_CONFIDENCE = 0.75    # syllable pairs weigh less in the confidence (some cross word limits)
EN_STRONG_MATCH = 16.0      # a BM25 total that only questions about the items reach
EN_UNKNOWN = 0.5            # an English word the index never saw: often just phrasing ('attention')
BM25_K1, BM25_B = 1.2, 0.5
MIN_IDF = 0.05          # terms in nearly every item decide nothing; skip them when scoring


@dataclass
class DeadlineInfo:
    due_date: date
    due_time: time | None
    kind: str
    phrase: str
    task: str = ""
    task_en: str = ""


@dataclass
class ItemRecord:
    """What the index needs to know of one item and its document."""
    item_id: int
    text: str
    summary_en: str = ""
    number: str = ""
    kind: str = "point"
    headings: tuple[str, ...] = ()      # the headings above the item, outermost first
    document_id: int = 0
    document_number: str | None = None
    document_kind: str = ""
    document_title: str = ""
    document_title_en: str = ""
    issuer: str = ""
    province: str | None = None
    document_date: date | None = None
    references: tuple[str, ...] = ()
    deadlines: tuple[DeadlineInfo, ...] = ()


@dataclass
class Hit:
    item_id: int
    text: str               # the full item text as stored
    source: str             # "102-TB/VPTU, Văn phòng Tỉnh ủy Lai Châu, 29/12/2021, mục 4"
    score: float            # calibrated 0..1: the share of the question the item covers
    sentence: str           # the best-matching sentence of the item
    record: ItemRecord = field(repr=False, default=None)

    @property
    def deadlines(self) -> tuple[DeadlineInfo, ...]:
        return self.record.deadlines if self.record else ()


@dataclass
class Answer:
    question: str
    lang: str               # "vi" or "en", detected from the question
    answered: bool          # False when not confident; hits are then suggestions
    hits: list[Hit]

    def to_json(self) -> dict:
        """The contract of ../shared/eval/README.md."""
        return {"question": self.question, "answered": self.answered,
                "answers": [{"text": h.text, "source": h.source, "score": round(h.score, 3)}
                            for h in self.hits]}


def source_line(r: ItemRecord) -> str:
    """Human source of an item, in Vietnamese (the language of the notices)."""
    parts = [r.document_number or r.document_title[:80]]
    if r.issuer:
        parts.append(r.issuer)
    if r.document_date:
        parts.append(r.document_date.strftime("%d/%m/%Y"))
    if r.number:
        parts.append(f"mục {r.number}")
    return ", ".join(p for p in parts if p)


# --- Language -------------------------------------------------------------------------------

_VI_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"(?:[aeiouy]{1,3})"
    r"(?:ng|nh|ch|[cmnpt])?")


def detect_language(question: str, tokens: list[Token], vi_words=frozenset(), en_words=frozenset()) -> str:
    """'vi' when the question has Vietnamese letters or mostly possible Vietnamese
    syllables ('nha may phai lam gi'); 'en' otherwise ('what must factories do'). Names
    that only the Vietnamese items use ('bluezone') count as Vietnamese."""
    if has_diacritics(question):
        return "vi"
    words = [t.term for t in tokens if t.word and t.term.isalpha()]
    if not words:
        return "vi"
    english = sum(1 for w in words if w in EN_STOPWORDS)
    vietnamese = sum(1 for w in words if w not in EN_STOPWORDS and (
        _VI_SYLLABLE.fullmatch(w) or (w in vi_words and stem_en(w) not in en_words)))
    return "en" if english + (len(words) - english - vietnamese) > vietnamese else "vi"


# --- BM25 posting lists ----------------------------------------------------------------------

class FieldIndex:
    """BM25 over one field of many records: for every term, the records that contain it
    and the term's precomputed BM25 weight in each (CSR arrays)."""

    def __init__(self, docs=()):
        self.vocab: dict[str, int] = defaultdict()
        self.vocab.default_factory = self.vocab.__len__     # a new term gets the next id
        self._term_ids = array("i")                          # every term of every document
        self._lengths = array("i")
        for terms in docs:
            self.add_document(terms)
        if docs:
            self.finish()

    def add_document(self, terms: list[str]) -> None:
        """Documents are added one by one; only their term ids are kept until finish()."""
        self._term_ids.extend(map(self.vocab.__getitem__, terms))
        self._lengths.append(len(terms))

    def finish(self) -> "FieldIndex":
        """Count the terms of each document and turn them into posting lists of BM25
        weights, sorted by term then document."""
        self.vocab.default_factory = None                   # lookups must not add terms now
        lengths = np.array(self._lengths, dtype=np.int64)
        n = len(lengths)
        width = max(n, 1)
        key = np.array(self._term_ids, dtype=np.int64)      # term × width + document, in place
        del self._term_ids
        key *= width
        key += np.repeat(np.arange(n, dtype=np.int32), lengths)
        key.sort()
        first = np.empty(len(key), dtype=bool)              # the first of each (term, document)
        first[:1] = True
        np.not_equal(key[1:], key[:-1], out=first[1:])
        starts = np.flatnonzero(first)
        del first
        tf = np.diff(np.append(starts, len(key))).astype(np.float32)
        pairs = key[starts]
        del key, starts
        terms = pairs // width
        self.docs = (pairs % width).astype(np.int32)
        del pairs
        df = np.bincount(terms, minlength=len(self.vocab))
        self.offsets = np.concatenate([[0], np.cumsum(df)]).astype(np.int64)
        self.idf = np.log1p((n - df + 0.5) / (df + 0.5)).astype(np.float32)
        avgdl = max(float(lengths.mean()), 1e-9) if n else 1.0
        norm = BM25_K1 * (1 - BM25_B + BM25_B * lengths[self.docs] / avgdl)
        self.weights = (self.idf[terms] * tf * (BM25_K1 + 1) / (tf + norm)).astype(np.float32)
        self.size = n
        self.unknown_idf = float(np.log1p((max(n, 1) + 0.5) / 0.5))
        del self._lengths
        return self

    def postings(self, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        tid = self.vocab.get(term)
        if tid is None:
            return None
        s, e = self.offsets[tid], self.offsets[tid + 1]
        return self.docs[s:e], self.weights[s:e]

    def idf_of(self, term: str) -> float:
        tid = self.vocab.get(term)
        return self.unknown_idf if tid is None else float(self.idf[tid])

    def known_idf(self, term: str) -> float | None:
        tid = self.vocab.get(term)
        return None if tid is None else float(self.idf[tid])

    def add(self, scores: np.ndarray, term: str, weight: float, present: np.ndarray | None = None) -> bool:
        """scores += weight × BM25(term); marks `present`. False when the term is unknown."""
        tid = self.vocab.get(term)
        if tid is None:
            return False
        s, e = self.offsets[tid], self.offsets[tid + 1]
        docs = self.docs[s:e]
        if present is not None:
            present[docs] = True
        if self.idf[tid] >= MIN_IDF:
            scores[docs] += weight * self.weights[s:e]
        return True


# --- Questions as concepts ------------------------------------------------------------------

@dataclass
class Alternative:
    field: str                  # "vi" (item text, pairs, metadata) or "en" (summary)
    terms: tuple[str, ...]      # folded syllables / special terms, or English stems
    weight: float = 1.0
    pairs: tuple[str, ...] = ()  # its syllable pairs, which an item must have as well


@dataclass
class Concept:
    """One piece of the question's meaning and the ways an item may express it."""
    source: str
    alternatives: list[Alternative]
    weight: float = 1.0
    content: bool = True        # counts toward confidence
    pair: bool = False          # a pair of neighbouring syllables of a Vietnamese question
    unknown: float | None = None  # its weight in the confidence when the index has none of it


def _rarest(*idfs: float | None) -> float | None:
    """The idf of a term in the field where it is most common, None when in none."""
    known = [i for i in idfs if i is not None]
    return min(known) if known else None


def _vi_phrase(phrase: str, weight: float) -> Alternative:
    toks = tokenize(phrase)
    return Alternative("vi", tuple(t.term for t in toks), weight, tuple(bigrams(toks)))


# --- The index ------------------------------------------------------------------------------

class Index:
    """The searchable form of a list of items. Immutable once built."""

    def __init__(self, records: list[ItemRecord]):
        self.records = records
        self.uni, self.bi, self.en, self.meta = FieldIndex(), FieldIndex(), FieldIndex(), FieldIndex()
        doc_keys: dict[int, int] = {}
        self.item_doc = np.zeros(len(records), dtype=np.int32)
        stems: dict[str, str] = {}
        for i, r in enumerate(records):
            terms, pairs = index_terms(r.text)
            self.uni.add_document(terms)
            self.bi.add_document(pairs)
            en_terms, _ = index_terms(r.summary_en)
            self.en.add_document([stems.get(t) or stems.setdefault(t, stem_en(t)) for t in en_terms])
            d = doc_keys.get(r.document_id)
            if d is None:
                d = doc_keys[r.document_id] = len(doc_keys)
                self.meta.add_document(self._meta_terms(r))
            self.item_doc[i] = d
        for field_index in (self.uni, self.bi, self.en, self.meta):
            field_index.finish()
        self.prior = np.array([W_CONTEXT if r.kind == "context" else 1.0 for r in records], dtype=np.float32)
        # Province of each item's document, folded, for questions that name one ("in Quang Ninh").
        names = sorted({fold(r.province) for r in records if r.province}, key=len, reverse=True)
        self.provinces = {name: n for n, name in enumerate(names, start=1)}
        self.item_province = np.array([self.provinces.get(fold(r.province or ""), 0) for r in records],
                                      dtype=np.int32)
        vi_words = {t for t in self.uni.vocab if t.isalpha()} | {t for t in self.meta.vocab if t.isalpha()}
        self.vi_words = sorted(vi_words)
        self.en_words = sorted(t for t in self.en.vocab if t.isalpha())

    @staticmethod
    def _meta_terms(r: ItemRecord) -> list[str]:
        text = " . ".join(p for p in (r.document_number or "", r.document_kind, r.issuer,
                                      r.province or "", r.document_title,
                                      r.document_date.strftime("%d/%m/%Y") if r.document_date else "")
                          if p)
        toks = tokenize(text)
        out = [t.term for t in toks] + bigrams(toks)
        out += [stem_en(t.term) for t in tokenize(r.document_title_en)]
        return out

    def __len__(self) -> int:
        return len(self.records)

    def _in_item_or_document(self, field: "FieldIndex", term: str):
        """One term's scores in an item's own words or, weighted W_META, in its document's
        number, province, issuer and title: (item scores, item hit, document hit)."""
        n = len(self.records)
        hit = np.zeros(n, dtype=bool)
        item_scores = np.zeros(n, dtype=np.float32)
        field.add(item_scores, term, 1.0, hit)
        doc_hit = np.zeros(self.meta.size, dtype=bool)
        doc_scores = np.zeros(self.meta.size, dtype=np.float32)
        if self.meta.add(doc_scores, term, W_META, doc_hit):
            np.maximum(item_scores, doc_scores[self.item_doc], out=item_scores)
        return item_scores, hit, doc_hit

    def place_weights(self, question: str) -> np.ndarray | float:
        """A question that names provinces ("… in Quang Ninh?") is about their notices: items
        of other provinces' documents rank lower (not out: the name may be a mere mention)."""
        folded = " " + " ".join(re.findall(r"[a-z0-9]+", fold(question))) + " "
        named = [n for name, n in self.provinces.items() if f" {name} " in folded]
        if not named:
            return 1.0
        return np.where(np.isin(self.item_province, named), 1.0, W_OTHER_PROVINCE)

    # --- building the concepts of a question ---------------------------------------------

    def _known_vi(self, term: str) -> bool:
        return term in self.uni.vocab or term in self.meta.vocab

    def correct_vi(self, term: str, left: str | None, right: str | None) -> list[str]:
        """Index words one edit away (two for long words), those that pair with a
        neighbour of the question first, then the most common."""
        if len(term) < 3 or not term.isalpha():
            return []
        limit = 1 if len(term) < 7 else 2
        found = process.extract(term, self.vi_words, scorer=Levenshtein.distance,
                                score_cutoff=limit, limit=8)
        if not found:
            return []

        def support(cand: str) -> tuple[int, float]:
            pairs = sum(1 for p in ((left, cand), (cand, right))
                        if p[0] and p[1] and f"{p[0]} {p[1]}" in self.bi.vocab)
            return (pairs, -self.uni.idf_of(cand))

        # Typing rarely gets the first letter wrong; dropping it finds nonsense ('banh'->'anh').
        ranked = sorted((c for c, _, _ in found if c[0] == term[0]), key=support, reverse=True)
        if len(term) < 5:       # short syllables are one edit from dozens of others
            ranked = [c for c in ranked if support(c)[0] > 0]
        return ranked[:2]

    def correct_en(self, word: str) -> list[str]:
        if len(word) < 4 or not word.isalpha():
            return []
        found = process.extract(word, self.en_words, scorer=Levenshtein.distance,
                                score_cutoff=1 if len(word) < 8 else 2, limit=2)
        return [c for c, _, _ in found if c[0] == word[0]]

    def vi_concepts(self, question: str, tokens: list[Token]) -> list[Concept]:
        expanded: list[Token] = []
        for t in tokens:                                  # 'sx' -> 'san xuat', 'ko' -> 'khong'
            full = VI_ABBREVIATIONS.get(t.term) if t.word else None
            if full and not self._known_vi(t.term):
                expanded.extend(Token(w, t.start, t.end, True) for w in full.split())
            else:
                expanded.append(t)
        stops = stopword_flags(question, expanded)
        words: list[list[str]] = []                      # alternatives of each position
        concepts: list[Concept] = []
        for i, (t, stop) in enumerate(zip(expanded, stops)):
            alts = [t.term]
            if t.word and not self._known_vi(t.term):
                left = expanded[i - 1].term if i > 0 else None
                right = expanded[i + 1].term if i + 1 < len(expanded) else None
                alts += self.correct_vi(t.term, left, right)
            words.append(alts)
            options = [Alternative("vi", (alts[0],))] + [Alternative("vi", (a,), W_CORRECTED) for a in alts[1:]]
            concepts.append(Concept(t.term, options, weight=0.3 if stop else 1.0, content=not stop))
        for i in range(len(expanded) - 1):
            a, b = expanded[i], expanded[i + 1]
            if not (a.word and b.word) or (stops[i] and stops[i + 1]):
                continue
            options = [Alternative("bi", (f"{x} {y}",), 1.0 if (x == a.term and y == b.term) else W_CORRECTED)
                       for x in words[i] for y in words[i + 1]]
            unknown = (self.uni.idf_of(a.term) + self.uni.idf_of(b.term)) / 2
            concepts.append(Concept(f"{a.term} {b.term}", options, weight=W_BIGRAM, pair=True,
                                    content=not (stops[i] or stops[i + 1]), unknown=unknown))
        return concepts

    def en_concepts(self, question: str, tokens: list[Token]) -> list[Concept]:
        words = [t.term for t in tokens]
        stems = [stem_en(w) for w in words]
        concepts: list[Concept] = []
        covered = [False] * len(words)
        placed: list[tuple[int, list[tuple[str, ...]]]] = []   # content concepts: position, Vietnamese wordings
        for s, e, alts in translate(stems):
            stop = all(w in EN_STOPWORDS for w in words[s:e])
            options = [Alternative("en", tuple(stems[s:e]))]
            options += [_vi_phrase(a, W_GLOSSARY) for a in alts]
            concepts.append(Concept(" ".join(words[s:e]), options, weight=0.3 if stop else 1.0,
                                    content=not stop))
            if not stop:
                placed.append((s, [o.terms for o in options[1:] if o.terms]))
            for j in range(s, e):
                covered[j] = True
        residual: list[int] = []
        for i, (w, st) in enumerate(zip(words, stems)):
            if covered[i]:
                continue
            if w in EN_STOPWORDS:
                continue
            options = []
            weight = 1.0
            if st in self.en.vocab:
                options.append(Alternative("en", (st,)))
            if self._known_vi(w):                          # names: 'Tan Uyen', 'Quang Ninh', '5K'
                options.append(Alternative("vi", (w,)))
                residual.append(i)
                weight = W_NAME if tokens[i].word else 1.0
            if not options:
                options = [Alternative("en", (c,), W_CORRECTED) for c in self.correct_en(w)]
                options = options or [Alternative("en", (st,))]
            concepts.append(Concept(w, options, weight=weight, unknown=self.en.unknown_idf * EN_UNKNOWN))
        for i, j in zip(residual, residual[1:]):           # 'tan uyen', 'quang ninh'
            if j == i + 1 and tokens[i].word and tokens[j].word:
                concepts.append(Concept(f"{words[i]} {words[j]}",
                                        [Alternative("bi", (f"{words[i]} {words[j]}",))],
                                        weight=W_NAME, pair=True))
        runs: list[list[int]] = []                         # a name is one piece: 'van don'
        for i in residual:
            if runs and runs[-1][-1] == i - 1:
                runs[-1].append(i)
            else:
                runs.append([i])
        placed += [(run[0], [tuple(words[i] for i in run)]) for run in runs]
        concepts += self._cross_pairs(sorted(placed, key=lambda p: p[0]))
        return concepts

    def _cross_pairs(self, placed: list[tuple[int, list[tuple[str, ...]]]]) -> list[Concept]:
        """Neighbouring English concepts whose Vietnamese wordings stand side by side in an
        item, in either order ('F1 contacts quarantined' -> 'cách ly F1', 'outbreak stamped
        out' -> 'dập ổ dịch'): the item says the two things together, not in passing."""
        out = []
        seen: set[str] = set()
        for k, (_, first) in enumerate(placed):
            for _, second in placed[k + 1:k + 1 + CROSS_SPAN]:
                pairs = {f"{a[-1]} {b[0]}" for x, y in ((first, second), (second, first))
                         for a in x for b in y}
                pairs = sorted(p for p in pairs - seen if p in self.bi.vocab)
                seen.update(pairs)
                if pairs:
                    out.append(Concept(" + ".join(pairs), [Alternative("bi", (p,)) for p in pairs],
                                       weight=W_CROSS, content=False, pair=True))
        return out

    # --- scoring ------------------------------------------------------------------------

    def _alternative(self, alt: Alternative, n: int) -> tuple[np.ndarray, np.ndarray, float | None]:
        """Scores of one alternative over all items, which items contain all of it, and
        its rarity: the idf of its rarest term, None when the index lacks a term."""
        scores = np.zeros(n, dtype=np.float32)
        present = np.ones(n, dtype=bool)
        idfs: list[float | None] = []
        if alt.field == "en":
            for term in alt.terms:
                hit = np.zeros(n, dtype=bool)
                self.en.add(scores, term, W_EN, hit)
                present &= hit
                idfs.append(self.en.known_idf(term))
        elif alt.field == "bi":
            for term in alt.terms:
                item_scores, hit, doc_hit = self._in_item_or_document(self.bi, term)
                scores += item_scores
                present &= hit | doc_hit[self.item_doc]
                idfs.append(_rarest(self.bi.known_idf(term), self.meta.known_idf(term)))
        else:
            toks, pairs = alt.terms, alt.pairs
            doc_hit_all = np.ones(self.meta.size, dtype=bool)
            for term in toks:                          # the item's words, or its document's
                item_scores, hit, doc_hit = self._in_item_or_document(self.uni, term)
                scores += item_scores
                doc_hit_all &= doc_hit
                if not pairs:
                    present &= hit | doc_hit[self.item_doc]
                idfs.append(_rarest(self.uni.known_idf(term), self.meta.known_idf(term)))
            for term in pairs:                         # a phrase must appear as a phrase
                hit = np.zeros(n, dtype=bool)
                self.bi.add(scores, term, W_BIGRAM, hit)
                present &= hit | doc_hit_all[self.item_doc]
        rarity = None if not idfs or None in idfs else max(idfs)
        return scores * alt.weight, present, rarity

    def score(self, concepts: list[Concept]) -> tuple[np.ndarray, np.ndarray]:
        """Ranking score and confidence (covered share of the question) of every item."""
        n = len(self.records)
        total = np.zeros(n, dtype=np.float32)
        covered = np.zeros(n, dtype=np.float32)
        mass = np.zeros(n, dtype=np.float32)
        for c in concepts:
            best: dict[bool, np.ndarray] = {}     # English summary / Vietnamese text: best of each
            cover = np.zeros(n, dtype=np.float32)   # rarity × weight of the wording an item has
            cover_rarity = np.zeros(n, dtype=np.float32)
            rarities = []
            for alt in c.alternatives:
                s, present, r = self._alternative(alt, n)
                channel = alt.field == "en"
                best[channel] = s if channel not in best else np.maximum(best[channel], s)
                if r is None:
                    continue
                rarities.append(r)
                better = present & (cover < r * alt.weight)
                cover[better] = r * alt.weight
                cover_rarity[better] = r
            for s in best.values():
                total += c.weight * s
            if c.content:
                # A concept weighs as much as the wording of it that an item uses is rare;
                # for items without it, as its most common wording (or, when the index has
                # none of it, what the question builder decided).
                missing = min(rarities) if rarities else (c.unknown or self.uni.unknown_idf)
                part = (W_PAIR_CONFIDENCE if c.pair else 1.0) * c.weight
                covered += part * cover
                mass += part * np.where(cover > 0, cover_rarity, missing)
        confidence = np.divide(covered, mass, out=np.zeros(n, dtype=np.float32), where=mass > 0)
        return total, confidence


# --- Sentences ------------------------------------------------------------------------------

_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+(?=\S)|\n+")


@lru_cache(maxsize=4096)
def _sentences(text: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """The sentences of an item with their terms and pairs; items are asked about again
    and again, so this is kept."""
    out = []
    for sentence in _SENTENCE_END.split(text):
        sentence = sentence.strip()
        if sentence:
            terms, pairs = index_terms(sentence)
            out.append((sentence, frozenset(terms) | frozenset(pairs)))
    return tuple(out)


def best_sentence(text: str, wanted: set[str]) -> str:
    """The sentence of the item that holds the most of the question's terms (pairs count
    double: they are the words)."""
    sentences = _sentences(text)
    if not sentences:
        return text
    return max(sentences, key=lambda s: sum(2.0 if " " in w else 1.0 for w in wanted & s[1]))[0]


# --- The public face -----------------------------------------------------------------------

class Searcher:
    """Answers questions over the items of the database (or of given records)."""

    def __init__(self, records: list[ItemRecord] | None = None, *, from_db: bool = False):
        self._from_db = from_db
        self._index = Index(records or [])

    @classmethod
    def from_database(cls) -> "Searcher":
        return cls(load_records(), from_db=True)

    @classmethod
    def from_records(cls, records: list[ItemRecord]) -> "Searcher":
        return cls(records)

    def refresh(self) -> None:
        """Rebuild after a notice was added (push, import). Questions asked meanwhile use
        the old index; the swap is one assignment."""
        if self._from_db:
            self._index = Index(load_records())

    def __len__(self) -> int:
        return len(self._index)

    def ask(self, question: str, limit: int = 3) -> Answer:
        question = nfc(question or "").strip()
        index = self._index
        tokens = tokenize(question)
        lang = detect_language(question, tokens, index.uni.vocab, index.en.vocab)
        if not tokens or not len(index):
            return Answer(question, lang, False, [])
        concepts = index.en_concepts(question, tokens) if lang == "en" else index.vi_concepts(question, tokens)
        total, confidence = index.score(concepts)
        if lang == "en":
            # English reaches the items through translations and one-line summaries, so it
            # covers less of an item's wording; the strength of the match counts as well.
            confidence = (confidence + np.minimum(1.0, total / EN_STRONG_MATCH)) / 2
        k = min(max(1, limit), len(index))
        # Between two items that match about as well, the one that says more of what was
        # asked comes first: a short specific item before a long general one.
        rank = total * index.prior * confidence * index.place_weights(question)
        top = np.argpartition(-rank, k - 1)[:k] if k < len(index) else np.arange(len(index))
        top = sorted(top.tolist(), key=lambda i: (-rank[i], i))[:k]
        top = [i for i in top if total[i] > 0] or top
        wanted = {t for c in concepts for a in c.alternatives if a.field != "en"
                  for t in a.terms + a.pairs}
        hits = []
        for i in top:
            r = index.records[i]
            hits.append(Hit(r.item_id, r.text, source_line(r), float(min(1.0, confidence[i])),
                            best_sentence(r.text, wanted), r))
        answered = bool(hits and hits[0].score >= CONFIDENCE_THRESHOLD and total[top[0]] > 0)
        return Answer(question, lang, answered, hits)


def load_records(item_ids: list[int] | None = None) -> list[ItemRecord]:
    """Items (all, or the given ones) with their document, references and deadlines, in a
    few queries."""
    from knowledge.models import Deadline, Document, Item, Reference

    items = Item.select().order_by(Item.document, Item.position)
    refs_q = Reference.select(Reference.item, Reference.number).where(Reference.item.is_null(False))
    deadlines_q = Deadline.select().order_by(Deadline.due_date, Deadline.id)
    if item_ids is not None:
        items = items.where(Item.id.in_(item_ids))
        refs_q = refs_q.where(Reference.item.in_(item_ids))
        deadlines_q = deadlines_q.where(Deadline.item.in_(item_ids))
    items = list(items)
    docs = {d.id: d for d in Document.select().where(Document.id.in_({it.document_id for it in items}))}
    refs: dict[int, list[str]] = {}
    for ref in refs_q:
        refs.setdefault(ref.item_id, []).append(ref.number)
    deadlines: dict[int, list[DeadlineInfo]] = {}
    for dl in deadlines_q:
        deadlines.setdefault(dl.item_id, []).append(
            DeadlineInfo(dl.due_date, dl.due_time, dl.kind, dl.phrase, dl.task, dl.task_en))
    out = []
    for it in items:
        d = docs[it.document_id]
        out.append(ItemRecord(
            item_id=it.id, text=it.text, summary_en=it.summary_en or "", number=it.number or "",
            kind=it.kind, headings=tuple(it.headings.split("\n")) if it.headings else (), document_id=d.id, document_number=d.number, document_kind=d.kind,
            document_title=d.title, document_title_en=d.title_en or "", issuer=d.issuer,
            province=d.province, document_date=d.date, references=tuple(refs.get(it.id, ())),
            deadlines=tuple(deadlines.get(it.id, ()))))
    return out
