"""A bilingual glossary: English words of administrative directives and the Vietnamese words
that notices use for them.

Why: the notices are in Vietnamese, officials sometimes ask in English, and only the bundled
notices carry English summaries. Translating the question's words into the phrases a
Vietnamese directive would use lets English questions reach any notice, also one imported
a minute ago.

The vocabulary is data, not code: `knowledge/vocab/glossary.tsv` (english, Vietnamese
alternatives separated by " | ", topic) covers general administration — government and
people, storms, floods and landslides, agriculture and animal disease, forests and fire,
transport and construction, education, health, budget, land, procedures, the calendar —
and admins add entries in chat (`/glossary add …`), stored in the `glossary_entries` table
and merged in when the index is rebuilt. Keys are matched on stemmed words
(`knowledge.text.stem_en`), longest phrase first; a directive needs to use only one of the
alternatives.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

from knowledge.text import stem_en, terms
from knowledge.tsv_rows import rows

GLOSSARY_FILE = Path(__file__).resolve().parent / "vocab" / "glossary.tsv"
FORMS_FILE = Path(__file__).resolve().parent / "vocab" / "en_forms.tsv"
SEPARATOR = " | "
MAX_SYNONYMS = 3
MAX_WORDS = 6            # an English key longer than this is a sentence, not a term
TYPO_MIN = 5             # letters of the shortest stem read as a misspelt glossary word
TYPO_LONG = 8            # from this many letters a stem may be two edits from the word meant


@dataclass(frozen=True)
class Entry:
    english: str
    vietnamese: tuple[str, ...]
    topic: str = ""


class GlossaryError(ValueError):
    """A line or an admin's entry that cannot be a glossary entry; the message says why."""


def parse_line(line: str, where: str = "") -> Entry | None:
    """One line of the TSV file (None for blank lines and comments)."""
    if not line.strip() or line.startswith("#"):
        return None
    return _entry(line.rstrip("\n").split("\t"), where)


def _entry(cells: list[str], where: str) -> Entry:
    if len(cells) < 2:
        raise GlossaryError(f"{where}: expected 'english<TAB>vietnamese[<TAB>topic]'")
    return make_entry(cells[0], cells[1], cells[2] if len(cells) > 2 else "", where)


def make_entry(english: str, vietnamese: str, topic: str = "", where: str = "") -> Entry:
    """An entry from its parts, checked: an English word or short phrase, at least one
    Vietnamese alternative, each made of words."""
    en = " ".join(english.strip().lower().split())
    alts = tuple(dict.fromkeys(" ".join(a.split()) for a in vietnamese.split("|") if a.strip()))
    prefix = f"{where}: " if where else ""
    if not en or not any(c.isalpha() for c in en) or not terms(en):
        raise GlossaryError(f"{prefix}the English side must be a word or a short phrase")
    if len(terms(en)) > MAX_WORDS:
        raise GlossaryError(f"{prefix}the English side has more than {MAX_WORDS} words")
    if not alts or any(not terms(a) for a in alts):
        raise GlossaryError(f"{prefix}every Vietnamese alternative must contain a word")
    return Entry(en, alts, topic.strip())


def bundled_entries() -> tuple[Entry, ...]:
    return _bundled()[0]


@lru_cache(maxsize=1)
def _bundled() -> tuple[tuple[Entry, ...], dict]:
    """The file's entries and their table, parsed once per change of the file or of the code
    that reads it (knowledge/parsed_cache.py): every command-line run needs them."""
    from knowledge import parsed_cache

    code = (Path(__file__), Path(__file__).with_name("text.py"), Path(__file__).with_name("tsv_rows.py"),
            FORMS_FILE)
    return parsed_cache.cached(GLOSSARY_FILE, code, _parse_bundled)


def _parse_bundled() -> tuple[tuple[Entry, ...], dict]:
    out = [_entry(cells, place) for place, cells in rows(GLOSSARY_FILE)]
    return tuple(out), Glossary(out).table


# --- English word forms -----------------------------------------------------------------------
# The stemmer (knowledge.text.stem_en) is shared with the index of the English summaries and
# stays light; the glossary, which only has to recognise a word, also reads irregular forms
# ('hung' -> hang, 'paid' -> pay, data: vocab/en_forms.tsv), British and American spellings
# ('organize' / 'organise', 'labor' / 'labour') and the 'e' a suffix took away ('rising' ->
# rise), so that a question's wording need not be the one an entry was written in.

