"""Questions about a notice itself — who signed it, on what date, its number, who issued it,
whom it is sent to, what it is about (its trích yếu).

No item of a notice says who signed it: the answer is in the notice's header, so ranking
items for "thông báo 102 do ai ký" can only find a sentence that shares "thông báo" and
call it an answer (a confident wrong answer). Such questions are recognised here and
answered from the notice's metadata, or left unanswered when the header lacks the fact.

A question is about the notice only when, besides naming it and asking for the fact, it
says nothing else but words of that notice's header: "thông báo 102 yêu cầu gì ngày nào"
asks about a directive, "ct 07 cam xuyen ai ky" (chat shorthand for the kind, the issuer's
place beside the number) asks who signed Chỉ thị 07 of Cẩm Xuyên. The header's words may
also pick the notice when the number is not given ("chỉ thị của huyện Cẩm Xuyên do ai ký"),
or when two notices share it; Loa answers only when exactly one notice fits.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from knowledge.glossary import word_stem
from knowledge.named import named_without_kind
from knowledge.text import DOC_KINDS, EN_STOPWORDS, tokenize

# fact -> the phrases (folded terms) that ask for it
ASKS = {
    "signer": ("ai ky", "nguoi ky", "ky boi", "ky ten", "ai la nguoi ky", "who signed", "signed by",
               "signer", "signatory", "who signs"),
    "date": ("ngay nao", "ngay may", "ngay bao nhieu", "ban hanh ngay", "ban hanh khi nao",
             "ban hanh bao gio", "what date", "which date", "dated", "issued when", "when was"),
    "number": ("so hieu", "so may", "so bao nhieu", "what number", "number of"),
    "issuer": ("ai ban hanh", "co quan nao ban hanh", "don vi nao ban hanh", "ai gui", "ai ra",
               "who issued", "issued by", "which agency", "who sent"),
    "addressees": ("gui ai", "gui cho ai", "gui toi ai", "gui den ai", "gui nhung ai", "gui cho nhung ai",
                   "kinh gui ai", "addressed to", "sent to whom", "to whom", "who is it sent to",
                   "who is it addressed to", "who was it sent to"),
    # what the notice is about: its trích yếu (title), the line under its kind
    "subject": ("noi ve gi", "noi ve cai gi", "noi ve viec gi", "ve viec gi", "ve van de gi", "noi dung gi",
                "noi dung la gi", "noi dung chinh", "trich yeu", "about what", "what subject", "the subject"),
}
# words a question about the notice may carry besides the fact asked for
_FILLER = frozenset(
    "do duoc boi cua la vay the nao the a ha nhi ban hanh van ban so ngay ky ai gi "
    "v z zay nhe nha ak ah "   # chat particles at the end: "cv 5528 ai ký v"
    "who what which when was is the of by it this that did signed issued date number about sent to "
    "addressed cho".split())
_KIND_WORDS = frozenset(w for alts in DOC_KINDS.values() for phrase in alts for w in phrase.split())
# English words that name a notice of any kind ("who signed notice 07" of a Chỉ thị 07)
_ANY_KIND = frozenset(("notice", "document", "van ban"))
# facts whose question may name the notice by words of its title ("chỉ thị về an toàn trường học
# do ai ký"); a date asked beside title words is more often a task's deadline
_BY_TITLE = frozenset(("signer", "issuer", "number"))


@dataclass(frozen=True)
class FactQuestion:
    """What a question about a notice's header asks: the fact, the notice's kind and number as
    named ('ct', '7'; either may be empty), and the other words, which must be its header's."""
    fact: str
    kind: str
    number: str
    rest: tuple[str, ...]
    any_kind: bool = False
    english: bool = False       # the kind named in English ("the civil defence plan of Nghe An")


def _has(terms: list[str], phrase: str) -> bool:
    words = phrase.split()
    n = len(words)
    return any(terms[i:i + n] == words for i in range(len(terms) - n + 1))


