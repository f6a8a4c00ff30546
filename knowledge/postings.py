"""BM25 posting lists over one field of many entries, that can take documents in and out.

A change (`FieldIndex.changed`) never re-reads the entries it keeps: their postings are
filtered (removed entries), new entries' postings are inserted at the end of each term's
list (their ids come after every kept one), and the BM25 weights of every posting are
recomputed from the new entry count, document frequencies and mean length. That last step is
a few vector operations over the postings (tenths of a second at 100,000 items) and is what
makes the result identical, posting for posting, to building the field again from scratch:
BM25's idf and length normalisation depend on the whole collection.
"""
from __future__ import annotations

from array import array
from collections import defaultdict

import numpy as np

BM25_K1, BM25_B = 1.2, 0.5
MIN_IDF = 0.05          # terms in nearly every item decide nothing; they add no score
SHORT_POSTINGS = 4      # a posting list up to this many times the candidates is read whole
REWEIGH_SLICE = 1 << 20  # postings weighed at a time by `reweighed`


class FieldIndex:
    """BM25 over one field of many entries: for every term, the entries that contain it and
    the term's precomputed BM25 weight in each (CSR arrays, entries sorted within a term).

    Besides the weights it keeps each posting's term frequency (`tf`) and each entry's length
    (`lengths`): what `changed` needs to weigh the postings again."""

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
        self.names = list(self.vocab)                       # term ids -> terms
        lengths = np.array(self._lengths, dtype=np.int64)
        key = np.array(self._term_ids, dtype=np.int64)
        del self._term_ids, self._lengths
        terms, self.docs, self.tf = _count(key, lengths)
        df = np.bincount(terms, minlength=len(self.vocab))
        self.offsets = np.concatenate([[0], np.cumsum(df)]).astype(np.int64)
        self._stats(lengths)
        self.weights = self._bm25(np.repeat(self.idf, df), self.tf, self.docs)
        return self

    def _stats(self, lengths: np.ndarray) -> None:
        """Entry count, mean length and every term's idf, from the collection as it is."""
        n = len(lengths)
        df = np.diff(self.offsets)
        self.lengths, self.size = lengths, n
        self.idf = np.log1p((n - df + 0.5) / (df + 0.5)).astype(np.float32)
        self.avgdl = max(float(lengths.mean()), 1e-9) if n else 1.0
        self.unknown_idf = float(np.log1p((max(n, 1) + 0.5) / 0.5))

    def _bm25(self, idf: np.ndarray, tf: np.ndarray, entries: np.ndarray) -> np.ndarray:
        """idf·tf·(k1+1) / (tf + k1·(1 − b + b·len/avgdl)) of postings (`idf`, one per posting,
        is consumed), with as few passes over them as can be: the length part is worked out
        once per entry."""
        return _weights(idf, tf, (BM25_K1 * (1 - BM25_B + BM25_B * self.lengths / self.avgdl))[entries])

    def reweighed(self, slice_size: int = REWEIGH_SLICE) -> "FieldIndex":
        """The same postings with the weights a build from scratch would give them. Worked
        out a slice of postings at a time: the thread doing it lets answers through between
        two slices (numpy holds the interpreter lock through some of these steps)."""
        new = FieldIndex.__new__(FieldIndex)
        new.__dict__.update(self.__dict__)
        total = len(self.docs)
        weights = np.empty(total, dtype=np.float32)
        norm = BM25_K1 * (1 - BM25_B + BM25_B * self.lengths / self.avgdl)
        for a in range(0, total, slice_size):
            b = min(a + slice_size, total)
            first = int(np.searchsorted(self.offsets, a, side="right")) - 1
            last = int(np.searchsorted(self.offsets, b, side="left"))
            counts = np.diff(np.clip(self.offsets[first:last + 1], a, b))
            weights[a:b] = _weights(np.repeat(self.idf[first:last], counts), self.tf[a:b], norm[self.docs[a:b]])
        new.weights = weights
        return new

    def changed(self, alive: np.ndarray | None, added: list[list[str]], exact: bool = True) -> "FieldIndex":
        """A new FieldIndex without the entries where `alive` is False (the others renumbered
        in order) and with `added` entries after them; this one is left as it was, so
        questions being answered meanwhile go on reading it.

        Not `exact`, the postings kept keep their weights (the new ones, and every idf, are
        worked out from the new collection): a few copies of the postings, no arithmetic
        over them, so the change is answerable at once; `reweighed()` then makes it exact
        (one notice moves the weights by about its share of the collection)."""
        new = FieldIndex.__new__(FieldIndex)
        n_terms = len(self.offsets) - 1
        df = np.diff(self.offsets)
        docs, tf, weights, lengths = self.docs, self.tf, self.weights, self.lengths
        if alive is not None and not alive.all():
            keep = alive[docs]
            remap = (np.cumsum(alive) - 1).astype(np.int32)
            docs, tf = remap[docs[keep]], tf[keep]
            weights = None if exact else weights[keep]
            kept = np.concatenate([[0], np.cumsum(keep)])        # postings kept up to each offset
            df = kept[self.offsets[1:]] - kept[self.offsets[:-1]]
            lengths = lengths[alive]
        vocab, names = dict(self.vocab), list(self.names)
        d_terms = d_docs = d_tf = at = None
        if added:
            ids = array("i")
            for entry in added:
                for t in entry:
                    tid = vocab.get(t)
                    if tid is None:
                        tid = vocab[t] = len(names)
                        names.append(t)
                    ids.append(tid)
            add_lengths = np.array([len(e) for e in added], dtype=np.int64)
            d_terms, d_docs, d_tf = _count(np.array(ids, dtype=np.int64), add_lengths)
            d_docs += len(lengths)
            df = np.concatenate([df, np.zeros(len(names) - n_terms, dtype=df.dtype)])
            at = np.concatenate([[0], np.cumsum(df)])[np.minimum(d_terms + 1, n_terms)]
            at[d_terms >= n_terms] = len(docs)                       # new terms go last, in order
            docs, tf = _insert(docs, at, d_docs), _insert(tf, at, d_tf)
            if not exact:
                weights = _insert(weights, at, np.zeros(len(at), dtype=np.float32))
            df = df + np.bincount(d_terms, minlength=len(names))
            lengths = np.concatenate([lengths, add_lengths])
        for tid in np.flatnonzero(df == 0).tolist():                  # terms no entry has any more
            if vocab.get(names[tid]) == tid:                         # (their ids stay, unused; a term
                del vocab[names[tid]]                                # back later gets a new one)
        new.vocab, new.names, new.docs, new.tf = vocab, names, docs.astype(np.int32, copy=False), tf
        new.offsets = np.concatenate([[0], np.cumsum(df)]).astype(np.int64)
        new._stats(lengths)
        if exact:
            new.weights = new._bm25(np.repeat(new.idf, df), new.tf, new.docs)
        else:
            if d_terms is not None:
                weights[at + np.arange(len(at))] = new._bm25(new.idf[d_terms], d_tf, d_docs)
            new.weights = weights
        return new

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
        keys = keys.astype(docs.dtype, copy=False)
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
        keys = keys.astype(self.docs.dtype, copy=False)        # searchsorted over mixed types converts every posting
        vocab = self.vocab
        found = [(r, tid) for r, term in enumerate(terms) if (tid := vocab.get(term)) is not None]
        if not found:
            return weights, present
        rows = np.array([r for r, _ in found], dtype=np.int64)
        tids = np.array([tid for _, tid in found], dtype=np.int64)
        starts, ends = self.offsets[tids], self.offsets[tids + 1]
        lens = ends - starts
        low = self.idf[tids] < MIN_IDF                       # present, but weigh nothing
        short = lens <= SHORT_POSTINGS * m
        if not short.all():                                  # where each key is, or would be
            far = np.flatnonzero(~short)
            docs = self.docs
            at = np.array([docs[s:e].searchsorted(keys) for s, e in zip(starts[far].tolist(), ends[far].tolist())])
            np.minimum(at, (lens[far] - 1)[:, None], out=at)
            at += starts[far][:, None]
            hit = self.docs[at] == keys
            present[rows[far]] = hit
            hit[low[far]] = False
            weights[rows[far]] = np.where(hit, self.weights[at], np.float32(0))
        if short.any():
            near = np.flatnonzero(short)
            lens = lens[near]
            total = int(lens.sum())
            if total:
                idx = np.repeat(starts[near] - np.cumsum(lens) + lens, lens) + np.arange(total, dtype=np.int64)
                docs = self.docs[idx]
                pos = np.searchsorted(keys, docs)
                hit = pos < m
                hit[hit] = keys[pos[hit]] == docs[hit]
                which = np.repeat(near, lens)[hit]
                pos, w = pos[hit], self.weights[idx[hit]]
                present[rows[which], pos] = True
                weights[rows[which], pos] = np.where(low[which], np.float32(0), w)
        return weights, present


