"""The notices in the knowledge base as an admin manages them from the command line: the list,
and the removal of one, by its key or its number, with its items, deadlines and references.

Why: a notice imported by mistake (a wrong file, a draft) needs a way out besides the Telegram
recall of a pushed one, and a new deployment should see what it holds — the five bundled Covid
notices among them unless BUNDLED_NOTICES=false leaves them out (knowledge.loader.ensure_seeded).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from peewee import fn

from knowledge.models import Document, Item
from knowledge.text import fold


@dataclass(frozen=True)
class StoredNotice:
    key: str
    number: str | None
    kind: str
    title: str
    issuer: str
    date: date | None
    items: int
    bundled: bool             # one of the notices shipped with the bot (knowledge/data/*.json)

    def to_json(self) -> dict:
        return {"key": self.key, "number": self.number, "kind": self.kind, "title": self.title,
                "issuer": self.issuer, "date": self.date.isoformat() if self.date else None,
                "items": self.items, "bundled": self.bundled}


def stored_notices() -> list[StoredNotice]:
    """Every stored notice, newest first (undated ones last)."""
    counts = dict(Item.select(Item.document, fn.COUNT(Item.id)).group_by(Item.document).tuples())
    docs = sorted(Document.select(), key=lambda d: (d.date is not None, d.date or date.min, d.id), reverse=True)
    return [StoredNotice(d.key, d.number, d.kind, d.title, d.issuer, d.date, counts.get(d.id, 0), d.origin == "seed")
            for d in docs]


def notices_named(ref: str) -> list[Document]:
    """The notices `ref` names: its key, or its number whole ("3608/QĐ-BYT", "157-kl/tw") or its
    leading digits ("3608", "157"), case and accents aside."""
    ref = ref.strip()
    by_key = list(Document.select().where(Document.key == ref))
    if by_key or not ref:
        return by_key
    wanted = fold(ref).replace(" ", "")
    return [d for d in Document.select().where(Document.number.is_null(False))
            if wanted in (fold(d.number).replace(" ", ""), _digits(d.number))]


def _digits(number: str) -> str:
    found = re.match(r"\s*(\d+)", number)
    return found.group(1) if found else ""


def remove_notice(doc: Document) -> None:
    """The notice and, by the tables' cascades, its items, deadlines, units and references; a
    broadcast of it keeps its delivery record without the notice."""
    Document.delete().where(Document.id == doc.id).execute()
