"""English questions on real notices, round 14 (issue 9, branch english14).

en12 (tests/questions_real_en12.tsv, written by hand from ten unused documents before any change:
legal Q&A pages on tenders, suspending a sales contract and party reviews, grade 10 admissions,
the driving theory test, five encyclopedia articles) showed the glossary lacking the words of
contracts and tenders ('liability', 'bidder', 'tender documents', 'the other side'), reading
'answer' only as 'trả lời' (an exam's answer is 'đáp án'), 'at once' as 'one time', 'fleet' as
a misspelt 'flee' and 'what counts as' as a count; and an item that cites its own notice in
brackets ('… gồm 300 câu … (Phụ lục II Công văn 2262/CSGT-P5)') ranked as a paragraph about the
notice, so the class B item answered a question about class B1 with confidence."""
from __future__ import annotations

import pytest

from knowledge.concepts import en_concepts
from knowledge.records import ItemRecord
from knowledge.search import Searcher
from knowledge.text import tokenize
from knowledge.traits import W_ABOUT, _number_terms, prior
from tests import search_sets as qs


def _concepts(question: str):
    searcher = Searcher.from_records([])
    return en_concepts(searcher._index, question, tokenize(question))


def _content(question: str) -> set[str]:
    """The wordings (folded, words joined) of the question's content concepts."""
    return {" ".join(a.terms) for c in _concepts(question) if c.content for a in c.alternatives}


def test_an_exams_answer_and_situation():
    """'what happens if i answer the critical situation question wrong': the driving test's
    'đáp án' and 'tình huống', not only the 'trả lời' of a reply letter ('Trả lời kiến nghị …'
    answered it) and the 'tình hình' of an epidemic."""
    wordings = _content("what happens if i answer the critical situation question wrong")
    assert {"dap an", "tra loi", "tinh huong", "tinh hinh"} <= wordings


def test_a_correct_answer_is_not_any_answer():
    """'correct answers' is 'đáp án đúng': read as any 'đáp án', the item on the answer counted
    wrong ('lựa chọn đáp án sai … điểm liệt') held it and was answered with confidence."""
    wordings = _content("how are the correct answers marked in the question bank")
    assert "dap an dung" in wordings and "dap an" not in wordings


def test_contract_liability_words():
    wordings = _content("when is the party in breach of contract exempt from liability")
    assert {"mien trach nhiem", "ben vi pham"} <= wordings
    assert "trach nhiem" in _content("who bears the liability")
    assert {"ben kia", "ngay"} <= _content("what if the suspending party does not notify at once and the other side loses money")
    assert not {"1 lan", "mot lan"} & _content("does the seller have to notify at once")
    assert "vi pham hop dong" in _content("is a company liable if it broke the contract")
    assert "co quan nha nuoc" in _content("a decision of a government agency")


def test_tender_words():
    wordings = _content("who sets the cost of giving the tender documents to bidders")
    assert {"ho so moi thau", "nha thau"} <= wordings
    assert "moi thau" in _content("what must an invitation to bid include")
    assert "dau thau rong rai" in _content("how should the buyer announce an open tender")
    assert "dau thau han che" in _content("what is restricted bidding")


def test_annual_leave_is_one_thing():
    """'how many days of annual leave': not 'hằng năm' and 'rời' (leave) apart."""
    assert "nghi phep nam" in _content("how many days of annual leave do civil servants get")


def test_fleet_is_no_misspelt_flee():
    wordings = _content("how did ngo quyen beat the southern han fleet")
    assert "ham doi" in wordings and "bo tron" not in wordings
    assert "danh bai" in wordings


def test_history_and_culture_words():
    assert "cach mang" in _content("how long did the revolutionary government hold the town")
    assert "dien vien" in _content("what title was the actress awarded")
    assert "danh hieu" in _content("what title was the actress awarded")
    assert "phong tang" in _content("what title was the actress awarded")


def test_a_tie_opened_by_an_english_question_word_is_english():
    """As many Vietnamese names as English words: "how did ngo quyen beat the southern han fleet at
    bach dang" was read as Vietnamese, without the glossary."""
    from knowledge.concepts import detect_language
    question = "how did ngo quyen beat the southern han fleet at bach dang"
    assert detect_language(question, tokenize(question)) == "en"
    assert detect_language("the nao la ho ngheo", tokenize("the nao la ho ngheo")) == "vi"


def test_party_review_words():
    wordings = _content("which template is used for the collective review report of the party cell committee")
    assert {"mau", "bao cao kiem diem", "chi uy"} <= wordings


def test_because_is_no_content_and_counts_as_no_count():
    """'because of a decision' says how the question is put: 'because' had no wording (the question
    looked untranslated). 'what counts as bidding' asks what a thing is: 'counts' read as 'thống
    kê'. (Read as no content at all, 'what counts as a completed construction project' kept too
    little to tell the items apart and answered one wrongly: en10 hold.)"""
    assert not any(c.source == "because" and c.content for c in _concepts("liable because of a decision"))
    assert "thong ke" not in _content("what counts as bidding for goods and services")
    assert "duoc coi la" in _content("are goods that reach only 70% of the standard counted as fake")


def test_own_number_cited_in_brackets_is_no_paragraph_about_the_notice():
    own = set(_number_terms("Công văn 2262/CSGT-P5"))
    meta = dict(document_id=1, document_number="2262/CSGT-P5", document_kind="Công văn",
                document_title="Bộ 600 câu hỏi sát hạch lái xe")
    cited = ItemRecord(1, "Sát hạch cấp Giấy phép lái xe hạng B1 gồm 300 câu được chọn lọc từ bộ 600 câu hỏi, "
                          "trong đó có 30 câu về xử lý tình huống (Phụ lục II Công văn 2262/CSGT-P5).", **meta)
    about = ItemRecord(2, "Theo Công văn 2262/CSGT-P5 về việc sử dụng bộ 600 câu hỏi dùng để sát hạch lái xe "
                          "cơ giới đường bộ nêu rõ đối tượng áp dụng như sau:", **meta)
    assert prior(cited, own) == 1.0
    assert prior(about, own) == W_ABOUT


EN12 = qs._real("en12")


@pytest.mark.skipif(not qs.available(EN12), reason="the real notices or the question set are not here")
def test_en12_floor(sqlite_db):
    """en12 dev (32 English questions, 10 out of scope): 25.0% top-1, 9/10 declined and 9.5%
    confidently wrong at the branch's start (main 01e1de0)."""
    from knowledge.loader import ensure_seeded

    ensure_seeded()
    qs.import_real(sets=[EN12], kb="en12")
    figures = qs.summary(qs.ask_set(Searcher.from_database(), EN12))
    assert figures["top1"] >= 0.4
    assert figures["confidently_wrong"] <= 0.05
