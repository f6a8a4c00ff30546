"""Questions about a notice itself — who signed it, on what date, its number, who issued it.

No item of a notice says who signed it: the answer is in the notice's header, so ranking
items for "thông báo 102 do ai ký" can only find a sentence that shares "thông báo" and
call it an answer (a confident wrong answer). Such questions are recognised here and
answered from the notice's metadata, or left unanswered when the header lacks the fact.

A question is about the notice only when, besides naming it and asking for the fact, it
says nothing else: "thông báo 102 yêu cầu gì ngày nào" asks about a directive.
"""
from __future__ import annotations

from knowledge.text import DOC_KINDS

# fact -> the phrases (folded terms) that ask for it
ASKS = {
    "signer": ("ai ky", "nguoi ky", "ky boi", "ky ten", "ai la nguoi ky", "who signed", "signed by",
               "signer", "signatory", "who signs"),
    "date": ("ngay nao", "ngay may", "ngay bao nhieu", "ban hanh ngay", "ban hanh khi nao",
             "ban hanh bao gio", "what date", "which date", "dated", "issued when", "when was"),
    "number": ("so hieu", "so may", "so bao nhieu", "what number", "number of"),
    "issuer": ("ai ban hanh", "co quan nao ban hanh", "don vi nao ban hanh", "ai gui", "ai ra",
               "who issued", "issued by", "which agency", "who sent"),
}
# words a question about the notice may carry besides the fact asked for
_FILLER = frozenset(
    "do duoc boi cua la vay the nao the a ha nhi ban hanh van ban so ngay ky ai gi "
    "who what which when was is the of by it this that did signed issued date number".split())
_KIND_WORDS = frozenset(w for alts in DOC_KINDS.values() for phrase in alts for w in phrase.split())


def _has(terms: list[str], phrase: str) -> bool:
    words = phrase.split()
    n = len(words)
    return any(terms[i:i + n] == words for i in range(len(terms) - n + 1))


def asked_fact(terms: list[str]) -> str | None:
    """The fact of the notice a question asks for ('signer', 'date', 'number', 'issuer'),
    when it asks for nothing else; None otherwise."""
    numbered = [t for t in terms if ":" in t and t.split(":")[0] in DOC_KINDS]
    if len(set(numbered)) != 1:
        return None
    number = numbered[0].split(":", 1)[1]
    facts = [fact for fact, phrases in ASKS.items() if any(_has(terms, p) for p in phrases)]
    if len(facts) != 1:
        return None
    asked = {w for p in ASKS[facts[0]] if _has(terms, p) for w in p.split()}
    rest = [t for t in terms if t not in asked and t not in _FILLER and t not in _KIND_WORDS
            and t != numbered[0] and t != number and not t.startswith(number)]
    return facts[0] if not rest else None


def fact_value(fact: str, record) -> str | None:
    """The fact ('signer', 'date', 'number', 'issuer') from the notice of `record`; None when
    the header does not give it (then Loa says it does not know rather than guess). Only the
    value: the view names it in the reader's language (texts/ `fact.<fact>`)."""
    if fact == "signer":
        value = getattr(record, "signer", "") or ""
    elif fact == "date":
        value = record.document_date.strftime("%d/%m/%Y") if record.document_date else ""
    elif fact == "number":
        value = record.document_number or ""
    else:
        value = record.issuer or ""
    return value.strip() or None
