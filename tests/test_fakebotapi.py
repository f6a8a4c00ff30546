"""The fake Bot API answers the real aiogram client the way Telegram does, so the tests that
rely on it test something real."""
from __future__ import annotations

import io

import pytest
from aiogram.exceptions import (TelegramBadRequest, TelegramForbiddenError, TelegramMigrateToChat,
                                TelegramRetryAfter, TelegramServerError)
from aiogram.types import BufferedInputFile, InlineKeyboardButton, InlineKeyboardMarkup

from tests.fakebotapi import BOT_ID, FakeBotAPI, fake_api  # noqa: F401


async def test_messages_and_errors_become_aiogram_types(fake_api):
    bot = fake_api.make_bot()
    try:
        me = await bot.get_me()
        assert me.id == BOT_ID and me.is_bot
        markup = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(text="A", callback_data="a")]])
        msg = await bot.send_message(-1, "<b>xin chào</b>", reply_markup=markup)
        assert msg.chat.id == -1 and msg.message_id == 1
        edited = await bot.edit_message_text("sửa", chat_id=-1, message_id=msg.message_id)
        assert edited.text == "sửa"
        call = fake_api.calls_of("sendMessage")[0]
        assert call.params["parse_mode"] == "HTML"
        assert call.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "a"

        fake_api.fail_chat(-2, "kicked")
        with pytest.raises(TelegramForbiddenError, match="kicked"):
            await bot.send_message(-2, "x")
        fake_api.fail_chat(-3, "not_found")
        with pytest.raises(TelegramBadRequest, match="chat not found"):
            await bot.send_message(-3, "x")
        fake_api.fail_chat(-4, "migrated", migrate_to=-1004)
        with pytest.raises(TelegramMigrateToChat) as migrated:
            await bot.send_message(-4, "x")
        assert migrated.value.migrate_to_chat_id == -1004
        fake_api.fail_chat(-5, "retry_after", times=1, retry_after=3)
        with pytest.raises(TelegramRetryAfter) as flood:
            await bot.send_message(-5, "x")
        assert flood.value.retry_after == 3
        assert (await bot.send_message(-5, "again")).text == "again"   # only once
        fake_api.fail_chat(-6, "server_error", times=2)
        for _ in range(2):
            with pytest.raises(TelegramServerError):
                await bot.send_message(-6, "x")
        await bot.send_message(-6, "x")
        assert fake_api.texts_to(-5) == ["again"] and fake_api.injected_errors == 6
    finally:
        await bot.session.close()


async def test_updates_members_files_documents(fake_api):
    bot = fake_api.make_bot()
    try:
        fake_api.push_message(chat_id=42, text="/start")
        updates = await bot.get_updates(offset=0, timeout=0)
        assert updates[0].message.text == "/start" and updates[0].message.chat.type == "private"
        assert await bot.get_updates(offset=updates[0].update_id + 1, timeout=0) == []

        fake_api.set_member(-7, 9, "administrator")
        assert (await bot.get_chat_member(-7, 9)).status == "administrator"
        assert (await bot.get_chat_member(-7, 10)).status == "member"

        file_id = fake_api.add_file("Thông báo số 1".encode(), "tb.txt")
        file = await bot.get_file(file_id)
        buffer = io.BytesIO()
        await bot.download_file(file.file_path, buffer)
        assert buffer.getvalue().decode() == "Thông báo số 1"

        await bot.send_document(-7, BufferedInputFile(b"a,b\n", filename="report.csv"), caption="CSV")
        assert fake_api.documents[0]["filename"] == "report.csv"
        assert fake_api.documents[0]["content"] == b"a,b\n"
    finally:
        await bot.session.close()


async def test_global_rate_limit_answers_429():
    api = await FakeBotAPI(rate_limit=5).start()
    bot = api.make_bot()
    try:
        for i in range(5):
            await bot.send_message(-(i + 1), "x")
        with pytest.raises(TelegramRetryAfter):
            await bot.send_message(-9, "x")
        assert api.limit_429s == 1
    finally:
        await bot.session.close()
        await api.stop()
