"""Settings from the environment and `.env`, checked once at start-up.

A bad value stops the program with one line naming the variable (see `load_settings`),
never with a traceback.
"""
from __future__ import annotations

from typing import Annotated
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class ConfigError(Exception):
    """A configuration value is wrong; the message names the variable."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    bot_token: SecretStr | None = None
    admin_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    database_url: str = "sqlite:///data/loa.db"
    tz: str = "Asia/Ho_Chi_Minh"
    telegram_api_url: str | None = None
    default_lang: str = "vi"

    # Webhook mode (long polling when WEBHOOK_URL is empty).
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_host: str = "0.0.0.0"
    webhook_port: int = 8080

    # Delivery limits (Telegram Bot FAQ).
    send_rate: float = 30.0          # messages per second overall
    group_per_minute: int = 20       # messages per minute to one group
    chat_interval: float = 1.0       # seconds between messages to one chat
    send_window: int = 100           # at most this many API calls in flight (a kill may repeat
                                     # those); below it, as many as the round trip needs
    outbox_lease: float = 15.0       # seconds a sender's claim on an outbox row lasts unless renewed
    paid_broadcast_rate: float = 0.0  # urgent notices as paid broadcasts, messages/s (0: off)
    user_burst: int = 6              # questions one user may send at once, then
    user_per_minute: float = 12.0    # this many per minute (0: no throttling)

    # Replicas: REPLICAS > 1 needs webhook mode, a fixed WEBHOOK_SECRET and PostgreSQL;
    # REDIS_URL shares Telegram's limits (and the conversation state) between them.
    replicas: int = 1
    redis_url: SecretStr | None = None
    health_port: int | None = None   # polling mode: serve /healthz and /metrics on this port

    # Deadline reminders.
    reminder_offsets: str = "3d,1d,0d"
    reminder_hour: int = 8

    # The five bundled Covid-19 notices (2021–2022) in the knowledge base; false removes them.
    bundled_notices: bool = True

    # Answers mark a notice older than this (days) as old when it has no deadline ahead.
    notice_max_age_days: int = Field(default=365, ge=1)

    @field_validator("bot_token", mode="before")
    @classmethod
    def _empty_token_is_none(cls, v):
        return None if v in ("", None) else v

    @field_validator("bot_token")
    @classmethod
    def _token_shape(cls, v):
        # aiogram's rule (aiogram.utils.token.validate_token), without importing aiogram: the
        # command line (`bot.py import`, `ask`) starts in a fraction of a second
        if v is not None:
            token = v.get_secret_value()
            bot_id, colon, secret = token.partition(":")
            if any(c.isspace() for c in token) or not colon or not bot_id.isdigit() or not secret:
                raise ValueError("does not look like a bot token from @BotFather (123456:ABC…)")
        return v

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _split_ids(cls, v):
        if v in (None, ""):
            return []
        if isinstance(v, str):
            try:
                return [int(p) for p in v.replace(";", ",").split(",") if p.strip()]
            except ValueError:
                raise ValueError("must be a comma-separated list of numeric Telegram user ids") from None
        return v

    @field_validator("telegram_api_url", "webhook_url", mode="before")
    @classmethod
    def _empty_url_is_none(cls, v):
        return None if v in ("", None) else v

    @field_validator("telegram_api_url", "webhook_url")
    @classmethod
    def _http_url(cls, v):
        """Checked here, not at the first request, where the error shows the token."""
        if v is not None:
            try:
                parts = urlsplit(v)
                parts.port                       # raises on a port that is not a number
            except ValueError:
                parts = None
            if parts is None or parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValueError("must be an http:// or https:// address with a host, "
                                 "like http://localhost:8081") from None
        return v

    @field_validator("tz")
    @classmethod
    def _known_zone(cls, v):
        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {v!r} (example: Asia/Ho_Chi_Minh)") from None
        return v

    @field_validator("reminder_offsets")
    @classmethod
    def _offsets_parse(cls, v):
        parse_offsets(v)
        return v

    @field_validator("send_window", "replicas")
    @classmethod
    def _at_least_one(cls, v):
        if v < 1:
            raise ValueError("must be at least 1")
        return v

    @field_validator("outbox_lease")
    @classmethod
    def _lease(cls, v):
        if v < 1:
            raise ValueError("must be at least 1 second")
        return v

    @field_validator("redis_url", "health_port", mode="before")
    @classmethod
    def _empty_is_none(cls, v):
        return None if v == "" else v

    @field_validator("redis_url")
    @classmethod
    def _redis_scheme(cls, v):
        if v is not None and not v.get_secret_value().startswith(("redis://", "rediss://", "unix://")):
            raise ValueError("must start with redis://, rediss:// or unix:// (example: redis://127.0.0.1:6379/0)")
        return v

    @model_validator(mode="after")
    def _replicas_need_webhook(self):
        """Several processes must share one webhook secret and one PostgreSQL database:
        polling would have them fight over updates, and a random secret per process makes
        the others refuse every update Telegram routes to them."""
        if self.replicas > 1:
            if not self.webhook_url:
                raise ValueError(f"REPLICAS={self.replicas} needs webhook mode (WEBHOOK_URL): long polling is one instance")
            if self.webhook_secret is None:
                raise ValueError(f"REPLICAS={self.replicas} needs a fixed WEBHOOK_SECRET shared by every replica")
            if not self.database_url.split(":", 1)[0].startswith("postgres"):
                raise ValueError(f"REPLICAS={self.replicas} needs PostgreSQL (DATABASE_URL=postgresql://…)")
        return self

    @field_validator("reminder_hour")
    @classmethod
    def _hour_range(cls, v):
        if not 0 <= v <= 23:
            raise ValueError("must be an hour between 0 and 23")
        return v

    @field_validator("default_lang")
    @classmethod
    def _lang(cls, v):
        if v not in ("vi", "en"):
            raise ValueError("must be vi or en")
        return v

    def secret_values(self) -> list[str]:
        """What must never be printed or logged: the token, the webhook secret and the
        passwords in DATABASE_URL, TELEGRAM_API_URL and REDIS_URL."""
        from knowledge.logs import url_password

        values = [s.get_secret_value() for s in (self.bot_token, self.webhook_secret) if s]
        redis_url = self.redis_url.get_secret_value() if self.redis_url else None
        for url in (self.database_url, self.telegram_api_url, redis_url):
            password = url_password(url)
            if password:
                values += [password, unquote(password)]     # as written, and as a driver reads it
        return values

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.tz)

    @property
    def offsets(self) -> list[tuple[str, int]]:
        return parse_offsets(self.reminder_offsets)


def parse_offsets(text: str) -> list[tuple[str, int]]:
    """`3d,1d,0d,2h,30m` -> [("d", 3), ("d", 1), ("d", 0), ("h", 2), ("m", 30)].

    Days count back in calendar days (sent at REMINDER_HOUR); hours and minutes count back
    from the deadline's time of day.
    """
    out: list[tuple[str, int]] = []
    for part in (p.strip().lower() for p in text.split(",")):
        if not part:
            continue
        unit, number = part[-1], part[:-1]
        if unit not in "dhm" or not number.isdigit():
            raise ValueError(f"bad offset {part!r}: use a comma list like 3d,1d,0d,2h,30m")
        out.append((unit, int(number)))
    if not out:
        raise ValueError("needs at least one offset, like 3d,1d,0d")
    return out


def load_settings(**overrides) -> Settings:
    """Read settings; raise ConfigError with one line naming the bad variable."""
    try:
        return Settings(**overrides)
    except ValidationError as e:
        err = e.errors()[0]
        msg = err.get("msg", "invalid value").removeprefix("Value error, ")
        if not err.get("loc"):          # a rule about several variables names them itself
            raise ConfigError(msg) from None
        raise ConfigError(f"{str(err['loc'][0]).upper()}: {msg}") from None