_SPELLING = ((re.compile(r"(?<=[a-z]{3})iz"), "is"), (re.compile(r"(?<=[a-z]{2})yz"), "ys"),
             (re.compile(r"(?<=[a-z]{2}[^aeiou])our"), "or"), (re.compile(r"(?<=[a-z]{3})ter$"), "tr"),
             (re.compile(r"(?<=[a-z]{3})ens$"), "enc"), (re.compile(r"(?<=[a-z]{4})ll(?=$|ment)"), "l"),
             (re.compile(r"^programme"), "program"), (re.compile(r"^diarrhoe"), "diarrhe"),
             (re.compile(r"^(an|h)aem"), r"\1em"), (re.compile(r"^paed"), "ped"),
             (re.compile(r"^behaviour"), "behavior"))


@lru_cache(maxsize=1)
def _form_lines() -> tuple[tuple[str, str], ...]:
    with open(FORMS_FILE, encoding="utf-8") as f:
        cells = (line.split("#", 1)[0].split() for line in f)
        return tuple((c[0].lower(), c[1].lower()) for c in cells if len(c) == 2)


@lru_cache(maxsize=1)
def _forms() -> dict[str, str]:
    """Irregular English forms, stemmed: 'hung' -> 'hang' (vocab/en_forms.tsv). Only the forms
    the stemmer leaves whole: one it cuts ('caring' -> 'car', 'rated' -> 'rat') would make
    another word ('car', 'rat') read as its base; those are read whole (`word_stem`)."""
    return {stem_en(form): stem_en(base) for form, base in _form_lines() if stem_en(form) == form}


@lru_cache(maxsize=1)
def _whole_forms() -> dict[str, str]:
    """The forms the stemmer cuts into another word, as typed: 'caring' -> 'care'."""
    return {form: stem_en(base) for form, base in _form_lines() if stem_en(form) != form}


def word_stem(word: str) -> str:
    """A word as the glossary reads it: its stem (knowledge.text.stem_en), or its base's stem
    when it is a form the stemmer would turn into another word ('caring' is care, not 'car':
    a question about caring for children is not about cars)."""
    return _whole_forms().get(word.lower()) or stem_en(word)


@lru_cache(maxsize=8192)
def canonical(stem: str) -> str:
    """One spelling for the stems of a word's forms and of its British and American spellings."""
    stem = _forms().get(stem, stem)
    for pattern, repl in _SPELLING:
        stem = pattern.sub(repl, stem)
    return stem


