"""The parser against the hand-checked data files, a new notice, other file types and
bad input."""
from __future__ import annotations

import json
import zlib
from datetime import date
from pathlib import Path

import pytest

from knowledge.dates import find_deadlines, lunar_to_solar
from knowledge.loader import DATA_DIR
from knowledge.parser import ParseError, parse_text
from knowledge.reading import parse_file

SEEDS = Path("/work/shared/seeds")
SAMPLES = Path(__file__).resolve().parent / "samples"
NOTICE = SAMPLES / "thong_bao_45_ha_nam.txt"

# The parser reproduces every hand-checked item and deadline of the seeds (58/58, 10/10).
ITEM_FLOOR = 1.0
DEADLINE_FLOOR = 1.0


def _items(doc: dict) -> list[tuple]:
    return [(i["number"], i["kind"], i["text"]) for i in doc["items"]]


def _deadlines(doc: dict) -> list[tuple]:
    return [(pos, i["number"], d["date"], d["time"], d["kind"])
            for pos, i in enumerate(doc["items"]) for d in i["deadlines"]]


def _match_rate(expected: list, got: list) -> float:
    left = list(got)
    hits = 0
    for e in expected:
        if e in left:
            left.remove(e)
            hits += 1
    return hits / max(len(expected), len(got), 1)


def seed_match_rates() -> tuple[float, float, list[str]]:
    """Share of hand-checked items (number, kind, text) and deadlines (item, date, time,
    kind) that parsing the raw seeds reproduces, over all five seeds."""
    item_hits = item_total = dl_hits = dl_total = 0
    report = []
    for path in sorted(DATA_DIR.glob("*.json")):
        expected = json.loads(path.read_text(encoding="utf-8"))
        got = parse_file(SEEDS / expected["source_file"])
        n_items = max(len(expected["items"]), len(got["items"]))
        n_dls = max(len(_deadlines(expected)), len(_deadlines(got)))
        i_rate = _match_rate(_items(expected), _items(got))
        d_rate = _match_rate(_deadlines(expected), _deadlines(got))
        item_hits += round(i_rate * n_items)
        item_total += n_items
        dl_hits += round(d_rate * n_dls)
        dl_total += n_dls
        report.append(f"{path.stem}: items {i_rate:.0%} of {n_items}, deadlines {d_rate:.0%} of {n_dls}")
    return item_hits / item_total, dl_hits / dl_total, report


@pytest.mark.skipif(not SEEDS.is_dir(), reason="raw seeds not available")
def test_parsing_the_raw_seeds_reproduces_the_data_files():
    items, deadlines, report = seed_match_rates()
    print("\n".join(report) + f"\nitems {items:.1%}, deadlines {deadlines:.1%}")
    assert items >= ITEM_FLOOR, report
    assert deadlines >= DEADLINE_FLOOR, report


@pytest.mark.skipif(not SEEDS.is_dir(), reason="raw seeds not available")
def test_seed_metadata():
    got = parse_file(SEEDS / "001_d8f4cbe5ec1c5589.txt")
    assert (got["number"], got["kind"], got["province"], got["date"], got["signer"]) == (
        "102-TB/VPTU", "Thông báo kết luận", "Lai Châu", "2021-12-29", "Đào Bích Vân")
    assert got["issuer"] == "Văn phòng Tỉnh ủy Lai Châu"
    assert [r["number"] for r in got["references"]] == [
        "128/NQ-CP", "1815/CD-TTg", "9406/CD-VPCP", "327/TB-VPCP", "699-CV/TU"]
    news = parse_file(SEEDS / "004_ef99f3474db7ccc2.txt")
    assert (news["kind"], news["date"], news["province"]) == ("Tin hội nghị", "2021-02-01", "Quảng Ninh")


# "1. Sở Y tế chủ trì, phối hợp với UBND các huyện, thành phố:" only names who acts: a heading,
# not an item; its bullets and paragraph are (and Sở Y tế acts on them).
NEW_NOTICE_ITEMS = [
    ("", "context", 0), ("", "context", 0), ("1.1", "bullet", 2), ("1.2", "bullet", 1),
    ("1.3", "paragraph", 1), ("2", "point", 2), ("3", "point", 2), ("4", "point", 1), ("5", "point", 1)]
NEW_NOTICE_DEADLINES = [
    ("1.1", "2022-01-31", None, "by", "chậm nhất đến ngày 31/01/2022"),
    ("1.1", "2022-01-28", "17:30", "by", "trước 17h30 ngày 28/01/2022"),
    ("1.2", "2022-01-31", None, "within_month", "trong tháng 01/2022"),
    ("1.3", "2022-01-15", "00:00", "from", "kể từ 0 giờ 00 ngày 15/01/2022"),
    ("2", "2022-01-20", None, "by", "hạn chót nộp phương án là ngày 20/01/2022"),
    ("2", "2022-01-17", None, "from", "Từ ngày 17/01/2022"),
    ("3", "2022-02-07", None, "after", "sau ngày 07/02/2022"),
    ("3", "2022-02-28", None, "before_month", "trước tháng 3/2022"),
    ("4", "2022-02-13", None, "by", "đến hết ngày 13/02/2022"),
    ("5", "2022-02-28", None, "within_month", "trong tháng 02/2022"),
]


