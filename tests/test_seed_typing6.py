"""Seed questions typed as officials type (issue 9, branch seedtyping6): chat shorthand rows of
real usage ('cách ly tt' tập trung, 'buổi lv' làm việc, 'bp' biện pháp)."""
from datetime import date

from knowledge.concepts import read_vi_tokens
from knowledge.records import ItemRecord
from knowledge.search import Searcher
from knowledge.text import tokenize

META = dict(document_id=1, document_number="102-TB/VPTU", document_kind="Thông báo",
            document_title="Thông báo kết luận về phòng, chống dịch Covid-19", issuer="Tỉnh ủy Lai Châu",
            province="Lai Châu", document_date=date(2021, 12, 29))
TEXTS = ["Siết chặt quản lý tại các khu cách ly tập trung, bảo đảm các biện pháp an toàn.",
         "Thường trực Tỉnh ủy làm việc với Thị ủy; Thủ tướng Chính phủ chỉ đạo.",
         "Đẩy mạnh công tác thông tin, tuyên truyền; kiểm tra nhiệm vụ.",
         "Thị xã Tân Uyên chuẩn bị đủ thuốc."]


def _read(question: str, texts=TEXTS) -> str:
    records = [ItemRecord(i, t, "", str(i), **META) for i, t in enumerate(texts, 1)]
    index = Searcher.from_records(records)._index
    return " ".join(t.term for t in read_vi_tokens(index, tokenize(question), question))


def test_chat_shorthand_of_officials():
    """'tt' after 'cách ly' is tập trung (the notices write 'ly tập'), not Thủ tướng; 'lv' làm
    việc, 'bp' biện pháp, 'ktra' kiểm tra, 'nvu' nhiệm vụ had no reading at all."""
    assert _read("khu cach ly tt o dp").startswith("khu cach ly tap trung")
    assert _read("buoi lv vs thi uy").startswith("buoi lam viec voi")
    assert _read("bp an toan la gi").startswith("bien phap an toan")
    assert _read("ktra nvu ntn").startswith("kiem tra nhiem vu")
    assert _read("tt tuyen truyen").startswith("thong tin tuyen truyen")    # its neighbour still tells


SOUTH = TEXTS + ["Dự hội nghị có đồng chí Vũ Hồng Sơn, Chủ tịch HĐND; phường Hồng Hải.",
                 "Cán bộ, công chức chưa chấp hành nghiêm các quy định; vậy phải xử lý."]


def test_southern_spellings():
    """'dzậy' is vậy, 'dzô' vô; a closing 'hông'/'hong' asks yes or no though the notices know
    'hong' as the Hồng of names, which stays a name inside the question."""
    assert _read("dzậy cán bộ có chấp hành nghiêm quy định hông", SOUTH) == \
        "vay can bo co chap hanh nghiem quy dinh khong"
    assert _read("dân tự test ở nhà đc hong", SOUTH).endswith("duoc khong")
    assert _read("vu hong son la ai", SOUTH) == "vu hong son la ai"
    assert _read("hông biết phường hong hai ở đâu", SOUTH) == "khong biet phuong hong hai o dau"


def test_english_words_in_a_vietnamese_question():
    """Chat mixes English words in ("F0 mild", "supply chain", "cài app"): the glossary's
    Vietnamese for them, where the notices write it; a Vietnamese syllable typed without
    accents ('tan', 'an') is never taken for English."""
    from knowledge.paraphrase import english_words

    texts = TEXTS + ["Điều trị F0 thể nhẹ tại nhà; doanh nghiệp trong chuỗi cung ứng; cài đặt ứng dụng."]
    records = [ItemRecord(i, t, "", str(i), **META) for i, t in enumerate(texts, 1)]
    index = Searcher.from_records(records)._index
    found = english_words(index, "f0 mild thi dieu tri o dau".split())
    assert found and found[0][:2] == (1, 2) and "the nhe" in found[0][2]
    assert any("chuoi cung ung" in w for _, _, w in english_words(index, "dn trong supply chain".split()))
    assert english_words(index, "tan uyen an toan".split()) == []


def test_a_storm_is_no_seed_notice_topic():
    """'Bão số 5 có vào Quảng Ngãi không' met 'Quân khu 5' of a Covid notice; typed with its
    accents 'bão' is a storm, which no Covid notice speaks of; folded 'bao' stays 'báo'."""
    from knowledge.named import find_names

    def names(q):
        toks = tokenize(q)
        return [n.label for _, _, n in find_names([t.term for t in toks], [q.lower()[t.start:t.end] for t in toks])]
    assert "bão" in names("Bão số 5 có vào Quảng Ngãi không")
    assert "bão" in names("sieu bao so 3 vao dau")
    assert "bão" not in names("thong bao so 327 noi gi") and "bão" not in names("báo cáo kết quả")
    assert "bão" not in names("con bao nhieu ngay") and "bão" not in names("mua bao hiem o dau")


def test_a_notice_writing_the_storm_answers_as_before():
    """A notice that writes 'bão' with its accents ("trước khi bão đổ bộ") speaks of the
    subject: the question is not about something no notice mentions."""
    from knowledge.mentions import mentioned

    records = [ItemRecord(1, "Sơ tán người dân trước khi bão đổ bộ.", "", "1", **META)]
    index = Searcher.from_records(records)._index
    q = "Bão số 5 có vào không"
    toks = tokenize(q)
    _, missing = mentioned(index, [t.term for t in toks], [q.lower()[t.start:t.end] for t in toks])
    assert missing == []
    _, missing = mentioned(Searcher.from_records([ItemRecord(1, TEXTS[0], "", "1", **META)])._index,
                           [t.term for t in toks], [q.lower()[t.start:t.end] for t in toks])
    assert [n.label for n in missing] == ["bão"]
