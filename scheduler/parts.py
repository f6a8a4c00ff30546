"""The kinds of outbox parts, and the one Telegram call each of them is.

A delivery's parts are sent one call at a time (`scheduler.sender`). Besides a message, a
part may forward a file, edit or delete a message sent earlier (a corrected or recalled
notice), or pin the first message of its delivery:

    {"text": html, "reply_markup": dict|None, "reply_to": message id}   a message
    {"document": file id, "caption": html, "reply_to": message id}     a file already on Telegram
    {"edit": message id, "text": html, "reply_markup": dict|None}     new text for a message
    {"delete": message id}                                           remove a message
    {"pin": true}                                                    pin this delivery's first message

Every call returns the id of the message it concerns (0 for a pin), which the sender records
in `Delivery.message_ids`, one per part.
"""
from __future__ import annotations

import logging

log = logging.getLogger("loa.delivery")

ALREADY_GONE = ("message to delete not found", "message_id_invalid")


def clean_part(part) -> dict:
    """The part as the outbox stores it; ValueError when it is not one of the kinds above."""
    if not isinstance(part, dict):
        raise ValueError("a part must be a dict")
    if "delete" in part:
        return {"delete": _message_id(part["delete"])}
    if "pin" in part:
        return {"pin": True}
    if "document" in part:
        if not isinstance(part["document"], str) or not part["document"]:
            raise ValueError("a document part needs a Telegram file id")
        entry = {"document": part["document"], "caption": part.get("caption") or ""}
    else:
        text = part.get("text", "")
        if not isinstance(text, str) or not text.strip():
            raise ValueError("every part needs a non-empty text")
        entry = {"text": text, "reply_markup": part.get("reply_markup")}
        if "edit" in part:
            entry["edit"] = _message_id(part["edit"])
            return entry
    if part.get("reply_to"):              # a message id in that chat to answer
        entry["reply_to"] = _message_id(part["reply_to"])
    return entry


def _message_id(value) -> int:
    number = int(value)
    if number <= 0:
        raise ValueError("a message id is a positive number")
    return number


async def perform_part(bot, chat_id: int, part: dict, sent_ids: list[int], paid: bool = False) -> int:
    """Make the part's call; Telegram's errors propagate (the sender knows what each means),
    except those saying the work is already done ("not modified", already deleted). `paid`:
    a message or file of an urgent notice, sent as a paid broadcast."""
    paid_broadcast = True if paid else None
    from aiogram.exceptions import TelegramBadRequest

    if "edit" in part:
        try:
            await bot.edit_message_text(text=part["text"], chat_id=chat_id, message_id=part["edit"],
                                        reply_markup=_markup(part.get("reply_markup")))
        except TelegramBadRequest as e:
            if "not modified" not in e.message:
                raise
        return part["edit"]
    if "delete" in part:
        try:
            await bot.delete_message(chat_id=chat_id, message_id=part["delete"])
        except TelegramBadRequest as e:
            if not any(s in e.message.lower() for s in ALREADY_GONE):
                raise
        return part["delete"]
    if "pin" in part:
        first = next((m for m in sent_ids if m), None)
        if first is not None:
            try:
                await bot.pin_chat_message(chat_id=chat_id, message_id=first)
            except TelegramBadRequest as e:    # no right to pin there: the notice is delivered
                log.warning("event=pin_refused chat=%s error=%r", chat_id, e.message)
        return 0
    if "document" in part:
        message = await bot.send_document(chat_id=chat_id, document=part["document"],
                                          caption=part.get("caption") or None,
                                          reply_parameters=_reply_to(part.get("reply_to")),
                                          allow_paid_broadcast=paid_broadcast)
        return message.message_id
    message = await bot.send_message(chat_id=chat_id, text=part["text"],
                                     reply_markup=_markup(part.get("reply_markup")),
                                     reply_parameters=_reply_to(part.get("reply_to")),
                                     allow_paid_broadcast=paid_broadcast)
    return message.message_id


def _markup(data: dict | None):
    if not data:
        return None
    from aiogram.types import InlineKeyboardMarkup
    return InlineKeyboardMarkup.model_validate(data)


def _reply_to(message_id: int | None):
    """Answer that message when it is still there; send as a plain message when it is not."""
    if not message_id:
        return None
    from aiogram.types import ReplyParameters
    return ReplyParameters(message_id=message_id, allow_sending_without_reply=True)
