"""Replicas: outbox rows are claimed by one sender for a lease; a broadcast can be urgent
(a paid broadcast) and remembers when its final report reached the admin (the broadcasts
finished before this step were reported by the process that sent them)."""
from scheduler.outbox import Broadcast, Delivery


def up(schema) -> None:
    schema.add_columns(Delivery, "claimed_by", "lease_until")
    schema.add_columns(Broadcast, "urgent", "reported_at")
    with Broadcast.bind_ctx(schema.db):
        (Broadcast.update(reported_at=Broadcast.finished_at)
         .where(Broadcast.status == "done", Broadcast.reported_at.is_null()).execute())
