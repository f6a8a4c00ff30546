"""Chat shorthand officials type, read back as words (knowledge/vocab/shorthand.tsv)."""
import pytest

from knowledge.shorthand import expand_shorthand


@pytest.mark.parametrize("typed, reading", [
    ("nhiu", "nhieu"), ("bnhiu", "bao nhieu"), ("thg", "thuong"), ("ks", "khach san"), ("tq", "trung quoc"),
    ("vk", "vo"), ("ck", "chong"), ("bthg", "binh thuong")])
def test_common_chat_shorthand_is_read(typed, reading):
    assert reading in expand_shorthand(typed)


def test_hd_also_reads_as_hoat_dong():
    assert expand_shorthand("hd") == ("huong dan", "hop dong", "hoat dong")
