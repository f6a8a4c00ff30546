"""Everyday words for the words of the notices: 'công ty' for 'doanh nghiệp', 'tài xế' for
'lái xe', 'tiền' for 'kinh phí', 'chích' for 'tiêm'.

Officials ask in their own words, not the notice's. A question that says "công ty ở Móng
Cái bao giờ được mở lại" holds none of the words of the item that answers it ("đơn vị sản
xuất kinh doanh … khôi phục hoạt động sản xuất"), so it meets the items that share its
place name and its function words. `knowledge/vocab/paraphrases.tsv` lists, for everyday
words and phrases of any administrative topic, the wordings notices use for the same thing;
each becomes one more wording of the question's concepts under it, at W_PARAPHRASE (a
paraphrase may say a little more or less than the word asked).

Typed without accents, a syllable has many readings ('tien': tiền, tiến, tiên): the
table's word is taken to be meant only when the notices' own pairs do not read it as
another word there ('tien do' is always 'tiến độ' in the notices, so 'tiền' is not meant).
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from knowledge.folding import MIN_PAIR_COUNT, pair_readings
from knowledge.text import fold, has_diacritics, nfc, tokenize
from knowledge.tsv_rows import rows

PARAPHRASES_FILE = Path(__file__).resolve().parent / "vocab" / "paraphrases.tsv"
W_PARAPHRASE = 0.8      # a notice's wording of an everyday word, relative to the word itself
MIN_READING_SHARE = 0.25  # a known pair read with the table's syllable less often than this means another word


@lru_cache(maxsize=1)
def paraphrase_table() -> dict[tuple[str, ...], list[tuple[tuple[str, ...], tuple[str, ...]]]]:
    """Folded everyday phrase -> [(its accented words, the folded wordings notices use)]."""
    table: dict[tuple[str, ...], list] = {}
    for place, cells in rows(PARAPHRASES_FILE):
        if len(cells) != 2:
            raise ValueError(f"{place}: expected 'everyday<TAB>wording | wording'")
        words = tuple(nfc(cells[0]).lower().split())
        wordings = tuple(" ".join(t.term for t in tokenize(w)) for w in cells[1].split("|") if w.strip())
        table.setdefault(tuple(fold(w) for w in words), []).append((words, wordings))
    return table


def _readable(index, words: tuple[str, ...], terms: list[str], start: int) -> bool:
    """Whether the notices' pairs leave the unaccented syllables at terms[start:] free to be
    `words`: a known pair of the question around or inside them (written MIN_PAIR_COUNT
    times) that the notices seldom write with the table's syllable in it ('tien do': 16 'tiến
    độ', 1 'tiền đồ') means another word."""
    readings = pair_readings(index)
    end = start + len(words)
    for k in range(max(start - 1, 0), min(end, len(terms) - 1)):
        known = readings.get(f"{terms[k]} {terms[k + 1]}", {})
        if sum(known.values()) < MIN_PAIR_COUNT:
            continue
        sides = [(0, k - start), (1, k + 1 - start)]
        wanted = [(side, words[at]) for side, at in sides if 0 <= at < len(words)]
        meant = sum(n for r, n in known.items() if all(r.split()[side] == w for side, w in wanted))
        if meant < MIN_READING_SHARE * sum(known.values()):
            return False
    return True


def _known(index, wording: str) -> bool:
    terms = wording.split()
    if len(terms) == 1:
        return index.known_vi(terms[0])
    return all(f"{a} {b}" in index.bi.vocab for a, b in zip(terms, terms[1:]))


def paraphrased(index, question: str, tokens, concepts: list) -> list:
    """`concepts` (of `tokens`, the question's syllables after shorthand, one concept each,
    then the pairs) with the table's wordings added to the concepts its phrases cover."""
    from knowledge.concepts import vi_phrase

    table = paraphrase_table()
    terms = [t.term if t.word else "" for t in tokens]
    typed = [nfc(question[t.start:t.end]).lower() for t in tokens]
    # Each syllable as typed: half-accented chat ("cong nhân") leaves some bare.
    accented = [has_diacritics(s) for s in typed]
    found: list[tuple[int, int, tuple[str, ...]]] = []
    longest = max(map(len, table), default=0)
    for i in range(len(terms)):
        for n in range(longest, 0, -1):
            for words, wordings in table.get(tuple(terms[i:i + n]), ()):
                # Typed with accents, a syllable is that word or not; without, the pairs tell.
                if any(s != w for s, w, term, a in zip(typed[i:i + n], words, terms[i:i + n], accented[i:i + n])
                       if a and fold(s) == term):
                    continue
                if not all(accented[i:i + n]) and not _readable(index, words, terms, i):
                    continue
                found.append((i, i + n, tuple(w for w in wordings if _known(index, w))))
    found += english_words(index, terms)
    for start, end, wordings in found:
        for k, c in enumerate(concepts):
            span = c.parts if c.pair else (k,) if k < len(tokens) else ()
            if span and c.content and start <= min(span) and max(span) < end:
                have = {a.terms for a in c.alternatives}
                c.alternatives += [vi_phrase(w, W_PARAPHRASE) for w in wordings
                                   if tuple(w.split()) not in have]
    return concepts


def english_words(index, terms: list[str]) -> list[tuple[int, int, tuple[str, ...]]]:
    """English words of a Vietnamese question ("F0 mild thì điều trị ở đâu", "dn trong supply
    chain", "cài app bluezone"), as chat mixes them in: the glossary's Vietnamese for a run of
    one or two words that the notices do not write and that are no Vietnamese syllable (an
    unaccented 'an', 'tan' is Vietnamese, not English)."""
    from knowledge.glossary import canonical, word_stem
    from knowledge.shorthand import is_syllable

    table = index.glossary.table

    def english(term: str) -> bool:
        return term.isascii() and term.isalpha() and len(term) >= 3 and not index.known_vi(term) \
            and not is_syllable(term)
    out = []
    i = 0
    while i < len(terms):
        for n in (2, 1):
            run = terms[i:i + n]
            if len(run) < n or not any(english(t) for t in run) or not all(t.isascii() and t.isalpha() for t in run):
                continue
            wordings = table.get(tuple(canonical(word_stem(t)) for t in run), ())
            wordings = tuple(w for w in (" ".join(x.term for x in tokenize(v)) for v in wordings) if _known(index, w))
            if wordings:
                out.append((i, i + n, wordings))
                i += n - 1
                break
        i += 1
    return out
