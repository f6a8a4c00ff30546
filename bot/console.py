"""The console chat: the bot's conversation without Telegram (no BOT_TOKEN set).

It serves the same services and the same rendering as the Telegram handlers — answers,
deadline lists, help — so a person can try Loa on a fresh machine with one command.
"""
from __future__ import annotations

from typing import TextIO

from bot.command_names import COMMANDS, closest_command
from bot.config import Settings
from bot.views import to_plain
from texts import t


# Commands that act on groups, buttons or files in Telegram: the console names where they are
# instead of calling them unknown (an admin trying /push or /report here looks for them).
CONSOLE_COMMANDS = ("full", "more", "quit", "exit")
TELEGRAM_ONLY = {"push", "report", "notices", "subscribe", "unsubscribe", "mysubs", "subscriptions",
                 "admin", "glossary", "calendar"}

_FULL_WORDS = {"toan van", "xem toan van", "xem them", "full", "full text", "more"}


class ConsoleChat:
    """One conversation: a line in, a reply out. Kept apart from I/O so tests can drive it."""

    def __init__(self, settings: Settings, searcher):
        self.settings = settings
        self.searcher = searcher
        self.lang = settings.default_lang
        self.last_item: int | None = None       # the item of the last answer, for /full

    def reply(self, line: str) -> str | None:
        """The reply to one typed line, or None when the user wants to leave."""
        line = line.strip()
        if not line:
            return ""
        if line.startswith("/"):
            command, _, rest = line[1:].partition(" ")
            return self.command(command.lower(), rest.strip())
        return self.answer(line)

    def command(self, command: str, rest: str) -> str | None:
        if command in ("quit", "exit", "q"):
            return None
        if command in ("help", "start"):
            return to_plain(t(self.lang, "console.help"))
        if command in ("full", "more"):
            return self.full()
        if command == "lang":
            if rest not in ("vi", "en"):
                return to_plain(t(self.lang, "lang.current", lang=self.lang))
            self.lang = rest
            return to_plain(t(self.lang, "lang.changed"))
        if command == "deadlines":
            return self.deadlines(rest)
        if command == "ask":
            return self.answer(rest) if rest else to_plain(t(self.lang, "ask.usage"))
        if command in TELEGRAM_ONLY:
            return to_plain(t(self.lang, "console.telegram_only", command=command))
        meant = closest_command(command, COMMANDS + CONSOLE_COMMANDS)
        return to_plain(t(self.lang, "common.unknown_command_like", command=meant) if meant
                        else t(self.lang, "common.unknown_command"))

    def deadlines(self, args: str) -> str:
        from bot.conversation import deadline_list, parse_deadline_args, unknown_unit

        include_past, unit, bad = parse_deadline_args(args)
        if bad is not None:
            return to_plain(unknown_unit(self.lang, bad))
        return to_plain(deadline_list(self.settings, self.lang, include_past=include_past, unit=unit))

    def full(self) -> str:
        """The whole item of the last answer: what the "Toàn văn" button shows in Telegram."""
        from datetime import datetime, timezone

        from bot.views.answers import render_item

        if self.last_item is None:
            return to_plain(t(self.lang, "console.no_full"))
        return to_plain(render_item(self.last_item, self.lang, now=datetime.now(timezone.utc),
                                    zone=self.settings.zone))

    def answer(self, question: str) -> str:
        from bot.conversation import clipped_question, reply_to_text
        from knowledge.text import fold

        if " ".join(fold(question).strip(" .?!").split()) in _FULL_WORDS:
            return self.full()
        question, note = clipped_question(question, self.lang)
        reply = reply_to_text(question, searcher=self.searcher, settings=self.settings, lang=self.lang)
        self.last_item = reply.full_text        # none after a decline: /full has nothing to show, not an older item
        if reply.full_text is None:
            return to_plain(note + reply.html)
        return to_plain(note + reply.html + "\n" + t(reply.lang, "console.full_hint"))


def run_console(settings: Settings, stdin: TextIO, stdout: TextIO) -> int:
    from knowledge.index_store import cache_path
    from knowledge.search import Searcher

    chat = ConsoleChat(settings, Searcher.from_database(cache_path(settings.database_url)))
    interactive = stdin.isatty()
    print(to_plain(t(chat.lang, "console.welcome")), file=stdout)
    while True:
        if interactive:
            print("> ", end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line:
            break
        reply = chat.reply(line)
        if reply is None:
            break
        if reply:
            print(reply, end="\n\n", file=stdout, flush=True)
    print(to_plain(t(chat.lang, "console.bye")), file=stdout)
    return 0
