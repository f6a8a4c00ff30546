"""Seed questions typed on a phone (issue 9, branch seedtyping4): a syllable typed without
accents that folds onto a function word and a content word ("o": ở / ổ, "tu": từ / tử) is
read by the words beside it (knowledge.folding.function_readings)."""
from datetime import date

from knowledge.concepts import vi_concepts
from knowledge.records import ItemRecord
from knowledge.search import Searcher
from knowledge.text import tokenize

META = dict(document_id=1, document_number="05-KL/TU", document_kind="Kết luận",
            document_title="Kết luận về phòng, chống dịch Covid-19", issuer="Tỉnh ủy Quảng Ngãi",
            province="Quảng Ngãi", document_date=date(2021, 8, 12))
TEXTS = ["Khoanh vùng gọn ổ dịch, khóa chặt ổ dịch mới tại Đầm Hà.",
         "Các địa phương: Đầm Hà, Hải Hà theo dõi, điều trị F0 thể nhẹ tại nhà.",
         "Phát hiện dịch ở khu công nghiệp, dịch ở trường học thì khoanh vùng ngay trong ngày.",
         "Chủ động nguồn kinh phí phòng, chống dịch tại Quảng Ngãi, tiết kiệm chi ngân sách.",
         "Thực hiện giãn cách xã hội trên toàn tỉnh Quảng Ngãi theo Chỉ thị 15."]


def _searcher():
    return Searcher.from_records([ItemRecord(i, t, "", str(i), **META) for i, t in enumerate(TEXTS, 1)])


def _concepts(question):
    return {c.source: c for c in vi_concepts(_searcher()._index, question, tokenize(question))}


def test_o_before_a_place_is_the_function_word():
    """'o quang ngai' is 'ở Quảng Ngãi': 'quang' belongs to the word 'quang ngai' the notices
    write, and 'dich o' is written 'dịch ở'. It used to count as content (folded 'o' may be
    'ổ'), and its pair 'dich o' as content too, which the wrong item held."""
    c = _concepts("tien dau ra chong dich o quang ngai")
    assert not c["o"].content
    assert not c["dich o"].content
    assert c["quang ngai"].content


def test_o_of_a_word_the_notices_write_stays_content():
    """'o dich' is written 'ổ dịch' (twice): a content word."""
    c = _concepts("o dich moi khoanh vung the nao")
    assert c["o"].content
    assert c["o dich"].content


def test_a_syllable_beside_a_pair_nobody_writes_stays_content():
    """'cho dau moi' (chợ đầu mối) forms no pair the notices write and its neighbours belong
    to no word of theirs: it may be a word the knowledge base lacks, so it stays content and
    the question keeps the part no item holds."""
    c = _concepts("cho dau moi co mo cua khong")
    assert c["cho"].content
    assert c["dau"].content


def test_a_neighbour_bound_into_a_question_phrase_says_nothing():
    """'bao nhieu cho cach ly' is 'bao nhiêu chỗ cách ly': 'nhieu' belongs to the question
    phrase 'bao nhieu', which tells nothing of the word after it, so 'cho' stays content."""
    assert _concepts("chuan bi bao nhieu cho cach ly o quang ngai")["cho"].content


def test_a_place_the_question_names_keeps_its_syllables():
    """'da nang' names Đà Nẵng (knowledge.named weighs which notices mention it): its 'da'
    is left as it was, whatever the neighbours."""
    assert _concepts("dich o da nang the nao")["da"].content


def test_a_question_phrase_stays_a_function_word():
    """'o dau' (ở đâu) is a fixed question phrase whatever the neighbours say."""
    c = _concepts("dieu tri f0 o dau")
    assert not c["o"].content and not c["dau"].content


def test_the_item_that_says_it_answers():
    """The wrong item held the 'dịch ở' of the question's 'dich o'; read as 'ở Quảng Ngãi',
    the question is about funds, which the right item holds."""
    a = _searcher().ask("tien dau ra de chong dich o quang ngai")
    assert a.hits and a.hits[0].text.startswith("Chủ động nguồn kinh phí")
