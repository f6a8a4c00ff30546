"""Which chats want which units: registering chats, (un)subscribing, and targeting.

A subscription is a unit (sector) at an administrative level and a place, each "" for any:
"/subscribe y tế xã, Hải Hà" is health, commune level, Hải Hà. Shared by the push broadcast
and by deadline reminders, which send each task to the groups knowledge/targeting.py matches.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from knowledge import places
from knowledge.db import database
from knowledge.models import Chat, Subscription, utcnow
from knowledge.targeting import Sub, Target, chats_for
from knowledge.units import ALL, CATALOGUE, CODES, LEVELS


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
                Subscription.get_or_create(chat=new_id, unit=sub.unit, level=sub.level, place=sub.place,
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


def subscribe(chat_id: int, units: Iterable[str], *, by: int | None = None, level: str = "",
              place: str = "") -> list[str]:
    """Add subscriptions, at `level` and `place` ("" = any); returns the chat's units afterwards."""
    codes = check_units(units)
    if level not in ("", *LEVELS):
        raise ValueError(level)
    place = places.display(place) if place.strip() else ""
    with database.atomic():
        for code in codes:
            Subscription.get_or_create(chat=chat_id, unit=code, level=level, place=place,
                                       defaults={"created_by": by})
    return units_of(chat_id)


def unsubscribe(chat_id: int, units: Iterable[str] | None = None, *, level: str | None = None,
                place: str | None = None) -> list[str]:
    """Remove some subscriptions, or all of them when `units` is None; a level or place given
    removes only the subscriptions at it. Returns the units left."""
    query = Subscription.delete().where(Subscription.chat == chat_id)
    if units is not None:
        query = query.where(Subscription.unit.in_(check_units(units)))
    if level is not None:
        query = query.where(Subscription.level == level)
    rows = None
    if place is not None:
        rows = [s.id for s in Subscription.select(Subscription.id, Subscription.place)
                .where(Subscription.chat == chat_id) if places.key(s.place) == places.key(place)]
        query = query.where(Subscription.id.in_(rows or [0]))
    query.execute()
    return units_of(chat_id)


def toggle(chat_id: int, unit: str, *, by: int | None = None) -> list[str]:
    """Flip one subscription (the inline keyboard), at any level and place. Only the exact
    codes the keyboard carries: button data can be forged, and "ALL" must not toggle "all"
    with a wrong report."""
    if unit != ALL and unit not in CODES:
        raise UnknownUnit(unit)
    if unit in units_of(chat_id):
        return unsubscribe(chat_id, [unit])
    return subscribe(chat_id, [unit], by=by)


def units_of(chat_id: int) -> list[str]:
    """The chat's units, each once (whatever their levels and places), in subscription order."""
    return list(dict.fromkeys(s.unit for s in Subscription.select(Subscription.unit)
                              .where(Subscription.chat == chat_id).order_by(Subscription.id)))


def subscriptions_of(chat_id: int) -> list[Sub]:
    """The chat's subscriptions with their levels and places, in the order they were made."""
    return [Sub(chat_id, s.unit, s.level or "", s.place or "") for s in Subscription.select()
            .where(Subscription.chat == chat_id).order_by(Subscription.id)]


def active_subscriptions(units: Iterable[str] | None = None) -> list[Sub]:
    """Subscriptions of active chats (to `units` and "all" when given)."""
    query = (Subscription.select(Subscription.chat, Subscription.unit, Subscription.level, Subscription.place)
             .join(Chat).where(Chat.active == True))  # noqa: E712
    if units is not None:
        query = query.where(Subscription.unit.in_(list(set(units) | {ALL})))
    return [Sub(chat_id, unit, level or "", place or "") for chat_id, unit, level, place in query.tuples()]


def chats_for_units(units: Iterable[str]) -> list[int]:
    """Active chats subscribed to "all" or to any of `units` at any level and place, each
    once, in a stable order."""
    return chats_for_targets([Target(u) for u in units if u != ALL] + ([Target(ALL)] if ALL in units else []))


