"""Ranking on real notices (issue 9, branch realrank8): the fresh11 set and what it showed.

The fresh11 figures are those of tests/questions_real_fresh11.tsv (33 questions, 9 out of scope)."""
from __future__ import annotations

from datetime import date

from knowledge.records import ItemRecord
from knowledge.search import Searcher
from knowledge.text import index_terms, terms


# --- a date written in words keeps its "ngày" -------------------------------------------------

def test_a_date_in_words_keeps_its_day_word_as_a_date_in_figures_does():
    """'trước ngày 10/6' was read 'truoc ngay 10/6' but 'trước ngày 10 tháng 6' was read
    'truoc 10/6': "trước ngày nào" met the one and not the other."""
    assert terms("trước ngày 20 tháng 7 hằng năm")[:3] == ["truoc", "ngay", "20/7"]
    assert terms("trước ngày 20/7 hằng năm")[:3] == ["truoc", "ngay", "20/7"]
    words, pairs = index_terms("trình phê duyệt trước ngày 15 tháng 8 năm 2026")
    assert "ngay" in words and "15/8/2026" in words and "truoc ngay" in pairs


CIRCULAR = dict(document_id=1, document_number="94/VBHN-BQP", document_kind="Công văn", issuer="Bộ Quốc phòng",
                document_title="Hướng dẫn lập kế hoạch rà phá bom mìn", document_date=date(2025, 11, 24),
                signer="Nguyễn Văn A")


def test_before_which_day_is_answered_by_the_date_written_in_words():
    """fresh11 b18: "VNMAC phải trình chương trình … trước ngày nào?" — the point that says
    "trước ngày 10 tháng 6 năm cuối" held neither 'ngày' nor 'trước ngày', so it led with too
    little of the question to be answered (declined before this branch, here as there)."""
    rows = ["Trung tâm lập, trình Bộ Quốc phòng chương trình rà phá bom mìn cấp quốc gia trước ngày 10 tháng 6 năm cuối.",
            "Chương trình rà phá bom mìn cấp quốc gia được đánh giá, điều chỉnh trước ngày 15/8 hằng năm."]
    records = [ItemRecord(k + 1, text, "", str(k + 1), **CIRCULAR) for k, text in enumerate(rows)]
    answer = Searcher.from_records(records).ask("Trung tâm phải trình chương trình rà phá bom mìn cấp quốc gia trước ngày nào?")
    assert answer.answered and "10 tháng 6" in answer.hits[0].text
