"""The index kept on disk between runs, so that a start at 100,000 items answers in seconds.

Why a stored index rather than answering while it builds: an index half built answers from
half the notices, and a confident answer from the wrong half is the worst outcome; refusing
every question for the half minute a build takes is not much better. A stored index is
whole at once, and it does not need to be current: it holds each document's signature
(`document_signatures`), so the start reads back only the notices changed since it was
written and applies them (`Index.changed`) — the same path as an import.

It is a cache, never the truth: it is keyed by the code and vocabularies that make an index
(a change to the tokeniser or a data file makes it stale, and it is then ignored and
rewritten), written atomically, readable by its owner only, and any failure to read or
write it only costs the build it would have saved. It is a pickle, so it is only ever read
from the path Loa itself writes (beside the database, or as configured), like the SQLite
file.
"""
from __future__ import annotations

import hashlib
import logging
import os
import pickle
import tempfile
from functools import lru_cache
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

FORMAT = 1
_KNOWLEDGE = Path(__file__).resolve().parent
_TRANSIENT = ("glossary", "_rarity", "_summarised", "_mentioning")        # read again or worked out as asked


@lru_cache(maxsize=1)
def code_key() -> str:
    """A digest of everything that shapes an index: the knowledge package's code and
    vocabularies, the numpy version and this format."""
    h = hashlib.sha256(f"{FORMAT} {np.__version__}".encode())
    files = sorted(p for pattern in ("*.py", "vocab/**/*", "data/vocab/**/*") for p in _KNOWLEDGE.glob(pattern)
                   if p.is_file())
    for p in files:
        h.update(str(p.relative_to(_KNOWLEDGE)).encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def save(path: str | os.PathLike, index, signatures: dict[int, tuple]) -> bool:
    """Write the index and the signatures of the documents it holds; False when it could not."""
    path = Path(path)
    state = {k: v for k, v in index.__dict__.items() if k not in _TRANSIENT}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as f:                   # mkstemp: mode 0600
                pickle.dump({"key": code_key(), "signatures": signatures, "index": state}, f,
                            protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except (OSError, pickle.PicklingError) as e:
        log.warning("index_cache_not_written path=%s error=%r", path, e)
        return False
    return True


def load(path: str | os.PathLike, glossary=None):
    """(index, signatures) from the file, or None when there is none or it is stale or bad."""
    from knowledge.index import Index

    try:
        with open(path, "rb") as f:
            data = pickle.load(f)
    except FileNotFoundError:
        return None
    except Exception as e:          # damaged, truncated, another version's classes: rebuild
        log.warning("index_cache_unreadable path=%s error=%r", path, e)
        return None
    if not isinstance(data, dict) or data.get("key") != code_key():
        return None
    index = Index.__new__(Index)
    index.__dict__.update(data["index"])
    index._rarity = {}
    if glossary is None:
        from knowledge.glossary import Glossary
        glossary = Glossary.bundled()
    index.glossary = glossary
    return index, data["signatures"]


def cache_path(database_url: str) -> str | None:
    """Where the stored index lives: beside a SQLite file (`loa.db.index`); for a server
    database, in `data/` under a name made from its address (no password in it); None for
    an in-memory database."""
    from urllib.parse import urlsplit

    if database_url.startswith("sqlite:///"):
        file = database_url[len("sqlite:///"):].split("?", 1)[0]
        return None if not file or file == ":memory:" else file + ".index"
    if database_url.startswith("sqlite:"):
        return None
    parts = urlsplit(database_url)
    where = f"{parts.scheme}://{parts.hostname}:{parts.port}{parts.path}"
    return str(Path("data") / f"index-{hashlib.sha256(where.encode()).hexdigest()[:16]}.pickle")
