"""A question as *concepts*: the pieces of its meaning, each with the wordings an item may use.

- Vietnamese: every syllable (with its typo corrections from the index's vocabulary), and
  every pair of neighbouring syllables (most Vietnamese words have two). Before that, chat
  shorthand and telex leftovers are read back into words (`knowledge.shorthand`).
- English: every glossary phrase (its English stems for the items' English summaries, and
  its Vietnamese wordings for the items themselves), every other word by its stem, names
  the Vietnamese items use ("Tan Uyen"), and pairs of neighbouring concepts whose
  translations stand side by side in an item.

Function words are concepts too, at a low weight and not counted as content: they help
rank but say nothing of what the question is about.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import product

from rapidfuzz import process
from rapidfuzz.distance import OSA, Levenshtein

from knowledge.english import DUTY_WORDS, actor_span, counts_in_words, phrasing_words, subject_span
from knowledge.question_frames import asked_parts, frames
from knowledge.shorthand import (abbreviation_piece, dropped_letter, expand_shorthand, is_syllable, number_unit,
                                 pick_reading, southern, spelled_out, untelex)
from knowledge.text import (EN_STOPWORDS, VI_FUNCTION_WORDS_FOLDED, Token, bigrams, has_diacritics, stem_en,
                            stopword_flags, tokenize)
from knowledge.glossary import word_stem
from knowledge.english_names import name_runs
from knowledge.folding import function_readings

_VOWELS = frozenset("aeiouy")
W_BIGRAM = 1.0          # a pair of neighbouring syllables, relative to one syllable
W_GLOSSARY = 0.8        # Vietnamese translations of English words
W_NAME = 0.4            # a place or person named in an English question: a hint, not the topic
W_CORRECTED = 0.8       # a typo-corrected word counts a little less than a typed one
W_CROSS = 1.0           # two English concepts whose translations stand side by side in an item
W_STOP = 0.3            # a function word
W_NUMBER = 1.5          # a number, date or document number: precise, so it counts more
W_ASKED = 0.3           # what a question word asks for ('who' -> 'chủ trì'): a hint, like a function word
CROSS_SPAN = 2          # ... among this many following concepts of the question
W_SPLIT = 0.6           # a glossary phrase found only as its words apart, relative to the phrase
W_SYNONYM = 0.8         # an English summary's other wording of a glossary entry (same Vietnamese)
W_ACTOR = 1.5           # the body in 'what should schools do': whose task is asked
EN_UNKNOWN = 0.5        # an English word the index never saw: often just phrasing ('attention')


@dataclass
class Alternative:
    field: str                  # "uni" (item syllables), "bi" (syllable pairs) or "en" (summary)
    terms: tuple[str, ...]      # folded syllables / special terms, or English stems
    weight: float = 1.0
    pairs: tuple[str, ...] = ()  # for a Vietnamese phrase: its syllable pairs, all required


@dataclass
class Concept:
    """One piece of the question's meaning and the ways an item may express it."""
    source: str
    alternatives: list[Alternative]
    weight: float = 1.0
    content: bool = True        # counts toward coverage
    pair: bool = False          # a pair of neighbouring syllables of a Vietnamese question
    unknown: float | None = None  # its weight in coverage when the index has none of it
    typed: bool = True          # the question's own word (not a correction or a guess)
    parts: tuple[int, ...] = ()  # a pair: the positions of its two syllables' concepts
    seam: bool = False          # a pair that runs across two words (see `seams`)
    actor: bool = False         # the body whose task an English question asks (see `actor_span`)


def vi_phrase(phrase: str, weight: float) -> Alternative:
    toks = tokenize(phrase)
    return Alternative("uni", tuple(t.term for t in toks), weight, tuple(bigrams(toks)))


# --- Language ---------------------------------------------------------------------------

