"""QA3, a new user on 2026-11-24: findings of a fourth new-user session, as strict expected failures.

A commune official in a flood-hit province (no accents, chat shorthand), an English-speaking NGO
worker and an admin drove `bot.py` as the README tells a newcomer, over a flood công điện written for
the session (18/CĐ-UBND Quảng Trị, below) and five real notices not used before (465/KH-UBND Huế, a
legal Q&A page on khóa tài khoản định danh điện tử, 37700/TB-CHQ, a news page on 2262/CSGT-P5,
37413/CHQ-NVTHQ). Each test is the smallest reproduction of one finding; it asserts what the user
expected (answered or not, which item, which date, which unit), not a wording. Failing ones are
strict xfails: the suite stays green, and a fix turns the mark into a failure until it is removed.
Earlier sessions' findings (tests/test_qa_newuser.py, tests/test_qa2_newuser.py) are not repeated.

The questions asked of the loaded notices are put in one `ask --json` run (the module's knowledge
base is built once), so the module takes about half a minute.
"""
from __future__ import annotations

import json
import os
from datetime import date

import pytest

from knowledge.parser import parse_text
from tests.console_session import ask_all, run_bot

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOTICES_DIR = os.path.join(os.path.dirname(ROOT), "shared", "real-notices")
SESSION_NOTICES = ("kh-8890b789e4f9769d.md", "tb-a388c20b244e1ded.md", "tb-f902003eceb8dedf.md",
                   "cv-fd1cd62bc173d970.md", "cv-e0b9a318eafcfc30.md")
needs_real = pytest.mark.skipif(not os.path.isdir(NOTICES_DIR), reason="no ../shared/real-notices")

_MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"

# Written for the session, as a provincial flood công điện is laid out (Decree 30/2020).
FLOOD = ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\n\n" + _MOTTO +
         "Số: 18/CĐ-UBND\nQuảng Trị, ngày 24 tháng 11 năm 2026\n\n"
         "CÔNG ĐIỆN\nVề việc tập trung ứng phó mưa lũ và khắc phục hậu quả\n\n"
         "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH điện:\n"
         "- Giám đốc các Sở: Nông nghiệp và Môi trường, Xây dựng, Y tế, Giáo dục và Đào tạo;\n"
         "- Chủ tịch Ủy ban nhân dân các xã, phường;\n"
         "- Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh.\n\n"
         "Từ ngày 20/11/2026 đến nay, trên địa bàn tỉnh đã xảy ra mưa lớn, lũ trên các sông dâng cao, "
         "nhiều khu dân cư bị ngập sâu. Để chủ động ứng phó và sớm khắc phục hậu quả, Chủ tịch Ủy ban "
         "nhân dân tỉnh yêu cầu:\n\n"
         "1. Chủ tịch Ủy ban nhân dân các xã, phường:\n"
         "a) Tổ chức sơ tán toàn bộ người dân ở khu vực ngập sâu, ven sông, có nguy cơ sạt lở đất đến "
         "nơi an toàn, hoàn thành trước 17 giờ ngày 25/11/2026.\n"
         "b) Bố trí lực lượng canh gác tại các ngầm, tràn, đoạn đường bị ngập; kiên quyết không cho "
         "người và phương tiện qua lại khi nước chảy xiết.\n"
         "c) Thống kê thiệt hại về người, nhà ở, cây trồng, vật nuôi, báo cáo Sở Nông nghiệp và Môi "
         "trường trước ngày 28/11/2026.\n\n"
         "2. Sở Giáo dục và Đào tạo chỉ đạo các trường học cho học sinh nghỉ học tại những nơi bị ngập "
         "lụt; kiểm tra, vệ sinh trường lớp, bảo đảm học sinh đi học trở lại trước ngày 02/12/2026.\n\n"
         "3. Sở Y tế chỉ đạo các Trạm Y tế xã, phường cấp phát Cloramin B cho các hộ dân vùng ngập để "
         "xử lý nước sinh hoạt; tổ chức phun hóa chất khử khuẩn, phòng chống dịch bệnh sau lũ, hoàn "
         "thành trong tháng 12 năm 2026.\n\n"
         "4. Sở Xây dựng kiểm tra, khắc phục các điểm sạt lở trên tuyến đường tỉnh, bảo đảm thông xe "
         "trước ngày 30/11/2026.\n\n"
         "5. Bộ Chỉ huy Quân sự tỉnh bố trí lực lượng, phương tiện sẵn sàng hỗ trợ các xã, phường sơ "
         "tán người dân khi có yêu cầu.\n\n"
         "6. Sở Nông nghiệp và Môi trường tổng hợp thiệt hại trên địa bàn toàn tỉnh, báo cáo Ủy ban "
         "nhân dân tỉnh trước ngày 01/12/2026.\n\n"
         "Yêu cầu Thủ trưởng các cơ quan, đơn vị nghiêm túc thực hiện./.\n\n"
         "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn Long\n")

