"""The buttons under a pushed notice ("Đã nhận", "Đã hoàn thành", and "↩️" to undo a done),
the reminder sent to groups that have not acknowledged a notice, and the line a recalled
notice leaves where it could not be deleted."""
from __future__ import annotations

import html

from aiogram.filters.callback_data import CallbackData

from texts import t

RECEIVED, DONE = "received", "done"
KINDS = {"r": RECEIVED, "d": DONE}


class ReceiptCallback(CallbackData, prefix="rc"):
    """A press under notice `broadcast`: r = received, d = done, u = undo done."""
    kind: str
    broadcast: int


def _data(code: str, broadcast_id: int) -> str:
    return f"{ReceiptCallback.__prefix__}{ReceiptCallback.__separator__}{code}" \
           f"{ReceiptCallback.__separator__}{broadcast_id}"


def receipt_keyboard_dict(broadcast_id: int, lang: str, pressed: dict | None = None) -> dict:
    """A plain dict, as the outbox stores it. `pressed`: kind -> something with `user_name`
    (a NoticeReceipt); a recorded press shows a tick and who."""
    pressed = pressed or {}
    row = []
    for code, kind in KINDS.items():
        receipt = pressed.get(kind)
        if receipt is None:
            label = t(lang, f"receipt.btn_{kind}")
        else:
            label = t(lang, f"receipt.btn_{kind}_by", name=receipt.user_name[:40])
        row.append({"text": label, "callback_data": _data(code, broadcast_id)})
    rows = [row]
    if DONE in pressed:
        rows.append([{"text": t(lang, "receipt.btn_undo"), "callback_data": _data("u", broadcast_id)}])
    return {"inline_keyboard": rows}


def receipt_keyboard(broadcast_id: int, lang: str, pressed: dict | None = None):
    from aiogram.types import InlineKeyboardMarkup
    return InlineKeyboardMarkup.model_validate(receipt_keyboard_dict(broadcast_id, lang, pressed))


def nudge_parts(broadcast_id: int, title: str, reply_to: int | None, lang: str) -> list[dict]:
    part = {"text": t(lang, "receipt.nudge", title=html.escape(_short(title))),
            "reply_markup": receipt_keyboard_dict(broadcast_id, lang)}
    if reply_to:
        part["reply_to"] = reply_to
    return [part]


def recalled_text(lang: str) -> str:
    return t(lang, "receipt.recalled")


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
