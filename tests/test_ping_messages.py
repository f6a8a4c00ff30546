"""Reminder messages: each stays within Telegram's limit even with long tasks, every unit and
the acknowledgements it may gain; deadlines of different notices go in separate messages, each
replying to its notice in that group."""
from __future__ import annotations

import dataclasses
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from bot.views.deadlines import render_ping_parts, render_ping_text
from bot.views.deadlines import AckView
from knowledge.deadlines import DeadlineRow
from knowledge.units import CODES

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
SENT = datetime(2026, 11, 24, 1, 0, tzinfo=timezone.utc)


def row(i: int, document: str = "doc-a", task: str = "Báo cáo") -> DeadlineRow:
    return DeadlineRow(id=i, due_date=date(2026, 12, 1), due_time=None, kind="by", phrase="trước 1/12",
                       task=task, task_en="", units=CODES, document_key=document, document_number="1-TB",
                       document_title="Thông báo " * 20, item_id=i, item_number=str(i), item_position=i)


def test_long_reminders_stay_within_the_limit_with_room_for_acknowledgements():
    rows = [row(i, task="Tổng hợp & báo cáo <kết quả> " * 12) for i in range(1, 14)]
    parts = render_ping_parts(rows, "vi", HCM, sent_at=SENT)
    assert sum(len(p["reply_markup"]["inline_keyboard"]) for p in parts) == 13
    for part in parts:
        shown = [(int(r[0]["text"].split(".")[0]), rows[int(r[0]["text"].split(".")[0]) - 1])
                 for r in part["reply_markup"]["inline_keyboard"]]
        acks = {(r.id, kind): AckView(kind, "N" * 300, SENT) for _, r in shown for kind in ("received", "done")}
        assert len(render_ping_text(shown, "vi", HCM, sent_at=SENT, acks=acks)) <= 4096
    assert "Đơn vị thực hiện: Ngành y tế, trạm y tế" in parts[0]["text"] and ", …" in parts[0]["text"]


def test_deadlines_of_two_notices_reply_to_each_notice():
    rows = [row(1, "doc-a"), row(2, "doc-b"), row(3, "doc-a"), row(4, "doc-c")]
    parts = render_ping_parts(rows, "vi", HCM, sent_at=SENT, notices={"doc-a": 11, "doc-b": 22})
    replies = [(p.get("reply_to"), [r[0]["callback_data"].split(":")[2]
                                    for r in p["reply_markup"]["inline_keyboard"]]) for p in parts]
    assert replies == [(11, ["1", "3"]), (22, ["2"]), (None, ["4"])]
    assert "1. <b>" in parts[0]["text"] and "3. <b>" in parts[0]["text"]     # numbers kept


def test_an_unnumbered_paragraph_is_cited_by_its_notice_not_its_position():
    """QA5 finding 10: "mục 9" was a paragraph's position, a number the notice does not have;
    a long title without a number is shortened on a word."""
    from bot.views.deadlines import source_text
    numbered = row(3)
    unnumbered = dataclasses.replace(row(9), item_number="", document_number=None,
                                     document_title="Hồ sơ đăng ký người phụ thuộc để giảm trừ gia cảnh khi tính "
                                                    "thuế thu nhập cá nhân năm 2025 gồm những gì")
    assert source_text(numbered, "vi").endswith("mục 3")
    cited = source_text(unnumbered, "vi")
    assert "mục" not in cited and cited.endswith("…") and " tí…" not in cited
