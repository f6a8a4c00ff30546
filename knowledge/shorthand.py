"""How officials type in chat, read back into the words of the notices.

Two habits make a question miss words it has:
- chat shorthand ("ko" không, "dc" được, "bh" bao giờ, "xn" xét nghiệm, "pccc"): a table in
  `knowledge/vocab/shorthand.tsv`, folded, with alternatives when a shorthand has several
  readings ("kt" kinh tế | kiểm tra);
- telex or VNI keystrokes left in the text when the phone's Vietnamese keyboard is off
  ("nhaf mays" nhà máy, "ddi tuwngf" đi từng, "nghieemj", "ma1y"): the tone keys
  (s f r x j, or digits) and the vowel keys (aa ee oo aw ow uw w dd) are read the way the
  keyboard would, and the result is kept only when it is a possible syllable.

Both only apply to a word the index does not know: "ca", "cd" or "tu" that the notices use
stay what they are.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from knowledge.text import one_spelling
from knowledge.tsv_rows import rows

SHORTHAND_FILE = Path(__file__).resolve().parent / "vocab" / "shorthand.tsv"

VI_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?"
    r"(?:[aeiouy]{1,3})"
    r"(?:ng|nh|ch|[cmnpt])?")
# A 'y' before another vowel: Vietnamese writes only 'yê' ('yêu', 'nguyên') and, after 'u',
# 'uya' / 'uyu' ('khuya', 'khuỷu'); 'yong', 'you', 'yang' are names or English, not syllables.
_Y_BEFORE_VOWEL = re.compile(r"(?<!u)y[aiouy]")
_ONSET = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|dd|[bcdghklmnprstvx])")
_TONE_KEYS = re.compile(r"[sfrxj]")
_LATE_HORN = re.compile(r"(?<=[^aouw])w")
_VOWEL_KEYS = (("uow", "uo"), ("aa", "a"), ("ee", "e"), ("oo", "o"), ("aw", "a"), ("ow", "o"),
               ("uw", "u"), ("w", "u"))


@lru_cache(maxsize=1)
def shorthand_table() -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for place, cells in rows(SHORTHAND_FILE):
        if len(cells) != 2:
            raise ValueError(f"{place}: expected 'shorthand<TAB>expansion'")
        alts = tuple(" ".join(a.split()) for a in cells[1].split("|") if a.strip())
        table[cells[0].strip()] = alts
    return table


def expand_shorthand(term: str) -> tuple[str, ...]:
    """The readings of a shorthand ('dk' -> 'duoc', 'dang ky', 'dieu kien'), or ()."""
    return shorthand_table().get(term, ())


def pick_reading(index, readings: tuple[str, ...], left: str | None, right: str | None) -> str:
    """The reading of a shorthand of several that the question means: the one whose first word
    the notices write after the word before it, or whose last word before the word after it
    ('lc tai cho' lực lượng tại chỗ, 'ct hdnd' chủ tịch HĐND, 'btc tinh uy' Ban Tổ chức Tỉnh ủy,
    'tt tuyen truyen' thông tin tuyên truyền); else one the notices write at all ('hn 27/12':
    hội nghị where no notice names Hà Nội); else the table's first, the commonest in chat.
    Reading the first always made 'hn' Hà Nội and 'btc' Bộ Tài chính in any sentence.
    A neighbour vouches only where the notices write the pair mostly with the reading's own
    syllable ('lượng tại', not 'đông dân' for the 'động' of 'hoạt động', nor 'này phải' for the
    'nay' of 'hôm nay'); for a reading of one word, whose accents no pair tells, only as a content
    word beside a content word."""
    if len(readings) == 1:
        return readings[0]
    from knowledge.folding import pair_readings
    from knowledge.text import VI_FUNCTION_WORDS_FOLDED

    counts = pair_readings(index)

    def written(pair: str) -> bool:                  # in an item, a heading or a notice's title
        return pair in index.bi.vocab or pair in index.meta.vocab or pair in index.head.vocab

    def accented(words: list[str], at: int) -> str | None:
        """The syllable words[at] as the notices mostly write it inside the reading."""
        k = min(at, len(words) - 2)
        seen = counts.get(f"{words[k]} {words[k + 1]}") if len(words) > 1 else None
        return max(seen, key=seen.get).split()[at - k] if seen else None

    def vouches(a: str | None, b: str | None, own: str | None, side: int, single: bool) -> bool:
        if not a or not b or not written(f"{a} {b}"):
            return False
        seen = counts.get(f"{a} {b}")
        if own is None and not single:   # a reading no item writes as such
            return False
        if own is None or not seen:      # no accents to compare: a content word's pair only
            return a not in VI_FUNCTION_WORDS_FOLDED and b not in VI_FUNCTION_WORDS_FOLDED
        return sum(n for r, n in seen.items() if r.split()[side] == own) * 2 > sum(seen.values())

    def score(k: int) -> tuple[int, int, int]:
        words = readings[k].split()
        single = len(words) == 1
        pairs = vouches(left, words[0], accented(words, 0), 1, single) + \
            vouches(words[-1], right, accented(words, len(words) - 1), 0, single)
        known = all(index.known_vi(w) or w in VI_FUNCTION_WORDS_FOLDED for w in words) and \
            all(written(f"{a} {b}") for a, b in zip(words, words[1:]))
        return pairs, int(known), -k
    return readings[max(range(len(readings)), key=score)]


RARE_PIECE = 1.0   # idf lead of a shorthand's reading over the shorthand as the notices write it (2.7 times as common)


def abbreviation_piece(index, term: str) -> bool:
    """A shorthand that is no syllable ('kh', 'tp', 'dn') which the notices write only inside an
    abbreviation ('Sở KH&CN'), far more rarely than its reading ('không', 'thành phố'): one notice
    with "KH&CN" must not turn every question's 'kh' into a rare word no item has."""
    readings = expand_shorthand(term)
    if not readings or is_syllable(term):
        return False
    words = readings[0].split()
    reading_idf = index.uni.known_idf(words[0]) if len(words) == 1 else index.bi.known_idf(" ".join(words[:2]))
    term_idf = index.uni.known_idf(term)
    return reading_idf is not None and (term_idf is None or term_idf - reading_idf >= RARE_PIECE)


