"""Small talk: greetings, thanks, "who are you", "what can you do", ok, bye.

People greet a bot and thank it; a search over directives would answer "xin chào" with a
vaccination item ("xin" as in "vắc xin") and "thanks" with an item that thanks a
laboratory. A message made only of small-talk phrases (`knowledge/vocab/smalltalk.tsv`,
folded, so with or without accents) and fillers ("bạn", "ơi", "nhé") is small talk and gets
a friendly reply instead; a greeting in front of a real question is taken off it.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from knowledge.shorthand import untelex
from knowledge.text import fold, tokenize
from knowledge.tsv_rows import rows

SMALLTALK_FILE = Path(__file__).resolve().parent / "vocab" / "smalltalk.tsv"
KINDS = ("help", "who", "thanks", "bye", "greeting", "ok")      # the first found wins
_OPENERS = ("greeting", "thanks", "filler")                      # may stand before a question
MIN_OPENER = 4              # letters of a thanks in front of a question ('ty' is a word too)


@dataclass(frozen=True)
class SmallTalk:
    kind: str | None        # one of KINDS when the whole message is small talk
    rest: str               # the message without a greeting in front (the whole message otherwise)
    lang: str | None = None  # "vi" or "en" when its words say so ("thanks", "cảm ơn"), else None


@lru_cache(maxsize=1)
def _phrases() -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    table: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for place, cells in rows(SMALLTALK_FILE):
        if len(cells) != 3 or cells[0] not in KINDS + ("filler",) or cells[2] not in ("vi", "en", "any"):
            raise ValueError(f"{place}: expected 'kind<TAB>phrase<TAB>vi|en|any'")
        words = tuple(fold(cells[1]).split())
        table.setdefault(words[0], []).append((words, cells[0], cells[2]))
    for options in table.values():
        options.sort(key=lambda p: -len(p[0]))
    return table


def read_smalltalk(message: str, tokens=None) -> SmallTalk:
    """`tokens`: tokenize(message), when the caller has them."""
    tokens = tokenize(message) if tokens is None else tokens
    if not tokens:
        return SmallTalk(None, message)
    words = [t.term if t.word else "" for t in tokens]      # numbers and dates are content
    # Telex left in by a phone whose Vietnamese keyboard was off ('cảm own' is 'cảm ơn').
    typed = [untelex(w) or w for w in words]
    table = _phrases()
    kinds: list[str] = []                    # the kind of each token, None when it is content
    langs: set[str] = set()
    short_thanks = False
    i = 0
    while i < len(words):
        for phrase, kind, lang in table.get(words[i], ()) or table.get(typed[i], ()):
            if all(p in (w, t) for p, w, t in zip(phrase, words[i:i + len(phrase)], typed[i:i + len(phrase)])) \
                    and i + len(phrase) <= len(words):
                kinds += [kind] * len(phrase)
                langs.add(lang)
                short_thanks |= kind == "thanks" and len("".join(phrase)) < MIN_OPENER
                i += len(phrase)
                break
        else:
            kinds.append(None)
            i += 1
    if None not in kinds:
        found = [k for k in KINDS if k in kinds]
        if found:
            said = langs - {"any"}
            return SmallTalk(found[0], message, said.pop() if len(said) == 1 else None)
        return SmallTalk(None, message)
    first_content = kinds.index(None)
    opener = kinds[:first_content]
    if not opener or any(k not in _OPENERS for k in opener) or short_thanks:
        return SmallTalk(None, message)
    # The opener ends with its last greeting or thanks, or with a filler right before a
    # comma ('chào bạn, …'); a filler word may begin the question ('nhà máy' is not 'nha').
    end = max((k + 1 for k, kind in enumerate(opener) if kind != "filler"), default=0)
    for k in range(end, first_content):
        if message[tokens[k].end:].lstrip()[:1] in ",.!:;-–":
            end = k + 1
    if not end:
        return SmallTalk(None, message)
    return SmallTalk(None, message[tokens[end].start:].strip() if end < len(tokens) else message)
