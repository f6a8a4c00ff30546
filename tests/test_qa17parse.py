"""Parse rules from the qa17 review (new-user QA), each on a small made-up text of the same shape:

- an annex task table whose columns are NỘI DUNG / CHỦ TRÌ / PHỐI HỢP / THỜI GIAN: a row's actor is its
  CHỦ TRÌ cell, not the plan's issuer, and its deadline is due for its content, never for the PHỐI HỢP cell
  (which often holds a ";");
- the issuer's own "Ủy ban nhân dân tỉnh ban hành Kế hoạch … như sau:" hands no part to the issuer, so a
  report's recipient ("… báo cáo Ủy ban nhân dân tỉnh …") is not who is reminded;
- a bold heading a web page glued onto the paragraph before it starts a heading of its own;
- a point that opens on its addressees over two lines ("3. Các bộ, cơ quan ngang bộ, …;" / "Ủy ban nhân
  dân các tỉnh …") is one point; a bare "Thời hạn hoàn thành: …" closing a point of two sentences is due
  for the point, not for its last sentence; footnotes under the signature are kept at their calls."""
from __future__ import annotations

from datetime import date

from knowledge.parser import parse_text


def _cells(*cells: str) -> str:
    return "|\n" + "\n|\n".join(cells) + "\n|\n"


PLAN = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ GIANG\n\nSố: 77/KH-UBND\nHà Giang, ngày 10 tháng 11 năm 2025\n\n"
        "KẾ HOẠCH\nPhát triển du lịch cộng đồng đến năm 2030\n\n"
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch phát triển du lịch cộng đồng như sau:\n\n"
        "I. MỤC ĐÍCH\n\n1. Mục đích\n\n- Khai thác tiềm năng du lịch của các bản làng.\n\n"
        "II. NHIỆM VỤ\n\n1. Hội Nông dân tỉnh\n\nVận động hội viên tham gia làm du lịch cộng đồng.\n\n"
        "III. CHẾ ĐỘ BÁO CÁO\n\n"
        "- Các sở, ngành báo cáo kết quả trước ngày 15/12 hằng năm về Sở Văn hóa, Thể thao và Du lịch.\n\n"
        "- Sở Văn hóa, Thể thao và Du lịch tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 25/12 hằng năm.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\nLê Văn Minh\n\n"
        "PHỤ LỤC\nNHIỆM VỤ CỤ THỂ\n(Ban hành kèm theo Kế hoạch số 77/KH-UBND ngày 10/11/2025 của Ủy ban nhân dân tỉnh)\n\n")
TABLE = _cells("STT", "NỘI DUNG", "CHỦ TRÌ", "PHỐI HỢP", "THỜI GIAN") + _cells(
    "I", "HẠ TẦNG DU LỊCH",
    "1", "Nâng cấp đường vào các điểm du lịch cộng đồng.", "Sở Xây dựng",
    "Sở Tài chính; Ủy ban nhân dân các xã có điểm du lịch", "2026",
    "2", "Đào tạo kỹ năng đón khách cho các hộ làm du lịch.", "Sở Giáo dục và Đào tạo",
    "Hội Nông dân tỉnh; Các doanh nghiệp lữ hành", "2027")


def _doc(text: str) -> dict:
    return parse_text(text, today=date(2025, 11, 20))


def _item(doc: dict, start: str) -> dict:
    return next(i for i in doc["items"] if i["text"].startswith(start))


def test_an_annex_rows_lead_cell_is_its_actor():
    doc = _doc(PLAN + TABLE)
    roads, training = _item(doc, "Nâng cấp đường"), _item(doc, "Đào tạo kỹ năng")
    assert [a["name"] for a in roads["actors"]] == ["Sở Xây dựng"] and roads["units"] == ["construction"]
    assert [a["name"] for a in training["actors"]] == ["Sở Giáo dục và Đào tạo"] and training["units"] == ["schools"]


def test_an_annex_rows_deadline_is_due_for_its_content_not_its_partners():
    doc = _doc(PLAN + TABLE)
    for start, due in (("Nâng cấp đường", "2026-12-31"), ("Đào tạo kỹ năng", "2027-12-31")):
        [deadline] = _item(doc, start)["deadlines"]
        assert deadline["date"] == due
        assert deadline["task"].startswith(start), deadline["task"]     # not "Ủy ban nhân dân các xã …"
        assert "PHỐI HỢP" not in deadline["task"]


def test_the_issuers_own_enacting_line_hands_no_part_to_the_issuer():
    doc = _doc(PLAN + TABLE)
    aim = _item(doc, "Khai thác tiềm năng")
    assert aim["units"] == []                         # was: government, from "Ủy ban nhân dân tỉnh ban hành …"
    farmers = _item(doc, "Vận động hội viên")
    assert farmers["units"] == ["front"]


def test_a_reports_recipient_is_not_reminded():
    doc = _doc(PLAN + TABLE)
    [to_culture] = _item(doc, "Các sở, ngành báo cáo")["deadlines"]
    assert "culture" not in to_culture["units"]           # "… về Sở Văn hóa, Thể thao và Du lịch": whom to
    [to_province] = _item(doc, "Sở Văn hóa, Thể thao và Du lịch tổng hợp")["deadlines"]
    assert to_province["units"] == ["culture"]            # not government: "báo cáo Ủy ban nhân dân tỉnh"
    assert to_province["date"] == "2025-12-25" and to_province.get("recurrence")


