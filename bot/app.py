"""The Telegram application: the Bot (with the gate every API call passes), the Dispatcher
with its services, and the run loop (long polling, or a webhook when WEBHOOK_URL is set)
with the outbox sender, the reminders and the replicas' coordination working beside it.

Services are built once here and handed to the Dispatcher, so handlers receive them as
typed parameters (`searcher: Searcher`, `sender: Sender`, …) and tests can build the same
dispatcher around fakes.

Several processes can run the same bot (REPLICAS, webhook mode, PostgreSQL): they share the
outbox through claims, Telegram's limits through Redis (REDIS_URL), and one of them leads the
scheduler (`scheduler.replicas`).
"""
from __future__ import annotations

import asyncio
import logging
import secrets
from urllib.parse import urlsplit

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode

from bot.config import Settings
from bot.logs import setup_logging
from bot.outgoing import CleanOutgoingText
from bot.views.renderers import RENDERERS
from knowledge.logs import log_event, redact, redact_url
from scheduler.clock import SystemClock, sleep_or_wake
from scheduler.gate import Gate, install_gate
from scheduler.limits import make_limits
from scheduler.sender import Sender

log = logging.getLogger("loa.app")

SEARCH_CHECK_SECONDS = 10.0      # how often the knowledge base is compared (besides events)


def create_bot(settings: Settings, gate: Gate | None = None) -> Bot:
    """A Bot that answers in Telegram HTML, pointed at TELEGRAM_API_URL when it is set,
    with `gate` in front of every API call."""
    session = None
    if settings.telegram_api_url:
        api = TelegramAPIServer.from_base(settings.telegram_api_url.rstrip("/"))
        session = AiohttpSession(api=api)
    bot = Bot(settings.bot_token.get_secret_value(), session=session,
              default=DefaultBotProperties(parse_mode=ParseMode.HTML,
                                           allow_sending_without_reply=True))
    bot.session.middleware(CleanOutgoingText())        # no bidi or invisible characters out
    if gate is not None:
        install_gate(bot, gate)
    return bot


def create_dispatcher(settings: Settings, *, searcher, sender: Sender, reminders=None,
                      clock=None, limits=None, storage=None) -> Dispatcher:
    from bot.middlewares import setup_middlewares
    from handlers import all_routers

    services = dict(settings=settings, searcher=searcher, sender=sender, reminders=reminders,
                    clock=clock or SystemClock())
    if limits is not None:          # per-user throttling (bot.throttle) uses them
        services["limits"] = limits
    dp = Dispatcher(storage=storage, **services) if storage is not None else Dispatcher(**services)
    dp.include_routers(*all_routers())
    setup_middlewares(dp)
    return dp


def open_redis(settings: Settings):
    """A redis-py asyncio client for REDIS_URL, or None."""
    if settings.redis_url is None:
        return None
    import redis.asyncio as redis
    return redis.from_url(settings.redis_url.get_secret_value(), socket_timeout=5,
                          socket_connect_timeout=5, health_check_interval=30)


async def run_telegram(settings: Settings) -> None:
    """Run the bot until it is stopped (Ctrl-C, SIGTERM); the database is already open."""
    from bot.commands import set_commands
    from knowledge.index_store import cache_path
    from knowledge.search import Searcher
    from scheduler.reminders import ReminderService
    from scheduler.replicas import KNOWLEDGE, OUTBOX, Coordinator

    setup_logging(settings.secret_values())

    clock = SystemClock()
    redis = open_redis(settings)
    bot_id = settings.bot_token.get_secret_value().split(":", 1)[0]
    limits = make_limits(settings, clock, redis, prefix=f"loa:{bot_id}")
    bot = create_bot(settings, Gate(limits, clock))
    me = await _first_contact(bot, settings)
    coordinator = Coordinator(settings.database_url)
    sender = Sender(bot, settings, clock, renderers=RENDERERS, leader=coordinator.leader)
    reminders = ReminderService(settings, sender=sender, clock=clock, renderers=RENDERERS)
    storage = None
    if redis is not None:
        from aiogram.fsm.storage.redis import RedisStorage
        storage = RedisStorage(redis, key_builder=_storage_keys(bot_id))
    searcher = Searcher.from_database(cache_path(settings.database_url))
    dp = create_dispatcher(settings, searcher=searcher, sender=sender,
                           reminders=reminders, clock=clock, limits=limits, storage=storage)

    knowledge_changed = asyncio.Event()
    coordinator.on(OUTBOX, sender.notify)
    coordinator.on(KNOWLEDGE, knowledge_changed.set)

    async def lead() -> None:            # this process runs the scheduler's jobs
        reminders.start()

    async def follow() -> None:
        await reminders.stop()

    coordinator.on_leadership(lead, follow)
    log_event(log, "bot_started", username=me.username,
              mode="webhook" if settings.webhook_url else "polling",
              api=redact_url(settings.telegram_api_url) or "telegram", redis=redis is not None,
              replicas=settings.replicas)
    try:
        await set_commands(bot)
    except Exception as e:   # the menu is a convenience: never a reason not to start
        log_event(log, "set_commands_failed", logging.WARNING, error=str(e))
    tasks = [asyncio.create_task(coordinator.run(), name="coordinator"),
             asyncio.create_task(sender.run(), name="sender"),
             asyncio.create_task(keep_search_fresh(dp["searcher"], clock, knowledge_changed, reminders,
                                                   coordinator.leader), name="search-refresh")]
    try:
        if settings.webhook_url:
            await _run_webhook(settings, bot, dp, limits, coordinator)
        else:
            await bot.delete_webhook(drop_pending_updates=False)
            server = await _start_health_server(settings, limits, coordinator)
            try:
                await dp.start_polling(bot, handle_signals=True, close_bot_session=False,
                                       allowed_updates=dp.resolve_used_update_types())
            finally:
                if server is not None:
                    await server.cleanup()
    finally:
        log_event(log, "bot_stopping")
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        await reminders.stop()
        await bot.session.close()
        await limits.close()


