"""A news page's links to related articles in the middle of an article.

"*>>>Xem thêm: Cơ cấu của 4 Đảng bộ …*" stands in the middle of an article as often as at its end
(knowledge/data/vocab/furniture.txt ends the page there). When a section heading of the page
("## Kết luận 118 … đối với các đảng bộ thành lập mới") follows within a few lines, the article
goes on there, and only the links (and a caption among them) are dropped; the sections after them
are kept as the page's other sections (knowledge.parser.header), beside its report of the
document (fresh7, branch realrank3: kl-e0d71a8fa436fc11.md, kl-73aca374a09bb0d6.md lost half
their text).
"""
from __future__ import annotations

import re

from knowledge.text import fold

_SEE_ALSO = re.compile(r"\bxem them\b")
LINKS_SPAN = 6          # lines between the links and the heading that resumes the article


def links_within(lines, kinds: list) -> tuple[list, list[int]]:
    """`kinds` (furniture() of each line) with a 'see also' end that a section heading follows
    within LINKS_SPAN lines turned into drops up to that heading; and those headings' lines
    (the page's sections after the links: knowledge.parser.header keeps them as its other
    sections, beside the report of the document)."""
    kinds, resumed = list(kinds), []
    for i, kind in enumerate(kinds):
        if kind != "end" or not _SEE_ALSO.search(fold(lines[i].text)):
            continue
        ahead = [j for j in range(i + 1, min(len(lines), i + 1 + 3 * LINKS_SPAN)) if lines[j].text]
        resume = next((j for j in ahead[:LINKS_SPAN] if lines[j].heading and kinds[j] is None), None)
        if resume is not None:
            kinds[i:resume] = ["drop"] * (resume - i)
            resumed.append(resume)
    return kinds, resumed
