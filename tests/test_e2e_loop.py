"""Closing the loop over HTTP: the real aiogram Bot against the fake Bot API, updates fed to
the real dispatcher as Telegram would deliver them (webhook style), the real Sender.

- a notice pushed to 50 groups: presses of "Đã nhận" / "Đã hoàn thành" in the groups give the
  per-unit received/done counts of /report, its CSV, and the reminder to the laggards;
- a push scheduled for a date and time goes out at its time and not before (FakeClock);
- a corrected notice edits the messages in every group; a recalled one disappears, and where
  Telegram refuses to delete, the report says so and a "recalled" line can replace it;
- reminders reply to the notice's message in each group and name the unit that must act.
"""
from __future__ import annotations

import csv
import io
import itertools
import json
import os
import re
import time
from datetime import date, datetime, timedelta, timezone

import pytest_asyncio

from bot.config import Settings
from bot.views.renderers import RENDERERS
from knowledge import subscriptions as subs
from knowledge.models import Deadline, Item
from knowledge.parser import parse_text
from knowledge.search import Searcher
from knowledge.units import unit_name
from scheduler.acknowledgements import record_ack
from scheduler.clock import FakeClock
from scheduler.outbox import Broadcast, Delivery
from scheduler.push_options import notice_units
from scheduler.receipts import NoticeReceipt
from scheduler.reminders import ReminderService
from scheduler.sender import Sender
from tests.fakebotapi import FakeBotAPI
from tests.mocked_bot import shared_dispatcher

ADMIN = 801
SAMPLE = os.path.join(os.path.dirname(__file__), "samples", "thong_bao_45_ha_nam.txt")
YEAR = date.today().year + 1
_ids = itertools.count(1)


def notice_text(year: int = YEAR) -> str:
    """A real notice moved to next year, so that its deadlines are still to come."""
    with open(SAMPLE, encoding="utf-8") as f:
        return f.read().replace("2022", str(year))


class Chat:
    """The fake API and the dispatcher, with the updates Telegram would send."""

    def __init__(self, api: FakeBotAPI, dp, bot, sender: Sender, clock):
        self.api, self.dp, self.bot, self.sender, self.clock = api, dp, bot, sender, clock

    async def say(self, chat_id: int, text: str, *, user_id: int = ADMIN, reply_to: int | None = None):
        message = {"message_id": 10_000 + next(_ids), "date": int(time.time()), "text": text,
                   "chat": _chat(chat_id), "from": _user(user_id)}
        if text.startswith("/"):
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        if reply_to is not None:
            shown = next(m for m in self.api.visible(chat_id) if m["message_id"] == reply_to)
            message["reply_to_message"] = {"message_id": reply_to, "date": int(time.time()), "chat": _chat(chat_id),
                                           "from": {"id": 1, "is_bot": True, "first_name": "Loa"},
                                           "text": shown["text"]}
        await self.dp.feed_raw_update(self.bot, {"update_id": next(_ids), "message": message})

    async def press(self, chat_id: int, data: str, *, user_id: int, message_id: int | None = None):
        """A press on the button with `data` under a message the chat shows (the last that has it)."""
        shown = [m for m in self.api.visible(chat_id) if data in json.dumps(m.get("reply_markup") or {})]
        if message_id is not None:
            shown = [m for m in self.api.visible(chat_id) if m["message_id"] == message_id]
        m = shown[-1] if shown else {"message_id": 1, "text": "…", "reply_markup": None}
        message = {"message_id": m["message_id"], "date": int(time.time()), "chat": _chat(chat_id),
                   "from": {"id": 1, "is_bot": True, "first_name": "Loa"}, "text": m["text"] or "…"}
        if m.get("reply_markup"):
            message["reply_markup"] = m["reply_markup"]
        await self.dp.feed_raw_update(self.bot, {"update_id": next(_ids), "callback_query": {
            "id": str(next(_ids)), "chat_instance": "ci", "data": data, "message": message,
            "from": _user(user_id)}})

    def alerts(self) -> list[str]:
        return [c.params.get("text", "") for c in self.api.calls_of("answerCallbackQuery")]

    def last_text(self, chat_id: int) -> str:
        return self.api.visible(chat_id)[-1]["text"]

    def buttons(self, chat_id: int, message_id: int | None = None) -> dict[str, str]:
        """callback data -> label of the buttons under a message (the chat's last by default)."""
        shown = self.api.visible(chat_id)
        m = next(x for x in shown if x["message_id"] == message_id) if message_id else shown[-1]
        return {b["callback_data"]: b["text"] for row in (m.get("reply_markup") or {}).get("inline_keyboard", [])
                for b in row}


