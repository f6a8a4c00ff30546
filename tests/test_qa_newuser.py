"""QA as a new user: bugs found by importing notices and asking questions through `bot.py`.

Each test is a minimal reproduction of one finding of the qa session (a fresh admin importing
a notice with `bot.py import`, or listing deadlines with `bot.py deadlines`). They fail on the
branch where they were written, so each is marked a strict expected failure (the suite stays
green; a fix makes it pass, and strict turns that into a failure until the mark is removed).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from knowledge.parser import parse_text

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

BODY = """
THÔNG BÁO
Kết luận về phòng, chống dịch sốt xuất huyết

1. UBND các xã báo cáo kết quả về Sở Y tế trước ngày 15/12/2026.
2. Sở Y tế cấp phát hóa chất cho các xã trước ngày 10/12/2026.
"""


def _bot(tmp_path, *args: str, stdin: str | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("BOT_TOKEN", "DATABASE_URL")}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path}/qa.db"
    done = subprocess.run([sys.executable, "bot.py", *args], cwd=ROOT, env=env, input=stdin,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_letterhead_with_number_under_the_issuer():
    """The left column of a letterhead read first (as a PDF or a copied page gives it): issuer,
    then "Số: …", then the national motto. The number must not be glued into the issuer."""
    head = ("UBND TỈNH HÀ TĨNH\nBAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH BỆNH\nSố: 27/TB-BCĐ\n\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Hà Tĩnh, ngày 20 tháng 11 năm 2026\n")
    got = parse_text(head + BODY)
    assert got["number"] == "27/TB-BCĐ"
    assert "27/TB" not in (got["issuer"] or "")


def test_letterhead_side_by_side_keeps_issuer_and_date():
    """A PDF's text layer gives the two letterhead columns side by side on each line."""
    head = ("UBND TỈNH HÀ TĨNH                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH     Độc lập - Tự do - Hạnh phúc\n"
            "Số: 27/TB-BCĐ                     Hà Tĩnh, ngày 20 tháng 11 năm 2026\n")
    got = parse_text(head + BODY)
    assert got["date"] == "2026-11-20"
    assert got["issuer"]


def test_first_numbered_item_is_not_taken_for_the_title():
    """A short notice pasted without a title line: its first directive must stay an item."""
    got = parse_text("THÔNG BÁO\n1. Các xã hoàn thành trước ngày 30/12/2026.\n"
                     "2. Báo cáo kết quả trước ngày 31/12/2026.\n")
    assert len([i for i in got["items"] if i["kind"] != "context"]) == 2


def test_recurring_duty_of_an_older_notice_is_listed_as_upcoming(tmp_path):
    """`bot.py deadlines` lists a monthly duty at its next occurrence, not as long past."""
    notice = tmp_path / "monthly.txt"
    notice.write_text(
        "UBND TỈNH HÀ TĨNH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 9/TB-UBND\nHà Tĩnh, ngày 02 tháng 3 năm 2024\n\nTHÔNG BÁO\n"
        "Về chế độ báo cáo phòng, chống dịch\n\n"
        "1. UBND các xã báo cáo kết quả phòng, chống dịch về Sở Y tế trước ngày 25 hằng tháng.\n",
        encoding="utf-8")
    _bot(tmp_path, "import", str(notice))
    rows = [json.loads(l) for l in _bot(tmp_path, "deadlines", "--json").splitlines() if l.strip()]
    assert [r["phrase"] for r in rows] == ["trước ngày 25 hằng tháng"]


def test_plan_attached_to_a_decision_is_read(tmp_path):
    """A Quyết định that issues a Kế hoạch 'kèm theo' carries its tasks after the signature."""
    text = """ỦY BAN NHÂN DÂN
TỈNH HÀ TĨNH

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 1627/QĐ-UBND
Hà Tĩnh, ngày 21 tháng 11 năm 2026

QUYẾT ĐỊNH
Ban hành Kế hoạch kiểm kê tài sản công năm 2027

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch kiểm kê tài sản công năm 2027.
Điều 2. Giám đốc Sở Tài chính, Chủ tịch UBND các xã chịu trách nhiệm thi hành Quyết định này./.

Nơi nhận:
- Như Điều 2;
- Lưu: VT.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn A

KẾ HOẠCH
Kiểm kê tài sản công năm 2027
(Kèm theo Quyết định số 1627/QĐ-UBND ngày 21/11/2026 của UBND tỉnh)

I. NHIỆM VỤ
1. UBND các xã tổ chức kiểm kê tài sản công, gửi báo cáo về Sở Tài chính trước ngày 15/4/2027.
2. Sở Tài chính tổng hợp kết quả kiểm kê, báo cáo Bộ Tài chính trước ngày 31/5/2027.
"""
    got = parse_text(text)
    dates = sorted(d["date"] for i in got["items"] for d in i["deadlines"])
    assert dates == ["2027-04-15", "2027-05-31"]