# A commune's notice with recurring and lunar deadlines, written for the session.
COMMUNE = ("UỶ BAN NHÂN DÂN\nXÃ TRIỆU PHONG\n-------\n" + _MOTTO +
           "Số: 52/TB-UBND\nTriệu Phong, ngày 20 tháng 11 năm 2026\n\n"
           "THÔNG BÁO\nVề chế độ báo cáo định kỳ và tổ chức Lễ Vu lan năm 2027\n\n"
           "Kính gửi:\n- Các thôn trên địa bàn xã;\n- Trạm Y tế xã;\n- Công an xã.\n\n"
           "Ủy ban nhân dân xã thông báo như sau:\n\n"
           "1. Trưởng các thôn báo cáo tình hình thiệt hại do mưa lũ về Ủy ban nhân dân xã trước ngày "
           "20 hằng tháng.\n"
           "2. Trạm Y tế xã tổng hợp số ca bệnh sốt xuất huyết, gửi Ủy ban nhân dân xã vào thứ Sáu "
           "hằng tuần.\n"
           "3. Công an xã phối hợp với Ban quản lý chùa bảo đảm an ninh trật tự Lễ Vu lan, hoàn thành "
           "phương án trước ngày 15 tháng 7 âm lịch năm 2027.\n"
           "4. Văn phòng Ủy ban nhân dân xã tổng hợp báo cáo năm, gửi Ủy ban nhân dân tỉnh trước ngày "
           "15/12/2026.\n\n"
           "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn Hải\n")

# Every question the tests ask of the session's knowledge base, asked in one run.
ASKED = (
    "When will the rain stop in Quang Tri?",
    "co phai dong cua cho ko",
    "tiem vac xin cho tre sau lu ntn",
    "What must the provincial military command do?",
    "Who should the commune report damage to?",
    "so nong nghiep bao cao khi nao",
    "By when must the provincial roads be reopened?",
    "hạn chót sơ tán dân",
    "so tan dan phai xong truoc may h",
    "UBND xã phải làm gì khi có lũ",
    "xa bao cao thiet hai cho ai",
    "hạn chót báo cáo thiệt hại của xã là khi nào",
    "ke khai tai san ubnd xa phai lam gi",
    "khóa tài khoản định danh điện tử mất mấy ngày",
    "What is the HS code for the shielded signal cable?",
    "How many questions are in the motorbike A1 driving theory test?",
    "khi nao hs dc di hoc lai",
    "ai canh gac ngam tran",
    "By when must people in deep flood areas be evacuated?",
    "Who distributes Chloramine B to households?",
    "phun thuoc khu khuan sau lu khi nao phai xong",
    "moi ho dan bi ngap dc ho tro bao nhieu tien",
    "How much cash aid will each flooded family receive?",
    "What is the deadline for asset declarations in Hue?",
    "What are the duties of the Department of Health in the flood?",
    "Who must guard flooded fords and spillways?",
)


@pytest.fixture(scope="module")
def answers(tmp_path_factory) -> dict:
    """The answers of the session's knowledge base (the flood công điện and the five real
    notices, imported as the admin did) to every question in ASKED."""
    if not os.path.isdir(NOTICES_DIR):
        pytest.skip("no ../shared/real-notices")
    folder = tmp_path_factory.mktemp("qa3")
    db = str(folder / "qa3.db")
    flood = folder / "cd18.txt"
    flood.write_text(FLOOD, encoding="utf-8")
    for path in [str(flood)] + [os.path.join(NOTICES_DIR, n) for n in SESSION_NOTICES]:
        done = run_bot(db, "import", path)
        assert done.returncode == 0, done.stderr
    return ask_all(db, ASKED)


