"""Data files parsed once, then read back from a pickle beside them.

Why: every `bot.py ask` starts a fresh interpreter, and turning the bundled glossary into
its lookup table (1,600 lines, each tokenised and stemmed) cost about a third of a second
per run, more than reading the database. The parsed form only changes when the file or
the code that reads it changes, so it is kept in the file's `__pycache__` folder, as
Python keeps compiled modules, under a name made from a digest of the file and of that
code. A stale or damaged copy is never read (another digest, or unpickling fails: the
file is parsed again), and a folder that cannot be written only costs the parse.
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from pathlib import Path
from typing import Callable, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")
FORMAT = 1


def cached(source: Path, code: tuple[Path, ...], parse: Callable[[], T]) -> T:
    """`parse()`, or what an earlier call with the same `source` file and `code` files
    (those that decide what parsing gives) stored."""
    h = hashlib.sha256(f"{FORMAT}".encode())
    try:
        for p in (source, *code):
            h.update(p.read_bytes())
    except OSError:
        return parse()
    path = source.parent / "__pycache__" / f"{source.name}.{h.hexdigest()[:20]}.pickle"
    try:
        with open(path, "rb") as f:
            return pickle.load(f)
    except FileNotFoundError:
        pass
    except Exception as e:                      # truncated or from another version: parse again
        log.warning("parsed_cache_unreadable path=%s error=%r", path, e)
    value = parse()
    _write(path, value)
    return value


def _write(path: Path, value) -> None:
    try:
        path.parent.mkdir(exist_ok=True)
        for old in path.parent.glob(path.name.split(".")[0] + ".*.pickle"):
            old.unlink(missing_ok=True)         # earlier versions of the same file
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError as e:
        log.debug("parsed_cache_not_written path=%s error=%r", path, e)
