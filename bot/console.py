"""The console chat: the bot's conversation without Telegram (no BOT_TOKEN set).

It serves the same services and the same rendering as the Telegram handlers — answers,
deadline lists, help — so a person can try Loa on a fresh machine with one command.
"""
from __future__ import annotations

from typing import TextIO

from bot.config import Settings
from bot.texts import t
from bot.views import to_plain


class ConsoleChat:
    """One conversation: a line in, a reply out. Kept apart from I/O so tests can drive it."""

    def __init__(self, settings: Settings, searcher):
        self.settings = settings
        self.searcher = searcher
        self.lang = settings.default_lang

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
            from bot.views.help import render_help
            return to_plain(render_help(self.lang, is_admin=False))
        if command == "lang":
            if rest not in ("vi", "en"):
                return to_plain(t(self.lang, "lang.current", lang=self.lang))
            self.lang = rest
            return to_plain(t(self.lang, "lang.changed"))
        if command == "deadlines":
            return self.deadlines(rest.split())
        if command == "ask":
            return self.answer(rest) if rest else to_plain(t(self.lang, "ask.usage"))
        return to_plain(t(self.lang, "common.unknown_command"))

    def deadlines(self, words: list[str]) -> str:
        from bot.conversation import deadline_list

        include_past = "all" in words
        unit = next((w for w in words if w != "all"), None)
        return to_plain(deadline_list(self.settings, self.lang, include_past=include_past, unit=unit))

    def answer(self, question: str) -> str:
        from bot.conversation import reply_to_text

        return to_plain(reply_to_text(question, searcher=self.searcher, settings=self.settings,
                                      lang=self.lang).html)


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