def detect_language(question: str, tokens: list[Token], vi_words=frozenset(), en_words=frozenset(),
                    glossary=None) -> str:
    """'vi' when the question has Vietnamese letters or mostly Vietnamese words, typed with or
    without accents, in telex or shorthand ('nha may phai lam gi', 'nhaf mays', 'ko dc');
    'en' otherwise ('what must factories do'). Names that only the Vietnamese items use and
    that are no Vietnamese syllable ('bluezone', 'huawei') count for neither: "huawei fit 4 pro
    weight" is English (QA11: it was declined in Vietnamese)."""
    if has_diacritics(question):
        return "vi"
    words = [t.term for t in tokens if t.word and t.term.isalpha()]
    if not words:
        return "vi"
    english = vietnamese = 0
    for w in words:
        if w in EN_STOPWORDS:
            english += 1
        elif is_syllable(w) or expand_shorthand(w):
            vietnamese += 1
        elif w in vi_words and stem_en(w) not in en_words:
            continue                     # a name the notices use ('huawei', 'bluezone'): either language
        elif untelex(w) and untelex(w) in vi_words:
            vietnamese += 1
        else:
            english += 1                 # neither: an English word ('factories', 'shift')
    # A tie with an English question word first: the rest are names ("how did ngo quyen beat the
    # southern han fleet at bach dang" has as many Vietnamese syllables as English words).
    return "en" if english > vietnamese or (english == vietnamese and words[0] in OPENING_WORDS) else "vi"


OPENING_WORDS = frozenset(("what", "how", "who", "whom", "whose", "when", "where", "why", "which"))


# --- Vietnamese ---------------------------------------------------------------------------

def read_vi_tokens(index, tokens: list[Token], text: str = "") -> list[Token]:
    """Shorthand and telex read back into syllables, for words the index does not know (or
    knows only as a rare piece of an abbreviation, when typed in lower case as chat is)."""
    out: list[Token] = []
    last = max((k for k, t in enumerate(tokens) if t.word), default=-1)
    for k, t in enumerate(tokens):
        typed = text[t.start:t.end]
        said = southern(index, t.term, typed, k == last) if t.word else None
        if said:                         # 'dzậy' vậy, '… đc hông' không
            out.append(Token(said, t.start, t.end, True))
            continue
        unit = None if index.known_vi(t.term) else number_unit(t.term)
        if unit:                         # '65t' -> '65 tuoi'
            out += [Token(unit[0], t.start, t.end, False), Token(unit[1], t.start, t.end, True)]
            continue
        if not t.word or (index.known_vi(t.term) and (typed.isupper() or not abbreviation_piece(index, t.term))):
            out.append(t)
            continue
        readings = expand_shorthand(t.term)
        if readings:                     # spelled as the index spells ('bac si' -> 'bac sy')
            left = out[-1].term if out and out[-1].word else None
            right = tokens[k + 1].term if k + 1 < len(tokens) and tokens[k + 1].word else None
            reading = pick_reading(index, readings, left, right)
            out.extend(Token(w.term, t.start, t.end, True) for w in tokenize(reading))
            continue
        plain = untelex(t.term)         # a function word too ('gif' gì, 'af' à): no index holds those
        if plain and (index.known_vi(plain) or plain in VI_FUNCTION_WORDS_FOLDED):
            out.append(Token(plain, t.start, t.end, True))
            continue
        joined = split_joined(index, t.term)
        out.extend(Token(w, t.start, t.end, True) for w in joined) if joined else out.append(t)
    return out


def split_joined(index, term: str) -> tuple[str, str] | None:
    """Two syllables typed without the space between them ('yte' y tế, 'xetnghiem'): the
    split whose halves are syllables the index knows and which the index writes as a pair.
    Only for a word the index does not know and that is no syllable itself ('giay' is giấy,
    not 'gia y')."""
    if not term.isalpha() or not term.isascii() or len(term) < 3 or is_syllable(term):
        return None                      # 'giay' is giấy, a word the notices do not use
    for k in range(1, len(term)):
        a, b = term[:k], term[k:]
        if is_syllable(a) and is_syllable(b) and index.known_vi(a) and index.known_vi(b) \
                and f"{a} {b}" in index.bi.vocab:
            return a, b
    return None


