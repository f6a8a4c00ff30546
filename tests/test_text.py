"""Normalisation shared by indexing and querying (knowledge/text.py)."""
import unicodedata

from knowledge.search import detect_language
from knowledge.text import bigrams, fold, has_diacritics, stem_en, stopword_flags, terms, tokenize


def test_fold_removes_diacritics_and_d_and_case():
    assert fold("Đồng chí Bí thư Tỉnh ủy") == "dong chi bi thu tinh uy"
    assert fold("XÉT NGHIỆM") == "xet nghiem"


def test_fold_treats_decomposed_input_like_composed():
    decomposed = unicodedata.normalize("NFD", "Trạm y tế")
    assert fold(decomposed) == fold("Trạm y tế") == "tram y te"


def test_fold_keeps_positions_so_the_accented_text_can_be_shown():
    text = "Các trạm y tế đều có bác sĩ"
    tok = next(t for t in tokenize(text) if t.term == "bac")
    assert text[tok.start:tok.end] == "bác"


def test_wrong_accents_fold_to_the_same_terms():
    assert terms("xet nghiêm truoc mỗi ca sãn xuất") == terms("xét nghiệm trước mỗi ca sản xuất")


def test_dates_in_every_form_meet():
    assert {"30/11", "30/11/2021"} <= set(terms("chậm nhất đến ngày 30/11/2021"))
    assert "30/11" in terms("trước 30/11")
    assert {"30/11", "30/11/2021"} <= set(terms("ngày 30 tháng 11 năm 2021"))
    assert {"30/8", "30/8/2021"} <= set(terms("after 30 August 2021"))
    assert "30/8" in terms("by August 30th")
    assert "1/2022" in terms("trong tháng 01/2022")


def test_ranges_meet_in_both_forms():
    assert "12-17" in terms("trẻ em từ 12 đến 17 tuổi")
    assert "12-17" in terms("trẻ em 12-17 tuổi")
    assert "12-17" in terms("children aged 12 to 17")


def test_document_numbers_and_their_spoken_forms():
    assert {"128/nq-cp", "nq:128"} <= set(terms("Nghị quyết số 128/NQ-CP"))
    assert "nq:128" in terms("nghi quyet 128")
    assert "ct:15" in terms("Chỉ thị số 15/CT-TTg ngày 27/3/2020")
    assert "ct:15" in terms("chi thi 15")
    assert "ct:15" in terms("Directive 15")
    assert {"18-ct/tu", "ct:18"} <= set(terms("Chỉ thị số 18-CT/TU"))


def test_times_numbers_and_codes():
    assert "12h" in terms("kể từ 12 giờ 00 ngày 12/8/2021")
    assert "16h" in terms("16h chiều mai (2/2)")
    assert "17h30" in terms("trước 17h30")
    assert "9199" in terms("truy vết 9.199 trường hợp")
    assert "10%" in terms("tiết kiệm ít nhất 10% dự toán")
    assert {"5k", "f0", "f1"} <= set(terms("quy định 5K, ca F0 và F1"))


def test_bigrams_only_join_neighbouring_words():
    toks = tokenize("ca sản xuất, ngày 30/11")
    assert bigrams(toks) == ["ca san", "san xuat", "xuat ngay"]


def test_has_diacritics():
    assert has_diacritics("nhà máy")
    assert not has_diacritics("nha may")


def test_english_stemming_is_consistent():
    assert stem_en("factories") == stem_en("factory")
    assert stem_en("tested") == stem_en("testing") == stem_en("tests") == "test"
    assert stem_en("quarantined") == stem_en("quarantine")


def test_stopwords_respect_accents():
    q = "Thẻ xanh do cơ quan nào hướng dẫn?"
    flags = dict(zip([t.term for t in tokenize(q)], stopword_flags(q, tokenize(q))))
    assert flags["the"] is False          # thẻ (card), not thế
    assert flags["nao"] is True
    q = "nguoi dan o dau the nao"
    flags = stopword_flags(q, tokenize(q))
    assert flags == [False, False, True, True, True, True]


def test_language_detection():
    for q in ("Nhà máy phải làm gì?", "nha may phai lam gi truoc moi ca", "tiem mui ba",
              "xet nghiem nhanh truoc moi ca sx"):
        assert detect_language(q, tokenize(q)) == "vi", q
    for q in ("What must factories do before each shift?", "Which app must everyone install?",
              "When is the deadline for the booster dose?"):
        assert detect_language(q, tokenize(q)) == "en", q


def test_words_that_only_look_plural_keep_their_s():
    assert stem_en("news") == "news" != stem_en("new")
    assert stem_en("cases") == stem_en("case")
