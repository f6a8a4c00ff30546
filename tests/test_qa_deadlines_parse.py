"""Deadline forms and notice shapes met while importing new notices by hand (QA): each
test is a case the parser got wrong."""
from __future__ import annotations

import unicodedata
from datetime import date, time
from pathlib import Path

import pytest

from knowledge.dates import find_deadlines
from knowledge.parser import ParseError, parse_text
from knowledge.reading import parse_file

SAMPLES = Path(__file__).resolve().parent / "samples"
DEC_10 = date(2021, 12, 10)


@pytest.mark.parametrize("phrase, due, at", [
    ("hạn chót: 20/12/2021", date(2021, 12, 20), None),
    ("Hạn chót: ngày 20/12", date(2021, 12, 20), None),
    ("bố trí đủ giường trước 24h ngày 31/12", date(2021, 12, 31), time(23, 59)),
    ("hoàn thành trước 24 giờ ngày 31/12/2021", date(2021, 12, 31), time(23, 59)),
    ("đi học trực tiếp trong quý I/2022", date(2022, 3, 31), None),
    ("hoàn thành trong quý 2 năm 2022", date(2022, 6, 30), None),
    ("hoàn thành trước quý III/2022", date(2022, 6, 30), None),
    ("hoàn thành trước Tết Nguyên đán Nhâm Dần", date(2022, 1, 31), None),
    ("xong trước Tết", date(2022, 1, 31), None),
])
def test_deadline_forms(phrase, due, at):
    found = find_deadlines(phrase, DEC_10)
    assert [(f.due, f.time) for f in found] == [(due, at)]


def test_time_past_midnight_is_not_a_deadline_time():
    assert find_deadlines("trước 25h ngày 31/12", DEC_10) == []


def test_notice_with_colon_deadline_and_quarter():
    doc = parse_file(SAMPLES / "tb_quang_ninh.txt")
    by_number = {i["number"]: i for i in doc["items"]}
    assert [d["date"] for d in by_number["5"]["deadlines"]] == ["2021-12-20"]
    assert [d["date"] for d in by_number["2"]["deadlines"]] == ["2022-03-31", "2021-11-30"]
    assert [d["date"] for d in by_number["4"]["deadlines"]] == ["2022-01-31"]
    assert by_number["4"]["deadlines"][0]["units"] == ["police", "military"]


def test_news_report_dates_from_its_lead_not_a_later_deadline():
    doc = parse_file(SAMPLES / "news_hai_duong.txt")
    assert doc["date"] == "2021-12-20"
    assert doc["province"] == "Hải Dương"
    deadlines = [(d["date"], d["time"]) for i in doc["items"] for d in i["deadlines"]]
    assert ("2022-01-15", None) in deadlines          # "trước ngày 15/1", across the year
    assert ("2021-12-31", "23:59") in deadlines       # "trước 24h ngày 31/12"


def test_ocr_page_marker_does_not_split_a_sentence():
    doc = parse_file(SAMPLES / "ocr_thai_binh.txt")
    assert doc["province"] == "Thái Bình"
    assert [i["number"] for i in doc["items"]] == ["", "1", "2", "3"]
    point = doc["items"][1]["text"]
    assert "thành lập tổ chăm sóc người bệnh tại nhà xong trước ngày 10/12." in point
    assert "--" not in point
    assert [d["date"] for d in doc["items"][1]["deadlines"]] == ["2021-11-30", "2021-12-10"]


def test_windows_1258_and_utf16_text_files(tmp_path):
    text = (SAMPLES / "ocr_thai_binh.txt").read_text(encoding="utf-8")
    expected = parse_text(text, source_name="x.txt")
    for encoding in ("utf-16", "utf-16-le", "cp1258"):
        path = tmp_path / "x.txt"
        path.write_bytes(_windows_1258(text) if encoding == "cp1258" else text.encode(encoding))
        got = parse_file(path)
        assert [i["text"] for i in got["items"]] == [i["text"] for i in expected["items"]], encoding


def _windows_1258(text: str) -> bytes:
    """As Word saves it: a letter with its vowel mark (ô, ư, ă), then the tone mark apart."""
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for c in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", c)
        out.append(unicodedata.normalize("NFC", "".join(p for p in parts if p not in tones)))
        out.extend(p for p in parts if p in tones)
    return "".join(out).encode("cp1258")


