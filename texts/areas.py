"""Merging one language's area modules (texts/<lang>/<area>.py) into the single table `t()` reads.

The tables are split by area only to keep each file readable; every language has the same areas,
each holding the same keys as in the other languages. A key defined in two areas would silently
shadow the other, so the merge refuses it at import time instead.
"""
from __future__ import annotations

import importlib

AREAS = ("basics", "reading", "answers", "deadlines", "push", "admin")


def language_table(package: str) -> dict[str, str]:
    """The whole table of the language package `package` (e.g. "texts.vi"), from its areas'
    `TEXTS`; raises if two areas define the same key."""
    table: dict[str, str] = {}
    for area in AREAS:
        texts = importlib.import_module(f"{package}.{area}").TEXTS
        clash = table.keys() & texts.keys()
        if clash:
            raise ValueError(f"{package}.{area} repeats text keys: {', '.join(sorted(clash))}")
        table.update(texts)
    return table
