"""Hostile input that is not a file: forged or odd buttons, formulas in CSV cells, long HTML
cut into messages, invisible characters on their way out, and random text thrown at the
parser and at the question path (hypothesis, bounded examples and time)."""
from __future__ import annotations

import csv
import html
import io
import re
import time
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.config import Settings
from bot.views.safe import clean_text, spreadsheet_cell, split_html
from knowledge import subscriptions as subs
from knowledge.parser import ParseError, parse_text
from scheduler.acknowledgements import Acknowledgement
from tests.fakebotapi import fake_api  # noqa: F401  (fixture)
from tests.mocked_bot import callback, html_problem
from tests.test_handlers_deadlines import GROUP, USER, chat, press, today  # noqa: F401  (fixture)
from tests.test_pings import make_deadline

BROKEN_ENTITY = re.compile(r"&(?!(?:amp|lt|gt|quot|#\d+|#x[0-9a-fA-F]+);)")


def plain(text: str) -> str:
    return "".join(html.unescape(re.sub(r"<[^>]+>", "", text)).split())


# --- buttons -------------------------------------------------------------------------------

def _reminder_part(deadline_id: int) -> dict:
    return {"text": "…", "reply_markup": {"inline_keyboard": [[
        {"text": "Đã nhận", "callback_data": f"ack:r:{deadline_id}:0"},
        {"text": "Đã hoàn thành", "callback_data": f"ack:d:{deadline_id}:0"}]]}}


async def test_a_forged_ack_from_a_private_chat_is_refused(chat):  # noqa: F811
    deadline = make_deadline(today() + timedelta(days=3))
    subs.register_chat(GROUP, type="group", title="Trạm y tế")
    subs.subscribe(GROUP, ["health"])
    # the data typed by hand, on some message of the bot in a private chat (no such button)
    session = await chat(callback(f"ack:d:{deadline.id}:0", chat_id=USER, user_id=USER))
    assert "chỉ dùng được" in session.last("answerCallbackQuery").text
    # the real reminder's button, pressed in a chat that is not the group
    session = await chat(press(_reminder_part(deadline.id), (0, 1), user_id=USER, chat_id=USER))
    assert Acknowledgement.select().count() == 0
    # …and in the group, on the reminder it received: recorded
    await chat(press(_reminder_part(deadline.id), (0, 1), user_id=USER))
    assert [(a.chat_id, a.kind) for a in Acknowledgement.select()] == [(GROUP, "done")]


@pytest.mark.parametrize("data", ["ack:d:99999999999999999999:0", "ack:d:-5:0", "ack:r:0:0",
                                  "ack:d:2147483648:0", "ack:x:1:0", "ack:d:1:99999999999999999999"])
async def test_odd_button_ids_are_answered_not_crashed(chat, data):  # noqa: F811
    part = {"text": "…", "reply_markup": {"inline_keyboard": [[{"text": "x", "callback_data": data}]]}}
    session = await chat(press(part, (0, 0), user_id=USER))
    assert session.calls("answerCallbackQuery")
    assert Acknowledgement.select().count() == 0


@pytest.mark.parametrize("data", ["item:99999999999999999999", "item:-1", "push:send:1e9",
                                  "report:csv:99999999999999999999", "sub:" + "x" * 60])
async def test_other_odd_buttons_are_answered(chat, data):  # noqa: F811
    session = await chat(callback(data, chat_id=1, user_id=1))        # user 1 is an admin
    assert session.calls("answerCallbackQuery")


# --- CSV -----------------------------------------------------------------------------------

@pytest.mark.parametrize("value, shown", [
    ("=HYPERLINK(\"http://evil\",\"Bấm\")", "'=HYPERLINK(\"http://evil\",\"Bấm\")"),
    ("+84 912", "'+84 912"), ("-1+1", "'-1+1"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"),
    ("-1001234567", "-1001234567"), ("Trạm y tế = tốt", "Trạm y tế = tốt"), (-100123, -100123),
])
def test_spreadsheet_cells_never_start_a_formula(value, shown):
    assert spreadsheet_cell(value) == shown


def test_the_delivery_csv_neutralises_group_titles(db):
    from bot.views.delivery import report_csv
    from bot.views.renderers import RENDERERS
    from knowledge.loader import save_document
    from knowledge.models import Chat
    from scheduler import broadcast
    from scheduler.notice_report import build_report

    subs.register_chat(-1001, type="group", title="=HYPERLINK(\"http://evil\",\"Nhóm\")")
    subs.subscribe(-1001, ["all"])
    parsed = parse_text("THÔNG BÁO\n1. Sở Y tế báo cáo trước ngày 20/01/2030.")
    draft = broadcast.create_draft(parsed, created_by=1, admin_chat_id=1)
    broadcast.start(draft.id, RENDERERS)
    zone = ZoneInfo("Asia/Ho_Chi_Minh")
    report = build_report(draft.id, datetime.now(timezone.utc), zone)
    rows = list(csv.reader(io.StringIO(report_csv(report, zone).decode("utf-8-sig"))))
    assert rows[1][0] == "-1001" and rows[1][1].startswith("'=HYPERLINK")
    assert Chat.get_by_id(-1001).title.startswith("=")          # stored as it is
    assert save_document  # (imported for the notice's storage path)


# --- splitting HTML ------------------------------------------------------------------------

def test_the_overdue_digest_is_never_cut_inside_an_entity():
    from bot.views.deadlines import render_digest
    from knowledge.deadlines import DeadlineRow
    from scheduler.renderers import DigestEntry

    row = DeadlineRow(id=1, due_date=date(2026, 11, 20), due_time=None, kind="by", phrase="trước 20/11",
                      task="Báo cáo", task_en="", units=("health",), document_key="k", document_number="1/TB",
                      document_title="T", item_id=1, item_number="1", item_position=1)
    titles = [(-i, "Trạm Y tế & Dân số <xã> " + "&" * (i % 7)) for i in range(1, 40)]
    entries = [DigestEntry(row=row, targeted=500, done=1, missing=titles * 5) for _ in range(40)]
    pieces = render_digest(entries, "vi", timezone.utc)
    assert len(pieces) > 3
    for piece in pieces:
        assert len(piece) <= 4096 and html_problem(piece) == "" and not BROKEN_ENTITY.search(piece)


_HTML_PIECES = st.one_of(
    st.text(alphabet="abc đêơ &<>\n", min_size=1, max_size=30).map(lambda s: html.escape(s, quote=False)),
    st.sampled_from(["\n\n", "\n", " ", "&amp;", "&lt;", "&#123;"]),
    st.tuples(st.sampled_from(["b", "i", "code"]),
              st.text(alphabet="xyz &\n", max_size=40)).map(
        lambda t: f"<{t[0]}>{html.escape(t[1], quote=False)}</{t[0]}>"),
    st.text(alphabet="uv&", max_size=30).map(lambda s: f'<a href="http://x.vn/?q={html.escape(s)}">{html.escape(s)}</a>'),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_HTML_PIECES, max_size=60).map("".join), st.integers(min_value=150, max_value=400))
