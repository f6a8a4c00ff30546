"""Structured logs: one line per event, `event=delivery_sent chat=-100… kind=notice ms=12`,
so that a grep or a log shipper can follow a broadcast. The bot token never reaches a log
line: aiogram puts it in request URLs, so its loggers stay at WARNING and every line is
filtered for the token anyway.
"""
from __future__ import annotations

import logging
import sys
from urllib.parse import urlsplit

_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"


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


class SecretFilter(logging.Filter):
    """Replace secrets (the bot token, the webhook secret) in every record with `***`."""

    def __init__(self, secrets: list[str]):
        super().__init__()
        self.secrets = [s for s in secrets if s]

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        message = record.getMessage()
        if any(s in message for s in self.secrets):
            for s in self.secrets:
                message = message.replace(s, "***")
            record.msg, record.args = message, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            for s in self.secrets:
                record.exc_text = record.exc_text.replace(s, "***")
        return True


def setup_logging(secrets: list[str] | None = None, level: int = logging.INFO, stream=None) -> None:
    """Configure the root logger once for the bot process."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.addFilter(SecretFilter(list(secrets or [])))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name in ("aiogram", "aiohttp.access", "apscheduler"):
        logging.getLogger(name).setLevel(logging.WARNING)
