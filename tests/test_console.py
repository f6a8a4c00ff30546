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
    assert run_console(Settings(_env_file=None), io.StringIO("giá vàng bao nhiêu\ngiá vàng hôm nay\n"), out) == 0
    text = out.getvalue()
    # an everyday subject no notice mentions (knowledge/vocab/topics.tsv): "no notice about it"; asked
    # for today, a value of the day (knowledge/vocab/live_values.tsv): "no notice gives it"
    assert "chưa có thông báo nào về giá vàng" in text.lower() and text.rstrip().endswith("Tạm biệt.")
    assert "văn bản không ghi giá vàng hôm nay" in text


def test_a_question_without_words_is_answered_in_the_chats_language(db):
    c = chat(db)
    c.reply("/lang en")
    assert "I found no directive" in c.reply("👍👍 ???")


def test_full_after_a_decline_has_nothing_to_show_not_the_older_item(db):
    """QA9: /full after a declined question showed the item of an earlier answer."""
    c = chat(db)
    assert "Toàn văn" in c.reply("tram y te phai co bac si truoc ngay nao")
    c.reply("giá vàng hôm nay")
    assert c.reply("/full") == c.reply("/full") and "bác sĩ" not in c.reply("/full")
    assert "Chưa có câu trả lời" in c.reply("/full")


def test_full_text_of_a_label_item_shows_the_list_it_announces(db):
    """QA9: the answer showed "Bộ Tài chính gửi kèm bộ Cẩm nang gồm:" with its list, /full the
    label alone. The whole item of a label is the label with what follows it."""
    from knowledge.loader import save_document
    from knowledge.parser import parse_text
    ensure_seeded()
    save_document(parse_text(
        "BỘ TÀI CHÍNH\nSố: 17000/BTC-CT\nHà Nội, ngày 19 tháng 11 năm 2025\n\nCÔNG VĂN\n"
        "V/v phổ biến Cẩm nang nghiệp vụ thuế\n\n"
        "1. Đề nghị UBND các tỉnh chỉ đạo phổ biến Cẩm nang nghiệp vụ thuế tới công chức cấp xã.\n\n"
        "2. Chỉ đạo đầu mối phối hợp với Thuế tỉnh để thường xuyên rà soát, phản hồi vướng mắc.\n\n"
        "Bộ Tài chính gửi kèm bộ Cẩm nang gồm:\n\n- Cẩm nang nghiệp vụ thuế dành cho công chức cấp xã;\n\n"
        "- Infographic Cẩm nang;\n\n- Video giới thiệu Cẩm nang.\n"))
    c = ConsoleChat(Settings(_env_file=None), Searcher.from_database())
    c.reply("bo cam nang thue gui kem gom nhung gi")
    whole = c.reply("/full")
    assert "gồm:" in whole and "Infographic Cẩm nang" in whole and "Video giới thiệu" in whole
