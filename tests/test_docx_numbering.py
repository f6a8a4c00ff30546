"""Word's automatic numbering is read into the text: "1.", "a)", "II." and bullets that Word
draws from numbering.xml reach the parser as the document shows them."""
from __future__ import annotations

import io

import pytest

docx = pytest.importorskip("docx")
from docx.oxml import parse_xml  # noqa: E402

from knowledge.formats import docx_text  # noqa: E402

_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _level(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


def _numbered_docx(paragraphs: list[tuple[str, str | None, int]], lists: dict[str, str]) -> bytes:
    """A .docx whose paragraphs (text, numId, level) use lists defined here: numId ->
    abstract definition's levels."""
    document = docx.Document()
    numbering = document.part.numbering_part.element
    for n, (num_id, levels) in enumerate(lists.items(), start=900):
        numbering.insert(0, parse_xml(f'<w:abstractNum {_NS} w:abstractNumId="{n}">{levels}</w:abstractNum>'))
        numbering.append(parse_xml(f'<w:num {_NS} w:numId="{num_id}"><w:abstractNumId w:val="{n}"/></w:num>'))
    for text, num_id, ilvl in paragraphs:
        p = document.add_paragraph(text)
        if num_id is not None:
            p._p.get_or_add_pPr().append(parse_xml(
                f'<w:numPr {_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_nested_levels_sections_and_bullets_are_written_out():
    lists = {
        "71": _level(0, "upperRoman", "%1.") + _level(1, "decimal", "%2.") + _level(2, "lowerLetter", "%3)"),
        "72": _level(0, "bullet", "\uf0b7"),
    }
    data = _numbered_docx([
        ("NHIỆM VỤ TRỌNG TÂM", "71", 0),
        ("Về phòng, chống dịch", "71", 1),
        ("Sở Y tế giám sát ổ dịch", "71", 2),
        ("Trạm Y tế xã phun hóa chất", "71", 2),
        ("Về thông tin", "71", 1),
        ("Đài truyền thanh phát tin", "71", 2),
        ("Ghi chú không đánh số", None, 0),
        ("hằng tuần báo cáo", "72", 0),
        ("TỔ CHỨC THỰC HIỆN", "71", 0),
    ], lists)
    lines = [line for line in docx_text(data, "x.docx").splitlines() if line.strip()]
    assert lines == [
        "I. NHIỆM VỤ TRỌNG TÂM", "1. Về phòng, chống dịch", "a) Sở Y tế giám sát ổ dịch",
        "b) Trạm Y tế xã phun hóa chất", "2. Về thông tin", "a) Đài truyền thanh phát tin",
        "Ghi chú không đánh số", "- hằng tuần báo cáo", "II. TỔ CHỨC THỰC HIỆN",
    ]


def test_a_list_with_its_own_start_and_a_second_list_count_apart():
    lists = {"81": _level(0, "decimal", "%1.", start=3), "82": _level(0, "decimal", "%1)")}
    data = _numbered_docx([("ba", "81", 0), ("bốn", "81", 0), ("một", "82", 0), ("năm", "81", 0),
                           ("bỏ số", "0", 0)], lists)
    lines = [line for line in docx_text(data, "x.docx").splitlines() if line.strip()]
    assert lines == ["3. ba", "4. bốn", "1) một", "5. năm", "bỏ số"]


def test_the_list_number_style_numbers_its_paragraphs():
    document = docx.Document()
    for text in ("Lập danh sách", "Tổ chức tiêm"):
        document.add_paragraph(text, style="List Number")
    out = io.BytesIO()
    document.save(out)
    lines = [line for line in docx_text(out.getvalue(), "x.docx").splitlines() if line.strip()]
    assert lines == ["1. Lập danh sách", "2. Tổ chức tiêm"]
