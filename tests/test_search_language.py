"""How questions are read: small talk, noise, chat shorthand and telex, what a question
names, and English through the glossary file (also on a notice imported at run time, which
has no English summaries) and through entries admins add."""
import random
from datetime import date

import pytest

from knowledge import glossary
from knowledge.glossary import GLOSSARY_FILE, Glossary, GlossaryError, bundled_entries, parse_admin_entry
from knowledge.search import ItemRecord, Searcher
from knowledge.shorthand import expand_shorthand, untelex
from knowledge.smalltalk import read_smalltalk
from knowledge.text import stem_en, terms
from tests.conftest import ROOT

DOC = dict(document_id=1, document_number="12-TB/UBND", document_kind="Thông báo", issuer="UBND tỉnh Hà Nam",
           province="Hà Nam", document_date=date(2025, 9, 1), document_title="Phòng chống bão lũ")
OTHER = dict(document_id=2, document_number="217/CĐ-TTg", document_kind="Công điện", issuer="Thủ tướng Chính phủ",
             document_date=date(2025, 11, 16), document_title="Ứng phó mưa lũ")
ITEMS = [
    ItemRecord(1, "Các nhà máy phải xét nghiệm công nhân trước mỗi ca sản xuất.", number="1", **DOC),
    ItemRecord(2, "UBND các xã tổ chức sơ tán người dân ra khỏi vùng có nguy cơ sạt lở đất, lũ quét.",
               number="2", **DOC),
    ItemRecord(3, "Bộ Xây dựng chỉ đạo bảo đảm giao thông thông suốt trên các tuyến quốc lộ bị sạt lở.",
               number="3", **OTHER),
    ItemRecord(4, "Các trường học cho học sinh nghỉ học khi có bão.", number="4", **DOC),
]


@pytest.fixture(scope="module")
def searcher():
    return Searcher.from_records(ITEMS)


# --- small talk ------------------------------------------------------------------------------

@pytest.mark.parametrize("message, kind", [
    ("xin chào", "greeting"), ("Xin chào bạn", "greeting"), ("chao ban", "greeting"), ("Hello!", "greeting"),
    ("cảm ơn nhé", "thanks"), ("cam on ban nhieu", "thanks"), ("thanks a lot", "thanks"),
    ("bạn là ai?", "who"), ("ban la ai", "who"), ("Who are you?", "who"),
    ("bạn làm được gì", "help"), ("What can you do?", "help"),
    ("ok", "ok"), ("oke bạn", "ok"), ("bye", "bye"), ("tạm biệt", "bye"),
])
def test_small_talk_is_never_answered_with_a_directive(searcher, message, kind):
    answer = searcher.ask(message)
    assert answer.smalltalk == kind and not answer.answered and not answer.hits


def test_a_greeting_before_a_question_is_taken_off_it(searcher):
    assert read_smalltalk("Xin chào, nhà máy phải xét nghiệm khi nào?").rest == "nhà máy phải xét nghiệm khi nào?"
    answer = searcher.ask("Xin chào, nhà máy phải xét nghiệm công nhân khi nào?")
    assert answer.smalltalk is None and answer.answered and answer.hits[0].item_id == 1
    assert read_smalltalk("ty gia do la").kind is None        # 'ty' (thank you) is also a word


# --- noise -----------------------------------------------------------------------------------

def test_noise_is_never_answered(searcher):
    rng = random.Random(9)
    letters = "abcdefghijklmnopqrstuvwxyzăâđêôơư"
    junk = ["1", "y", "ô", "?", "k", "42", "...", "đ"]
    junk += [" ".join("".join(rng.choice(letters) for _ in range(rng.randint(2, 10)))
                      for _ in range(rng.randint(1, 4))) for _ in range(200)]
    answered = [q for q in junk if searcher.ask(q).answered]
    assert answered == []


# --- how people type -------------------------------------------------------------------------

@pytest.mark.parametrize("typed, syllable", [("nhaf", "nha"), ("mays", "may"), ("ddi", "di"), ("tuwngf", "tung"),
                                            ("nghieemj", "nghiem"), ("truwowngf", "truong"), ("ma1y", "may")])