def test_a_new_notice_in_the_same_style():
    got = parse_file(NOTICE)
    assert [(i["number"], i["kind"], len(i["deadlines"])) for i in got["items"]] == NEW_NOTICE_ITEMS
    assert [(i["number"], d["date"], d["time"], d["kind"], d["phrase"])
            for i in got["items"] for d in i["deadlines"]] == NEW_NOTICE_DEADLINES
    assert got["items"][2]["text"].startswith("Hoàn thành tiêm mũi 3 cho toàn bộ người từ 18 tuổi")
    assert got["items"][2]["headings"] == ["1. Sở Y tế chủ trì, phối hợp với UBND các huyện, thành phố:"]
    assert (got["number"], got["kind"], got["province"], got["date"], got["signer"]) == (
        "45-TB/BCĐ", "Thông báo kết luận", "Hà Nam", "2022-01-10", "Trần Văn Nam")
    assert got["references"] == [{"number": "15/CĐ-UBND", "kind": "Công điện", "date": "2022-01-05"}]
    units = {i["number"]: i["units"] for i in got["items"]}
    assert "enterprises" in units["2"] and "schools" in units["3"] and "police" in units["4"]
    assert got["items"][2]["deadlines"][0]["units"] == ["health", "government"]   # from point 1
    assert got["items"][2]["actors"] == [{"name": "Sở Y tế", "unit": "health", "level": "province"},
                                         {"name": "Ủy ban nhân dân", "unit": "government", "level": "district"}]


def _notice_lines() -> list[str]:
    return [line for line in NOTICE.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_docx(tmp_path):
    import docx
    document = docx.Document()
    for line in _notice_lines():
        document.add_paragraph(line)
    path = tmp_path / "notice.docx"
    document.save(path)
    got = parse_file(path)
    assert [(i["number"], i["kind"], len(i["deadlines"])) for i in got["items"]] == NEW_NOTICE_ITEMS
    assert got["number"] == "45-TB/BCĐ" and got["date"] == "2022-01-10"


def _pdf(lines: list[str]) -> bytes:
    """A one-page PDF with a text layer: a simple font whose ToUnicode map sends one byte
    per distinct character back to Unicode, enough for Vietnamese text extraction."""
    chars = sorted({c for line in lines for c in line})
    assert len(chars) < 250
    code = {c: i + 1 for i, c in enumerate(chars)}
    ops = ["BT /F1 9 Tf 11 TL 40 800 Td"]
    for line in lines:
        ops.append("<" + "".join(f"{code[c]:02X}" for c in line) + "> Tj T*")
    ops.append("ET")
    content = zlib.compress("\n".join(ops).encode("ascii"))
    cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Loa def "
            "1 begincodespacerange <01> <FF> endcodespacerange\n"
            + "".join(f"1 beginbfchar <{code[c]:02X}> <{ord(c):04X}> endbfchar\n" for c in chars)
            + "endcmap CMapName currentdict /CMap defineresource pop end end").encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /FirstChar 1 /LastChar 255 "
        b"/Widths [" + b" 500" * 255 + b"] /ToUnicode 6 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ]
    from tests.hostile_files import raw_pdf
    return raw_pdf(objects)


def test_pdf_with_a_text_layer(tmp_path):
    path = tmp_path / "notice.pdf"
    path.write_bytes(_pdf(_notice_lines()))
    got = parse_file(path)
    assert [(i["number"], i["kind"]) for i in got["items"]][2:] == [
        (n, k) for n, k, _ in NEW_NOTICE_ITEMS[2:]]
    assert [(i["number"], d["date"], d["time"], d["kind"]) for i in got["items"] for d in i["deadlines"]] == [
        d[:4] for d in NEW_NOTICE_DEADLINES]