def _chat(chat_id: int) -> dict:
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": "Admin"}
    return {"id": chat_id, "type": "group", "title": f"Tổ {-chat_id}"}


def _user(user_id: int) -> dict:
    return {"id": user_id, "is_bot": False, "first_name": f"Người {user_id}", "language_code": "vi"}


class SteppingClock(FakeClock):
    """A FakeClock whose sleeps pass at once (the sender's pacing), while the test still
    decides when the hours pass."""

    async def sleep(self, seconds: float) -> None:
        if seconds > 0:
            self.advance(seconds)
        await super().sleep(0)


@pytest_asyncio.fixture
async def loop_chat(db):
    api = await FakeBotAPI().start()
    bot = api.make_bot()
    settings = Settings(_env_file=None, admin_ids=[ADMIN], send_rate=1000, chat_interval=0,
                        tz="Asia/Ho_Chi_Minh")
    clock = SteppingClock(datetime.now(timezone.utc))
    sender = Sender(bot, settings, clock, backoff_base=0.01, backoff_cap=0.05, renderers=RENDERERS)
    dp = shared_dispatcher(settings=settings, searcher=Searcher.from_database(), sender=sender, clock=clock)
    try:
        yield Chat(api, dp, bot, sender, clock)
    finally:
        await bot.session.close()
        await api.stop()


async def push_and_send(chat: Chat, text: str) -> Broadcast:
    await chat.say(ADMIN, "/push\n" + text)
    draft = Broadcast.select().order_by(Broadcast.id.desc()).get()
    await chat.press(ADMIN, f"push:send:{draft.id}", user_id=ADMIN)
    await chat.sender.drain(timeout=5)
    return Broadcast.get_by_id(draft.id)


def report_lines(text: str) -> dict[str, tuple[int, int, int, int]]:
    """The per-unit lines of /report: unit name -> (sent, received, done, groups)."""
    out = {}
    for name, sent, received, done, groups in re.findall(r"• (.+?): (\d+) · (\d+) · (\d+) / (\d+)", text):
        out[name] = (int(sent), int(received), int(done), int(groups))
    return out


# --- read receipts, per unit, 50 groups ------------------------------------------------------

