"""aiogram routers, one module per conversation topic. Handlers stay thin: they parse the
update, call a service from knowledge/ or scheduler/, and render a reply from bot/views."""
from __future__ import annotations

from aiogram import Router


def all_routers() -> list[Router]:
    """In the order the dispatcher should try them: commands first, free text last."""
    from handlers import (admin, deadlines, glossary, membership, push, receipts, reports, start,
                          subscriptions, questions)
    return [start.router, admin.router, glossary.router, push.router, reports.router, receipts.router,
            subscriptions.router, deadlines.router, membership.router, questions.router]
