"""Which groups a task is for: by sector, administrative level and place.

Why: "Sở Y tế" is the provincial department, not every commune health station; "Trạm Y tế
các xã thuộc huyện Hải Hà" is the commune stations of one district. An item's actors (read
by the parser: name, sector, level) and the places named right after them in the item's
words (or its heading's) make its targets; a subscription (knowledge/subscriptions.py) with
a sector, a level ("" = any) and a place ("" = any) matches a target when

- the sector is the same (or the subscription is to "all"),
- the levels agree, or either is unknown ("ngành y tế" names no level: every level gets it),
- the places concern each other (knowledge/places.related), or either names none.

When in doubt a group gets the task: a group left out misses a duty, one too many reads a
line that is not for it. So a place is taken only from the words that name who acts
("UBND thị xã Quảng Yên, UBND huyện Tiên Yên"), never from where the task happens.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from knowledge import places
from knowledge.text import fold
from knowledge.units import ALL, CATALOGUE, CODES


@dataclass(frozen=True)
class Target:
    unit: str                 # sector code
    level: str = ""           # central | province | district | commune | "" (any)
    place: str = ""           # a district or commune as written, "" (anywhere)


@dataclass(frozen=True)
class Sub:
    """One subscription as targeting sees it."""
    chat_id: int
    unit: str
    level: str = ""
    place: str = ""


def matches(sub: Sub, target: Target) -> bool:
    if sub.unit not in (ALL, target.unit):
        return False
    if sub.level and target.level and sub.level != target.level:
        return False
    return places.related(sub.place, target.place)


def chats_for(subs: Iterable[Sub], targets: Iterable[Target]) -> list[int]:
    """The chats whose subscriptions match any target, each once, sorted. A subscription to
    "all" with neither level nor place gets everything (as before levels existed)."""
    return sorted(Audience(subs).chats(targets))


class Audience:
    """Subscriptions indexed for many lookups (reminders resolve thousands of deadlines): a
    subscription at any level and place is a set per unit, only the scoped ones are compared
    one by one, and each target's answer is kept."""

    def __init__(self, subs: Iterable[Sub]):
        self.plain: dict[str, set[int]] = {}
        self.scoped: dict[str, list[Sub]] = {}
        for sub in subs:
            if sub.level or sub.place:
                self.scoped.setdefault(sub.unit, []).append(sub)
            else:
                self.plain.setdefault(sub.unit, set()).add(sub.chat_id)
        self.everyone = frozenset(self.plain.get(ALL, ()))
        self._cache: dict[Target, frozenset[int]] = {}

    def of(self, target: Target) -> frozenset[int]:
        found = self._cache.get(target)
        if found is None:
            chats = set(self.plain.get(target.unit, ()))
            for sub in (*self.scoped.get(target.unit, ()), *self.scoped.get(ALL, ())):
                if matches(sub, target):
                    chats.add(sub.chat_id)
            found = self._cache[target] = frozenset(chats)
        return found

    def chats(self, targets: Iterable[Target]) -> set[int]:
        out = set(self.everyone)
        for target in targets:
            out |= self.of(target)
        return out


# --- what an item says ---------------------------------------------------------------------

_TOKEN = re.compile(r"\w+|[,;:.()]")


@lru_cache(maxsize=1)
def _spellings() -> dict[str, list[list[str]]]:
    """Every unit's spellings as folded words, by unit name. Worked out when first needed,
    not at import: many processes import this module without ever targeting (through the
    scheduler's tables), and folding the whole catalogue costs 15-20 ms."""
    out: dict[str, list[list[str]]] = {}
    for body in CATALOGUE:
        out.setdefault(body.name, []).extend(
            [w.lower() for w in _TOKEN.findall(fold(s))] for s in body.spellings)
    return out


_FILLER = {"cac", "cap", "thuoc", "tren", "dia", "ban", "cua", "tai", ",", "va", "o", "(", ")"}
_WINDOW = 400                 # an addressee stands at the start of the item's words


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text[:_WINDOW])


def _find(folded: list[str], spelling: list[str], start: int = 0) -> int:
    n = len(spelling)
    for i in range(start, len(folded) - n + 1):
        if folded[i:i + n] == spelling:
            return i
    return -1


