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


_SCHEMES = ("sqlite", "postgres", "postgresql", "postgresext", "postgresqlext", "cockroachdb")
_LANG = None                   # --lang of this run


def cli_lang(settings: Settings) -> str:
    """The language of the command line's own messages: --lang, else LANG when it is
    English (en_US.UTF-8), else the configured default (Vietnamese)."""
    import os

    if _LANG:
        return _LANG
    if os.environ.get("LANG", "").lower().startswith("en"):
        return "en"
    return getattr(settings, "default_lang", "vi")


class StartupError(Exception):
    """The program cannot start; the message is one line for the person who started it."""


def open_knowledge(settings: Settings):
    """Open the database and load the bundled notices if they are new or changed."""
    from peewee import PeeweeException

    from knowledge.db import exclusive_start, open_database
    from knowledge.loader import ensure_seeded

    from knowledge.logs import redact, redact_url

    from texts import t

    lang = cli_lang(settings)
    url = repr(redact_url(settings.database_url))
    scheme = settings.database_url.partition("://")[0].lower()
    if scheme not in _SCHEMES:
        raise StartupError(t(lang, "cli.bad_database_url", url=url))
    try:
        open_database(settings.database_url)
    except (PeeweeException, RuntimeError, ValueError, OSError) as e:
        reason = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise StartupError(t(lang, "cli.cannot_open_database", url=url,
                             reason=redact(reason, settings.secret_values()))) from None
    with exclusive_start():           # replicas starting together seed once
        ensure_seeded(settings.bundled_notices)


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

    if args.question and not " ".join(args.question).strip():
        from texts import t
        print(t(cli_lang(settings), "cli.empty_question"), file=sys.stderr)
        return 2
    open_knowledge(settings)
    searcher = Searcher.from_database(cache_path(settings.database_url))
    questions = [" ".join(args.question)] if args.question else (l.strip() for l in sys.stdin)
    for q in questions:
        if not q:
            continue
        if args.json:
            print(json.dumps(searcher.ask(q).to_json(), ensure_ascii=False), flush=True)
        else:
            # The reply the chat and the console give: a deadline-list request ("hạn chót
            # tuần này") gets the list, anything else the answer.
            from bot.conversation import clipped_question, reply_to_text
            from bot.views import to_plain
            q, note = clipped_question(q, settings.default_lang)
            reply = reply_to_text(q, searcher=searcher, settings=settings, lang=settings.default_lang)
            print(to_plain(note + reply.html), end="\n\n", flush=True)
    return 0


