"""What the index keeps of a run of whole documents, worked out from their items alone.

Everything here depends only on the documents given (their items' words, headings, kinds,
numbers, deadlines), never on the rest of the knowledge base: so a new or replaced notice is
read once, and its parts appended to an index that keeps every other document as it was
(`Index.changed`). What depends on the whole collection (BM25 weights, the vocabularies,
the province numbering) is derived afterwards, in `Index._derive`.
"""
from __future__ import annotations

from datetime import date

from knowledge.clock_place import clock_place_kinds
from knowledge.doc_numbers import document_number_terms, kind_of
from knowledge.text import bigrams, fold, index_terms, stem_en, tokenize
from knowledge.traits import (ANSWERS_FREQUENCY, ANSWERS_TIME, FREQUENCY, W_QUESTION, answer_kinds, conclusion_points,
                              implicit_headings, is_context, petitions, prior)

NO_HEADINGS = -1


def meta_terms(r) -> list[str]:
    """The terms of an item's document: number, kind, issuer, province, title, date."""
    text = " . ".join(p for p in (r.document_number or "", r.document_kind, r.issuer,
                                  r.province or "", r.document_title,
                                  r.document_date.strftime("%d/%m/%Y") if r.document_date else "")
                      if p)
    toks = tokenize(text)
    out = [t.term for t in toks] + bigrams(toks)
    out += [stem_en(t.term) for t in tokenize(r.document_title_en)]
    return out


class Parts:
    """The parts of `records` (whole documents, items in document order), numbered as if
    `first_doc` documents and `first_head` lists of headings came before them."""

    def __init__(self, records: list, first_doc: int = 0, first_head: int = 0):
        # per item
        self.item_doc: list[int] = []
        self.item_head: list[int] = []
        self.item_kinds: list[int] = []           # ANSWERS_TIME | ANSWERS_QUANTITY | …
        self.prior: list[float] = []
        self.is_context: list[bool] = []
        # per document
        self.doc_records: list = []               # the first record of each document
        self.own_numbers: list[set[str]] = []     # 'cd:217'-style terms naming it
        self.doc_kinds: list[str] = []
        self.doc_last_due: list[date | None] = []
        self.doc_places: list[str] = []           # its province, folded ('' when none)
        # per list of headings
        self.head_docs: list[int] = []
        self.head_texts: list[tuple[str, ...]] = []
        # the entries of each field, as lists of terms
        self.uni: list[list[str]] = []
        self.bi: list[list[str]] = []
        self.en: list[list[str]] = []
        self.meta: list[list[str]] = []
        self.head: list[list[str]] = []
        self._read(records, first_doc, first_head)

    def _read(self, records: list, first_doc: int, first_head: int) -> None:
        doc_keys: dict[int, int] = {}
        head_keys: dict[tuple[int, tuple[str, ...]], int] = {}
        firsts: dict[int, list[str]] = {}
        stems: dict[str, str] = {}
        implicit = implicit_headings(records)
        for i, r in enumerate(records):
            folded = fold(r.text)
            terms, pairs = index_terms(r.text, folded)
            self.item_kinds.append(answer_kinds(terms) | (ANSWERS_TIME if r.deadlines else 0)
                                   | (ANSWERS_FREQUENCY if FREQUENCY.search(folded) else 0)
                                   | clock_place_kinds(terms, r.text))
            self.uni.append(terms)
            self.bi.append(pairs)
            en_terms, _ = index_terms(r.summary_en)
            self.en.append([stems.get(t) or stems.setdefault(t, stem_en(t)) for t in en_terms])
            d = doc_keys.get(r.document_id)
            if d is None:
                d = doc_keys[r.document_id] = len(doc_keys)
                self.meta.append(meta_terms(r))
                self.doc_records.append(r)
                self.doc_last_due.append(None)
                firsts[r.document_id] = []
            if len(firsts[r.document_id]) < 5:
                firsts[r.document_id].append(r.text)
            self.item_doc.append(first_doc + d)
            for dl in r.deadlines:
                last = dl.due_date
                if getattr(dl, "recurrence", ""):        # a duty without end never "all passed"
                    from knowledge.recurrence import until
                    last = until(dl.recurrence) or date.max
                if self.doc_last_due[d] is None or last > self.doc_last_due[d]:
                    self.doc_last_due[d] = last
            headings = r.headings or implicit[i]
            h = NO_HEADINGS
            if headings:
                h = head_keys.get((d, headings))
                if h is None:
                    h = head_keys[(d, headings)] = len(head_keys)
                    h_terms, h_pairs = index_terms("\n".join(headings))
                    self.head.append(h_terms + h_pairs)
                    self.head_texts.append(headings)
                    self.head_docs.append(first_doc + d)
                h += first_head
            self.item_head.append(h)
        for r in self.doc_records:
            self.own_numbers.append(document_number_terms(r, firsts[r.document_id]))
            self.doc_kinds.append(kind_of(r))
            self.doc_places.append(fold(r.province) if r.province else "")
        own = {r.document_id: numbers for r, numbers in zip(self.doc_records, self.own_numbers)}
        self.prior = [prior(r, own[r.document_id]) for r in records]
        for k in petitions(records):                    # a reply letter's quote of what it answers
            self.prior[k] = min(self.prior[k], W_QUESTION)
        listed = conclusion_points(records)
        self.is_context = [is_context(r, w, i in listed) for i, (r, w) in enumerate(zip(records, self.prior))]
