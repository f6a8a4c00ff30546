"""Answering questions from the directive items, with an honest "not found".

How a question is answered (each step is one module):

1. Small talk ("xin chào", "thanks", "bạn là ai") is never answered with a directive (`knowledge.smalltalk`).
2. The question is cut into folded terms (`knowledge.text`), its language guessed, chat
   shorthand and telex leftovers read back into words, and it becomes a list of concepts,
   each a set of wordings an item may use (`knowledge.concepts`; English through the
   glossary, `knowledge.glossary`; everyday words also as the notices' words for them,
   `knowledge.paraphrase`).
3. What it names — a notice by number, a province, a disease — points to the notices that
   mention it; when the knowledge base has none, the answer says so (`knowledge.named`,
   `knowledge.mentions`).
4. Items are ranked over a few candidates gathered from the postings of the question's
   terms (`knowledge.ranking` over `knowledge.index`).
5. The best item's evidence — coverage, rare words missed, words never seen, margin over
   the runner-up, agreement of English and Vietnamese signals, what the question names —
   becomes a probability that it answers the question (`knowledge.confidence`); below the
   threshold the items are only suggestions.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field, replace
from datetime import date


from knowledge.absent_body import absent_body
from knowledge.accents import accent_mismatch, accented_words, repeats
from knowledge.asked_thing import thing_missing
from knowledge.answer_kind import ANSWERS_MONEY, states_no_charge, wanted_answer, wanted_place
from knowledge.concepts import detect_language, en_concepts, read_vi_tokens, untranslated, vi_concepts
from knowledge.confidence import Evidence, evidence, model, overruled
from knowledge.restatements import conclusion_first
from knowledge.duties import asks_duties, body_list, english_duties
from knowledge.english import accent_mismatch_en, asking_terms, rerank_by_accents, wordings
from knowledge.folding import carry_readings, fold_mismatch, known_words, pair_readings
from knowledge.index import Index
from knowledge.lead_ins import with_list
from knowledge.notice_facts import fact_value, find_notice, typed_fact
from knowledge.ordinals import clashes, document_texts
from knowledge.paraphrase import paraphrased
from knowledge.place_words import place_aside, rest_coverage
from knowledge.live_values import live_value
from knowledge.mentions import boost_named, mentioned, only_the_place, unheard_of
from knowledge.named import corrected_terms, document_kinds, document_label
from knowledge.ranking import Ranking, rank_items
from knowledge.quotes import ranked_sentences
from knowledge.reach import applies_everywhere, newer_rival
from knowledge.records import DeadlineInfo, ItemRecord, document_signatures, load_records, source_line  # noqa: F401 (re-exported)
from knowledge.situation import (answers_difficulty, asks_difficulty, asks_funding, asks_situation, asks_who,
                                 english_statement, statement_answers)
from knowledge.smalltalk import read_smalltalk
from knowledge.text import fold, has_diacritics, nfc, stopword_flags, tokenize
from knowledge.traits import ANSWERS_CODE, ANSWERS_QUANTITY, funding_part

MIN_LETTERS = 3          # fewer letters and digits than this say nothing ("1", "y", "ô")
REBUILD_SHARE = 0.2      # when more of the documents changed, the index is built afresh
MAX_UNTRANSLATED = 0.5  # an English question mostly outside the glossary is not answered from an item without summary
MAX_REPEATS = 3          # repeats of an item's text skipped when looking for its rival


@dataclass
class Hit:
    item_id: int
    text: str               # the item text as stored; a lead-in with the items it announces (knowledge.lead_ins)
    source: str             # "102-TB/VPTU, Văn phòng Tỉnh ủy Lai Châu, 29/12/2021, mục 4"
    score: float            # the probability that this item answers the question (0..1)
    sentence: str           # the best-matching sentence of the item
    record: ItemRecord = field(repr=False, default=None)
    sentences: tuple[str, ...] = ()     # the item's sentences, best first
    notice_last_due: date | None = None  # the last deadline of the item's notice, if any

    @property
    def deadlines(self) -> tuple[DeadlineInfo, ...]:
        return self.record.deadlines if self.record else ()


@dataclass
class Answer:
    question: str
    lang: str               # "vi" or "en", detected from the question ("" when it does not say)
    answered: bool          # False when not confident; hits are then suggestions
    hits: list[Hit]
    smalltalk: str | None = None        # greeting | thanks | who | help | ok | bye
    missing: list[str] = field(default_factory=list)   # named things no notice mentions
    evidence: Evidence | None = field(default=None, repr=False)   # of the best item
    fact: str | None = None     # a fact of the notice's header (signer, date, …): hits[0].text is its value
    nationwide: list[str] = field(default_factory=list)  # places named, with no notice, answered by a national one
    older: Hit | None = None    # an older notice that answers as well (the newer one, hits[0], went first)
    live: str | None = None     # a value of the day asked for ("giá vàng hôm nay"), which no notice gives

    def to_json(self) -> dict:
        """The contract of ../shared/eval/README.md."""
        return {"question": self.question, "answered": self.answered,
                "answers": [{"text": h.text, "source": h.source, "score": round(h.score, 3)}
                            for h in self.hits]}


# --- The public face -----------------------------------------------------------------------

class Searcher:
    """Answers questions over the items of the database (or of given records)."""

    def __init__(self, records: list[ItemRecord] | None = None, *, from_db: bool = False, glossary=None,
                 signatures: dict[int, tuple] | None = None):
        self._from_db = from_db
        self._index = Index(records or [], glossary)
        self._signatures = signatures or {}          # document id -> document_signatures() row
        self._refreshing = threading.Lock()

    @classmethod
    def from_database(cls, cache: str | None = None) -> "Searcher":
        """The items of the database. With `cache` (a file path), the index stored there by
        an earlier run is used when it was made by this code, brought up to date with the
        notices changed since (knowledge/index_store.py); else it is built. The index is
        stored only here, at start, before any question: pickling holds the interpreter
        lock for as long as it writes (a second at 100,000 items), and a start catches up
        on whatever changed after it, so later copies would buy little."""
        from knowledge import index_store
        from knowledge.glossary import Glossary

        glossary = Glossary.with_database()
        loaded = index_store.load(cache, glossary) if cache else None
        if loaded is None:
            signatures = document_signatures()
            searcher = cls(load_records(), from_db=True, glossary=glossary, signatures=signatures)
            pair_readings(searcher._index)           # counted before the first question, and stored
            if cache:
                index_store.save(cache, searcher._index, signatures)
            return searcher
        searcher = cls(from_db=True, glossary=glossary)
        searcher._index, searcher._signatures = loaded
        stored = searcher._index
        searcher.refresh()
        pair_readings(searcher._index)
        if searcher._index is not stored:
            index_store.save(cache, searcher._index, searcher._signatures)
        return searcher

    @classmethod
    def from_records(cls, records: list[ItemRecord], glossary=None) -> "Searcher":
        return cls(records, glossary=glossary)

    def refresh(self) -> None:
        """Take in the notices added, replaced or removed since the last look (push, import,
        recall, /glossary; also by another process). Only the documents whose signature
        changed are read again (`Index.changed`): one notice costs its own items plus one
        re-weighing of the postings, not a rebuild. Questions asked meanwhile use the old
        index; the swap is one assignment. Replaced notices move after the others, which
        only matters to exact ties."""
        if not self._from_db:
            return
        from knowledge.glossary import Glossary
        with self._refreshing:
            signatures = document_signatures()
            removed = {d for d, sig in self._signatures.items() if signatures.get(d) != sig}
            wanted = sorted(d for d, sig in signatures.items() if self._signatures.get(d) != sig)
            if not removed and not wanted:      # the glossary has refresh_glossary
                return
            glossary = Glossary.with_database()
            if len(removed) + len(wanted) > max(REBUILD_SHARE * len(signatures), 50):
                index = Index(load_records(), glossary)                 # most of it changed
                pair_readings(index)
                self._index, self._signatures = index, signatures
                return
            self.apply(removed, load_records(document_ids=wanted), glossary, signatures)

    def apply(self, removed: set[int], added: list[ItemRecord], glossary=None, signatures=None) -> None:
        """Take documents out (by id) and whole documents in. Answerable at once with the
        postings kept as they were weighed, then weighed as a rebuild would (BM25 weights
        depend on the whole collection): two swaps, questions never wait."""
        before = self._index
        index = before.changed(removed, added, glossary, exact=False)
        carry_readings(before, index, [r for r in before.records if r.document_id in removed], added)
        self._index = index
        if signatures is not None:
            self._signatures = signatures
        exact = index.reweighed()
        carry_readings(index, exact, (), ())
        self._index = exact

    def refresh_glossary(self) -> None:
        """Take in the glossary entries admins added or removed. The glossary is read when
        a question is read, not when items are indexed, so no rebuild is needed."""
        from knowledge.glossary import Glossary
        self._index.glossary = Glossary.with_database()

    def __len__(self) -> int:
        return len(self._index)

    def ask(self, question: str, limit: int = 3) -> Answer:
        question = " ".join(nfc(question or "").split())
        index = self._index
        tokens = tokenize(question)
        talk = read_smalltalk(question, tokens)
        if talk.rest != question:
            tokens = tokenize(talk.rest)
        lang = detect_language(talk.rest, tokens, index.uni.vocab, index.en.vocab)
        if talk.kind:
            return Answer(question, talk.lang or "", False, [], smalltalk=talk.kind)
        live = live_value(talk.rest, tokens)
        if live:                        # "giá vàng hôm nay": no notice gives today's price (knowledge.live_values)
            return Answer(question, lang, False, [], live=live)
        if not tokens or not len(index):
            return Answer(question, lang, False, [])
        # Shorthand read back into words names places too ('qngai' Quảng Ngãi).
        read = tokens if lang == "en" else read_vi_tokens(index, tokens, talk.rest)
        concepts = en_concepts(index, talk.rest, tokens) if lang == "en" else \
            paraphrased(index, talk.rest, read, vi_concepts(index, talk.rest, tokens))
        typed = talk.rest.lower()
        mentions, missing = mentioned(index, [t.term for t in read], surfaces := [typed[t.start:t.end] for t in read],
                                      vietnamese=lang != "en")
        fixed = corrected_terms(index, read) if lang != "en" else None    # 'qang ngai' still names Quảng Ngãi
        mentions += [m for m in (mentioned(index, fixed, surfaces)[0] if fixed else ()) if m.name not in {n.name for n in mentions}]
        fact = typed_fact([t.term for t in tokens], [t.term for t in read] if read is not tokens else None,
                          index.doc_numbers)
        first = find_notice(index, fact) if fact else None
        if first is not None:
            return self._fact(index, question, lang, fact.fact, first)
        if fact and fact.number and unheard_of(index, fact.kind, fact.number):
            named = document_label(f"{fact.kind}:{fact.number}") if fact.kind else fact.number
            return Answer(question, lang, False, [], missing=[named])     # "cv 1234 ai ký": no such notice
        boost = boost_named(index, mentions, document_kinds([t.term for t in tokens]))
        wants = wanted_answer(asking_terms([t.term for t in tokens]))
        place = wanted_place([t.term for t in tokens], english=lang == "en")     # ranks only
        ranking = rank_items(index, concepts, boost, wants=wants | place, question=talk.rest)
        accented = accented_words(talk.rest, tokens) if lang == "vi" and has_diacritics(talk.rest) else {}
        if lang == "en":                 # the accents of its glossary wordings (knowledge.english)
            accented = wordings(index.glossary, concepts)
            ranking = rerank_by_accents(ranking, index.records, accented)
        elif accented:                   # the accents typed: 'dùng' is not the 'dụng' of 'tận dụng'
            known = known_words(index)
            ranking = rerank_by_accents(ranking, index.records, accented,
                                        lambda text, words: accent_mismatch(text, words, known))
        ranking, restated = conclusion_first(index, ranking)    # a page's answer, not its quote
        folded = None
        if lang == "vi" and not accented and not has_diacritics(talk.rest):
            flags = stopword_flags(talk.rest, tokens)
            folded = ([t.term for t in tokens], [t.word and not stop for t, stop in zip(tokens, flags)])
        terms = [t.term for t in read]
        if lang != "en":                 # the province named chooses the notices; the evidence weighs the rest
            ranking = rest_coverage(index, ranking, place_aside(concepts, read, mentions), concepts, boost, wants,
                                    mentions, asks_situation(terms))
        hits, ev = self._hits(index, ranking, concepts, lang, mentions, limit, accented, folded, wants,
                              asks_situation(terms), asks_difficulty(terms), restated, asks_who(terms),
                              asks_funding(terms))
        if ev is not None and (lang != "en" or ev.own_coverage == 0) and body_list(index, ranking, terms, hits):
            ev = replace(ev, body_list=1.0)     # "chi cục hải quan khu vực V làm gì": its points
        elif ev is not None and lang == "en":
            ev = english_duties(index, ranking, concepts, terms, hits, ev)   # "What must the police do?"
        noise = sum(c.isalnum() for c in talk.rest) < MIN_LETTERS
        threshold = model().threshold
        # Typed without accents, one syllable of content ('ngon': ngon, ngôn, ngọn, ngón) names
        # no word: with nothing beside it to tell which, a match is a guess.
        lone = folded is not None and ranking.content == 1
        confident = bool(hits) and not noise and not lone and hits[0].score >= threshold and not overruled(ev) \
            and not clashes(talk.rest, document_texts(index, int(ranking.items[0]))) \
            and (asks_duties(terms) or not only_the_place(ranking, concepts, mentions))
        if confident and lang == "en" and ev.en_unsummarised and (untranslated(concepts) > MAX_UNTRANSLATED
                                                                  or thing_missing(index.glossary, talk.rest, hits[0].record)):
            confident = False            # most of the question, or the thing whose value it asks, never reached the item
        confident = confident and (lang == "en" or not absent_body(index, talk.rest, int(ranking.items[0])))
        # A place with no notice of its own is still answered by a national notice.
        national = bool(missing) and all(m.kind == "province" for m in missing) and confident \
            and applies_everywhere(hits[0].record, hits[0].score)
        labels = [m.label for m in missing]
        if missing and not national:
            return Answer(question, lang, False, hits, missing=labels, evidence=ev)
        answer = Answer(question, lang, confident, hits, evidence=ev, nationwide=labels if national else [])
        rival = newer_rival(hits, ranking.rank[:len(hits)], threshold) if confident else None
        if rival is not None:            # the newer notice goes first; the older is named
            answer.older = hits[0]
            hits.insert(0, hits.pop(rival))
        return answer

    @staticmethod
    def _fact(index: Index, question: str, lang: str, fact: str, first: int) -> Answer:
        """A question about the notice itself, answered from its header or not at all: an
        item of the notice never says who signed it (knowledge.notice_facts)."""
        text = fact_value(fact, index.records[first])
        r = index.records[first]
        source = source_line(ItemRecord(0, "", document_number=r.document_number, issuer=r.issuer,
                                        document_title=r.document_title, document_date=r.document_date))
        if text is None:                 # the notice is here; its header does not say: tell so, not "not found"
            header = replace(r, text="", number="", deadlines=())
            return Answer(question, lang, False, [Hit(r.item_id, "", source, 0.0, "", header, (), None)], fact=fact)
        hit = Hit(r.item_id, text, source, 0.99, text, replace(r, text=text, number="", deadlines=()), (text,), None)
        return Answer(question, lang, True, [hit], fact=fact)

    def _hits(self, index: Index, ranking: Ranking, concepts, lang: str, mentions, limit: int, accented,
              folded=None, wants: int = 0, situation: bool = False, difficulty: bool = False,
              restated: int | None = None, who: bool = False, funding: bool = False):
        """`folded`: the terms and content flags of a question typed without accents, whose
        matches are checked against the accented words of the notices (knowledge.folding).
        `situation`: the question asks about the situation, which background answers
        (knowledge.situation), so an item's being background counts nothing against it.
        `difficulty`: the question asks what to do when difficulties arise, which a closing
        formula ("nếu có khó khăn, vướng mắc, … phản ánh về …") answers though it is background.
        `restated`: the position of the quote the first item sums up, no rival to it
        (knowledge.restatements). `funding`: the question asks about the money, which a plan's
        funding part answers though the parser calls it context (knowledge.traits.funding_part)."""
        if not len(ranking):
            return [], None
        wanted = {t for c in concepts for a in c.alternatives if a.field != "en"
                  for t in a.terms + a.pairs}
        places = frozenset(" ".join(p) for m in mentions if m.name.kind == "province" for p in m.name.phrases)
        typed = frozenset(c.source for c in concepts if c.pair and c.typed)
        calibrated = model()
        hits = []
        first = None
        for k in range(min(max(1, limit), len(ranking))):
            i = int(ranking.items[k])
            r = index.records[i]
            d = int(index.item_doc[i])
            in_named = all(m.covers(i, d) for m in mentions)
            named = not in_named or any(m.name.kind != "foreign" for m in mentions)   # a foreign word vouches for nothing
            mismatch = (fold_mismatch(index, "\n".join((*r.headings, r.text)), *folded) if folded
                        else accent_mismatch_en("\n".join((*r.headings, r.text)), accented) if lang == "en"
                        else accent_mismatch(r.text, accented, known_words(index)))
            group = int(ranking.groups[k]) if ranking.groups is not None else -1
            last = len(ranking) if group >= 0 else min(len(ranking), k + 1 + MAX_REPEATS)
            rival = next((j for j in range(k + 1, last)
                          if not repeats(r.text, index.records[int(ranking.items[j])].text)
                          and (group < 0 or int(ranking.groups[j]) != group)
                          and not (k == 0 and j == restated)),
                         last)
            background = bool(index.is_context[i]) and not situation and not (funding and funding_part(r)) \
                and not (difficulty and answers_difficulty(r.text))
            ev = evidence(ranking, k, lang, named, in_named, background, mismatch,
                          kind_missed=bool(wants) and not index.item_kinds[i] & wants, rival=rival,
                          code_missed=bool(wants & ANSWERS_CODE) and not index.item_kinds[i] & ANSWERS_CODE,
                          money_missed=bool(wants & ANSWERS_MONEY) and not index.item_kinds[i] & ANSWERS_QUANTITY
                          and not states_no_charge(fold(r.text)))
            if background and (statement_answers(index, i, wants, who, ev)
                               or (k == 0 and lang == "en" and english_statement(ev, calibrated))):
                ev = replace(ev, context=0.0)       # a page's statement of the figure or body asked for
            first = first or ev
            sentences = ranked_sentences(r.text, wanted, places, typed)
            hits.append(Hit(r.item_id, with_list(index.records, i), source_line(r), calibrated.probability(ev),
                            sentences[0], r, tuple(sentences), index.doc_last_due[d]))
        return hits, first
