"""Which terms name an item's own notice ('cd:217' for Công điện 217/CĐ-TTg), and its kind code.

A question that names the notice ("công điện 217 giao Bộ Xây dựng …") points to it, and a
paragraph that cites the notice's own number is about the notice rather than a directive
(knowledge.traits.prior). Kept apart from knowledge/traits.py, which reads what an item is.
"""
from __future__ import annotations

import re

from knowledge.text import DOC_KINDS, fold, tokenize

_SELF_INTRO = re.compile(r"(?:ban hanh|da co|\bco|\bky|ra)\s+((?:cong dien|chi thi|thong bao|cong van|ke hoach"
                         r"|ket luan|quyet dinh|nghi quyet)\s+(?:so\s+)?\d+[^\s,;]*)")


def document_number_terms(r, first_texts: list[str] | None = None) -> set[str]:
    """'cd:217'-style terms that name a record's document: from its number or, when the
    parser found none, from an opening paragraph that says it was issued ('Ngày 23/11,
    Thủ tướng có Công điện 227/CĐ-TTg …') or a title that opens with one ('Công điện 1638:
    Tăng cường …', 'Công văn 2492/BYT-KCB bảo đảm …'). `first_texts`: its first items."""
    found = set(_number_terms(r.document_number or ""))
    kind = kind_of(r) if found else ""
    if kind in DOC_KINDS:        # "11520/VPCP-CN", a công văn, is also asked for as "công văn 11520"
        found |= {f"{kind}:{t.split(':', 1)[1]}" for t in found}
    if not found and first_texts:
        for text in first_texts:
            intro = _SELF_INTRO.search(fold(text[:300]))
            if intro:
                found = {t for t in _number_terms(intro.group(1))}
                break
    if not found and r.document_title:
        toks = tokenize(r.document_title[:80])
        first = next((k for k, t in enumerate(toks) if not t.word), None)
        if first is not None and first <= 3:       # only kind words before it
            found = {t.term for t in toks[first:first + 3] if not t.word and ":" in t.term}
    return found


def kind_of(r) -> str:
    """The kind code ('cd', 'tb', 'kh', …) of a record's document, from its kind or number."""
    for text in (r.document_kind, r.document_number or ""):
        folded = fold(text)
        for code, words in DOC_KINDS.items():
            if any(folded.startswith(w) for w in words[:1]):
                return code
        for t in _number_terms(text):
            return t.split(":")[0]
    return ""


def _number_terms(text: str) -> list[str]:
    return [t.term for t in tokenize(text) if not t.word and ":" in t.term]