# A number with its unit's first letters glued on, as chat writes ages and sums: "ng tren 65t"
# (65 tuổi), "tre 12-17t", "ho tro 2tr" (2 triệu), "3ng" (3 người).
_NUMBER_UNIT = re.compile(r"(\d{1,3})(t|tr|ng)")
_UNITS = {"t": "tuoi", "tr": "trieu", "ng": "nguoi"}


def number_unit(term: str) -> tuple[str, str] | None:
    """The number and the folded unit word of '65t' ('65', 'tuoi'), or None."""
    m = _NUMBER_UNIT.fullmatch(term)
    return (m.group(1), _UNITS[m.group(2)]) if m else None


def is_syllable(word: str) -> bool:
    return bool(VI_SYLLABLE.fullmatch(word)) and not _Y_BEFORE_VOWEL.search(word)


def untelex(word: str) -> str | None:
    """The folded syllable a telex or VNI spelling stands for ('tuwngf' -> 'tung',
    'ddi' -> 'di', 'ma1y' -> 'may'), spelled as the index spells it ('bacs sir' -> 'bac sy',
    as 'bác sĩ' is indexed), or None when the word is not one."""
    if not word.isascii() or len(word) < 2:
        return None
    if any(c.isdigit() for c in word):                  # VNI: tone and vowel marks are digits
        letters = re.sub(r"\d", "", word)
        if not letters.isalpha() or letters == word:
            return None
        letters = letters.replace("dd", "d")
        return one_spelling(letters) if is_syllable(letters) else None
    if not word.isalpha():
        return None
    onset = _ONSET.match(word)
    head = onset.group() if onset else ""
    rest = word[len(head):]
    if head == "dd":
        head = "d"
    rest = _TONE_KEYS.sub("", rest)                     # tone keys never end a syllable's rhyme
    # The horn or breve key typed after the whole syllable, as telex allows ('voiws' với,
    # 'nguoiw' người): it marks an a, o or u already typed, so after any other letter it adds none.
    rest = _LATE_HORN.sub("", rest)
    for keys, vowel in _VOWEL_KEYS:
        rest = rest.replace(keys, vowel)
    out = head + rest
    if out == word or not is_syllable(out):
        return None
    return one_spelling(out)


