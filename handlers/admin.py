"""/admin list | add <id> | remove <id>: Loa's own admins (who may push notices).

`/admin add` in reply to someone's message adds that person, since few people know their
numeric Telegram id.
"""
from __future__ import annotations

import html

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message

from bot.config import Settings
from bot.filters import USER_ID_MAX, parse_id
from knowledge import admins
from texts import t

router = Router(name=__name__)


@router.message(Command("admin"), flags={"admin_only": True})
async def admin(message: Message, command: CommandObject, settings: Settings, lang: str) -> None:
    args = (command.args or "").split()
    action = args[0].lower() if args else "list"
    if action == "list" and len(args) <= 1:
        await message.answer(render_admins(admins.list_admins(settings.admin_ids), lang))
        return
    if action not in ("add", "remove") or len(args) > 2:
        await message.answer(t(lang, "admin.usage"))
        return
    target = _target(message, args[1] if len(args) == 2 else None)
    if target is None:
        value = args[1] if len(args) == 2 else ""
        await message.answer(t(lang, "admin.bad_id", value=html.escape(value)) if value
                             else t(lang, "admin.usage"))
        return
    if action == "add":
        added = admins.add_admin(target, by=message.from_user.id)
        known = target in settings.admin_ids
        await message.answer(t(lang, "admin.added" if added and not known else "admin.already",
                               user_id=target))
        return
    try:
        removed = admins.remove_admin(target, settings.admin_ids)
    except admins.AdminError:
        await message.answer(t(lang, "admin.configured", user_id=target))
        return
    await message.answer(t(lang, "admin.removed" if removed else "admin.not_found", user_id=target))


def _target(message: Message, arg: str | None) -> int | None:
    if arg is not None:     # user ids are positive; a negative one is a group's
        return parse_id(arg, USER_ID_MAX)
    reply = message.reply_to_message
    if reply is not None and reply.from_user is not None and not reply.from_user.is_bot:
        return reply.from_user.id
    return None


def render_admins(rows: list[tuple[int, str]], lang: str) -> str:
    if not rows:
        return t(lang, "admin.list_empty")
    lines = [t(lang, "admin.row_config" if source == "config" else "admin.row_chat", user_id=uid)
             for uid, source in rows]
    return t(lang, "admin.list", rows="\n".join(lines))
