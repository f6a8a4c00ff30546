"""Abbreviations written in notices, read as their full words when items are indexed.

Why: notices write a body short as often as in full ("Bộ CHQS tỉnh", "BCH QS huyện", "UBND xã",
"MTTQ"), and a question names it in full — in Vietnamese ("Bộ Chỉ huy Quân sự tỉnh") or through
the glossary's wording of its English ("provincial military command": 'bộ chỉ huy quân sự').
Indexed as written, the item that gives the body its task never meets that question, and a
neighbour that spells a similar name out answers instead (QA6 finding 7). So an item's words
are indexed with each abbreviation spelled out in place, its pairs with its neighbours too
('bo chi', 'su tinh'), and the abbreviation itself kept, for a question that types it.
The abbreviations are data (`vocab/written_abbreviations.tsv`); knowledge.within reads bodies
with the same table.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

ABBREVIATIONS_FILE = Path(__file__).resolve().parent / "vocab" / "written_abbreviations.tsv"


@lru_cache(maxsize=1)
def spelled() -> dict[str, tuple[str, ...]]:
    """Folded abbreviation -> its full words, folded ('chqs' -> ('chi', 'huy', 'quan', 'su'))."""
    from knowledge.text import fold
    out = {}
    with open(ABBREVIATIONS_FILE, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                short, full = line.rstrip("\n").split("\t")
                out[fold(short.strip())] = tuple(fold(full).split())
    return out


def spell_out(words: list[str]) -> tuple[list[str], list[str]]:
    """Words as indexed, with every abbreviation spelled out in place, and the abbreviations
    found (kept as terms of their own by the caller)."""
    table = spelled()
    out: list[str] = []
    found: list[str] = []
    for w in words:
        full = table.get(w)
        if full:
            out.extend(full)
            found.append(w)
        else:
            out.append(w)
    return out, found
