"""The texts tables: every language has the same keys in the same area module and the same
placeholders, so a text added in one language only, or filed under another area, fails here rather
than falling back to Vietnamese in front of an English user."""
from __future__ import annotations

import importlib
import string

import pytest

from texts import LANGS, t
from texts.areas import AREAS, language_table


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def area_keys(lang: str, area: str) -> dict[str, str]:
    return importlib.import_module(f"texts.{lang}.{area}").TEXTS


@pytest.mark.parametrize("area", AREAS)
def test_each_area_has_the_same_keys_in_every_language(area):
    """`.one` singular forms are optional (t() falls back to the plural one)."""
    base = {k for k in area_keys("vi", area) if not k.endswith(".one")}
    for lang in LANGS:
        keys = set(area_keys(lang, area))
        assert {k for k in keys if not k.endswith(".one")} == base, lang
        assert {k.removesuffix(".one") for k in keys if k.endswith(".one")} <= base, lang


def test_placeholders_agree_between_languages():
    tables = {lang: language_table(f"texts.{lang}") for lang in LANGS}
    for key, text in tables["vi"].items():
        for lang in LANGS:
            assert placeholders(tables[lang][key]) == placeholders(text), (lang, key)
    for lang in LANGS:
        for key, text in tables[lang].items():
            if key.endswith(".one"):  # "1 day left": may drop {n}, never add a value
                assert placeholders(text) <= placeholders(tables[lang][key.removesuffix(".one")])


def test_a_key_in_two_areas_is_refused(tmp_path, monkeypatch):
    package = tmp_path / "twice_lang"
    package.mkdir()
    (package / "__init__.py").write_text("")
    for area in AREAS:
        key = "common.same" if area in AREAS[:2] else f"{area}.own"
        (package / f"{area}.py").write_text(f"TEXTS = {{{key!r}: 'x'}}\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.raises(ValueError, match="common.same"):
        language_table("twice_lang")


def test_lookup_reads_the_merged_table():
    assert t("en", "deadlines.left_days", n=1) == "1 day left"
    assert t("vi", "console.bye") == "Tạm biệt."
