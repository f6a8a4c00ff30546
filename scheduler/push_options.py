"""What an admin chose for a push in its preview: other target units or hand-picked groups, a
date and time to send, the original file forwarded, the message pinned; and, after sending,
how many times the notice was edited or its laggards reminded.

One row per broadcast, beside the outbox's `Broadcast` (which is about delivery), created
with the draft. The choices are rows, not memory, so a preview survives a restart.
"""
from __future__ import annotations

import json
import re
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from peewee import BooleanField, CharField, DateTimeField, ForeignKeyField, IntegerField, TextField

from knowledge.db import BaseModel
from knowledge.models import Chat
from knowledge.subscriptions import chats_for_targets, chats_for_units
from knowledge.targeting import notice_targets
from knowledge.text import fold
from knowledge.units import CODES
from scheduler.outbox import Broadcast

MAX_SCHEDULE_DAYS = 90


class PushOptions(BaseModel):
    broadcast = ForeignKeyField(Broadcast, unique=True, backref="options", on_delete="CASCADE")
    units = TextField(default="")               # JSON unit codes chosen; "" = the notice's own
    chats = TextField(default="")               # JSON chat ids picked by hand; "" = by units
    send_at = DateTimeField(null=True)          # naive UTC; None = at once
    attach_file = BooleanField(default=False)   # forward the admin's original file as well
    pin = BooleanField(default=False)           # pin the notice in each group
    file_id = CharField(null=True)              # the original file, as Telegram knows it
    file_name = CharField(null=True)
    prompt_message_id = IntegerField(null=True)  # the bot's question the admin answers by reply
    prompt = CharField(default="")              # what it asks: "when" | "groups"
    replaces = IntegerField(null=True)          # Send edits the messages of this broadcast instead
    nudges = IntegerField(default=0)            # times the groups that had not answered were reminded
    edits = IntegerField(default=0)             # times the sent messages were edited

    def unit_list(self) -> list[str] | None:
        return json.loads(self.units) if self.units else None

    def chat_list(self) -> list[int] | None:
        return json.loads(self.chats) if self.chats else None


MODELS = [PushOptions]


def options_of(broadcast_id: int) -> PushOptions:
    options, _ = PushOptions.get_or_create(broadcast=broadcast_id)
    return options


def update_options(broadcast_id: int, **values) -> PushOptions:
    options_of(broadcast_id)
    PushOptions.update(**values).where(PushOptions.broadcast == broadcast_id).execute()
    return options_of(broadcast_id)


def notice_units(parsed: dict) -> list[str]:
    """Units named by the notice's items or their deadlines, in knowledge/units.py order."""
    named = set()
    for item in parsed.get("items", []):
        named.update(item.get("units", []))
        for deadline in item.get("deadlines", []):
            named.update(deadline.get("units", []))
    return [code for code in CODES if code in named]


def chosen_units(options: PushOptions, notice_units: list[str]) -> list[str]:
    chosen = options.unit_list()
    return notice_units if chosen is None else chosen


def target_chats(options: PushOptions, notice_units: list[str], parsed: dict | None = None) -> list[int]:
    """The active groups a push goes to: the ones picked by hand, else those whose
    subscriptions match the notice's targets (knowledge/targeting.py: unit, level, place; the
    chosen units only when the admin changed them), or those subscribed to the chosen units
    at any level when the notice itself is not at hand."""
    picked = options.chat_list()
    if picked is not None:
        return [c for (c,) in Chat.select(Chat.id).where(Chat.id.in_(picked), Chat.active == True)  # noqa: E712
                .order_by(Chat.id).tuples()]
    if parsed is not None:
        return chats_for_targets(notice_targets(parsed, options.unit_list()))
    return chats_for_units(chosen_units(options, notice_units))


# --- what the admin types --------------------------------------------------------------------

_TIME = re.compile(r"\b(\d{1,2})\s*(?::|giờ|gio|h|g)(?:\s*(\d{2})(?!\s*[/.-]\s*\d))?(?:\s*(?:phút|phut|p))?(?!\d)", re.IGNORECASE)
_DATE = re.compile(r"\b(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}|\d{2}))?\b")
_FILLER = re.compile(r"\b(?:lúc|luc|ngày|ngay|at|on)\b|[,\s]", re.IGNORECASE)


class BadTime(ValueError):
    """Why a typed time cannot be used (the message is a key of texts/: push.when_*)."""


def parse_when(text: str, now: datetime, zone: ZoneInfo) -> datetime:
    """"08:00 25/12/2026", "25/12 8h30", "17:00" (today, or tomorrow once passed) -> naive
    UTC, in the bot's time zone. A date without a time means 07:00 that day."""
    text = text or ""
    t = _TIME.search(text)
    rest = _TIME.sub(" ", text, count=1) if t else text
    d = _DATE.search(rest)
    rest = _DATE.sub(" ", rest, count=1) if d else rest
    if not (t or d) or _FILLER.sub("", rest):
        raise BadTime("push.when_bad")
    local_now = now.astimezone(zone)
    try:
        at_time = time(int(t.group(1)), int(t.group(2) or 0)) if t else time(7, 0)
        if d:
            day, month, year = d.groups()
            y = int(year) if year else local_now.year
            y = y + 2000 if y < 100 else y
            when = datetime.combine(date(y, int(month), int(day)), at_time, tzinfo=zone)
            if not year and when < local_now - timedelta(days=1):
                when = when.replace(year=y + 1)
        else:
            when = datetime.combine(local_now.date(), at_time, tzinfo=zone)
            if when <= local_now:
                when += timedelta(days=1)
    except ValueError:
        raise BadTime("push.when_bad") from None
    if when <= local_now:
        raise BadTime("push.when_past")
    if when > local_now + timedelta(days=MAX_SCHEDULE_DAYS):
        raise BadTime("push.when_far")
    return when.astimezone(timezone.utc).replace(tzinfo=None)


def find_groups(text: str) -> tuple[list[int], list[str]]:
    """Groups named in a reply ("Tổ Covid thôn 3, Trạm y tế xã A, -100123"): by id, by exact
    title, else by a title containing the words when only one does. Returns (chat ids, the
    pieces that named no group or several)."""
    groups = [(c.id, c.title) for c in Chat.select(Chat.id, Chat.title)
              .where(Chat.active == True, Chat.type != "private")]  # noqa: E712
    titles = [(chat_id, " ".join(fold(title).split())) for chat_id, title in groups]
    ids = {chat_id for chat_id, _ in groups}
    found: list[int] = []
    unknown: list[str] = []
    for piece in re.split(r"[,;\n]", text or ""):
        piece = piece.strip()
        if not piece:
            continue
        if re.fullmatch(r"-?\d+", piece) and int(piece) in ids:
            found.append(int(piece))
            continue
        want = " ".join(fold(piece).split())
        exact = [c for c, title in titles if title == want]
        partial = exact or [c for c, title in titles if want and want in title]
        if len(partial) == 1:
            found.append(partial[0])
        else:
            unknown.append(piece)
    return list(dict.fromkeys(found)), unknown
