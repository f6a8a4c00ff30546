"""A question about the situation is answered by a notice's background paragraph (knowledge.situation)."""
from knowledge.loader import ensure_seeded
from knowledge.search import Searcher
from knowledge.situation import asks_situation
from knowledge.text import tokenize


def _terms(q):
    return [t.term for t in tokenize(q)]


def test_situation_questions_are_recognised():
    assert asks_situation(_terms("Vì sao dịch ở Lai Châu tăng trở lại?"))
    assert asks_situation(_terms("nguoi tren 65 tuoi chua tiem vac xin co nguy co gi"))
    assert not asks_situation(_terms("trạm y tế phải có bác sĩ trước ngày nào"))


def test_a_background_paragraph_answers_a_question_about_the_situation(db):
    ensure_seeded()
    answer = Searcher.from_database().ask("Người trên 65 tuổi chưa tiêm vắc xin có nguy cơ gì?")
    assert answer.answered and "nguy cơ tử vong cao" in answer.hits[0].text


def test_background_still_counts_against_a_question_about_what_to_do(db):
    ensure_seeded()
    answer = Searcher.from_database().ask("Người trên 65 tuổi chưa tiêm vắc xin phải làm gì?")
    assert not (answer.answered and answer.hits[0].text.startswith("Ngày 15/11/2021"))
