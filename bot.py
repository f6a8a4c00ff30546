#!/usr/bin/env python3
"""Loa — the one entry point.

    python bot.py                       Telegram bot when BOT_TOKEN is set, else a console chat
    python bot.py ask [QUESTION] [--json]
    python bot.py import FILE [--json]
    python bot.py deadlines [--json | --ics] [--all] [--unit CODE]
"""
from __future__ import annotations

import argparse
import json
import sys

from bot.config import ConfigError, Settings, load_settings


class StartupError(Exception):
    """The program cannot start; the message is one line for the person who started it."""


def open_knowledge(settings: Settings):
    """Open the database and load the bundled notices if they are new or changed."""
    from peewee import PeeweeException

    from knowledge.db import exclusive_start, open_database
    from knowledge.loader import ensure_seeded

    from bot.logs import redact, redact_url

    try:
        open_database(settings.database_url)
    except (PeeweeException, RuntimeError, ValueError, OSError) as e:
        reason = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise StartupError(f"DATABASE_URL: cannot open {redact_url(settings.database_url)!r}: "
                           f"{redact(reason, settings.secret_values())}") from None
    with exclusive_start():           # replicas starting together seed once
        ensure_seeded()


def cmd_run(settings: Settings, args) -> int:
    open_knowledge(settings)
    if settings.bot_token is None:
        from bot.console import run_console
        return run_console(settings, sys.stdin, sys.stdout)
    import asyncio

    from bot.app import TelegramUnavailable, run_telegram
    try:
        asyncio.run(run_telegram(settings))
    except TelegramUnavailable as e:
        raise StartupError(str(e)) from None
    return 0


def cmd_ask(settings: Settings, args) -> int:
    from knowledge.index_store import cache_path
    from knowledge.search import Searcher

    open_knowledge(settings)
    searcher = Searcher.from_database(cache_path(settings.database_url))
    questions = [" ".join(args.question)] if args.question else (l.strip() for l in sys.stdin)
    for q in questions:
        if not q:
            continue
        answer = searcher.ask(q)
        if args.json:
            print(json.dumps(answer.to_json(), ensure_ascii=False), flush=True)
        else:
            from bot.views import to_plain
            from bot.views.answers import render_answer
            print(to_plain(render_answer(answer, answer.lang)), end="\n\n", flush=True)
    return 0


def cmd_import(settings: Settings, args) -> int:
    from knowledge.loader import document_dict, import_file
    from knowledge.models import Document
    from knowledge.parser import ParseError

    open_knowledge(settings)
    known = Document.select().count()
    try:
        doc = import_file(args.file)
    except ParseError as e:
        print(f"import: {e.message(settings.default_lang)}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"import: {e}", file=sys.stderr)
        return 1
    d = document_dict(doc)
    if args.json:
        print(json.dumps(d, ensure_ascii=False, indent=2))
    else:
        # The same notice again, or a corrected one (same number, issuer, date), updates it.
        what = "Imported" if Document.select().count() > known else "Already known, updated"
        print(f"{what} {d.get('number') or d['title'][:60]}: {len(d['items'])} items, "
              f"{sum(len(i.get('deadlines', [])) for i in d['items'])} deadlines")
    return 0


def cmd_deadlines(settings: Settings, args) -> int:
    from knowledge.deadlines import list_deadlines, render_ics

    open_knowledge(settings)
    # A calendar is also a record: the feed keeps past deadlines.
    rows = list_deadlines(settings.zone, include_past=args.all or args.ics, unit=args.unit)
    if args.ics:
        sys.stdout.write(render_ics(rows, settings.zone))
    elif args.json:
        for row in rows:
            print(json.dumps(row.to_json(), ensure_ascii=False))
    else:
        from bot.conversation import deadline_list
        from bot.views import to_plain
        print(to_plain(deadline_list(settings, settings.default_lang, include_past=args.all, unit=args.unit)))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="bot.py", description="Loa: directives to every unit.")
    sub = ap.add_subparsers(dest="command")
    p = sub.add_parser("ask", help="answer questions (one per line on stdin when none given)")
    p.add_argument("question", nargs="*")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("import", help="parse a notice (.txt, .md, .docx, .pdf, a photo or scan) and store it")
    p.add_argument("file")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("deadlines", help="list deadlines, soonest first")
    p.add_argument("--json", action="store_true")
    p.add_argument("--ics", action="store_true", help="an iCalendar feed")
    p.add_argument("--all", action="store_true", help="include past deadlines")
    p.add_argument("--unit", help="only this unit's deadlines (health, enterprises, …)")
    args = ap.parse_args(argv)

    try:
        settings = load_settings()
    except ConfigError as e:
        print(f"Loa: bad configuration: {e}", file=sys.stderr)
        return 2
    command = {"ask": cmd_ask, "import": cmd_import, "deadlines": cmd_deadlines}.get(args.command, cmd_run)
    try:
        return command(settings, args)
    except StartupError as e:
        print(f"Loa: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as e:     # a bug: its traceback helps, but never with a secret in it
        import traceback

        from bot.logs import redact
        sys.stderr.write(redact("".join(traceback.format_exception(e)), settings.secret_values()))
        return 1


if __name__ == "__main__":
    sys.exit(main())
