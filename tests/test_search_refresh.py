"""A notice imported by another process becomes answerable in the running bot within a minute."""
import asyncio
from datetime import datetime, timezone

from bot.app import keep_search_fresh
from knowledge.loader import ensure_seeded, import_file
from knowledge.search import Searcher
from scheduler.clock import FakeClock
from tests.conftest import ROOT

SAMPLE = f"{ROOT}/tests/samples/thong_bao_45_ha_nam.txt"


async def test_the_index_follows_documents_added_behind_its_back(db):
    ensure_seeded()
    searcher = Searcher.from_database()
    before = len(searcher)
    clock = FakeClock(datetime(2026, 11, 23, tzinfo=timezone.utc))
    task = asyncio.create_task(keep_search_fresh(searcher, clock, interval=60))
    try:
        await asyncio.sleep(0.05)
        import_file(SAMPLE)                       # as `bot.py import` would, from elsewhere
        clock.advance(30)
        await asyncio.sleep(0.05)
        assert len(searcher) == before            # not yet: the check runs once a minute
        clock.advance(31)
        for _ in range(100):
            if len(searcher) > before:
                break
            await asyncio.sleep(0.05)
        assert len(searcher) > before
    finally:
        task.cancel()
