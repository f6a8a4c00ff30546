"""Replacing a stored notice (issue 10 item 6): the preview's list of changes follows what the
loader will do, and no acknowledgement is ever lost — a group's "done" moves to the deadline
the old one became, or is archived with what it acknowledged."""
from __future__ import annotations

import copy
import os
from datetime import date, datetime, timezone

import pytest

from knowledge.loader import save_document
from knowledge.models import Deadline, Item
from knowledge.parser import parse_text
from knowledge.revisions import compare, stored_version
from scheduler.acknowledgements import Acknowledgement, record_ack
from scheduler.pings import Ping
from scheduler.receipts import ArchivedAcknowledgement

SAMPLE = os.path.join(os.path.dirname(__file__), "samples", "thong_bao_45_ha_nam.txt")
NOW = datetime(2026, 11, 24, tzinfo=timezone.utc)


@pytest.fixture
def notice(db):
    with open(SAMPLE, encoding="utf-8") as f:
        parsed = parse_text(f.read())
    doc = save_document(copy.deepcopy(parsed), origin="push")
    return parsed, doc


def deadline_of(doc, number: str, index: int = 0) -> Deadline:
    return list(Deadline.select().join(Item).where(Item.document == doc, Item.number == number)
                .order_by(Deadline.id))[index]


def item(parsed: dict, number: str) -> dict:
    return next(i for i in parsed["items"] if i["number"] == number)


def test_unchanged_copy_says_so(notice):
    parsed, doc = notice
    assert stored_version(parsed).id == doc.id
    assert compare(doc, parsed).empty


def test_truncated_copy_lists_what_goes_and_keeps_the_groups_done(notice):
    parsed, doc = notice
    schools = deadline_of(doc, "3")
    record_ack(schools.id, -7, "done", user_id=5, user_name="Lan", now=NOW)
    record_ack(schools.id, -8, "received", user_id=6, user_name="An", now=NOW)
    Ping.create(deadline=schools, label="1d", fire_at=NOW.replace(tzinfo=None))

    truncated = copy.deepcopy(parsed)
    cut = [i["number"] for i in truncated["items"][-3:]]
    truncated["items"] = truncated["items"][:-3]                  # items 3, 4, 5 gone
    changes = compare(doc, truncated)
    assert changes.items_removed == cut and not changes.items_added and not changes.items_edited
    assert len(changes.deadlines_removed) == sum(len(item(parsed, n)["deadlines"]) for n in cut)
    assert schools.id in changes.removed_deadline_ids

    save_document(truncated, origin="push")
    assert Deadline.get_or_none(Deadline.id == schools.id) is None
    assert Acknowledgement.select().count() == 0               # the rows went with their deadline…
    kept = {(a.chat_id, a.kind, a.user_name) for a in ArchivedAcknowledgement.select()}
    assert kept == {(-7, "done", "Lan"), (-8, "received", "An")}     # …but nothing was lost
    archived = ArchivedAcknowledgement.get(ArchivedAcknowledgement.chat_id == -7)
    assert archived.document_key == doc.key and archived.item_number == "3"
    assert archived.due_date == schools.due_date and archived.phrase == schools.phrase
    assert archived.created_at == NOW.replace(tzinfo=None)


def test_a_corrected_date_moves_the_done_to_the_new_deadline(notice):
    parsed, doc = notice
    old = deadline_of(doc, "4")
    record_ack(old.id, -7, "done", user_id=5, user_name="Lan", now=NOW)
    corrected = copy.deepcopy(parsed)
    moved = item(corrected, "4")["deadlines"][0]
    moved["date"] = "2022-02-20"
    changes = compare(doc, corrected)
    assert changes.deadlines_moved == [(old.due_date, date(2022, 2, 20))]
    assert not changes.deadlines_removed and not changes.deadlines_added

    save_document(corrected, origin="push")
    new = deadline_of(doc, "4")
    assert new.id != old.id and new.due_date == date(2022, 2, 20)      # replanned: a new row
    [ack] = Acknowledgement.select()
    assert (ack.deadline_id, ack.chat_id, ack.user_name) == (new.id, -7, "Lan")
    assert ArchivedAcknowledgement.select().count() == 0


def test_edited_items_and_header_are_listed(notice):
    parsed, doc = notice
    edited = copy.deepcopy(parsed)
    item(edited, "2")["text"] += " Bổ sung."
    edited["title"] = "Kết luận (bản sửa)"
    edited["items"].append({"number": "6", "kind": "point", "text": "Một mục mới.", "units": [],
                            "references": [], "deadlines": [
                                {"date": "2022-03-01", "phrase": "trước ngày 01/3/2022", "kind": "by"}]})
    changes = compare(doc, edited)
    assert changes.items_edited == ["2"] and changes.items_added == ["6"] and changes.fields == ["title"]
    assert changes.deadlines_added == [date(2022, 3, 1)]
    before = {d.id for d in Deadline.select()}
    save_document(edited, origin="push")
    assert before <= {d.id for d in Deadline.select()}             # unchanged deadlines keep their rows
    assert compare(stored_version(edited), edited).empty               # stored as shown
