"""Tables of the knowledge base (documents → items → deadlines, units, references) and of
the people and chats that use it (chats, their subscriptions, admins, language choices).

Delivery and reminder tables live beside their services in `scheduler/`.
"""
from __future__ import annotations

from datetime import datetime, timezone

from peewee import (BigIntegerField, BooleanField, CharField, DateField, DateTimeField,
                    ForeignKeyField, IntegerField, TextField, TimeField)

from knowledge.db import BaseModel


def utcnow() -> datetime:
    """Naive UTC, the form stored in every DateTimeField of this program."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


class Document(BaseModel):
    """One notice: a conclusion, an announcement, a news report of a directive meeting."""
    key = CharField(unique=True)              # seed file stem, or content hash for imports
    number = CharField(null=True)             # "102-TB/VPTU"; None when the notice has none
    kind = CharField()                        # "Thông báo kết luận", "Kết luận", "Tin hội nghị", …
    issuer = CharField()                      # "Văn phòng Tỉnh ủy Lai Châu"
    province = CharField(null=True)           # "Lai Châu"
    date = DateField(null=True)               # date of issue (or of the meeting when unknown)
    title = TextField()
    title_en = TextField(default="")
    signer = CharField(null=True)
    addressees = TextField(default="")        # "Kính gửi: …" without its label; "" when none
    source_file = CharField(null=True)
    origin = CharField(default="seed")        # seed | import | push
    content_hash = CharField(default="")      # of the data that produced the rows
    created_at = DateTimeField(default=utcnow)


class Item(BaseModel):
    """A numbered point, a bullet or a paragraph: the unit that answers are made of."""
    document = ForeignKeyField(Document, backref="items", on_delete="CASCADE")
    position = IntegerField()                 # document order, from 1
    number = CharField(default="")            # its path in the document: "3", "3.2", "II.3.b"; "" if none
    kind = CharField(default="point")         # point | bullet | paragraph | context
    text = TextField()
    summary_en = TextField(default="")
    headings = TextField(default="")          # the headings above it, outermost first, one per line
    actors = TextField(default="")            # who must act, JSON [{"name", "unit", "level"}] (m0011)

    class Meta:
        indexes = ((("document", "position"), True),)


class Unit(BaseModel):
    """An audience such as health stations or enterprises (see knowledge/units.py)."""
    code = CharField(unique=True)
    name_vi = CharField()
    name_en = CharField()


class ItemUnit(BaseModel):
    item = ForeignKeyField(Item, backref="unit_links", on_delete="CASCADE")
    unit = ForeignKeyField(Unit, backref="item_links", on_delete="CASCADE")

    class Meta:
        indexes = ((("item", "unit"), True),)


class Deadline(BaseModel):
    """A date by which (or from which) something must happen, with the phrase it came from."""
    item = ForeignKeyField(Item, backref="deadlines", on_delete="CASCADE")
    due_date = DateField()
    due_time = TimeField(null=True)
    kind = CharField(default="by")            # by | from | after | within_month | before_month
    phrase = TextField()                      # "chậm nhất đến ngày 30/11/2021"
    task = TextField(default="")              # what must be done, short, in Vietnamese
    task_en = TextField(default="")
    recurrence = CharField(default="")        # RRULE of a recurring duty, "" for one date (m0010)


class DeadlineUnit(BaseModel):
    deadline = ForeignKeyField(Deadline, backref="unit_links", on_delete="CASCADE")
    unit = ForeignKeyField(Unit, backref="deadline_links", on_delete="CASCADE")

    class Meta:
        indexes = ((("deadline", "unit"), True),)


class Reference(BaseModel):
    """Another document cited by a notice, such as `128/NQ-CP`."""
    document = ForeignKeyField(Document, backref="references", on_delete="CASCADE")
    item = ForeignKeyField(Item, backref="references", null=True, on_delete="CASCADE")
    number = CharField()                      # "128/NQ-CP"
    kind = CharField(default="")              # Nghị quyết, Chỉ thị, Công điện, …
    date = DateField(null=True)


class Chat(BaseModel):
    """A Telegram chat that talks to the bot: a private chat or a unit group."""
    id = BigIntegerField(primary_key=True)
    type = CharField(default="private")       # private | group | supergroup | channel
    title = CharField(default="")
    lang = CharField(default="vi")
    active = BooleanField(default=True)       # false once the bot is removed, kicked or blocked
    migrated_to = BigIntegerField(null=True)
    joined_at = DateTimeField(default=utcnow)
    left_at = DateTimeField(null=True)


class Subscription(BaseModel):
    """A chat wants notices and reminders for one unit (or `all`), at one administrative
    level and place or at any (knowledge/targeting.py)."""
    chat = ForeignKeyField(Chat, backref="subscriptions", on_delete="CASCADE")
    unit = CharField()                        # a unit code or "all"
    created_by = BigIntegerField(null=True)
    created_at = DateTimeField(default=utcnow)
    # "" = any (m0080): not NULL, so that the unique index below holds for "any" as well
    level = CharField(default="")             # central | province | district | commune | ""
    place = CharField(default="")             # a district or commune as written, "" = anywhere

    # unique (chat, unit, level, place): made by m0080, not here, since create_tables would
    # build it before the step adds its columns (SQLite would index constant strings)


class Admin(BaseModel):
    """Admins added in chat; ADMIN_IDS from the settings are admins as well."""
    user_id = BigIntegerField(primary_key=True)
    added_by = BigIntegerField(null=True)
    added_at = DateTimeField(default=utcnow)


class GlossaryEntry(BaseModel):
    """An English word and its Vietnamese wordings, added by an admin (`/glossary add`);
    merged with knowledge/vocab/glossary.tsv when the index is built."""
    english = CharField(unique=True)
    vietnamese = TextField()                  # alternatives separated by " | "
    added_by = BigIntegerField(null=True)
    added_at = DateTimeField(default=utcnow)

    class Meta:
        table_name = "glossary_entries"


class UserSetting(BaseModel):
    user_id = BigIntegerField(primary_key=True)
    lang = CharField(default="vi")


MODELS = [Document, Item, Unit, ItemUnit, Deadline, DeadlineUnit, Reference,
          Chat, Subscription, Admin, UserSetting, GlossaryEntry]
