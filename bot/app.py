"""The Telegram application: the Bot, the Dispatcher with its services, and the run loop
(long polling, or a webhook when WEBHOOK_URL is set) with the outbox sender and the
reminders working beside it.

Services are built once here and handed to the Dispatcher, so handlers receive them as
typed parameters (`searcher: Searcher`, `sender: Sender`, …) and tests can build the same
dispatcher around fakes.
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
from bot.logs import log_event, redact, redact_url, setup_logging
from bot.outgoing import CleanOutgoingText
from scheduler.clock import SystemClock
from scheduler.sender import Sender

log = logging.getLogger("loa.app")


def create_bot(settings: Settings) -> Bot:
    """A Bot that answers in Telegram HTML, pointed at TELEGRAM_API_URL when it is set."""
    session = None
    if settings.telegram_api_url:
        api = TelegramAPIServer.from_base(settings.telegram_api_url.rstrip("/"))
        session = AiohttpSession(api=api)
    bot = Bot(settings.bot_token.get_secret_value(), session=session,
              default=DefaultBotProperties(parse_mode=ParseMode.HTML,
                                           allow_sending_without_reply=True))
    bot.session.middleware(CleanOutgoingText())        # no bidi or invisible characters out
    return bot


def create_dispatcher(settings: Settings, *, searcher, sender: Sender, reminders=None,
                      clock=None) -> Dispatcher:
    from bot.middlewares import setup_middlewares
    from handlers import all_routers

    dp = Dispatcher(settings=settings, searcher=searcher, sender=sender, reminders=reminders,
                    clock=clock or SystemClock())
    dp.include_routers(*all_routers())
    setup_middlewares(dp)
    return dp


async def run_telegram(settings: Settings) -> None:
    """Run the bot until it is stopped (Ctrl-C, SIGTERM); the database is already open."""
    from bot.commands import set_commands
    from knowledge.search import Searcher
    from scheduler.pings import ReminderService

    setup_logging(settings.secret_values())

    clock = SystemClock()
    bot = create_bot(settings)
    me = await _first_contact(bot, settings)
    sender = Sender(bot, settings, clock)
    reminders = ReminderService(settings, sender=sender, clock=clock)
    dp = create_dispatcher(settings, searcher=Searcher.from_database(), sender=sender,
                           reminders=reminders, clock=clock)
    log_event(log, "bot_started", username=me.username,
              mode="webhook" if settings.webhook_url else "polling",
              api=redact_url(settings.telegram_api_url) or "telegram")
    try:
        await set_commands(bot)
    except Exception as e:   # the menu is a convenience: never a reason not to start
        log_event(log, "set_commands_failed", logging.WARNING, error=str(e))
    sending = asyncio.create_task(sender.run(), name="sender")
    fresh = asyncio.create_task(keep_search_fresh(dp["searcher"], clock), name="search-refresh")
    reminders.start()
    try:
        if settings.webhook_url:
            await _run_webhook(settings, bot, dp)
        else:
            await bot.delete_webhook(drop_pending_updates=False)
            await dp.start_polling(bot, handle_signals=True, close_bot_session=False,
                                   allowed_updates=dp.resolve_used_update_types())
    finally:
        log_event(log, "bot_stopping")
        await reminders.stop()
        sending.cancel()
        fresh.cancel()
        await asyncio.gather(sending, fresh, return_exceptions=True)
        await bot.session.close()


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


async def keep_search_fresh(searcher, clock, interval: float = 60.0) -> None:
    """Notices imported by another process (`bot.py import`) become answerable within a
    minute; the index is rebuilt in a thread so questions keep being answered meanwhile.
    Glossary entries added on another replica are taken in as well."""
    from knowledge.glossary import glossary_stamp
    from knowledge.loader import knowledge_stamp

    seen, seen_words = knowledge_stamp(), glossary_stamp()
    while True:
        await clock.sleep(interval)
        try:
            stamp, words = knowledge_stamp(), glossary_stamp()
            if stamp != seen:
                await asyncio.to_thread(searcher.refresh)
                seen = stamp
                log_event(log, "search_refreshed")
            if words != seen_words:
                searcher.refresh_glossary()
                seen_words = words
        except Exception as e:      # a locked or briefly unreachable database: try next time
            log_event(log, "search_refresh_failed", logging.WARNING, error=repr(e))


async def _run_webhook(settings: Settings, bot: Bot, dp: Dispatcher) -> None:
    """Serve Telegram's POSTs at the path of WEBHOOK_URL; the secret-token header must match."""
    from aiohttp import web
    from aiogram.webhook.aiohttp_server import SimpleRequestHandler, setup_application

    # Without WEBHOOK_SECRET a random one per run: the header is always checked.
    secret = (settings.webhook_secret.get_secret_value() if settings.webhook_secret
              else secrets.token_urlsafe(32))
    path = urlsplit(settings.webhook_url).path or "/"
    app = web.Application()
    SimpleRequestHandler(dispatcher=dp, bot=bot, secret_token=secret).register(app, path=path)
    setup_application(app, dp, bot=bot)
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