def _top(answers: dict, question: str) -> dict:
    got = answers[question]
    return got["answers"][0] if got["answered"] and got["answers"] else {}


def _declined(answers: dict, question: str) -> bool:
    return not answers[question]["answered"]


# --- confidently wrong ---------------------------------------------------------------------------

def test_weather_question_is_declined(answers):
    """QA3 finding 1, fixed on branch english4: it was answered with 18/CĐ-UBND item 4 (roads
    reopened by 30/11/2026); no notice says when the rain stops."""
    assert _declined(answers, "When will the rain stop in Quang Tri?")


@pytest.mark.xfail(strict=True, reason="QA3 finding 2: 'co phai dong cua cho ko' (must the market "
                   "close?) is answered with Lai Châu's 2021 vaccine item (102-TB/VPTU item 4)")
def test_market_closing_question_is_declined(answers):
    assert _declined(answers, "co phai dong cua cho ko")


@pytest.mark.xfail(strict=True, reason="QA3 finding 3: 'tiem vac xin cho tre sau lu ntn' (vaccinating "
                   "children after the flood) is answered with Lai Châu's 2021 Covid vaccination item; "
                   "'sau lũ' is ignored and nothing loaded speaks of it")
def test_vaccination_after_the_flood_is_declined(answers):
    assert _declined(answers, "tiem vac xin cho tre sau lu ntn")


@pytest.mark.xfail(strict=True, reason="QA3 finding 4: English questions on what a provincial body must do "
                   "in the flood get a 2021 Covid item: 'What must the provincial military command do?' "
                   "Quảng Ngãi's field hospital (Bộ Tư lệnh Quân khu 5), not 18/CĐ-UBND item 5; 'What are the "
                   "duties of the Department of Health in the flood?' Bình Dương's F0 item, not item 3 "
                   "(in Vietnamese, 'bo chi huy quan su tinh phai lam gi' finds item 5)")
@pytest.mark.parametrize("question, item", [
    ("What must the provincial military command do?", "mục 5"),
    ("What are the duties of the Department of Health in the flood?", "mục 3"),
])
def test_english_what_must_a_body_do_in_the_flood(answers, question, item):
    source = _top(answers, question).get("source", "")
    assert source.startswith("18/CĐ-UBND") and source.endswith(item)


@pytest.mark.xfail(strict=True, reason="QA3 finding 5: 'Who should the commune report damage to?' is "
                   "answered with item 6 (the Sở reports to the province by 01/12), not item 1.c (the "
                   "communes report to Sở Nông nghiệp và Môi trường by 28/11)")
def test_english_commune_report_question(answers):
    assert _top(answers, "Who should the commune report damage to?").get("source", "").endswith("mục 1.c")


# QA3 finding 6 (fixed, knowledge/within.py actor_first): 'so nong nghiep bao cao khi nao' (when does the
# agriculture department report?) gave item 1.c, 28/11/2026 (the communes' report TO the Sở), not item 6,
# 01/12/2026: of two points of one notice holding the body a question opens with, the one it acts in leads.
def test_shorthand_department_report_deadline(answers):
    top = _top(answers, "so nong nghiep bao cao khi nao")
    assert top.get("source", "").endswith("mục 6") and "01/12/2026" in top["text"]


# --- declined although the notice answers --------------------------------------------------------

# QA3 finding 7 (fixed): 'By when must the provincial roads be reopened?' was declined with item 4
# (thông xe trước 30/11/2026) as its best candidate ('reopen' did not read 'thông xe').
def test_english_road_reopening_deadline(answers):
    top = _top(answers, "By when must the provincial roads be reopened?")
    assert top.get("source", "").endswith("mục 4") and "30/11/2026" in top["text"]


