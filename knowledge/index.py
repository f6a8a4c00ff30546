"""The searchable form of the items: BM25 posting lists over five fields.

Fields, and the space each one counts in:
- `uni`  item syllables (folded), one entry per item;
- `bi`   item syllable pairs ("xet nghiem"): most Vietnamese words have two syllables, so
         pairs carry the meaning;
- `en`   the item's English summary, stemmed (bundled notices have one, imports do not);
- `meta` the document's number, kind, issuer, province, title and date, one entry per
         document: a question may name the notice rather than repeat its words;
- `head` the headings above an item ("II. NHIỆM VỤ / 3. Sở Y tế"), one entry per distinct
         list of headings: they say whom or what the item is about.

Answering never walks arrays as long as the knowledge base per word of the question:
`FieldIndex.gather` finds a term's weights for a handful of candidate items by binary search
in that term's postings, and `Index.first_pass` adds the postings of all the question's
terms once to pick the candidates.
"""
from __future__ import annotations

from array import array
from collections import defaultdict
from datetime import date

import numpy as np

from knowledge.text import bigrams, fold, index_terms, stem_en, tokenize
from knowledge.traits import (ANSWERS_FREQUENCY, ANSWERS_TIME, FREQUENCY, answer_kinds, document_number_terms,
                              implicit_headings, kind_of, prior)

BM25_K1, BM25_B = 1.2, 0.5
MIN_IDF = 0.05          # terms in nearly every item decide nothing; they add no score
W_META = 0.6            # a term found in the document's metadata, relative to the item's words
W_HEAD = 1.0            # ... in the headings above the item
NO_HEADINGS = -1
SHORT_POSTINGS = 4      # a posting list up to this many times the candidates is read whole


