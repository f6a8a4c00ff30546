"""Matches that exist only through accent folding, for questions typed without accents.

Folding makes "luong giao vien tang" (teachers' pay rises) meet "lượng giao dịch … tăng"
(the amount of transactions rises): every syllable is there, none is the asker's word.
The syllable pair the asker typed tells which word was meant: across all the notices,
"giao vien" is only ever written "giáo viên", so an item whose only "giao" is the "giao"
of "giao dịch" does not hold the question's word, and a match through it counts less
(`fold_mismatch`, read by the confidence model as an accent mismatch).

Only pairs the notices use are evidence: a pair nobody wrote ("vien tang") says nothing,
and a syllable the item holds inside the question's own pair is a real match. Besides them,
the everyday words of knowledge/vocab/everyday_pairs.txt ("vợ chồng", "hộ chiếu", "trời
mưa") say what a pair the notices never write stands for: "vo chong" is no "chống dịch".
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

from knowledge.named import find_names
from knowledge.text import AMBIGUOUS_FOLDED, VI_STOP_PHRASES_FOLDED, VI_STOPWORDS, fold_word, nfc

_SEGMENT = re.compile(r"[^\W\d_]+(?:[ \t]+[^\W\d_]+)*")   # words not broken by punctuation
_WORDS = re.compile(r"[^\W\d_]+")
SYLLABLES_FILE = Path(__file__).resolve().parent / "vocab" / "syllables.txt"
MIN_PAIR_COUNT = 2        # a folded pair written this often in the notices is a known word


def _pairs(text: str):
    """Neighbouring words (accented, lower case) that no punctuation separates."""
    for seg in _SEGMENT.findall(nfc(text).lower()):
        words = seg.split()
        yield from zip(words, words[1:])


def pair_readings(index) -> dict[str, dict[str, int]]:
    """Folded pair -> {accented pair: count} over every item of the index, all pairs (the
    known ones are those written at least MIN_PAIR_COUNT times). Counted once per index;
    an index changed by one notice takes its predecessor's counts with that notice's
    pairs taken out or added (`carry_readings`): recounting 100,000 items costs seconds."""
    cached = getattr(index, "_pair_readings", None)
    if cached is not None:
        return cached
    readings: dict[str, dict[str, int]] = {}
    _count(readings, index.records, +1)
    index._pair_readings = readings
    return readings


def _count(readings: dict[str, dict[str, int]], records, step: int) -> None:
    """Add (step +1) or take out (-1) the pairs of `records`. An entry is replaced, never
    changed in place, so a question being answered with the old index reads a whole one."""
    changes: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for record in records:
        for a, b in _pairs(record.text):
            changes[f"{fold_word(a)} {fold_word(b)}"][f"{a} {b}"] += step
    for key, delta in changes.items():
        entry = dict(readings.get(key, ()))
        for reading, n in delta.items():
            left = entry.get(reading, 0) + n
            if left > 0:
                entry[reading] = left
            else:
                entry.pop(reading, None)
        if entry:
            readings[key] = entry
        else:
            readings.pop(key, None)


def carry_readings(old, new, removed_records, added_records) -> None:
    """Give `new` (old changed by a few notices) old's pair counts, brought up to date."""
    readings = getattr(old, "_pair_readings", None)
    if readings is None:
        return                              # never asked for: counted when first needed
    _count(readings, removed_records, -1)
    _count(readings, added_records, +1)
    new._pair_readings = readings


@lru_cache(maxsize=1)
def common_syllables() -> frozenset[str]:
    """Accented syllables of administrative Vietnamese (knowledge/vocab/syllables.txt): a
    word the loaded notices happen not to use ('mưa' in a knowledge base of Covid notices)
    is still a word."""
    lines = SYLLABLES_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(nfc(w.strip()).lower() for w in lines if w.strip() and not w.startswith("#"))


EVERYDAY_FILE = Path(__file__).resolve().parent / "vocab" / "everyday_pairs.txt"


@lru_cache(maxsize=1)
def everyday_readings() -> dict[str, dict[str, int]]:
    """Folded pair -> {accented pair: MIN_PAIR_COUNT} for the everyday words of
    knowledge/vocab/everyday_pairs.txt (words of three syllables give their two pairs):
    what a pair the notices never write most likely stands for."""
    out: dict[str, dict[str, int]] = {}
    for line in EVERYDAY_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        for a, b in _pairs(line):
            out.setdefault(f"{fold_word(a)} {fold_word(b)}", {})[f"{a} {b}"] = MIN_PAIR_COUNT
    return out


def _readings_of(readings: dict[str, dict[str, int]], pair: str) -> dict[str, int]:
    """The notices' readings of a folded pair when they write it often enough, else the
    everyday word it stands for, if any."""
    own = readings.get(pair, {})
    if sum(own.values()) >= MIN_PAIR_COUNT:
        return own
    return everyday_readings().get(pair, own)


def known_words(index) -> frozenset[str]:
    """Every accented syllable the notices write (lower case), from the pair counts, and the
    common ones of the language: a word typed with accents that is none of them is a slip of
    the keyboard ('nươc'), not another word (knowledge.accents.accent_mismatch)."""
    readings = pair_readings(index)
    cached = getattr(index, "_known_words", None)
    if cached is not None and cached[0] is readings:
        return cached[1]
    words = common_syllables() | frozenset(w for entry in readings.values() for pair in entry for w in pair.split())
    index._known_words = (readings, words)
    return words


@lru_cache(maxsize=4096)
def _item_words(text: str) -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """folded syllable -> its accented forms in the item; the item's folded pairs."""
    forms: dict[str, set[str]] = defaultdict(set)
    for w in _WORDS.findall(nfc(text).lower()):
        forms[fold_word(w)].add(w)
    pairs = frozenset(f"{fold_word(a)} {fold_word(b)}" for a, b in _pairs(text))
    return {k: frozenset(v) for k, v in forms.items()}, pairs


