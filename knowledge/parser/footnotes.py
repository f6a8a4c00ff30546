"""Footnotes printed under the signature ("[1] Lâm Đồng, Bắc Ninh, Huế, …"), put back where the
text calls them ("7 địa phương[1] và 3 Bộ[2] chưa thực hiện …" → "7 địa phương (Lâm Đồng, Bắc
Ninh, …) và 3 Bộ (…)"). A công điện often names there who has not acted yet, the point of it;
below the signature they were no part of the notice. A note is read from its "[n]" to the line
that ends its sentence, within a few lines; one that runs on into the page around it is left out."""
from __future__ import annotations

import re
from dataclasses import replace

_NOTE = re.compile(r"^\[(\d{1,2})\]\s*(\S.*)$")
_CALL = re.compile(r"(?<=[^\W\d_])\[(\d{1,2})\]")     # "địa phương[1]": glued to the word it explains
_MAX_LINES = 3
_MAX_CHARS = 400


def with_footnotes(body: list, lines: list, start: int) -> list:
    """The body's paragraphs with the footnotes found in lines[start:] put in at their calls."""
    notes = _notes(lines, start)
    if not notes:
        return body
    out = []
    for p in body:
        if "[" in p.text and _CALL.search(p.text):
            text = _CALL.sub(lambda m: f" ({notes[m.group(1)]})" if m.group(1) in notes else m.group(0), p.text)
            p = replace(p, text=text)
        out.append(p)
    return out


def _notes(lines: list, start: int) -> dict[str, str]:
    notes: dict[str, str] = {}
    k, end = start, len(lines)
    while k < end:
        m = _NOTE.match(lines[k].text)
        k += 1
        if not m:
            continue
        parts = [m.group(2)]
        while not parts[-1].rstrip(" *").endswith(".") and k < end and len(parts) < _MAX_LINES \
                and lines[k].text and not _NOTE.match(lines[k].text):
            parts.append(lines[k].text)
            k += 1
        note = " ".join(parts).strip(" *")
        if note.endswith(".") and len(note) <= _MAX_CHARS:
            notes.setdefault(m.group(1), note.rstrip(" ."))
    return notes
