"""What a question word asks for: "who / which agency / ai / đơn vị nào" wants the part of a
notice that assigns the task ("Giao Sở …", "… chủ trì"), "where / ở đâu" wants a place.

Why: a question names its topic and, with its question word, the kind of answer. Without
this, "Which department is the focal agency …?" ranks the item that merely mentions the
department above the one that gives it the task. The hint is a low-weight concept that
does not count as content, so it reorders items that match the topic equally and never
makes an off-topic item look relevant. The table is data (`vocab/question_frames.tsv`):
question phrases folded (accents off, lower case), so "ở đâu", "o dau" and "where" read alike.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from knowledge.tsv_rows import rows

FRAMES_FILE = Path(__file__).resolve().parent / "vocab" / "question_frames.tsv"
MAX_WORDS = 3


@lru_cache(maxsize=1)
def frames() -> dict[tuple[str, ...], tuple[str, ...]]:
    table: dict[tuple[str, ...], tuple[str, ...]] = {}
    for place, cells in rows(FRAMES_FILE):
        key = tuple(cells[0].split())
        if len(cells) != 2 or not key or len(key) > MAX_WORDS:
            raise ValueError(f"{place}: expected 'question phrase<TAB>wordings'")
        alts = tuple(a.strip() for a in cells[1].split("|") if a.strip())
        if not alts:
            raise ValueError(f"{place}: no wording")
        table[key] = alts
    return table


def asked_parts(terms: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """The question phrases of a folded question and the wordings of what they ask for, each
    kind once, longest phrase first ('which department' rather than a bare 'which')."""
    table = frames()
    out: list[tuple[str, tuple[str, ...]]] = []
    seen: set[tuple[str, ...]] = set()
    i = 0
    while i < len(terms):
        for n in range(min(MAX_WORDS, len(terms) - i), 0, -1):
            alts = table.get(tuple(terms[i:i + n]))
            if alts:
                if alts not in seen:
                    seen.add(alts)
                    out.append((" ".join(terms[i:i + n]), alts))
                i += n
                break
        else:
            i += 1
    return out
