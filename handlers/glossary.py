"""/glossary: admins teach English questions new words without touching code.

    /glossary                                   the entries admins added
    /glossary add flash flood = lũ quét | lũ ống
    /glossary remove flash flood

Entries are stored in the database (knowledge/glossary.py) and taken in by the search at once,
so the next English question uses them (other replicas within a minute).
"""
from __future__ import annotations

import html

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from knowledge import glossary
from knowledge.search import Searcher
from texts import t

router = Router(name=__name__)
LISTED = 50


@router.message(Command("glossary"), flags={"admin_only": True})
async def glossary_command(message: Message, command: CommandObject, searcher: Searcher, lang: str) -> None:
    action, _, rest = (command.args or "").strip().partition(" ")
    action = action.lower()
    if not action:
        await message.answer(render_entries(glossary.stored_entries(), lang))
    elif action == "add" and rest.strip():
        try:
            entry = glossary.add_entry(*_sides(rest), added_by=message.from_user.id)
        except glossary.GlossaryError as e:
            await message.answer(t(lang, "glossary.bad", reason=html.escape(str(e))))
            return
        searcher.refresh_glossary()
        await message.answer(t(lang, "glossary.added", english=html.escape(entry.english),
                               vietnamese=html.escape(" | ".join(entry.vietnamese))))
    elif action == "remove" and rest.strip():
        if glossary.remove_entry(rest):
            searcher.refresh_glossary()
            await message.answer(t(lang, "glossary.removed", english=html.escape(rest.strip())))
        else:
            await message.answer(t(lang, "glossary.not_found", english=html.escape(rest.strip())))
    else:
        await message.answer(t(lang, "glossary.usage"))


def _sides(text: str) -> tuple[str, str]:
    entry = glossary.parse_admin_entry(text)
    return entry.english, " | ".join(entry.vietnamese)


def render_entries(entries, lang: str) -> str:
    if not entries:
        return t(lang, "glossary.empty", bundled=len(glossary.bundled_entries()))
    rows = "\n".join(f"• <b>{html.escape(e.english)}</b> = {html.escape(' | '.join(e.vietnamese))}"
                     for e in entries[:LISTED])
    return t(lang, "glossary.list", count=len(entries), rows=rows)
