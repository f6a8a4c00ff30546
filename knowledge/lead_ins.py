"""A lead-in answers with its list.

An item such as "Các đơn vị thực hiện các biện pháp sau:" or "Như vậy, hồ sơ … gồm có những
giấy tờ sau:" says nothing by itself: its content is the items that follow it. When such an
item is the answer, the reader needs the list, and so does whoever scores the answer's text
(../shared/eval contract: the answer is `text`). So the answer's text is the lead-in with the
items it announces, as many whole items as fit in LIST_BUDGET characters (at least one).

Which items it announces, read from the records alone (they are in the notice's order, a
notice's records side by side, knowledge.records.load_records):
- a numbered lead-in ("3.") announces the items numbered under it ("3.1", "3.2"), or when none
  is, the items after it beside it ("2.1" "Các hình thức khen thưởng gồm:" the bullets "2.2", "2.3");
- an unnumbered one the items after it, up to a question of a Q&A page ("Hiện nay có thể
  nộp thuế ở địa điểm nào?") or a numbered item of another point;
- a directive's list skips background paragraphs; a lead-in that is itself context (a page
  that orders nothing) announces context paragraphs.
"""
from __future__ import annotations

from knowledge.traits import is_lead_in

LIST_BUDGET = 600        # characters of list after a lead-in (as bot/views/answers.LABEL_BUDGET)
MAX_ITEMS = 8


def announced(records, i: int, budget: int = LIST_BUDGET) -> list[str]:
    """The texts of the items the lead-in at `i` announces ([] when it is no lead-in)."""
    lead = records[i]
    if not is_lead_in(lead.text):
        return []
    return _listed(records, i, budget, lead.number) or \
        (_listed(records, i, budget, lead.number.rsplit(".", 1)[0], lead.number.count(".")) if "." in lead.number else [])


def _listed(records, i: int, budget: int, under: str, depth: int | None = None) -> list[str]:
    """The items after the lead-in at `i` numbered under `under`; with `depth`, only those at that
    depth: the lead-in's siblings, when the parser set the list beside its unnumbered lead-in
    ("2. Khen thưởng" over "Các hình thức khen thưởng gồm:" and the bullets "- Giải Nhất: …")."""
    lead = records[i]
    taken, size = [], 0
    for j in range(i + 1, min(len(records), i + 1 + 3 * MAX_ITEMS)):
        r = records[j]
        if r.document_id != lead.document_id or r.text.rstrip().endswith("?"):
            break
        if under and not (r.number or "").startswith(under + "."):
            break
        if depth is not None and (r.number or "").count(".") != depth:
            break
        if not lead.number and r.number and r.number.count(".") == 0 and taken:
            break
        if r.kind == "context" and lead.kind != "context":
            continue
        text = " ".join(r.text.split())
        if taken and (size + len(text) + 1 > budget or len(taken) >= MAX_ITEMS):
            break
        taken.append(text)
        size += len(text) + 1
    return taken


def with_list(records, i: int) -> str:
    """The item's text, followed by its list when it is a lead-in."""
    items = announced(records, i)
    return "\n".join((records[i].text, *items)) if items else records[i].text
