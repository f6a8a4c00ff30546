"""Search signals, calibration, the JSON contract and answer rendering, on a small knowledge
base written for these tests (the bundled notices are covered by test_search_accuracy)."""
from datetime import date

import pytest

from bot.views.answers import TELEGRAM_LIMIT, render_answer, render_item
from knowledge.search import DeadlineInfo, ItemRecord, Searcher

DOC_A = dict(document_id=1, document_number="45-TB/TU", document_kind="Thông báo kết luận",
             document_title="Kết luận về phòng, chống dịch Covid-19", issuer="Tỉnh ủy Hòa Bình",
             province="Hòa Bình", document_date=date(2021, 9, 20),
             document_title_en="Conclusions on Covid-19 prevention")
DOC_B = dict(document_id=2, document_number="77/KH-UBND", document_kind="Kế hoạch",
             document_title="Kế hoạch tiêm chủng vắc xin", issuer="UBND tỉnh Cà Mau",
             province="Cà Mau", document_date=date(2021, 10, 5),
             document_title_en="Vaccination plan")

ITEMS = [
    ItemRecord(1, "Các doanh nghiệp phải xét nghiệm nhanh toàn bộ người lao động trước mỗi ca sản xuất. "
                  "Doanh nghiệp tự chịu chi phí.", "Enterprises must rapid-test all workers before each shift.",
               "1", **DOC_A),
    ItemRecord(2, "Chậm nhất đến ngày 30/11/2021 tất cả các trạm y tế đều có bác sĩ.",
               "Every commune health station must have a doctor by 30 November 2021.", "2",
               deadlines=(DeadlineInfo(date(2021, 11, 30), None, "by", "chậm nhất đến ngày 30/11/2021",
                                       "Trạm y tế có bác sĩ", "Health stations have a doctor"),), **DOC_A),
    ItemRecord(3, "Sản xuất kinh doanh được khôi phục; ca trực của lực lượng y tế được bố trí lại.",
               "Business resumes and medical staff rosters are rearranged.", "3", **DOC_A),
    ItemRecord(4, "Hoàn thành tiêm chủng cho trẻ em từ 12 đến 17 tuổi trong tháng 01/2022.",
               "Vaccinate children aged 12 to 17 in January 2022.", "1", **DOC_B),
    ItemRecord(5, "Toàn dân cài đặt ứng dụng Bluezone; thực hiện nghiêm quy định 5K.",
               "", "2", **DOC_B),
    ItemRecord(6, "Thực hiện giãn cách xã hội theo Chỉ thị số 16/CT-TTg của Thủ tướng Chính phủ.",
               "Social distancing under Prime Minister's Directive 16/CT-TTg.", "3", **DOC_B),
    ItemRecord(7, "Người dân từ 18 tuổi trở lên được tiêm mũi 3 trước tháng 6/2022.",
               "", "4", **DOC_B),
]


@pytest.fixture(scope="module")
def searcher():
    return Searcher.from_records(ITEMS)


def top(searcher, question):
    answer = searcher.ask(question)
    return answer.hits[0].item_id if answer.hits else None


def test_accented_question(searcher):
    answer = searcher.ask("Doanh nghiệp phải xét nghiệm người lao động khi nào?")
    assert answer.lang == "vi" and answer.answered
    assert answer.hits[0].item_id == 1


def test_unaccented_question(searcher):
    assert top(searcher, "tram y te phai co bac si truoc ngay nao") == 2


def test_syllable_pairs_beat_scattered_syllables(searcher):
    # Item 3 has "sản xuất", "ca" and "y tế" too, but not the pair "ca sản" / "trước mỗi".
    assert top(searcher, "xét nghiệm trước mỗi ca sản xuất") == 1


def test_typo_corrected_against_the_index_vocabulary(searcher):
    assert top(searcher, "xet nghiem nguoi lau dong truoc moi ca") == 1      # lau -> lao
    assert top(searcher, "cai dat ung dunh bluezone") == 5                  # dunh -> dung


def test_chat_abbreviations(searcher):
    assert top(searcher, "xn truoc moi ca sx") == 1


def test_english_through_the_summary(searcher):
    answer = searcher.ask("When must every health station have a doctor?")
    assert answer.lang == "en" and answer.answered and answer.hits[0].item_id == 2


def test_english_through_the_glossary_without_summary(searcher):
    # Items 5 and 7 have no English summary: only the glossary can reach them.
    assert top(searcher, "Which app must everyone install?") == 5
    assert top(searcher, "When must adults get the booster dose?") == 7


def test_dates_and_ranges(searcher):
    assert top(searcher, "tiem chung tre 12-17 tuoi") == 4
    assert top(searcher, "hạn 30/11 là việc gì?") == 2


def test_document_numbers_and_metadata(searcher):
    assert top(searcher, "Chỉ thị 16 yêu cầu gì?") == 6
    assert top(searcher, "16/CT-TTg") == 6
    answer = searcher.ask("kế hoạch 77 ở Cà Mau tiêm cho trẻ em khi nào")
    assert answer.hits[0].item_id == 4


