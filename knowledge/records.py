"""What the search knows of an item and its notice, read from the database in a few queries.

Kept apart from the searcher (knowledge/search.py) because the index, the views and the
benchmarks need the records without the question answering around them.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time


@dataclass
class DeadlineInfo:
    due_date: date
    due_time: time | None
    kind: str
    phrase: str
    task: str = ""
    task_en: str = ""
    recurrence: str = ""    # RRULE of a recurring duty: views show its next occurrence


@dataclass
class ItemRecord:
    """What the index needs to know of one item and its document."""
    item_id: int
    text: str
    summary_en: str = ""
    number: str = ""
    kind: str = "point"
    headings: tuple[str, ...] = ()      # the headings above the item, outermost first
    document_id: int = 0
    document_number: str | None = None
    document_kind: str = ""
    document_title: str = ""
    document_title_en: str = ""
    issuer: str = ""
    signer: str = ""
    addressees: str = ""
    province: str | None = None
    document_date: date | None = None
    references: tuple[str, ...] = ()
    deadlines: tuple[DeadlineInfo, ...] = ()


def source_line(r: ItemRecord) -> str:
    """Human source of an item, in Vietnamese (the language of the notices)."""
    parts = [r.document_number or shortened(r.document_title, 80)]
    if r.issuer:
        parts.append(r.issuer)
    if r.document_date:
        parts.append(r.document_date.strftime("%d/%m/%Y"))
    if r.number:
        parts.append(f"mục {r.number}")
    return ", ".join(p for p in parts if p)


def shortened(text: str, limit: int, ellipsis: str = "…") -> str:
    """`text` on one line and, when longer than `limit`, cut on a whole word with an ellipsis
    (the result fits in `limit`), so that nobody reads a clipped word ("… gia cảnh khi tí",
    "… dự án tồn đ") as the end of a title, a heading or a sentence."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    room = text[:max(1, limit - len(ellipsis))]
    cut = room.rsplit(" ", 1)[0] if " " in room else room
    return cut.rstrip(" ,;:-") + ellipsis


def document_signatures() -> dict[int, tuple]:
    """What tells whether a stored document changed since it was indexed: its content hash
    (a corrected notice changes it), item count and highest item id (a reload replaces its
    items), in two queries."""
    from peewee import fn

    from knowledge.models import Document, Item

    counts = {d: (n, top) for d, n, top in
              Item.select(Item.document, fn.COUNT(Item.id), fn.MAX(Item.id)).group_by(Item.document).tuples()}
    return {d: (digest,) + counts.get(d, (0, 0))
            for d, digest in Document.select(Document.id, Document.content_hash).tuples()}


def load_records(item_ids: list[int] | None = None, document_ids: list[int] | None = None) -> list[ItemRecord]:
    """Items (all, or the given ones, or those of the given documents) with their document,
    references and deadlines, in a few queries."""
    from knowledge.models import Deadline, Document, Item, Reference

    items = Item.select().order_by(Item.document, Item.position)
    refs_q = Reference.select(Reference.item, Reference.number).where(Reference.item.is_null(False))
    deadlines_q = Deadline.select().order_by(Deadline.due_date, Deadline.id)
    if item_ids is not None:
        items = items.where(Item.id.in_(item_ids))
        refs_q = refs_q.where(Reference.item.in_(item_ids))
        deadlines_q = deadlines_q.where(Deadline.item.in_(item_ids))
    if document_ids is not None:
        items = items.where(Item.document.in_(document_ids))
        of_docs = Item.select(Item.id).where(Item.document.in_(document_ids))
        refs_q = refs_q.where(Reference.item.in_(of_docs))
        deadlines_q = deadlines_q.where(Deadline.item.in_(of_docs))
    items = list(items)
    docs = {d.id: d for d in Document.select().where(Document.id.in_({it.document_id for it in items}))}
    refs: dict[int, list[str]] = {}
    for ref in refs_q:
        refs.setdefault(ref.item_id, []).append(ref.number)
    deadlines: dict[int, list[DeadlineInfo]] = {}
    for dl in deadlines_q:
        deadlines.setdefault(dl.item_id, []).append(
            DeadlineInfo(dl.due_date, dl.due_time, dl.kind, dl.phrase, dl.task, dl.task_en,
                         dl.recurrence or ""))
    out = []
    for it in items:
        d = docs[it.document_id]
        out.append(ItemRecord(
            item_id=it.id, text=it.text, summary_en=it.summary_en or "", number=it.number or "",
            kind=it.kind, headings=tuple(it.headings.split("\n")) if it.headings else (), document_id=d.id, document_number=d.number, document_kind=d.kind,
            document_title=d.title, document_title_en=d.title_en or "", issuer=d.issuer, signer=d.signer or "",
            addressees=d.addressees or "",
            province=d.province, document_date=d.date, references=tuple(refs.get(it.id, ())),
            deadlines=tuple(deadlines.get(it.id, ()))))
    return out
