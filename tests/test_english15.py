"""English questions on real notices, round 15 (issue 9, branch english15).

en13 (tests/questions_real_en13.tsv, written by hand from ten công văn no English set used before
any change: shared digital platforms, building materials for an expressway, the Hanoi Autumn
Fair, compensation records when districts end, early salary raises, goods labels, Hanoi's
social insurance offices, land use fees, the Ho Chi Minh road, a customs reply) showed:

- an English question asking whom to turn to when difficulties arise ("who should the company
  contact if it has problems with customs procedures") was not read as one: the closing formula
  that answers it ("Trường hợp có vướng mắc thì liên hệ với …") stayed background and was
  declined, or the point on the procedure it names went first (en, en2, en13);
- "address of the social insurance office of Cau Giay" did not ask for a place, so a table's
  cell of wards went before the cell with the street address;
- the glossary lacked the words of those notices ('radio' as 'phát thanh', 'delegates' as
  'đại biểu', 'job positions', 'legal status', 'clause', 'name', 'hard coded', 'pension fund').
"""
from __future__ import annotations

from knowledge.answer_kind import wanted_place
from knowledge.clock_place import ANSWERS_PLACE
from knowledge.concepts import en_concepts
from knowledge.records import ItemRecord
from knowledge.search import Searcher
from knowledge.situation import answers_difficulty, asks_when_difficult
from knowledge.text import tokenize


def _content(question: str) -> set[str]:
    searcher = Searcher.from_records([])
    return {" ".join(a.terms) for c in en_concepts(searcher._index, question, tokenize(question))
            if c.content for a in c.alternatives}


def test_english_questions_about_difficulties():
    assert asks_when_difficult("who should Tokokosen contact if it has problems with customs procedures")
    assert asks_when_difficult("Who should agencies turn to when they have problems implementing the law?")
    assert asks_when_difficult("who should localities report to if they run into difficulties with registration")
    assert asks_when_difficult("nếu có vướng mắc thì liên hệ ai")
    # a question about the problems themselves asks for the review, not for whom to tell
    assert not asks_when_difficult("What problems did Hanoi face in the campaign")
    assert not asks_when_difficult("khó khăn gì")


def test_a_closing_formula_may_name_who_meets_the_difficulty():
    assert answers_difficulty("Trong quá trình thực hiện, trường hợp địa phương có những khó khăn, vướng mắc, "
                              "đề nghị phản ánh kịp thời về Bộ Tài chính.")
    assert answers_difficulty("Trường hợp có vướng mắc thì liên hệ với đơn vị Hải quan nơi Công ty làm thủ tục.")
    assert not answers_difficulty("Tháo gỡ khó khăn, vướng mắc cho doanh nghiệp.")


def _record(item_id: int, text: str) -> ItemRecord:
    return ItemRecord(item_id, text, document_id=1, document_number="39365/CHQ-GSQL",
                      document_title="Công văn 39365/CHQ-GSQL về nhập khẩu hàng hóa", issuer="Cục Hải quan")


def test_the_closing_formula_answers_whom_to_contact():
    """Of a customs reply's points, the closing formula answers whom to contact when problems
    arise, though the point on the procedures holds as much of the question."""
    searcher = Searcher.from_records([
        _record(1, "Về vướng mắc của Công ty liên quan đến thủ tục hải quan: thủ tục hải quan đối với hàng hóa "
                   "đưa vào kho ngoại quan thực hiện theo Điều 88; Công ty liên hệ Chi cục Hải quan quản lý kho "
                   "về thủ tục hải quan."),
        _record(2, "Đề nghị Công ty căn cứ các quy định nêu trên để thực hiện. Trường hợp có vướng mắc thì liên hệ "
                   "với đơn vị Hải quan nơi Công ty dự kiến làm thủ tục để được hướng dẫn cụ thể."),
    ])
    answer = searcher.ask("who should the company contact if it has problems with customs procedures")
    assert answer.hits and "Trường hợp có vướng mắc" in answer.hits[0].text


def test_an_english_question_for_an_address_asks_for_a_place():
    assert wanted_place(["address", "of", "the", "office"], english=True) == ANSWERS_PLACE
    assert wanted_place(["where", "is", "the", "ceremony", "held"], english=True) == ANSWERS_PLACE
    assert wanted_place(["where", "does", "the", "money", "come", "from"], english=True) == 0


def test_words_of_the_en13_notices():
    assert {"phat thanh", "truyen hinh"} <= _content("what is hanoi radio and television asked to do")
    assert "dai bieu" in _content("how many delegates are invited to the closing ceremony")
    assert "vi tri viec lam" in _content("how often should job positions of public employees be reviewed")
    assert "tu cach phap nhan" in _content("does the office have its own legal status and seal")
    assert "khoan" in _content("land in point c clause 2 article 138")
    assert "ten" in _content("must the label show the importer name")
    assert {"tinh nang", "co dinh"} <= _content("can platform features be hard coded")
    assert {"huu tri", "tu tuat"} <= _content("the rate for the pension and survivorship fund")
    assert "dung chung" in _content("the four groups of shared digital platforms")
    assert "nang bac luong truoc thoi han" in _content("what must the early salary raise regulation specify")


def test_en13_floor(sqlite_db):
    """en13 (30 questions, 8 out of scope): before this branch 36.7% top-1, 8/8 declined, 5.3%
    confidently wrong; after it 70.0%, 8/8, 0%."""

    from tests import search_sets as qs

    f = qs.figures_of("en13")
    assert f["top1"] >= 0.66 and f["declined"] >= 0.85 and f["confidently_wrong"] <= 0.03