def chats_for_targets(targets: Iterable[Target]) -> list[int]:
    """Active chats whose subscriptions match any target (knowledge/targeting.py)."""
    targets = list(targets)
    return chats_for(active_subscriptions({t.unit for t in targets}), targets)


# --- what an admin types: "/subscribe y tế xã, Hải Hà" --------------------------------------

@dataclass
class Request:
    """A typed subscription: units, one level ("" = any), one place ("" = any), and the
    pieces that named nothing (to report)."""
    units: list[str] = field(default_factory=list)
    level: str = ""
    place: str = ""
    unknown: list[str] = field(default_factory=list)


_BODIES = {places.key(spelling): (b.unit, b.level)
           for b in CATALOGUE if b.level for spelling in b.spellings}


def _name_follows(typed: list[str], i: int) -> bool:
    return i < len(typed) and typed[i][:1].isupper()


def _level_at(words: list[str], i: int) -> tuple[str, int]:
    """The level a level word at words[i:] stands for, and its length in words."""
    for w in places.level_words():
        n = len(w.split())
        if words[i:i + n] == w.split():
            return places.level_of(w) or "", n
    return "", 0


def _read_piece(folded: list[str], typed: list[str]) -> tuple[str | None, str, str]:
    """(unit, level, place) of one piece: "y tế xã", "cấp xã y tế", "trạm y tế xã Quảng Minh";
    (None, level, place) when it names no unit ("xã Quảng Minh", "Hải Hà")."""
    from knowledge.units import find_unit

    for i in range(len(folded), 0, -1):         # a body the catalogue knows: "Sở Y tế", "trạm y tế"
        body = _BODIES.get(" ".join(folded[:i]))
        if body and (i == len(folded) or _name_follows(typed, i)):
            return body[0], body[1], " ".join(typed[i:]) if len(typed) == len(folded) else ""
    level, n = _level_at(folded, 0)             # "cấp xã y tế"
    if n and find_unit(" ".join(folded[n:])):
        return find_unit(" ".join(folded[n:])), level, ""
    for i in range(len(folded), 0, -1):         # the longest unit at the start, then level, place
        unit = find_unit(" ".join(folded[:i]))
        if unit is None:
            continue
        level, n = _level_at(folded, i)
        rest = typed[i + n:] if len(typed) == len(folded) else []
        if i + n == len(folded) or (n and rest):
            return unit, level, " ".join(rest)
    level, n = _level_at(folded, 0)
    place = " ".join(typed[n:]) if len(typed) == len(folded) else " ".join(typed)
    return None, level, place


def parse_request(text: str | None) -> Request:
    """`/subscribe y tế xã, Hải Hà`, `/subscribe health schools`, `/subscribe y tế, trường học`,
    `/subscribe y tế xã Quảng Minh`, `/subscribe health, commune`: pieces split by commas, each a
    unit with an optional level word (before or after it); a level word alone sets the level;
    the last piece that names no unit is the place ("xã Quảng Minh": the level as well, when
    none was given)."""
    from knowledge.units import folded_words

    req = Request()
    pieces = [p.strip() for p in re.split(r"[,;]", text or "") if p.strip()]
    for n, piece in enumerate(pieces):
        words = piece.split()
        if all(w.lower() in CODES or w.lower() == ALL for w in words):
            req.units += [w.lower() for w in words]
            continue
        folded = folded_words(piece).split()
        if folded and " ".join(folded) in places.level_words():
            req.level = req.level or (places.level_of(" ".join(folded)) or "")
            continue
        unit, level, place = _read_piece(folded, words)
        if unit is not None:
            req.units.append(unit)
            req.level = req.level or level
            req.place = req.place or place
        elif n == len(pieces) - 1 and req.units and place:
            req.level = req.level or level
            req.place = place
        else:
            req.unknown.append(piece)
    req.units = list(dict.fromkeys(req.units))
    return req
