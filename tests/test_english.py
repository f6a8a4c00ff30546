"""How an English question is read beyond its words' translations (knowledge/english.py)."""
from __future__ import annotations

from knowledge.concepts import en_concepts
from knowledge.english import accent_mismatch_en, asking_terms, phrasing_words, syllable_key, wordings
from knowledge.glossary import Glossary
from knowledge.search import Searcher
from knowledge.text import tokenize


def test_a_clause_when_asks_for_no_date():
    terms = "who should hospitals report difficulties to when applying decree 188".split()
    assert "when" not in asking_terms(terms)
    for question in ("when is the deadline", "by when must schools report", "what is due and until when"):
        assert "when" in asking_terms(question.split())


def test_phrasing_words_are_data_and_no_concepts():
    assert {"put", "one", "supposed"} <= phrasing_words()
    searcher = Searcher.from_records([])
    question = "can they put in one more form"
    sources = {c.source for c in en_concepts(searcher._index, question, tokenize(question))}
    assert "put" not in sources and "one" not in sources


def test_a_syllable_key_ignores_where_the_tone_mark_sits():
    assert syllable_key("hoà") == syllable_key("hòa")
    assert syllable_key("mất") != syllable_key("mặt")
    assert syllable_key("vé") != syllable_key("về")


def _wordings(question: str):
    searcher = Searcher.from_records([])
    glossary = Glossary.bundled()
    return wordings(glossary, en_concepts(searcher._index, question, tokenize(question)))


def test_an_item_holding_a_translation_only_under_other_accents_is_told_apart():
    found = _wordings("I lost my ticket")
    assert found, "'lost' and 'ticket' are in the glossary"
    # 'mọi mặt' and 'về' hold 'mất' and 'vé' only folded: both concepts are held by accident
    assert accent_mismatch_en("Chuẩn bị chu đáo về mọi mặt.", found) == 1.0
    # the item that says it holds them with their accents
    assert accent_mismatch_en("Ban Tổ chức không cấp lại nếu vé bị mất hoặc hư hỏng.", found) == 0.0
    # syllables met apart are no wording at all, neither held nor mistaken
    assert accent_mismatch_en("Không có gì.", found) == 0.0


def test_no_translated_concept_no_evidence():
    assert accent_mismatch_en("Bất kỳ nội dung nào.", []) == 0.0


def test_an_item_holding_the_words_by_accident_loses_first_place():
    import numpy as np

    from knowledge.english import rerank_by_accents
    from knowledge.ranking import Ranking
    from knowledge.records import ItemRecord

    records = [ItemRecord(1, "Chuẩn bị chu đáo về mọi mặt."), ItemRecord(2, "Không cấp lại nếu vé bị mất."),
               ItemRecord(3, "Vé mời không được mua bán.")]
    two = lambda *v: np.array(v, dtype=np.float32)
    ranking = Ranking(items=np.array([0, 1, 2]), rank=two(1.0, 0.9, 0.5), total=two(3, 2, 1),
                      coverage=two(1, 1, .5), vi_coverage=two(1, 1, .5), en_coverage=two(0, 0, 0),
                      rare_missed=two(0, 0, 0), own_coverage=two(1, 1, .5), unknown=0.0, content=2,
                      held=np.array([[1, 1, 0], [1, 1, 1]], dtype=bool))
    found = _wordings("I lost my ticket")
    again = rerank_by_accents(ranking, records, found)
    assert again.items.tolist() == [1, 0, 2] and again.rank[0] >= again.rank[1]
    assert again.held[:, 0].tolist() == [True, True] and again.held[:, 2].tolist() == [False, True]
    # when the first holds its words as written, nothing moves
    ranking.items = np.array([1, 0, 2])
    assert rerank_by_accents(ranking, records, found) is ranking


def _vi_terms(question: str) -> set[tuple[str, ...]]:
    searcher = Searcher.from_records([])
    return {a.terms for c in en_concepts(searcher._index, question, tokenize(question))
            for a in c.alternatives if a.field != "en"}


