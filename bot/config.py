"""Settings from the environment and `.env`, checked once at start-up.

A bad value stops the program with one line naming the variable (see `load_settings`),
never with a traceback.
"""
from __future__ import annotations

from typing import Annotated
from urllib.parse import unquote, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator
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
    send_window: int = 4             # API calls in flight at once (a kill may repeat these)

    # Deadline reminders.
    reminder_offsets: str = "3d,1d,0d"
    reminder_hour: int = 8

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

    @field_validator("send_window")
    @classmethod
    def _window(cls, v):
        if v < 1:
            raise ValueError("must be at least 1")
        return v

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
        passwords in DATABASE_URL and TELEGRAM_API_URL."""
        from bot.logs import url_password

        values = [s.get_secret_value() for s in (self.bot_token, self.webhook_secret) if s]
        for url in (self.database_url, self.telegram_api_url):
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
        name = str(err["loc"][0]).upper() if err.get("loc") else "configuration"
        msg = err.get("msg", "invalid value").removeprefix("Value error, ")
        raise ConfigError(f"{name}: {msg}") from None