async def test_receipts_from_50_groups_match_the_per_unit_report(loop_chat):
    chat = loop_chat
    text = notice_text()
    units = notice_units(parse_text(text))
    plan = ["health"] * 20 + ["schools"] * 15 + ["police"] * 10 + ["all"] * 5
    assert {"health", "schools", "police"} <= set(units)
    groups = [-5000 - i for i in range(50)]
    for chat_id, unit in zip(groups, plan):
        subs.register_chat(chat_id, type="group", title=f"Tổ {-chat_id}")
        subs.subscribe(chat_id, [unit])
    subs.register_chat(-6000, type="group", title="Không đăng ký")      # gets nothing

    b = await push_and_send(chat, text)
    assert b.target_count == 50 and Broadcast.get_by_id(b.id).status == "done"
    final = chat.api.visible(ADMIN)[-1]["text"]              # the sender's final report
    assert "Đã gửi: 50/50 nhóm" in final and "Đã nhận (nhóm bấm nút): 0/50" in final
    for chat_id in groups:
        assert f"rc:r:{b.id}" in chat.buttons(chat_id) and "45-TB/BCĐ" in chat.last_text(chat_id)

    # Presses: every 3rd group received, every 4th done (done counts as received too), the
    # 7th pressed twice by two members (counted once).
    expected: dict[str, list[int]] = {u: [0, 0, 0] for u in set(plan)}      # groups, received, done
    for i, (chat_id, unit) in enumerate(zip(groups, plan)):
        expected[unit][0] += 1
        received, done = i % 3 == 0, i % 4 == 0
        if received:
            await chat.press(chat_id, f"rc:r:{b.id}", user_id=100 + i)
        if done:
            await chat.press(chat_id, f"rc:d:{b.id}", user_id=200 + i)
        expected[unit][1] += received or done
        expected[unit][2] += done
    await chat.press(groups[6], f"rc:r:{b.id}", user_id=999)
    assert "trước đó (Người 106" in chat.alerts()[-1]
    await chat.press(-6000, f"rc:r:{b.id}", user_id=5)                  # forged: not sent there
    assert "không được gửi tới nhóm này" in chat.alerts()[-1]
    assert NoticeReceipt.select().where(NoticeReceipt.chat_id == -6000).count() == 0
    assert chat.buttons(groups[0])[f"rc:r:{b.id}"] == "✓ Đã nhận · Người 100"

    # "Done" is undone only by its presser or a group admin.
    await chat.press(groups[4], f"rc:u:{b.id}", user_id=7)
    assert "Người 204" in chat.alerts()[-1]
    await chat.press(groups[4], f"rc:u:{b.id}", user_id=204)
    assert f"rc:u:{b.id}" not in chat.buttons(groups[4])
    expected[plan[4]][1] -= 1          # group 4 had pressed only "done"
    expected[plan[4]][2] -= 1

    await chat.say(ADMIN, f"/report {b.id}")
    shown = report_lines(chat.last_text(ADMIN))
    for unit, (n, received, done) in expected.items():
        assert shown[unit_name(unit, "vi")] == (n, received, done, n), unit
    total_received = sum(v[1] for v in expected.values())
    assert f"Đã nhận: {total_received}/50 · Đã hoàn thành: {sum(v[2] for v in expected.values())}/50" \
        in chat.last_text(ADMIN)
    assert f"Chưa xác nhận đã nhận ({50 - total_received} nhóm)" in chat.last_text(ADMIN)

    # The CSV says the same, group by group.
    await chat.press(ADMIN, f"report:csv:{b.id}", user_id=ADMIN)
    upload = chat.api.documents[-1]
    rows = list(csv.reader(io.StringIO(upload["content"].decode("utf-8-sig"))))
    assert rows[0][:4] == ["mã nhóm", "tên nhóm", "đơn vị", "gửi"] and len(rows) == 51
    by_chat = {int(r[0]): r for r in rows[1:]}
    assert by_chat[groups[0]][5:8][0] == "có" and by_chat[groups[0]][6] == "Người 100"
    assert sum(r[5] == "có" for r in rows[1:]) == total_received
    assert sum(r[8] == "có" for r in rows[1:]) == sum(v[2] for v in expected.values())

    # One tap reminds the laggards, each in reply to the notice in its group; a second tap
    # of the same button sends nothing more.
    report_id = [m["message_id"] for m in chat.api.visible(ADMIN) if "📊" in m["text"]][-1]
    nudge = next(d for d in chat.buttons(ADMIN, report_id) if d.startswith(f"report:nudge:{b.id}:"))
    await chat.press(ADMIN, nudge, user_id=ADMIN)
    await chat.press(ADMIN, nudge, user_id=ADMIN)
    assert "đã được gửi rồi" in chat.alerts()[-1]
    await chat.sender.drain(timeout=5)
    nudges = [c for c in chat.api.calls_of("sendMessage") if "🔔" in c.params.get("text", "")]
    assert len(nudges) == 50 - total_received
    first = {c.chat_id: c for c in chat.api.calls_of("sendMessage") if "45-TB/BCĐ" in c.params.get("text", "")}
    for call in nudges:
        assert call.params["reply_parameters"]["message_id"] == json.loads(
            Delivery.get(Delivery.broadcast == b.id, Delivery.chat_id == call.chat_id).message_ids)[0]
        assert call.chat_id in first


# --- scheduled push ---------------------------------------------------------------------------

