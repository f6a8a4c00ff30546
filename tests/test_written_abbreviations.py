"""Bodies an item writes short ("Bộ CHQS tỉnh", "UBND xã") are matched as their full names, and
a body with its level ("provincial police") is the subject of an English question (issue 9,
"English on every topic"; QA6 finding 7; branch english9). Texts written here."""
from __future__ import annotations

from datetime import date

from knowledge.english import subject_span
from knowledge.glossary import word_stem
from knowledge.records import ItemRecord
from knowledge.search import Searcher
from knowledge.text import index_terms, tokenize

PLAN = dict(document_id=1, document_number="45/KH-UBND", document_kind="Kế hoạch",
            document_title="Kế hoạch triển khai công tác phòng thủ dân sự", issuer="UBND tỉnh",
            document_date=date(2025, 11, 18))


def test_an_abbreviation_is_indexed_as_its_full_words_and_as_written():
    terms, pairs = index_terms("Bộ CHQS tỉnh chủ trì, phối hợp UBND các xã")
    assert {"chi huy", "huy quan", "quan su", "su tinh", "uy ban", "nhan dan"} <= set(pairs)
    assert {"chqs", "ubnd"} <= set(terms) and {"bo chqs", "chqs tinh"} <= set(pairs)
    assert index_terms("Sở Y tế chủ trì") == (["so", "y", "te", "chu", "tri"], ["so y", "y te", "te chu", "chu tri"])


def test_the_military_command_written_short_answers_a_question_naming_it_in_full():
    """The point that gives 'Bộ CHQS tỉnh' its task answers, not the civil defence command's
    roster that spells out a command of its own."""
    s = Searcher.from_records([
        ItemRecord(1, "Bộ CHQS tỉnh chủ trì tham mưu Ủy ban nhân dân tỉnh tổ chức diễn tập phòng thủ dân sự, "
                      "kiểm tra, đôn đốc các sở, ngành thực hiện.", "", "I.1", **PLAN),
        ItemRecord(2, "Ban Chỉ huy phòng thủ dân sự tỉnh phân công thành viên trực chỉ huy, ban hành quy chế "
                      "hoạt động.", "", "VIII.1", **PLAN),
        ItemRecord(3, "Sở Y tế chuẩn bị lực lượng, phương tiện cấp cứu người bị nạn.", "", "IV.3", **PLAN)])
    hits = s.ask("What must the provincial military command do about civil defence?").hits
    assert hits and hits[0].item_id == 1
    assert s.ask("bo chqs tinh phai lam gi").hits[0].item_id == 1         # typed short, as before


def test_a_body_with_its_level_is_the_subject_of_the_question():
    """'Công an' is in the unit catalogue without a level; 'provincial police' is that body."""
    s = Searcher.from_records([
        ItemRecord(1, "Báo cáo kết quả về Công an tỉnh trước ngày 10/12/2025.", "", "3.2",
                   headings=("3. Tổ chức thực hiện", "3.2. UBND các xã, phường"), **PLAN),
        ItemRecord(2, "Báo cáo kết quả rà soát về Ủy ban nhân dân tỉnh trước ngày 20/12/2025.", "", "3.1",
                   headings=("3. Tổ chức thực hiện", "3.1. Công an tỉnh"), **PLAN)])
    for question, subject in (("When must the provincial police report the results?", ["provincial", "police"]),
                              ("by when does the provincial military command report", ["provincial", "military",
                                                                                        "command"])):
        words = [t.term for t in tokenize(question)]
        span = subject_span(s._index.glossary, words, [word_stem(w) for w in words])
        assert [words[i] for i in sorted(span)] == subject
    assert s.ask("When must the provincial police report the results?").hits[0].item_id == 2


def test_an_abbreviation_joined_with_an_ampersand_is_one_word():
    """Offices write "Sở KH&CN", "GD&ĐT", "NN&PTNT" (QA17 finding 6): one word, which the table
    spells out, not two stray syllables 'kh' and 'cn' ('kh' is chat for 'không')."""
    assert [t.term for t in tokenize("Sở KH&CN, GD&ĐT và NN&PTNT")] == ["so", "khcn", "gddt", "va", "nnptnt"]
    assert [t.term for t in tokenize("Sở KH&CN ngày 30/11")][:2] == ["so", "khcn"]     # beside a date too
    assert [t.term for t in tokenize("nông nghiệp&PTNT, KH & CN")] == ["nong", "nghiep", "ptnt", "kh", "cn"]
    terms, _ = index_terms("chủ trì: Sở KH&CN")
    assert {"khcn", "khoa", "hoc", "cong", "nghe"} <= set(terms)


def test_a_body_typed_with_an_ampersand_gets_its_own_duty():
    s = Searcher.from_records([
        ItemRecord(1, "Sở Khoa học và Công nghệ: Là cơ quan thường trực, chủ trì tham mưu Ủy ban nhân dân tỉnh "
                      "triển khai, theo dõi, đôn đốc thực hiện Kế hoạch.", "", "V.1", **PLAN),
        ItemRecord(2, "Sở Giáo dục và Đào tạo: Đổi mới chương trình, phương pháp giảng dạy trong các cơ sở giáo dục, "
                      "tập trung vào kỹ năng số và tư duy đổi mới sáng tạo cho học sinh.", "", "V.5", **PLAN),
        ItemRecord(3, "Sở Tài chính bố trí kinh phí thực hiện Kế hoạch theo phân cấp ngân sách.", "", "V.2", **PLAN)])
    for question in ("Sở KH&CN phải làm gì", "Sở KH&CN có nhiệm vụ gì trong kế hoạch", "so kh&cn lam gi"):
        answer = s.ask(question)
        assert answer.hits and answer.hits[0].item_id == 1, question
