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
