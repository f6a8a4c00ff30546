"""The admin's view of a broadcast: the preview message edited with live counts while it
goes out, and the final report when nothing is pending any more.

One process does this (the scheduler's leader, see `scheduler.replicas`), so the admin's
message is not edited by every replica. What has been reported is in the database
(`Broadcast.reported_at`): if the process that was showing progress dies, the next leader
finishes the broadcast and sends the report.
"""
from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone

from aiogram.exceptions import TelegramAPIError, TelegramBadRequest

from knowledge.logs import log_event
from knowledge.models import Chat, UserSetting
from scheduler.limits import ChatBusy, bulk_sending
from scheduler.outbox import BLOCKED, FAILED, PENDING, SENT, Broadcast, delivery_counts
from scheduler.renderers import Renderers

log = logging.getLogger("loa.delivery")

REPORT_TRIES = 5                  # failed attempts at the final report before giving up
REPORT_HORIZON = timedelta(days=2)   # older unreported broadcasts are not reported any more


class BroadcastProgress:
    def __init__(self, bot, clock, renderers: Renderers, interval: float = 2.5):
        self.bot = bot
        self.renderers = renderers
        self.clock = clock
        self.interval = interval
        self._shown: dict[int, tuple[float, tuple]] = {}      # broadcast -> (edited at, counts)
        self._report_tries: dict[int, int] = {}

    def _now(self) -> float:
        return self.clock.now().timestamp()

    def _now_db(self) -> datetime:
        return self.clock.now().astimezone(timezone.utc).replace(tzinfo=None)

    async def update(self, force: bool = False) -> None:
        """Edit each sending broadcast's progress message (throttled); finish the done ones
        and send the reports not yet sent (retried on the next ticks if Telegram refuses)."""
        for broadcast in Broadcast.select().where(Broadcast.status == "sending"):
            if broadcast.started_at and broadcast.started_at > self._now_db():
                continue          # scheduled for later: its preview says so until then
            counts = delivery_counts(broadcast.id)
            if counts[PENDING] == 0:
                finished = (Broadcast.update(status="done", finished_at=self._now_db())
                            .where(Broadcast.id == broadcast.id, Broadcast.status == "sending")
                            .execute())
                if finished:
                    log_event(log, "broadcast_done", broadcast=broadcast.id, sent=counts[SENT],
                              failed=counts[FAILED], blocked=counts[BLOCKED])
                self._shown.pop(broadcast.id, None)
                continue
            # The first edit waits an interval after the start: the admin just saw the preview.
            started = broadcast.started_at.replace(tzinfo=timezone.utc).timestamp() \
                if broadcast.started_at else 0.0
            edited_at, shown = self._shown.get(broadcast.id, (started, ()))
            key = tuple(sorted(counts.items()))
            if key != shown and (force or self._now() - edited_at >= self.interval):
                if await self._show(broadcast, counts, final=False):
                    self._shown[broadcast.id] = (self._now(), key)
        await self._report_finished()

    def unreported(self) -> list[Broadcast]:
        since = self._now_db() - REPORT_HORIZON
        return list(Broadcast.select().where(Broadcast.status == "done", Broadcast.reported_at.is_null(),
                                             Broadcast.finished_at >= since,
                                             Broadcast.target_count > 0))

    async def _report_finished(self) -> None:
        for broadcast in self.unreported():
            tries = self._report_tries.get(broadcast.id, 0)
            shown = await self._show(broadcast, delivery_counts(broadcast.id), final=True)
            if shown or tries + 1 >= REPORT_TRIES:
                (Broadcast.update(reported_at=self._now_db())
                 .where(Broadcast.id == broadcast.id).execute())
                self._report_tries.pop(broadcast.id, None)
            else:
                self._report_tries[broadcast.id] = tries + 1

    async def _show(self, broadcast: Broadcast, counts: dict, final: bool) -> bool:
        """Edit the admin's message (or, for the final report, send one if that fails).
        Progress edits give way when the admin's chat is busy; the report waits its turn."""
        lang = _admin_lang(broadcast)
        text = (self.renderers.report if final else self.renderers.progress)(broadcast, counts, lang)
        chat_id = broadcast.admin_chat_id
        try:
            if broadcast.progress_message_id:
                if final:
                    await self._edit(chat_id, broadcast.progress_message_id, text)
                else:
                    with bulk_sending():
                        await self._edit(chat_id, broadcast.progress_message_id, text)
            elif final:
                await self.bot.send_message(chat_id=chat_id, text=text)
            return True
        except ChatBusy:
            return False
        except TelegramBadRequest as e:
            if "not modified" in e.message:
                return True
            if final:
                try:
                    await self.bot.send_message(chat_id=chat_id, text=text)
                    return True
                except TelegramAPIError as e2:
                    e = e2
            log_event(log, "progress_edit_failed", logging.WARNING, chat=chat_id, error=e.message)
        except TelegramAPIError as e:
            log_event(log, "progress_edit_failed", logging.WARNING, chat=chat_id, error=e.message)
        return False

    async def _edit(self, chat_id: int, message_id: int, text: str) -> None:
        await self.bot.edit_message_text(text=text, chat_id=chat_id, message_id=message_id,
                                         reply_markup=None)


def _admin_lang(broadcast: Broadcast) -> str:
    setting = UserSetting.get_or_none(UserSetting.user_id == broadcast.created_by)
    if setting is not None:
        return setting.lang
    chat = Chat.get_or_none(Chat.id == broadcast.admin_chat_id)
    return chat.lang if chat is not None else "vi"
