"""How an English question is read beyond its words' translations: the words that only
phrase it, a clause's 'when', and the accents of its glossary wordings (evidence against an
item that holds them only folded, and the order of the first candidates).

Why, for phrasing words: "can I put in my own money", "will they give me a new one" — a
word like 'put' or 'one' says how the question is put, not what it is about. Counted as
content with no Vietnamese wording, it lowers every item's coverage alike and makes the
question look untranslated (knowledge.concepts.untranslated), so the item that answers is
declined. They are data (`vocab/en_phrasing.txt`).

Why, for the body a question makes its subject: "When must the Department of Finance report
inventory results to the Ministry of Finance?" asks what that department does, like "what
must the Department of Finance do"; of two points that both name it, the one under its
heading ("Sở Tài chính: … báo cáo kết quả kiểm kê gửi Bộ Tài chính") answers, not the
communes' point that reports to it (knowledge.within.actor_first). The body is the run of
words after the question word and its modal whose glossary wordings name a body of the unit
catalogue (`subject_span`); 'what should schools do' is read by `actor_span`.

Why, for 'when': an English question says what it asks for with its first question word; a later
"when" joins a clause ("who should hospitals report to when applying Decree 188") and
asks for no date. Read as a time question, the item that answers (it names whom to
report to, and no date) would be declined for holding no date (knowledge.confidence,
`kind_missed`).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from knowledge.text import fold_word, has_diacritics
from knowledge.glossary import word_stem

PHRASING_FILE = Path(__file__).resolve().parent / "vocab" / "en_phrasing.txt"

QUESTION_WORDS = frozenset(("who", "whom", "whose", "what", "which", "where", "why", "how"))
CONJUNCTIONS = frozenset(("when", "whenever"))


def asking_terms(terms: list[str]) -> list[str]:
    """The question's terms with a clause's 'when' blanked out: one that comes after
    another question word ('who … when …', 'what … when …'). A leading 'when', 'by when',
    'until when' stay."""
    out = list(terms)
    asked = False
    for i, t in enumerate(terms):
        if t in CONJUNCTIONS and asked and (i == 0 or terms[i - 1] not in ("by", "until", "till")):
            out[i] = ""
        elif t in QUESTION_WORDS:
            asked = True
    return out


MODALS = frozenset(("must", "should", "shall", "will", "can", "do", "does", "need", "needs", "has", "have"))
DETERMINERS = frozenset(("the", "a", "an", "each", "every", "all", "our", "my"))
SUBJECT_WORDS = 6        # the longest body name read


def subject_span(glossary, words: list[str], readable: list[str]) -> set[int]:
    """The positions of a body that is the subject of the question's verb: after its first
    question word and a modal ('when must', 'how should', 'by when does'), the longest run of
    at most SUBJECT_WORDS words whose glossary wordings, one or two side by side in either
    order, start a body's name in the unit catalogue ('department of finance': 'so tai chinh')."""
    from knowledge.within import body_prefixes

    for i, w in enumerate(words[:-2]):
        if w not in QUESTION_WORDS and w not in CONJUNCTIONS:
            continue
        if words[i + 1] not in MODALS:
            return set()
        start = i + 2 + (words[i + 2] in DETERMINERS)
        for end in range(min(len(words), start + SUBJECT_WORDS), start, -1):
            if _names_body(glossary, readable[start:end], body_prefixes()):
                return set(range(start, end))
        return set()
    return set()


def _names_body(glossary, readable: list[str], bodies: frozenset[str]) -> bool:
    """Whether the words are a body's name: every one read by the glossary, in one or two
    wordings that together start a name of the catalogue."""
    found = glossary.translate(readable)
    if not found or found[0][0] != 0 or found[-1][1] != len(readable) or len(found) > 2 \
            or any(a[1] != b[0] for a, b in zip(found, found[1:])):
        return False
    parts = [[" ".join(fold_word(w) for w in alt.split()) for alt in alts] for _, _, alts in found]
    if len(parts) == 1:
        return any(w in bodies for w in parts[0])
    return any(f"{x} {y}" in bodies for a, b in (parts, parts[::-1]) for x in a for y in b) \
        or any(_levelled(a, b, bodies) for a, b in (parts, parts[::-1]))


