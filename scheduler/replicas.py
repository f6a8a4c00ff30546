"""Several processes, one bot: which one leads, and how each learns what the others did.

On PostgreSQL (the only database several processes may share) each process keeps one
connection of its own for this:
- **leadership**: the leader holds a session advisory lock. It runs the scheduler's jobs
  (reminders, digests) and shows the admins' delivery progress; the others try the lock
  every few seconds. When the leader dies its connection closes, the lock is free, and
  another process takes over at its next try (the server notices a vanished machine through
  TCP keepalives set on that connection, within about half a minute).
- **events**: the database itself announces changes (triggers of migration 0031 NOTIFY on
  commit): new outbox rows (`loa_outbox`) wake every sender at once; a stored, replaced or
  removed notice (`loa_knowledge`) refreshes every process's answers and the leader's
  reminder plan. Whoever wrote the rows — a replica, `bot.py import` — needs no code for it.

On SQLite the process is alone: it leads, and hears only itself.
"""
from __future__ import annotations

import asyncio
import logging
import os
import secrets
import socket
from collections import defaultdict

from knowledge.logs import log_event

log = logging.getLogger("loa.replicas")

LEADER_LOCK = 0x10A5C4E4          # pg_advisory_lock key of the scheduler's leader ("loa leader")
OUTBOX, KNOWLEDGE = "loa_outbox", "loa_knowledge"
CHANNELS = (OUTBOX, KNOWLEDGE)


def process_identity() -> str:
    """Names this process in outbox claims: host, pid and a random part (a pid is reused)."""
    return f"{socket.gethostname()}:{os.getpid()}:{secrets.token_hex(3)}"


class Coordinator:
    """Leadership and events for one process (see the module docstring).

    `on(channel, callback)` runs `callback()` on the event loop when another process (or
    this one) committed a change of that kind; `on_leadership(gained, lost)` are awaited
    when this process becomes the leader or stops being it.
    """

    def __init__(self, database_url: str, *, check_interval: float = 5.0):
        self.url = database_url
        self.shared = database_url.split(":", 1)[0].startswith("postgres")   # postgresql+pool too
        self.check_interval = check_interval
        self.is_leader = False
        self._callbacks: dict[str, list] = defaultdict(list)
        self._gained = self._lost = None
        self._conn = None
        self._fd = None

    def on(self, channel: str, callback) -> None:
        self._callbacks[channel].append(callback)

    def on_leadership(self, gained, lost) -> None:
        self._gained, self._lost = gained, lost

    def leader(self) -> bool:
        return self.is_leader

    async def run(self) -> None:
        """Until cancelled: lead or follow, and pass on the database's events."""
        if not self.shared:
            await self._set_leader(True)
            await asyncio.Event().wait()
        backoff = 1.0
        try:
            while True:
                try:
                    self._connect()
                    backoff = 1.0
                    while True:
                        self._check()
                        if not self.is_leader and self._try_lock():
                            await self._set_leader(True)
                        await asyncio.sleep(self.check_interval)
                except asyncio.CancelledError:
                    raise
                except Exception as e:      # the connection broke: step down, reconnect
                    log_event(log, "coordinator_lost_database", logging.WARNING, error=repr(e))
                    self._disconnect()
                    await self._set_leader(False)
                    await asyncio.sleep(backoff)
                    backoff = min(30.0, backoff * 2)
        finally:
            self._disconnect()
            if self.is_leader:
                await self._set_leader(False)

    # -- PostgreSQL ------------------------------------------------------------------------
    def _connect(self) -> None:
        import psycopg2
        from playhouse.db_url import parse

        parsed = parse(self.url)
        params = {k: parsed[k] for k in ("user", "password", "host", "port") if parsed.get(k)}
        conn = psycopg2.connect(dbname=parsed["database"], connect_timeout=5, keepalives=1,
                                keepalives_idle=10, keepalives_interval=5, keepalives_count=3,
                                **params)
        conn.autocommit = True
        with conn.cursor() as cur:
            # The server's side of the same: a leader whose machine vanished frees the lock.
            cur.execute("SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; "
                        "SET tcp_keepalives_count = 3; SET statement_timeout = 5000")
            for channel in CHANNELS:
                cur.execute(f"LISTEN {channel}")
        self._conn = conn
        self._fd = conn.fileno()
        asyncio.get_running_loop().add_reader(self._fd, self._on_readable)

    def _disconnect(self) -> None:
        if self._fd is not None:
            try:
                asyncio.get_running_loop().remove_reader(self._fd)
            except (RuntimeError, ValueError):
                pass
            self._fd = None
        if self._conn is not None:
            try:
                self._conn.close()
            except Exception:
                pass
            self._conn = None

    def _try_lock(self) -> bool:
        with self._conn.cursor() as cur:
            cur.execute("SELECT pg_try_advisory_lock(%s)", (LEADER_LOCK,))
            return bool(cur.fetchone()[0])

    def _check(self) -> None:
        """The connection still works (the leader's lock lives with it)."""
        with self._conn.cursor() as cur:
            cur.execute("SELECT 1")
        self._on_readable()

    def _on_readable(self) -> None:
        conn = self._conn
        if conn is None:
            return
        try:
            conn.poll()
        except Exception as e:
            log_event(log, "coordinator_poll_failed", logging.WARNING, error=repr(e))
            return
        channels = set()
        while conn.notifies:
            channels.add(conn.notifies.pop(0).channel)
        for channel in channels:
            self.fire(channel)

    # -- both ------------------------------------------------------------------------------
    def fire(self, channel: str) -> None:
        """Run the callbacks of `channel` (also for changes this process made itself)."""
        for callback in self._callbacks.get(channel, ()):
            try:
                callback()
            except Exception:
                log.exception("event=event_callback_failed channel=%s", channel)

    async def _set_leader(self, leading: bool) -> None:
        if leading == self.is_leader:
            return
        self.is_leader = leading
        log_event(log, "leadership_gained" if leading else "leadership_lost", pid=os.getpid())
        hook = self._gained if leading else self._lost
        if hook is not None:
            try:
                await hook()
            except Exception:
                log.exception("event=leadership_hook_failed leading=%s", leading)
