"""An amount written in words answers "bao nhiêu" (knowledge.traits.answer_kinds)."""
from knowledge.text import tokenize
from knowledge.traits import ANSWERS_QUANTITY, answer_kinds


def _kinds(text: str) -> int:
    return answer_kinds([t.term for t in tokenize(text)])


def test_amounts_in_words_are_quantities():
    assert _kinds("chuẩn bị đầy đủ số lượng test nhanh tương đương với dân số") & ANSWERS_QUANTITY
    assert _kinds("xét nghiệm đối với toàn bộ người lao động") & ANSWERS_QUANTITY


def test_words_without_an_amount_are_not():
    assert not _kinds("tăng cường tuyên truyền cho người dân") & ANSWERS_QUANTITY
    assert not _kinds("tương tác với người dân") & ANSWERS_QUANTITY