def test_a_count_typed_in_digits_reaches_the_notice_that_writes_it_in_words():
    # en8 e8-07: "during the 2 days of national mourning" of "Trong hai ngày diễn ra Lễ Quốc tang"
    terms = _vi_terms("are entertainment activities allowed during the 2 days of national mourning")
    assert ("hai",) in terms and ("02",) in terms
    # a bare digit is as often a number of an article or point: read as written
    assert ("hai",) not in _vi_terms("what does Article 2 say about mourning")


def test_a_count_in_digits_ranks_the_item_that_writes_that_count_in_words_first():
    from knowledge.records import ItemRecord

    searcher = Searcher.from_records([
        ItemRecord(1, "Trong ba ngày diễn ra lễ hội, các cơ quan không tổ chức hoạt động vui chơi giải trí."),
        ItemRecord(2, "Trong hai ngày diễn ra lễ hội, các cơ quan không tổ chức hoạt động vui chơi giải trí.")])
    answer = searcher.ask("are entertainment activities allowed during the 2 days of the festival")
    assert answer.hits and answer.hits[0].record.item_id == 2


def test_a_company_is_the_trader_a_commercial_rule_is_written_for():
    # en8 e8-08, e8-19: the rules on sales promotions are written for 'thương nhân'
    from knowledge.records import ItemRecord

    searcher = Searcher.from_records([
        ItemRecord(1, "Sở Công Thương thông báo kết quả cho các cơ quan báo chí."),
        ItemRecord(2, "Thương nhân phải thông báo đến Sở Công Thương trước khi thực hiện.")])
    answer = searcher.ask("what must a company notify the Department of Industry and Trade")
    assert answer.hits and answer.hits[0].record.item_id == 2


def test_nationality_and_its_procedures_are_in_the_glossary():
    # en9 e9-37, e9-41: "renounce Vietnamese nationality" is 'thôi quốc tịch'; living overseas is 'ở nước ngoài'
    terms = _vi_terms("I live overseas, can I renounce my nationality")
    assert ("quoc", "tich") in terms and ("thoi",) in terms and ("nuoc", "ngoai") in terms
    assert ("quoc", "tich") in _vi_terms("how to give up citizenship")


def test_company_officers_and_statements_are_in_the_glossary():
    # en9 e9-52, e9-55: a JSC's financial statements; its CEO
    terms = _vi_terms("where must a JSC send its annual financial statements to")
    assert ("cong", "ty", "co", "phan") in terms and ("bao", "cao", "tai", "chinh") in terms
    assert ("tong", "giam", "doc") in _vi_terms("who appoints the CEO")
    assert ("nghia", "vu") in _vi_terms("obligations of the data subject")


def test_goods_makers_and_tax_offsets_are_in_the_glossary():
    # en9 e9-22, e9-10: a product's maker and decomposition; overpaid tax offset between persons
    assert ("phan", "huy") in _vi_terms("at what temperature does the powder decompose")
    assert ("nha", "san", "xuat") in _vi_terms("who is the manufacturer of the powder")
    terms = _vi_terms("how is overpaid tax offset between employees")
    assert ("nop", "thua") in terms and ("bu", "tru") in terms


def test_a_renunciation_question_reaches_the_rule_on_who_may_not_renounce():
    from knowledge.records import ItemRecord

    searcher = Searcher.from_records([
        ItemRecord(1, "Cán bộ, công chức và những người đang phục vụ trong lực lượng vũ trang nhân dân "
                      "Việt Nam được nghỉ phép hằng năm theo quy định."),
        ItemRecord(2, "Cán bộ, công chức và những người đang phục vụ trong lực lượng vũ trang nhân dân "
                      "không được thôi quốc tịch Việt Nam.")])
    answer = searcher.ask("can civil servants renounce vietnamese nationality")
    assert answer.hits and answer.hits[0].record.item_id == 2


def test_tax_and_customs_bodies_are_in_the_glossary():
    # en9 e9-11 and en4: tax letters name 'cơ quan thuế', 'Thuế tỉnh', 'Cục Thuế'; customs rulings 'Chi cục Hải quan'
    assert ("co", "quan", "thue") in _vi_terms("what should the tax office do about land rent")
    assert ("cuc", "thue") in _vi_terms("what did the tax department ask")
    assert ("chi", "cuc", "hai", "quan") in _vi_terms("which customs office checks the goods")
    assert ("du", "ho", "so") in _vi_terms("within how many days after receiving a complete file")
