"""Which items count as background (knowledge.traits): the paragraphs that narrate, cite or
consider lose to directives; statements of rules and a plan's aims do not."""
from knowledge.accents import accent_mismatch
from knowledge.records import ItemRecord
from knowledge.traits import W_ABOUT, W_CONTEXT, is_background, is_context, is_preamble, prior


def item(text, kind="paragraph", headings=()):
    return ItemRecord(1, text, kind=kind, headings=tuple(headings))


def test_narrative_context_is_background():
    assert is_background(item("Ngày 15/11/2021, Thường trực Tỉnh ủy tổ chức hội nghị trực tuyến.", "context"))
    assert is_background(item("Trong những năm qua, các cấp ủy đã triển khai nhiều biện pháp.", "context"))
    assert is_background(item("Căn cứ Luật Tổ chức Chính quyền địa phương ngày 16/6/2025;", "context"))
    assert is_background(item("Căn cứ Nghị định số 78/2025/NĐ-CP quy định biện pháp thi hành Luật Ban hành "
                              "văn bản quy phạm pháp luật;", "context"))       # 'thi hành' is no 'thì'
    assert prior(item("Thời gian qua, các ngành đã triển khai quyết liệt.", "context")) == W_CONTEXT


def test_a_rule_stated_is_not_background():
    rule = item("Người nước ngoài đến cơ quan quản lý xuất nhập cảnh thuộc Bộ Công an xuất trình hộ chiếu.",
                "context")
    assert not is_background(rule)
    assert prior(rule) == 1.0
    answer = item("Căn cứ theo điểm a khoản 2 Điều 12 Thông tư 32/2023/TT-BCA thì Cảnh sát giao thông "
                  "được kiểm soát giấy phép lái xe.", "context")
    assert not is_background(answer)


def test_preamble_whatever_its_kind():
    considered = item("Chính phủ Xét báo cáo của Bộ Tài chính tại văn bản số 621/BC-BTC về động lực tăng trưởng")
    assert is_preamble(considered.text) and is_background(considered)
    assert prior(considered) == W_ABOUT
    assert is_preamble("Cục Thuế nhận được công văn số 746/NAN-CNTK của Thuế tỉnh Nghệ An")
    assert not is_preamble("Giao Sở Tài chính chủ trì xét duyệt hồ sơ.")


def test_purpose_headings_are_not_context():
    aim = item("Tỷ lệ hộ gia đình được tiếp cận Internet băng rộng đạt 100%;", "context",
               ["II. MỤC TIÊU", "2. Mục tiêu cụ thể"])
    assert not is_context(aim)
    assert is_context(item("Tình hình dịch bệnh diễn biến phức tạp.", "context"))
    assert not is_context(item("Giao Sở Y tế chủ trì.", "point"))
    # Numbered with a bracket, as many plans number their sections.
    assert not is_context(item("Tập trung thực hiện tốt công tác giải phóng mặt bằng dự án.", "context",
                               ["(2) Yêu cầu"]))
    assert is_background(item("Doanh nghiệp gặp khó khăn về vốn.", "context", ["(1) Đánh giá tình hình"]))


def test_what_is_no_answer_in_itself_is_context_whatever_its_kind():
    """A preamble the parser took for a paragraph reads as context to the confidence model,
    as do the other items whose prior says they are no answer in themselves; a directive
    never does."""
    preamble = item("Trả lời công văn số 13/CV-FDI ngày 13/11/2025 của Công ty về mã loại hình, "
                    "Cục Hải quan có ý kiến như sau:")
    assert prior(preamble) < 1.0 and is_context(preamble, prior(preamble))
    directive = item("Đề nghị Công ty căn cứ tình hình thực tế, đối chiếu với Bảng mã loại hình.")
    assert prior(directive) == 1.0 and not is_context(directive, prior(directive))


def test_a_keyboard_slip_is_not_another_word():
    text = "Nước dưới đất ưu tiên sử dụng cho sinh hoạt; chất lượng giáo viên"
    known = frozenset("nước dưới đất sử dụng lượng lương giáo viên dùng".split())
    assert accent_mismatch(text, {"nuoc": "nươc"}, known) == 0.0        # 'nươc' is no word
    assert accent_mismatch(text, {"nuoc": "nươc"}) == 1.0               # without the lexicon
    assert accent_mismatch(text, {"luong": "lương", "giao": "giáo"}, known) == 0.5


def test_a_word_typed_with_accents_is_not_its_namesake():
    """'lương giáo viên' (teachers' pay) is not 'chất lượng giáo viên' (their quality): asked
    with accents, the item does not cover the question, and a question that wants a figure
    is not answered by an item without one."""
    from knowledge.search import Searcher

    items = [ItemRecord(1, "Tăng cường công tác rà soát, điều động giáo viên bảo đảm chất lượng giáo viên "
                           "các cấp học."),
             ItemRecord(2, "Các địa phương chủ động phương án phòng, chống bão, lũ."),
             ItemRecord(3, "Sở Tài chính bố trí kinh phí cho giáo viên hợp đồng."),
             ItemRecord(4, "Bảo hiểm xã hội chi trả lương hưu đúng hạn cho người nghỉ hưu, lương hưu qua "
                           "tài khoản.")]
    searcher = Searcher.from_records(items)
    asked = searcher.ask("Lương giáo viên tăng bao nhiêu?")
    assert asked.hits and asked.hits[0].item_id == 1 and asked.evidence.accent_mismatch > 0
    assert not asked.answered
    assert asked.evidence.coverage < searcher.ask("chất lượng giáo viên tăng bao nhiêu").evidence.coverage
