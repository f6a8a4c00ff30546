"""Text normalisation shared by indexing and querying.

Both sides must cut text into the same terms, or a question can never meet the item that answers
it. Everything here is folded (NFC, lower case, diacritics and đ removed) because people type
Vietnamese on phones without accents, with wrong accents or typos; the caller keeps the original.

Numbers are written many ways in notices and questions; each form gets one canonical
term so that they meet:
    30/11/2021, ngày 30 tháng 11 năm 2021, 30 November 2021 -> "30/11" and "30/11/2021"
    12-17, 12 đến 17, 12 to 17                              -> "12-17" (and "12", "17")
    128/NQ-CP, Nghị quyết 128, Resolution 128                -> "nq:128" (and "128/nq-cp")
    16h, 16 giờ, 17h30                                       -> "16h", "17h30"
    9.199 (Vietnamese thousands), 10%                        -> "9199", "10%"
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from knowledge.english_stem import stem_en  # noqa: F401  (here for the modules that cut text into terms)
from knowledge.written_abbreviations import spell_out, spelled

class _FoldTable(dict):
    """str.translate table, filled on first sight of each character: the character's
    base letter when that is ASCII ('ệ' -> 'e', 'Đ' -> 'D'), else the character itself."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        base = "d" if ch in "đĐ" else unicodedata.normalize("NFD", ch)[0]
        self[code] = value = base if base.isascii() else ch
        return value


_FOLD = _FoldTable()


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """'Đồng chí Bí thư' -> 'dong chi bi thu'. Length-preserving for NFC input,
    so positions found in the folded text point into the NFC original."""
    return nfc(text).translate(_FOLD).lower()


@lru_cache(maxsize=1 << 16)
def fold_word(word: str) -> str:
    """fold() of one word, kept: the notices use a few thousand syllables over and over,
    and the checks on the best items of every question fold them one by one."""
    return fold(word)


def has_diacritics(text: str) -> bool:
    """True when the text carries Vietnamese letters that ASCII cannot write."""
    return fold(text) != nfc(text).lower()


# --- Document kinds: the abbreviation in a number, and the words people use for it. ------
DOC_KINDS: dict[str, tuple[str, ...]] = {
    "nq": ("nghi quyet", "resolution"),
    "ct": ("chi thi", "directive"),
    "cd": ("cong dien", "dispatch", "telegram", "official dispatch"),
    "tb": ("thong bao", "notice", "announcement"),
    "cv": ("cong van", "official letter", "letter"),
    "qd": ("quyet dinh", "decision"),
    "kl": ("ket luan", "conclusion"),
    "kh": ("ke hoach", "plan"),
    "nd": ("nghi dinh", "decree"),
    "tt": ("thong tu", "circular"),
}
_KIND_WORDS = sorted(((w, k) for k, ws in DOC_KINDS.items() for w in ws), key=lambda p: -len(p[0]))

MONTHS_EN = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"), start=1)}
MONTHS_EN.update({m[:3]: i for m, i in list(MONTHS_EN.items())})
MONTHS_EN["sept"] = 9
_MONTH_RE = "|".join(sorted(MONTHS_EN, key=len, reverse=True))

_SPECIAL = re.compile(
    r"(?P<docno>\b\d+[a-z]?(?:/\d{4})?(?:[-/][a-z][a-z0-9]*)+)"          # 128/nq-cp, 18-ct/tu
    r"|(?P<kindno>\b(?:" + "|".join(re.escape(w) for w, _ in _KIND_WORDS) + r")"
    r"\s+(?:so\s+|no\.?\s+|number\s+|#\s*)?(?P<kn>\d+)"                    # chi thi so 15, directive 15
    r"(?P<kcode>[a-z]?(?:/\d{4})?(?:[-/][a-z][a-z0-9]*)+)?\b)"
    r"|(?P<vdate>\bngay\s+(?P<vd>\d{1,2})\s+thang\s+(?P<vm>\d{1,2})(?:\s+nam\s+(?P<vy>\d{4}))?)"
    r"|(?P<edate1>\b(?P<ed1>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<em1>" + _MONTH_RE + r")\b\.?"
    r"(?:,?\s+(?P<ey1>\d{4}))?)"
    r"|(?P<edate2>\b(?P<em2>" + _MONTH_RE + r")\.?\s+(?P<ed2>\d{1,2})(?:st|nd|rd|th)?\b"
    r"(?:,?\s+(?P<ey2>\d{4}))?)"
    r"|(?P<date>\b(?P<d>\d{1,2})/(?P<m>\d{1,2})(?:/(?P<y>\d{4}))?\b)"    # 30/11, 30/11/2021
    r"|(?P<monthyear>\b(?P<my_m>\d{1,2})/(?P<my_y>\d{4})\b)"              # 01/2022
    r"|(?P<range>\b(?P<r1>\d+)\s*(?:-|–|den|toi|to)\s*(?P<r2>\d+)\b)"     # 12-17, 12 den 17
    r"|(?P<time>\b(?P<hh>\d{1,2})\s*(?:h|gio)(?:\s*(?P<mm>\d{2})(?:p|phut)?)?\b)"  # 16h, 17h30
    r"|(?P<num>\b\d{1,3}(?:\.\d{3})+\b|\b\d+(?:[.,]\d+)?(?:%|(?![^\W_])))"              # 9.199, 10%, 2
    r"|(?P<word>(?<![^\W\d_])(?:[^\W\d_]{1,5}&)+[^\W\d_]{1,5}(?![^\W\d_&])"                 # kh&cn
    r"|[^\W\d_]+\d*|[^\W\d_]*\d+[^\W\d_]+)"                       # syllables, f0, 5k
)


