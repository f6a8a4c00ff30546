"""What a question names: a notice by kind and number ("Công điện 217", "thông báo 102"), a
province or city, a disease.

A question that names one is about it: the notices that mention it are the ones to answer
from, and when the knowledge base has none, the honest answer is "no notice about X" — not
another province's rule or another công điện's task. Names come from the data file
`knowledge/vocab/names.tsv` (provinces and their cities, diseases; Vietnamese and English
spellings); document numbers from the question's own terms (`knowledge.text` turns
"Công điện 217" and "217/CĐ-TTg" into "cd:217").
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from knowledge.text import DOC_KINDS, fold, has_diacritics, nfc, terms
from knowledge.tsv_rows import rows

NAMES_FILE = Path(__file__).resolve().parent / "vocab" / "names.tsv"
TOPICS_FILE = Path(__file__).resolve().parent / "vocab" / "topics.tsv"   # everyday subjects


@dataclass(frozen=True)
class Name:
    kind: str                                  # province | disease | topic | document
    label: str                                 # as shown to people: "Nghệ An", "Công điện 217"
    phrases: tuple[tuple[str, ...], ...]       # its spellings, as folded terms
    accented: frozenset[str] = frozenset()     # spellings that count only with their accents

    @property
    def searchable(self) -> tuple[tuple[str, ...], ...]:
        """The spellings to look for in the (folded) index: not 'soi' for 'sởi'."""
        ambiguous = {(fold(a),) for a in self.accented}
        return tuple(p for p in self.phrases if p not in ambiguous)


@dataclass
class Mention:
    """A name found in a question and where the index mentions it: documents, or (for a
    notice the knowledge base does not hold) the items that cite it."""
    name: Name
    documents: frozenset[int]
    items: frozenset[int] | None = None

    def covers(self, item: int, document: int) -> bool:
        return item in self.items if self.items is not None else document in self.documents


@lru_cache(maxsize=1)
def known_names() -> tuple[Name, ...]:
    out = []
    for place, cells in [*rows(NAMES_FILE), *rows(TOPICS_FILE)]:
        if len(cells) < 2 or cells[0] not in ("province", "disease", "topic"):
            raise ValueError(f"{place}: expected 'province|disease|topic<TAB>name[<TAB>a | b]'")
        spellings = [s.strip() for s in [cells[1]] + (cells[2].split("|") if len(cells) > 2 else [])]
        spelled = [(s, tuple(terms(s))) for s in spellings]
        phrases = tuple(dict.fromkeys(p for _, p in spelled if p))
        # One accented syllable ('sởi', 'dại') folds onto common words ('soi', 'dai'):
        # it names the thing only when typed with its accents.
        accented = frozenset(nfc(s).lower() for s, p in spelled if len(p) == 1 and has_diacritics(s))
        out.append(Name(cells[0], cells[1], phrases, accented))
    return tuple(out)


@lru_cache(maxsize=1)
def _by_first_term() -> dict[str, list[tuple[tuple[str, ...], Name]]]:
    table: dict[str, list[tuple[tuple[str, ...], Name]]] = {}
    for name in known_names():
        for phrase in name.phrases:
            table.setdefault(phrase[0], []).append((phrase, name))
    for options in table.values():
        options.sort(key=lambda p: -len(p[0]))
    return table


def find_names(question_terms: list[str], surfaces: list[str] | None = None) -> list[tuple[int, int, Name]]:
    """Provinces and diseases in a question's folded terms (`surfaces`: the same words as
    typed, lower case), longest spelling first, without overlaps: (start, end, name)."""
    table = _by_first_term()
    out = []
    i = 0
    while i < len(question_terms):
        for phrase, name in table.get(question_terms[i], ()):
            if len(phrase) == 1 and name.accented and fold(next(iter(name.accented))) == phrase[0] \
                    and not (surfaces and surfaces[i] in name.accented):
                continue
            if tuple(question_terms[i:i + len(phrase)]) == phrase:
                out.append((i, i + len(phrase), name))
                i += len(phrase)
                break
        else:
            i += 1
    return out


KIND_LABELS = {"nq": "Nghị quyết", "ct": "Chỉ thị", "cd": "Công điện", "tb": "Thông báo",
               "cv": "Công văn", "qd": "Quyết định", "kl": "Kết luận", "kh": "Kế hoạch",
               "nd": "Nghị định", "tt": "Thông tư"}


def document_label(term: str) -> str:
    """'cd:217' -> 'Công điện 217'."""
    kind, _, number = term.partition(":")
    return f"{KIND_LABELS.get(kind, kind.upper())} {number}"


_KIND_PHRASES = {tuple(words.split()): kind for kind, alts in DOC_KINDS.items() for words in alts[:1]}
# Words that name a notice without saying its kind ("văn bản 11520 gửi ai", "vb số 4385").
_KINDLESS = (("van", "ban"), ("van", "ban", "so"))


def document_kinds(question_terms: list[str]) -> set[str]:
    """Kinds of notice a question names without a number ('công điện về mưa lũ')."""
    numbered = {t.split(":")[0] for t in question_terms if ":" in t}
    found = set()
    for phrase, kind in _KIND_PHRASES.items():
        n = len(phrase)
        if kind not in numbered and any(tuple(question_terms[i:i + n]) == phrase
                                        for i in range(len(question_terms) - n + 1)):
            found.add(kind)
    return found


def named_without_kind(terms: list[str], at: int, known) -> list[str]:
    """The known notices ('kind:number' terms) numbered as terms[at] when the words before it name
    a notice without saying its kind ("văn bản 11520 gửi ai", "vb số 4385")."""
    if not any(tuple(terms[max(0, at - len(words)):at]) == words for words in _KINDLESS):
        return []
    found = sorted((t for t in known if t.endswith(f":{int(terms[at])}")), key=lambda t: t.split(":")[0] not in DOC_KINDS)
    if isinstance(known, dict):         # 'cv:11520' and 'vpcp:11520' name one notice: once, by its kind
        found = list({tuple(known[t]): t for t in reversed(found)}.values())
    return found


def document_names(question_terms: list[str], known=frozenset()) -> list[Name]:
    """The notices a question names by kind and number: 'cd:217' as the tokenizer reads
    "Công điện 217". Two more ways count only for a notice the knowledge base has (`known`,
    its 'kind:number' terms), so that neither ever makes a question about "no such notice":
    a number whose code is no kind of DOC_KINDS ('hd:45' of "45-HD/BTCTW", 'vbhn:46'), and the
    chat shorthand of a kind before a number of two digits or more ("tb 39305 gửi cty nào",
    "vbhn 46 ai ký"), typed for the notice as "ct 07" is — but "tb 30 tuổi" (trung bình) or
    "kh 10 người" name no notice when none has that number; and "văn bản 11520", which names the
    notice of that number whatever its kind."""
    named = [t for t in question_terms if ":" in t and (t.split(":")[0] in DOC_KINDS or t in known)]
    shorthand = {(a,): a for a in {t.split(":")[0] for t in known}} | _KIND_PHRASES   # 'tb' read as 'thong bao'
    for i, b in enumerate(question_terms):
        if b.isdecimal() and len(b) >= 2:
            named += [term for words, kind in shorthand.items()
                      if tuple(question_terms[max(0, i - len(words)):i]) == words and (term := f"{kind}:{int(b)}") in known]
            named += named_without_kind(question_terms, i, known)
    return [Name("document", document_label(t), ((t,),)) for t in dict.fromkeys(named)]


def corrected_terms(index, read) -> list[str] | None:
    """The question's terms with each word the index does not know read as its best correction
    (knowledge.concepts.correct_vi), or None when none is corrected: 'qang ngai' names Quảng
    Ngãi as 'quang ngai' does. Only for what it adds: a name typed right ('khanh hoa', which no
    notice mentions) stays what it is."""
    from knowledge.concepts import correct_vi

    terms = [t.term for t in read]
    fixed = list(terms)
    for i, t in enumerate(read):
        if t.word and not index.known_vi(t.term):
            found = correct_vi(index, t.term, terms[i - 1] if i else None, terms[i + 1] if i + 1 < len(terms) else None)
            fixed[i] = found[0] if found else t.term
    return fixed if fixed != terms else None