@pytest.mark.parametrize("question", [
    "hạn chót sơ tán dân",    # QA3 finding 8, fixed for this wording: 'hạn chót' asks for a date, it is no topic
    pytest.param("so tan dan phai xong truoc may h", marks=pytest.mark.xfail(
        strict=True, reason="QA3 finding 8: the evacuation deadline (item 1.a, 17:00 25/11/2026) is declined "
        "when asked 'so tan dan phai xong truoc may h', though it is the best candidate ('By when must "
        "people … be evacuated?' is answered; 'may h' is not read as 'mấy giờ')")),
])
def test_evacuation_deadline_in_vietnamese(answers, question):
    assert _top(answers, question).get("source", "").endswith("mục 1.a")


@pytest.mark.xfail(strict=True, reason="QA3 finding 9: 'UBND xã phải làm gì khi có lũ' is declined with "
                   "a 2021 Covid item as best candidate: items 1.a-1.c fall under the heading '1. Chủ tịch "
                   "Ủy ban nhân dân các xã, phường:' and the commune is not found from the heading")
def test_what_must_the_commune_do_in_a_flood(answers):
    assert _top(answers, "UBND xã phải làm gì khi có lũ").get("source", "").endswith(
        ("mục 1.a", "mục 1.b", "mục 1.c"))


@pytest.mark.parametrize("question", [
    "xa bao cao thiet hai cho ai",     # QA3 finding 10, fixed
    "hạn chót báo cáo thiệt hại của xã là khi nào",
])
def test_commune_damage_report(answers, question):
    assert _top(answers, question).get("source", "").endswith("mục 1.c")


@pytest.mark.xfail(strict=True, reason="QA3 finding 11: 'ke khai tai san ubnd xa phai lam gi' is "
                   "declined (with accents it is answered from 465/KH-UBND); answered on the declines "
                   "branch alone (knowledge.concepts.seams), declined again beside the later changes")
def test_shorthand_asset_declaration_question(answers):
    assert _top(answers, "ke khai tai san ubnd xa phai lam gi").get("source", "").startswith("465/KH-UBND")


@pytest.mark.xfail(strict=True, reason="QA3 finding 12: 'khóa tài khoản định danh điện tử mất mấy ngày' "
                   "is declined; the page says 'Thời hạn giải quyết: Trong thời hạn 03 ngày làm việc' "
                   "('thoi han giai quyet khoa tai khoan' is answered)")
def test_how_many_days_to_lock_an_eid_account(answers):
    assert "03 ngày làm việc" in _top(answers, "khóa tài khoản định danh điện tử mất mấy ngày").get("text", "")


_QA3_13 = pytest.mark.xfail(strict=True, reason="QA3 finding 13: English questions the notices answer are "
                            "declined: the HS code (8544.49.24, 37700/TB-CHQ, its best candidate) and the A1 "
                            "theory test (250 questions, 2262/CSGT-P5)")


@pytest.mark.parametrize("question, expected", [
    pytest.param("What is the HS code for the shielded signal cable?", "8544.49.24", marks=_QA3_13),
    pytest.param("How many questions are in the motorbike A1 driving theory test?", "250", marks=_QA3_13),
    # fixed: 'guard', 'ford' and 'spillway' (ngầm, tràn) read in the glossary
    ("Who must guard flooded fords and spillways?", "canh gác tại các ngầm, tràn"),
])
def test_english_questions_on_rulings_and_pages(answers, question, expected):
    assert expected in _top(answers, question).get("text", "")


# --- misreadings: content, who must act, issuer ---------------------------------------------------