def correct_vi(index, term: str, left: str | None, right: str | None) -> list[str]:
    """Index words one edit away (two for long words), those that pair with a neighbour of
    the question first, then the most common. Two letters typed the wrong way round ('vein'
    for 'vien', 'nghei' for 'nghie') are one slip of the thumb, so they count as one edit."""
    if len(term) < 3 or not term.isalpha():
        return []
    limit = 1 if len(term) < 7 else 2
    found = process.extract(term, index.vi_words, scorer=OSA.distance,
                            score_cutoff=limit, limit=8)
    if not found:
        return []

    def support(cand: str) -> tuple[int, float]:
        pairs = sum(1 for p in ((left, cand), (cand, right))
                    if p[0] and p[1] and f"{p[0]} {p[1]}" in index.bi.vocab)
        return (pairs, -index.uni.idf_of(cand))

    # Typing rarely gets the first letter wrong; dropping it finds nonsense ('banh'->'anh').
    ranked = sorted((c for c, _, _ in found if c[0] == term[0]), key=support, reverse=True)
    if len(term) < 5:       # short syllables are one edit from dozens of others
        # ... except a word with no vowel, which no syllable is: its vowel slipped out
        # ('khng' không), and the commonest syllable that puts one back is what was meant.
        vowelless = [c for c in ranked if not any(ch in _VOWELS for ch in term) and len(c) == len(term) + 1]
        ranked = [c for c in ranked if support(c)[0] > 0] or sorted(vowelless, key=index.uni.idf_of)[:1]
    return ranked[:2]


def vi_concepts(index, question: str, tokens: list[Token]) -> list[Concept]:
    expanded = read_vi_tokens(index, tokens, question)
    words: list[list[str]] = []                      # alternatives of each position
    for i, t in enumerate(expanded):
        alts = [t.term]
        if t.word and not index.known_vi(t.term):
            left = expanded[i - 1].term if i > 0 else None
            right = expanded[i + 1].term if i + 1 < len(expanded) else None
            alts += [a for a in dropped_letter(index, question[t.start:t.end]) + correct_vi(index, t.term, left, right)
                     if a not in alts]
        words.append(alts)
    # A word the index corrects one way only is read as its correction: 'khogn' is 'không', a
    # function word like the 'không' typed; 'trực tuyn ngày' has the seam 'tuyến ngày', not
    # 'trực tuyn', and its pairs weigh as the corrected words do. Two readings stay a guess:
    # reading the first of them as the word added a confident error to seed_dev7's hold part.
    read = [alts[1] if len(alts) == 2 and not index.known_vi(alts[0]) else alts[0] for alts in words]
    reading = [Token(r, t.start, t.end, t.word) for r, t in zip(read, expanded)]
    stops = function_readings(index, question, reading, stopword_flags(question, reading))
    # A corrected word counts a little less than a typed one, even when the index corrects it
    # one way only: in a small knowledge base one way only is no certainty (weighing such a
    # word as typed answered an everyday question of eval_small_kb's hold part, 2026-11-25).
    weighs = [{a: 1.0 if k == 0 else W_CORRECTED for k, a in enumerate(alts)} for alts in words]
    concepts: list[Concept] = []
    for i, (t, stop, alts) in enumerate(zip(expanded, stops, words)):
        options = [Alternative("uni", (a,), weighs[i][a]) for a in alts]
        options += [vi_phrase(spelled, 1.0) for spelled in spelled_out(index, t)]
        concepts.append(Concept(t.term, options, weight=W_STOP if stop else 1.0 if t.word else W_NUMBER,
                                content=not stop, typed=index.known_vi(t.term)))
    seam = seams(index, reading)
    for i in range(len(expanded) - 1):
        a, b = expanded[i], expanded[i + 1]
        if not (a.word and b.word) or (stops[i] and stops[i + 1]):
            continue
        options = [Alternative("bi", (f"{x} {y}",), min(weighs[i][x], weighs[i + 1][y]))
                   for x in words[i] for y in words[i + 1]]
        unknown = (index.uni.idf_of(read[i]) + index.uni.idf_of(read[i + 1])) / 2
        concepts.append(Concept(f"{a.term} {b.term}", options, weight=W_BIGRAM, pair=True,
                                content=not (stops[i] or stops[i + 1]), unknown=unknown,
                                typed=f"{a.term} {b.term}" in index.bi.vocab, parts=(i, i + 1),
                                seam=seam[i]))
    return concepts + asked_concepts(read)


