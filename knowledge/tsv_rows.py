"""The one loop that reads the vocabularies under knowledge/vocab/.

Every table there is UTF-8 text, one entry per line, cells separated by tabs; blank lines and
lines starting with '#' are comments an admin may put anywhere. Each table's reader checks its
own cells and names the place (`file:line`) in its error, so that a broken entry says where it
is instead of being skipped in silence.
"""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path


def rows(path: str | Path) -> Iterator[tuple[str, list[str]]]:
    """(place, cells) for each entry of the file: place is 'name.tsv:line' for error messages."""
    name = Path(path).name
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            yield f"{name}:{n}", line.rstrip("\n").split("\t")