_CUSTOMS = ("BỘ TÀI CHÍNH\nCỤC HẢI QUAN\n\n" + _MOTTO + "Số: 37413/CHQ-NVTHQ\nV/v kê khai trị giá hải quan\n"
            "Hà Nội, ngày 21 tháng 11 năm 2025\n\nKính gửi: Công ty TNHH Sunny Automotive Vina.\n"
            "(Đ/c: Lô CN06, KCN Bình Xuyên II, xã Bình Tuyền, Phú Thọ)\n\n"
            "Cục Hải quan nhận được công văn số 2025-005/SAV-CHQ ngày 10/11/2025 của Công ty đề nghị hướng "
            "dẫn việc kê khai trị giá hải quan hàng mẫu xuất khẩu. Về vấn đề này, Cục Hải quan có ý kiến "
            "như sau:\n"
            "- Điều 86 Luật Hải quan số 54/2014/QH13 quy định trị giá hải quan hàng hóa xuất khẩu là giá bán "
            "của hàng hóa tính đến cửa khẩu xuất, không bao gồm phí bảo hiểm và phí vận chuyển quốc tế.\n"
            "- Căn cứ khoản 3 Điều 1 Thông tư số 60/2019/TT-BTC ngày 30/8/2019, trị giá hải quan hàng hóa "
            "xuất khẩu được xác định bằng cách áp dụng tuần tự các phương pháp.\n"
            "Giá bán hàng hóa tính đến cửa khẩu xuất là giá bán ghi trên hợp đồng mua bán hàng hóa.\n"
            "Cục Hải quan thông báo để Công ty biết và thực hiện./.\n")


# QA3 finding 14 (fixed): an addressee's "(Đ/c: …)" line let the addressee block swallow the letter's opening.
def test_addressee_address_line_keeps_the_first_points():
    texts = [i["text"] for i in parse_text(_CUSTOMS)["items"]]
    assert any(t.startswith("Điều 86 Luật Hải quan") for t in texts)


def test_without_the_address_line_the_points_are_kept():
    texts = [i["text"] for i in parse_text(_CUSTOMS.replace(
        "(Đ/c: Lô CN06, KCN Bình Xuyên II, xã Bình Tuyền, Phú Thọ)\n", ""))["items"]]
    assert any(t.startswith("Điều 86 Luật Hải quan") for t in texts)


_NEWS_PLAN = ("# Kế hoạch kê khai tài sản thu nhập năm 2025 tại Huế (Kế hoạch 465/KH-UBND)\n\n"
              "Ngày 01/12/2025, UBND thành phố Huế đã ban hành Kế hoạch 465/KH-UBND triển khai công tác "
              "kê khai, công khai tài sản, thu nhập năm 2025.\n\n"
              "Tại Mục I Kế hoạch 465/KH-UBND 2025 nêu rõ mục đích và yêu cầu như sau:\n\n"
              "1. Mục đích\n\n- Nâng cao trách nhiệm của các cơ quan, đơn vị trong việc kê khai tài sản.\n\n"
              "2. Yêu cầu\n\n- Việc kê khai phải đảm bảo nghiêm túc, thống nhất, kịp thời.\n\n"
              "Tại Mục II Kế hoạch 465/KH-UBND 2025 nêu rõ nội dung kế hoạch như sau:\n\n"
              "1. Việc chỉ đạo, triển khai thực hiện công tác kê khai\n\n"
              "- UBND các phường, xã chỉ đạo, triển khai thực hiện công tác kê khai tài sản, thu nhập.\n\n"
              "2. Tổ chức việc kê khai\n\n- Lập sổ theo dõi kê khai, giao, nhận các bản kê khai.\n")


# QA3 finding 15 (fixed): "Tại Mục II Kế hoạch … như sau:" opens section II of the page.
def test_news_page_sections_keep_distinct_numbers():
    numbers = [i["number"] for i in parse_text(_NEWS_PLAN)["items"] if i["number"]]
    assert len(numbers) == len(set(numbers))


# QA3 finding 16 (fixed).
def test_heads_of_departments_and_commune_chairs_are_actors():
    point = ("- Thủ trưởng các sở, ban ngành, đơn vị thuộc Ủy ban nhân dân thành phố; Chủ tịch Ủy ban nhân "
             "dân các xã, phường có trách nhiệm tiếp tục tổ chức tuyên truyền, phổ biến việc kê khai tài sản.")
    text = _NEWS_PLAN.replace("- UBND các phường, xã chỉ đạo, triển khai thực hiện công tác kê khai tài "
                              "sản, thu nhập.", point)
    item = next(i for i in parse_text(text)["items"] if i["text"].startswith("Thủ trưởng các sở"))
    assert "government" in item["units"]


_HA_TINH = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\n\n" + _MOTTO + "Số: 21/CĐ-UBND\nHà Tĩnh, ngày 24 tháng 11 năm 2026\n\n"
            "CÔNG ĐIỆN\nVề việc ứng phó lũ\n\nChủ tịch Ủy ban nhân dân tỉnh yêu cầu:\n")


