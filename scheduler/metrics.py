"""What a running bot counts for Prometheus (`/metrics`, see `bot.ops`): messages sent and
429s (counted by the gate as they happen), and, read from the database at each scrape, the
outbox's depth, its oldest due message and how late the reminders are.

One registry per process (Prometheus counters are per process by design: the server sums
the replicas). Counters live here so the gate and the sender can count without knowing
about HTTP.
"""
from __future__ import annotations

from datetime import datetime, timezone

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.core import GaugeMetricFamily

REGISTRY = CollectorRegistry(auto_describe=True)

MESSAGES_SENT = Counter("loa_messages_sent", "Messages (and edits) Telegram accepted",
                        ["kind"], registry=REGISTRY)              # kind: reply | bulk | paid
RETRY_AFTER = Counter("loa_telegram_429", "Telegram answers 429 Too Many Requests",
                      ["method"], registry=REGISTRY)
API_ERRORS = Counter("loa_telegram_errors", "Other failed Telegram calls",
                     ["method"], registry=REGISTRY)
ROUND_TRIP = Histogram("loa_telegram_round_trip_seconds", "Telegram API round trip",
                       buckets=(0.025, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 2, 5), registry=REGISTRY)
SEND_WINDOW = Gauge("loa_send_window", "Outbox API calls allowed in flight (follows the round trip)",
                    registry=REGISTRY)
THROTTLED = Counter("loa_questions_throttled", "Messages dropped by the per-user throttle",
                    registry=REGISTRY)


def naive_utc_now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def outbox_figures(now: datetime | None = None) -> dict[str, float]:
    """Pending outbox rows, the age of the oldest one that is due (the sender's lag), and the
    age of the oldest reminder that should have fired (the reminders' lag); seconds, 0 when
    nothing waits."""
    from peewee import fn

    from scheduler.outbox import PENDING, Delivery
    from scheduler.pings import PLANNED, Ping

    now = now or naive_utc_now()
    depth = Delivery.select().where(Delivery.status == PENDING).count()
    due = (Delivery.select(fn.MIN(Delivery.created_at))
           .where(Delivery.status == PENDING,
                  Delivery.next_attempt_at.is_null() | (Delivery.next_attempt_at <= now)).scalar())
    late = Ping.select(fn.MIN(Ping.fire_at)).where(Ping.status == PLANNED, Ping.fire_at <= now).scalar()
    return {"depth": float(depth), "sender_lag": _age(due, now), "reminder_lag": _age(late, now)}


def _age(moment, now: datetime) -> float:
    if moment is None:
        return 0.0
    if isinstance(moment, str):                     # SQLite aggregates come back as text
        moment = datetime.fromisoformat(moment)
    return max(0.0, (now - moment).total_seconds())


class OutboxCollector:
    """Reads the outbox figures at scrape time (a few indexed queries)."""

    def collect(self):
        figures = outbox_figures()
        for name, help_text, key in (
                ("loa_outbox_pending", "Outbox messages not yet sent", "depth"),
                ("loa_outbox_oldest_due_seconds", "Age of the oldest due outbox message", "sender_lag"),
                ("loa_reminder_lag_seconds", "How late the oldest unfired reminder is", "reminder_lag")):
            family = GaugeMetricFamily(name, help_text)
            family.add_metric([], figures[key])
            yield family

    def describe(self):
        return []