def cmd_import(settings: Settings, args) -> int:
    import html

    from texts import header_text, t, warning_text
    from knowledge.loader import document_dict, save_document
    from knowledge.models import Document
    from knowledge.parser import ParseError
    from knowledge.reading import parse_file
    from knowledge.records import shortened

    open_knowledge(settings)
    lang = cli_lang(settings)
    known = Document.select().count()
    try:
        parsed = parse_file(args.file)
        doc = save_document(parsed, origin="import")
    except ParseError as e:
        print(f"import: {e.message(lang)}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"import: {e}", file=sys.stderr)
        return 1
    d = document_dict(doc)
    d["missing"] = list(parsed.get("missing") or [])
    warnings = ["not_a_notice"] if _not_a_notice(parsed) else []
    if args.json:
        d["warnings"] = warnings + [w.get("key", "") for w in parsed.get("warnings") or []]
        print(json.dumps(d, ensure_ascii=False, indent=2))
        return 0
    # The same notice again, or a corrected one (same number, issuer, date), updates it.
    key = "cli.imported" if Document.select().count() > known else "cli.updated"
    name = d.get("number") or shortened(d.get("title") or "", 60) or args.file
    lines = [t(lang, key, name=name, items=len(d["items"]),
               deadlines=sum(len(i.get("deadlines", [])) for i in d["items"])),
             html.unescape(header_text(d, lang))]
    if d["missing"]:
        fields = ", ".join(t(lang, f"cli.field_{f}") for f in d["missing"])
        lines.append(t(lang, "cli.missing", fields=fields))
    lines += [t(lang, f"cli.{w}") for w in warnings]
    lines += [warning_text(w, lang) for w in parsed.get("warnings") or []]
    print("\n".join(lines))
    return 0


def _not_a_notice(parsed: dict) -> bool:
    """No letterhead (issuer, number, date all missing) and no numbered item: a chat line
    ("xin chao cac ban") or a wrong file rather than an administrative notice."""
    missing = set(parsed.get("missing") or [])
    if not {"number", "issuer", "date"} <= missing:
        return False
    return not any(i.get("number") for i in parsed.get("items", []))


def cmd_deadlines(settings: Settings, args) -> int:
    from knowledge.deadlines import list_deadlines, render_ics

    open_knowledge(settings)
    # A calendar is also a record: the feed keeps past deadlines.
    unit = None
    if args.unit:
        from bot.conversation import parse_deadline_args, unknown_unit
        from bot.views import to_plain

        _, unit, bad = parse_deadline_args(args.unit)
        if bad is not None:
            print(to_plain(unknown_unit(cli_lang(settings), bad)), file=sys.stderr)
            return 2
    rows = list_deadlines(settings.zone, include_past=args.all or args.ics, unit=unit)
    if args.ics:
        sys.stdout.write(render_ics(rows, settings.zone))
    elif args.json:
        for row in rows:
            print(json.dumps(row.to_json(), ensure_ascii=False))
    else:
        from bot.conversation import deadline_list
        from bot.views import to_plain
        print(to_plain(deadline_list(settings, cli_lang(settings), include_past=args.all, unit=unit)))
    return 0


def cmd_notices(settings: Settings, args) -> int:
    """The stored notices, newest first; with --remove, one of them goes (by key or number)."""
    from texts import t
    from knowledge.stored_notices import notices_named, remove_notice, stored_notices

    open_knowledge(settings)
    lang = cli_lang(settings)
    if args.remove:
        found = notices_named(args.remove)
        if len(found) != 1:
            print(t(lang, "cli.notice_unknown" if not found else "cli.notice_ambiguous", ref=args.remove,
                    keys="; ".join(f"{d.key} ({d.number}, {d.issuer or '—'})" for d in found)), file=sys.stderr)
            return 1
        doc = found[0]
        if doc.origin == "seed" and settings.bundled_notices:
            print(t(lang, "cli.notice_bundled", name=doc.number or doc.key), file=sys.stderr)
            return 1
        remove_notice(doc)
        print(t(lang, "cli.notice_removed", name=doc.number or f"“{' '.join(doc.title.split()[:12])}”"))
        return 0
    notices = stored_notices()
    for n in notices:
        if args.json:
            print(json.dumps(n.to_json(), ensure_ascii=False))
            continue
        when = n.date.strftime("%d/%m/%Y") if n.date else "—"
        mark = t(lang, "cli.notice_bundled_mark") if n.bundled else ""
        print(f"{n.key}  {n.number or '—'}  {when}  {n.issuer or '—'}  · {' '.join(n.title.split())[:70]} "
              f"({t(lang, 'cli.notice_items', n=n.items)}){mark}")
    if not args.json:
        print(t(lang, "cli.notices_count", n=len(notices)))
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
    p = sub.add_parser("notices", help="list the stored notices, newest first")
    p.add_argument("--json", action="store_true")
    p.add_argument("--remove", metavar="KEY_OR_NUMBER", help="remove one notice with its items and deadlines")
    ap.add_argument("--lang", choices=("vi", "en"), help="language of messages (default vi, or LANG=en…)")
    for p in sub.choices.values():       # also after the command: bot.py import x --lang en
        p.add_argument("--lang", choices=("vi", "en"), default=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    global _LANG
    _LANG = args.lang

    try:
        settings = load_settings()
    except ConfigError as e:
        print(f"Loa: bad configuration: {e}", file=sys.stderr)
        return 2
    command = {"ask": cmd_ask, "import": cmd_import, "deadlines": cmd_deadlines,
               "notices": cmd_notices}.get(args.command, cmd_run)
    try:
        return command(settings, args)
    except StartupError as e:
        print(f"Loa: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:            # `bot.py ask … | head`: the reader has gone, quietly
        import os
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as e:     # a bug: its traceback helps, but never with a secret in it
        import traceback

        from knowledge.logs import redact
        sys.stderr.write(redact("".join(traceback.format_exception(e)), settings.secret_values()))
        return 1


if __name__ == "__main__":
    sys.exit(main())
