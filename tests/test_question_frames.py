"""Question words read as the part of an item that answers them (issue 9, "English on every
topic"): "who / which department / ai" points at the item that gives the task, "where / ở đâu"
at the one that names a place; and the general vocabulary reaches notices without summaries."""
from datetime import date

import pytest

from knowledge.glossary import Glossary, bundled_entries
from knowledge.question_frames import FRAMES_FILE, asked_parts, frames
from knowledge.search import ItemRecord, Searcher
from knowledge.shorthand import expand_shorthand
from knowledge.text import stem_en, terms

DOC = dict(document_id=1, document_number="12/KH-UBND", document_kind="Kế hoạch",
           document_title="Kế hoạch tổ chức giải đua thuyền", issuer="UBND thành phố",
           province="", document_date=date(2025, 11, 1), document_title_en="")

ITEMS = [   # no English summaries: what an imported notice looks like
    ItemRecord(1, "Sở Văn hóa và Thể thao báo cáo kết quả giải đua thuyền năm trước.", "", "1", **DOC),
    ItemRecord(2, "Giao Sở Văn hóa và Thể thao chủ trì tổ chức giải đua thuyền.", "", "2", **DOC),
    ItemRecord(3, "Giải đua thuyền tổ chức tại bến sông phía đông thành phố.", "", "3", **DOC),
    ItemRecord(4, "Mỗi đội đua thuyền có 20 vận động viên, đủ 18 tuổi trở lên.", "", "4", **DOC),
]


@pytest.fixture(scope="module")
def searcher():
    return Searcher.from_records(ITEMS)


def test_the_frames_file_is_well_formed():
    table = frames()
    assert ("who",) in table and ("o", "dau") in table and ("which", "department") in table
    with open(FRAMES_FILE, encoding="utf-8") as f:
        assert all(line.count("\t") == 1 for line in f if line.strip() and not line.startswith("#"))


def test_the_longest_question_phrase_is_read_once():
    asked = asked_parts("which department and who must do it".split())
    assert [p for p, _ in asked] == ["which department"]         # same kind of answer: once
    assert [p for p, _ in asked_parts("giai dua o dau".split())] == ["o dau"]
    assert asked_parts("what must teams do".split()) == []


def test_who_points_at_the_item_that_gives_the_task(searcher):
    for question in ("Who is responsible for the boat race?", "Which department handles the boat race?",
                     "so nao lo giai dua thuyen"):
        assert searcher.ask(question).hits[0].item_id == 2, question


def test_where_points_at_the_place(searcher):
    for question in ("Where is the boat race?", "Where will the boat race take place?",
                     "giai dua thuyen o dau"):
        assert searcher.ask(question).hits[0].item_id == 3, question


def test_shorthand_of_notices_of_every_topic_is_read():
    assert expand_shorthand("vdv") == ("van dong vien",)
    assert expand_shorthand("dvhc") == ("don vi hanh chinh",)
    assert expand_shorthand("tndn") == ("thu nhap doanh nghiep",)


def test_general_vocabulary_of_real_notices():
    g = Glossary(bundled_entries())
    for word in ("corporate income tax", "unemployment insurance", "notary", "hand over", "pilot",
                 "special mechanism", "mass complaint", "reprimand", "boat race", "law making"):
        stems = [stem_en(w) for w in terms(word)]
        assert g.translate(stems) and g.translate(stems)[0][:2] == (0, len(stems)), word


def test_applied_and_apply_are_one_stem():
    assert stem_en("applied") == stem_en("apply") == stem_en("applies")
    assert stem_en("studied") == stem_en("study") and stem_en("tied") == "tied"


def test_a_glossary_phrase_knows_its_other_english_wordings():
    """The English summaries say one wording ('booster dose'), a question another ('booster
    shot'): both are 'mũi 3' in the glossary, so one finds the other."""
    g = Glossary.bundled()
    assert ("booster", "dose") in g.synonyms(tuple(stem_en(w) for w in ("booster", "shot")))
    assert ("booster", "shot") not in g.synonyms(tuple(stem_en(w) for w in ("booster", "shot")))


def test_the_body_whose_duties_are_asked_is_the_actor():
    from knowledge.concepts import actor_span

    words = "what are the duties of the department of health in the flood".split()
    assert [words[i] for i in sorted(actor_span(words))] == ["department", "of", "health"]
    words = "what must the provincial military command do".split()
    assert [words[i] for i in sorted(actor_span(words))] == ["the", "provincial", "military", "command"]
    assert actor_span("what is the deadline for the booster shot".split()) == set()
    words = "role of the city police in standardising house numbers".split()     # typed tersely
    assert [words[i] for i in sorted(actor_span(words))] == ["city", "police"]


def test_the_task_of_the_body_an_english_question_names_goes_to_the_item_it_acts_in():
    """'role of the city police in …': of two items of one notice that both name the city
    police, the one that opens with it ('Giao Công an Thành phố chỉ đạo …') answers, not the one
    that lists it among the partners of another body."""
    from datetime import date

    from knowledge.concepts import en_concepts
    from knowledge.search import ItemRecord, Searcher
    from knowledge.text import tokenize
    from knowledge.within import actor_body

    doc = dict(document_id=1, document_number="40/UBND-ĐT", document_kind="Công văn", issuer="UBND Thành phố",
               document_date=date(2025, 11, 20), document_title="Rà soát dữ liệu số nhà")
    items = [ItemRecord(1, "Giao Sở Xây dựng chủ trì, phối hợp với Công an Thành phố, Sở Tài chính khảo sát phần mềm "
                           "đánh số và gắn biển số nhà, chuẩn hóa dữ liệu số nhà trên toàn địa bàn.", number="1", **doc),
             ItemRecord(2, "Giao Công an Thành phố chỉ đạo Công an các phường, xã phối hợp rà soát, chuẩn hóa dữ liệu "
                           "số nhà sau sắp xếp.", number="2", **doc)]
    searcher = Searcher.from_records(items)
    question = "role of the city police in standardising house numbers"
    assert actor_body(en_concepts(searcher._index, question, tokenize(question))) == "cong an thanh pho" \
        or actor_body(en_concepts(searcher._index, question, tokenize(question))) == "cong an"
    assert searcher.ask(question).hits[0].item_id == 2
    question = "standardising house numbers"
    assert actor_body(en_concepts(searcher._index, question, tokenize(question))) is None


def test_a_question_frame_is_not_the_topic():
    from knowledge.concepts import asks_only

    assert asks_only(["in", "charge"]) and not asks_only(["radiation"]) and not asks_only(["deadline"])
