"""Shared fixtures: every test that touches the database gets a fresh, empty database.

SQLite always; PostgreSQL as well when TEST_POSTGRES_URL names a database (CI sets it when
the machine has a server): each such test then runs once per database.
"""
from __future__ import annotations

import os
import sys

import pytest

# the batch tests are built in a helper module: rewrite its asserts too, so a failure shows its figures
pytest.register_assert_rewrite("tests.parser_batches")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from knowledge.db import all_models, close_database, database, open_database  # noqa: E402


def _worker_database(url: str | None) -> str | None:
    """Under pytest-xdist (`-n`), each worker gets a PostgreSQL database of its own
    (loa_test_gw0, …): tests empty their database's tables, and two workers must not empty
    each other's. The URL is rewritten in the environment before any test module reads it."""
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not url or not worker or url.endswith(f"_{worker}"):
        return url
    from tests.e2e_replicas_kit import empty_postgres
    os.environ["TEST_POSTGRES_URL"] = empty_postgres(f"{url}_{worker}")
    return os.environ["TEST_POSTGRES_URL"]


POSTGRES_URL = _worker_database(os.environ.get("TEST_POSTGRES_URL"))


@pytest.fixture(params=["sqlite", "postgres"] if POSTGRES_URL else ["sqlite"])
def db(request, tmp_path):
    """An empty database with every table."""
    if request.param == "postgres":
        open_database(POSTGRES_URL)
        database.drop_tables(all_models(), cascade=True)
        database.create_tables(all_models())
        yield database.obj
    else:
        yield open_database(f"sqlite:///{tmp_path}/test.db")
    close_database()


@pytest.fixture
def sqlite_db(tmp_path):
    """An empty SQLite database only: for answer-quality floors, which measure the search and
    not the storage (the storage tests run on both databases); on both they cost minutes of CI."""
    yield open_database(f"sqlite:///{tmp_path}/test.db")
    close_database()


@pytest.fixture
def seeds(db):
    """A searcher over the five bundled seed notices, in an empty database."""
    from knowledge.loader import ensure_seeded
    from knowledge.search import Searcher
    ensure_seeded()
    return Searcher.from_database()


def answers_with(searcher, question: str, phrase: str) -> bool:
    """The question is answered, and its first item holds `phrase` (case and accents folded)."""
    from knowledge.text import fold
    a = searcher.ask(question)
    return a.answered and bool(a.hits) and fold(phrase) in fold(a.hits[0].text)


REDIS_URL = os.environ.get("TEST_REDIS_URL")     # redis://127.0.0.1:6379/N; unset: Redis tests skip


@pytest.fixture
async def redis_client():
    """A redis-py asyncio client on TEST_REDIS_URL and a key prefix unique to this test."""
    if not REDIS_URL:
        pytest.skip("TEST_REDIS_URL not set")
    import uuid

    import redis.asyncio as redis
    client = redis.from_url(REDIS_URL, socket_connect_timeout=2)
    try:
        await client.ping()
    except Exception as e:
        await client.aclose()
        pytest.skip(f"no Redis at TEST_REDIS_URL: {e!r}")
    prefix = f"loatest:{uuid.uuid4().hex[:12]}"
    try:
        yield client, prefix
    finally:
        keys = [k async for k in client.scan_iter(match=f"{prefix}:*")]
        if keys:
            await client.delete(*keys)
        await client.aclose()


def fresh_postgres_database(suffix: str) -> str:
    """The URL of an empty PostgreSQL database named after TEST_POSTGRES_URL's plus `suffix`
    (created when missing, emptied otherwise), for tests whose processes open the database
    themselves (migrations included). Skips without TEST_POSTGRES_URL."""
    if not POSTGRES_URL:
        pytest.skip("TEST_POSTGRES_URL not set")
    from tests.e2e_replicas_kit import empty_postgres
    return empty_postgres(f"{POSTGRES_URL}_{suffix}")
