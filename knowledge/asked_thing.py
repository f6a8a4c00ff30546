"""The thing an English question asks the value of ("what is the fine for …", "how much is the
Tet bonus …", "what is the interest rate on …"): an item that never names it gives some other
value.

Why: an English question reaches an item without English summary (every imported notice) only
through the glossary's wordings of its words, and most of those are shared by the neighbouring
topic: "what is the fine for not issuing an e-invoice from a cash register" meets the letter that
asks e-invoice providers to support households, which names e-invoices and cash registers and no
fine. When the head of "what / how much is the X" is translated and the item (with its headings)
holds none of its wordings, the item answers another question, and Loa declines.
"""
from __future__ import annotations

import re

from knowledge.glossary import word_stem
from knowledge.text import fold, terms

_ASKS_VALUE = re.compile(r"^(?:what|how much|how high)\s+(?:is|are|was|were|will be)\s+(?:the\s+|a\s+|an\s+)?"
                         r"(?P<thing>[a-z][a-z' -]*?)\s*(?:\b(?:for|of|on|in|at|to|when|if|from|under|with|per|"
                         r"this|that|these|those|now|today)\b|[?.!]|$)")
# Heads that ask for a kind of answer, not a named thing: the date, figure or body itself is the answer.
_GENERAL = frozenset("deadline date time day purpose role number amount name process procedure reason "
                     "difference rule rules requirement requirements condition conditions penalty".split())
MAX_WORDS = 3
# A head that ends in a participle or predicate adjective is no thing but a clause: "what is the
# copyright office tasked to advise on", "what is the committee responsible for".
_PREDICATE = re.compile(r"(?:ed|en|ible|able)$|^responsible$|^supposed$")


def asked_thing(question: str) -> list[str]:
    """The words of the thing a "what / how much is the X …" question asks the value of."""
    m = _ASKS_VALUE.match(" ".join(question.lower().split()))
    if not m:
        return []
    words = terms(m.group("thing"))
    if not 0 < len(words) <= MAX_WORDS or set(words) & _GENERAL or _PREDICATE.search(words[-1]):
        return []
    return words


def thing_missing(glossary, question: str, record) -> bool:
    """Whether the item (its text and headings) holds no wording of some glossary term of the
    asked thing."""
    words = asked_thing(question)
    if not words:
        return False
    held = f" {fold(' '.join((*record.headings, record.text)))} "
    found = glossary.translate([word_stem(w) for w in words])
    return any(not any(f" {fold(a)} " in held for a in alts) for _, _, alts in found)
