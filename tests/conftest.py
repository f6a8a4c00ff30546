"""Shared fixtures: every test that touches the database gets a fresh SQLite file."""
from __future__ import annotations

import os
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from knowledge.db import close_database, open_database  # noqa: E402


@pytest.fixture
def db(tmp_path):
    """An empty database with every table."""
    database = open_database(f"sqlite:///{tmp_path}/test.db")
    yield database
    close_database()