def _ask_json(tmp_path, question: str) -> dict:
    return json.loads(_bot(tmp_path, "ask", "--json", stdin=question + "\n").splitlines()[0])


def test_y_for_i_spelling_variant(tmp_path):
    """'bác sỹ' is how many officials spell 'bác sĩ' (y/i variants: sỹ/sĩ, kỹ/kĩ, lý/lí)."""
    got = _ask_json(tmp_path, "trạm y tế phải có bác sỹ trước ngày nào")
    assert got["answered"] and "30/11/2021" in got["answers"][0]["text"]


def test_who_signed_is_not_answered_with_an_unrelated_item(tmp_path):
    """A question about a notice's signer gets the signer or 'not found', never a directive
    that says nothing of it (a confident wrong answer)."""
    got = _ask_json(tmp_path, "thông báo 102 do ai ký")
    assert not got["answered"] or "Đào Bích Vân" in json.dumps(got, ensure_ascii=False)


def test_deadline_earlier_today_is_said_to_have_passed(tmp_path):
    """'trước 0 giờ 05 ngày <today>' asked later that day: the hour has passed, so the reply
    says 'đã qua', not 'hôm nay' (which reads as 'still due today')."""
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    now = datetime.now(ZoneInfo("Asia/Ho_Chi_Minh"))
    if now.hour == 0 and now.minute < 10:
        pytest.skip("too close to midnight for this check")
    today, yesterday = now.date(), now.date() - timedelta(days=1)
    notice = tmp_path / "urgent.txt"
    notice.write_text(
        "UBND XÃ HÒA BÌNH\nSố: 15/TB-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        f"Độc lập - Tự do - Hạnh phúc\n\nHòa Bình, ngày {yesterday.day} tháng {yesterday.month} "
        f"năm {yesterday.year}\n\nTHÔNG BÁO\nVề ứng phó bão\n\n"
        "1. Các thôn trưởng lập danh sách hộ dân ở vùng trũng thấp, gửi về UBND xã "
        f"trước 0 giờ 05 ngày {today:%d/%m/%Y}.\n", encoding="utf-8")
    _bot(tmp_path, "import", str(notice))
    reply = _bot(tmp_path, "ask", "thôn trưởng gửi danh sách hộ dân trước mấy giờ")
    assert "đã qua" in reply and "hôm nay" not in reply


def test_yearless_deadline_is_not_before_the_notice_date():
    """'trước ngày 15/9' in a notice of 22/9/2025 is next September, not a week before it was
    issued (seen in 2554/SGDĐT-GDPT: 'đã qua' from the day it arrives)."""
    got = parse_text(
        "UBND THÀNH PHỐ HỒ CHÍ MINH\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n\nSố: 2554/SGDĐT-GDPT\nTP. Hồ Chí Minh, ngày 22 tháng 9 năm 2025\n\n"
        "V/v triển khai dạy học Tin học\n\n"
        "1. Các cơ sở giáo dục gửi báo cáo kế hoạch dạy học Tin học trước ngày 15/9.\n")
    assert got["date"] == "2025-09-22"
    assert all(d["date"] >= got["date"] for i in got["items"] for d in i["deadlines"])


@pytest.mark.parametrize("place", ["Thành phố Hồ Chí Minh", "Thành phố Đà Nẵng", "Thành phố Huế"])
def test_place_and_date_line_of_a_city(place):
    """'Thành phố Hồ Chí Minh, ngày 22 tháng 9 năm 2025' is how HCMC's offices date a notice;
    'TP. Hồ Chí Minh, ngày …' and 'Hà Nội, ngày …' are read, this one is not."""
    got = parse_text(
        "UBND TỈNH X\nSỞ Y TẾ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
        f"Số: 25/SYT-NV\n{place}, ngày 22 tháng 9 năm 2025\n\nV/v triển khai\n\n"
        "1. Các trạm y tế gửi báo cáo trước ngày 30/9/2025.\n")
    assert got["date"] == "2025-09-22"