@dataclass(frozen=True, slots=True)
class Token:
    """One term of the text. `word` marks Vietnamese/English syllables (bigrams are made
    of those); `start` and `end` point into the text that was tokenized."""
    term: str
    start: int
    end: int
    word: bool = True


def _date_terms(d: str, m: str, y: str | None) -> list[str]:
    day, month = int(d), int(m)
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return [d, m]
    out = [f"{day}/{month}"]
    if y:
        out.append(f"{day}/{month}/{y}")
    return out


def _special_terms(mo: re.Match) -> list[str]:
    g = mo.groupdict()
    if g["docno"]:
        code = g["docno"]
        number = re.match(r"\d+", code).group()
        kind = re.search(r"[-/]([a-z]+)", code).group(1)
        return [code, f"{kind}:{int(number)}", str(int(number))]
    if g["kindno"]:
        phrase = g["kindno"]
        kind = next(k for w, k in _KIND_WORDS if phrase.startswith(w))
        code = [g["kn"] + g["kcode"]] if g["kcode"] else []
        return code + [f"{kind}:{int(g['kn'])}", str(int(g["kn"]))]
    if g["vdate"]:
        return _date_terms(g["vd"], g["vm"], g["vy"])
    if g["edate1"]:
        return _date_terms(g["ed1"], str(MONTHS_EN[g["em1"]]), g["ey1"])
    if g["edate2"]:
        return _date_terms(g["ed2"], str(MONTHS_EN[g["em2"]]), g["ey2"])
    if g["date"]:
        return _date_terms(g["d"], g["m"], g["y"])
    if g["monthyear"]:
        return [f"{int(g['my_m'])}/{g['my_y']}"]
    if g["range"]:
        a, b = int(g["r1"]), int(g["r2"])
        return [f"{a}-{b}", str(a), str(b)]
    if g["time"]:
        hh, mm = int(g["hh"]), g["mm"]
        if hh > 24:
            return [str(hh)]
        return [f"{hh}h{mm}" if mm and mm != "00" else f"{hh}h"]
    if g["num"]:
        n = g["num"]
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", n):
            return [n.replace(".", "")]
        return [n.rstrip("%").replace(",", ".") + ("%" if n.endswith("%") else "")]
    return []


_WORD = re.compile(r"[^\W\d_]+")
# Offices join an abbreviated name's parts with '&' ("Sở KH&CN", "GD&ĐT", "NN&PTNT"): read as one
# word ('khcn'), the abbreviation the tables spell out, not two stray syllables 'kh' and 'cn'.
_AMP_WORD = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]{1,5}&)+[^\W\d_]{1,5}(?![^\W\d_&])|[^\W\d_]+")


def _word_pattern(folded: str) -> re.Pattern:
    return _AMP_WORD if "&" in folded else _WORD
# Vietnamese writes some syllables with i or y at will: quản lí / quản lý, kĩ / kỹ thuật,
# tỉ / tỷ giá, bác sĩ / sỹ, cách li / ly, qui / quy định. One spelling per syllable, so
# that a notice and a question that chose differently still meet. ('hi' stays: English.)
_I_Y = {"ki": "ky", "li": "ly", "ti": "ty", "si": "sy", "qui": "quy"}
_I_Y_GET = _I_Y.get


def one_spelling(syllable: str) -> str:
    """A folded syllable as the index spells it ('si' -> 'sy', 'li' -> 'ly')."""
    return _I_Y_GET(syllable, syllable)


def _words(folded: str, lo: int = 0, hi: int | None = None) -> list[str]:
    pattern = _word_pattern(folded)
    found = pattern.findall(folded, lo) if hi is None else pattern.findall(folded, lo, hi)
    if pattern is _AMP_WORD:
        found = [w.replace("&", "") for w in found]
    return [_I_Y_GET(w, w) for w in found]


