"""The conversations through the real routers and middlewares, in-process (MockedBot):
start/help/lang, questions in private and in groups, "see also", subscriptions and who may
change them, the bot joining and leaving groups, migration, admins, unknown commands,
oversized messages and the error handler."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from bot.config import Settings
from knowledge import subscriptions as subs
from knowledge.models import Admin, Chat, Deadline, Document, Item, UserSetting
from knowledge.search import Searcher
from scheduler.clock import SystemClock
from tests.mocked_bot import (BOT_USERNAME, MockedBot, callback, message, my_chat_member,
                              shared_dispatcher)

ADMIN = 1
USER = 2
GROUP = -555


@pytest.fixture
def kb(db):
    """Three directive items, enough for answers and an alternative."""
    doc = Document.create(key="t1", number="99-TB/TU", kind="Thông báo kết luận", issuer="Tỉnh ủy",
                          date=date(2021, 11, 15), title="Kết luận về phòng, chống dịch")
    texts = [("Các nhà máy, doanh nghiệp phải xét nghiệm công nhân trước mỗi ca sản xuất.",
              "Factories must test workers before each production shift."),
             ("Trạm y tế xã phải có bác sĩ trực trước ngày 30/11/2021.",
              "Commune health stations must have a doctor on duty by 30/11/2021."),
             ("Mọi người dân phải cài đặt ứng dụng PC-Covid trên điện thoại.",
              "Everyone must install the PC-Covid app on their phone.")]
    items = [Item.create(document=doc, position=i, number=str(i), text=vi, summary_en=en)
             for i, (vi, en) in enumerate(texts, 1)]
    return items


@pytest.fixture
def chat(kb):
    """Send updates through the dispatcher; `bot.session` records what the bot did."""
    settings = Settings(_env_file=None, admin_ids=[ADMIN])
    bot = MockedBot()

    class Chat_:
        def __init__(self):
            self.bot, self.settings = bot, settings
            self.dp = shared_dispatcher(settings=settings, searcher=Searcher.from_database(),
                                        sender=None, clock=SystemClock())

        async def send(self, update):
            await self.dp.feed_update(self.bot, update)
            return self.bot.session

    return Chat_()


def group_admin(bot, user_id=ADMIN, chat_id=GROUP, status="administrator"):
    bot.session.members[(chat_id, user_id)] = status


# --- start, help, lang ----------------------------------------------------------------------

async def test_start_and_help_follow_telegram_language_and_admin_rights(chat):
    s = await chat.send(message("/start", user_id=USER, chat_id=USER))
    assert "Xin chào" in s.last("sendMessage").text
    s = await chat.send(message("/start", user_id=7, chat_id=7, language_code="en-GB"))
    assert "Hello" in s.last("sendMessage").text
    await chat.send(message("/help", user_id=USER, chat_id=USER))
    assert "/subscribe" in s.last("sendMessage").text and "/push" not in s.last("sendMessage").text
    await chat.send(message("/help", user_id=ADMIN, chat_id=ADMIN))
    assert "/push" in s.last("sendMessage").text
    assert Chat.get_by_id(USER).type == "private"          # the middleware registered the chat


async def test_lang_in_private_and_in_group(chat):
    s = await chat.send(message("/lang en", user_id=USER, chat_id=USER))
    assert s.last("sendMessage").text == "Switched to English."
    assert UserSetting.get_by_id(USER).lang == "en"
    await chat.send(message("/help", user_id=USER, chat_id=USER))
    assert "help" in s.last("sendMessage").text
    await chat.send(message("/lang klingon", user_id=USER, chat_id=USER))
    assert "/lang vi" in s.last("sendMessage").text
    await chat.send(message("/lang", user_id=USER, chat_id=USER))
    assert "<b>en</b>" in s.last("sendMessage").text                        # the current one
    await chat.send(message("/lang en", user_id=USER, chat_id=GROUP))         # a plain member
    assert Chat.get_by_id(GROUP).lang == "vi"
    group_admin(chat.bot)
    await chat.send(message("/lang en", user_id=ADMIN, chat_id=GROUP))
    assert Chat.get_by_id(GROUP).lang == "en"


async def test_command_menu_in_vietnamese_and_english():
    from bot.commands import set_commands
    bot = MockedBot()
    await set_commands(bot)
    menus = {c.language_code: {b.command: b.description for b in c.commands}
             for c in bot.session.calls("setMyCommands")}
    assert set(menus) == {None, "en"}
    for menu in menus.values():
        assert {"ask", "deadlines", "calendar", "subscribe", "unsubscribe", "mysubs", "lang", "help"} <= set(menu)
    assert menus[None]["help"] == "Hướng dẫn" and menus["en"]["help"] == "Help"


# --- questions ------------------------------------------------------------------------------

async def test_question_in_private_gets_answer_and_full_text_button(chat, kb):
    s = await chat.send(message("nhà máy phải xét nghiệm công nhân khi nào", user_id=USER, chat_id=USER))
    reply = s.last("sendMessage")
    assert "trước mỗi ca sản xuất" in reply.text and "99-TB/TU" in reply.text
    assert reply.reply_parameters.message_id > 0                  # a reply to the question
    buttons = [b for row in reply.reply_markup.inline_keyboard for b in row]
    assert buttons[0].text == "📖 Toàn văn" and buttons[0].callback_data == f"item:{kb[0].id}"
    # Other items only when plausibly related, named by their topic.
    assert all(b.text.startswith("Xem thêm: ") and b.callback_data != f"item:{kb[0].id}" for b in buttons[1:])

    await chat.send(callback(buttons[0].callback_data, user_id=USER, chat_id=USER))
    shown = s.last("sendMessage")
    assert kb[0].text in shown.text and "99-TB/TU" in shown.text
    assert s.calls("answerCallbackQuery")


async def test_small_talk_gets_a_friendly_reply_and_no_directive(chat, kb):
    s = await chat.send(message("xin chào", user_id=USER, chat_id=USER))
    reply = s.last("sendMessage")
    assert "Loa" in reply.text and "99-TB/TU" not in reply.text and reply.reply_markup is None
    s = await chat.send(message("thanks!", user_id=USER, chat_id=USER))
    assert "welcome" in s.last("sendMessage").text


async def test_a_place_without_a_notice_is_said_so(chat, kb):
    s = await chat.send(message("Nghệ An: nhà máy phải xét nghiệm công nhân khi nào?", user_id=USER, chat_id=USER))
    reply = s.last("sendMessage")
    assert "Nghệ An" in reply.text and "trước mỗi ca sản xuất" not in reply.text


async def test_admins_add_glossary_entries_in_chat(chat, kb):
    question = message("What must commune sickbays have?", user_id=USER, chat_id=USER)
    s = await chat.send(question)
    assert "Trạm y tế xã" not in s.last("sendMessage").text
    await chat.send(message("/glossary add commune sickbay = trạm y tế xã | trạm y tế", user_id=USER, chat_id=USER))
    from knowledge.glossary import stored_entries
    assert stored_entries() == []                                  # only admins may add
    s = await chat.send(message("/glossary add commune sickbay = trạm y tế xã | trạm y tế", user_id=ADMIN, chat_id=ADMIN))
    assert "commune sickbay" in s.last("sendMessage").text
    s = await chat.send(message("What must commune sickbays have?", user_id=USER, chat_id=USER))
    assert "Trạm y tế xã phải có bác sĩ" in s.last("sendMessage").text
    s = await chat.send(message("/glossary", user_id=ADMIN, chat_id=ADMIN))
    assert "commune sickbay" in s.last("sendMessage").text
    s = await chat.send(message("/glossary add = nothing", user_id=ADMIN, chat_id=ADMIN))
    assert "Không thêm được" in s.last("sendMessage").text
    s = await chat.send(message("/glossary remove commune sickbay", user_id=ADMIN, chat_id=ADMIN))
    assert "commune sickbay" in s.last("sendMessage").text


async def test_missing_item_button_is_answered_with_an_alert(chat, kb):
    s = await chat.send(callback("item:99999", user_id=USER, chat_id=USER))
    assert s.last("answerCallbackQuery").show_alert
    assert not s.calls("sendMessage")


async def test_english_question_gets_english_answer(chat, kb):
    s = await chat.send(message("Which app must everyone install?", user_id=USER, chat_id=USER))
    reply = s.last("sendMessage").text
    assert "PC-Covid" in reply and "Full text" in str(s.last("sendMessage").reply_markup)


async def test_group_answers_only_when_addressed(chat, kb):
    s = await chat.send(message("nhà máy phải xét nghiệm công nhân khi nào", user_id=USER, chat_id=GROUP))
    assert not s.calls("sendMessage")
    await chat.send(message(f"@{BOT_USERNAME} nhà máy phải xét nghiệm công nhân khi nào",
                            user_id=USER, chat_id=GROUP))
    assert "trước mỗi ca sản xuất" in s.last("sendMessage").text
    s.clear()
    await chat.send(message("trạm y tế phải có bác sĩ trước ngày nào", user_id=USER, chat_id=GROUP,
                            reply_to_bot=True))
    assert "bác sĩ" in s.last("sendMessage").text
    s.clear()
    await chat.send(message(f"/ask@{BOT_USERNAME} ứng dụng PC-Covid", user_id=USER, chat_id=GROUP))
    assert "PC-Covid" in s.last("sendMessage").text


async def test_deadline_question_gets_the_deadline_list(chat, kb):
    due = date.today() + timedelta(days=2)
    Deadline.create(item=kb[1], due_date=due, phrase=f"trước ngày {due:%d/%m/%Y}",
                    task="Trạm y tế có bác sĩ trực")
    s = await chat.send(message("hạn chót", user_id=USER, chat_id=USER))
    text = s.last("sendMessage").text
    assert "Trạm y tế có bác sĩ trực" in text and due.strftime("%d/%m/%Y") in text


async def test_empty_ask_huge_message_and_unknown_commands(chat, kb):
    s = await chat.send(message("/ask", user_id=USER, chat_id=USER))
    assert "/ask" in s.last("sendMessage").text
    huge = "nhà máy phải xét nghiệm công nhân " + "rất " * 2500
    assert len(huge) > 10_000
    await chat.send(message(huge, user_id=USER, chat_id=USER))
    reply = s.last("sendMessage").text
    assert "500" in reply and len(reply) <= 4096
    await chat.send(message("/foo", user_id=USER, chat_id=USER))
    assert "/help" in s.last("sendMessage").text
    s.clear()
    await chat.send(message("/foo", user_id=USER, chat_id=GROUP))            # another bot's command
    assert not s.calls("sendMessage")
    await chat.send(message(f"/foo@{BOT_USERNAME}", user_id=USER, chat_id=GROUP))
    assert "/help" in s.last("sendMessage").text
    await chat.send(message("/deadline", user_id=USER, chat_id=USER))        # a slip: the command meant
    assert "/deadlines?" in s.last("sendMessage").text


async def test_telegram_error_in_handler_is_reported_and_polling_goes_on(chat, kb):
    chat.bot.session.stage_error("sendMessage", 400, "Bad Request: message to be replied not found")
    s = await chat.send(message("/help", user_id=USER, chat_id=USER))       # must not raise
    assert "lỗi" in s.last("sendMessage").text                              # error.internal


# --- subscriptions ------------------------------------------------------------------------

def _buttons(markup):
    return {b.callback_data: b.text for row in markup.inline_keyboard for b in row}


async def test_subscribe_keyboard_toggles_for_group_admins_only(chat):
    group_admin(chat.bot)
    s = await chat.send(message("/subscribe", user_id=ADMIN, chat_id=GROUP))
    keyboard = _buttons(s.last("sendMessage").reply_markup)
    assert "sub:all" in keyboard and "sub:health" in keyboard and "✅" not in "".join(keyboard.values())

    await chat.send(callback("sub:health", user_id=ADMIN, chat_id=GROUP))
    assert subs.units_of(GROUP) == ["health"]
    edited = _buttons(s.last("editMessageReplyMarkup").reply_markup)
    assert edited["sub:health"].startswith("✅") and not edited["sub:schools"].startswith("✅")

    s.clear()
    await chat.send(callback("sub:schools", user_id=USER, chat_id=GROUP))     # a plain member
    assert s.last("answerCallbackQuery").show_alert
    assert subs.units_of(GROUP) == ["health"] and not s.calls("editMessageReplyMarkup")

    await chat.send(callback("sub:health", user_id=ADMIN, chat_id=GROUP))     # toggled off
    assert subs.units_of(GROUP) == []


async def test_subscribe_directly_refusals_and_unknown_units(chat):
    s = await chat.send(message("/subscribe all", user_id=USER, chat_id=GROUP))
    assert "quản trị viên" in s.last("sendMessage").text and subs.units_of(GROUP) == []
    group_admin(chat.bot, status="creator")
    await chat.send(message("/subscribe all", user_id=ADMIN, chat_id=GROUP))
    assert subs.units_of(GROUP) == ["all"]
    await chat.send(message("/subscribe health bakery", user_id=ADMIN, chat_id=GROUP))
    text = s.last("sendMessage").text
    assert "bakery" in text and "<code>schools</code>" in text and subs.units_of(GROUP) == ["all"]
    await chat.send(message("/subscribe health, schools", user_id=ADMIN, chat_id=GROUP))
    await chat.send(message("/unsubscribe all", user_id=ADMIN, chat_id=GROUP))
    assert subs.units_of(GROUP) == ["health", "schools"]
    await chat.send(message("/mysubs", user_id=USER, chat_id=GROUP))
    assert "health" in s.last("sendMessage").text and "schools" in s.last("sendMessage").text
    await chat.send(message("/unsubscribe", user_id=ADMIN, chat_id=GROUP))     # bare: it asks first
    assert subs.units_of(GROUP) == ["health", "schools"]
    assert set(_buttons(s.last("sendMessage").reply_markup)) == {"unsub:health", "unsub:schools", "unsub:*",
                                                                  "unsub:-"}
    await chat.send(callback("unsub:-", user_id=ADMIN, chat_id=GROUP))
    assert subs.units_of(GROUP) == ["health", "schools"]
    await chat.send(callback("unsub:schools", user_id=USER, chat_id=GROUP))      # a plain member
    assert s.last("answerCallbackQuery").show_alert and subs.units_of(GROUP) == ["health", "schools"]
    await chat.send(callback("unsub:schools", user_id=ADMIN, chat_id=GROUP))
    assert subs.units_of(GROUP) == ["health"]
    await chat.send(callback("unsub:*", user_id=ADMIN, chat_id=GROUP))
    assert subs.units_of(GROUP) == [] and "Chưa đăng ký" in s.last("editMessageText").text
    await chat.send(message("/unsubscribe", user_id=ADMIN, chat_id=GROUP))
    assert "Chưa đăng ký" in s.last("sendMessage").text
    await chat.send(message("/subscribe Y tế, trường học; to covid", user_id=ADMIN, chat_id=GROUP))
    assert subs.units_of(GROUP) == ["health", "schools", "community"]       # everyday names


async def test_anonymous_group_admin_and_private_chats_may_subscribe(chat):
    await chat.send(message("/subscribe schools", user_id=USER, chat_id=USER))
    assert subs.units_of(USER) == ["schools"]
    anon = message("/subscribe police", user_id=1087968824, chat_id=GROUP,
                   sender_chat={"id": GROUP, "type": "group", "title": "g"})
    await chat.send(anon)
    assert subs.units_of(GROUP) == ["police"]


# --- membership -------------------------------------------------------------------------------

async def test_bot_added_greets_and_kicked_deactivates(chat):
    s = await chat.send(my_chat_member(GROUP, "left", "member", title="Trạm y tế xã A"))
    assert Chat.get_by_id(GROUP).active and Chat.get_by_id(GROUP).title == "Trạm y tế xã A"
    assert "/subscribe" in s.last("sendMessage").text
    subs.subscribe(GROUP, ["health"])
    await chat.send(my_chat_member(GROUP, "member", "kicked"))
    assert not Chat.get_by_id(GROUP).active and subs.chats_for_units(["health"]) == []
    await chat.send(my_chat_member(GROUP, "left", "administrator"))
    assert subs.chats_for_units(["health"]) == [GROUP]
    await chat.send(my_chat_member(USER, "member", "kicked"))                # blocked in private
    assert not Chat.get_by_id(USER).active


async def test_group_migration_moves_subscriptions(chat):
    subs.register_chat(GROUP, type="group", title="Tổ Covid")
    subs.subscribe(GROUP, ["community"])
    new_id = -1001557912345
    await chat.send(message(None, user_id=USER, chat_id=GROUP, migrate_to_chat_id=new_id))
    await chat.send(message(None, user_id=USER, chat_id=new_id, migrate_from_chat_id=GROUP))
    assert subs.units_of(new_id) == ["community"] and subs.units_of(GROUP) == []
    assert subs.chats_for_units(["community"]) == [new_id]
    assert not Chat.get_by_id(GROUP).active


# --- admins ---------------------------------------------------------------------------------

async def test_admin_commands(chat):
    s = await chat.send(message("/admin add 555", user_id=USER, chat_id=USER))
    assert "quản trị viên của Loa" in s.last("sendMessage").text
    assert Admin.select().count() == 0
    await chat.send(message("/admin add 555", user_id=ADMIN, chat_id=ADMIN))
    assert Admin.get_by_id(555).added_by == ADMIN
    await chat.send(message("/admin add abc", user_id=ADMIN, chat_id=ADMIN))
    assert "abc" in s.last("sendMessage").text
    await chat.send(message("/admin list", user_id=555, chat_id=555))         # the new admin
    listed = s.last("sendMessage").text
    assert "555" in listed and f"{ADMIN}</code> (ADMIN_IDS)" in listed
    await chat.send(message(f"/admin remove {ADMIN}", user_id=555, chat_id=555))
    assert "ADMIN_IDS" in s.last("sendMessage").text
    await chat.send(message("/admin remove 555", user_id=ADMIN, chat_id=ADMIN))
    assert Admin.select().count() == 0
    await chat.send(message("/admin list", user_id=555, chat_id=555))
    assert "quản trị viên của Loa" in s.last("sendMessage").text


async def test_admin_add_by_reply(chat):
    msg = message("/admin add", user_id=ADMIN, chat_id=GROUP,
                  reply_to_message={"message_id": 3, "date": 0, "chat": {"id": GROUP, "type": "group",
                                                                          "title": "g"},
                                    "from": {"id": 777, "is_bot": False, "first_name": "A"}, "text": "hi"})
    await chat.send(msg)
    assert Admin.get_or_none(Admin.user_id == 777) is not None
