"""Linear time without a stopwatch: the parser on a text and on one four times longer.

A rule that rereads the text (quadratic) takes sixteen times as long on four times the text,
a linear one about four; the ratio does not depend on the machine's speed or load, which a
fixed limit in seconds does (a 15 s limit failed at 14.4 s of a loaded CI run). The full
megabyte is timed by `benchmarks/bench_hostile.py`.
"""
from __future__ import annotations

import time
from typing import Callable

from knowledge.parser import ParseError, parse_text

SMALL = 60_000          # bytes; the long text is four times this
MAX_RATIO = 8           # linear: ~4; quadratic: ~16
FLOOR = 0.05            # seconds under which a run is noise


def parse_seconds(text: str) -> float:
    started = time.process_time()
    try:
        parse_text(text)
    except ParseError:
        pass
    return time.process_time() - started


def growth(make: Callable[[int], str]) -> float:
    """How many times longer four times the text takes (`make(n)` builds about n bytes)."""
    short, long = make(SMALL), make(4 * SMALL)
    parse_seconds(short)                                     # warm caches and lazy imports
    return parse_seconds(long) / max(parse_seconds(short), FLOOR)
