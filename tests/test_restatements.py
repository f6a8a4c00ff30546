"""English questions about notices without English summaries (issue 9, "English on every
topic"; branch english8): a page's conclusion and the quote it restates are one answer, and
the body an English question makes the subject of its verb is whose task is asked. Texts
written here."""
from __future__ import annotations

from datetime import date

from knowledge.records import ItemRecord
from knowledge.restatements import restates
from knowledge.search import Searcher
from knowledge.text import tokenize

PAGE = dict(document_id=1, document_number="10287/BNV-CTL", document_kind="Công văn",
            document_title="Công văn về báo cáo tiền lương, tiền thưởng trong doanh nghiệp",
            issuer="Bộ Nội vụ", document_date=date(2025, 11, 6))
PLAN = dict(document_id=2, document_number="12/KH-UBND", document_kind="Kế hoạch",
            document_title="Kế hoạch tổng kiểm kê tài sản công", issuer="UBND tỉnh",
            document_date=date(2025, 11, 1))


def test_a_conclusion_restating_a_quote_answers_in_its_place():
    """The quote (context) ranks first and its conclusion close behind: the conclusion
    answers, and the quote it restates leaves it its lead."""
    s = Searcher.from_records([
        ItemRecord(1, "Doanh nghiệp không bắt buộc phải thưởng Tết Âm lịch 2026 cho người lao động; thưởng Tết "
                      "bằng tiền hay hiện vật do doanh nghiệp quyết định.", kind="context", **PAGE),
        ItemRecord(2, "Như vậy, doanh nghiệp không bắt buộc phải thưởng Tết Âm lịch 2026 cho người lao động, tùy "
                      "tình hình kinh doanh.", kind="context", **PAGE),
        ItemRecord(3, "Sở Nội vụ tổng hợp số liệu tiền lương, nợ lương năm 2025 gửi Bộ Nội vụ.", "", "4", **PAGE),
        ItemRecord(4, "Công đoàn cơ sở tổ chức Bữa cơm tất niên cho người lao động.", kind="context", **PAGE),
        ItemRecord(5, "Các doanh nghiệp xây dựng phương án thưởng theo kết quả sản xuất kinh doanh năm 2025.", "", "3",
                   **PAGE)])
    answer = s.ask("Is it mandatory to pay a Tet bonus in 2026?")
    assert answer.answered and answer.hits[0].item_id == 2


def test_a_directive_and_its_restatement_are_no_rivals():
    """'Theo đó, Công đoàn cơ sở …' a few points after the point it restates: the first keeps
    its lead over the rest instead of none over its copy."""
    plan = dict(PLAN, document_id=3, document_number="34/KH-LĐLĐ", document_title="Kế hoạch chăm lo Tết")
    s = Searcher.from_records([
        ItemRecord(1, "Chủ động tham gia với người sử dụng lao động công khai phương án trả lương, thưởng Tết trước "
                      "ngày nghỉ Tết ít nhất 20 ngày; giám sát việc trả lương.", "", "5.1", kind="bullet",
                   headings=("5. Công đoàn cơ sở",), **plan),
        ItemRecord(2, "Tổ chức chương trình Tết Sum vầy cho đoàn viên.", "", "5.2", kind="bullet",
                   headings=("5. Công đoàn cơ sở",), **plan),
        ItemRecord(3, "Theo đó, Công đoàn cơ sở chủ động tham gia với người sử dụng lao động công khai phương án trả "
                      "lương, thưởng Tết trước ngày nghỉ Tết ít nhất 20 ngày.", "", "5.6", kind="paragraph",
                   headings=("5. Công đoàn cơ sở",), **plan),
        ItemRecord(4, "Liên đoàn Lao động tỉnh tổng hợp tình hình tiền lương, thưởng Tết báo cáo trước ngày 15/01/2026.",
                   "", "4.1", headings=("4. Liên đoàn Lao động tỉnh",), **plan)])
    answer = s.ask("How long before Tet must the wage and bonus plan be made public?")
    assert [h.item_id for h in answer.hits[:2]] == [1, 3] and answer.evidence.margin > 0.2


def test_restating_means_sharing_most_words():
    assert restates("Như vậy, doanh nghiệp không bắt buộc phải thưởng Tết.",
                    "Doanh nghiệp không bắt buộc phải thưởng Tết cho người lao động.")
    assert not restates("Như vậy, doanh nghiệp không bắt buộc phải thưởng Tết.",
                        "Công đoàn cơ sở tổ chức Bữa cơm tất niên cho người lao động.")


def test_the_subject_of_an_english_question_is_whose_task_is_asked():
    """'When must the Department of Finance report …': the point under its heading, not the
    communes' point that reports to it and names the ministry as often."""
    from knowledge.english import subject_span
    from knowledge.glossary import word_stem

    s = Searcher.from_records([
        ItemRecord(1, "Tổng hợp kết quả kiểm kê, báo cáo kết quả kiểm kê theo hướng dẫn của Bộ Tài chính; "
                      "báo cáo kết quả bằng văn bản gửi về Sở Tài chính trước ngày 15/4/2026.", "", "1.4.6",
                   headings=("1. Nhiệm vụ", "1.4. Ủy ban nhân dân các xã, phường"), **PLAN),
        ItemRecord(2, "Tổng hợp kết quả kiểm kê, báo cáo kết quả kiểm kê gửi Bộ Tài chính trước ngày 31/5/2026.",
                   "", "1.2.6", headings=("1. Nhiệm vụ", "1.2. Sở Tài chính - Cơ quan thường trực"), **PLAN),
        ItemRecord(3, "Thành lập Tổ kiểm kê tại mỗi cơ quan, đơn vị.", "", "1.5.1",
                   headings=("1. Nhiệm vụ", "1.5. Các cơ quan, đơn vị"), **PLAN)])
    question = "When must the Department of Finance report inventory results to the Ministry of Finance?"
    words = [t.term for t in tokenize(question)]
    assert [words[i] for i in sorted(subject_span(s._index.glossary, words, [word_stem(w) for w in words]))] \
        == ["department", "of", "finance"]
    from knowledge.concepts import en_concepts
    assert [c.source for c in en_concepts(s._index, question, tokenize(question)) if c.actor] \
        == ["department of finance"]            # its task is asked: knowledge.within.actor_first
    assert s.ask(question).hits[0].item_id == 2
    # Words after the modal that name no body are no subject.
    words = [t.term for t in tokenize("how should households prepare for the storm")]
    assert subject_span(s._index.glossary, words, [word_stem(w) for w in words]) == set()


def test_a_conclusion_joined_to_the_last_point_it_sums_up_is_still_the_page_s_answer():
    """en8 e8-19: the parser joined the list's last point and the page's "Theo đó, …" that
    follows it into one item; that item is the page's answer, not a statement of context."""
    from knowledge.traits import is_conclusion, is_context

    joined = ("Trường hợp khác theo quy định của pháp luật.\nTheo đó, trường hợp phát hiện vi phạm, Bên Kiểm soát "
              "dữ liệu cá nhân thông báo cho Bộ Công an chậm nhất 72 giờ.")
    assert is_conclusion(joined)
    assert not is_context(ItemRecord(1, joined, kind="context", **PAGE))
    # a point that only quotes a rule, with a second line that is no conclusion, stays context
    quote = "Trường hợp khác theo quy định của pháp luật.\nTheo dõi, giám sát việc xử lý dữ liệu cá nhân."
    assert not is_conclusion(quote) and is_context(ItemRecord(2, quote, kind="context", **PAGE))