class TelegramUnavailable(Exception):
    """The Bot API cannot be used at start-up; the message is one line without secrets."""


async def _first_contact(bot: Bot, settings: Settings):
    """getMe, or one clear line: a refused token, an address that does not answer. (The
    library's own error would quote the request URL, which holds the token.)"""
    from aiogram.exceptions import TelegramAPIError, TelegramUnauthorizedError

    try:
        return await bot.get_me()
    except TelegramUnauthorizedError:
        reason = "BOT_TOKEN: Telegram refused the token (Unauthorized); check it with @BotFather"
    except (TelegramAPIError, OSError, asyncio.TimeoutError, ValueError) as e:
        where = redact_url(settings.telegram_api_url) or "api.telegram.org"
        detail = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        reason = f"cannot reach the Bot API at {where}: {detail}"
    await bot.session.close()
    raise TelegramUnavailable(redact(reason, settings.secret_values()))


def _storage_keys(bot_id: str):
    from aiogram.fsm.storage.redis import DefaultKeyBuilder
    return DefaultKeyBuilder(prefix=f"loa:{bot_id}:fsm")


async def keep_search_fresh(searcher, clock, changed: asyncio.Event | None = None, reminders=None,
                            leader=None, interval: float = SEARCH_CHECK_SECONDS) -> None:
    """Notices stored by another process (a replica's push, `bot.py import`) become
    answerable: at once when the database announces them (`changed`, PostgreSQL), else at
    the next check. The trigger only decides when; `searcher.refresh` decides how (in a
    thread, so questions keep being answered meanwhile). The leader also plans the new
    deadlines' reminders. Glossary entries added on another replica are taken in as well."""
    from knowledge.glossary import glossary_stamp
    from knowledge.loader import knowledge_stamp

    changed = changed or asyncio.Event()
    seen, seen_words = knowledge_stamp(), glossary_stamp()
    while True:
        await sleep_or_wake(clock, changed, interval)
        try:
            stamp, words = knowledge_stamp(), glossary_stamp()
            if stamp != seen:
                await asyncio.to_thread(searcher.refresh)
                seen = stamp
                log_event(log, "search_refreshed")
                if reminders is not None and leader is not None and leader():
                    reminders.resync()
            if words != seen_words:
                searcher.refresh_glossary()
                seen_words = words
        except Exception as e:      # a locked or briefly unreachable database: try next time
            log_event(log, "search_refresh_failed", logging.WARNING, error=repr(e))


async def _run_webhook(settings: Settings, bot: Bot, dp: Dispatcher, limits, coordinator) -> None:
    """Serve Telegram's POSTs at the path of WEBHOOK_URL; the secret-token header must match.
    /healthz and /metrics are served beside it."""
    from aiohttp import web
    from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application

    from bot.ops import add_routes

    # Without WEBHOOK_SECRET a random one per run (one instance only: see Settings).
    secret = (settings.webhook_secret.get_secret_value() if settings.webhook_secret
              else secrets.token_urlsafe(32))
    path = urlsplit(settings.webhook_url).path or "/"
    app = web.Application()
    SimpleRequestHandler(dispatcher=dp, bot=bot, secret_token=secret).register(app, path=path)
    setup_application(app, dp, bot=bot)
    add_routes(app, limits=limits, coordinator=coordinator)
    await bot.set_webhook(settings.webhook_url, secret_token=secret,
                          allowed_updates=dp.resolve_used_update_types())
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, settings.webhook_host, settings.webhook_port).start()
    log_event(log, "webhook_listening", host=settings.webhook_host, port=settings.webhook_port,
              path=path)
    try:
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()


async def _start_health_server(settings: Settings, limits, coordinator):
    """Polling mode: /healthz and /metrics on HEALTH_PORT, when it is set."""
    if settings.health_port is None:
        return None
    from aiohttp import web

    from bot.ops import add_routes

    app = web.Application()
    add_routes(app, limits=limits, coordinator=coordinator)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, settings.webhook_host, settings.health_port).start()
    log_event(log, "health_listening", host=settings.webhook_host, port=settings.health_port)
    return runner