# QA3 finding 17 (fixed).
@pytest.mark.parametrize("company", ["Công ty TNHH MTV Thủy lợi Nam Hà Tĩnh", "Công ty Điện lực Hà Tĩnh"])
def test_company_is_the_actor(company):
    item = parse_text(_HA_TINH + f"1. {company} bảo đảm an toàn hồ đập, cấp điện cho các khu sơ tán "
                      "trước ngày 30/11/2026.\n")["items"][-1]
    assert item["units"] != ["government"]


# QA3 finding 18 (fixed): only the first of the times of a daily report was kept.
def test_twice_daily_report_keeps_both_times():
    item = parse_text(_HA_TINH + "1. Công ty TNHH MTV Thủy lợi Nam Hà Tĩnh báo cáo mực nước hồ Kẻ Gỗ về "
                      "Sở Nông nghiệp và Môi trường 2 lần mỗi ngày, lúc 7 giờ và 16 giờ.\n")["items"][-1]
    assert {d["time"] for d in item["deadlines"]} == {"07:00", "16:00"}


# QA3 finding 21 (fixed): the open "hằng quý" gave a second, spurious end-of-quarter deadline.
def test_quarterly_report_with_its_day_is_one_deadline():
    item = parse_text(_HA_TINH + "1. Sở Nội vụ tổng hợp, báo cáo định kỳ hằng quý, trước ngày 25 của tháng "
                      "cuối quý.\n")["items"][-1]
    assert [date.fromisoformat(d["date"]).day for d in item["deadlines"]] == [25]


# QA3 finding 19 (fixed): a commune or ward the catalogue does not know was written in lower case.
@pytest.mark.parametrize("place, expected", [("XÃ TRIỆU PHONG", "xã Triệu Phong"),
                                             ("PHƯỜNG THUẬN HÓA", "phường Thuận Hóa")])
def test_issuer_keeps_the_place_name_capitalised(place, expected):
    text = COMMUNE.replace("XÃ TRIỆU PHONG", place)
    assert parse_text(text)["issuer"].endswith(expected)


@needs_real
# QA3 finding 20 (fixed): the authority line above the "Căn cứ" lines was glued to the title.
def test_authority_line_is_not_part_of_the_title():
    got = parse_text(open(os.path.join(NOTICES_DIR, "tb-f902003eceb8dedf.md"), encoding="utf-8").read())
    assert (got["number"], got["issuer"], got["date"]) == ("37700/TB-CHQ", "Cục Hải quan", "2025-11-21")
    assert "trưởng" not in got["title"].lower()


# --- what worked and matters ---------------------------------------------------------------------

@pytest.mark.parametrize("question, source, when", [
    ("khi nao hs dc di hoc lai", "mục 2", "02/12/2026"),
    ("ai canh gac ngam tran", "mục 1.b", None),
    ("By when must people in deep flood areas be evacuated?", "mục 1.a", "25/11/2026"),
    ("Who distributes Chloramine B to households?", "mục 3", None),
    ("phun thuoc khu khuan sau lu khi nao phai xong", "mục 3", "tháng 12 năm 2026"),
])
def test_flood_questions_answered_with_the_right_item(answers, question, source, when):
    top = _top(answers, question)
    assert top.get("source", "").startswith("18/CĐ-UBND") and top["source"].endswith(source)
    assert when is None or when in top["text"]


@pytest.mark.parametrize("question", [
    "moi ho dan bi ngap dc ho tro bao nhieu tien",
    "How much cash aid will each flooded family receive?",
    "What is the deadline for asset declarations in Hue?",     # 465/KH-UBND sets no date
])
def test_what_the_notices_do_not_say_is_declined(answers, question):
    assert _declined(answers, question)


