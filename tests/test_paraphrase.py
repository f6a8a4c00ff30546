"""Everyday words read as the notices' words (knowledge/paraphrase.py), and shorthand that
names a place."""
from knowledge.concepts import read_vi_tokens, vi_concepts
from knowledge.paraphrase import paraphrase_table, paraphrased
from knowledge.records import ItemRecord
from knowledge.search import Searcher
from knowledge.text import tokenize

ITEMS = [
    "Từ ngày 16/11/2021 các đơn vị sản xuất kinh doanh được khôi phục hoạt động sản xuất, kinh doanh.",
    "Chủ động nguồn kinh phí phục vụ công tác phòng, chống dịch.",
    "Đẩy nhanh tiến độ tiêm chủng; báo cáo tiến độ hằng tuần.",
    "Xử lý nghiêm lái xe vận tải đường dài khai báo không trung thực khi qua chốt.",
    "Giãn cách xã hội trên toàn địa bàn tỉnh Quảng Ngãi từ 12 giờ ngày 12/8/2021.",
    "Giãn cách xã hội tại thành phố Hạ Long, tỉnh Quảng Ninh.",
]


def searcher():
    return Searcher.from_records([ItemRecord(i + 1, t) for i, t in enumerate(ITEMS)])


def added(s, question):
    index = s._index
    tokens = tokenize(question)
    concepts = vi_concepts(index, question, tokens)
    before = [len(c.alternatives) for c in concepts]
    paraphrased(index, question, read_vi_tokens(index, tokens), concepts)
    return {c.source: {" ".join(a.terms) for a in c.alternatives[n:]} for c, n in zip(concepts, before)
            if len(c.alternatives) > n}


def test_the_table_is_read_folded_with_its_accented_words():
    table = paraphrase_table()
    assert ("cong", "ty") in table and ("tai", "xe") in table
    words, wordings = table[("tai", "xe")][0]
    assert words == ("tài", "xế") and "lai xe" in wordings


def test_everyday_words_find_the_notice_words():
    s = searcher()
    assert s.ask("cong ty bao gio duoc mo lai").hits[0].text == ITEMS[0]
    assert s.ask("tai xe khai gian qua chot thi sao").hits[0].text == ITEMS[3]
    assert "doanh nghiep" not in added(s, "cong ty bao gio duoc mo lai").get("cong", set())  # not in the index
    assert "khoi phuc" in added(s, "cong ty bao gio duoc mo lai")["mo lai"]


def test_a_pair_the_notices_read_as_another_word_keeps_its_reading():
    s = searcher()
    assert "tien" not in added(s, "bao cao tien do the nao")          # 'tiến độ', not 'tiền'
    assert "kinh phi" in added(s, "tien chong dich lay o dau")["tien"]


def test_typed_with_accents_the_word_is_the_one_typed():
    s = searcher()
    assert "kinh phi" in added(s, "tiền chống dịch lấy ở đâu")["tien"]
    assert "tien" not in added(s, "tiến hành chống dịch ở đâu")
    assert "cho" not in added(s, "sửa nhà cho dân")                    # 'cho', not 'chở'


def test_shorthand_for_a_province_names_it():
    s = searcher()
    assert s.ask("qngai gian cach tu luc nao").hits[0].text == ITEMS[4]
    answer = s.ask("qnam gian cach tu luc nao")
    assert answer.missing == ["Quảng Nam"] and not answer.answered
