"""The parsed-data cache (knowledge/parsed_cache.py) and the quick schema check at start."""
from knowledge import parsed_cache
from knowledge.db import all_models
from knowledge.glossary import Glossary, _parse_bundled, bundled_entries
from knowledge.migrations import SchemaMigration, is_current, step_names


def test_a_cached_parse_is_reused_until_the_file_or_its_code_changes(tmp_path):
    source, code = tmp_path / "words.tsv", tmp_path / "reader.py"
    source.write_text("a\n")
    code.write_text("v1")
    calls = []

    def parse():
        calls.append(1)
        return source.read_text().upper()

    assert parsed_cache.cached(source, (code,), parse) == "A\n"
    assert parsed_cache.cached(source, (code,), parse) == "A\n"
    assert len(calls) == 1
    source.write_text("b\n")
    assert parsed_cache.cached(source, (code,), parse) == "B\n"
    code.write_text("v2")
    assert parsed_cache.cached(source, (code,), parse) == "B\n"
    assert len(calls) == 3
    assert len(list((tmp_path / "__pycache__").glob("words.*.pickle"))) == 1   # older copies go


def test_a_damaged_cache_is_parsed_again(tmp_path):
    source = tmp_path / "words.tsv"
    source.write_text("a\n")
    parsed_cache.cached(source, (), lambda: "first")
    for f in (tmp_path / "__pycache__").glob("*.pickle"):
        f.write_bytes(b"not a pickle")
    assert parsed_cache.cached(source, (), lambda: "again") == "again"


def test_the_cached_glossary_is_the_parsed_one():
    entries, table = _parse_bundled()
    assert bundled_entries() == entries
    assert Glossary.bundled().table == table == Glossary(entries).table


def test_a_database_missing_a_step_or_a_table_is_not_current(db):
    from knowledge.migrations import upgrade

    models = all_models()
    upgrade(db, models)
    assert is_current(db, models)
    with SchemaMigration.bind_ctx(db):
        SchemaMigration.delete().where(SchemaMigration.name == step_names()[-1]).execute()
    assert not is_current(db, models)
    upgrade(db, models)                                        # applies it again
    assert is_current(db, models)
    db.execute_sql(f'DROP TABLE "{models[-1]._meta.table_name}"')   # a child: nothing points at it
    assert not is_current(db, models)
