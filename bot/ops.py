"""Operations endpoints on the bot's aiohttp server (the webhook's, or HEALTH_PORT's when
polling): `/healthz` for load balancers and orchestrators, `/metrics` for Prometheus.

/healthz answers 200 when this process can use the database and (when configured) Redis,
503 otherwise, with a JSON body: each check, the sender's lag (age of the oldest outbox
message that is due), the outbox depth and whether this process leads the scheduler.
"""
from __future__ import annotations

import asyncio

from aiohttp import web

from scheduler import metrics

CHECK_TIMEOUT = 3.0
LIMITS = web.AppKey("loa_limits", object)
COORDINATOR = web.AppKey("loa_coordinator", object)


def add_routes(app: web.Application, *, limits, coordinator=None) -> None:
    app[LIMITS] = limits
    app[COORDINATOR] = coordinator
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", prometheus)
    _register_outbox_collector()


def _register_outbox_collector() -> None:
    if not getattr(metrics.REGISTRY, "_loa_outbox", False):
        metrics.REGISTRY.register(metrics.OutboxCollector())
        metrics.REGISTRY._loa_outbox = True


async def healthz(request: web.Request) -> web.Response:
    limits = request.app[LIMITS]
    coordinator = request.app[COORDINATOR]
    body: dict = {}
    try:
        figures = await asyncio.wait_for(asyncio.to_thread(_database_figures), CHECK_TIMEOUT)
        body["database"] = "ok"
        body.update(sender_lag_seconds=round(figures["sender_lag"], 1),
                    outbox_pending=int(figures["depth"]),
                    reminder_lag_seconds=round(figures["reminder_lag"], 1))
    except Exception as e:
        body["database"] = f"error: {type(e).__name__}"
    if getattr(limits, "shared", False):
        try:
            await asyncio.wait_for(limits.ping(), CHECK_TIMEOUT)
            body["redis"] = "ok"
        except Exception as e:
            body["redis"] = f"error: {type(e).__name__}"
    else:
        body["redis"] = "not configured"
    body["leader"] = bool(coordinator.is_leader) if coordinator is not None else True
    healthy = body["database"] == "ok" and not body["redis"].startswith("error")
    return web.json_response(body, status=200 if healthy else 503)


def _database_figures() -> dict:
    from knowledge.db import database

    try:
        return metrics.outbox_figures()
    finally:
        if not database.is_closed():    # this worker thread's own connection
            database.close()


async def prometheus(request: web.Request) -> web.Response:
    from prometheus_client import CONTENT_TYPE_LATEST

    try:
        body = await asyncio.wait_for(asyncio.to_thread(_render), CHECK_TIMEOUT * 2)
    except Exception as e:
        return web.Response(status=503, text=f"metrics unavailable: {type(e).__name__}\n")
    return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})


def _render() -> bytes:
    from prometheus_client import generate_latest

    from knowledge.db import database

    try:
        return generate_latest(metrics.REGISTRY)
    finally:
        if not database.is_closed():
            database.close()