def seams(index, tokens: list[Token]) -> list[bool]:
    """Per pair of neighbouring syllables: whether it runs across two words rather than
    being one. Vietnamese words mostly have two syllables, so a pair the index has never
    seen, one of whose syllables forms a known word with its other neighbour, is the seam
    between two words ('ninh muốn' in 'Quảng Ninh muốn kiểm soát', 'máy phải' in 'nhà máy
    phải'): it says nothing the index lacks (a syllable it lacks, 'muốn', counts on its
    own). A pair that touches no known word ('giá vàng', 'thời tiết') is a word the index
    has never seen, and stays unknown."""
    terms = [t.term if t.word else None for t in tokens]

    def known(x, y) -> bool:
        return x is not None and y is not None and f"{x} {y}" in index.bi.vocab

    out = []
    for i in range(len(terms) - 1):
        a, b = terms[i], terms[i + 1]
        left = terms[i - 1] if i > 0 else None
        right = terms[i + 2] if i + 2 < len(terms) else None
        out.append(a is not None and b is not None and not known(a, b)
                   and (known(left, a) or known(b, right)))
    return out


def asked_concepts(terms: list[str]) -> list[Concept]:
    """Hints at the item part a question word asks for (`knowledge.question_frames`)."""
    return [Concept(f"? {phrase}", [vi_phrase(a, 1.0) for a in alts], weight=W_ASKED, content=False)
            for phrase, alts in asked_parts(terms)]


# --- English ------------------------------------------------------------------------------

def correct_en(index, word: str) -> list[str]:
    if len(word) < 4 or not word.isalpha():
        return []
    found = process.extract(word, index.en_words, scorer=Levenshtein.distance,
                            score_cutoff=1 if len(word) < 8 else 2, limit=2)
    return [c for c, _, _ in found if c[0] == word[0]]


def en_concepts(index, question: str, tokens: list[Token]) -> list[Concept]:
    words = [t.term for t in tokens]
    stems = [stem_en(w) for w in words]
    concepts: list[Concept] = []
    covered = [False] * len(words)
    placed: list[tuple[int, list[tuple[str, ...]]]] = []   # content concepts: position, Vietnamese wordings
    names = name_runs(index, question, tokens)
    readable = [NOT_A_WORD if i in names else word_stem(w) for i, w in enumerate(words)]
    readable = counts_in_words(index.glossary, [_spelled(index, w, st) for w, st in zip(words, readable)])
    actor = actor_span(words) or subject_span(index.glossary, words, readable)
    for s, e, alts in index.glossary.translate(readable):
        # A question word the glossary also knows ('deadline', 'in charge') says what kind of
        # answer is wanted (wanted_answer, asked_concepts), not the topic: it ranks like a
        # function word and does not count as content.
        stop = all(w in EN_STOPWORDS for w in words[s:e]) or asks_only(words[s:e]) \
            or (actor and e == s + 1 and words[s] in DUTY_WORDS and words[e:e + 1] == ["of"])
        options = [Alternative("en", tuple(stems[s:e]))]
        # the glossary's other English wordings of the same thing ('booster shot' = 'booster dose')
        options += [Alternative("en", other, W_SYNONYM) for other in index.glossary.synonyms(tuple(readable[s:e]))]
        options += [vi_phrase(a, W_GLOSSARY) for a in alts]
        weight = W_STOP if stop else W_ACTOR if s in actor else 1.0
        options += split_phrase(index.glossary, words[s:e], readable[s:e])
        concepts.append(Concept(" ".join(words[s:e]), options, weight=weight, content=not stop,
                                actor=s in actor and not stop))
        if not stop:
            placed.append((s, [o.terms for o in options[1:] if o.terms]))
        for j in range(s, e):
            covered[j] = True
    residual: list[int] = []
    for i, (w, st) in enumerate(zip(words, stems)):
        if covered[i] or w in EN_STOPWORDS or w in phrasing_words():
            continue
        options = []
        weight = 1.0
        typed = True
        if st in index.en.vocab:
            options.append(Alternative("en", (st,)))
        if index.known_vi(w):                          # names: 'Tan Uyen', 'Quang Ninh', '5K'
            options.append(Alternative("uni", (w,)))
            residual.append(i)
            weight = W_NAME if tokens[i].word else W_NUMBER
        if not options:
            typed = False
            options = [Alternative("en", (c,), W_CORRECTED) for c in correct_en(index, w)]
            options = options or [Alternative("en", (st,))]
        concepts.append(Concept(w, options, weight=weight, unknown=index.en.unknown_idf * EN_UNKNOWN,
                                typed=typed))
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
    concepts += cross_pairs(index, sorted(placed, key=lambda p: p[0]))
    return concepts + asked_concepts(words)