def test_telex_and_vni_leftovers_are_read_as_syllables(typed, syllable):
    assert untelex(typed) == syllable


def test_words_are_not_read_as_telex():
    assert untelex("xet") is None and untelex("office") is None and untelex("f0") is None


def test_chat_shorthand_table():
    assert expand_shorthand("ko") == ("khong",) and expand_shorthand("dc") == ("duoc",)
    assert "bao gio" in expand_shorthand("bh") and "gi" in expand_shorthand("j")


def test_questions_in_telex_and_shorthand(searcher):
    assert searcher.ask("nhaf mays phair xets nghieemj coong nhaan khi naof").hits[0].item_id == 1
    answer = searcher.ask("xa co phai so tan dan khoi vung sat lo ko")
    assert answer.answered and answer.hits[0].item_id == 2


# --- what the question names -----------------------------------------------------------------

def test_a_place_without_a_notice_gets_no_other_places_rule(searcher):
    answer = searcher.ask("Nghệ An phải sơ tán người dân khỏi vùng sạt lở thế nào?")
    assert not answer.answered and answer.missing == ["Nghệ An"]
    assert searcher.ask("Hà Nam phải sơ tán người dân khỏi vùng sạt lở thế nào?").answered


def test_a_notice_named_by_number_answers_from_that_notice(searcher):
    answer = searcher.ask("Công điện 217 yêu cầu gì về sạt lở?")
    assert answer.hits[0].item_id == 3
    missing = searcher.ask("Công điện 218 giao Bộ Xây dựng việc gì?")
    assert not missing.answered and missing.missing == ["Công điện 218"]


def test_a_disease_without_a_notice(searcher):
    answer = searcher.ask("Tiêm vắc xin sởi cho học sinh ở đâu?")
    assert not answer.answered and answer.missing == ["bệnh sởi"]
    assert searcher.ask("soi kiem tra xe").missing == []       # 'soi' unaccented is not 'sởi'


# --- English: the glossary file ----------------------------------------------------------------

def test_the_glossary_file_is_well_formed_and_covers_every_topic():
    entries = bundled_entries()
    keys = [e.english for e in entries]
    assert len(keys) == len(set(keys)) > 1000
    topics = {e.topic for e in entries}
    assert {"disasters", "agriculture", "forests", "fire", "transport", "construction", "education",
            "health", "budget", "land", "procedures", "calendar"} <= topics
    g = Glossary(entries)
    for word in ("storm", "flood", "landslide", "evacuation", "livestock", "forest fire", "bridge", "school",
                 "dengue", "mosquito", "rabies", "diarrhoea", "budget", "land", "administrative procedure",
                 "saturday", "december", "every saturday", "monthly"):
        stems = [stem_en(w) for w in terms(word)]
        assert g.translate(stems) and g.translate(stems)[0][:2] == (0, len(stems)), word
    with open(GLOSSARY_FILE, encoding="utf-8") as f:
        assert all(line.count("\t") == 2 for line in f if line.strip() and not line.startswith("#"))


def test_bad_glossary_entries_are_refused():
    for text in ("no equals sign", " = lũ quét", "flash flood = ", "123 = một hai ba", "flash flood = |"):
        with pytest.raises(GlossaryError):
            parse_admin_entry(text)
    entry = parse_admin_entry("  Flash   Flood = lũ quét |  lũ ống ")
    assert entry.english == "flash flood" and entry.vietnamese == ("lũ quét", "lũ ống")


def test_english_questions_reach_items_without_summaries(searcher):
    assert searcher.ask("Who must evacuate people from landslide areas?").hits[0].item_id == 2
    answer = searcher.ask("Must schools close when a storm comes?")
    assert answer.lang == "en" and answer.hits[0].item_id == 4