def test_pdf_without_text_layer(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(_pdf([]))
    with pytest.raises(ParseError, match=r"no text layer|\(OCR\) is not installed"):
        parse_file(path)


@pytest.mark.parametrize("name, data, message", [pytest.param(*case, id=case[0]) for case in [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n \t\n", "empty"),
    ("binary.txt", bytes(range(256)) * 40, "not a text file"),
    ("latin1.txt", "Thông báo số 12".encode("cp1258", "ignore") + b"\xff\xfe\xfa", "UTF-8"),
    ("big.txt", "Các địa phương phải xét nghiệm. ".encode() * 170_000, "1 MB"),
    ("fake.docx", b"PK\x03\x04 not really a zip", "not a readable .docx"),
    ("fake.pdf", b"%PDF-1.4 garbage", "PDF"),
    ("notice.exe", b"MZ", "unsupported file type"),
]])
def test_bad_files_give_a_clear_error(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ParseError, match=message):
        parse_file(path)


def test_missing_file(tmp_path):
    with pytest.raises(ParseError, match="Cannot open"):
        parse_file(tmp_path / "nowhere.txt")


def test_five_megabytes_of_text_is_refused():
    with pytest.raises(ParseError, match="1 MB"):
        parse_text("Các địa phương phải xét nghiệm. " * 160_000)


@pytest.mark.parametrize("text", [
    "Các địa phương khẩn trương xét nghiệm cho toàn bộ người dân trước ngày 20/12/2021.",
    "Hello",
    "THÔNG BÁO",
    "Ngày 5/5/2021, Ban Chỉ đạo họp.\n\nCác trường học tạm dừng dạy trực tiếp từ ngày 6/5/2021.\n\n"
    "Doanh nghiệp phải xét nghiệm định kỳ cho công nhân.",
])
def test_notices_without_numbered_points_become_paragraphs(text):
    got = parse_text(text, today=date(2021, 12, 1))
    assert got["items"] and all(i["kind"] in ("paragraph", "bullet") and i["number"] == ""
                                for i in got["items"])
    assert all(i["text"] for i in got["items"])


@pytest.mark.parametrize("text", ["1.", "- - -", "***", "[Faint, illegible text]"])
def test_text_without_words_is_refused(text):
    with pytest.raises(ParseError, match="empty"):
        parse_text(text)


def test_unnumbered_paragraphs_keep_their_deadlines():
    got = parse_text("Ngày 5/5/2021, Ban Chỉ đạo tỉnh họp trực tuyến với các địa phương.\n\n"
                     "Các trường học tạm dừng dạy trực tiếp từ ngày 6/5/2021 cho đến khi có thông báo mới.")
    assert [(i["kind"], [d["date"] for d in i["deadlines"]]) for i in got["items"]] == [
        ("paragraph", []), ("paragraph", ["2021-05-06"])]
    assert got["date"] == "2021-05-05" and "schools" in got["items"][1]["units"]


def test_page_break_inside_a_sentence_is_joined_and_noise_dropped():
    text = ("THÔNG BÁO\n\nNgày 2/3/2022, Ban Chỉ đạo tỉnh họp và kết luận như sau đây về các nhiệm vụ:\n\n"
            "1. Các **địa phương** thực hiện Nghị quyết số 128/NQ-CP ngày\n\n[Faint, illegible text]\n\n"
            "11/10/2021 của Chính phủ; hoàn thành trước 17 giờ 30 ngày 5/3/2022.\n\n"
            "2. Các doanh nghiệp báo cáo đến hết ngày 31/3.")
    got = parse_text(text)
    assert _items(got)[1:] == [
        ("1", "point", "Các địa phương thực hiện Nghị quyết số 128/NQ-CP ngày 11/10/2021 của Chính phủ; "
                       "hoàn thành trước 17 giờ 30 ngày 5/3/2022."),
        ("2", "point", "Các doanh nghiệp báo cáo đến hết ngày 31/3.")]
    assert got["references"] == [{"number": "128/NQ-CP", "kind": "Nghị quyết", "date": "2021-10-11"}]
    assert [(d["date"], d["time"]) for i in got["items"] for d in i["deadlines"]] == [
        ("2022-03-05", "17:30"), ("2022-03-31", None)]


def test_deadline_forms_and_the_lunar_calendar():
    ref = date(2021, 2, 1)
    forms = {f.phrase: (f.due.isoformat(), f.time and f.time.strftime("%H:%M"), f.kind)
             for f in find_deadlines("16h chiều mai (2/2) xong; đến trước ngày 28 tháng Chạp; "
                                     "hạn chót 15/3; chậm nhất 17 giờ ngày 3/2/2021", ref)}
    assert forms == {"16h chiều mai (2/2)": ("2021-02-02", "16:00", "by"),
                     "trước ngày 28 tháng Chạp": ("2021-02-09", None, "by"),
                     "hạn chót 15/3": ("2021-03-15", None, "by"),
                     "chậm nhất 17 giờ ngày 3/2/2021": ("2021-02-03", "17:00", "by")}
    assert [lunar_to_solar(1, 1, y).isoformat() for y in (2020, 2021, 2022, 2023, 2024)] == [
        "2020-01-25", "2021-02-12", "2022-02-01", "2023-01-22", "2024-02-10"]
    assert find_deadlines("Chỉ thị số 15/CT-TTg ngày 27/3/2020; từ 18 tuổi trở lên; nghỉ học từ 28/1", ref) == []


def test_parse_errors_speak_the_admins_language():
    error = ParseError("empty")
    assert "trống" in error.message("vi")
    assert error.message("en") == str(error) == "The notice is empty: there is no text to read."
