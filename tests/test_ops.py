"""/healthz and /metrics (bot/ops.py) on an aiohttp server, as the bot serves them beside its
webhook: the database and Redis checks, the sender's lag and the Prometheus figures."""
from __future__ import annotations

from datetime import timedelta

from aiohttp.test_utils import TestClient, TestServer
from aiohttp import web

from bot.ops import add_routes
from knowledge.models import utcnow
from scheduler import metrics
from scheduler.clock import SystemClock
from scheduler.limits import Budget, LocalLimits
from scheduler.outbox import Delivery, enqueue


class BrokenRedis(LocalLimits):
    shared = True

    async def ping(self):
        raise ConnectionError("Redis is down")


async def serve(limits) -> TestClient:
    app = web.Application()
    add_routes(app, limits=limits)
    client = TestClient(TestServer(app))
    await client.start_server()
    return client


async def test_healthz_reports_the_database_redis_and_the_senders_lag(db):
    budget = Budget(rate=30, chat_interval=1, group_per_minute=20)
    enqueue(-1, [{"text": "x"}], kind="notice", dedup_key="notice:1:-1")
    Delivery.update(created_at=utcnow() - timedelta(seconds=90)).execute()
    client = await serve(LocalLimits(budget, SystemClock()))
    try:
        response = await client.get("/healthz")
        body = await response.json()
        assert response.status == 200
        assert body["database"] == "ok" and body["redis"] == "not configured" and body["leader"]
        assert body["outbox_pending"] == 1 and 89 <= body["sender_lag_seconds"] <= 120
    finally:
        await client.close()
    client = await serve(BrokenRedis(budget, SystemClock()))
    try:
        response = await client.get("/healthz")
        assert response.status == 503 and (await response.json())["redis"].startswith("error")
    finally:
        await client.close()


async def test_metrics_show_messages_429s_queue_and_lags(db):
    enqueue(-1, [{"text": "x"}], kind="notice", dedup_key="notice:1:-1")
    metrics.MESSAGES_SENT.labels("reply").inc()
    metrics.RETRY_AFTER.labels("sendMessage").inc()
    client = await serve(LocalLimits(Budget(rate=30, chat_interval=1, group_per_minute=20), SystemClock()))
    try:
        response = await client.get("/metrics")
        text = await response.text()
    finally:
        await client.close()
    assert response.status == 200
    for name in ("loa_messages_sent_total{kind=\"reply\"}", "loa_telegram_429_total{method=\"sendMessage\"}",
                 "loa_outbox_pending 1.0", "loa_outbox_oldest_due_seconds", "loa_reminder_lag_seconds",
                 "loa_telegram_round_trip_seconds_bucket"):
        assert name in text, name