def test_other_code_pages_are_refused_not_stored_as_gibberish(tmp_path):
    path = tmp_path / "tcvn3.txt"
    path.write_bytes("TH«NG B¸O kÕt luËn".encode("latin-1"))   # TCVN3 read as bytes
    with pytest.raises(ParseError, match="UTF-8"):
        parse_file(path)


def test_binary_file_named_txt_is_still_refused(tmp_path):
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(ParseError):
        parse_file(path)


def test_a_directory_gives_a_clear_error(tmp_path):
    with pytest.raises(ParseError, match="Cannot open|cannot open|Is a directory|not a regular file"):
        parse_file(tmp_path)


def test_docx_letterhead_table_is_read_before_the_body(tmp_path):
    from tests.docx_notices import letterheaded_docx

    document = letterheaded_docx("UBND TỈNH QUẢNG NINH\nBAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH COVID-19",
                                 "Số: 212/TB-BCĐ", "Quảng Ninh, ngày 10 tháng 12 năm 2021")
    text = (SAMPLES / "tb_quang_ninh.txt").read_text(encoding="utf-8")
    for paragraph in ("THÔNG BÁO\n" + text.split("THÔNG BÁO\n", 1)[1]).split("\n\n"):
        document.add_paragraph(paragraph)
    document.save(tmp_path / "tb.docx")
    got, expected = parse_file(tmp_path / "tb.docx"), parse_file(SAMPLES / "tb_quang_ninh.txt")
    for field in ("number", "date", "province", "issuer", "title", "signer"):
        assert got[field] == expected[field], field
    assert [i["deadlines"] for i in got["items"]] == [i["deadlines"] for i in expected["items"]]


def test_a_deadline_standing_alone_after_a_semicolon_takes_the_task_before_it():
    doc = parse_file(SAMPLES / "tb_quang_ninh.txt")
    [deadline] = next(i for i in doc["items"] if i["number"] == "5")["deadlines"]
    assert deadline["task"].startswith("UBND các huyện, thị xã, thành phố chi trả hỗ trợ người lao động")
    assert "hạn chót" not in deadline["task"]


def test_a_bullet_deadline_reminds_the_unit_its_point_puts_in_charge():
    # "1. Sở Y tế chủ trì, …:  - Hoàn thành tiêm mũi 3 …, hạn chót …; tổng hợp báo cáo UBND tỉnh."
    doc = parse_file(SAMPLES / "tb_quang_ninh.txt")
    bullet = next(i for i in doc["items"] if i["number"] == "1.1")
    assert "health" in bullet["deadlines"][0]["units"]


def test_a_january_notice_looking_back_at_late_december():
    found = find_deadlines("báo cáo trước ngày 28/12; hoàn thành tiêm chủng đến hết ngày 15/1", date(2022, 1, 5))
    assert [f.due for f in found] == [date(2021, 12, 28), date(2022, 1, 15)]


@pytest.mark.parametrize("phrase, due, at", [
    ("Hạn chót: 17h00, ngày 25/12/2021", date(2021, 12, 25), time(17, 0)),
    ("báo cáo trước 17 giờ, ngày 20/12/2021", date(2021, 12, 20), time(17, 0)),
    ("trước 17h00’ ngày 20/12", date(2021, 12, 20), time(17, 0)),
    ("trước 17h30' ngày 20/12", date(2021, 12, 20), time(17, 30)),
    ("gửi về trước 17g00 ngày 20/12", date(2021, 12, 20), time(17, 0)),
    ("kể từ 0 giờ, ngày 22/12/2021", date(2021, 12, 22), time(0, 0)),
])
def test_time_written_with_a_comma_a_minute_mark_or_g(phrase, due, at):
    assert [(f.due, f.time) for f in find_deadlines(phrase, DEC_10)] == [(due, at)]


def test_markdown_headings_are_read_as_the_title():
    doc = parse_text("# THÔNG BÁO\n## Kết luận của Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh Nam Định\n\n"
                     "Số: 12/TB-BCĐ\n\nNam Định, ngày 02 tháng 12 năm 2021\n\n"
                     "**1.** Sở Y tế hoàn thành tiêm mũi 2 chậm nhất đến ngày 15/12/2021.\n\n"
                     "**2.** Công an tỉnh duy trì chốt kiểm soát đến hết ngày 31/12/2021.\n", source_name="tb.md")
    assert doc["kind"] == "Thông báo kết luận"
    assert doc["title"].startswith("Kết luận của Ban Chỉ đạo")
    assert [i["number"] for i in doc["items"]] == ["1", "2"]