@pytest.mark.parametrize("question", ["giá vàng hôm nay", "tell me a joke", "lorem ipsum dolor sit amet",
                                      "asdkjh qwpoeiru zmxncb", "Ai vô địch World Cup 2018?",
                                      "How do I reset my password?"])
def test_out_of_scope_rejected_with_suggestions(searcher, question):
    answer = searcher.ask(question)
    assert not answer.answered
    assert len(answer.hits) <= 3
    text = render_answer(answer, answer.lang)
    assert "🤔" in text


def test_confidence_is_calibrated(searcher):
    good = searcher.ask("tất cả các trạm y tế đều có bác sĩ")
    bad = searcher.ask("bác sĩ thú y chữa bệnh cho mèo")
    assert 0.0 <= bad.hits[0].score < 0.5 <= good.hits[0].score <= 1.0


def test_empty_and_punctuation_questions(searcher):
    for q in ("", "   ", "???", "…"):
        answer = searcher.ask(q)
        assert not answer.answered
        render_answer(answer, "vi")


def test_json_contract(searcher):
    out = searcher.ask("toàn dân cài đặt ứng dụng bluezone", limit=3).to_json()
    assert set(out) == {"question", "answered", "answers"}
    assert out["answered"] is True and 1 <= len(out["answers"]) <= 3
    first = out["answers"][0]
    assert first["text"] == ITEMS[4].text                       # the whole item, as stored
    assert first["source"] == "77/KH-UBND, UBND tỉnh Cà Mau, 05/10/2021, mục 2"
    assert isinstance(first["score"], float)


def test_render_answer_highlights_sentence_and_shows_source_and_deadline(searcher):
    answer = searcher.ask("Trạm y tế phải có bác sĩ trước ngày nào?")
    text = render_answer(answer, "vi")
    assert "<b>Chậm nhất đến ngày 30/11/2021 tất cả các trạm y tế đều có bác sĩ.</b>" in text
    assert "45-TB/TU" in text and "Tỉnh ủy Hòa Bình" in text and "20/09/2021" in text and "mục 2" in text
    assert "30/11/2021" in text.split("⏰")[1]
    en = render_answer(searcher.ask("When must health stations have a doctor?"), "en")
    assert "Source" in en and "item 2" in en and "by 30/11/2021" in en
    assert "Every commune health station must have a doctor" in en          # the English summary


def test_render_answer_picks_the_matching_sentence(searcher):
    text = render_answer(searcher.ask("ai chịu chi phí xét nghiệm"), "vi")
    assert "<b>Doanh nghiệp tự chịu chi phí.</b>" in text


def test_render_escapes_html_and_fits_telegram():
    long_text = "Mở đầu <script> & " + " ".join(["Câu dài về phòng, chống dịch."] * 400) + \
                " Trạm y tế phải có bác sĩ trực 24/24."
    s = Searcher.from_records([ItemRecord(1, long_text, "", "1", **DOC_A)])
    answer = s.ask("trạm y tế phải có bác sĩ trực")
    text = render_answer(answer, "vi")
    assert len(text) <= TELEGRAM_LIMIT
    assert "<b>Trạm y tế phải có bác sĩ trực 24/24.</b>" in text
    assert "<script>" not in text


def test_refresh_and_render_item_from_database(db):
    from knowledge.models import Deadline, Document, Item

    doc = Document.create(key="t1", number="9-TB/TU", kind="Thông báo", issuer="Tỉnh ủy Thử",
                          province="Thử", date=date(2022, 1, 2), title="Thông báo thử")
    Item.create(document=doc, position=1, number="1", text="Các chốt kiểm soát hoạt động 24/24 giờ.")
    searcher = Searcher.from_database()
    assert not searcher.ask("khách sạn làm nơi cách ly").answered
    item = Item.create(document=doc, position=2, number="2",
                       text="Các khách sạn trở thành nơi cách ly khi chính quyền yêu cầu.")
    Deadline.create(item=item, due_date=date(2022, 1, 10), phrase="trước ngày 10/01/2022",
                    task="Khách sạn sẵn sàng")
    searcher.refresh()
    answer = searcher.ask("khách sạn làm nơi cách ly")
    assert answer.answered and answer.hits[0].item_id == item.id
    assert answer.hits[0].deadlines[0].due_date == date(2022, 1, 10)
    shown = render_item(item.id, "en")
    assert "khách sạn" in shown and "9-TB/TU" in shown and "item 2" in shown and "10/01/2022" in shown
    assert render_item(999999, "vi") == "Mục này không còn trong cơ sở dữ liệu."


def test_english_concepts_side_by_side_in_an_item_rank_first():
    # Same words, same length; only the second says "cách ly F1" (F1 contacts quarantined).
    scattered = ItemRecord(11, "Cách ly người bệnh nặng tại nhà; F1 chuyển viện.", "", "1", **DOC_A)
    together = ItemRecord(12, "Người bệnh nặng chuyển viện; cách ly F1 tại nhà.", "", "2", **DOC_A)
    searcher = Searcher.from_records([scattered, together])
    assert top(searcher, "Where are F1 contacts quarantined?") == 12
    assert top(searcher, "Where are seriously ill patients quarantined?") == 11