class FieldIndex:
    """BM25 over one field of many entries: for every term, the entries that contain it and
    the term's precomputed BM25 weight in each (CSR arrays, entries sorted within a term).

    Interface kept small on purpose (vocab, postings, idf, gather) so that the index can
    later be made incremental without touching the scorer."""

    def __init__(self, docs=()):
        self.vocab: dict[str, int] = defaultdict()
        self.vocab.default_factory = self.vocab.__len__     # a new term gets the next id
        self._term_ids = array("i")                          # every term of every entry
        self._lengths = array("i")
        for terms in docs:
            self.add_document(terms)
        if docs:
            self.finish()

    def add_document(self, terms: list[str]) -> None:
        """Entries are added one by one; only their term ids are kept until finish()."""
        self._term_ids.extend(map(self.vocab.__getitem__, terms))
        self._lengths.append(len(terms))

    def finish(self) -> "FieldIndex":
        """Count the terms of each entry and turn them into posting lists of BM25 weights,
        sorted by term then entry."""
        self.vocab.default_factory = None                   # lookups must not add terms now
        lengths = np.array(self._lengths, dtype=np.int64)
        n = len(lengths)
        width = max(n, 1)
        key = np.array(self._term_ids, dtype=np.int64)      # term × width + entry, in place
        del self._term_ids
        key *= width
        key += np.repeat(np.arange(n, dtype=np.int32), lengths)
        key.sort()
        first = np.empty(len(key), dtype=bool)              # the first of each (term, entry)
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
        """(entries, BM25 weights) of a term, or None when no entry has it."""
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

    def gather(self, term: str, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
        """The term's weight in each entry of `keys` (0 where absent, and for terms in nearly
        every entry) and where it is present; None when no entry has the term. Costs a binary
        search per key in this term's postings: nothing as long as the whole field."""
        tid = self.vocab.get(term)
        if tid is None:
            return None
        s, e = int(self.offsets[tid]), int(self.offsets[tid + 1])
        docs = self.docs[s:e]
        pos = np.minimum(np.searchsorted(docs, keys), len(docs) - 1)
        present = docs[pos] == keys
        if self.idf[tid] < MIN_IDF:
            return np.zeros(len(keys), dtype=np.float32), present
        return np.where(present, self.weights[s:e][pos], np.float32(0)), present

    def gather_many(self, terms: list[str], keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """`gather` for several terms at once over sorted, distinct `keys`: (weights, present),
        one row per term. Terms with short posting lists are looked up together (their
        postings searched among the keys), long ones one by one (the keys searched among
        their postings): either way only the terms' postings are read."""
        k, m = len(terms), len(keys)
        weights = np.zeros((k, m), dtype=np.float32)
        present = np.zeros((k, m), dtype=bool)
        if not m:
            return weights, present
        short_rows, starts, ends = [], [], []
        for r, term in enumerate(terms):
            tid = self.vocab.get(term)
            if tid is None:
                continue
            s, e = int(self.offsets[tid]), int(self.offsets[tid + 1])
            if e - s <= SHORT_POSTINGS * m:
                short_rows.append(r)
                starts.append(s)
                ends.append(e)
            else:
                w, p = self.gather(term, keys)
                weights[r], present[r] = w, p
                continue
            if self.idf[tid] < MIN_IDF:
                short_rows[-1] = -1 - r                       # present, but weighs nothing
        if short_rows:
            lens = np.array(ends, dtype=np.int64) - np.array(starts, dtype=np.int64)
            total = int(lens.sum())
            if total:
                first = np.repeat(np.array(starts, dtype=np.int64) - np.cumsum(lens) + lens, lens)
                idx = first + np.arange(total, dtype=np.int64)
                docs = self.docs[idx]
                rows = np.repeat(np.array(short_rows, dtype=np.int64), lens)
                pos = np.searchsorted(keys, docs)
                hit = pos < m
                hit[hit] = keys[pos[hit]] == docs[hit]
                rows, pos, w = rows[hit], pos[hit], self.weights[idx[hit]]
                low = rows < 0
                rows = np.where(low, -1 - rows, rows)
                present[rows, pos] = True
                weights[rows, pos] = np.where(low, np.float32(0), w)
        return weights, present


class Index:
    """The searchable form of a list of items. Immutable once built: a new notice makes a
    new Index, swapped in by one assignment."""

    def __init__(self, records: list, glossary=None):
        from knowledge.glossary import Glossary

        self.records = records
        self.glossary = glossary or Glossary.bundled()
        self.uni, self.bi, self.en = FieldIndex(), FieldIndex(), FieldIndex()
        self.meta, self.head = FieldIndex(), FieldIndex()
        n = len(records)
        self.item_doc = np.zeros(n, dtype=np.int32)
        self.item_head = np.full(n, NO_HEADINGS, dtype=np.int32)
        doc_keys: dict[int, int] = {}
        head_keys: dict[tuple[int, tuple[str, ...]], int] = {}
        self.head_docs: list[int] = []                  # the document of each list of headings
        self.head_texts: list[tuple[str, ...]] = []     # ... and the headings themselves
        self._context: dict[int, frozenset[str]] = {}   # context_terms, as asked for
        self.doc_records: list = []                     # the first record of each document
        stems: dict[str, str] = {}
        implicit = implicit_headings(records)
        self.item_kinds = np.zeros(n, dtype=np.uint8)     # ANSWERS_TIME | ANSWERS_QUANTITY
        for i, r in enumerate(records):
            folded = fold(r.text)
            terms, pairs = index_terms(r.text, folded)
            self.item_kinds[i] = answer_kinds(terms) | (ANSWERS_TIME if r.deadlines else 0) \
                | (ANSWERS_FREQUENCY if FREQUENCY.search(folded) else 0)
            self.uni.add_document(terms)
            self.bi.add_document(pairs)
            en_terms, _ = index_terms(r.summary_en)
            self.en.add_document([stems.get(t) or stems.setdefault(t, stem_en(t)) for t in en_terms])
            d = doc_keys.get(r.document_id)
            if d is None:
                d = doc_keys[r.document_id] = len(doc_keys)
                self.meta.add_document(self._meta_terms(r))
                self.doc_records.append(r)
            self.item_doc[i] = d
            headings = r.headings or implicit[i]
            if headings:
                h = head_keys.get((d, headings))
                if h is None:
                    h = head_keys[(d, headings)] = len(head_keys)
                    h_terms, h_pairs = index_terms("\n".join(headings))
                    self.head.add_document(h_terms + h_pairs)
                    self.head_texts.append(headings)
                    self.head_docs.append(d)
                self.item_head[i] = h
        for field_index in (self.uni, self.bi, self.en, self.meta, self.head):
            field_index.finish()
        firsts: dict[int, list[str]] = defaultdict(list)
        for r in records:
            if len(firsts[r.document_id]) < 5:
                firsts[r.document_id].append(r.text)
        own_numbers: dict[int, set[str]] = {}
        for r in self.doc_records:
            own_numbers[r.document_id] = document_number_terms(r, firsts[r.document_id])
        self.prior = np.array([prior(r, own_numbers.get(r.document_id)) for r in records], dtype=np.float32)
        self.is_context = np.array([r.kind == "context" for r in records], dtype=bool)
        self._places(records)
        self.doc_numbers: dict[str, list[int]] = defaultdict(list)   # 'cd:217' -> documents
        for d, r in enumerate(self.doc_records):
            for term in own_numbers[r.document_id]:
                self.doc_numbers[term].append(d)
        self.doc_numbers = dict(self.doc_numbers)
        self.doc_kinds = [kind_of(r) for r in self.doc_records]      # 'cd', 'tb', … or ''

        self.doc_last_due: list[date | None] = [None] * len(self.doc_records)
        for i, r in enumerate(records):
            for dl in r.deadlines:
                d = int(self.item_doc[i])
                last = dl.due_date
                if getattr(dl, "recurrence", ""):        # a duty without end never "all passed"
                    from knowledge.recurrence import until
                    last = until(dl.recurrence) or date.max
                if self.doc_last_due[d] is None or last > self.doc_last_due[d]:
                    self.doc_last_due[d] = last
        self._rarity: dict[tuple[str, str], float | None] = {}
        vi_words = {t for t in self.uni.vocab if t.isalpha()} | {t for t in self.meta.vocab if t.isalpha()}
        self.vi_words = sorted(vi_words)
        self.en_words = sorted(t for t in self.en.vocab if t.isalpha())

    def _places(self, records: list) -> None:
        """Province of each item's document, folded, for questions that name one."""
        names = sorted({fold(r.province) for r in records if r.province}, key=len, reverse=True)
        self.provinces = {name: k for k, name in enumerate(names, start=1)}
        self.item_province = np.array([self.provinces.get(fold(r.province or ""), 0) for r in records],
                                      dtype=np.int32)

    @staticmethod
    def _meta_terms(r) -> list[str]:
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

    @property
    def documents(self) -> int:
        return len(self.doc_records)

    def context_terms(self, i: int) -> frozenset[str]:
        """The terms an item's every sentence stands under: its headings and its document
        (worked out when first asked for: only the best few items of a question need them)."""
        found = self._context.get(i)
        if found is None:
            if len(self._context) > 50_000:
                self._context.clear()
            h = int(self.item_head[i])
            terms = set(self._meta_terms(self.doc_records[int(self.item_doc[i])]))
            if h >= 0:
                h_terms, h_pairs = index_terms("\n".join(self.head_texts[h]))
                terms.update(h_terms, h_pairs)
            found = self._context[i] = frozenset(terms)
        return found

    def known_vi(self, term: str) -> bool:
        return term in self.uni.vocab or term in self.meta.vocab or term in self.head.vocab

    # --- scoring helpers ----------------------------------------------------------------

    def first_pass(self, wanted: list[tuple[str, str, float]]) -> np.ndarray:
        """A rough score of every item: the sum of the weighted BM25 postings of all the
        question's terms (field, term, weight), document and heading terms spread to their
        items. Touches only those postings, plus one array of scores."""
        n = len(self.records)
        parts: dict[str, tuple[list, list]] = {"item": ([], []), "meta": ([], []), "head": ([], [])}
        for field, term, weight in wanted:
            targets = (("item", getattr(self, field)),) if field != "uni" and field != "bi" else \
                (("item", getattr(self, field)), ("meta", self.meta), ("head", self.head))
            for space, fi in targets:
                p = fi.postings(term)
                if p is None or fi.idf[fi.vocab[term]] < MIN_IDF:
                    continue
                parts[space][0].append(p[0])
                parts[space][1].append(p[1] * weight)
        scores = self._sum(parts["item"], n)
        if parts["meta"][0]:
            scores += W_META * self._sum(parts["meta"], self.meta.size)[self.item_doc]
        if parts["head"][0]:
            head = np.append(self._sum(parts["head"], self.head.size), np.float32(0))
            scores += W_HEAD * head[self.item_head]          # NO_HEADINGS (-1) reads the 0 appended
        return scores

    @staticmethod
    def _sum(part: tuple[list, list], size: int) -> np.ndarray:
        docs, weights = part
        if not docs:
            return np.zeros(size, dtype=np.float32)
        return np.bincount(np.concatenate(docs), weights=np.concatenate(weights),
                           minlength=size).astype(np.float32)

    def word_in(self, field: str, term: str, items: np.ndarray) -> tuple[np.ndarray, np.ndarray, bool]:
        """A syllable or syllable pair (`field` "uni" or "bi") in the given items: the best of
        its weight in the item's words, W_META × in its document's metadata and W_HEAD × in
        its headings; where the item has it (in any of the three); whether the item's own
        words have it. Returns (scores, present, own) with own an array as well."""
        fi = self.uni if field == "uni" else self.bi
        scores = np.zeros(len(items), dtype=np.float32)
        present = np.zeros(len(items), dtype=bool)
        own = present
        found = fi.gather(term, items)
        if found is not None:
            scores, present = found
            own = present
        found = self.meta.gather(term, self.item_doc[items])
        if found is not None:
            scores = np.maximum(scores, W_META * found[0])
            present = present | found[1]
        if self.head.size:
            found = self.head.gather(term, self.item_head[items])
            if found is not None:
                scores = np.maximum(scores, W_HEAD * found[0])
                present = present | found[1]
        return scores, present, own

    def words_in(self, field: str, terms: list[str], items: np.ndarray):
        """`word_in` for several syllables or pairs at once, over sorted distinct items:
        (scores, present, own) with one row per term."""
        fi = self.uni if field == "uni" else self.bi
        scores, present = fi.gather_many(terms, items)
        own = present.copy()
        docs, doc_of = np.unique(self.item_doc[items], return_inverse=True)
        meta_scores, meta_present = self.meta.gather_many(terms, docs)
        np.maximum(scores, W_META * meta_scores[:, doc_of], out=scores)
        present |= meta_present[:, doc_of]
        if self.head.size:
            heads = self.item_head[items]
            under = heads >= 0
            if under.any():
                distinct, head_of = np.unique(heads[under], return_inverse=True)
                head_scores, head_present = self.head.gather_many(terms, distinct)
                cols = np.flatnonzero(under)
                scores[:, cols] = np.maximum(scores[:, cols], W_HEAD * head_scores[:, head_of])
                present[:, cols] |= head_present[:, head_of]
        return scores, present, own

    def rarity(self, field: str, term: str) -> float | None:
        """The idf of a term in the field where it is most common (item words, metadata,
        headings), None when it is in none: how much finding it says."""
        key = (field, term)
        if key not in self._rarity:
            if len(self._rarity) > 200_000:          # typos and noise keep adding terms
                self._rarity.clear()
            self._rarity[key] = self._rarest(field, term)
        return self._rarity[key]

    def _rarest(self, field: str, term: str) -> float | None:
        if field == "en":
            return self.en.known_idf(term)
        fi = self.uni if field == "uni" else self.bi
        known = [i for i in (fi.known_idf(term), self.meta.known_idf(term),
                             self.head.known_idf(term) if self.head.size else None) if i is not None]
        return min(known) if known else None

    def documents_mentioning(self, phrase: tuple[str, ...]) -> frozenset[int]:
        """The documents whose items, headings or metadata contain a phrase of folded terms
        (every neighbouring pair of it in one item, for phrases of three terms or more)."""
        if len(phrase) == 1:
            keys = [(self.uni, phrase[0])]
        else:
            keys = [(self.bi, f"{a} {b}") for a, b in zip(phrase, phrase[1:])]
        items: set[int] | None = None
        heads: set[int] | None = None
        docs: set[int] | None = None
        for fi, term in keys:
            p = fi.postings(term)
            items = _meet(items, p[0] if p is not None else ())
            p = self.head.postings(term) if self.head.size else None
            heads = _meet(heads, p[0] if p is not None else ())
            p = self.meta.postings(term)
            docs = _meet(docs, p[0] if p is not None else ())
        found = set(docs or ())
        if items:
            found.update(self.item_doc[np.fromiter(items, dtype=np.int64)].tolist())
        if heads:
            found.update(self.head_docs[h] for h in heads)
        return frozenset(found)


def _meet(current: set[int] | None, entries) -> set[int]:
    entries = set(np.asarray(entries).tolist())
    return entries if current is None else current & entries