def _named_notice(terms: list[str], known=frozenset()) -> tuple[str, str, set[str]] | None:
    """The kind and number of the notice a question names, and the terms that name it:
    'ct:7' as the tokenizer reads 'chỉ thị 07', or the kind's chat shorthand before a number
    ('ct 07', 'kh 0204'); a kind alone ('chỉ thị của huyện …') gives no number. A code that is
    no kind of DOC_KINDS names a notice only when the knowledge base has it (`known`, its
    'kind:number' terms): 'hd:45' of "45-HD/BTCTW", "vbhn 46". None when it names two notices."""
    numbered = {t for t in terms if ":" in t and (t.split(":")[0] in DOC_KINDS or t in known)}
    for a, b in zip(terms, terms[1:]):
        if b.isdecimal() and (a in DOC_KINDS or f"{a}:{int(b)}" in known):
            numbered.add(f"{a}:{int(b)}")
    for k, b in enumerate(terms):       # the kind's words before a number: "cong van 5489" as chat shorthand reads "cv 5489"
        if b.isdecimal():
            numbered.update(f"{kind}:{int(b)}" for kind, alts in DOC_KINDS.items()
                            if k >= len(words := alts[0].split()) and terms[k - len(words):k] == words)
            numbered.update(named_without_kind(terms, k, known))       # "văn bản 11520"
    if len(numbered) > 1:
        return None
    if numbered:
        term = numbered.pop()
        kind, number = term.split(":", 1)
        used = {term, number} | {t for t in terms if t.isdecimal() and int(t) == int(number)}
        return kind, number, used | ({kind} if kind in terms else set())
    kinds = {k for k, alts in DOC_KINDS.items() if _has(terms, alts[0])}
    if not kinds:                       # "who signed the civil defence plan of Nghe An"
        kinds = {k for k, alts in DOC_KINDS.items() if any(_has(terms, a) for a in alts[1:])}
    return (kinds.pop(), "", set()) if len(kinds) == 1 else ("", "", set())


def asked_fact(terms: list[str], known=frozenset(), naming: list[str] | None = None) -> FactQuestion | None:
    """The fact of a notice a question asks for ('signer', 'date', 'number', 'issuer') and how it
    names the notice; None when it asks for no fact, or for two. Whether the other words are
    the notice's is for `find_notice` to say. `naming`, when given, are the terms that name the
    notice: "hd 45 nói về j" as typed, whose chat shorthand read back gives "gì" but also reads
    'hd' as "hướng dẫn", which is no kind of DOC_KINDS."""
    facts = [fact for fact, phrases in ASKS.items() if any(_has(terms, p) for p in phrases)]
    if not facts and terms[:1] == ["what"] and terms[-1:] == ["about"]:
        facts = ["subject"]                         # "what is letter 545 about"
    named = _named_notice(terms if naming is None else naming, known)   # `naming`: the terms as typed
    if len(facts) != 1 or named is None:
        return None
    kind, number, used = named
    if not kind and not number:
        return None
    asked = {w for p in ASKS[facts[0]] if _has(terms, p) for w in p.split()}
    rest = tuple(t for t in terms if t not in asked and t not in _FILLER and t not in _KIND_WORDS
                 and t not in used and not (number and t.startswith(number)))
    any_kind = any(_has(terms, w) for w in _ANY_KIND)
    english = not number and not _has(terms, DOC_KINDS[kind][0])
    return FactQuestion(facts[0], kind, number, rest, any_kind, english)


def typed_fact(typed: list[str], read: list[str] | None, known=frozenset()) -> FactQuestion | None:
    """`asked_fact` of the question as typed, else of its chat shorthand read back (`read`, None
    when reading changed nothing), the notice named as read or else as typed ("tb 39305 ng ky
    la ai", "hd 45 noi ve j")."""
    return asked_fact(typed, known) or (
        asked_fact(read, known) or asked_fact(read, known, typed) if read is not None else None)


