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
terms once (one np.add.at per space) to pick the candidates.

A notice added, replaced or removed does not rebuild the index: `Index.changed` reads only
that notice (knowledge/index_parts.py), splices its postings in or out of each field's
(knowledge/postings.py) and weighs every posting again, which makes the result the index a
build from scratch would give (tests/test_index_incremental.py). The index is stored between
runs by knowledge/index_store.py.
"""
from __future__ import annotations

from collections import defaultdict
from itertools import compress

import numpy as np

from knowledge.index_parts import NO_HEADINGS, Parts
from knowledge.postings import BM25_B, BM25_K1, MIN_IDF, FieldIndex  # noqa: F401 (re-exported)

W_META = 0.6            # a term found in the document's metadata, relative to the item's words
W_HEAD = 1.0            # ... in the headings above the item


class Index:
    """The searchable form of a list of items. Immutable once built: a new notice makes a
    new Index (`changed`: only that notice is read), swapped in by one assignment."""

    def __init__(self, records: list, glossary=None):
        from knowledge.glossary import Glossary

        self.glossary = glossary or Glossary.bundled()
        self.records = list(records)
        parts = Parts(self.records)
        self._keep_parts(parts)
        for name in ("uni", "bi", "en", "meta", "head"):
            fi = FieldIndex()
            for terms in getattr(parts, name):
                fi.add_document(terms)
            setattr(self, name, fi.finish())
        self._derive()

    def _keep_parts(self, parts: Parts) -> None:
        self.item_doc = np.array(parts.item_doc, dtype=np.int32)
        self.item_head = np.array(parts.item_head, dtype=np.int32)
        self.item_kinds = np.array(parts.item_kinds, dtype=np.uint8)
        self.prior = np.array(parts.prior, dtype=np.float32)
        self.is_context = np.array(parts.is_context, dtype=bool)
        for name in ("doc_records", "own_numbers", "doc_kinds", "doc_last_due", "doc_places",
                     "head_docs", "head_texts"):
            setattr(self, name, list(getattr(parts, name)))

    def changed(self, removed: set[int] | frozenset[int], added: list, glossary=None,
                exact: bool = True) -> "Index":
        """This index without the documents whose ids are in `removed` and with the items of
        `added` (whole documents) after the others. Only `added` is read; every posting kept
        is weighed again so that scores are those of an index built from scratch over the
        same items in the same order. This index is left untouched for the questions being
        answered meanwhile. Not `exact`: the postings kept keep their weights until
        `reweighed()` (FieldIndex.changed)."""
        new = Index.__new__(Index)
        new.glossary = glossary or self.glossary
        alive_docs = np.array([r.document_id not in removed for r in self.doc_records], dtype=bool)
        alive_items = alive_docs[self.item_doc] if len(self.item_doc) else np.zeros(0, dtype=bool)
        alive_heads = alive_docs[np.array(self.head_docs, dtype=np.int64)] if self.head_docs \
            else np.zeros(0, dtype=bool)
        docs_kept, heads_kept = int(alive_docs.sum()), int(alive_heads.sum())
        parts = Parts(added, docs_kept, heads_kept)
        new.records = list(compress(self.records, alive_items)) + list(added)
        doc_remap = (np.cumsum(alive_docs) - 1).astype(np.int32)
        head_remap = np.append((np.cumsum(alive_heads) - 1).astype(np.int32), np.int32(NO_HEADINGS))
        kept_heads = self.item_head[alive_items]                 # NO_HEADINGS (-1) reads the -1 appended
        new.item_doc = np.concatenate([doc_remap[self.item_doc[alive_items]],
                                       np.array(parts.item_doc, dtype=np.int32)])
        new.item_head = np.concatenate([head_remap[kept_heads], np.array(parts.item_head, dtype=np.int32)])
        new.item_kinds = np.concatenate([self.item_kinds[alive_items], np.array(parts.item_kinds, dtype=np.uint8)])
        new.prior = np.concatenate([self.prior[alive_items], np.array(parts.prior, dtype=np.float32)])
        new.is_context = np.concatenate([self.is_context[alive_items], np.array(parts.is_context, dtype=bool)])
        for name in ("doc_records", "own_numbers", "doc_kinds", "doc_last_due", "doc_places"):
            setattr(new, name, list(compress(getattr(self, name), alive_docs)) + getattr(parts, name))
        new.head_docs = [int(doc_remap[d]) for d in compress(self.head_docs, alive_heads)] + parts.head_docs
        new.head_texts = list(compress(self.head_texts, alive_heads)) + parts.head_texts
        new.uni = self.uni.changed(alive_items, parts.uni, exact)
        new.bi = self.bi.changed(alive_items, parts.bi, exact)
        new.en = self.en.changed(alive_items, parts.en, exact)
        new.meta = self.meta.changed(alive_docs, parts.meta, exact)
        new.head = self.head.changed(alive_heads, parts.head, exact)
        new._derive()
        return new

    def reweighed(self) -> "Index":
        """This index with every posting weighed as a build from scratch would weigh it."""
        new = Index.__new__(Index)
        new.__dict__.update(self.__dict__)
        for name in ("uni", "bi", "en", "meta", "head"):
            setattr(new, name, getattr(self, name).reweighed())
        new._rarity, new._mentioning = {}, {}
        return new

    def _derive(self) -> None:
        """What depends on the whole collection: places, numbers, vocabularies, caches."""
        names = sorted({p for p in self.doc_places if p}, key=len, reverse=True)
        self.provinces = {name: k for k, name in enumerate(names, start=1)}
        doc_province = np.array([self.provinces.get(p, 0) for p in self.doc_places] or [0], dtype=np.int32)
        self.item_province = doc_province[self.item_doc] if len(self.item_doc) else np.zeros(0, dtype=np.int32)
        self.doc_numbers: dict[str, list[int]] = defaultdict(list)   # 'cd:217' -> documents
        for d, numbers in enumerate(self.own_numbers):
            for term in numbers:
                self.doc_numbers[term].append(d)
        self.doc_numbers = dict(self.doc_numbers)
        self._rarity: dict[tuple[str, str], float | None] = {}
        vi_words = {t for t in self.uni.vocab if t.isalpha()} | {t for t in self.meta.vocab if t.isalpha()}
        self.vi_words = sorted(vi_words)
        self.en_words = sorted(t for t in self.en.vocab if t.isalpha())

    def __len__(self) -> int:
        return len(self.records)

    @property
    def summarised(self) -> np.ndarray:
        """Whether each item has an English summary (the confidence model reads it for
        every candidate; one pass over the records, when first asked for)."""
        found = self.__dict__.get("_summarised")
        if found is None or len(found) != len(self.records):
            found = self._summarised = np.array([bool(r.summary_en) for r in self.records], dtype=bool)
        return found

    @property
    def documents(self) -> int:
        return len(self.doc_records)

    def context_among(self, items: np.ndarray, asked: frozenset[str]) -> list[frozenset[str]]:
        """For each item, the terms of `asked` that all its sentences stand under: in its
        document's metadata or its headings. Read from the postings of those two fields,
        whose entries are exactly those terms: nothing is tokenised again at question time
        (it cost a third of a millisecond per document)."""
        terms = sorted(asked)
        docs, doc_of = np.unique(self.item_doc[items], return_inverse=True)
        above = self.meta.gather_many(terms, docs)[1][:, doc_of]
        heads = self.item_head[items]
        under = np.flatnonzero(heads >= 0)
        if self.head.size and len(under):
            distinct, head_of = np.unique(heads[under], return_inverse=True)
            above[:, under] |= self.head.gather_many(terms, distinct)[1][:, head_of]
        return [frozenset(t for t, yes in zip(terms, column) if yes) for column in above.T.tolist()]

    def known_vi(self, term: str) -> bool:
        return term in self.uni.vocab or term in self.meta.vocab or term in self.head.vocab

    # --- scoring helpers ----------------------------------------------------------------

    def first_pass(self, wanted: list[tuple[str, str, float]]) -> np.ndarray:
        """A rough score of every item: the sum of the weighted BM25 postings of all the
        question's terms (field, term, weight), document and heading terms spread to their
        items. Touches only those postings, plus one array of scores per space.

        The postings of each space are added in float32 by one `np.add.at` over all of them,
        in the question's order: bincount would add in float64 but converts every posting's
        entry and weight first and costs twice as much; `sums[entries] += weights` per term
        reads and writes the sums once per term. Only which items go on to full scoring
        depends on these sums (knowledge/ranking.py), and float32 picks the same ones.
        """
        parts = {"item": ([], []), "meta": ([], []), "head": ([], [])}
        for field, term, weight in wanted:
            targets = (("item", getattr(self, field)),) if field != "uni" and field != "bi" else \
                (("item", getattr(self, field)), ("meta", self.meta), ("head", self.head))
            for space, fi in targets:
                tid = fi.vocab.get(term)
                if tid is None or fi.idf[tid] < MIN_IDF:
                    continue
                s, e = fi.offsets[tid], fi.offsets[tid + 1]
                weights = fi.weights[s:e]
                entries, values = parts[space]
                entries.append(fi.docs[s:e])
                values.append(weights if weight == 1.0 else weights * np.float32(weight))
        scores = _summed(*parts["item"], len(self.records))
        if parts["meta"][0]:                # weighed per document, then spread to the items
            scores += np.take(W_META * _summed(*parts["meta"], self.meta.size), self.item_doc)
        if parts["head"][0]:                # NO_HEADINGS (-1) reads the 0 at the end
            scores += np.take(W_HEAD * _summed(*parts["head"], self.head.size + 1), self.item_head)
        return scores

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

    def words_in(self, rows: list[tuple[str, str]], items: np.ndarray):
        """`word_in` for several syllables ("uni", term) and pairs ("bi", term) at once, over
        sorted distinct items: (scores, present, own) with one row per (field, term). The
        metadata and headings, which hold both, are looked up once for all of them."""
        scores = np.zeros((len(rows), len(items)), dtype=np.float32)
        present = np.zeros((len(rows), len(items)), dtype=bool)
        for field in ("uni", "bi"):
            picked = [r for r, (f, _) in enumerate(rows) if f == field]
            if picked:
                scores[picked], present[picked] = getattr(self, field).gather_many([rows[r][1] for r in picked], items)
        own = present.copy()
        terms = [term for _, term in rows]
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
        (every neighbouring pair of it in one item, for phrases of three terms or more).
        Kept per index: questions name the same few places and diseases again and again,
        and a common one ("covid") is in most of the items."""
        cache = self.__dict__.setdefault("_mentioning", {})
        found = cache.get(phrase)
        if found is None:
            if len(cache) > 10_000:
                cache.clear()
            found = cache[phrase] = self._mentioning_now(phrase)
        return found

    def _mentioning_now(self, phrase: tuple[str, ...]) -> frozenset[int]:
        if len(phrase) == 1:
            keys = [(self.uni, phrase[0])]
        else:
            keys = [(self.bi, f"{a} {b}") for a, b in zip(phrase, phrase[1:])]
        items = heads = docs = None
        for fi, term in keys:
            items = _meet(items, fi.postings(term))
            heads = _meet(heads, self.head.postings(term) if self.head.size else None)
            docs = _meet(docs, self.meta.postings(term))
        found = [docs, self.item_doc[items]]
        if len(heads):
            found.append(np.asarray(self.head_docs, dtype=np.int64)[heads])
        return frozenset(np.unique(np.concatenate(found)).tolist())


def _summed(entries: list[np.ndarray], values: list[np.ndarray], size: int) -> np.ndarray:
    """The sum of the values at each entry (float32, zeros where none)."""
    out = np.zeros(size, dtype=np.float32)
    if len(entries) == 1:                 # a term's entries are distinct
        out[entries[0]] = values[0]
    elif entries:                         # intp entries: add.at need not convert them
        np.add.at(out, np.concatenate(entries, dtype=np.intp), np.concatenate(values))
    return out


def _meet(current: np.ndarray | None, postings) -> np.ndarray:
    """The entries of `current` (all when None) that are in the postings (sorted, distinct)."""
    entries = postings[0] if postings is not None else np.zeros(0, dtype=np.int32)
    return entries if current is None else np.intersect1d(current, entries, assume_unique=True)
