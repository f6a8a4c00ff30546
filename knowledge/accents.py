"""Accents that tell words apart after folding, and items that repeat one another.

Folding makes 'lạnh' (cold) meet 'lãnh' (lãnh đạo): for a question typed with accents, the
share of its accented words that an item has only under other accents is evidence against
it (knowledge.confidence). The best sentence is what a reply leads with.
"""
from __future__ import annotations

import re
from functools import lru_cache

from knowledge.english import syllable_key
from knowledge.text import fold, fold_word, nfc, stopword_flags

REPEAT_SHARE = 0.5       # an item inside another at least twice its length repeats it


class Accented(dict):
    """Content words typed with accents: folded term -> the word as typed ('lanh' -> 'lạnh');
    `content`: how many content words the question has, accented or not."""
    content: int = 0


def accented_words(question: str, tokens) -> Accented:
    lowered = question.lower()
    stops = stopword_flags(question, tokens)
    out = Accented()
    for t, stop in zip(tokens, stops):
        surface = lowered[t.start:t.end]
        out.content += t.word and not stop
        if t.word and not stop and surface != t.term:
            out[t.term] = surface
    return out


@lru_cache(maxsize=4096)
def _surfaces(text: str) -> tuple[frozenset[str], frozenset[str]]:
    words = _WORDS.findall(nfc(text).lower())     # 'khoẻ' typed is the 'khỏe' written: where the tone
    return frozenset(map(syllable_key, words)), frozenset(map(fold_word, words))   # mark sits is no accent


_WORDS = re.compile(r"[^\W\d_]+")


def accent_mismatch(text: str, accented: dict[str, str], known: frozenset[str] | None = None) -> float:
    """The share of the question's content words, typed with accents, that the item has only
    under other accents: folding makes 'lạnh' (cold) meet 'lãnh' (lãnh đạo), accents tell them apart.
    With `known` (the syllables the notices write), a typed word that is no word of theirs
    ('nươc') is taken for a slip of the keyboard, not for another word."""
    if not accented:
        return 0.0
    exact, folded = _surfaces(text)
    other = sum(1 for term, surface in accented.items() if term in folded and syllable_key(surface) not in exact
                and (known is None or surface in known))
    # Over every content word of a half-accented question ("việc lay mau … có thể giao cho luc
    # lượng khac"): one word under other accents weighs what it weighs when all are accented.
    return other / max(len(accented), getattr(accented, "content", 0))


def repeats(a: str, b: str) -> bool:
    """Two items that say the same: web copies of a notice often give its content twice (a
    summary, then the body), and a repeat is no rival to measure a margin against."""
    fa, fb = _squashed(a), _squashed(b)
    if not fa or not fb:
        return False
    short, long_ = sorted((fa, fb), key=len)
    return len(short) >= REPEAT_SHARE * len(long_) and short in long_


@lru_cache(maxsize=4096)
def _squashed(text: str) -> str:
    """The folded text with single spaces; the best items of a question are compared with
    their runners-up at every question, so it is kept."""
    return " ".join(fold(text).split())
