"""A task table's merged cells: a row under a time / unit cell merged down several rows takes its
value (knowledge/parser/merged_cells.py), an empty cell or a column seldom filled stays empty."""
from knowledge.parser.cleaning import clean_lines, paragraphs
from knowledge.parser.tables import fold_tables

HEADER = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn hoàn thành"]


def _table(rows: list[list[str]], header: list[str] = HEADER) -> str:
    """A web page's table as a legal library prints it: one cell per line, a bar between cells,
    two bars between rows; a cell merged with the one above is not printed, an empty one is ""."""
    return "\n|\n|\n".join("\n|\n".join(row) for row in [header] + rows) + "\n|\n|\nNơi nhận:\n- Như trên."


def _rows(text: str) -> dict[str, str]:
    folded = fold_tables(list(paragraphs(clean_lines(text))))
    return {p.text.split(".", 1)[0]: p.text for p in folded if p.text[:1].isdigit()}


def test_rows_under_a_merged_cell_take_its_unit_and_deadline():
    rows = _rows(_table([
        ["1", "Rà soát thủ tục hành chính", "Sở Tư pháp", "Tháng 6/2026"],
        ["2", "Công bố danh mục thủ tục"],                      # unit and deadline merged with row 1
        ["3", "Số hóa hồ sơ", "Tháng 9/2026"],                  # the unit merged, its own deadline
        ["4", "Tập huấn cán bộ", "Sở Nội vụ", "Tháng 3/2026"],
        ["5", "Tổng kết"],
    ]))
    assert rows["2"] == ("2. Công bố danh mục thủ tục. Cơ quan chủ trì: Sở Tư pháp; "
                         "Thời hạn hoàn thành: Tháng 6/2026.")
    assert "Cơ quan chủ trì: Sở Tư pháp; Thời hạn hoàn thành: Tháng 9/2026" in rows["3"]
    assert "Cơ quan chủ trì: Sở Nội vụ; Thời hạn hoàn thành: Tháng 3/2026" in rows["5"]


def test_an_empty_cell_stays_empty():
    rows = _rows(_table([
        ["1", "Rà soát thủ tục hành chính", "Sở Tư pháp", "Tháng 6/2026"],
        ["2", "Công bố danh mục thủ tục", "Sở Tư pháp", ""],    # no deadline: the cell is there, empty
        ["3", "Số hóa hồ sơ", "Sở Nội vụ", "Tháng 9/2026"],
    ]))
    assert "Tháng 6/2026" not in rows["2"]


def test_a_column_mostly_empty_stays_empty():
    header = HEADER + ["Ghi chú"]
    rows = _rows(_table([
        ["1", "Rà soát thủ tục hành chính", "Sở Tư pháp", "Tháng 6/2026", "Phối hợp Công an tỉnh"],
        ["2", "Công bố danh mục thủ tục", "Sở Tư pháp", "Tháng 7/2026", ""],
        ["3", "Số hóa hồ sơ", "Sở Nội vụ", "Tháng 9/2026", ""],
        ["4", "Tập huấn cán bộ", "Sở Nội vụ", "Tháng 10/2026"],   # the note cell not printed
    ], header))
    assert all("Công an" not in rows[n] for n in "234")
    assert "Thời hạn hoàn thành: Tháng 10/2026" in rows["4"]