NEWS = ("# Chỉ thị về đại hội chi bộ nhiệm kỳ mới\n\n"
        "Ban Bí thư yêu cầu các cấp ủy chuẩn bị đại hội chi bộ như sau:\n\n"
        "**1. Nội dung đại hội**\n\n"
        "Đại hội chi bộ thảo luận văn kiện và bầu chi ủy khóa mới.\n\n"
        "**2. Nhân sự chi ủy**\n\n"
        "**2.1. Tiêu chuẩn chi ủy viên**\n\n"
        "Chi ủy viên phải gương mẫu, có uy tín trong chi bộ và được quần chúng tín nhiệm (Phụ lục 2)."
        "**2.2. Độ tuổi tham gia chi ủy**\n\n"
        "Đồng chí lần đầu tham gia chi ủy phải còn đủ tuổi công tác ít nhất một nhiệm kỳ.\n\n"
        "Chi bộ đông đảng viên được bầu thêm phó bí thư theo hướng dẫn của cấp có thẩm quyền. "
        "**Thời gian tổ chức đại hội chi bộ**\n\n"
        "Đại hội chi bộ hoàn thành trước ngày 30/4/2026.\n\n"
        "Đại hội điểm tổ chức trong tháng 3/2026.\n")


def test_a_bold_heading_glued_to_a_paragraph_starts_a_heading():
    doc = _doc(NEWS)
    age = _item(doc, "Đồng chí lần đầu tham gia chi ủy")
    assert age["number"] == "2.2.1" and age["headings"][-1].startswith("2.2. Độ tuổi tham gia chi ủy")
    standard = _item(doc, "Chi ủy viên phải gương mẫu")
    assert standard["text"].endswith("(Phụ lục 2).")            # the heading is no tail of the paragraph
    when = _item(doc, "Đại hội chi bộ hoàn thành")
    assert when["headings"][-1] == "Thời gian tổ chức đại hội chi bộ"     # not under "2.2. Độ tuổi …"
    assert not when["number"].startswith("2.2")
    assert [d["date"] for d in when["deadlines"]] == ["2026-04-30"]


def test_a_link_label_glued_to_a_paragraph_is_no_heading():
    doc = _doc(NEWS.replace("(Phụ lục 2).**2.2.", "(Phụ lục 2). **Tải về**\n\n**2.2."))
    assert not any("Tải về" in i.get("headings", []) for i in doc["items"])


CABLE = ("THỦ TƯỚNG CHÍNH PHỦ\n\nSố: 99/CĐ-TTg\nHà Nội, ngày 20 tháng 11 năm 2025\n\n"
         "CÔNG ĐIỆN\nVề việc hoàn thành số hóa hồ sơ đất đai\n\n"
         "THỦ TƯỚNG CHÍNH PHỦ điện:\n\n- Bộ trưởng các Bộ: Nông nghiệp và Môi trường, Tài chính;\n"
         "- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương.\n\n"
         "Đến nay còn 5 tỉnh[1] chưa cập nhật dữ liệu đất đai lên hệ thống quốc gia. Thủ tướng Chính phủ yêu cầu:\n"
         "1. Bộ trưởng Bộ Nông nghiệp và Môi trường, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố\n"
         "trực thuộc trung ương khẩn trương hoàn thành việc số hóa hồ sơ địa chính của\n"
         "các địa phương. Ủy ban nhân dân tỉnh Lào Cai khẩn trương hoàn thành việc đối soát\n"
         "dữ liệu với các xã. Thời hạn hoàn thành: trước ngày 15/12/2025.\n"
         "2. Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;\n"
         "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương căn cứ chức năng, nhiệm vụ được\n"
         "giao khẩn trương triển khai các nhiệm vụ nêu trên, chịu trách nhiệm trước Thủ tướng Chính phủ.\n"
         "3. Giao Bộ Nông nghiệp và Môi trường đôn đốc thực hiện Công điện này./.\n\n"
         "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\nTrần Văn Nam\n\n"
         "[1] Lào\nCai, Yên Bái, Sơn La, Điện Biên, Lai Châu.\n")


def test_a_bare_due_label_closing_a_point_is_due_for_the_whole_point():
    doc = _doc(CABLE)
    [deadline] = _item(doc, "Bộ trưởng Bộ Nông nghiệp và Môi trường")["deadlines"]
    assert deadline["date"] == "2025-12-15"
    assert deadline["task"].startswith("Bộ trưởng Bộ Nông nghiệp và Môi trường"), deadline["task"]  # not Lào Cai's


def test_a_point_opening_on_addressees_over_two_lines_is_one_point():
    doc = _doc(CABLE)
    point = _item(doc, "Các bộ, cơ quan ngang bộ")
    assert "căn cứ chức năng, nhiệm vụ" in point["text"] and point["number"] == "2"
    assert not any(i["text"] == "Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ;" for i in doc["items"])


def test_footnotes_under_the_signature_are_kept_at_their_call():
    doc = _doc(CABLE)
    lead = _item(doc, "Đến nay còn 5 tỉnh")
    assert "5 tỉnh (Lào Cai, Yên Bái, Sơn La, Điện Biên, Lai Châu) chưa cập nhật" in lead["text"]
