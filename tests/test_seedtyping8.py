"""Seed questions typed as officials type (issue 9, branch seedtyping8): a province named only
chooses the notices, so the coverage the confidence model reads is not lowered for an item of
that province's notice that does not write its name (knowledge/place_words.py); 'muốn' (want),
typed with accents, is a function word of a question; 'gian dối' is the notices' 'không trung thực'. The questions
here are worded apart from tests/questions_seed_dev12.tsv, whose misses showed the gaps."""

from knowledge.concepts import Alternative, Concept
from knowledge.named import Mention, Name
from knowledge.paraphrase import paraphrase_table
from knowledge.place_words import place_aside
from knowledge.text import Token, stopword_flags, tokenize
from tests.conftest import answers_with


def test_place_aside_sets_the_province_and_its_seams_aside():
    terms = "o dich moi o lai chau xuat hien".split()
    tokens = [Token(t, 0, 0, True) for t in terms]
    singles = [Concept(t, [Alternative("uni", (t,))]) for t in terms]
    pairs = [Concept(f"{a} {b}", [Alternative("bi", (f"{a} {b}",))], pair=True, parts=(i, i + 1))
             for i, (a, b) in enumerate(zip(terms, terms[1:]))]
    lai_chau = Mention(Name("province", "Lai Châu", (("lai", "chau"),)), frozenset({1}))
    out = place_aside(singles + pairs, tokens, [lai_chau])
    aside = {c.source for c in out if not c.content}
    assert aside == {"lai", "chau", "o lai", "lai chau", "chau xuat"}
    # a province no notice mentions, or a question that is only the place, changes nothing
    assert place_aside(singles + pairs, tokens, [Mention(lai_chau.name, frozenset())]) == singles + pairs
    only = [Concept("lai", [Alternative("uni", ("lai",))]), Concept("chau", [Alternative("uni", ("chau",))])]
    assert place_aside(only, tokens[4:6], [lai_chau]) == only


def test_province_named_does_not_lower_the_right_items_coverage(seeds):
    """Lai Châu's point on vaccination does not write 'Lai Châu': naming the province counted
    against it (coverage 0.827 against 0.867 unnamed). Background paragraphs keep theirs unless
    the question asks about the situation ('ổ dịch mới': the new outbreak in Sìn Hồ)."""
    named = seeds.ask("lai chau tiem mui 3 cho nguoi tu 18 tuoi xong truoc thang may")
    assert "tiêm mũi 3" in named.hits[0].text
    assert named.evidence.coverage >= 0.86
    assert answers_with(seeds, "lc co o dich moi xuat hien o huyen nao", "huyện Sìn Hồ")


def test_muon_is_a_function_word():
    """Typed with accents, 'muốn' (want) is the asker's intention, no topic ('Quảng Ninh muốn kết
    thúc dịch trước ngày nào'); unaccented 'muon' is also 'muộn' (late), left to its neighbours:
    read as a function word everywhere, it answered a wrong item of fresh2 whose confidence only
    the unknown 'muon' had held down."""
    q = "Quảng Ninh muốn kết thúc dịch trước ngày nào"
    toks = tokenize(q)
    assert [f for t, f in zip(toks, stopword_flags(q, toks)) if t.term == "muon"] == [True]
    q = "nop thue muon bi phat bao nhieu"
    toks = tokenize(q)
    assert [f for t, f in zip(toks, stopword_flags(q, toks)) if t.term == "muon"] == [False]


def test_gian_doi_row(seeds):
    table = paraphrase_table()
    assert any("khong trung thuc" in w for _, ws in table[("gian", "doi")] for w in ws)
    assert answers_with(seeds, "tai xe khai bao gian doi o chot kiem dich", "khai báo không trung thực")


def test_english_government_cars_sold_off(seeds):
    """'government car' is the notices' 'xe công vụ', 'sell off' / 'liquidate' their 'thanh lý'."""
    a = seeds.ask("Can officials use government cars that are waiting to be liquidated?")
    assert a.answered and "xe chờ thanh lý" in a.hits[0].text