def _levelled(level: list[str], body: list[str], bodies: frozenset[str]) -> bool:
    """A body of the catalogue with its level beside it: 'provincial police' is 'công an' +
    'tỉnh' (the catalogue names 'Công an' without a level), 'provincial military command' is
    'bộ chỉ huy quân sự' + 'tỉnh'."""
    from knowledge.places import level_of
    return any(level_of(x) for x in level) and any(y in bodies for y in body)


@lru_cache(maxsize=1)
def phrasing_words() -> frozenset[str]:
    """Words of how an English question is put, not of its topic (vocab/en_phrasing.txt)."""
    with open(PHRASING_FILE, encoding="utf-8") as f:
        return frozenset(w for w in (line.split("#", 1)[0].strip().lower() for line in f) if w)


# --- Accents of the glossary's wordings ------------------------------------------------------
# The index matches syllables folded: 'mất' (lost) meets 'mặt' (mọi mặt), 'vé' (ticket) meets
# 've' (về). A Vietnamese question typed with accents is checked against the accents of the
# item (knowledge.accents); an English question has no accents of its own, but its glossary
# wordings do. An item that holds a concept's wording only under other accents holds it by
# accident, and the share of such concepts is the same evidence against the item.

_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")   # grave, acute, tilde, hook, dot below
_SYLLABLES = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=16384)
def syllable_key(word: str) -> tuple[str, str]:
    """A syllable as its letters and its tone, wherever the tone mark sits ('hoà' = 'hòa')."""
    nfd = unicodedata.normalize("NFD", word.lower())
    return (unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONES)),
            "".join(c for c in nfd if c in _TONES))


@lru_cache(maxsize=4096)
def _item_syllables(text: str) -> tuple[frozenset, str]:
    """The item's syllables with their accents, and its folded text (' '-separated, padded)."""
    words = _SYLLABLES.findall(unicodedata.normalize("NFC", text).lower())
    return frozenset(map(syllable_key, words)), " " + " ".join(map(fold_word, words)) + " "


def wordings(glossary, concepts) -> list[tuple[tuple[str, ...], ...]]:
    """For each content concept the glossary translated: its Vietnamese wordings, each as
    its syllables with their accents. The concept's source words are read again by the
    glossary, as the question's were (knowledge.concepts.en_concepts)."""
    out = []
    for c in concepts:
        if not c.content or c.pair or c.source.startswith("?"):
            continue
        found = glossary.translate([word_stem(w) for w in c.source.split()])
        if len(found) != 1 or found[0][1] - found[0][0] != len(c.source.split()):
            continue
        alts = tuple(tuple(_SYLLABLES.findall(unicodedata.normalize("NFC", a).lower())) for a in found[0][2])
        alts = tuple(a for a in alts if a and any(has_diacritics(s) for s in a))
        if alts:
            out.append(alts)
    return out


def accent_mismatch_en(text: str, concept_wordings) -> float:
    """The share of the translated concepts that the item holds only under other accents:
    one of its wordings is there folded, its syllables side by side ('mọi mặt' for 'mất'),
    and none of its wordings is there with its accents."""
    if not concept_wordings:
        return 0.0
    exact, folded = _item_syllables(text)
    other = 0
    for alts in concept_wordings:
        if any(all(syllable_key(s) in exact for s in a) for a in alts):
            continue
        if any(f" {' '.join(map(fold_word, a))} " in folded for a in alts):
            other += 1
    return other / len(concept_wordings)


RERANK_TOP = 20          # the best candidates whose accents are checked
W_ACCENTS = 0.5          # rank kept by a candidate holding every translated concept by accident: 1 - W