def _header_words(record, fact: str, titled: bool = False) -> set[str]:
    """The words of a notice's header: its issuer, place, number — with the codes of its number
    ('chq' of "39305/TB-CHQ", 'btc' of "46/VBHN-BTC", typed for the issuer) — and stated kind
    ("Hướng dẫn", "Văn bản hợp nhất", which DOC_KINDS need not know)."""
    number = record.document_number or ""
    parts = [record.issuer or "", record.province or "", number, " ".join(re.split(r"[^\w]+|\d+", number)),
             record.document_kind or ""]
    if fact in _BY_TITLE or titled:
        parts.append(record.document_title or "")
    return {t.term for t in tokenize(" ".join(parts))}


def _of_kind(index, first_item: dict, d: int, kind: str) -> bool:
    """Whether notice `d` is of `kind` by its stated kind ('Công văn' for 5330/CT-CS, whose
    'CT' is Cục Thuế's code, not a chỉ thị)."""
    i = first_item.get(d)
    if kind not in DOC_KINDS:
        return False
    stated = " ".join(t.term for t in tokenize(index.records[i].document_kind or "")) if i is not None else ""
    return bool(stated) and stated.startswith(DOC_KINDS[kind][0])


def find_notice(index, asked: FactQuestion) -> int | None:
    """The index of the first item of the one notice the question names, or None (no notice,
    or more than one, fits: the question is then ranked as any other)."""
    firsts = np.unique(np.asarray(index.item_doc), return_index=True)
    first_item = dict(zip(firsts[0].tolist(), firsts[1].tolist()))
    if asked.number:
        numbered = {d for k in {*DOC_KINDS, asked.kind} for d in index.doc_numbers.get(f"{k}:{asked.number}", ())}
        docs = numbered if asked.any_kind else {
            d for d in numbered
            if d in index.doc_numbers.get(f"{asked.kind}:{asked.number}", ()) or _of_kind(index, first_item, d, asked.kind)}
    else:
        docs = {d for d in first_item if _of_kind(index, first_item, d, asked.kind)}
        if not asked.rest:
            return None                  # "chỉ thị do ai ký": which one?
    fits = [d for d in docs if d in first_item and _fits(index, asked, first_item[d])]
    return first_item[fits[0]] if len(fits) == 1 else None


def _fits(index, asked: FactQuestion, first: int) -> bool:
    """Whether every other word of the question is the notice's: a word of its header, or, in
    a question that names the notice by its number, an English word whose glossary wording is
    in its header or title ("who is letter 5487 on VAT addressed to": 'VAT' is the title's
    'GTGT' — English names a letter by its subject so); English function words ('on', 'for')
    say nothing of it. Vietnamese words of the title count only for `_BY_TITLE` facts, as
    before: "cong van 5330 gui ai ve thue tncn" asks whom a tax rule is sent to, a directive."""
    words = _header_words(index.records[first], asked.fact)
    titled = _header_words(index.records[first], asked.fact, titled=True) if asked.number else words
    glossed = bool(asked.number) or asked.english

    def held(found) -> bool:
        return any(all(t.term in titled for t in tokenize(a)) for a in found)

    # a phrase the glossary reads as one ("civil defence": 'phòng thủ dân sự') fits as a whole
    phrased = {k for a, b, alts in (index.glossary.translate([word_stem(w) for w in asked.rest]) if glossed else ())
               if held(alts) for k in range(a, b)}
    for k, w in enumerate(asked.rest):
        if w in words or k in phrased or (glossed and w in EN_STOPWORDS):
            continue
        found = index.glossary.translate([word_stem(w)]) if glossed else []
        if not any(held(alts) for _, _, alts in found):
            return False
    return True


def fact_value(fact: str, record) -> str | None:
    """The fact ('signer', 'date', 'number', 'issuer', 'addressees', 'subject') from the notice of `record`; None when
    the header does not give it (then Loa says it does not know rather than guess). Only the
    value: the view names it in the reader's language (texts/ `fact.<fact>`)."""
    if fact == "signer":
        value = getattr(record, "signer", "") or ""
    elif fact == "date":
        value = record.document_date.strftime("%d/%m/%Y") if record.document_date else ""
    elif fact == "number":
        value = record.document_number or ""
    elif fact == "addressees":
        value = getattr(record, "addressees", "") or ""
    elif fact == "subject":
        value = record.document_title or ""
    else:
        value = record.issuer or ""
    return value.strip() or None