async def test_scheduled_push_goes_out_at_its_time_and_not_before(loop_chat):
    chat = loop_chat
    chat.clock._now = datetime(YEAR - 1, 12, 1, 1, 0, tzinfo=timezone.utc)      # 08:00 in Hà Nội
    for chat_id in (-71, -72, -73):
        subs.register_chat(chat_id, type="group", title=f"Tổ {-chat_id}")
        subs.subscribe(chat_id, ["all"])
    await chat.say(ADMIN, "/push\n" + notice_text())
    draft = Broadcast.get()
    await chat.press(ADMIN, f"push:when:{draft.id}", user_id=ADMIN)
    prompt = chat.api.visible(ADMIN)[-1]
    assert "lúc nào" in prompt["text"] and chat.api.calls_of("sendMessage")[-1].params["reply_markup"]["force_reply"]
    await chat.say(ADMIN, "hôm qua", reply_to=prompt["message_id"])
    assert "Không hiểu" in chat.last_text(ADMIN)
    await chat.say(ADMIN, f"10:30 01/12/{YEAR - 1}", reply_to=prompt["message_id"])
    preview = chat.api.visible(ADMIN)[0]
    assert f"Thời điểm gửi: <b>10:30 01/12/{YEAR - 1}</b>" in preview["text"]
    assert chat.buttons(ADMIN, preview["message_id"])[f"push:send:{draft.id}"] == "🕒 Hẹn gửi"

    await chat.press(ADMIN, f"push:send:{draft.id}", user_id=ADMIN)
    assert "Đã hẹn gửi thông báo" in chat.api.visible(ADMIN)[0]["text"]
    at = datetime(YEAR - 1, 12, 1, 3, 30, tzinfo=timezone.utc)                   # 10:30 local
    await chat.sender.drain()
    chat.clock.advance(at - chat.clock.now() - timedelta(seconds=30))
    await chat.sender.drain()
    assert not [c for c in chat.api.calls_of("sendMessage") if c.chat_id < 0], "sent before its time"
    await chat.say(ADMIN, "/notices")
    assert "đã hẹn giờ" in chat.last_text(ADMIN)

    chat.clock.advance(timedelta(seconds=31))
    await chat.sender.drain()
    for chat_id in (-71, -72, -73):
        assert "45-TB/BCĐ" in chat.last_text(chat_id)
    sent_at = [d.sent_at.replace(tzinfo=timezone.utc) for d in Delivery.select()]
    assert len(sent_at) == 3 and all(s >= at for s in sent_at)
    assert "Đã gửi: 3/3 nhóm" in chat.api.visible(ADMIN)[0]["text"]


async def test_a_scheduled_push_can_be_called_off(loop_chat):
    chat = loop_chat
    subs.register_chat(-81, type="group", title="Tổ 81")
    subs.subscribe(-81, ["all"])
    await chat.say(ADMIN, "/push\n" + notice_text())
    draft = Broadcast.get()
    await chat.press(ADMIN, f"push:when:{draft.id}", user_id=ADMIN)
    await chat.say(ADMIN, "23:59", reply_to=chat.api.visible(ADMIN)[-1]["message_id"])
    await chat.press(ADMIN, f"push:send:{draft.id}", user_id=ADMIN)
    await chat.press(ADMIN, f"report:unschedule:{draft.id}", user_id=ADMIN)
    assert "Đã huỷ hẹn giờ" in chat.alerts()[-1]
    chat.clock.advance(timedelta(days=1))
    await chat.sender.drain()
    assert Broadcast.get_by_id(draft.id).status == "cancelled" and Delivery.select().count() == 0
    assert not [c for c in chat.api.calls_of("sendMessage") if c.chat_id < 0]


# --- edit in every group, recall --------------------------------------------------------------