def test_split_html_keeps_tags_and_entities_whole(text, limit):
    pieces = split_html(text, limit)
    for piece in pieces:
        assert len(piece) <= limit, (piece, limit)
        assert html_problem(piece) == "" and not BROKEN_ENTITY.search(piece), piece
    assert "".join(plain(p) for p in pieces) == plain(text)


# --- invisible characters on the way out ---------------------------------------------------

def test_clean_text_removes_bidi_and_invisible_characters():
    assert clean_text("Hạn \u202echót\u200b 20/11\ufeff\u2066x\u2069\u00ad") == "Hạn chót 20/11x"
    assert clean_text("👨\u200d👩\u200d👧 dòng\n\ttab") == "👨\u200d👩\u200d👧 dòng\n\ttab"


async def test_what_the_bot_sends_is_cleaned(fake_api):  # noqa: F811
    from bot.app import create_bot

    bot = create_bot(Settings(_env_file=None, bot_token=fake_api.token, telegram_api_url=fake_api.url))
    try:
        from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
        keyboard = InlineKeyboardMarkup(inline_keyboard=[[InlineKeyboardButton(
            text="Đã\u200b nhận\u202e", callback_data="x")]])
        await bot.send_message(-5, "<b>Nhóm \u202egnp.exe</b>\u2066", reply_markup=keyboard)
        await bot.send_document(-5, __import__("aiogram").types.BufferedInputFile(b"x", "a.csv"),
                                caption="Báo cáo\u202e")
    finally:
        await bot.session.close()
    sent = fake_api.calls_of("sendMessage")[-1].params
    assert sent["text"] == "<b>Nhóm gnp.exe</b>" and "\u200b" not in str(sent["reply_markup"])
    assert fake_api.calls_of("sendDocument")[-1].params["caption"] == "Báo cáo"


# --- random text at the parser and at the question path ------------------------------------

_NOTICE_WORDS = st.sampled_from([
    "THÔNG BÁO", "Số:", "45-TB/BCĐ", "UBND TỈNH HÀ NAM", "ngày", "tháng", "năm", "1.", "2)", "a)",
    "-", "+", "•", "I.", "Điều 1.", "trước ngày", "chậm nhất", "31/12/9999", "2/1/0001", "29/02/2023",
    "Sở Y tế", "hằng tháng", "âm lịch", "Nơi nhận:", "KT. CHỦ TỊCH", "\n", "\n\n", " ", "17h30",
    "*", "#", "[", "]", "(", ")", "\u202e", "\u200b", "0" * 30, "Ⅻ", "ﬁ", "🇻🇳", "x" * 200])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), st.lists(_NOTICE_WORDS, max_size=80).map(" ".join)))
def test_parse_text_returns_a_notice_or_a_clear_error(text):
    start = time.perf_counter()
    try:
        parsed = parse_text(text, today=date(2026, 11, 20))
    except ParseError as e:
        assert e.message("vi") and e.message("en")
    else:
        assert isinstance(parsed["items"], list) and parsed["items"]
        for item in parsed["items"]:
            for d in item["deadlines"]:
                date.fromisoformat(d["date"])
    assert time.perf_counter() - start < 2


@pytest.fixture
def answering(db):
    from knowledge.loader import ensure_seeded
    from knowledge.search import Searcher

    ensure_seeded()
    return Searcher.from_database(), Settings(_env_file=None)


_QUESTION_WORDS = st.sampled_from(["trạm y tế", "bác sĩ", "hạn chót", "tuần này", "deadline", "when",
                                   "1", "y", "ô", "?", "<b>", "&amp;", "\u202e", "tiêm", "mũi 3", "xã",
                                   "F0", "😀", "\n", "ĐÂU", "ko", "dc", "hok", "…"])


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=200), st.lists(_QUESTION_WORDS, max_size=15).map(" ".join)))
def test_any_question_gets_a_reply_telegram_accepts(answering, question):
    from bot.conversation import reply_to_text

    searcher, config = answering
    reply = reply_to_text(" ".join(question.split())[:1000], searcher=searcher, settings=config, lang="vi")
    for piece in split_html(reply.html):
        assert html_problem(piece) == "" and not BROKEN_ENTITY.search(piece), piece
    assert reply.lang in ("vi", "en")