def test_a_named_province_prefers_its_own_notices():
    """Two provinces give the same order; the one the question names wins either way."""
    same = "Các trạm y tế phải có bác sĩ thường trực."
    s = Searcher.from_records([ItemRecord(1, same, "Health stations must have a doctor on duty.", "1", **DOC_A),
                               ItemRecord(2, same, "Health stations must have a doctor on duty.", "1", **DOC_B)])
    assert top(s, "tram y te co bac si o Ca Mau") == 2
    assert top(s, "tram y te co bac si o Hoa Binh") == 1
    assert top(s, "Which health stations need a doctor in Ca Mau?") == 2
    assert s.ask("tram y te co bac si o Ca Mau").hits[1].item_id == 1     # lower, not gone


def test_answers_are_phone_sized_with_deadline_status_and_one_source_line(searcher):
    answer = searcher.ask("Trạm y tế phải có bác sĩ trước ngày nào?")
    before = render_answer(answer, "vi", today=date(2021, 11, 27))
    assert "còn 3 ngày" in before and before.count("\n") <= 3
    assert "📄 <b>Nguồn:</b> 45-TB/TU · Tỉnh ủy Hòa Bình · 20/09/2021 · mục 2" in before
    after = render_answer(answer, "en", today=date(2022, 1, 5))
    assert "passed" in after and "All deadlines of this notice have passed" in after


def test_old_notices_without_deadlines_are_marked(searcher):
    answer = searcher.ask("Toàn dân cài đặt ứng dụng Bluezone")
    assert "Thông báo cũ" in render_answer(answer, "vi", today=date(2023, 1, 1), max_age_days=365)
    assert "Thông báo cũ" not in render_answer(answer, "vi", today=date(2021, 11, 1), max_age_days=365)


def test_long_items_lead_with_their_best_sentence_only():
    long_text = "Mở đầu dài về tình hình. " * 40 + "Trạm y tế phải có bác sĩ trực 24/24. " + "Kết thúc dài. " * 40
    s = Searcher.from_records([ItemRecord(1, long_text, "", "1", **DOC_A)] + ITEMS[1:])
    text = render_answer(s.ask("trạm y tế phải có bác sĩ trực 24/24"), "vi")
    assert "<b>Trạm y tế phải có bác sĩ trực 24/24.</b>" in text and len(text) < 600


def test_buttons_name_items_by_topic():
    from bot.views.answers import topic_of

    assert topic_of(ItemRecord(1, "a) Tổ chức lực lượng cứu hộ, cứu nạn tiếp cận vùng bị chia cắt.")) \
        == "Tổ chức lực lượng cứu hộ"
    assert topic_of(ItemRecord(2, "Bố trí lực lượng.", headings=("II. NHIỆM VỤ", "3. Sở Y tế:"))) == "Sở Y tế"


def test_not_found_lists_only_plausible_suggestions(searcher):
    text = render_answer(searcher.ask("giá vàng hôm nay"), "vi")
    assert "🤔" in text and "Các mục gần nhất" not in text


def test_a_place_the_knowledge_base_lacks_is_named_in_the_reply(searcher):
    answer = searcher.ask("Nghệ An tiêm vắc xin cho trẻ em khi nào?")
    assert not answer.answered and "Nghệ An" in render_answer(answer, "vi")


def test_terms_looked_up_together_read_as_one_by_one():
    """FieldIndex.gather_many (short posting lists searched among the candidates) agrees with
    gather (candidates searched in each posting list)."""
    import random

    import numpy as np

    from knowledge.index import FieldIndex

    rng = random.Random(3)
    words = [f"w{k}" for k in range(60)]
    docs = [[rng.choice(words[:5] if rng.random() < 0.5 else words) for _ in range(rng.randint(1, 30))]
            for _ in range(400)]
    index = FieldIndex(docs)
    terms = words[:12] + ["absent"]
    for size in (5, 50, 400):
        keys = np.array(sorted(rng.sample(range(400), size)), dtype=np.int64)
        weights, present = index.gather_many(terms, keys)
        for r, term in enumerate(terms):
            one = index.gather(term, keys)
            expected = one if one is not None else (np.zeros(size), np.zeros(size, dtype=bool))
            assert np.allclose(weights[r], expected[0]) and (present[r] == expected[1]).all()


@pytest.mark.parametrize("lang, label", [("vi", "Người ký"), ("en", "Signed by")])
def test_notice_fact_is_labelled_by_the_view_in_the_readers_language(lang, label):
    """knowledge returns the header's value only; the words naming it come from texts/."""
    signed = [ItemRecord(1, "Các doanh nghiệp phải xét nghiệm nhanh toàn bộ người lao động.", "", "1",
                         **{**DOC_A, "signer": "Nguyễn Văn A"})]
    answer = Searcher.from_records(signed).ask("thông báo 45 do ai ký")
    assert answer.answered and answer.fact == "signer" and answer.hits[0].text == "Nguyễn Văn A"
    html = render_answer(answer, lang)
    assert label in html and "Nguyễn Văn A" in html and "45-TB/TU" in html