async def test_edited_notice_changes_in_every_group_and_a_recalled_one_disappears(loop_chat):
    chat = loop_chat
    groups = [-91, -92, -93, -94]
    for chat_id in groups:
        subs.register_chat(chat_id, type="group", title=f"Tổ {-chat_id}")
        subs.subscribe(chat_id, ["all"])
    b = await push_and_send(chat, notice_text())
    await chat.press(-91, f"rc:r:{b.id}", user_id=11)

    corrected = notice_text().replace("ít nhất 200 bộ test nhanh", "ít nhất 500 bộ test nhanh")
    await chat.say(ADMIN, "/push\n" + corrected)
    draft = Broadcast.select().order_by(Broadcast.id.desc()).get()
    preview = chat.last_text(ADMIN)
    assert "Sẽ thay thế" in preview and "sửa 1 mục: 1.2" in preview
    assert f"Đã gửi trước đây: thông báo #{b.id} tới 4 nhóm" in preview
    assert chat.buttons(ADMIN)[f"push:edit:{draft.id}"] == "✏️ Sửa tin đã gửi ở 4 nhóm"
    await chat.press(ADMIN, f"push:edit:{draft.id}", user_id=ADMIN)
    await chat.sender.drain(timeout=5)
    for chat_id in groups:
        [shown] = chat.api.visible(chat_id)
        assert "500 bộ test" in shown["text"] and "200 bộ test" not in shown["text"]
    assert chat.buttons(-91)[f"rc:r:{b.id}"].startswith("✓ Đã nhận")       # the press is still shown
    assert Broadcast.select().where(Broadcast.status.in_(["sending", "done"])).count() == 1

    # A longer correction needs a second message: the first is edited, the second added.
    longer = corrected.replace("Nơi nhận:", "\n\n".join(
        f"{n}. Các địa phương báo cáo kết quả thực hiện nhiệm vụ số {n} " + "đầy đủ, kịp thời. " * 20
        for n in range(6, 14)) + "\n\nNơi nhận:")
    await chat.say(ADMIN, "/push\n" + longer)
    draft = Broadcast.select().order_by(Broadcast.id.desc()).get()
    await chat.press(ADMIN, f"push:edit:{draft.id}", user_id=ADMIN)
    await chat.sender.drain(timeout=5)
    for chat_id in groups:
        shown = chat.api.visible(chat_id)
        assert len(shown) == 2 and "(phần 1/2)" in shown[0]["text"] and "(phần 2/2)" in shown[1]["text"]
        assert f"rc:r:{b.id}" in json.dumps(shown[1]["reply_markup"]) and not shown[0]["reply_markup"]

    # Recall: confirmed, then gone everywhere except where Telegram refuses to delete.
    chat.api.refuse_delete(-94)
    await chat.say(ADMIN, f"/report {b.id}")
    await chat.press(ADMIN, f"report:recall:{b.id}", user_id=ADMIN)
    assert chat.buttons(ADMIN)[f"report:recall_yes:{b.id}"] == "🗑 Thu hồi tin ở 4 nhóm (giữ văn bản để tra cứu)"
    assert Broadcast.get_by_id(b.id).status == "done"                       # not before confirming
    await chat.press(ADMIN, f"report:recall_yes:{b.id}", user_id=ADMIN)
    await chat.sender.drain(timeout=5)
    for chat_id in groups[:3]:
        assert chat.api.visible(chat_id) == []
    assert len(chat.api.visible(-94)) == 2
    await chat.press(ADMIN, f"report:refresh:{b.id}", user_id=ADMIN)
    report = chat.last_text(ADMIN)
    assert "đã thu hồi" in report and "không xoá được ở 1 nhóm" in report
    await chat.press(ADMIN, f"report:mark:{b.id}", user_id=ADMIN)
    await chat.sender.drain(timeout=5)
    assert all("đã được thu hồi" in m["text"] for m in chat.api.visible(-94))
    await chat.press(ADMIN, f"report:recall_yes:{b.id}", user_id=ADMIN)
    assert "đã được thu hồi" in chat.alerts()[-1]


