"""What a quoted answer must carry with it so it reads whole.

An item may end with a label — "Hạn nộp báo cáo:", "… như sau:" — whose value or list is in
the next sentences, or (for "như sau:") in the items that follow it in the notice. A reply
that quotes only the label tells the reader nothing, so the answer view adds what follows:
whole sentences of the same item first, else the following items' text, always cut between
sentences, never inside one. Which sentence leads is decided here too (`ranked_sentences`):
the one that holds most of the question's words.
"""
from __future__ import annotations

from knowledge.ranking import sentences
from knowledge.text import index_terms


NAMED = 6.0     # a place the question names, in a sentence: as much as three of its words side by side
LABELLED = 20.0  # a word pair the question types, in the label a sentence opens with ("- Cơ quan chủ trì: …"): it decides
LABEL_WORDS = 6


def ranked_sentences(text: str, wanted: set[str], named: frozenset[str] = frozenset(),
                     typed: frozenset[str] = frozenset()) -> list[str]:
    """The item's best sentence (the one that holds the most of the question's terms; pairs
    count double: they are the words), then the others that hold some of them, best first.
    `named`: the places the question names, as folded phrases ("da nang"): "when is the deadline
    for Da Nang …" wants the item's sentence on Đà Nẵng, not a longer one sharing more words.
    `typed`: the word pairs the question itself types ("chu tri"): a plan row's lines are
    labelled ("- Cơ quan chủ trì: …", "- Cơ quan phối hợp: …"), and "ai chủ trì tập huấn …"
    wants the line its label names, not the line that shares most of the topic's words (QA15:
    the coordinating bodies were quoted as the answer to who chairs)."""
    split = sentences(text)
    if not split:
        return [text]
    scored = sorted(((sum(2.0 if " " in w else 1.0 for w in wanted & terms) + NAMED * len(named & terms)
                      + LABELLED * len(typed & _label_pairs(s)), -k, s)
                     for k, (s, terms) in enumerate(split)), reverse=True)
    return [scored[0][2]] + [s for score, _, s in scored[1:] if score > 0]


def _label_pairs(sentence: str) -> frozenset[str]:
    """The syllable pairs of the short label a sentence opens with ("Cơ quan chủ trì" of
    "- Cơ quan chủ trì: Sở Nội vụ …"); none when it opens with no label, or with the name of a
    body (a capital after its first word: QA16, "đảng ủy bộ giáo dục …" quoted the Health
    ministry's point (i) for the label "Giao Đảng uỷ Chính phủ:" it shares 'đảng ủy' with)."""
    label, colon, _ = sentence.partition(":")
    words = label.lstrip("-+*•– ").split()
    if not colon or len(words) > LABEL_WORDS or any(w[:1].isupper() for w in words[1:]):
        return frozenset()          # a body's name over its points ("Giao Đảng uỷ Chính phủ: (i) …"), no field
    return frozenset(index_terms(label)[1])


def is_label(sentence: str) -> bool:
    """A sentence that announces what follows ("Dầu cá:", "… như sau:")."""
    return sentence.rstrip().endswith(":")


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


def following_sentences(text: str, sentence: str) -> list[str]:
    """The sentences of `text` after `sentence`, in order ([] when it is the last)."""
    ordered = [s for s, _ in sentences(text)]
    for k, s in enumerate(ordered):
        if _same(s, sentence):
            return ordered[k + 1:]
    return []


def following_items(item_id: int, count: int = 6) -> list[str]:
    """The text of the items after this one in its notice (a list announced by "như sau:"),
    in order; [] without a database or for the last item. A directive's list skips the
    background paragraphs between; a label that is itself context (every paragraph of a
    page that orders nothing, a Q&A page's "… gồm có những giấy tờ sau:") announces context
    paragraphs, which are then its list (QA5 finding 13: the label was shown alone)."""
    from knowledge.models import Item

    try:
        item = Item.get_by_id(item_id)
        rows = Item.select(Item.text).where(Item.document == item.document_id, Item.position > item.position)
        if item.kind != "context":
            rows = rows.where(Item.kind != "context")
        return [r.text for r in rows.order_by(Item.position).limit(count)]
    except Exception:                       # no database bound (records built in memory)
        return []


def continuation(item_id: int, text: str, sentence: str, budget: int) -> tuple[list[str], bool]:
    """Whole sentences (then items) that complete a label `sentence`, within `budget`
    characters (at least one), and whether more was left out."""
    rest = following_sentences(text, sentence)
    if not rest:
        rest = [s for item in following_items(item_id) for s, _ in sentences(item)]
    taken, size = [], 0
    for s in rest:
        s = " ".join(s.split())
        if taken and size + len(s) + 1 > budget:
            return taken, True
        taken.append(s)
        size += len(s) + 1
    return taken, len(taken) < len(rest)


def _continues(fragment: str) -> bool:
    """A fragment that starts in lower case carries on the sentence before it (a notice's
    line broken in the middle of a sentence: "… Bộ Xây dựng\\nđể xem xét …")."""
    first = fragment.lstrip()[:1]
    return first.isalpha() and first.islower()


def whole_sentence(text: str, sentence: str) -> str:
    """`sentence` joined with the fragments of the same sentence that a line break split
    from it, before and after, so a quote never starts or ends inside a sentence."""
    ordered = [s for s, _ in sentences(text)]
    for k, s in enumerate(ordered):
        if _same(s, sentence):
            start, end = k, k
            while start > 0 and _continues(ordered[start]):
                start -= 1
            while end + 1 < len(ordered) and _continues(ordered[end + 1]) \
                    and not ordered[end].rstrip().endswith((".", "!", "?", ";", ":")):
                end += 1
            return " ".join(" ".join(part.split()) for part in ordered[start:end + 1])
    return " ".join(sentence.split())
