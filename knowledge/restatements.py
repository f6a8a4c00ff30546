"""A web page's conclusion and the paragraph it sums up: one answer, not two rivals.

Why: a page copied from a legal Q&A site quotes a rule ("Đồng thời, doanh nghiệp cũng không
bắt buộc phải thưởng Tết …", "e) Đài Truyền hình Việt Nam … chủ trì …") and then says it
again as its own answer ("Như vậy, … không bắt buộc phải thưởng Tết …", "Theo đó, Đài
Truyền hình Việt Nam … chủ trì …"). Both match a question about the rule about as well. The
quote is context (the page states, it does not direct), the conclusion is the page's answer
(knowledge.traits.is_context). Left as they come, the quote is first and carries the doubt
of a context paragraph, and the conclusion behind it leaves it no lead (knowledge.confidence,
`context`, `margin`): the answer is declined although both say it. An imported notice has no
English summary to tell the two apart, so English questions lost most.

A notice's directive and its "Theo đó, …" a few points later are the same pair, both directives.

So, when the runner-up, close behind the best item (`NEAR`), is its conclusion and shares
most of its words (`SHARED`): the two are one answer, and neither is the other's rival; a
context paragraph yields its place to its conclusion (the lead it had over the rest becomes
the conclusion's, as a directive takes a background paragraph's in knowledge.within).
Anything else that matches as well is still a rival. A conclusion already first keeps what it
restates as its rival: measured on every dev set (2026-11-25), skipping it there answered two
questions more, both wrongly (a funeral's venue for "which posts get a state funeral").
"""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

import numpy as np

from knowledge.text import fold
from knowledge.traits import is_conclusion

NEAR = 0.1          # a rank within this share of the best one matches the question as well
SHARED = 0.5        # the share of the shorter one's words that the other holds: it says the same
_WORDS = re.compile(r"[^\W\d_]+")

_FIELDS = ("items", "rank", "total", "coverage", "vi_coverage", "en_coverage", "rare_missed",
           "own_coverage", "passage", "docs", "summarised", "groups")


@lru_cache(maxsize=4096)
def _words(text: str) -> frozenset[str]:
    return frozenset(_WORDS.findall(fold(text)))


def restates(a: str, b: str) -> bool:
    """Whether two paragraphs say much the same: most words of the shorter are in the other."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) >= SHARED * min(len(wa), len(wb))


def conclusion_first(index, ranking):
    """When the runner-up is the conclusion of the best item: the ranking with the conclusion
    first if the best item is a context paragraph, and the position of the second of the two,
    no rival to the first (knowledge.search); else the ranking and None."""
    if len(ranking) < 2:
        return ranking, None
    first, second = int(ranking.items[0]), int(ranking.items[1])
    best = float(ranking.rank[0])
    if best <= 0 or float(ranking.rank[1]) < (1 - NEAR) * best \
            or int(index.item_doc[first]) != int(index.item_doc[second]):
        return ranking, None
    if is_conclusion(index.records[first].text) or index.is_context[second] \
            or not is_conclusion(index.records[second].text) \
            or not restates(index.records[second].text, index.records[first].text):
        return ranking, None
    if index.is_context[first]:
        order = np.arange(len(ranking))
        order[:2] = (1, 0)
        ranking = _reordered(ranking, order)
    return ranking, 1


def _reordered(ranking, order: np.ndarray):
    changes = {name: getattr(ranking, name)[order] for name in _FIELDS if getattr(ranking, name) is not None}
    if ranking.held is not None:
        changes["held"] = ranking.held[:, order]
    return replace(ranking, **changes)
