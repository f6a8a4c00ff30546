"""Put notices into the database: the bundled data files at start-up, and parsed notices
from `bot.py import` and `/push`.

Every notice goes through one function, `save_document`, with the dict shape of the data
files. Reloading is cheap and keeps row ids: a file whose hash is unchanged is skipped, and
a changed one updates its rows in place, matching old items by their text (then number)
and old deadlines by their phrase and moment, because reminders and acknowledgements point at
Deadline ids.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from peewee import IntegrityError, fn

from knowledge.db import database
from knowledge.models import Deadline, DeadlineUnit, Document, Item, ItemUnit, Reference, Unit
from knowledge.units import UNITS

DATA_DIR = Path(__file__).resolve().parent / "data"
_DOC_FIELDS = ("number", "kind", "issuer", "province", "date", "title", "title_en", "signer", "addressees",
               "source_file")


# --- Public API ----------------------------------------------------------------------------

def ensure_seeded(bundled: bool = True) -> None:
    """Units and bundled notices in the database, as the files say; two queries when nothing
    changed. Bundled notices whose file is gone are removed, and all of them when `bundled` is
    False (BUNDLED_NOTICES=false: a deployment that starts from its own notices only)."""
    files = {path.stem: path.read_bytes() for path in sorted(DATA_DIR.glob("*.json"))} if bundled else {}
    try:
        _load(files)
    except IntegrityError:   # another process loaded the same rows at the same moment
        _load(files)


def save_document(parsed: dict, origin: str = "import") -> Document:
    """Store a parsed notice (one transaction, nests inside the caller's). A notice without
    a `key` is keyed by its content, so saving the same notice twice returns the first."""
    key = parsed.get("key") or content_key(parsed)
    digest = _hash(json.dumps(parsed, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    with database.atomic():
        _ensure_units()
        existing = Document.get_or_none(Document.key == key)
        if existing is not None and existing.content_hash == digest:
            return existing
        return _store(parsed, key, origin, digest, existing)


def import_file(path) -> Document:
    from knowledge.reading import parse_file
    return save_document(parse_file(path), origin="import")


def knowledge_stamp() -> tuple:
    """Changes whenever a document or item is added, removed or reloaded, also by another
    process (`bot.py import`): the running bot compares stamps to know when to re-index."""
    docs = Document.select(fn.COUNT(Document.id), fn.MAX(Document.id), fn.MAX(Document.created_at)).tuples()
    items = Item.select(fn.COUNT(Item.id), fn.MAX(Item.id)).tuples()
    return tuple(docs[0]) + tuple(items[0])


def content_key(parsed: dict) -> str:
    """What makes two notices the same: `imp_` and a hash of the issuer, number and date, so
    a corrected notice sent again replaces the first (its unchanged deadlines keep their ids
    and reminders), and two provinces' "06/CT-UBND" of the same day stay two notices. Without
    all three (no letterhead), of the number and the item texts: such a notice replaces
    nothing but an identical copy of itself."""
    number, issuer, when = parsed.get("number"), (parsed.get("issuer") or "").strip(), parsed.get("date")
    if number and issuer and when:
        basis = "\n".join([number, issuer, str(when)])
    else:
        basis = "\n".join([number or ""] + [i["text"] for i in parsed.get("items", [])])
    return "imp_" + _hash(basis.encode("utf-8"))[:16]


def document_dict(doc: Document) -> dict:
    """A stored notice in the shape of the data files (ISO dates), from six queries."""
    doc = Document.get_by_id(doc.id)            # fresh values, dates as date objects
    items = list(Item.select().where(Item.document == doc).order_by(Item.position))
    item_ids = [i.id for i in items]
    item_units: dict[int, list[str]] = {}
    for link in (ItemUnit.select(ItemUnit.item, Unit.code).join(Unit)
                 .where(ItemUnit.item.in_(item_ids)).order_by(ItemUnit.id)):
        item_units.setdefault(link.item_id, []).append(link.unit.code)
    deadlines: dict[int, list[Deadline]] = {}
    for d in Deadline.select().where(Deadline.item.in_(item_ids)).order_by(Deadline.id):
        deadlines.setdefault(d.item_id, []).append(d)
    deadline_units: dict[int, list[str]] = {}
    for link in (DeadlineUnit.select(DeadlineUnit.deadline, Unit.code).join(Unit)
                 .where(DeadlineUnit.deadline.in_([d.id for ds in deadlines.values() for d in ds]))
                 .order_by(DeadlineUnit.id)):
        deadline_units.setdefault(link.deadline_id, []).append(link.unit.code)
    refs = list(Reference.select().where(Reference.document == doc).order_by(Reference.id))
    item_refs: dict[int, list[str]] = {}
    for r in refs:
        if r.item_id is not None:
            item_refs.setdefault(r.item_id, []).append(r.number)
    return {
        "key": doc.key, "source_file": doc.source_file, "number": doc.number, "kind": doc.kind,
        "issuer": doc.issuer, "province": doc.province, "date": _iso(doc.date),
        "title": doc.title, "title_en": doc.title_en, "signer": doc.signer,
        **({"addressees": doc.addressees} if doc.addressees else {}),
        "references": [{"number": r.number, "kind": r.kind, "date": _iso(r.date)}
                       for r in refs if r.item_id is None],
        "items": [{
            "number": i.number, "kind": i.kind, "text": i.text, "summary_en": i.summary_en,
            **({"headings": i.headings.split("\n")} if i.headings else {}),
            **({"actors": json.loads(i.actors)} if i.actors else {}),
            "units": item_units.get(i.id, []), "references": item_refs.get(i.id, []),
            "deadlines": [{
                "date": _iso(d.due_date), "time": d.due_time.strftime("%H:%M") if d.due_time else None,
                "kind": d.kind, "phrase": d.phrase, "task": d.task, "task_en": d.task_en,
                "units": deadline_units.get(d.id, []),
                **({"recurrence": d.recurrence} if d.recurrence else {}),
            } for d in deadlines.get(i.id, [])],
        } for i in items],
    }


# --- Loading -------------------------------------------------------------------------------

def _load(files: dict[str, bytes]) -> None:
    with database.atomic():
        _ensure_units()
        stored = {d.key: d for d in Document.select(Document.id, Document.key, Document.content_hash)
                  .where(Document.origin == "seed")}
        for key, raw in files.items():
            digest = _hash(raw)
            existing = stored.get(key)
            if existing is None or existing.content_hash != digest:
                parsed = json.loads(raw.decode("utf-8"))
                _store(parsed, key, "seed", digest, Document.get_or_none(Document.key == key))
        gone = [d.id for key, d in stored.items() if key not in files]
        if gone:
            Document.delete().where(Document.id.in_(gone)).execute()


def _ensure_units() -> None:
    have = {u.code: u for u in Unit.select()}
    for info in UNITS:
        u = have.get(info.code)
        if u is None:
            Unit.create(code=info.code, name_vi=info.name_vi, name_en=info.name_en)
        elif (u.name_vi, u.name_en) != (info.name_vi, info.name_en):
            Unit.update(name_vi=info.name_vi, name_en=info.name_en).where(Unit.id == u.id).execute()


def _store(parsed: dict, key: str, origin: str, digest: str, doc: Document | None) -> Document:
    fields = {f: parsed.get(f) for f in _DOC_FIELDS}
    fields["date"] = _date(fields["date"])
    fields["kind"] = fields["kind"] or "Văn bản"
    fields["issuer"] = fields["issuer"] or ""
    fields["title"] = fields["title"] or ""
    fields["title_en"] = fields["title_en"] or ""
    fields["addressees"] = fields["addressees"] or ""
    if doc is None:
        doc = Document.create(key=key, origin=origin, content_hash=digest, **fields)
    else:
        Document.update(content_hash=digest, **fields).where(Document.id == doc.id).execute()
    units = {u.code: u.id for u in Unit.select(Unit.id, Unit.code)}
    plan = plan_store(doc, parsed.get("items", []))
    items = _store_items(doc, plan)
    created: dict[int, list[tuple[int, dict]]] = {}        # item row -> its new deadlines
    for row, step in zip(items, plan.items):
        _link_units(ItemUnit, "item", row.id, step.data.get("units", []), units)
        created[row.id] = _store_deadlines(row, step, units)
    _retire(plan, created)
    _store_references(doc, parsed.get("references", []), items, parsed.get("items", []))
    return Document.get_by_id(doc.id)


# --- Replacing a stored notice -------------------------------------------------------------
# A corrected notice updates the rows of the first in place. Rows elsewhere point at its
# deadlines — acknowledgements ("done") and reminders in scheduler/ — and a deleted deadline
# takes them with it. So before deadlines are deleted, every listener registered here learns
# which old deadline became which new one (None: none did), and carries over or keeps what
# must survive (scheduler/receipts.py keeps every acknowledgement).

_deadline_listeners: list = []


def on_deadlines_replaced(listener) -> None:
    """`listener({old deadline id: new deadline id or None})`, called inside the transaction
    that stores a corrected notice, before the old deadlines are deleted."""
    if listener not in _deadline_listeners:
        _deadline_listeners.append(listener)


@dataclass
class ItemStep:
    """One item of the new version: the old row it reuses (None: a new row) and, for each of
    its deadlines, the old deadline row kept (None: a new row)."""
    row: Item | None
    data: dict
    deadlines: list[tuple[Deadline | None, dict]]
    dropped: list[Deadline]              # old deadlines of the reused row not kept


@dataclass
class StorePlan:
    items: list[ItemStep]
    removed_items: list[Item]            # old rows no new item reuses
    removed_deadlines: list[Deadline]    # their deadlines

    def successor(self, old: Deadline, step: ItemStep | None) -> dict | None:
        """The new deadline data that an old deadline became: in the same (kept) item, a new
        deadline with the same phrase (its date was corrected), else the same task, else the
        item's only new deadline."""
        if step is None:
            return None
        fresh = [data for kept, data in step.deadlines if kept is None]
        for same in (lambda d: d["phrase"] == old.phrase,
                     lambda d: bool(old.task) and d.get("task", "") == old.task):
            hit = next((d for d in fresh if same(d)), None)
            if hit is not None:
                return hit
        return fresh[0] if len(fresh) == 1 and len(step.dropped) == 1 else None


def plan_store(doc: Document, new_items: list[dict]) -> StorePlan:
    """How the new items map onto the stored rows of `doc` (nothing is written): an item
    keeps the row of an unchanged item (same text and number) or of an edited one (same
    number); a deadline keeps its row when the same words fall due at the same moment."""
    old = list(Item.select().where(Item.document == doc).order_by(Item.position)) if doc.id else []
    old_deadlines: dict[int, list[Deadline]] = {}
    if old:
        for d in (Deadline.select().where(Deadline.item.in_([i.id for i in old]))
                  .order_by(Deadline.id)):
            old_deadlines.setdefault(d.item_id, []).append(d)
    free = {i.id: i for i in old}
    chosen: list[Item | None] = [None] * len(new_items)
    for match in (lambda o, n: o.text == n["text"] and o.number == n.get("number", ""),
                  lambda o, n: o.number and o.number == n.get("number", "")):
        for k, data in enumerate(new_items):
            if chosen[k] is None:
                hit = next((o for o in free.values() if match(o, data)), None)
                if hit is not None:
                    chosen[k] = free.pop(hit.id)
    steps = []
    for row, data in zip(chosen, new_items):
        left = list(old_deadlines.get(row.id, [])) if row is not None else []
        pairs = []
        for d in data.get("deadlines", []):
            moment = (_date(d["date"]), _time(d.get("time")))
            hit = next((o for o in left if o.phrase == d["phrase"]
                        and (o.due_date, o.due_time) == moment), None)
            series = [o for o in left if d.get("recurrence") and o.phrase == d["phrase"]
                      and o.recurrence == d["recurrence"]]
            if series:
                # a recurring duty's rows are its occurrences (knowledge/recurrence.py): the
                # latest is updated, the passed ones stay as they are
                hit = max(series, key=lambda o: (o.due_date, o.id))
                for o in series:
                    left.remove(o)
            elif hit is not None:
                left.remove(hit)
            pairs.append((hit, d))
        steps.append(ItemStep(row, data, pairs, left))
    removed = list(free.values())
    return StorePlan(steps, removed, [d for i in removed for d in old_deadlines.get(i.id, [])])


def _store_items(doc: Document, plan: StorePlan) -> list[Item]:
    """Rows for the new items in order, reusing the rows the plan chose, so their ids and
    deadlines survive. Rows no item reuses are deleted later, by _retire."""
    for step in plan.items:     # park kept rows out of the way of the (document, position) index
        if step.row is not None:
            Item.update(position=-step.row.id).where(Item.id == step.row.id).execute()
    for item in plan.removed_items:
        Item.update(position=-item.id).where(Item.id == item.id).execute()
    rows = []
    for position, step in enumerate(plan.items, start=1):
        data = step.data
        values = {"position": position, "number": data.get("number", ""),
                  "kind": data.get("kind", "paragraph"), "text": data["text"],
                  "summary_en": data.get("summary_en", ""),
                  "headings": "\n".join(data.get("headings") or ()),
                  "actors": json.dumps(data["actors"], ensure_ascii=False) if data.get("actors") else ""}
        row = step.row
        if row is None:
            row = Item.create(document=doc, **values)
        else:
            Item.update(**values).where(Item.id == row.id).execute()
        rows.append(row)
    return rows


def _store_deadlines(item: Item, step: ItemStep, units: dict[str, int]) -> list[tuple[int, dict]]:
    """Write the item's deadlines; returns (id, data) of the rows created. The same words at
    the same moment keep their row, its reminders and acknowledgements; a new moment (a
    corrected year) makes a new row, so its reminders are planned again."""
    created = []
    for kept, data in step.deadlines:
        values = {"due_date": _date(data["date"]), "due_time": _time(data.get("time")),
                  "kind": data.get("kind", "by"), "phrase": data["phrase"],
                  "task": data.get("task", ""), "task_en": data.get("task_en", ""),
                  "recurrence": data.get("recurrence") or ""}
        if kept is not None and values["recurrence"] and kept.due_date > values["due_date"]:
            values["due_date"] = kept.due_date            # never back to an occurrence already passed
        if kept is None:
            row_id = Deadline.create(item=item, **values).id
            created.append((row_id, data))
        else:
            row_id = kept.id
            Deadline.update(**values).where(Deadline.id == row_id).execute()
        _link_units(DeadlineUnit, "deadline", row_id, data.get("units", []), units)
    return created


def _retire(plan: StorePlan, created: dict[int, list[tuple[int, dict]]]) -> None:
    """Delete the old deadlines and items the new version no longer has, after telling the
    listeners which new deadline each old one became."""
    successors: dict[int, int | None] = {}
    for step in plan.items:
        if step.row is None:
            continue
        new_ids = {id(data): row_id for row_id, data in created.get(step.row.id, [])}
        for old in step.dropped:
            data = plan.successor(old, step)
            successors[old.id] = new_ids.get(id(data)) if data is not None else None
    for old in plan.removed_deadlines:
        successors[old.id] = None
    if successors:
        for listener in list(_deadline_listeners):
            listener(successors)
        Deadline.delete().where(Deadline.id.in_(list(successors))).execute()
    if plan.removed_items:
        Item.delete().where(Item.id.in_([i.id for i in plan.removed_items])).execute()


def _link_units(model, field: str, row_id: int, codes: list[str], units: dict[str, int]) -> None:
    """Links in the order given; unknown codes are skipped (the parser only makes known ones)."""
    wanted = [units[c] for c in dict.fromkeys(codes) if c in units]
    column = getattr(model, field)
    have = [link.unit_id for link in model.select(model.unit).where(column == row_id).order_by(model.id)]
    if have != wanted:
        model.delete().where(column == row_id).execute()
        if wanted:
            model.insert_many([{field: row_id, "unit": u} for u in wanted]).execute()


def _store_references(doc: Document, refs: list[dict], items: list[Item], item_data: list[dict]) -> None:
    Reference.delete().where(Reference.document == doc).execute()
    by_number = {r["number"]: r for r in refs}
    rows = [{"document": doc.id, "item": None, "number": r["number"], "kind": r.get("kind") or "",
             "date": _date(r.get("date"))} for r in refs]
    for item, data in zip(items, item_data):
        for number in data.get("references", []):
            r = by_number.get(number, {})
            rows.append({"document": doc.id, "item": item.id, "number": number,
                         "kind": r.get("kind") or "", "date": _date(r.get("date"))})
    if rows:
        Reference.insert_many(rows).execute()


# --- Small conversions ---------------------------------------------------------------------

def _hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _date(value) -> date | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, date) else date.fromisoformat(value)


def _time(value) -> time | None:
    if value in (None, ""):
        return None
    return value if isinstance(value, time) else time.fromisoformat(value)


def _iso(value) -> str | None:
    if value in (None, ""):
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)
