"""The right neighbour within the right notice (issue 9, branch realrank2): a named heading
typed as an abbreviation, the points of a named heading in the notice's order, an inline
heading, the date asked for, the closing formula on difficulties, the accents typed."""
from types import SimpleNamespace

import numpy as np

from knowledge.english import rerank_by_accents
from knowledge.accents import accent_mismatch
from knowledge.named_headings import in_order, label, named_groups, spelled_out
from knowledge.ranking import Ranking
from knowledge.situation import answers_difficulty, asks_difficulty
from knowledge.within import kind_first


def _ranking(rank, coverage, held=None):
    n = len(rank)
    f = lambda v: np.array(v, dtype=np.float32)
    return Ranking(items=np.arange(n), rank=f(rank), total=f(rank), coverage=f(coverage),
                   vi_coverage=f(coverage), en_coverage=np.zeros(n, np.float32), rare_missed=np.zeros(n, np.float32),
                   own_coverage=f(coverage), unknown=0.0, content=2, passage=f(coverage),
                   held=None if held is None else np.array(held, dtype=bool))


def test_an_abbreviated_body_names_its_heading():
    asked = frozenset({"ubnd", "xa", "phuong", "lam", "gi"})
    assert {"uy", "ban", "nhan", "dan"} <= spelled_out(asked)
    index = SimpleNamespace(item_head=np.array([0, 1]), head_texts=[("9. Ủy ban nhân dân xã, phường",),
                                                                    ("2. Chế độ báo cáo",)],
                            records=[SimpleNamespace(text="Xây dựng kế hoạch"), SimpleNamespace(text="Báo cáo")])
    assert named_groups(index, np.array([0, 1]), asked).tolist() == [0, -1]
    assert named_groups(index, np.array([0, 1]), frozenset({"xa", "lam", "gi"})).tolist() == [-1, -1]


def test_an_inline_heading_of_four_words_is_named():
    assert label("Chiếu sáng công cộng thông minh bao gồm: Sử dụng thiết bị") == "Chiếu sáng công cộng thông minh bao gồm"
    assert label("Tuyên truyền, vận động doanh nghiệp") == ""
    index = SimpleNamespace(item_head=np.array([-1, -1]), head_texts=[],
                            records=[SimpleNamespace(text="Chiếu sáng công cộng thông minh bao gồm: đèn LED"),
                                     SimpleNamespace(text="Tết Âm lịch: 05 ngày;")])
    asked = frozenset("chieu sang cong cong thong minh gom nhung gi tet am lich".split())
    assert named_groups(index, np.array([0, 1]), asked).tolist() == [0, -1]


def test_points_nothing_tells_apart_lead_in_the_notices_order():
    r = _ranking([30.0, 20.0, 10.0], [0.6, 0.6, 0.6], held=[[1, 1, 1], [1, 1, 1]])
    r.items = np.array([12, 10, 11])
    rank = r.rank.copy()
    in_order(r, np.array([5, 5, 5]), rank)
    assert rank.tolist() == [10.0, 30.0, 20.0]       # item 10 (listed first) takes the best rank
    rank = r.rank.copy()
    r.held = np.array([[1, 1, 1], [1, 0, 0]], dtype=bool)   # a word only the first holds decides
    in_order(r, np.array([5, 5, 5]), rank)
    assert rank.tolist() == [30.0, 20.0, 10.0]


def test_the_neighbour_holding_the_date_asked_for_goes_first():
    index = SimpleNamespace(item_doc=np.array([0, 0, 1]), item_kinds=np.array([0, 1, 1]))
    r = _ranking([57.0, 45.0, 30.0], [0.77, 0.92, 0.9])
    kind_first(index, r, wants=1)
    assert r.items.tolist() == [1, 0, 2] and r.rank[0] == 57.0
    for docs, cover, wants in (([0, 1, 1], [0.77, 0.92, 0.9], 1), ([0, 0, 1], [0.9, 0.7, 0.9], 1),
                               ([0, 0, 1], [0.77, 0.92, 0.9], 0)):
        index = SimpleNamespace(item_doc=np.array(docs), item_kinds=np.array([0, 1, 1]))
        r = _ranking([57.0, 45.0, 30.0], cover)
        kind_first(index, r, wants=wants)
        assert r.items.tolist() == [0, 1, 2]


def test_the_closing_formula_answers_a_question_about_difficulties():
    assert asks_difficulty("vuong mac khi thuc hien thi phan anh ve dau".split())
    assert not asks_difficulty("so y te phai lam gi".split())
    assert answers_difficulty("Trong quá trình thực hiện nếu có khó khăn, vướng mắc đề nghị phản ánh về Sở Khoa học")
    assert answers_difficulty("Trường hợp phát sinh vướng mắc, báo cáo Bộ Nội vụ")
    assert not answers_difficulty("Đà Nẵng còn nhiều khó khăn về vốn.")


def test_accents_typed_rank_the_item_that_has_the_word():
    records = [SimpleNamespace(headings=(), text="Ban Chỉ đạo phải tận dụng thời gian"),
               SimpleNamespace(headings=(), text="Sử dụng phòng họp không dùng giấy")]
    r = _ranking([13.5, 12.4], [0.6, 0.55])
    accented = {"dung": "dùng", "giay": "giấy"}
    out = rerank_by_accents(r, records, accented, lambda text, words: accent_mismatch(text, words))
    assert out.items.tolist() == [1, 0]


def test_a_term_named_is_no_date_asked():
    from knowledge.answer_kind import wanted_answer
    assert wanted_answer("sua quy che nang bac luong truoc thoi han de lam gi".split()) == 0
    assert wanted_answer("hoan thanh dung thoi han".split()) == 0
    assert wanted_answer("thoi han nop bao cao la ngay nao".split()) != 0