NOTICES_DIR = os.path.join(os.path.dirname(ROOT), "shared", "real-notices")


@pytest.mark.skipif(not os.path.isdir(NOTICES_DIR), reason="no ../shared/real-notices")
def test_out_of_scope_question_beside_a_real_notice_is_declined(tmp_path):
    """With the Government Office's 294/TB-VPCP on real estate imported beside the seeds,
    'luong giao vien tang bao nhieu' (teachers' pay, typed without accents) is answered with
    '... lượng giao dịch bất động sản đều tăng ...': 'luong' read as 'lượng', 'tang' as 'tăng'.
    With accents the same question is declined, as it should be."""
    _bot(tmp_path, "import", os.path.join(NOTICES_DIR, "tbkl-92e06f6c90c0be2f.md"))
    assert not _ask_json(tmp_path, "lương giáo viên tăng bao nhiêu")["answered"]
    assert not _ask_json(tmp_path, "luong giao vien tang bao nhieu")["answered"]


# --- second QA session (2026-11-24): eight real notices imported by a new admin ----------------
# Each test below reproduces one numbered finding of /work/notes/qa_findings.md; those still
# marked xfail fail today (1, 3 and 6 were fixed on branch trust).


def test_rain_question_without_accents_is_declined(tmp_path):
    """An everyday question about the weather must be declined, typed with or without accents."""
    assert not _ask_json(tmp_path, "hom nay troi co mua ko")["answered"]


# QA finding 2 (fixed): an English 'who is in charge of X' about a topic only one notice mentions was
# answered with a Covid boarding-house item: 'in charge' (the question frame) counted as the topic.
@pytest.mark.skipif(not os.path.isdir(NOTICES_DIR), reason="no ../shared/real-notices")
def test_english_who_question_answers_from_the_notice_that_names_the_topic(tmp_path):
    """11299/VPCP-KGVX names the Ministry of Science and Technology as the lead of the national
    radiation monitoring network; the same question in Vietnamese is answered right."""
    _bot(tmp_path, "import", os.path.join(NOTICES_DIR, "tb-06690fd4027d01c8.md"))
    got = _ask_json(tmp_path, "who is in charge of the radiation monitoring network?")
    assert not got["answered"] or got["answers"][0]["source"].startswith("11299/VPCP-KGVX")


@pytest.mark.skipif(not os.path.isdir(NOTICES_DIR), reason="no ../shared/real-notices")
def test_weather_question_beside_a_real_notice_is_declined(tmp_path):
    _bot(tmp_path, "import", os.path.join(NOTICES_DIR, "kl-405a6cabda393030.md"))
    assert not _ask_json(tmp_path, "thời tiết hôm nay")["answered"]


def test_plan_after_the_signature_without_kem_theo_line_is_read():
    """QA finding 4: a Kế hoạch issued by a Quyết định ("Ban hành kèm theo Quyết định này Kế hoạch …")
    follows the signature without a '(Kèm theo Quyết định …)' line; it is read all the same."""
    text = """ỦY BAN NHÂN DÂN
TỈNH SƠN LA

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 2954/QĐ-UBND
Sơn La, ngày 20 tháng 11 năm 2025

QUYẾT ĐỊNH
Về việc ban hành Kế hoạch xuất khẩu sản phẩm hàng hóa tỉnh Sơn La giai đoạn 2026 - 2030

Điều 1. Ban hành kèm theo Quyết định này Kế hoạch xuất khẩu sản phẩm hàng hóa tỉnh Sơn La giai đoạn 2026 - 2030.
Điều 2. Giao Sở Công Thương chủ trì triển khai thực hiện Kế hoạch.
Điều 3. Quyết định này có hiệu lực kể từ ngày ký ban hành./.

Nơi nhận:
- Như Điều 3;
- Lưu: VT.

TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Thành Công

KẾ HOẠCH
XUẤT KHẨU SẢN PHẨM HÀNG HÓA TỈNH SƠN LA GIAI ĐOẠN 2026 - 2030

Ủy ban nhân dân tỉnh Sơn La ban hành Kế hoạch xuất khẩu sản phẩm hàng hóa giai đoạn 2026 - 2030 như sau:

I. MỤC TIÊU
1. Duy trì tốc độ tăng trưởng xuất khẩu ổn định.

II. CHẾ ĐỘ BÁO CÁO
1. Các Sở, ngành, UBND các xã, phường báo cáo tình hình thực hiện Kế hoạch, gửi Sở Công Thương trước ngày 16 hàng tháng.
2. Sở Công Thương tổng hợp báo cáo UBND tỉnh trước ngày 30/11 hàng năm.
"""
    phrases = [d["phrase"] for i in parse_text(text)["items"] for d in i["deadlines"]]
    assert phrases == ["trước ngày 16 hàng tháng", "trước ngày 30/11 hàng năm"]


