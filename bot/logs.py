"""The bot process's logging: one stream of structured lines (written with
knowledge.logs.log_event, which every layer may use). The bot token never reaches a log
line: aiogram puts it in request URLs, so its loggers stay at WARNING and every line is
filtered for the token anyway.
"""
from __future__ import annotations

import logging
import sys

from knowledge.logs import redact

_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"


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
            record.msg, record.args = redact(message, self.secrets), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text, self.secrets)
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
