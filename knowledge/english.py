"""How an English question is read beyond its words' translations.

Why: an English question says what it asks for with its first question word; a later
"when" joins a clause ("who should hospitals report to when applying Decree 188") and
asks for no date. Read as a time question, the item that answers (it names whom to
report to, and no date) would be declined for holding no date (knowledge.confidence,
`kind_missed`).
"""
from __future__ import annotations

QUESTION_WORDS = frozenset(("who", "whom", "whose", "what", "which", "where", "why", "how"))
CONJUNCTIONS = frozenset(("when", "whenever"))


def asking_terms(terms: list[str]) -> list[str]:
    """The question's terms with a clause's 'when' blanked out: one that comes after
    another question word ('who … when …', 'what … when …'). A leading 'when', 'by when',
    'until when' stay."""
    out = list(terms)
    asked = False
    for i, t in enumerate(terms):
        if t in CONJUNCTIONS and asked and (i == 0 or terms[i - 1] not in ("by", "until", "till")):
            out[i] = ""
        elif t in QUESTION_WORDS:
            asked = True
    return out