_DIGITS = re.compile(r"\d+")
_BEFORE, _AFTER = 24, 16   # how far a special form reaches around its digits:
                            # "official dispatch no. 15", "30 september, 2021"


def _scan(folded: str) -> list[tuple[str, int, int, bool]]:
    """(term, start, end, is_word) for every term of a folded text. Stretches far from any
    digit hold only words and take a plain word pattern; only the rest needs _SPECIAL."""
    out: list[tuple[str, int, int, bool]] = []
    pos = 0
    word = _word_pattern(folded)
    for lo, hi in _digit_windows(folded):
        out.extend(_word_term(m) for m in word.finditer(folded, pos, lo))
        _scan_special(folded, lo, hi, out)
        pos = hi
    out.extend(_word_term(m) for m in word.finditer(folded, pos))
    return out


def _word_term(m: re.Match) -> tuple[str, int, int, bool]:
    w = m.group().replace("&", "")
    return _I_Y_GET(w, w), m.start(), m.end(), True


def _digit_windows(folded: str):
    """Merged spans around the digits of a text, widened to word limits."""
    lo = hi = -1
    for m in _DIGITS.finditer(folded):
        a = max(0, m.start() - _BEFORE)
        b = min(len(folded), m.end() + _AFTER)
        while a > 0 and not folded[a - 1].isspace():
            a -= 1
        while b < len(folded) and not folded[b].isspace():
            b += 1
        if a <= hi:
            hi = max(hi, b)
            continue
        if hi >= 0:
            yield lo, hi
        lo, hi = a, b
    if hi >= 0:
        yield lo, hi


def _scan_special(folded: str, lo: int, hi: int, out: list) -> None:
    append = out.append
    for mo in _SPECIAL.finditer(folded, lo, hi):
        if mo.lastgroup == "word":
            w = mo.group().replace("&", "")
            append((_I_Y_GET(w, w), mo.start(), mo.end(), True))
            continue
        s, e = mo.span()
        if mo.lastgroup == "kindno":
            # Keep the kind words themselves as words ("chi thi", "directive").
            out.extend((w.group(), s + w.start(), s + w.end(), True)
                       for w in re.finditer(r"[^\W\d_]+", folded[s:mo.start("kn")])
                       if w.group() not in ("so", "no", "number"))
        out.extend((term, s, e, False) for term in _special_terms(mo))


def tokenize(text: str) -> list[Token]:
    """Terms of a text in order, folded. Special forms (dates, document numbers, ranges,
    times, numbers) yield one or more canonical terms; words yield themselves."""
    return [Token(*t) for t in _scan(fold(text))]


def index_terms(text: str, folded: str | None = None) -> tuple[list[str], list[str]]:
    """The terms and the syllable pairs of a text, as `tokenize` and `bigrams` would give
    them, without building Token objects: indexing 100,000 items calls this a lot.
    `folded`: fold(text), when the caller has it already."""
    folded = fold(text) if folded is None else folded
    terms: list[str] = []
    pairs: list[str] = []
    prev = None
    pos = 0
    for lo, hi in _digit_windows(folded):
        prev = _add_words(_words(folded, pos, lo), terms, pairs, prev)
        special: list = []
        _scan_special(folded, lo, hi, special)
        for term, _, _, word in special:
            terms.append(term)
            if word:
                if prev is not None:
                    pairs.append(f"{prev} {term}")
                prev = term
            else:
                prev = None
        pos = hi
    _add_words(_words(folded, pos), terms, pairs, prev)
    return terms, pairs


def _add_words(words: list[str], terms: list[str], pairs: list[str], prev: str | None) -> str | None:
    if not words:
        return prev
    table = spelled()
    if not table.keys().isdisjoint(words):              # 'bộ chqs tỉnh': read 'bộ chỉ huy quân sự tỉnh'
        written = [prev, *words] if prev is not None else words
        pairs.extend(f"{a} {b}" for a, b in zip(written, written[1:]) if a in table or b in table)
        words, found = spell_out(words)
        terms.extend(found)
    terms.extend(words)
    if prev is not None:
        pairs.append(f"{prev} {words[0]}")
    pairs.extend(map(" ".join, zip(words, words[1:])))
    return words[-1]


def terms(text: str) -> list[str]:
    return [t.term for t in tokenize(text)]


def bigrams(tokens: list[Token]) -> list[str]:
    """'xet nghiem', 'ca san', 'san xuat': neighbouring syllables, the unit of meaning of
    most Vietnamese words. Only between words that are next to each other in the text."""
    out = []
    for a, b in zip(tokens, tokens[1:]):
        if a.word and b.word:
            out.append(f"{a.term} {b.term}")
    return out


