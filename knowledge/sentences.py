"""Where an item's sentences end.

A stop, semicolon, colon, question or exclamation mark followed by a space ends a sentence,
and so does a line break — except a stop after an abbreviation that is part of a name:
"Thuế TP. Hà Nội nghiên cứu …" is one sentence, and quoting it from "Hà Nội nghiên cứu"
names the wrong body. The abbreviations are data (knowledge/vocab/abbreviations.txt).

A short label and its value on one line are one sentence: "- Cơ quan chủ trì: Sở Nội vụ, Sở Tài
chính." Split at the colon, the value alone ("Sở Nội vụ, Sở Tài chính.") would be quoted for "ai
chủ trì …" without the words that say what it is, and a plan row's next value ("- Cơ quan phối
hợp: …") could be quoted in its place. Only when the value ends the sentence: a label over a
list ("Nghiêm cấm các hành vi: Đổ chất thải …; xả nước thải …;") stays a label, which the
answer view completes with what follows (knowledge.quotes.continuation).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

ABBREVIATIONS_FILE = Path(__file__).resolve().parent / "vocab" / "abbreviations.txt"

_SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+(?=\S)|\n+")
_LAST_WORD = re.compile(r"(?:^|[\s(\"'“])([^\W\d_]+)\.$")
LABEL_WORDS = 6             # "- Cơ quan chủ trì:", "Hạn nộp báo cáo:", "Thời gian thực hiện:"


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    lines = ABBREVIATIONS_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(s.strip() for s in lines if s.strip() and not s.startswith("#"))


def split_sentences(text: str) -> list[str]:
    """The sentences of a text, stripped, in order; a piece that ends with an abbreviation's
    stop and is followed on the same line is joined to what follows."""
    known = abbreviations()
    out: list[str] = []
    glue = False
    label = False            # the last piece is a short label, with more on its line
    start = 0
    for end in [*_SENTENCE_END.finditer(text), None]:
        piece = text[start:end.start() if end else len(text)].strip()
        if piece:
            if glue and out:
                out[-1] = f"{out[-1]} {piece}"
            elif label and out and not piece.endswith((";", ":")):
                out[-1] = f"{out[-1]} {piece}"
            else:
                out.append(piece)
            same_line = bool(end) and "\n" not in end.group()
            last = _LAST_WORD.search(out[-1])
            glue = bool(last) and last.group(1) in known and same_line
            label = same_line and out[-1] == piece and _is_short_label(piece)
        if end:
            start = end.end()
    return out


def _is_short_label(piece: str) -> bool:
    return piece.endswith(":") and len(piece.lstrip("-+*•– ").split()) <= LABEL_WORDS
