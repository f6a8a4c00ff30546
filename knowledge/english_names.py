"""Vietnamese names typed in an English question. The glossary must not read them as English:
'Dat Mui' is no 'date', and the stemmer reads the 'Lak' of 'Dak Lak' as the stem of 'lake', so a
question about rain in Đắk Lắk met every "hồ chứa" (reservoir) of the notices."""
from __future__ import annotations

from knowledge.glossary import word_stem
from knowledge.named import find_names
from knowledge.shorthand import is_syllable
from knowledge.text import Token

# English for a province's kind after its name ('Ho Chi Minh City'): the glossary reads it
_KIND_WORDS = frozenset({"city", "province", "town"})

def name_runs(index, question: str, tokens: list[Token]) -> set[int]:
    """Positions of a Vietnamese name typed capitalised in an English question: two or more
    neighbouring capitalised words, each a Vietnamese syllable the notices use ('Dat Mui',
    'Ca Mau', 'Can Tho', 'Ha Tinh'), or a province typed capitalised, whether or not the notices
    name it ('Dak Lak'). The glossary does not read them: 'Dat' is no 'date', 'Lak' no 'lake'."""
    capital = [question[t.start:t.start + 1].isupper() for t in tokens]
    flags = [t.word and t.term.isalpha() and up and is_syllable(t.term) and index.known_vi(t.term)
             for t, up in zip(tokens, capital)]
    out: set[int] = {k for start, end, name in find_names([t.term for t in tokens]) if name.kind == "province"
                     and all(capital[start:end]) and not _glossary_phrase(index, tokens[start:end])
                     for k in range(start, end) if tokens[k].term not in _KIND_WORDS}
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and flags[j]:
            j += 1
        if j - i >= 2:
            out.update(range(i, j))
        i = max(j, i + 1)
    return out


def _glossary_phrase(index, tokens: list[Token]) -> bool:
    """Whether the glossary reads these words as one phrase ('Ho Chi Minh City', 'HCMC')."""
    stems = [word_stem(t.term) for t in tokens]
    return any(s == 0 and e == len(tokens) for s, e, _ in index.glossary.translate(stems))
