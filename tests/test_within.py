"""knowledge.within: the right item within the right notice (issue 9)."""
from types import SimpleNamespace

import numpy as np

from knowledge.ranking import Ranking
from knowledge.within import asks_review, directives_first, distinct_first


def _ranking(rank, coverage, held=None, mass=None):
    n = len(rank)
    f = lambda v: np.array(v, dtype=np.float32)
    return Ranking(items=np.arange(n), rank=f(rank), total=f(rank), coverage=f(coverage),
                   vi_coverage=f(coverage), en_coverage=np.zeros(n, np.float32), rare_missed=np.zeros(n, np.float32),
                   own_coverage=f(coverage), unknown=0.0, content=2, passage=f(coverage),
                   held=None if held is None else np.array(held, dtype=bool),
                   mass=None if mass is None else f(mass))


def _index(docs, prior, context):
    return SimpleNamespace(item_doc=np.array(docs), prior=np.array(prior, dtype=np.float32),
                           is_context=np.array(context, dtype=bool))


def test_background_paragraph_swaps_with_a_directive_that_holds_as_much():
    index = _index([0, 0, 1], [0.8, 1.0, 1.0], [True, False, False])
    r = _ranking([45.0, 32.0, 10.0], [0.76, 0.76, 0.9])
    directives_first(index, r, "Công điện 27 giao TP.HCM làm gì?")
    assert r.items.tolist() == [1, 0, 2]
    # the directive leads by the margin the background paragraph had
    assert abs((r.rank[0] - r.rank[1]) / r.rank[0] - (45 - 32) / 45) < 1e-4


def test_no_swap_when_the_directive_holds_less_or_is_another_notice_or_a_review_is_asked():
    for docs, cover, question in (([0, 0], [0.9, 0.7], "làm gì"), ([0, 1], [0.8, 0.8], "làm gì"),
                                  ([0, 0], [0.8, 0.8], "What problems did Da Nang face?")):
        index = _index(docs, [0.8, 1.0], [True, False])
        r = _ranking([40.0, 30.0], cover)
        directives_first(index, r, question)
        assert r.items.tolist() == [0, 1]


def test_the_sibling_holding_what_the_question_singles_out_gains():
    # concept 0 ('vùng phụ cận đập') in both siblings, concept 1 ('cấp đặc biệt') only in item 1
    index = _index([0, 0, 1], [1.0, 1.0, 1.0], [False, False, False])
    r = _ranking([30.0, 28.0, 5.0], [0.6, 0.6, 0.3], held=[[1, 1, 1], [0, 1, 0]], mass=[0.5, 0.5])
    distinct_first(index, r)
    assert r.items.tolist() == [1, 0, 2]
    assert r.held[:, 0].tolist() == [True, True]        # the matrix follows the order


def test_distinct_words_leave_english_and_background_items_alone():
    index = _index([0, 0], [1.0, 0.5], [False, True])
    r = _ranking([30.0, 28.0], [0.6, 0.6], held=[[1, 1], [0, 1]], mass=[0.5, 0.5])
    distinct_first(index, r)
    assert r.items.tolist() == [0, 1]
    index = _index([0, 0], [1.0, 1.0], [False, False])
    r = _ranking([30.0, 28.0], [0.6, 0.6], held=[[1, 1], [0, 1]], mass=[0.5, 0.5])
    distinct_first(index, r, english=True)
    assert r.items.tolist() == [0, 1]


def test_review_questions():
    assert asks_review("Đà Nẵng gặp khó khăn, vướng mắc gì?")
    assert asks_review("ket qua dat duoc nam 2025")
    assert not asks_review("Sở Y tế phải làm gì?")


def test_a_point_opening_with_its_own_acting_body_does_not_take_its_headings():
    """QA8 finding 1: under "7. Giao Ủy ban Kiểm tra Trung ương chủ trì …" the paragraph "Ban Tổ
    chức Trung ương chủ trì, phối hợp với Ủy ban Kiểm tra …" is the other body's task."""
    from knowledge.within import _acts, _own_actor, _words
    heading = "7. Giao Ủy ban Kiểm tra Trung ương chủ trì, phối hợp với Đảng ủy Thanh tra Chính phủ hướng dẫn"
    follow_up = SimpleNamespace(text="Ban Tổ chức Trung ương chủ trì, phối hợp với Ủy ban Kiểm tra Trung ương "
                                     "theo dõi việc triển khai thực hiện các nhiệm vụ", headings=(heading,))
    own = SimpleNamespace(text="Hướng dẫn ủy ban kiểm tra các cấp thực hiện rà soát", headings=(heading,))
    assert _own_actor(_words(follow_up.text)) == "ban to chuc trung uong"
    assert _own_actor(_words(own.text)) is None
    assert _acts(follow_up, "uy ban kiem tra trung uong") is False
    assert _acts(own, "uy ban kiem tra trung uong") is True


def test_a_hand_over_heading_is_named_by_its_body():
    """QA8 finding 2: "6. Giao Văn phòng Trung ương Đảng chủ trì:" is named by "văn phòng trung
    ương đảng"; a topic heading keeps its words."""
    from knowledge.named_headings import heading_words
    assert heading_words("6. Giao Văn phòng Trung ương Đảng chủ trì:") == {"phong", "trung", "uong"}
    assert heading_words("2. Mục đích, yêu cầu") == {"muc", "dich", "yeu", "cau"}
