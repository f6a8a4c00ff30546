"""Who may push notices and manage admins: the ids in ADMIN_IDS plus those added in chat.

ADMIN_IDS come from the configuration and cannot be removed from chat, so a mistaken
`/admin remove` can never lock every admin out.
"""
from __future__ import annotations

from collections.abc import Iterable

from knowledge.models import Admin


class AdminError(ValueError):
    """An admin change that cannot be made (the message is a text key suffix)."""


def is_admin(user_id: int | None, configured: Iterable[int] = ()) -> bool:
    if user_id is None:
        return False
    return user_id in set(configured) or Admin.get_or_none(Admin.user_id == user_id) is not None


def add_admin(user_id: int, *, by: int | None) -> bool:
    """Returns False when the user already was an admin added in chat."""
    _, created = Admin.get_or_create(user_id=user_id, defaults={"added_by": by})
    return created


def remove_admin(user_id: int, configured: Iterable[int] = ()) -> bool:
    """Returns False when the user was not an admin added in chat."""
    if user_id in set(configured):
        raise AdminError("configured")
    return Admin.delete().where(Admin.user_id == user_id).execute() > 0


def list_admins(configured: Iterable[int] = ()) -> list[tuple[int, str]]:
    """(user id, "config" | "chat"), configured ones first."""
    configured = list(dict.fromkeys(configured))
    rows = [(uid, "config") for uid in configured]
    rows += [(a.user_id, "chat") for a in Admin.select().order_by(Admin.added_at, Admin.user_id)
             if a.user_id not in configured]
    return rows