def _level_word_at(folded: list[str], i: int) -> int:
    """Length of the level word ("huyện", "thị xã", "thành phố") starting at i, 0 if none."""
    for n in (3, 2, 1):
        if i + n <= len(folded) and places.before_place(" ".join(folded[i:i + n])):
            return n
    return 0


def _name_at(original: list[str], i: int) -> int:
    """Length of a capitalised place name starting at i (at most 4 words), 0 if none."""
    n = 0
    while i + n < len(original) and n < 4 and original[i + n][:1].isupper() and original[i + n].isalpha():
        n += 1
    return n


def places_after(text: str, actor_name: str) -> list[str]:
    """The places named with an actor: "Trạm Y tế các xã thuộc huyện Hải Hà" -> ["Hải Hà"];
    "UBND thị xã Quảng Yên, UBND huyện Tiên Yên" -> ["Quảng Yên", "Tiên Yên"]; [] when the
    actor is not in the text or names no place."""
    original = _tokens(text)
    folded = [fold(w) for w in original]
    spellings = sorted(_spellings().get(actor_name, []), key=len, reverse=True)
    starts = [(i, len(s)) for s in spellings if (i := _find(folded, s)) >= 0]
    if not starts:
        return []
    i, n = min(starts, key=lambda s: (s[0], -s[1]))     # the earliest, the longest there
    i += n
    found: list[str] = []
    while i < len(folded):
        again = next((len(s) for s in spellings if folded[i:i + len(s)] == s), 0)
        if again:                                  # "UBND thị xã A, UBND huyện B"
            i += again
            continue
        level = _level_word_at(folded, i)
        name = _name_at(original, i + level)
        after_level = level or (i > 0 and places.before_place(folded[i - 1]))   # "trạm y tế xã" A
        if name and (after_level or found):        # "huyện Hải Hà", then ", Đầm Hà"
            words = " ".join(original[i + level:i + level + name])
            if places.is_place(words):
                found.append(places.display(words))
            i += level + name
            continue
        if level or folded[i] in _FILLER or folded[i] in ("xa", "phuong", "huyen", "quan"):
            i += max(level, 1)
            continue
        break
    return list(dict.fromkeys(found))


def item_targets(item: dict) -> list[Target]:
    """The targets of a parsed or stored item: {"text", "headings", "actors", "units"}. Its
    actors with their level and the places named with them; a unit the item names without an
    actor (a sector read from its words) with any level and place."""
    actors = item.get("actors") or []
    if isinstance(actors, str):
        actors = json.loads(actors) if actors else []
    headings = item.get("headings") or []
    if isinstance(headings, str):
        headings = headings.split("\n") if headings else []
    texts = [item.get("text", ""), *reversed(headings)]
    out: list[Target] = []
    for actor in actors:
        unit = actor.get("unit", "")
        if unit not in CODES:
            continue
        found: list[str] = []
        level = actor.get("level", "") or ""
        for text in texts if level not in ("central", "province") else ():   # a place is inside the province
            found = places_after(text, actor.get("name", ""))
            if found:
                break
        out += [Target(unit, level, p) for p in found] or [Target(unit, level)]
    named = {t.unit for t in out}
    out += [Target(u) for u in item.get("units", []) if u in CODES and u not in named]
    return list(dict.fromkeys(out))


def deadline_targets(item: dict, deadline_units: Iterable[str]) -> list[Target]:
    """A deadline's targets: its item's, for the units the deadline is for; a unit the
    deadline names that no actor of the item does goes to any level and place."""
    units = set(deadline_units)
    mine = [t for t in item_targets(item) if t.unit in units]
    covered = {t.unit for t in mine}
    return mine + [Target(u) for u in sorted(units - covered)]


def notice_targets(parsed: dict, units: Iterable[str] | None = None) -> list[Target]:
    """Every target of a notice's items and deadlines; with `units` (an admin's own choice in
    the preview), only those units, and a chosen unit the notice does not name at any level."""
    out: list[Target] = []
    for item in parsed.get("items", []):
        out += item_targets(item)
        for d in item.get("deadlines", []):
            out += deadline_targets(item, d.get("units", []))
    out = list(dict.fromkeys(out))
    if units is None:
        return out
    chosen = list(units)
    kept = [t for t in out if t.unit in chosen]
    covered = {t.unit for t in kept}
    return kept + [Target(u) for u in chosen if u not in covered]
