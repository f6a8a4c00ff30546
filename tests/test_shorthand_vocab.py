"""Chat shorthand officials type, read back as words (knowledge/vocab/shorthand.tsv)."""
import pytest

from knowledge.shorthand import expand_shorthand


@pytest.mark.parametrize("typed, reading", [
    ("nhiu", "nhieu"), ("bnhiu", "bao nhieu"), ("thg", "thuong"), ("ks", "khach san"), ("tq", "trung quoc"),
    ("vk", "vo"), ("ck", "chong"), ("bthg", "binh thuong")])
def test_common_chat_shorthand_is_read(typed, reading):
    assert reading in expand_shorthand(typed)


def test_hd_also_reads_as_hoat_dong():
    assert expand_shorthand("hd") == ("huong dan", "hop dong", "hoat dong")


def test_a_consonant_dropped_from_an_accented_word_is_read_back(db):
    from knowledge.loader import ensure_seeded
    from knowledge.search import Searcher
    from knowledge.shorthand import dropped_letter

    ensure_seeded()
    index = Searcher.from_database()._index
    assert dropped_letter(index, "nặg") == ["nang"]
    assert "khong" in dropped_letter(index, "khôg")
    assert dropped_letter(index, "nag") == []          # typed without accents: correct_vi's business
    assert dropped_letter(index, "mớ") == []           # a word already


def test_everyday_words_for_reserves_and_sources():
    from knowledge.paraphrase import paraphrase_table

    table = paraphrase_table()
    assert ("chuan bi" in table[("du", "tru")][0][1]) and ("nguon",) == table[("tu", "dau")][0][1]


def _read(items: list[str], question: str) -> list[str]:
    from knowledge.concepts import read_vi_tokens
    from knowledge.records import ItemRecord
    from knowledge.search import Searcher
    from knowledge.text import tokenize

    index = Searcher.from_records([ItemRecord(i + 1, text, document_id=i + 1) for i, text in enumerate(items)])._index
    return [t.term for t in read_vi_tokens(index, tokenize(question), question)]


THANH_PHO = ["Ủy ban nhân dân thành phố chỉ đạo các phường rà soát.", "Thành phố bố trí kinh phí cho các xã.",
             "Thành phố tổ chức tuyên truyền.", "Các sở của thành phố báo cáo kết quả.",
             "Thành phố kiểm tra việc thực hiện.", "Hội nghị của thành phố vào tháng 12."]


def test_a_shorthand_the_notices_write_only_in_a_rare_abbreviation_is_still_read():
    """One item's "TP. Hồ Chí Minh" must not turn every question's 'tp' into a rare word no item
    has: 'tp' typed in lower case stays chat shorthand for the 'thành phố' the notices write."""
    items = THANH_PHO + ["Sở Giáo dục TP. Hồ Chí Minh hướng dẫn các trường."]
    assert _read(items, "tp phai lam gi")[:2] == ["thanh", "pho"]
    assert _read(items, "TP phải làm gì")[0] == "tp"          # the notices' own abbreviation, typed as they write it
    assert _read(THANH_PHO + ["TP tổ chức họp."] * 8, "tp phai lam gi")[0] == "tp"   # written as often: a word of theirs
