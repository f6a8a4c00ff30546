"""The unit picker: one toggle button per unit (knowledge/units.py) plus "all"."""
from __future__ import annotations

import html

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from knowledge.units import ALL, CODES, unit_name
from texts import t

CALLBACK_PREFIX = "sub:"
UNSUB_PREFIX = "unsub:"


def unit_keyboard(subscribed: list[str], lang: str) -> InlineKeyboardMarkup:
    """Two units a row, "all" on its own row first; ✅ marks the chat's subscriptions."""
    def button(code: str) -> InlineKeyboardButton:
        mark = "✅ " if code in subscribed else ""
        return InlineKeyboardButton(text=f"{mark}{unit_name(code, lang)}",
                                    callback_data=f"{CALLBACK_PREFIX}{code}")

    rows = [[button(ALL)]]
    for i in range(0, len(CODES), 2):
        rows.append([button(code) for code in CODES[i:i + 2]])
    return InlineKeyboardMarkup(inline_keyboard=rows)


def unsubscribe_keyboard(subscribed: list[str], lang: str) -> InlineKeyboardMarkup:
    """One button per subscribed unit, then "all of them" and "keep them"."""
    rows = [[InlineKeyboardButton(text=t(lang, "sub.unsub_one", unit=unit_name(code, lang)),
                                  callback_data=f"{UNSUB_PREFIX}{code}")] for code in subscribed]
    if len(subscribed) > 1:
        rows.append([InlineKeyboardButton(text=t(lang, "sub.unsub_all"), callback_data=f"{UNSUB_PREFIX}*")])
    rows.append([InlineKeyboardButton(text=t(lang, "sub.unsub_keep"), callback_data=f"{UNSUB_PREFIX}-")])
    return InlineKeyboardMarkup(inline_keyboard=rows)


def render_units(units: list[str], lang: str) -> str:
    return ", ".join(f"{html.escape(unit_name(u, lang))} (<code>{u}</code>)" for u in units)


def render_target(unit: str, level: str, place: str, lang: str) -> str:
    """"Y tế (health) · cấp xã · Hải Hà": a subscription or a task's target."""
    parts = [f"{html.escape(unit_name(unit, lang))} (<code>{unit}</code>)"]
    if level:
        parts.append(t(lang, f"level.{level}"))
    if place:
        parts.append(html.escape(place))
    return " · ".join(parts)


def render_subscriptions(subs: list, lang: str) -> str:
    """The chat's subscriptions: unit codes, or knowledge.targeting.Sub rows with their level
    and place."""
    if not subs:
        return t(lang, "sub.none")
    shown = [s if isinstance(s, str) else render_target(s.unit, s.level, s.place, lang) for s in subs]
    if all(isinstance(s, str) for s in subs):
        return t(lang, "sub.current", units=render_units(subs, lang))
    return t(lang, "sub.current", units="; ".join(shown))


def render_unknown_units(bad: str, lang: str) -> str:
    codes = ", ".join(f"<code>{c}</code>" for c in (ALL, *CODES))
    return t(lang, "sub.unknown", bad=html.escape(bad), codes=codes)
