"""A heading the question names: "Sở Nội vụ phải làm gì?" asks for the points under "4. Sở
Nội vụ", not for another unit's point that mentions it in passing ("báo cáo … (qua Sở Nội
vụ)").

Decree 30/2020 lays a plan's or a letter's tasks out by who does them: a heading that is a
unit's name ("2. Ủy ban nhân dân các xã, phường", "b) Đối với Ủy ban Mặt trận Tổ quốc tỉnh")
with its duties as the points under it; likewise a topic heading ("1. Mục đích"). When the
question holds nearly every word of such a heading, its points are what is asked for:

- they go before items that only share words with the question (W_NAMED_HEADING);
- they are not each other's rivals: each is part of the same answer, so the margin that
  the confidence model reads is taken over the best item outside the heading. Which of
  them goes first is still the question's other words' to decide ("… báo cáo trước mấy
  giờ?" wants the point that reports); putting the list's first point first instead lost
  more than it won on the dev sets. Only when none of the question's words tells the points
  apart ("UBND xã, phường phải làm gì?") does the list's order decide (`in_order`; branch
  realrank2: en3, trust and fresh6 one right answer more each, one confident error fewer).
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from knowledge.text import VI_STOPWORDS_FOLDED, fold, tokenize

W_NAMED_HEADING = 1.3     # the points under a heading the question names
MAX_HEADING_WORDS = 12    # a unit's or a topic's name, not a sentence
NAMED_SHARE = 0.8         # of the heading's words that the question must hold
MIN_LABEL_WORDS = 4       # an inline heading names a topic ("Chiếu sáng công cộng thông minh"), not
                          # a line of a table ("Tết Âm lịch: 05 ngày") whose label the question repeats
WINDOW = 10               # the best candidates looked at

_NUMBERING = re.compile(r"^\s*(?:[\divxlc]+|[a-zđ])\s*[.):]\s*", re.IGNORECASE)
_FOR = re.compile(r"^(?:doi voi|ve)\s+")


@lru_cache(maxsize=4096)
def heading_words(heading: str) -> frozenset[str]:
    """The content words of a short heading, folded, without its numbering ('4.', 'b)') or an
    opening 'Đối với' / 'Về'; empty for a heading too long to be a name."""
    bare = _NUMBERING.sub("", heading.strip())
    text = _actor_named(bare, _FOR.sub("", fold(bare)))
    words = [t.term for t in tokenize(text) if t.word and t.term not in VI_STOPWORDS_FOLDED]
    return frozenset(words) if 0 < len(words) <= MAX_HEADING_WORDS else frozenset()


# An addressee heading hands its points to a body: "6. Giao Văn phòng Trung ương Đảng chủ trì:",
# "4. Giao Đảng ủy Quốc hội chủ trì, phối hợp với Đảng ủy Chính phủ …:". Its name is that body's.
_HANDS_OVER = re.compile(r"^(?:giao|de nghi|yeu cau)\s+(.+?)\s+(?:chu tri|phoi hop|thuc hien|tap trung|lanh dao)\b")


def _actor_named(heading: str, folded: str) -> str:
    """The folded words of the body an addressee heading hands its points to, else `folded`."""
    from knowledge.parser.actors import addressee_line
    m = _HANDS_OVER.match(folded)
    return m.group(1) if m and addressee_line(heading) else folded


def spelled_out(asked: frozenset[str]) -> frozenset[str]:
    """The question's words with a body's abbreviation read as its words too: "UBND xã, phường
    phải làm gì?" names the heading "9. Ủy ban nhân dân xã, phường" as much as the question
    typed in full does (knowledge.within reads "UBND" the same way for who acts)."""
    from knowledge.within import ABBREVIATIONS
    return asked.union(*(ABBREVIATIONS[t].split() for t in asked if t in ABBREVIATIONS))


def named_groups(index, items: np.ndarray, asked: frozenset[str]) -> np.ndarray:
    """Per candidate: the id of its innermost heading when the question names it, else -1."""
    asked = spelled_out(asked)
    groups = np.full(len(items), -1, dtype=np.int64)
    for k, i in enumerate(items.tolist()):
        h = int(index.item_head[i])
        if h >= 0 and _names(heading_words(index.head_texts[h][-1]), asked):
            groups[k] = h
        elif len(inline := heading_words(label(index.records[i].text))) >= MIN_LABEL_WORDS and _names(inline, asked):
            groups[k] = len(index.head_texts) + i       # a group of its own
    return groups


def _names(words: frozenset[str], asked: frozenset[str]) -> bool:
    return len(words) >= 2 and len(words & asked) >= NAMED_SHARE * len(words)


_LABEL = re.compile(r"^([^:;.,()]{3,80}):\s*\S")


def label(text: str) -> str:
    """The heading a point carries inline: its words before a colon ("Chiếu sáng công cộng
    thông minh bao gồm: …", "Đối với các khu nhà trọ công nhân (…): Phải …"), or ""."""
    m = _LABEL.match(text)
    return m.group(1) if m else ""


def in_order(ranking, groups: np.ndarray, rank: np.ndarray) -> None:
    """When nothing the question asks tells the points of a named heading apart (each holds
    the same of its words: the heading's, the notice's topic through its title), the question
    asks for the list ("UBND xã, phường phải làm gì?"): its points keep their ranks among
    themselves but take them in the order the notice lists them, so the list's first point
    leads. A word only some of them hold ("… tuyên truyền thế nào?") still decides."""
    if ranking.held is None or not len(ranking.held):
        return
    for g in set(groups[groups >= 0].tolist()):
        members = np.flatnonzero(groups == g)
        held = ranking.held[:, members]
        if len(members) < 2 or not (held == held[:, :1]).all():
            continue
        listed = members[np.argsort(ranking.items[members], kind="stable")]
        rank[listed] = np.sort(rank[members])[::-1]


def prefer_named(index, ranking, asked: frozenset[str]):
    """Reorder a ranking's best candidates as the module says; returns the group of each."""
    top = min(WINDOW, len(ranking))
    if top == 0:
        return None
    groups = named_groups(index, ranking.items[:top], asked)
    if not (groups >= 0).any():
        return None
    rank = ranking.rank.copy()
    in_order(ranking, groups, rank)
    rank[:top] = np.where(groups >= 0, rank[:top] * W_NAMED_HEADING, rank[:top])
    order = np.array(list(np.lexsort((ranking.items[:top], -rank[:top]))) + list(range(top, len(ranking))))
    ranking.rank = rank
    for name in ("items", "rank", "total", "coverage", "vi_coverage", "en_coverage", "rare_missed",
                 "own_coverage", "passage"):
        value = getattr(ranking, name)
        if value is not None:
            setattr(ranking, name, value[order])
    if ranking.held is not None:
        ranking.held = ranking.held[:, order]
    full = np.full(len(ranking), -1, dtype=np.int64)
    full[:top] = groups[order[:top]]
    ranking.groups = full
    return full
