"""What real users did to Loa in QA, through the real routers and middlewares (MockedBot):
tampered button data and out-of-range numbers, ids that are not user ids, stickers and
uncaptioned files, Telegram refusing or throttling a reply, a question deleted before the
answer, Cancel after Send, and user-typed text shown back in HTML."""
from __future__ import annotations

import os

import pytest

from bot.config import Settings
from bot.views.renderers import RENDERERS
from knowledge import subscriptions as subs
from knowledge.models import Admin
from scheduler.clock import SystemClock
from scheduler.outbox import Broadcast
from scheduler.sender import Sender
from tests.mocked_bot import callback, document_message, message, shared_dispatcher
from tests.test_handlers_chat import ADMIN, GROUP, USER, chat, group_admin, kb  # noqa: F401

SAMPLE = os.path.join(os.path.dirname(__file__), "samples", "thong_bao_45_ha_nam.txt")
HUGE = "9" * 25                     # fits in 64 bytes of callback data, not in any database column

STICKER = {"file_id": "s", "file_unique_id": "s", "type": "regular", "width": 512, "height": 512,
           "is_animated": False, "is_video": False}
PHOTO = [{"file_id": "p", "file_unique_id": "p", "width": 90, "height": 90}]


@pytest.fixture
def pushing(chat):
    """The chat fixture with a real Sender, so Send can start a delivery."""
    fast = Settings(_env_file=None, admin_ids=[ADMIN], chat_interval=0.02)   # parts back to back
    chat.sender = Sender(chat.bot, fast, SystemClock(), renderers=RENDERERS)
    chat.dp = shared_dispatcher(settings=chat.settings, searcher=chat.dp["searcher"],
                                sender=chat.sender, clock=SystemClock())
    return chat


def _no_internal_error(session) -> None:
    assert not any("lỗi khi xử lý" in (t or "") for t in session.texts()), session.texts()


@pytest.mark.parametrize("data", [f"item:{HUGE}", f"push:send:{HUGE}", f"push:cancel:{HUGE}",
                                  f"report:csv:{HUGE}", "report:csv:abc", "push:send:-1",
                                  "push:send:99999999999"])
async def test_tampered_button_numbers_get_a_plain_refusal(pushing, data):
    s = await pushing.send(callback(data, user_id=ADMIN, chat_id=ADMIN))
    _no_internal_error(s)
    alert = s.last("answerCallbackQuery")
    assert alert.show_alert and "None" not in alert.text


@pytest.mark.parametrize("text", [f"/report {HUGE}", "/report 99999999999", f"/admin add {HUGE}",
                                  f"/admin remove {HUGE}"])
async def test_out_of_range_numbers_in_commands_get_a_plain_refusal(chat, text):
    s = await chat.send(message(text, user_id=ADMIN, chat_id=ADMIN))
    _no_internal_error(s)
    assert HUGE[:11] in s.last("sendMessage").text
    assert Admin.select().count() == 0


@pytest.mark.parametrize("value", ["-1001234567", "0", "<b>x</b>", "1e5"])
async def test_admin_add_refuses_what_is_not_a_user_id(chat, value):
    s = await chat.send(message(f"/admin add {value}", user_id=ADMIN, chat_id=ADMIN))
    _no_internal_error(s)
    reply = s.last("sendMessage").text
    assert "Telegram" in reply and Admin.select().count() == 0


async def test_stickers_photos_and_voice_in_private_get_a_hint_and_groups_stay_quiet(chat):
    for extra in ({"sticker": STICKER}, {"photo": PHOTO},
                  {"voice": {"file_id": "v", "file_unique_id": "v", "duration": 3}}):
        s = await chat.send(message(None, user_id=USER, chat_id=USER, **extra))
        assert "câu hỏi" in s.last("sendMessage").text
        s.clear()
        await chat.send(message(None, user_id=USER, chat_id=GROUP, **extra))
        assert not s.calls("sendMessage")
    s = await chat.send(message(None, user_id=7, chat_id=7, language_code="en", sticker=STICKER))
    assert "question" in s.last("sendMessage").text


async def test_a_notice_file_sent_without_caption_tells_the_admin_how_to_push_it(chat):
    chat.bot.add_file("f1", b"x")
    update = document_message("f1", "thong-bao.docx", 1, caption=None, user_id=ADMIN, chat_id=ADMIN)
    s = await chat.send(update)
    assert "/push" in s.last("sendMessage").text and not s.calls("getFile")
    assert Broadcast.select().count() == 0
    await chat.send(document_message("f1", "thong-bao.docx", 1, caption=None, user_id=USER, chat_id=USER))
    assert "/push" not in s.last("sendMessage").text       # not an admin: only the text hint