def rerank_by_accents(ranking, records, concept_wordings, mismatch=None):
    """The ranking with each of its best candidates' rank lowered by the share of the
    question's translated concepts it holds only under other accents (`accent_mismatch_en`),
    and reordered, when that puts another candidate first. Folding ranks 'chuẩn bị về mọi mặt' with 'vé bị mất' for 'I lost my
    ticket'; the accents of the glossary's wordings tell which one says it. `mismatch`: the
    share function for a question typed in Vietnamese with accents (knowledge.accents: 'dùng'
    typed is not the 'dụng' of 'tận dụng')."""
    mismatch = mismatch or accent_mismatch_en
    if not concept_wordings or not len(ranking):
        return ranking
    rank = ranking.rank.astype(float).copy()
    top = min(RERANK_TOP, len(rank))
    for k in range(top):
        r = records[int(ranking.items[k])]
        rank[k] *= 1.0 - W_ACCENTS * mismatch("\n".join((*r.headings, r.text)), concept_wordings)
    order = np.argsort(-rank, kind="stable")
    if order[0] == 0:                    # the first holds its concepts as written: nothing moves, and
        return ranking                   # the runners-up's slips do not widen its lead
    changes = {"rank": rank[order].astype(ranking.rank.dtype)}
    for name in ("items", "total", "coverage", "vi_coverage", "en_coverage", "rare_missed", "own_coverage",
                 "passage", "docs", "summarised", "groups"):
        value = getattr(ranking, name)
        if value is not None:
            changes[name] = value[order]
    if ranking.held is not None:
        changes["held"] = ranking.held[:, order]
    return replace(ranking, **changes)


# A count a notice writes in words as often as in digits ("Trong hai ngày", "ba tháng"): the
# English question types the digit. One (một: 'a') and five (năm: 'year') are left out —
# their Vietnamese words mean something else as often as the number.
_NUMBER_WORDS = {"2": "two", "3": "three", "4": "four", "6": "six", "7": "seven", "8": "eight",
                 "9": "nine", "10": "ten"}
_COUNTED = frozenset(("day", "week", "month", "year", "hour", "minut", "dose", "level", "tier"))


def counts_in_words(glossary, readable: list[str]) -> list[str]:
    """`readable` (the question's glossary stems) with a small count of days, months, doses …
    typed in digits read as its English word, whose glossary wordings hold both the digit and
    the Vietnamese word: "during the 2 days of national mourning" then reaches "Trong hai ngày
    diễn ra Lễ Quốc tang …" as well as "02 ngày". Only before a unit: a bare digit is as often
    an article's or a point's number ("Article 2")."""
    out = list(readable)
    for i, (w, nxt) in enumerate(zip(readable, readable[1:])):
        word = _NUMBER_WORDS.get(w.lstrip("0"))
        if word and nxt in _COUNTED and glossary.word(word):
            out[i] = word
    return out


_ASKS_TASK = frozenset(("what", "which"))
DUTY_WORDS = frozenset(("duties", "duty", "tasks", "task", "responsibilities", "responsibility", "role", "roles", "job"))
_AFTER_ACTOR = frozenset(("in", "during", "for", "on", "after", "before", "about", "regarding", "when", "to", "under"))
_MODALS = frozenset(("should", "must", "shall", "will", "do", "does", "need", "needs", "has", "have", "is", "are"))


def actor_span(words: list[str]) -> set[int]:
    """The positions of the actor in 'what should schools do …', 'what must the health
    department do', 'what do telecom companies have to do': the task of that body is asked
    for, so the item that assigns it to that body (its heading names it) is the answer, not
    a neighbouring item on the same topic."""
    for i, w in enumerate(words[:-2]):
        if w not in _ASKS_TASK or words[i + 1] not in _MODALS:
            continue
        for j in range(i + 3, min(len(words), i + 9)):
            if words[j] == "do" or (words[j] == "to" and j + 1 < len(words) and words[j + 1] == "do"):
                return set(range(i + 2, j))
        break
    for i, w in enumerate(words[:-2]):       # 'what are the duties of the health department in …', or tersely
        if w in DUTY_WORDS and words[i + 1] == "of" and (i == 0 or i >= 2 and words[i - 1] in ("the", "their", "its")
                                                      and words[0] in _ASKS_TASK and words[1] in ("are", "is")):
            start = i + 2 + (words[i + 2] in ("the", "a", "each", "every", "all"))
            end = next((j for j in range(start, len(words)) if words[j] in _AFTER_ACTOR), len(words))
            return set(range(start, end)) if 0 < end - start <= 6 else set()
    return set()

