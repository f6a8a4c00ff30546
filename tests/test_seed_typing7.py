"""Seed questions typed as officials type (issue 9, branch seedtyping7): everyday words for the
notices' words (knowledge/vocab/paraphrases.tsv) and questions about the cases and outbreaks
themselves, which a notice's background paragraph answers (knowledge/vocab/situation_words.txt).
The questions here are worded apart from tests/questions_seed_dev11.tsv, whose misses showed the
gaps."""

from knowledge.paraphrase import paraphrase_table
from knowledge.situation import asks_situation
from knowledge.text import fold
from tests.conftest import answers_with


def _first(searcher, question: str, phrase: str) -> bool:
    a = searcher.ask(question)
    return bool(a.hits) and fold(phrase) in fold(a.hits[0].text)


def test_everyday_rows():
    """'liều' is the notices' 'mũi', 'người lớn' those 'từ 18 tuổi trở lên', 'dai dẳng' 'kéo
    dài', 'xin phép' what the province agrees to on a proposal, 'cả tỉnh' 'toàn tỉnh'."""
    table = paraphrase_table()
    for everyday, wording in (("lieu", "mui"), ("nguoi lon", "tuoi tro len"), ("dai dang", "keo dai"),
                              ("khong dut", "keo dai"), ("xin phep", "de xuat"), ("tru san", "chuan bi"),
                              ("ca tinh", "toan tinh"), ("so dan", "dan so")):
        assert any(wording in w for _, ws in table[tuple(everyday.split())] for w in ws), everyday


def test_doses_and_adults(seeds):
    """"2 liều cho người lớn" is the item on "đủ 2 mũi cho toàn bộ người từ 18 tuổi trở lên":
    without the rows it shared only 'chích' and the place with it and was declined."""
    assert answers_with(seeds, "nguoi lon o lai chau chich du 2 lieu truoc cuoi nam 2021 ha",
                    "đủ 2 mũi cho toàn bộ người từ 18 tuổi")


def test_lasting_outbreak(seeds):
    """'dai dẳng' / 'không dứt' is the background's 'kéo dài' (and 'tại sao' its cause)."""
    assert answers_with(seeds, "vi sao dich benh o quang ngai dai dang khong dut vay",
                    "kéo dài do không thực hiện tốt")


def test_asking_leave_to_restart(seeds):
    """Asking whose leave a factory needs to run again is the item in which the province agrees
    to the businesses' proposal to restore production."""
    assert answers_with(seeds, "nha may o hai ha muon chay lai co phai xin phep ai khong",   # seed_dev11 t62
                    "khôi phục hoạt động sản xuất")


def test_stocking_up_and_whole_province_rank_the_item(seeds):
    """'trữ sẵn' is 'chuẩn bị' (the test kits a commune must prepare), 'cả tỉnh' 'toàn địa bàn
    tỉnh': the right item goes first where another did."""
    assert _first(seeds, "xa minh phai tru san que test nhanh bao nhieu cai",
                  "test nhanh tương đương với dân số")
    assert _first(seeds, "Bình Sơn hỏi: từ 12/8 giãn cách cả tỉnh hay riêng huyện?",
                  "giãn cách xã hội trên toàn địa bàn tỉnh")


def test_cases_and_outbreaks_are_situation():
    """New cases, new outbreaks, where cases mostly are and whose fault an outbreak was are
    the situation: a background paragraph answers them."""
    for q in ("ca nhiem moi o binh son", "ca mac moi nhieu khong", "o dich moi o dau",
              "ca benh chu yeu o dau", "new outbreak where", "ai chiu trach nhiem khi de xay ra o dich"):
        assert asks_situation(fold(q).split()), q
    assert not asks_situation(fold("f0 phai cach ly o dau").split())


def test_background_answers_case_questions(seeds):
    """The background's count and places of new cases is the answer, no longer declined as
    "only background"."""
    assert answers_with(seeds, "qngai co ca nhiem moi o nhieu dia phuong hay chi binh son",
                    "nhiều địa phương trong tỉnh đã xuất hiện ca nhiễm mới")
    assert answers_with(seeds, "Which industrial zone saw a new outbreak in November 2021?",
                    "Khu công nghiệp Hải Hà")
    assert answers_with(seeds, "so y te, so ldtbxh co trach nhiem gi khi de xay ra o dich trong nha may",
                    "Sở Lao động Thương binh và Xã hội")
