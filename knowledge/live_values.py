"""Questions about a value that changes by the day, which no notice gives.

"giá vàng hôm nay", "tỷ giá USD hôm nay", "mai Hà Nội có mưa không", "What's the weather in
Hanoi tomorrow?": Loa answers from the directives it holds, and none of them knows today's price
or tomorrow's weather — a notice's "hôm nay" is the day it was written. Such a question shares
words with many items ("bình ổn giá xăng dầu", "theo dõi diễn biến thời tiết"), and answered
from one of them it is a confident wrong answer, the worst outcome. So a question that names a
time of now and a live value (knowledge/vocab/live_values.tsv) is not searched: the reply says
that Loa reads notices, not live data. The words are data, general to any province's bot.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from knowledge.text import fold, has_diacritics, nfc
from knowledge.tsv_rows import rows

LIVE_FILE = Path(__file__).resolve().parent / "vocab" / "live_values.tsv"


@lru_cache(maxsize=1)
def _phrases() -> dict[str, tuple[tuple[str, ...], ...]]:
    kinds: dict[str, list[tuple[str, ...]]] = {}
    for place, cells in rows(LIVE_FILE):
        if len(cells) != 2 or cells[0] not in ("now", "weather", "live"):
            raise ValueError(f"{place}: expected 'now|weather|live<TAB>phrase'")
        kinds.setdefault(cells[0], []).append(tuple(nfc(cells[1]).lower().split()))
    return {k: tuple(v) for k, v in kinds.items()}


def _found(typed: list[str], phrases, accented: bool) -> tuple[int, int] | None:
    """The first span of `typed` (lower-case syllables as typed) that is one of `phrases`: folded
    the same and, in a question typed with accents, written the same ("có mua vé" buys)."""
    for phrase in phrases:
        n = len(phrase)
        for i in range(len(typed) - n + 1):
            if all(t == w if accented else fold(t) == fold(w) for t, w in zip(typed[i:i + n], phrase)):
                return i, i + n
    return None


def live_value(question: str, tokens) -> str | None:
    """The live value the question asks about, as typed ("giá vàng hôm nay"), or None."""
    typed = [nfc(question[t.start:t.end]).lower() for t in tokens]
    accented = has_diacritics(question)
    kinds = _phrases()
    weather = _found(typed, kinds.get("weather", ()), accented)
    value = weather or _found(typed, kinds.get("live", ()), accented)
    when = _found(typed, kinds.get("now", ()), accented) or (_found(typed, (("mai",),), accented) if weather else None)
    if value is None or when is None:
        return None
    spans = sorted((value, when))
    return " ".join(question[tokens[a].start:tokens[b - 1].end] for a, b in spans)