async def test_answer_survives_telegram_429_and_5xx(chat, kb):
    question = "nhà máy phải xét nghiệm công nhân khi nào"
    chat.bot.session.stage_error("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    s = await chat.send(message(question, user_id=USER, chat_id=USER))
    _no_internal_error(s)
    assert "trước mỗi ca sản xuất" in s.last("sendMessage").text
    assert len(s.calls("sendMessage")) == 2                # the refused one, then the answer
    s.clear()
    chat.bot.session.stage_error("sendMessage", 502, "Bad Gateway")
    await chat.send(message(question, user_id=USER, chat_id=USER))
    _no_internal_error(s)
    assert "trước mỗi ca sản xuất" in s.last("sendMessage").text


async def test_question_deleted_before_the_answer_still_gets_it(chat, kb):
    update = message("@loa_bot nhà máy phải xét nghiệm công nhân khi nào", user_id=USER, chat_id=GROUP)
    chat.bot.session.deleted.add((GROUP, update.message.message_id))
    s = await chat.send(update)
    _no_internal_error(s)
    assert "trước mỗi ca sản xuất" in s.last("sendMessage").text


async def test_cancel_after_send_says_it_is_too_late(pushing):
    subs.register_chat(GROUP, type="group", title="Tổ <Covid> & bạn")
    subs.subscribe(GROUP, ["all"])
    with open(SAMPLE, encoding="utf-8") as f:
        s = await pushing.send(message("/push\n" + f.read(), user_id=ADMIN, chat_id=ADMIN))
    draft = Broadcast.get()
    await pushing.send(callback(f"push:send:{draft.id}", user_id=ADMIN, chat_id=ADMIN))
    assert Broadcast.get_by_id(draft.id).status == "sending"
    await pushing.send(callback(f"push:cancel:{draft.id}", user_id=ADMIN, chat_id=ADMIN))
    alert = s.last("answerCallbackQuery")
    assert alert.show_alert and "đang gửi" in alert.text     # not "this draft no longer exists"
    assert Broadcast.get_by_id(draft.id).status == "sending"


async def test_tampered_unit_buttons_change_nothing(chat):
    group_admin(chat.bot)
    subs.register_chat(GROUP, type="group", title="Tổ Covid")
    subs.subscribe(GROUP, ["health"])
    for data in ("sub:", "sub:ALL", "sub:bakery", "sub: health"):
        s = await chat.send(callback(data, user_id=ADMIN, chat_id=GROUP))
        assert subs.units_of(GROUP) == ["health"], data
        assert not s.calls("editMessageReplyMarkup") and not s.last("answerCallbackQuery").text
        s.clear()


async def test_a_30000_character_notice_file_reaches_a_group_in_valid_parts(pushing):
    """A long notice with '<', '>' and '&' in its text, pushed as a .txt file: every part is
    valid Telegram HTML under 4,096 characters (MockedSession refuses anything else), in order."""
    with open(SAMPLE, encoding="utf-8") as f:
        head = f.read().split("kết luận như sau:")[0] + "kết luận như sau:\n\n"
    items = "\n\n".join(f"{i}. Các doanh nghiệp <R&D> phải xét nghiệm định kỳ công nhân tổ {i}; "
                        + "báo cáo Sở Y tế & UBND huyện đầy đủ, kịp thời. " * 14 for i in range(1, 41))
    notice = (head + items).encode("utf-8")
    assert len(notice) > 30_000
    subs.register_chat(GROUP, type="group", title="Tổ <Covid> & bạn")
    subs.subscribe(GROUP, ["all"])
    pushing.bot.add_file("long", notice)
    s = await pushing.send(document_message("long", "thong bao <dai>.txt", len(notice),
                                            user_id=ADMIN, chat_id=ADMIN))
    assert "41" in s.last("sendMessage").text               # the context paragraph and 40 items
    draft = Broadcast.get()
    await pushing.send(callback(f"push:send:{draft.id}", user_id=ADMIN, chat_id=ADMIN))
    await pushing.sender.drain(timeout=10)
    parts = s.texts(GROUP)
    assert len(parts) >= 7 and all(len(p) <= 4096 for p in parts)
    body = "".join(parts)
    assert body.count("&lt;R&amp;D&gt;") == 40 and body.index("tổ 1;") < body.index("tổ 40;")
    assert f"(phần {len(parts)}/{len(parts)})" in parts[-1]
    assert Broadcast.get_by_id(draft.id).status == "done"
