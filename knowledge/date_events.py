"""Days of gatherings: "Kính mời đại biểu dự họp vào ngày 26/11/2025", "Hội nghị được tổ chức vào sáng ngày
28/11/2025", "Tổ chức Lễ mít tinh vào ngày 22/12/2025". The phrase "vào … ngày …" dates when a meeting, conference or
ceremony takes place; nobody has to have anything done by then, so it is no deadline (the annotations list meetings and
events under not_deadlines). It stays a deadline when the clause asks for something to be finished or sent on that
day ("gửi báo cáo vào ngày …", "hoàn thành vào dịp ngày 19/12/2025") or tells someone to organise the gathering
("Tổ chức lễ khánh thành vào ngày 01/12/2025": the organiser's dated task). The gathering words are data
(knowledge/vocab/gatherings.txt)."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from knowledge.date_narrative import COMPLETES, fold_span, left_of

WORDS_FILE = Path(__file__).resolve().parent / "vocab" / "gatherings.txt"
# "Tổ chức lễ khánh thành vào ngày 01/12/2025": whoever is told to organise it has a dated task ("được tổ chức" and
# "dự họp" only say when it takes place)
_ORGANISES = re.compile(r"(?<!duoc )(?<!se )\bto chuc\b")
_ON = re.compile(r"^vào(?!\s+dịp)\b", re.IGNORECASE)        # "vào dịp ngày 19/12" names a target, not a meeting


@lru_cache(maxsize=1)
def _gathering() -> re.Pattern:
    with open(WORDS_FILE, encoding="utf-8") as f:
        words = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    return re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")\b")


def gathering_day(text: str, start: int, phrase: str) -> bool:
    """Whether the "vào … ngày …" phrase at `start` dates a gathering its clause names, with nothing to complete."""
    if not _ON.match(phrase):
        return False
    before = fold_span(text, left_of(text, start, (";", ". ", "\n")), start)
    return _gathering().search(before) is not None and not COMPLETES.search(before) and not _ORGANISES.search(before)
