"""A province the question names chooses the notices; it is not what the question asks about.

"ổ dịch mới ở lc xuất hiện ở huyện nào" names Lai Châu to say which notice it means: the
notice's items rarely write the province's name (the notice is the province's own, its
letterhead says so), so counted in the coverage it lowers every item of the right notice alike
(0.62 where the rest of the question is held at 0.66) and the right item is declined. The name
already chooses the notices (knowledge.mentions.boost_named ranks the items of the notices that
mention it first; `named_hit` / `named_missed` in knowledge.confidence weigh whether the item's
notice mentions it), so the coverage measures the rest of the question: the province's
syllables, and the pairs that touch them ('ở lai', 'châu xuất'), count as no content. They keep
their BM25 weight in the ranking.

Only a province the knowledge base mentions (a `Mention` with notices), only for a Vietnamese
question, and never when nothing else of the question would remain.
"""
from __future__ import annotations

from dataclasses import replace


def place_spans(terms: list[str], mentions) -> list[tuple[int, int]]:
    """Where in the question's (read) terms the provinces it names stand: (start, end) spans."""
    spans = []
    phrases = {p for m in mentions if m.name.kind == "province" and m.documents for p in m.name.phrases}
    for p in phrases:
        n = len(p)
        spans += [(i, i + n) for i in range(len(terms) - n + 1) if tuple(terms[i:i + n]) == p]
    return spans


def place_aside(concepts: list, tokens, mentions) -> list:
    """`concepts` (one per token, then the pairs: knowledge.concepts.vi_concepts) with the
    syllables of the provinces named, and the pairs touching them, set aside from the coverage."""
    spans = place_spans([t.term for t in tokens], mentions)
    if not spans:
        return concepts
    inside = {k for s, e in spans for k in range(s, e)}
    out = []
    for k, c in enumerate(concepts):
        span = c.parts if c.pair else (k,) if k < len(tokens) else ()
        out.append(replace(c, content=False) if c.content and inside.intersection(span) else c)
    if not any(c.content for c in out):
        return concepts
    return out


def rest_coverage(index, ranking, rest: list, concepts: list, boost, wants: int, mentions=(),
                  situation: bool = False):
    """`ranking` (its order, rank and passage untouched) with the coverage of each candidate of
    a notice that mentions the provinces named measured over `rest` too, the question's concepts
    with the provinces set aside (`place_aside`), and the better of the two kept: the evidence
    the confidence model reads, not the order. An item that holds the province's name (in its
    words or its notice's header) keeps the coverage it had; one of the province's notice that
    does not write it is no longer counted short of it. Items of other notices keep theirs, and
    so do background paragraphs unless the question asks about the situation (knowledge.situation),
    which background answers: measured on every dev set, the province set aside for background
    items too answered two more background paragraphs on real notices wrongly (fresh, fresh7's
    aside part: a page's context item of the province's notice, margin 0.06) for one right answer
    more on the seed sets."""
    if rest is concepts or not len(ranking):
        return ranking
    import numpy as np

    from knowledge.ranking import _score
    scored = _score(index, rest, np.sort(ranking.items), boost, wants)    # in order of position, as the postings
    where = {int(item): k for k, item in enumerate(scored.items)}
    order = np.array([where[int(item)] for item in ranking.items])
    places = [m for m in mentions if m.name.kind == "province" and m.documents]
    docs = index.item_doc[ranking.items]
    named = np.array([all(m.covers(int(i), int(d)) for m in places) for i, d in zip(ranking.items, docs)])
    if not situation:
        named &= ~index.is_context[ranking.items].astype(bool)
    better = lambda old, new: np.where(named, np.maximum(old, new[order]), old)
    return replace(ranking, coverage=better(ranking.coverage, scored.coverage),
                   vi_coverage=better(ranking.vi_coverage, scored.vi_coverage),
                   own_coverage=better(ranking.own_coverage, scored.own_coverage),
                   rare_missed=np.where(named, np.minimum(ranking.rare_missed, scored.rare_missed[order]),
                                        ranking.rare_missed))