async def test_file_pin_and_test_to_myself(loop_chat):
    chat = loop_chat
    subs.register_chat(-61, type="group", title="Tổ 61")
    subs.subscribe(-61, ["all"])
    file_id = chat.api.add_file(notice_text().encode("utf-8"), "tb45.txt")
    await chat.dp.feed_raw_update(chat.bot, {"update_id": next(_ids), "message": {
        "message_id": 9, "date": int(time.time()), "chat": _chat(ADMIN), "from": _user(ADMIN),
        "caption": "/push", "caption_entities": [{"type": "bot_command", "offset": 0, "length": 5}],
        "document": {"file_id": file_id, "file_unique_id": "u1", "file_name": "tb45.txt", "file_size": 100}}})
    draft = Broadcast.get()
    assert "Kèm tệp gốc: không" in chat.last_text(ADMIN)
    await chat.press(ADMIN, f"push:file:{draft.id}", user_id=ADMIN)
    await chat.press(ADMIN, f"push:pin:{draft.id}", user_id=ADMIN)
    assert "Kèm tệp gốc: có · Ghim tin: có" in chat.api.visible(ADMIN)[-1]["text"]
    await chat.press(ADMIN, f"push:test:{draft.id}", user_id=ADMIN)
    tests = [c.params["text"] for c in chat.api.calls_of("sendMessage") if c.chat_id == ADMIN]
    assert "Bản gửi thử" in tests[-2] and "45-TB/BCĐ" in tests[-1]
    assert not [c for c in chat.api.calls_of("sendMessage") if c.chat_id < 0]

    await chat.press(ADMIN, f"push:send:{draft.id}", user_id=ADMIN)
    await chat.sender.drain(timeout=5)
    notice, document = chat.api.visible(-61)
    assert "45-TB/BCĐ" in notice["text"] and document["document"]
    assert chat.api.calls_of("sendDocument")[-1].params["document"] == file_id
    assert chat.api.pinned[-61] == notice["message_id"]


# --- reminders reply to their notice ----------------------------------------------------------

async def test_reminders_reply_to_the_notice_in_each_group_and_name_the_unit(loop_chat):
    chat = loop_chat
    for chat_id, unit in ((-41, "health"), (-42, "schools")):
        subs.register_chat(chat_id, type="group", title=f"Tổ {-chat_id}")
        subs.subscribe(chat_id, [unit])
    b = await push_and_send(chat, notice_text())
    health = Deadline.select().join(Item).where(Item.document == b.document_id, Item.number == "1.3").get()
    zone = Settings(_env_file=None).zone
    first_of = {d.chat_id: json.loads(d.message_ids)[0] for d in Delivery.select().where(Delivery.broadcast == b.id)}

    service = ReminderService(Settings(_env_file=None, admin_ids=[ADMIN], reminder_offsets="1d"), chat.sender,
                              FakeClock(datetime.combine(health.due_date - timedelta(days=2), datetime.min.time(),
                                                         tzinfo=zone)), renderers=RENDERERS)
    service.plan()
    service.clock.advance(timedelta(days=1, hours=9))
    service.fire_due()
    [ping] = [d for d in Delivery.select().where(Delivery.kind == "ping", Delivery.chat_id == -41)]
    parts = ping.part_list()
    assert parts[0]["reply_to"] == first_of[-41]
    assert "Đơn vị thực hiện: Ngành y tế" in parts[0]["text"]
    await chat.sender.drain(timeout=5)
    sent = [c for c in chat.api.calls_of("sendMessage") if c.chat_id == -41 and "Nhắc hạn" in c.params["text"]]
    assert sent and sent[0].params["reply_parameters"]["message_id"] == first_of[-41]
    assert not Delivery.select().where(Delivery.kind == "ping", Delivery.chat_id == -42).exists()

    # A group that marks the deadline done too late counts as "done late" in /report.
    record_ack(health.id, -41, "done", user_id=5, user_name="Lan",
               now=datetime.combine(health.due_date + timedelta(days=2), datetime.min.time(), tzinfo=zone))
    await chat.say(ADMIN, f"/report {b.id}")
    line = next(x for x in chat.last_text(ADMIN).splitlines() if health.due_date.strftime("%d/%m/%Y") in x
                and "☑️" in x)
    assert "☑️ 1 xong trễ hạn" in line


# --- targets: units changed, groups picked -------------------------------------------------