def fold_mismatch(index, text: str, terms: list[str], content: list[bool]) -> float:
    """The share of the question's content syllables (folded, in order; `content` marks
    the non-function ones) that the item holds only as another word than every accented
    reading the notices give of the question's pairs around it."""
    readings = pair_readings(index)
    forms, item_pairs = _item_words(text)
    counted = mismatched = 0
    for i, (term, is_content) in enumerate(zip(terms, content)):
        if not is_content:
            continue
        counted += 1
        if term not in forms:
            continue                        # missed: coverage already says so
        around = [(f"{terms[i - 1]} {term}", 1)] if i > 0 else []
        around += [(f"{term} {terms[i + 1]}", 0)] if i + 1 < len(terms) else []
        if any(p in item_pairs for p, _ in around):
            continue                        # the item writes the asker's own pair: 'thu hep' is its 'thu hẹp',
        known = [(p, side) for p, side in around   # though 'bi thu' beside it is mostly 'bí thư'
                 if sum(_readings_of(readings, p).values()) >= MIN_PAIR_COUNT]
        if not known:
            continue
        plausible = {reading.split()[side] for p, side in known for reading in _readings_of(readings, p)}
        if not forms[term] & plausible:
            mismatched += 1
    return mismatched / counted if counted else 0.0


def function_readings(index, question: str, tokens, stops: list[bool]) -> list[bool]:
    """`stops` with the ambiguous syllables typed without accents read as function words when
    the words beside them say so.

    Folded, "o" is "ở" (at) or "ổ" (ổ dịch), "tu" is "từ" (from) or "tự", "tử" (tử vong), "de"
    is "để" (so that) or "đề" (đề xuất), so knowledge.text counts such a syllable as content
    whatever it was. Counted as content, the "ở" of "tien dau ra de chong dich o quang ngai"
    matched the "dịch ở" of a wrong item, and that of "cong nhan o khu tro tan uyen co bi cach
    ly rieng khong" lowered the coverage of the right one.

    The neighbours tell. A pair the syllable forms with a neighbour that the notices write
    (MIN_PAIR_COUNT times, or an everyday word) reads it: as a function word in its commonest
    reading ("dịch ở", "ở khu", "từ ngày"), that side says function; as a content word in
    every reading ("ổ dịch"), the syllable is content. It is read as a function word when such
    a pair says so and the other side does not say otherwise: it forms no pair the notices
    write as content, and its neighbour there belongs to the next word ("dich o | quang ngai",
    a pair the index writes beyond it). Beside a pair nobody writes whose neighbour is no part
    of a known word ("cho dau | moi", chợ đầu mối) it may be a word the notices lack, and it
    stays content; with no pair the notices write on either side ("nang o | tan uyen") the
    neighbours say too little, and it stays content too (read as "ở" there, it lost a right
    answer of dev2 whose item held an "ổ"). Syllables of a fixed question phrase ("o dau",
    "the nao") and of a place the question names ("da nang": knowledge.named) are left as they
    were, and a neighbour bound only into a question phrase ("bao nhieu | cho cach ly", chỗ)
    says nothing.

    Tried and dropped (branch seedtyping4): the other way round, a function syllable made
    content when its pair reads it so ("dam ha" Đầm Hà, not "hả"): one right answer more on
    real_dev and offtopic, one fewer on trust's held-aside part."""
    readings = pair_readings(index)
    lowered = nfc(question).lower()
    terms = [t.term if t.word else None for t in tokens]
    phrased = _in_phrases(terms)
    for start, end, _ in find_names([t.term for t in tokens], [lowered[t.start:t.end] for t in tokens]):
        phrased[start:end] = [True] * (end - start)
    known = lambda a, b: a is not None and b is not None and f"{a} {b}" in index.bi.vocab \
        and (a, b) not in _PHRASE_PAIRS
    out = list(stops)
    for i, t in enumerate(tokens):
        if not t.word or phrased[i] or lowered[t.start:t.end] != t.term:
            continue
        if stops[i] or t.term not in AMBIGUOUS_FOLDED:
            continue
        content, function, said = False, True, False
        for j, side in ((i - 1, 1), (i + 1, 0)):
            other = terms[j] if 0 <= j < len(terms) else None
            if other is None:
                continue
            entry = _readings_of(readings, f"{other} {t.term}" if side else f"{t.term} {other}")
            if sum(entry.values()) >= MIN_PAIR_COUNT:
                said = True
                read = {r.split()[side] for r in entry}
                content |= not read & VI_STOPWORDS
                function &= max(entry, key=entry.get).split()[side] in VI_STOPWORDS
            else:
                beyond = terms[j - 1] if side and j > 0 else terms[j + 1] if not side and j + 1 < len(terms) else None
                bound = known(beyond, other) if side else known(other, beyond)
                function &= bound
        out[i] = function and said and not content
    return out


_PHRASE_PAIRS = frozenset(p[k:k + 2] for p in VI_STOP_PHRASES_FOLDED for k in range(len(p) - 1))


def _in_phrases(terms: list) -> list[bool]:
    """Which positions belong to a fixed question phrase (knowledge.text.VI_STOP_PHRASES_FOLDED)."""
    out = [False] * len(terms)
    for phrase in VI_STOP_PHRASES_FOLDED:
        for i in range(len(terms) - len(phrase) + 1):
            if tuple(terms[i:i + len(phrase)]) == phrase:
                out[i:i + len(phrase)] = [True] * len(phrase)
    return out
