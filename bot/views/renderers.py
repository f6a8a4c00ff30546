"""The bot's drawings of the scheduler's messages, in the one `Renderers` the scheduler is
given (scheduler/renderers.py says why it is handed in rather than imported)."""
from __future__ import annotations

from bot.views.deadlines import render_digest, render_ping_parts
from bot.views.delivery import render_progress, render_report
from bot.views.notices import notice_message_parts
from bot.views.receipts import nudge_parts, recalled_text, receipt_keyboard_dict
from scheduler.renderers import Renderers

RENDERERS = Renderers(notice_parts=notice_message_parts, receipt_keyboard=receipt_keyboard_dict,
                      recalled_text=recalled_text, nudge_parts=nudge_parts,
                      progress=render_progress, report=render_report,
                      ping_parts=render_ping_parts, digest=render_digest)