async def test_targets_by_other_units_or_by_picked_groups(loop_chat):
    chat = loop_chat
    for chat_id, unit, title in ((-31, "health", "Trạm y tế xã An Lão"), (-32, "schools", "Trường THCS Bình Nghĩa"),
                                 (-33, "military", "Ban CHQS huyện"), (-34, "all", "Tổ Covid thôn 3")):
        subs.register_chat(chat_id, type="group", title=title)
        subs.subscribe(chat_id, [unit])
    await chat.say(ADMIN, "/push\n" + notice_text())
    draft = Broadcast.get()
    preview_id = chat.api.visible(ADMIN)[-1]["message_id"]
    assert "Sẽ gửi tới <b>3</b> nhóm." in chat.last_text(ADMIN)             # military is not named

    await chat.press(ADMIN, f"push:units:{draft.id}", user_id=ADMIN)
    assert f"push:unit:{draft.id}:military" in chat.buttons(ADMIN, preview_id)
    await chat.press(ADMIN, f"push:unit:{draft.id}:military", user_id=ADMIN)
    await chat.press(ADMIN, f"push:unit:{draft.id}:health", user_id=ADMIN)
    picker = chat.buttons(ADMIN, preview_id)
    assert picker[f"push:unit:{draft.id}:military"].startswith("✅")
    assert not picker[f"push:unit:{draft.id}:health"].startswith("✅")
    await chat.press(ADMIN, f"push:back:{draft.id}", user_id=ADMIN)
    assert "Sẽ gửi tới <b>3</b> nhóm (đơn vị đã chọn:" in chat.api.visible(ADMIN)[0]["text"]
    assert f"push:send:{draft.id}" in chat.buttons(ADMIN, preview_id)

    await chat.press(ADMIN, f"push:groups:{draft.id}", user_id=ADMIN)
    prompt = chat.api.visible(ADMIN)[-1]["message_id"]
    await chat.say(-34, "an lão", user_id=77, reply_to=None)                 # chatter elsewhere: ignored
    await chat.say(ADMIN, "an lão, Ban CHQS huyện, Trạm xá không có", reply_to=prompt)
    texts = [m["text"] for m in chat.api.visible(ADMIN)]
    assert any("Trạm xá không có" in x for x in texts) and any("2 nhóm đã chọn" in x for x in texts)
    preview = chat.api.visible(ADMIN)[0]["text"]
    assert "Sẽ gửi tới <b>2</b> nhóm đã chọn: Trạm y tế xã An Lão, Ban CHQS huyện" in preview

    await chat.press(ADMIN, f"push:send:{draft.id}", user_id=ADMIN)
    await chat.sender.drain(timeout=5)
    reached = {c.chat_id for c in chat.api.calls_of("sendMessage") if c.chat_id < 0}
    assert reached == {-31, -33}


async def test_recall_and_withdraw_removes_the_notice_but_keeps_acknowledgements(loop_chat):
    from knowledge.models import Document
    from scheduler.receipts import ArchivedAcknowledgement

    chat = loop_chat
    subs.register_chat(-51, type="group", title="Tổ 51")
    subs.subscribe(-51, ["health"])
    b = await push_and_send(chat, notice_text())
    deadline = Deadline.select().join(Item).where(Item.document == b.document_id).first()
    record_ack(deadline.id, -51, "done", user_id=5, user_name="Lan", now=chat.clock.now())
    await chat.say(ADMIN, f"/report {b.id}")
    await chat.press(ADMIN, f"report:recall:{b.id}", user_id=ADMIN)
    await chat.press(ADMIN, f"report:withdraw:{b.id}", user_id=ADMIN)
    assert "gỡ khỏi tra cứu" in chat.alerts()[-1]
    await chat.sender.drain(timeout=5)
    assert chat.api.visible(-51) == []
    assert Document.get_or_none(Document.id == b.document_id) is None
    assert chat.dp["searcher"].ask("200 bộ test nhanh kháng nguyên").answered is False
    [kept] = ArchivedAcknowledgement.select()
    assert (kept.chat_id, kept.kind, kept.user_name) == (-51, "done", "Lan")
    await chat.say(ADMIN, f"/report {b.id}")
    assert "đã thu hồi" in chat.last_text(ADMIN)


async def test_forged_receipt_buttons_are_answered_and_not_recorded(loop_chat):
    chat = loop_chat
    subs.register_chat(-21, type="group", title="Tổ 21")
    subs.subscribe(-21, ["all"])
    b = await push_and_send(chat, notice_text())
    for data, chat_id in ((f"rc:r:{b.id}", 777), ("rc:r:99999999999999999999", -21), (f"rc:x:{b.id}", -21),
                          (f"rc:r:{b.id + 5}", -21)):
        await chat.press(chat_id, data, user_id=5)
    assert NoticeReceipt.select().count() == 0
    assert not any("đã có lỗi" in m["text"] for chat_id in (-21, 777) for m in chat.api.visible(chat_id))
