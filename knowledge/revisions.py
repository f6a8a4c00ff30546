"""What replacing a stored notice with a new version would change, before anything is written:
shown in the push preview, so that a corrected notice — or an unrelated one that happens to
share its number and date, or a truncated copy — is never stored over the first unseen.

The comparison follows exactly what `knowledge.loader` will do (`plan_store`): which items
keep their rows, which are new, edited or removed, and which deadlines move or go.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from knowledge.loader import _date, content_key, plan_store
from knowledge.models import Document

FIELDS = ("number", "kind", "issuer", "date", "title", "signer")


@dataclass
class Changes:
    document: Document
    fields: list[str] = field(default_factory=list)           # header fields that change
    items_added: list[str] = field(default_factory=list)      # their numbers or first words
    items_removed: list[str] = field(default_factory=list)
    items_edited: list[str] = field(default_factory=list)
    deadlines_added: list[date] = field(default_factory=list)
    deadlines_removed: list[date] = field(default_factory=list)
    deadlines_moved: list[tuple[date, date]] = field(default_factory=list)
    removed_deadline_ids: list[int] = field(default_factory=list)   # old rows deleted
    moved_deadline_ids: list[int] = field(default_factory=list)     # of which: with a successor

    @property
    def empty(self) -> bool:
        return not (self.fields or self.items_added or self.items_removed or self.items_edited
                    or self.deadlines_added or self.deadlines_removed or self.deadlines_moved)


def stored_version(parsed: dict) -> Document | None:
    """The stored notice that `parsed` would replace (same identity), if any."""
    return Document.get_or_none(Document.key == (parsed.get("key") or content_key(parsed)))


def compare(doc: Document, parsed: dict) -> Changes:
    changes = Changes(doc)
    for name in FIELDS:
        old, new = getattr(doc, name), parsed.get(name)
        if name == "date":
            new = _date(new)
        if (old or None) != (new or None):
            changes.fields.append(name)
    plan = plan_store(doc, parsed.get("items", []))
    for step in plan.items:
        label = _label(step.data)
        if step.row is None:
            changes.items_added.append(label)
        elif (step.row.text, step.row.number) != (step.data["text"], step.data.get("number", "")):
            changes.items_edited.append(label)
        fresh = [d for kept, d in step.deadlines if kept is None]
        moved_to = {}
        for old in step.dropped:
            successor = plan.successor(old, step)
            if successor is not None:
                moved_to[id(successor)] = old
                changes.deadlines_moved.append((old.due_date, _date(successor["date"])))
                changes.moved_deadline_ids.append(old.id)
            else:
                changes.deadlines_removed.append(old.due_date)
            changes.removed_deadline_ids.append(old.id)
        changes.deadlines_added += [_date(d["date"]) for d in fresh if id(d) not in moved_to]
    for item in plan.removed_items:
        changes.items_removed.append(item.number or _words(item.text))
    for old in plan.removed_deadlines:
        changes.deadlines_removed.append(old.due_date)
        changes.removed_deadline_ids.append(old.id)
    return changes


def _label(data: dict) -> str:
    return data.get("number") or _words(data["text"])


def _words(text: str, n: int = 6) -> str:
    words = text.split()
    return " ".join(words[:n]) + ("…" if len(words) > n else "")