def test_entries_admins_add_are_used_at_once(db):
    from knowledge.loader import ensure_seeded
    from knowledge.models import Document, Item

    ensure_seeded()
    doc = Document.create(key="g1", number="5-TB/UBND", kind="Thông báo", issuer="UBND tỉnh", title="Giao thông")
    Item.create(document=doc, position=1, number="1", text="Sơn lại vạch kẻ đường cho người đi bộ trước cổng trường.")
    searcher = Searcher.from_database()
    question = "Where must zebra crossings be repainted?"
    assert not searcher.ask(question).answered
    glossary.add_entry("zebra crossing", "vạch kẻ đường | vạch sang đường", added_by=1)
    glossary.add_entry("repaint", "sơn lại", added_by=1)
    searcher.refresh_glossary()
    answer = searcher.ask(question)
    assert answer.answered and "vạch kẻ đường" in answer.hits[0].text
    assert glossary.remove_entry("Zebra Crossing") and not glossary.remove_entry("zebra crossing")
    assert [e.english for e in glossary.stored_entries()] == ["repaint"]


def test_a_notice_imported_at_run_time_answers_english_questions(db):
    from knowledge.loader import ensure_seeded, import_file

    ensure_seeded()
    import_file(f"{ROOT}/tests/samples/sot_xuat_huyet_dong_hoa.txt")
    searcher = Searcher.from_database()
    for question, expected in [("What must schools do every Saturday?", "thứ Bảy hằng tuần"),
                               ("What should community teams tell households about mosquito nets?", "ngủ màn"),
                               ("How soon must insecticide be sprayed after a new outbreak is found?", "48 giờ")]:
        answer = searcher.ask(question)
        assert answer.lang == "en" and answer.answered and expected in answer.hits[0].text, question


def test_a_kind_of_notice_named_without_number_prefers_that_kind():
    plan = dict(DOC, document_id=5, document_number="7/KH-UBND", document_kind="Kế hoạch")
    same = "Các xã tổ chức sơ tán người dân khỏi vùng sạt lở."
    s = Searcher.from_records([ItemRecord(1, same, number="1", **plan), ItemRecord(2, same, number="1", **OTHER)])
    assert s.ask("công điện yêu cầu các xã sơ tán người dân thế nào").hits[0].item_id == 2
    assert s.ask("kế hoạch yêu cầu các xã sơ tán người dân thế nào").hits[0].item_id == 1


def test_the_shorthand_file_is_well_formed():
    from knowledge.shorthand import SHORTHAND_FILE, shorthand_table

    keys = [line.split("\t")[0] for line in open(SHORTHAND_FILE, encoding="utf-8")
            if line.strip() and not line.startswith("#")]
    assert len(keys) == len(set(keys)) == len(shorthand_table()) > 150
    assert all(k == k.lower() and " " not in k for k in keys)


def test_the_glossary_reads_english_word_forms():
    """Irregular forms (vocab/en_forms.tsv), British and American spellings and the 'e' an
    -ing took away reach the entry written under another form."""
    g = Glossary(bundled_entries())

    def alts(phrase):
        found = g.translate([stem_en(w) for w in terms(phrase)])
        return found[0][2] if found and found[0][:2] == (0, len(terms(phrase))) else None

    for form, entry in [("hung", "hang"), ("paid", "pay"), ("made of", "made of"), ("organizing", "organise"),
                        ("labour", "labor"), ("command center", "command centre"), ("defense", "defence"), ("rising", "rise"),
                        ("enrollment", "enrolment"), ("diarrhea", "diarrhoea"), ("licensed", "licence")]:
        assert alts(form) is not None and alts(form) == alts(entry), form


def test_general_vocabulary_of_every_topic():
    g = Glossary(bundled_entries())
    for word in ("condition", "national flag", "fee", "database", "heavy rain", "bird flu", "african swine fever",
                 "primary school", "red book", "suspend", "disbursement rate", "household business",
                 "fishing boat", "firebreak", "helmet", "autumn", "public hospital", "lump sum tax"):
        stems = [stem_en(w) for w in terms(word)]
        assert g.translate(stems) and g.translate(stems)[0][:2] == (0, len(stems)), word


def test_a_form_the_stemmer_cuts_into_another_word_is_read_as_its_base():
    """'caring' stems to 'car' (knowledge.text.stem_en): read whole it is care (chăm sóc), and
    'car' stays a car (xe), not care."""
    from knowledge.glossary import word_stem

    g = Glossary.bundled()
    assert word_stem("caring") == "care" and word_stem("car") == "car" and word_stem("cars") == "car"
    caring = g.translate([word_stem(w) for w in terms("caring for abandoned children")])[0][2]
    car = g.translate([word_stem(w) for w in terms("car")])[0][2]
    assert "chăm sóc" in caring and "xe" not in caring
    assert "xe" in car and "chăm sóc" not in car