EN_STOPWORDS = frozenset("""
a an the and or but if of to in on at by for from with without into onto about as is are was
were be been being am do does did doing done have has had having must should shall will would
can could may might need needs what which who whom whose when where why how that this these
those it its it's there their they them he she his her we our us you your i me my any all
each every some no not only also than then so such too very just more most much many own
same other others else again further here up down out off over under per via vs please
tell know want let get got like s t time against among amongst during whether while through
throughout upon toward towards across along around despite except including regarding
concerning yet still already ever never always often usually also anyone anything someone
something everything take taken taking give given giving go going goes went come comes coming
whats isn hasn haven doesn didn aren wasn weren shouldn couldn wouldn mustn needn
""".split())

# Vietnamese function and question words. Question words ('gì', 'nào', 'bao nhiêu') never
# occur in the answers, so matching them only adds noise; function words carry no topic.
# Kept accented: folding merges them with content words ('thế'/'thẻ', 'bao'/'báo',
# 'đâu'/'đầu'), so unaccented input is checked against the safe subset and fixed phrases.
VI_STOPWORDS = frozenset("""
là gì nào ai đâu sao thế như bao nhiêu khi có không được của và các những cho để với
trong tại ở thì mà một này đó ra vào lên từ hay chưa à vậy nhỉ ơi hả ạ mình tôi bạn
về theo bị đã đang sẽ vẫn còn rằng hoặc nếu vì nên cũng đây kia nhé làm gồm rồi nay muốn
""".split())
AMBIGUOUS_FOLDED = frozenset({"dau", "bao", "the", "o", "de", "cho", "ve", "ban", "con", "da",
                              "do", "tu", "ra", "lam", "nen", "vi", "bi", "muon"})  # muon: also muộn, mượn
VI_STOPWORDS_FOLDED = frozenset(fold(w) for w in VI_STOPWORDS) - AMBIGUOUS_FOLDED
VI_FUNCTION_WORDS_FOLDED = frozenset(fold(w) for w in VI_STOPWORDS)     # every reading, ambiguous or not
VI_STOP_PHRASES_FOLDED = (("nhu", "the", "nao"), ("the", "nao"), ("bao", "nhieu"), ("o", "dau"),
                          ("tai", "sao"), ("ra", "sao"), ("de", "lam", "gi"), ("lam", "gi"),
                          ("hom", "nay"), ("hom", "nao"), ("bay", "gio"), ("hien", "nay"), ("lam", "sao"),
                          ("han", "chot"), ("han", "cuoi"),   # "hạn chót": asks for a date (wanted_answer), no topic
                          ("bao", "lau", "mot", "lan"), ("bao", "lau"))   # "how often / how long": likewise


# Words made with a function syllable: 'bị' is a function word, 'chuẩn bị' (prepare) is not.
VI_COMPOUNDS_FOLDED = frozenset("""
chuan bi|thiet bi|trang bi|du bi|cho phep|de nghi|de xuat|de an|de ra|nhu cau|ra soat|ra quan
|ban hanh|co quan|co so|co che|co hoi|khong khi|duoc phep|theo doi|vao cuoc
|lam viec|nhung nguoi|tu chu|tu dong|tu nguyen|tu phat|cung cap|cung co|the hien
""".replace("\n", "").split("|"))


def stopword_flags(text: str, tokens: list[Token]) -> list[bool]:
    """Which tokens of a question are function words. Accented tokens are judged by their
    accented form; unaccented ones by the safe folded list and fixed question phrases; chat
    shorthand by what it was read as ('ko' is 'không', a function word whatever else 'khong'
    may fold from); a function syllable inside a compound ('chuẩn bị', 'đề nghị') is a word."""
    lowered = nfc(text).lower()
    flags = []
    for tok in tokens:
        surface = lowered[tok.start:tok.end]
        if not tok.word:
            flags.append(False)
        elif surface != tok.term and (has_diacritics(surface) or surface in VI_STOPWORDS):
            flags.append(surface in VI_STOPWORDS)
        elif surface != tok.term:       # chat shorthand read back ('ko' → 'khong'): its reading decides
            flags.append(tok.term in VI_STOPWORDS_FOLDED)
        else:
            flags.append(tok.term in VI_STOPWORDS_FOLDED or tok.term in EN_STOPWORDS)
    folded = [t.term for t in tokens]
    for i in range(len(folded) - 1):
        if f"{folded[i]} {folded[i + 1]}" in VI_COMPOUNDS_FOLDED:
            flags[i] = flags[i + 1] = False
    for phrase in VI_STOP_PHRASES_FOLDED:
        n = len(phrase)
        for i in range(len(folded) - n + 1):
            if tuple(folded[i:i + n]) == phrase:
                for j in range(i, i + n):
                    flags[j] = True
    return flags


def is_english_word(term: str) -> bool:
    return term in EN_STOPWORDS