def _weights(idf: np.ndarray, tf: np.ndarray, norm: np.ndarray) -> np.ndarray:
    """BM25 of postings from their term's idf, tf and entry's length part (idf and norm are
    consumed)."""
    tf = tf.astype(np.float32)
    idf *= tf
    idf *= np.float32(BM25_K1 + 1)
    norm += tf
    np.divide(idf, norm, out=norm)
    return norm.astype(np.float32)


def _insert(values: np.ndarray, at: np.ndarray, new: np.ndarray) -> np.ndarray:
    """np.insert(values, at, new) for sorted `at`, by slices: np.insert masks every element,
    ten times slower on arrays of tens of millions."""
    out = np.empty(len(values) + len(at), dtype=values.dtype)
    out[at + np.arange(len(at))] = new
    points, counts = np.unique(at, return_counts=True)
    shifts = np.concatenate([[0], np.cumsum(counts)]).tolist()
    starts = [0] + points.tolist()
    ends = points.tolist() + [len(values)]
    for s, e, k in zip(starts, ends, shifts):
        if e > s:
            out[s + k:e + k] = values[s:e]
    return out


def _count(key: np.ndarray, lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(term, entry, tf) of every distinct (term, entry) pair, sorted by term then entry, from
    the term ids of every entry in order (`key`, consumed) and the entries' lengths."""
    n = len(lengths)
    width = max(n, 1)
    key *= width                                        # term × width + entry, in place
    key += np.repeat(np.arange(n, dtype=np.int64), lengths)
    key.sort()
    first = np.empty(len(key), dtype=bool)              # the first of each (term, entry)
    first[:1] = True
    np.not_equal(key[1:], key[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    del first
    tf = np.minimum(np.diff(np.append(starts, len(key))), 65535).astype(np.uint16)
    pairs = key[starts]
    del key, starts
    return (pairs // width).astype(np.int32), (pairs % width).astype(np.int32), tf