def spelled_out(index, t) -> list[str]:
    """An acronym the index knows only from titles or headings ('TNCN' in 'V/v Chính sách thuế
    TNCN') that the table spells out ('thu nhap ca nhan', its syllables' initials) is the same
    concept as its spelled-out words: the items that answer write those. Only for acronyms of
    three letters or more whose words the index knows as one phrase (shorter shorthand, 'gd',
    'tt', has several readings), and that no item writes: where items do ('MTTQ'), they are
    found by it, and its spelling-out would make a near item look certain."""
    if not t.word or len(t.term) < 3 or not index.known_vi(t.term) or t.term in index.uni.vocab:
        return []
    out = []
    for reading in expand_shorthand(t.term):
        words = reading.split()
        if "".join(w[0] for w in words) == t.term and all(
                f"{a} {b}" in index.bi.vocab for a, b in zip(words, words[1:])):
            out.append(reading)
    return out


_CONSONANTS = "bcdđghklmnpqrstvx"
MAX_DROPPED_READINGS = 2


def dropped_letter(index, typed: str) -> list[str]:
    """The folded words a word typed with accents stands for when a consonant slipped out
    ('nặg' nặng, 'khôg' không, 'bệh' bệnh, 'nhưg' nhưng). Typed without its accents such a
    word is one edit from dozens of syllables, so knowledge.concepts.correct_vi needs a
    neighbouring word to vouch for a short one; the accented vowel pins it down: only the
    accented syllables of the notices and of the language (knowledge.folding.known_words)
    that hold the typed letters with one consonant more, and that the index knows."""
    from knowledge.folding import known_words
    from knowledge.text import fold_word, has_diacritics, nfc

    word = nfc(typed).lower()
    if len(word) < 2 or not has_diacritics(word) or not word.isalpha():
        return []
    known = known_words(index)
    out: list[str] = []
    for k in range(1, len(word) + 1):
        for c in _CONSONANTS:
            cand = word[:k] + c + word[k:]
            folded = fold_word(cand)
            if cand in known and index.known_vi(folded) and folded not in out:
                out.append(folded)
    return out[:MAX_DROPPED_READINGS]


# Southern chat spellings: 'dz' for the v (or d) the South pronounces so ('dzậy' vậy, 'dzô' vô,
# 'dzui' vui), and the question's closing 'hông'/'hong' (không), which folds onto the 'Hồng' of
# names the notices write ('Vũ Hồng Sơn', 'phường Hồng Hải'), so the index knowing 'hong' says
# nothing: typed with its own accent ('hông') or as the question's last word it asks yes or no.
_DZ = re.compile(r"dz(?=[aeiouy])")
CLOSING_NO = frozenset({"hong", "hem", "hok"})


def southern(index, term: str, typed: str, last: bool) -> str | None:
    """The folded word a Southern spelling stands for, or None."""
    from knowledge.text import VI_FUNCTION_WORDS_FOLDED, nfc

    if term in CLOSING_NO and (last or nfc(typed).lower() == "hông"):
        return "khong"
    if _DZ.match(term) and not index.known_vi(term):
        for onset in ("v", "d"):
            plain = onset + term[2:]
            if is_syllable(plain) and (index.known_vi(plain) or plain in VI_FUNCTION_WORDS_FOLDED):
                return plain
    return None
