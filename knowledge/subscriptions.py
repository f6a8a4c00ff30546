"""Which chats want which units: registering chats, (un)subscribing, and targeting.

Shared by the push broadcast (a notice goes to every active chat subscribed to "all" or to
a unit its items name) and by deadline reminders (to the deadline's units).
"""
from __future__ import annotations

from collections.abc import Iterable

from knowledge.db import database
from knowledge.models import Chat, Subscription, utcnow
from knowledge.units import ALL, CODES


class UnknownUnit(ValueError):
    """A unit code the user typed is not one of knowledge/units.py (message: the bad codes)."""


def register_chat(chat_id: int, *, type: str = "private", title: str = "", lang: str | None = None) -> Chat:
    """Create or re-activate a chat (the bot was added to a group, or a user wrote to it)."""
    chat, created = Chat.get_or_create(id=chat_id, defaults={"type": type, "title": title or ""})
    changed = {}
    if not chat.active:
        changed.update(active=True, left_at=None)
    if title and chat.title != title:
        changed["title"] = title
    if type and chat.type != type:
        changed["type"] = type
    if lang and created:
        changed["lang"] = lang
    if changed:
        Chat.update(**changed).where(Chat.id == chat_id).execute()
        chat = Chat.get_by_id(chat_id)
    return chat


def deactivate_chat(chat_id: int) -> None:
    """The bot was removed, kicked or blocked: keep the subscriptions, stop sending."""
    Chat.update(active=False, left_at=utcnow()).where(Chat.id == chat_id).execute()


def migrate_chat(old_id: int, new_id: int) -> Chat:
    """A group became a supergroup: move the chat and its subscriptions to the new id."""
    with database.atomic():
        old = Chat.get_or_none(Chat.id == old_id)
        new = register_chat(new_id, type="supergroup", title=old.title if old else "")
        if old is not None:
            for sub in Subscription.select().where(Subscription.chat == old_id):
                Subscription.get_or_create(chat=new_id, unit=sub.unit,
                                           defaults={"created_by": sub.created_by})
            Subscription.delete().where(Subscription.chat == old_id).execute()
            Chat.update(active=False, migrated_to=new_id, left_at=utcnow()).where(Chat.id == old_id).execute()
            if old.lang != new.lang:
                Chat.update(lang=old.lang).where(Chat.id == new_id).execute()
    return Chat.get_by_id(new_id)


def check_units(codes: Iterable[str]) -> list[str]:
    """Normalise user-typed unit codes; raise UnknownUnit naming the ones that are not units."""
    wanted = [c.strip().lower() for c in codes if c.strip()]
    bad = [c for c in wanted if c != ALL and c not in CODES]
    if bad:
        raise UnknownUnit(", ".join(bad))
    return list(dict.fromkeys(wanted))


def subscribe(chat_id: int, units: Iterable[str], *, by: int | None = None) -> list[str]:
    """Add subscriptions; returns the chat's units afterwards."""
    codes = check_units(units)
    with database.atomic():
        for code in codes:
            Subscription.get_or_create(chat=chat_id, unit=code, defaults={"created_by": by})
    return units_of(chat_id)


def unsubscribe(chat_id: int, units: Iterable[str] | None = None) -> list[str]:
    """Remove some subscriptions, or all of them when `units` is None; returns what is left."""
    query = Subscription.delete().where(Subscription.chat == chat_id)
    if units is not None:
        query = query.where(Subscription.unit.in_(check_units(units)))
    query.execute()
    return units_of(chat_id)


def toggle(chat_id: int, unit: str, *, by: int | None = None) -> list[str]:
    """Flip one subscription (the inline keyboard). Only the exact codes the keyboard
    carries: button data can be forged, and "ALL" must not toggle "all" with a wrong report."""
    if unit != ALL and unit not in CODES:
        raise UnknownUnit(unit)
    if unit in units_of(chat_id):
        return unsubscribe(chat_id, [unit])
    return subscribe(chat_id, [unit], by=by)


def units_of(chat_id: int) -> list[str]:
    return [s.unit for s in Subscription.select(Subscription.unit)
            .where(Subscription.chat == chat_id).order_by(Subscription.id)]


def chats_for_units(units: Iterable[str]) -> list[int]:
    """Active chats subscribed to "all" or to any of `units`, each once, in a stable order."""
    wanted = set(units) | {ALL}
    query = (Subscription.select(Subscription.chat).distinct()
             .join(Chat).where(Subscription.unit.in_(list(wanted)), Chat.active == True)  # noqa: E712
             .order_by(Subscription.chat))
    return [row.chat_id for row in query]