_HEAD = ("\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
         "Số: {number}\nHà Nội, ngày 21 tháng 11 năm 2025\n\n")


# QA finding 5: letterheads and titles in capitals lost the capitals of names ('Sở Giáo dục và Đào
# tạo thành phố Hồ chí minh', 'phó Thủ tướng Chính phủ hồ quốc dũng', 'ứng dụng tms').
@pytest.mark.parametrize("letterhead, number, title, field, expected", [
    ("UBND THÀNH PHỐ HỒ CHÍ MINH\nSỞ GIÁO DỤC VÀ ĐÀO TẠO", "5155/SGDĐT-GDTXNNĐH",
     "V/v hướng dẫn đánh giá trung tâm học tập cộng đồng", "issuer", "Hồ Chí Minh"),
    ("VĂN PHÒNG CHÍNH PHỦ", "659/TB-VPCP",
     "THÔNG BÁO\nKẾT LUẬN CỦA PHÓ THỦ TƯỚNG CHÍNH PHỦ HỒ QUỐC DŨNG TẠI CUỘC HỌP VỀ CÔNG TÁC PHÁP LUẬT",
     "title", "Hồ Quốc Dũng"),
    ("CỤC THUẾ", "983/TB-CT",
     "THÔNG BÁO\nKẾ HOẠCH TẠM DỪNG ỨNG DỤNG TMS PHỤC VỤ VIỆC CHUYỂN ĐỔI HỆ THỐNG MÁY CHỦ",
     "title", "TMS"),
])
def test_names_and_acronyms_keep_their_capitals(letterhead, number, title, field, expected):
    got = parse_text(letterhead + _HEAD.format(number=number) + title + "\n\n"
                     "1. Các đơn vị báo cáo kết quả trước ngày 15/12/2025.\n")
    assert expected in (got[field] or "")


@pytest.mark.skipif(not os.path.isdir(NOTICES_DIR), reason="no ../shared/real-notices")
def test_how_question_is_not_answered_with_a_legal_basis_line(tmp_path):
    """A 'Căn cứ …' line says what the notice rests on; it orders nothing and answers no 'how'."""
    _bot(tmp_path, "import", os.path.join(NOTICES_DIR, "cv-3870cd0c35318a44.md"))
    got = _ask_json(tmp_path, "ntn để đánh giá trung tâm học tập cộng đồng")
    assert not got["answered"] or not got["answers"][0]["text"].startswith("Căn cứ")


def test_preview_lists_a_yearly_duty_at_its_next_occurrence():
    from datetime import date

    from scheduler.broadcast import notice_deadlines

    parsed = parse_text(
        "UBND THÀNH PHỐ HỒ CHÍ MINH\nSỞ GIÁO DỤC VÀ ĐÀO TẠO" + _HEAD.format(number="5155/SGDĐT-GDTXNNĐH")
        .replace("ngày 21 tháng 11 năm 2025", "ngày 28 tháng 11 năm 2024")
        + "V/v đánh giá trung tâm học tập cộng đồng\n\n"
        "1. Ủy ban nhân dân phường, xã gửi kết quả đánh giá về Sở Giáo dục và Đào tạo, "
        "hạn cuối ngày 15 tháng 12 hàng năm.\n")
    assert all(d >= date.today() for d in notice_deadlines(parsed))


def test_a_file_that_is_not_a_notice_is_not_stored(tmp_path):
    import base64
    import random

    rng = random.Random(0)
    junk = tmp_path / "junk.txt"
    junk.write_text(base64.encodebytes(bytes(rng.getrandbits(8) for _ in range(30000))).decode())
    env = {k: v for k, v in os.environ.items() if k not in ("BOT_TOKEN", "DATABASE_URL")}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path}/qa.db"
    done = subprocess.run([sys.executable, "bot.py", "import", str(junk)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode != 0 and "Đã nhập" not in done.stdout
