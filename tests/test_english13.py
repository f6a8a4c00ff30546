"""English questions on real notices, round 13 (issue 9, branch english13).

en11 (tests/questions_real_en11.tsv, written by hand from ten unused notices before any change)
showed inflected function verbs ('gets', 'times', 'look') read as content words that no item
holds ('look' even as a misspelt 'lock'), and 'allowed' read only as 'cho phép' where notices
allow and forbid with 'được phép' / 'không được'.

Tried and dropped: answering a page's statement (context) that leads its runner-up by 0.2 to
0.4 when it would be answered at 0.92 as a directive (knowledge.situation.english_statement
asks a lead of 0.4). On the English dev parts it answered 8 declined right answers for 1 error
more (en6), but on the held-aside parts 1 right answer for 2 errors more (en3 hold): the
narrow lead is a guess between neighbours as often as not."""
from __future__ import annotations

import pytest

from knowledge.concepts import en_concepts
from knowledge.search import Searcher
from knowledge.text import tokenize
from tests import search_sets as qs


def _content(question: str) -> set[str]:
    """The wordings (folded, words joined) of the question's content concepts."""
    searcher = Searcher.from_records([])
    return {" ".join(a.terms) for c in en_concepts(searcher._index, question, tokenize(question)) if c.content
            for a in c.alternatives}


def test_inflected_function_verbs_are_no_content():
    assert not {"get", "gets"} & _content("who gets priority in medical treatment")
    assert not {"time", "times"} & _content("car plate auction times on 29 october")
    assert not {"look", "lock"} & _content("can declarants look at the goods before declaring")


def test_look_up_is_still_the_glossary_phrase():
    assert "tra cuu" in _content("how do I look up my tax code")


def test_allowed_is_also_said_with_duoc():
    """'is extra tutoring allowed for primary school pupils': a notice allows or forbids with
    'được phép' / 'không được' ('Giáo viên … không được dạy thêm …') more than with 'cho phép'."""
    wordings = _content("is extra tutoring allowed for primary school pupils")
    assert {"cho phep", "duoc phep", "khong duoc"} <= wordings


EN11 = qs._real("en11")


@pytest.mark.skipif(not qs.available(EN11), reason="the real notices or the question set are not here")
def test_en11_floor(sqlite_db):
    """en11 dev (28 English questions, 10 out of scope): 32.1% top-1, 10/10 declined and 2.6%
    confidently wrong at the branch's start (main dee8e51) and after it."""
    from knowledge.loader import ensure_seeded

    ensure_seeded()
    qs.import_real(sets=[EN11], kb="en11")
    figures = qs.summary(qs.ask_set(Searcher.from_database(), EN11))
    assert figures["top1"] >= 0.3
    assert figures["declined"] >= 0.9
    assert figures["confidently_wrong"] <= 0.05
