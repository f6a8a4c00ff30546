"""The console chat is what a fresh machine shows without BOT_TOKEN: drive it line by line."""
import io

from bot.config import Settings
from bot.console import ConsoleChat, run_console
from knowledge.loader import ensure_seeded
from knowledge.search import Searcher


def chat(db) -> ConsoleChat:
    ensure_seeded()
    return ConsoleChat(Settings(_env_file=None), Searcher.from_database())


def test_a_question_gets_the_directive_and_its_source(db):
    reply = chat(db).reply("tram y te phai co bac si truoc ngay nao")
    assert "trạm y tế đều có bác sĩ" in reply
    assert "Nguồn" in reply and "<" not in reply        # plain text, no Telegram HTML


def test_commands_help_lang_deadlines_unknown_and_quit(db):
    c = chat(db)
    assert "/deadlines" in c.reply("/help")
    assert "31/12/2021" in c.reply("/deadlines all")
    c.reply("/lang en")
    assert "Source" in c.reply("When must second doses for adults be finished?")
    assert c.reply("/nonsense") and c.reply("/nonsense") != c.reply("/help")
    assert c.reply("/quit") is None


def test_run_console_reads_until_end_of_input(db):
    ensure_seeded()
    out = io.StringIO()
    assert run_console(Settings(_env_file=None), io.StringIO("giá vàng hôm nay\n"), out) == 0
    text = out.getvalue()
    # an everyday subject no notice mentions (knowledge/vocab/topics.tsv): "no notice about it"
    assert "chưa có thông báo nào về giá vàng" in text.lower() and text.rstrip().endswith("Tạm biệt.")


def test_a_question_without_words_is_answered_in_the_chats_language(db):
    c = chat(db)
    c.reply("/lang en")
    assert "I found no directive" in c.reply("👍👍 ???")
