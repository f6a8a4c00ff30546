"""QA2, a new user on 2026-11-24: findings of a third new-user session, as strict expected failures.

A commune official (accents or none, chat shorthand), an English-speaking NGO worker and an
admin importing six real notices not used before (160/KH-UBND Cần Thơ, 617/KH-UBND Đồng Tháp,
17986/BTC-CT, 11208/BNV-KHTC, a news page on 294/TB-VPCP, 37951/CHQ-GSQL) drove `bot.py` as the
README tells a newcomer. Each test is the smallest reproduction of one finding; it asserts what
the user expected (answered or not, which item, which date, which actor), not a wording. They
fail today, so each is a strict xfail: the suite stays green, and a fix turns the mark into a
failure until it is removed. Earlier findings (tests/test_qa_newuser.py) are not repeated.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from knowledge.parser import parse_text

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOTICES_DIR = os.path.join(os.path.dirname(ROOT), "shared", "real-notices")
SESSION_NOTICES = ("kh-5d99697f14bcf68a.md", "kh-8718801c503045f9.md", "cv-9063e901ca3fd0c3.md",
                   "cv-c81379258ef3a44f.md", "kl-ca5654f15a84986f.md", "cv-6a73c878c777ca23.md")


def _bot(tmp_path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("BOT_TOKEN", "DATABASE_URL")}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path}/qa2.db"
    return subprocess.run([sys.executable, "bot.py", *args], cwd=ROOT, env=env, input=stdin,
                          capture_output=True, text=True, timeout=120)


def _ask_json(tmp_path, question: str) -> dict:
    done = _bot(tmp_path, "ask", "--json", stdin=question + "\n")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[0])


_HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
         "Độc lập - Tự do - Hạnh phúc\n\nSố: 617/KH-UBND\nĐồng Tháp, ngày 01 tháng 12 năm 2025\n\n"
         "KẾ HOẠCH\nChuyển đổi số cho các doanh nghiệp\n\n")


# --- confidently wrong ---------------------------------------------------------------------------

@pytest.mark.parametrize("question", [
    "hôm nay trời mưa không",
    # QA2 finding 1 (fixed): 'mưa', a word the Covid notices never write, was taken for a slip
    # of the keyboard for 'mua' (mua sắm); common syllables are a data file now.
    "trời mưa to không",
])
def test_rain_question_with_accents_is_declined(tmp_path, question):
    assert not _ask_json(tmp_path, question)["answered"]


# QA2 finding 2 (fixed): 'Quý IV-2026' (quarter, hyphen, year: how task tables write it) was read as
# 31/12/2025, the notice's year; 'quý II-2026' and the spelling 'Quí IV-2025' gave no deadline at all.
@pytest.mark.parametrize("when, expected", [
    ("Quý IV-2026", "2026-12-31"),
    ("quý II-2026", "2026-06-30"),
    ("Quý I - 2027", "2027-03-31"),
    ("Quí IV-2025", "2025-12-31"),
])
def test_quarter_with_hyphenated_year(when, expected):
    got = parse_text(_HEAD + "1. Sở Công Thương xây dựng kế hoạch triển khai hạ tầng 5G trong các "
                     f"khu công nghiệp, hoàn thành trong {when}.\n")
    assert [d["date"] for i in got["items"] for d in i["deadlines"]] == [expected]


# QA2 finding 3 (fixed, branch english8: 'criteria' is read as 'tiêu chí'): 'who must build the digital
# transformation criteria for businesses in Dong Thap?' was answered with 617/KH-UBND III.2.d (support
# policies for tech firms), not the criteria item (II.1 / III.2.b).
@pytest.mark.skipif(not os.path.isdir(NOTICES_DIR), reason="no ../shared/real-notices")
def test_english_who_question_on_an_imported_plan(tmp_path):
    """With the session's six notices loaded, as an admin would have them: a criteria item, or
    no answer."""
    for name in SESSION_NOTICES:
        done = _bot(tmp_path, "import", os.path.join(NOTICES_DIR, name))
        assert done.returncode == 0, done.stderr
    got = _ask_json(tmp_path, "who must build the digital transformation criteria for businesses "
                              "in Dong Thap?")
    top = got["answers"][0] if got["answered"] else {}
    # the annex's task table row "Xây dựng Bộ tiêu chí … Cơ quan chủ trì: Sở KH&CN" answers too, since
    # the table is read row by row (tests/test_task_table_groups.py)
    assert not top or top["source"].endswith(("mục II.1", "mục III.2.b")) or "Bộ tiêu chí" in top["text"]


@pytest.mark.xfail(strict=True, reason="QA2 finding 4: 'Who has to test F1 contacts in Ha Long?' "
                   "is answered with the narrated report of the meeting (334 F1 screened …), while "
                   "the Vietnamese question gets the directive (item 7: xét nghiệm xong hết các F1)")
def test_english_f1_question_gets_the_directive_not_the_report(tmp_path):
    got = _ask_json(tmp_path, "Who has to test F1 contacts in Ha Long?")
    assert not got["answered"] or "xét nghiệm xong hết các F1" in got["answers"][0]["text"]


# --- misreadings: who must act -------------------------------------------------------------------

# QA2 finding 5 (fixed): a 'Kính gửi:' wrapped onto a second line ('… các tỉnh, thành phố' / 'trực thuộc
# Trung ương', as 17986/BTC-CT and 11208/BNV-KHTC arrive) left every item without an actor or unit and
# glued 'trực thuộc Trung ương' to the first paragraph: the date line was taken to end 30 characters
# after its 'ngày', inside the 'Kính gửi' line when the date is the short 'ngày 19 tháng 11 năm 2025'.
def test_wrapped_addressee_line_still_addresses_the_items():
    got = parse_text(
        "BỘ TÀI CHÍNH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        "Số: 17986/BTC-CT\nV/v phổ biến Cẩm nang nghiệp vụ thuế\nHà Nội, ngày 19 tháng 11 năm 2025\n\n"
        "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố\ntrực thuộc Trung ương\n"
        "Bộ Tài chính đề nghị các địa phương quan tâm chỉ đạo:\n"
        "1. Phổ biến rộng rãi nội dung Cẩm nang đến Ủy ban nhân dân cấp xã.\n"
        "2. Lồng ghép nội dung Cẩm nang vào chương trình tập huấn cho công chức cấp xã.\n")
    assert not got["items"][0]["text"].startswith("trực thuộc")
    numbered = [i for i in got["items"] if i["number"] in ("1", "2")]
    assert len(numbered) == 2 and all(i["units"] for i in numbered)


# QA2 finding 6 (fixed): the abbreviated departments of task tables and letters ('Sở KH&CN', 'Sở NN&MT')
# were not read as actors ('Sở GD&ĐT' was), so 617/KH-UBND's annex rows lost who leads them.
@pytest.mark.parametrize("body, unit", [("Sở KH&CN", "science"), ("Sở NN&MT", "agriculture"),
                                        ("Sở LĐ-TB&XH", "social"), ("Sở VH-TT&DL", "culture"),
                                        ("Sở TN&MT", "agriculture"), ("Sở GTVT", "construction")])
def test_abbreviated_department_is_an_actor(body, unit):
    got = parse_text(_HEAD + f"1. {body} xây dựng Bộ tiêu chí đánh giá mức độ chuyển đổi số doanh "
                     "nghiệp trước ngày 30/12/2025.\n")
    assert unit in got["items"][0]["units"]


# QA2 finding 7 (fixed): a heading 'Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh, Liên minh Hợp
# tác xã Tỉnh' gave its points no actor (in 617/KH-UBND they fell back to the issuing UBND).
def test_de_nghi_heading_names_who_acts():
    got = parse_text(_HEAD + "IV. TỔ CHỨC THỰC HIỆN\n\n"
                     "2. Đề nghị: Hiệp hội Doanh nghiệp tỉnh, Hội Nông dân tỉnh, Liên minh Hợp tác xã Tỉnh\n\n"
                     "a) Tuyên truyền, vận động hội viên tích cực tham gia các hoạt động chuyển đổi số.\n\n"
                     "b) Tiếp nhận các kiến nghị của các doanh nghiệp, gửi Sở Khoa học và Công nghệ tổng hợp.\n")
    for item in got["items"]:
        names = " ".join(a["name"] for a in item.get("actors", []))
        assert "Hiệp hội" in names or "Hội Nông dân" in names, item["number"]


# --- declined although the notice answers --------------------------------------------------------

def test_shorthand_bs_with_phai(tmp_path):
    got = _ask_json(tmp_path, "tram y te phai co bs truoc ngay nao")
    assert got["answered"] and "30/11/2021" in got["answers"][0]["text"]


# QA2 finding 9 (fixed): 'booster shot' was declined while 'booster dose' was understood: the English
# summaries say 'booster dose', and an English word now also matches the glossary's other wordings of
# the same thing; 'deadline', a question word, no longer counts as the topic.
def test_booster_shot_is_the_third_dose(tmp_path):
    got = _ask_json(tmp_path, "what is the deadline for the booster shot?")
    assert got["answered"] and "mũi 3" in got["answers"][0]["text"]


# --- imports -------------------------------------------------------------------------------------

def test_docx_auto_numbered_points_keep_their_numbers(tmp_path):
    pytest.importorskip("docx")
    from tests.docx_notices import letterheaded_docx

    doc = letterheaded_docx("UỶ BAN NHÂN DÂN\nXÃ HÒA BÌNH", "Số: 45/TB-UBND", "Hòa Bình, ngày 20 tháng 11 năm 2026")
    doc.add_paragraph("THÔNG BÁO")
    doc.add_paragraph("Về việc triển khai tiêm vắc xin sởi cho trẻ em")
    doc.add_paragraph("Trạm Y tế xã lập danh sách trẻ em chưa tiêm vắc xin sởi, gửi về UBND xã "
                      "trước ngày 05/12/2026.", style="List Number")
    doc.add_paragraph("Các trường mầm non phối hợp với Trạm Y tế tổ chức tiêm bổ sung cho trẻ "
                      "trước ngày 20/12/2026.", style="List Number")
    path = tmp_path / "tb45.docx"
    doc.save(path)
    done = _bot(tmp_path, "import", str(path), "--json")
    assert done.returncode == 0, done.stderr
    items = json.loads(done.stdout)["items"]
    assert [i["number"] for i in items if i["deadlines"]] == ["1", "2"]


# --- polish --------------------------------------------------------------------------------------

def test_empty_question_on_the_command_line_gets_a_hint(tmp_path):
    done = _bot(tmp_path, "ask", "")
    assert done.returncode != 0 and (done.stdout.strip() or done.stderr.strip())
