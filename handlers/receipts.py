"""The buttons under a pushed notice in a unit group: "Đã nhận", "Đã hoàn thành", and "↩️" to
undo a done (only whoever pressed it, or an admin of the group). A press is recorded for the
group (the first of each kind counts) and the buttons are drawn again with who pressed."""
from __future__ import annotations

import logging

from aiogram import Bot, Router
from aiogram.types import CallbackQuery, Message

from bot.config import Settings
from bot.filters import parse_id
from bot.press_answers import PressTexts, answer_press, may_take_back
from bot.redraw import redraw
from bot.views.receipts import DONE, KINDS, ReceiptCallback, receipt_keyboard
from scheduler.clock import SystemClock
from scheduler.receipts import receipts_in_chat, record_receipt, undo_receipt
from texts import t

router = Router(name=__name__)
log = logging.getLogger("loa.handlers")

PRESS_TEXTS = PressTexts(already="receipt.already", saved="receipt.saved_",
                         nothing_to_undo="receipt.nothing_to_undo", undo_refused="receipt.undo_refused")


@router.callback_query(ReceiptCallback.filter())
async def notice_receipt(callback: CallbackQuery, callback_data: ReceiptCallback, bot: Bot, settings: Settings,
                         lang: str, clock=None) -> None:
    message = callback.message
    if message is None or callback_data.kind not in (*KINDS, "u") \
            or parse_id(str(callback_data.broadcast)) is None:        # forged data
        await callback.answer()
        return
    chat_id = message.chat.id
    if callback_data.kind == "u":
        await _undo(callback, callback_data.broadcast, chat_id, bot, lang)
        return
    kind = KINDS[callback_data.kind]
    receipt, created = record_receipt(callback_data.broadcast, chat_id, kind, user_id=callback.from_user.id,
                                      user_name=callback.from_user.full_name, now=(clock or SystemClock()).now())
    if receipt is None:
        await callback.answer(t(lang, "receipt.not_here"), show_alert=True)
        return
    if not await answer_press(callback, receipt, created, kind, PRESS_TEXTS, lang, settings.zone):
        return
    log.info("notice_acknowledged broadcast_id=%s chat_id=%s kind=%s user_id=%s",
             callback_data.broadcast, chat_id, kind, callback.from_user.id)
    await _redraw(message, callback_data.broadcast, lang)


async def _undo(callback: CallbackQuery, broadcast_id: int, chat_id: int, bot: Bot, lang: str) -> None:
    done = receipts_in_chat(broadcast_id, chat_id).get(DONE)
    if not await may_take_back(callback, bot, done, PRESS_TEXTS, lang):
        return
    undo_receipt(broadcast_id, chat_id, DONE)
    log.info("notice_done_undone broadcast_id=%s chat_id=%s user_id=%s", broadcast_id, chat_id,
             callback.from_user.id)
    await callback.answer(t(lang, "receipt.undone"))
    await _redraw(callback.message, broadcast_id, lang)


async def _redraw(message, broadcast_id: int, lang: str) -> None:
    if not isinstance(message, Message):
        return
    keyboard = receipt_keyboard(broadcast_id, lang, receipts_in_chat(broadcast_id, message.chat.id))
    await redraw(message.edit_reply_markup(reply_markup=keyboard),
                 "receipt_redraw_failed", chat_id=message.chat.id)