def test_recurring_and_lunar_deadlines():
    items = {i["number"]: i for i in parse_text(COMMUNE)["items"]}
    monthly, weekly, lunar, once = (items[n]["deadlines"] for n in ("1", "2", "3", "4"))
    assert monthly[0]["recurrence"] == "FREQ=MONTHLY;BYMONTHDAY=20"
    assert date.fromisoformat(monthly[0]["date"]).day == 20
    assert weekly[0]["recurrence"] == "FREQ=WEEKLY;BYDAY=FR"
    assert date.fromisoformat(weekly[0]["date"]).weekday() == 4
    assert lunar[0]["date"] == "2027-08-16"             # 15/7 Đinh Mùi
    assert once[0]["date"] == "2026-12-15"
    assert [u for n in "1234" for u in items[n]["units"]] == ["government", "health", "police", "government"]


def test_docx_pdf_and_corrected_reimport(tmp_path):
    """The admin's path: a .docx with a letterhead table, the same notice as a .pdf, then a corrected
    text (one date moved, one point dropped) replacing it; the deadline list and calendar follow."""
    pytest.importorskip("docx")
    from tests.docx_notices import letterheaded_docx
    from tests.test_parser import _pdf

    db = str(tmp_path / "admin.db")
    body = COMMUNE.split("Ủy ban nhân dân xã thông báo như sau:\n\n")[1].split("\n\nNơi nhận")[0]
    document = letterheaded_docx("UỶ BAN NHÂN DÂN\nXÃ TRIỆU PHONG", "Số: 52/TB-UBND",
                                 "Triệu Phong, ngày 20 tháng 11 năm 2026")
    document.add_paragraph("THÔNG BÁO")
    document.add_paragraph("Về chế độ báo cáo định kỳ và tổ chức Lễ Vu lan năm 2027")
    for line in body.splitlines():
        document.add_paragraph(line)
    document.save(tmp_path / "tb52.docx")
    (tmp_path / "tb52.pdf").write_bytes(_pdf(COMMUNE.splitlines()))
    for name in ("tb52.docx", "tb52.pdf"):
        done = run_bot(db, "import", str(tmp_path / name), "--json")
        assert done.returncode == 0, done.stderr
        got = json.loads(done.stdout)
        assert (got["number"], got["date"]) == ("52/TB-UBND", "2026-11-20")
        assert [i["number"] for i in got["items"] if i["deadlines"]] == ["1", "2", "3", "4"]
    corrected = tmp_path / "tb52-v2.txt"
    corrected.write_text(COMMUNE.replace("15/12/2026", "18/12/2026").replace(
        "2. Trạm Y tế xã tổng hợp số ca bệnh sốt xuất huyết, gửi Ủy ban nhân dân xã vào thứ Sáu "
        "hằng tuần.\n", ""), encoding="utf-8")
    assert run_bot(db, "import", str(corrected)).returncode == 0
    listed = [json.loads(line) for line in run_bot(db, "deadlines", "--json").stdout.splitlines()]
    ours = sorted((d["item"]["number"], d["due_date"]) for d in listed
                  if d["document"]["number"] == "52/TB-UBND")
    assert [n for n, _ in ours] == ["1", "3", "4"] and ("4", "2026-12-18") in ours
    ics = run_bot(db, "deadlines", "--ics").stdout
    assert "RRULE:FREQ=MONTHLY;BYMONTHDAY=20" in ics and "BYDAY=FR" not in ics
    assert "DTSTART;VALUE=DATE:20270816" in ics


@needs_real
@pytest.mark.parametrize("name, number, kind, signer", [
    ("tb-f902003eceb8dedf.md", "37700/TB-CHQ", "Thông báo", "Đào Thu Hương"),
    ("cv-e0b9a318eafcfc30.md", "37413/CHQ-NVTHQ", "Công văn", "Đào Thu Hương"),
])
def test_legal_library_page_furniture_is_dropped(name, number, kind, signer):
    """Pages copied from a legal-document website (copyright banner, summary box, related
    documents, login notices) give the document's own number, kind, issuer, date and signer."""
    got = parse_text(open(os.path.join(NOTICES_DIR, name), encoding="utf-8").read())
    assert (got["number"], got["kind"], got["issuer"], got["date"], got["signer"]) == (
        number, kind, "Cục Hải quan", "2025-11-21", signer)
    assert not any("THƯ VIỆN PHÁP LUẬT" in i["text"] or "Đăng xuất" in i["text"] for i in got["items"])
