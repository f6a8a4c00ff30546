"""Structured logs: one line per event, `event=delivery_sent chat=-100… kind=notice ms=12`,
so that a grep or a log shipper can follow a broadcast; and the redaction of secrets in
what is printed. Here, at the lowest layer, because the scheduler logs its events too and
must not import the bot; the bot process's logging set-up (aiogram's loggers, the token
filter) stays in bot/logs.py.
"""
from __future__ import annotations

import logging
from urllib.parse import urlsplit


def _value(v) -> str:
    text = str(v)
    if text == "" or any(c in text for c in ' ="\n'):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
    return text


def log_event(logger: logging.Logger, event: str, level: int = logging.INFO, **fields) -> None:
    """Log `event=<event> key=value …` (values quoted when they contain spaces)."""
    if not logger.isEnabledFor(level):
        return
    parts = [f"event={event}"] + [f"{k}={_value(v)}" for k, v in fields.items() if v is not None]
    logger.log(level, " ".join(parts))


def redact(text: str, secrets) -> str:
    """`text` with every secret replaced by `***`."""
    for s in secrets:
        if s:
            text = text.replace(s, "***")
    return text


def url_password(url: str | None) -> str | None:
    """The password in `scheme://user:password@host/…`, if any."""
    try:
        return urlsplit(url or "").password
    except ValueError:          # malformed: fall back to what sits between ':' and '@'
        head = (url or "").partition("://")[2].rpartition("@")[0]
        return head.partition(":")[2] or None


def redact_url(url: str | None) -> str:
    """The address without its password, fit to print."""
    return redact(url or "", [url_password(url)])
