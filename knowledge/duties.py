"""What a named body must do: the list under its heading.

Decree 30/2020 lays a plan's tasks out by who does them: "17. Chi cục Hải quan khu vực V" with
its duties as the points a), b) under it. Asked "chi cục hải quan khu vực V làm gì?", every
word of the question is in that heading and none in the points' own words, so each point alone
looks like a match found only through its headings, which the confidence rule declines
(knowledge.confidence.overruled: "giá cà phê hôm nay" met by a line under a heading on coffee).
Yet the question asks for exactly those points, all of them. So when the question asks what
someone must do (knowledge/vocab/duty_asks.txt: "làm gì", "nhiệm vụ", "what must … do") and
the heading it names (knowledge.named_headings) is the innermost heading of the best item, the
answer is that heading with its points, as many whole points as fit in LIST_BUDGET characters,
the best item always among them; and the rule that declines a match found only through
headings does not apply to it.

A question that asks for a list (knowledge/vocab/list_asks.txt: "các hình thức khen thưởng là
gì?", "gồm những gì") of the heading it names ("2. Hình thức khen thưởng" over "Bằng khen của Thủ
tướng Chính phủ;", "Bằng khen của Chủ tịch UBND tỉnh;") is answered the same way, with every item
under the heading, stated or ordered.
"""
from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from knowledge.lead_ins import LIST_BUDGET
from knowledge.records import source_line
from knowledge.within import HEADING_MARK, _assigned, _opens, _words, actor_wordings

ASKS_FILE = Path(__file__).resolve().parent / "vocab" / "duty_asks.txt"
LIST_ASKS_FILE = Path(__file__).resolve().parent / "vocab" / "list_asks.txt"


@lru_cache(maxsize=2)
def _asks(path: Path = ASKS_FILE) -> frozenset[tuple[str, ...]]:
    with open(path, encoding="utf-8") as f:
        lines = (line.split("#", 1)[0].strip() for line in f)
        return frozenset(tuple(line.split()) for line in lines if line)


def asks_duties(terms: list[str], path: Path = ASKS_FILE) -> bool:
    """The question asks what someone must do: one of its folded word runs is a duty ask."""
    asks = _asks(path)
    return any(tuple(terms[i:i + n]) in asks for n in (1, 2, 3) for i in range(len(terms) - n + 1))


def asks_list(terms: list[str]) -> bool:
    """The question asks for a list ("các hình thức khen thưởng là gì?", "gồm những gì"): the
    points under the heading it names are its answer as a body's duties are (knowledge/vocab/
    list_asks.txt)."""
    return asks_duties(terms, LIST_ASKS_FILE)


def _members(index, i: int, head: int, everything: bool = False) -> list[int]:
    """The directive items under the same innermost heading as item `i`, in the notice's order
    (records of a notice lie side by side, in order: knowledge.records.load_records)."""
    doc = int(index.item_doc[i])
    start, end = i, i
    while start > 0 and int(index.item_head[start - 1]) == head and int(index.item_doc[start - 1]) == doc:
        start -= 1
    while end + 1 < len(index.records) and int(index.item_head[end + 1]) == head \
            and int(index.item_doc[end + 1]) == doc:
        end += 1
    # A list asked for is the heading's whole list, its points stated or ordered ("2. Hình thức khen
    # thưởng" over "Bằng khen của …;"); a body's duties are its directives.
    return [j for j in range(start, end + 1) if everything or not index.is_context[j]]


def _marked(record) -> str:
    """A point's text after its own marker ('a) …'); a paragraph's after a dash."""
    last = (record.number or "").rsplit(".", 1)[-1]
    mark = f"{last})" if record.kind == "point" and last else "-"
    return f"{mark} {' '.join(record.text.split())}"


def _within_budget(texts: list[str], keep: int) -> list[str]:
    """Whole texts in order within LIST_BUDGET (at least one); the one at `keep` always in."""
    taken, size = [], 0
    for k, text in enumerate(texts):
        if taken and size + len(text) + 1 > LIST_BUDGET:
            break
        taken.append(k)
        size += len(text) + 1
    if keep not in taken:
        while len(taken) > 1 and size + len(texts[keep]) + 1 > LIST_BUDGET:
            size -= len(texts[taken.pop()]) + 1
        taken.append(keep)
    return [texts[k] for k in taken]