def test_administrative_vocabulary_of_notices_without_summaries():
    """Words English questions used about 2025 notices of every topic (branch english7)."""
    g = Glossary.bundled()
    for word, wording in [("inventory", "kiểm kê"), ("public asset", "tài sản công"),
                          ("abandoned", "bỏ rơi"), ("house number", "số nhà"), ("trade union", "công đoàn"),
                          ("transaction", "giao dịch"), ("advertising", "quảng cáo"), ("cigarette", "thuốc lá"),
                          ("surplus", "dôi dư"), ("benefactor", "nhà hảo tâm"), ("in-depth", "chuyên sâu"),
                          ("access", "truy cập"), ("spouse", "vợ hoặc chồng"), ("exit ban", "tạm hoãn xuất cảnh"),
                          ("special circumstances", "hoàn cảnh đặc biệt"), ("face to face", "trực tiếp"),
                          ("take over", "tiếp nhận"), ("change", "biến động")]:
        found = g.translate([stem_en(w) for w in terms(word)])
        assert found and found[0][:2] == (0, len(terms(word))) and wording in found[0][2], word


def test_a_misspelt_english_word_is_read_as_the_glossary_word_it_misspells(searcher):
    from knowledge.concepts import en_concepts, untranslated
    from knowledge.text import tokenize

    g = Glossary.bundled()
    assert [g.corrected(stem_en(w)) for w in ("insurence", "nubmer", "comunes", "goverment")] == \
        ["insuranc", "number", "commun", "government"]
    # known words, words too short to tell, and words far from any entry stay as typed
    assert [g.corrected(stem_en(w)) for w in ("insurance", "visa", "mooncakes", "tomorrow")] == [None] * 4
    index = searcher._index
    question = "Who must evacuate peopel from landslide areas?"
    assert untranslated(en_concepts(index, question, tokenize(question))) == 0.0
    assert searcher.ask(question).hits[0].item_id == 2


def test_an_english_question_mostly_outside_the_glossary_is_measured(searcher):
    from knowledge.concepts import en_concepts, untranslated
    from knowledge.text import tokenize

    index = searcher._index
    for question, share in [("Which bakeries bake mooncakes?", 1.0), ("Who must evacuate people from landslide areas?", 0.0)]:
        assert untranslated(en_concepts(index, question, tokenize(question))) == share, question


def test_the_glossary_keeps_the_longest_phrases_whole():
    """'on site clearance' is 'on' + 'site clearance' (giải phóng mặt bằng), not 'on site'
    (tại chỗ) + 'clearance': the cut keeps the longest phrase, wherever it starts."""
    g = Glossary.bundled()
    stems = [stem_en(w) for w in terms("drive on site clearance")]
    found = {tuple(stems[s:e]) for s, e, _ in g.translate(stems)}
    assert tuple(stems[2:4]) in found and tuple(stems[1:3]) not in found


def test_an_english_question_keeps_vietnamese_names_and_its_actor():
    from knowledge.concepts import W_ACTOR, actor_span
    from knowledge.english_names import name_runs
    from knowledge.text import tokenize

    from knowledge.glossary import Glossary

    class Known:
        glossary = Glossary.bundled()

        @staticmethod
        def known_vi(w):
            return w in {"dat", "mui", "ca", "mau"}

    q = "What is the purpose of the Ca Mau - Dat Mui expressway"
    tokens = tokenize(q)
    named = {tokens[i].term for i in name_runs(Known, q, tokens)}
    assert named == {"ca", "mau", "dat", "mui"}
    assert not name_runs(Known, "the date of the mau", tokenize("the date of the mau"))
    words = "what should schools do about drug prevention".split()
    assert [words[i] for i in sorted(actor_span(words))] == ["schools"] and W_ACTOR > 1
    assert not actor_span("what is the fine for speeding".split())