class Glossary:
    """English stems → Vietnamese alternatives, built once per index."""

    def __init__(self, entries, table: dict | None = None):
        """`table`: one already made (of the bundled entries), which `entries` extend."""
        table = dict(table or {})
        for e in entries:
            key = tuple(canonical(word_stem(w)) for w in terms(e.english))
            table[key] = tuple(dict.fromkeys(table.get(key, ()) + e.vietnamese))
        self.table = table
        self.longest = max((len(k) for k in table), default=1)
        self.words = frozenset(w for k in table for w in k)
        self._keys_by_wordings = None
        self._spelled = None
        self._entries = tuple(entries)

    def synonyms(self, stems: tuple[str, ...]) -> list[tuple[str, ...]]:
        """The other keys of as many words with the same Vietnamese wordings as
        `stems` (stemmed, as `translate` reads them): 'booster shot' -> 'booster dose'."""
        key = tuple(self._read(w) for w in stems)
        alts = self.table.get(key)
        if not alts:
            return []
        own = tuple(stems)
        return [k for k in self._by_wordings().get((len(key), alts), ())
                if k != own and tuple(canonical(w) for w in k) != key][:MAX_SYNONYMS]

    def _by_wordings(self) -> dict:
        """(length, Vietnamese wordings) -> the keys' words as the English summaries are
        stemmed (stem_en, not the canonical spelling the table reads)."""
        if self._keys_by_wordings is None:
            first: dict = {}
            for e in bundled_entries() + self._entries:
                raw = tuple(stem_en(w) for w in terms(e.english))
                key = tuple(canonical(word_stem(w)) for w in terms(e.english))
                alts = self.table.get(key)
                if alts and raw not in first.get((len(key), alts), ()):
                    first.setdefault((len(key), alts), []).append(raw)
            self._keys_by_wordings = first
        return self._keys_by_wordings

    def _read(self, stem: str) -> str:
        """The stem as the table spells it: its canonical form, or that form with the 'e'
        an '-ing' or '-ed' took away ('ris' of 'rising' -> 'rise') when only that is known."""
        c = canonical(stem)
        if c not in self.words and canonical(stem + "e") in self.words:
            return canonical(stem + "e")
        return c

    @classmethod
    @lru_cache(maxsize=1)
    def bundled(cls) -> "Glossary":
        return cls((), _bundled()[1])

    @classmethod
    def with_database(cls) -> "Glossary":
        """The bundled file plus the entries admins added (their wording wins: it comes
        later and is merged into the same key)."""
        return cls(stored_entries(), _bundled()[1])

    def corrected(self, stem: str) -> str | None:
        """The glossary word a misspelt stem was meant to be ('insurenc' of 'insurence' ->
        'insuranc', 'nubmer' -> 'number', 'comun' of 'comunes' -> 'commun'): the one closest
        word one edit away (two for long words; a swap of neighbours is one), beginning with
        the same letter; None when there is none, or more than one as close."""
        if len(stem) < TYPO_MIN or self._read(stem) in self.words:
            return None
        if self._spelled is None:
            self._spelled = sorted(w for w in self.words if w.isalpha() and len(w) >= TYPO_MIN - 1)
        cutoff = 1 if len(stem) < TYPO_LONG else 2
        found = process.extract(stem, self._spelled, scorer=OSA.distance, score_cutoff=cutoff, limit=3)
        found = [(w, d) for w, d, _ in found if w[0] == stem[0]]
        if not found or (len(found) > 1 and found[1][1] == found[0][1]):
            return None
        return found[0][0]

    def __contains__(self, stem: str) -> bool:
        return stem in self.words

    def word(self, stem: str) -> tuple[str, ...]:
        """The Vietnamese wordings of one stemmed English word alone (none when unknown)."""
        return self.table.get((self._read(stem),), ())

    def translate(self, words: list[str]) -> list[tuple[int, int, tuple[str, ...]]]:
        """Glossary matches in a list of stemmed English words, longest phrase first, without
        overlaps: (start, end, Vietnamese alternatives)."""
        words = [self._read(w) for w in words]
        # The cut that keeps the longest phrases whole (each phrase counts its length squared),
        # not the first phrase met from the left: 'on site clearance' is 'on' + 'site
        # clearance' (giải phóng mặt bằng), not 'on site' (tại chỗ) + 'clearance'.
        n_words = len(words)
        best: list[tuple[int, list]] = [(0, [])] * (n_words + 1)
        for i in range(n_words - 1, -1, -1):
            choice = best[i + 1]
            for n in range(min(self.longest, n_words - i), 0, -1):
                alts = self.table.get(tuple(words[i:i + n]))
                if alts:
                    score = n * n + best[i + n][0]
                    if score > choice[0]:
                        choice = (score, [(i, i + n, alts)] + best[i + n][1])
            best[i] = choice
        return best[0][1]


# --- Entries added by admins ---------------------------------------------------------------

def stored_entries() -> list[Entry]:
    from knowledge.models import GlossaryEntry

    out = []
    for row in GlossaryEntry.select().order_by(GlossaryEntry.id):
        try:
            out.append(make_entry(row.english, row.vietnamese, "admin"))
        except GlossaryError:
            continue                      # a row written by hand that no longer reads: skip it
    return out


def glossary_stamp() -> tuple:
    """Changes whenever admins add or remove an entry, also in another process."""
    from peewee import fn

    from knowledge.models import GlossaryEntry
    return tuple(GlossaryEntry.select(fn.COUNT(GlossaryEntry.id), fn.MAX(GlossaryEntry.id),
                                      fn.MAX(GlossaryEntry.added_at)).tuples()[0])


def add_entry(english: str, vietnamese: str, added_by: int | None = None) -> Entry:
    """Store an admin's entry (replacing an earlier one with the same English key)."""
    from knowledge.models import GlossaryEntry

    entry = make_entry(english, vietnamese, "admin")
    GlossaryEntry.delete().where(GlossaryEntry.english == entry.english).execute()
    GlossaryEntry.create(english=entry.english, vietnamese=SEPARATOR.join(entry.vietnamese),
                         added_by=added_by)
    return entry


def remove_entry(english: str) -> bool:
    from knowledge.models import GlossaryEntry

    en = " ".join(english.strip().lower().split())
    return GlossaryEntry.delete().where(GlossaryEntry.english == en).execute() > 0


def parse_admin_entry(text: str) -> Entry:
    """'flash flood = lũ quét | lũ ống' as an admin types it."""
    english, sep, vietnamese = text.partition("=")
    if not sep:
        raise GlossaryError("write: english = tiếng việt | cách nói khác")
    return make_entry(english, vietnamese, "admin")
