"""The shared reader of the vocabularies (knowledge/tsv_rows.py): comments and blank lines are
skipped, cells keep their inner spaces, and the place of each row names file and line so that
a broken entry an admin added is reported where it is."""
import pytest

from knowledge import shorthand
from knowledge.tsv_rows import rows


def test_rows_skip_comments_and_blank_lines_and_name_the_line(tmp_path):
    table = tmp_path / "words.tsv"
    table.write_text("# a comment\n\nko\tkhông\n  \nđc\tđược | đọc\n", encoding="utf-8")
    assert list(rows(table)) == [("words.tsv:3", ["ko", "không"]), ("words.tsv:5", ["đc", "được | đọc"])]


def test_a_broken_vocabulary_line_is_reported_with_its_place(tmp_path, monkeypatch):
    table = tmp_path / "shorthand.tsv"
    table.write_text("ko\tkhông\nonly-one-cell\n", encoding="utf-8")
    monkeypatch.setattr(shorthand, "SHORTHAND_FILE", table)
    shorthand.shorthand_table.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"shorthand\.tsv:2"):
            shorthand.shorthand_table()
    finally:
        shorthand.shorthand_table.cache_clear()