def body_list(index, ranking, terms: list[str], hits: list) -> bool:
    """Make the first hit the list under the heading the question names, when the module's
    case holds; tell whether it did."""
    if not hits or ranking.groups is None or not len(ranking):
        return False
    listing = not asks_duties(terms) and asks_list(terms)
    if not listing and not asks_duties(terms):
        return False
    head = int(ranking.groups[0])
    if head < 0 or head >= len(index.head_texts):      # no heading named (or an inline label)
        return False
    i = int(ranking.items[0])
    members = _members(index, i, head, everything=listing)
    if len(members) < 2 or i not in members:
        return False
    heading = HEADING_MARK.sub("", " ".join(index.head_texts[head][-1].split())).rstrip(" :") + ":"
    texts = _within_budget([_marked(index.records[j]) for j in members], members.index(i))
    # The source names the heading's path ("mục VI.17"); the heading leads, so it is no longer
    # one of the headings above; the list's points are no further suggestions.
    record = hits[0].record
    number = record.number.rsplit(".", 1)[0] if "." in (record.number or "") else record.number
    record = replace(record, number=number, headings=record.headings[:-1])
    listed = {index.records[j].item_id for j in members}
    hits[1:] = [h for h in hits[1:] if h.item_id not in listed]
    hits[0] = replace(hits[0], text="\n".join((heading, *texts)), source=source_line(record), record=record,
                      sentence=heading, sentences=(heading,))
    return True


def english_duties(index, ranking, concepts, terms: list[str], hits: list, ev):
    """An English question that asks only what a body must do ("What must the provincial police
    do?") of a plan that gives that body a heading ("10. Công an tỉnh"): the answer is the heading
    with its points (`body_list`), as for "Công an tỉnh làm gì?". Its words reach the item only
    through the glossary, which counts a translated word less than a word typed in Vietnamese
    (knowledge.concepts.W_GLOSSARY), so the evidence would say the item holds four fifths of
    the question when the heading that leads the answer is the whole of it: the evidence is
    that of the Vietnamese question, the whole question held, in the answer's own words. Only
    when every content word of the question names the body (knowledge.english.actor_span) and
    the heading is that body's name and nothing else; the model still weighs the rest
    (margin, shortness, English). The same holds when no heading names the body but the best
    item opens with it as the subject of its verb (`acts_first`: "7. Giao Ủy ban Kiểm tra Trung
    ương chủ trì …"); that item alone is then the answer. Returns the evidence, changed or not."""
    from dataclasses import replace as changed

    from knowledge.confidence import model

    content = [c for c in concepts if c.content and not c.pair]
    if not content or not all(c.actor for c in content) or not len(ranking):
        return ev
    head = int(ranking.groups[0]) if ranking.groups is not None else -1
    if not 0 <= head < len(index.head_texts) \
            or _words(HEADING_MARK.sub("", index.head_texts[head][-1])).strip() not in actor_wordings(concepts):
        if not asks_duties(terms) or not acts_first(index.records[int(ranking.items[0])].text, concepts):
            return ev
        ev = changed(ev, coverage=1.0, own_coverage=1.0, passage=1.0)
    elif body_list(index, ranking, terms, hits):
        ev = changed(ev, coverage=1.0, own_coverage=1.0, passage=1.0, body_list=1.0)
    else:
        return ev
    hits[0] = changed(hits[0], score=model().probability(ev))
    return ev


def acts_first(text: str, concepts) -> bool:
    """Whether the item's own words open with the body the English question names and give it
    a directive verb ("Giao Ủy ban Kiểm tra Trung ương chủ trì, phối hợp …" for "What must the
    Central Inspection Commission do?"): a plan that assigns each body a numbered point instead
    of a heading. The point is then that body's task as the heading's list is in `english_duties`,
    and the question, all of whose words name the body, is wholly held in the point's own words."""
    words = _words(text)
    parts = [[" ".join(a.terms) for a in c.alternatives if a.field != "en" and a.terms] for c in concepts if c.actor]
    return any(all(any(f" {w} " in f" {body} " for w in alts) for alts in parts)    # the whole name, not
               and _opens(words, body) and _assigned(words, body)                  # 'Trung ương' of another
               for body in actor_wordings(concepts))
