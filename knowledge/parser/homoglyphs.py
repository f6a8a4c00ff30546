"""Cyrillic letters that look Latin, inside Latin words: "16495/BТС-PTHT", "GRDР", "thựс".

Some sites and PDF converters write a Latin letter with its Cyrillic double (Т for T, С for C,
Р for P, с for c). A reader sees nothing wrong; Loa sees another word: the cited document
"16495/BTC-PTHT" is not found, "thực" is not matched. Where such a letter sits in a word that
also holds a Latin letter or a digit, it is read as the Latin one; a word written wholly in
Cyrillic is left as it is.
"""
from __future__ import annotations

import re

_DOUBLES = str.maketrans("АВЕКМНОРСТХУаеорсхуіјѕ", "ABEKMHOPCTXYaeopcxyijs")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_WORD = re.compile(r"\S+")


def _latin_word(m: re.Match) -> str:
    word = m.group(0)
    latin = any(c.isalnum() and not _CYRILLIC.match(c) for c in word)
    return word.translate(_DOUBLES) if latin and _CYRILLIC.search(word) else word


def latin_doubles(text: str) -> str:
    """`text` with the Cyrillic doubles of Latin letters made Latin inside Latin words."""
    return _WORD.sub(_latin_word, text) if _CYRILLIC.search(text) else text