def _spelled(index, word: str, stem: str) -> str:
    """A word the glossary, the English summaries and the notices all lack, read as the
    glossary word it misspells ('insurence', 'nubmer', 'comunes'): typed in a hurry, it would
    otherwise count as content no item holds, and the question look untranslated."""
    if stem == NOT_A_WORD or not word.isalpha() or word in EN_STOPWORDS or word in phrasing_words() \
            or stem in index.en.vocab or index.known_vi(word):
        return stem
    return index.glossary.corrected(stem) or stem


def asks_only(words: list[str]) -> bool:
    """Words that are a question frame and nothing else: 'in charge' (who), 'where'. A
    'deadline' stays content: an item that names none ('hạn', 'trước ngày', 'đến ngày') is
    a weaker answer to it, whatever date it cites."""
    return tuple(words) in frames()


def split_phrase(glossary, words: list[str], stems: list[str]) -> list[Alternative]:
    """A glossary phrase said in words the item keeps apart: 'veterinary services' is
    'dịch vụ thú y', but an item may say 'dịch vụ tiêm phòng … thú y'. Each content word's
    own wordings, all of them required, none of them side by side: a weaker wording of the
    same concept (W_SPLIT)."""
    if len(words) < 2:
        return []
    parts = [glossary.word(st)[:2] for w, st in zip(words, stems) if w not in EN_STOPWORDS]
    if len(parts) < 2 or not all(parts):
        return []
    out = []
    for combo in product(*parts):
        toks = [tokenize(a) for a in combo]
        out.append(Alternative("uni", tuple(t.term for ts in toks for t in ts), W_GLOSSARY * W_SPLIT,
                               tuple(p for ts in toks for p in bigrams(ts))))
    return out[:4]


NOT_A_WORD = "\x00"   # a position the glossary must not read
def cross_pairs(index, placed: list[tuple[int, list[tuple[str, ...]]]]) -> list[Concept]:
    """Neighbouring English concepts whose Vietnamese wordings stand side by side in an
    item, in either order ('F1 contacts quarantined' -> 'cách ly F1', 'outbreak stamped
    out' -> 'dập ổ dịch'): the item says the two things together, not in passing."""
    out = []
    seen: set[str] = set()
    for k, (_, first) in enumerate(placed):
        for _, second in placed[k + 1:k + 1 + CROSS_SPAN]:
            pairs = {f"{a[-1]} {b[0]}" for x, y in ((first, second), (second, first))
                     for a in x for b in y}
            pairs = sorted(p for p in pairs - seen if p in index.bi.vocab)
            seen.update(pairs)
            if pairs:
                out.append(Concept(" + ".join(pairs), [Alternative("bi", (p,)) for p in pairs],
                                   weight=W_CROSS, content=False, pair=True))
    return out


def untranslated(concepts: list[Concept]) -> float:
    """The share of an English question's content that has no Vietnamese wording (not in
    the glossary, not a name the notices use). An item with no English summary (every
    imported notice) can only be reached through those wordings, so when most of the
    question is untranslated the item found answers some other question: Loa declines."""
    content = [c for c in concepts if c.content and not c.pair]
    if not content:
        return 0.0
    bare = sum(1 for c in content if all(a.field == "en" for a in c.alternatives))
    return bare / len(content)
