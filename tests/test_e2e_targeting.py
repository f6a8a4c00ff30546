"""Targeting by level and place, over HTTP: the real aiogram Bot against the fake Bot API.

Groups subscribe by typing `/subscribe y tế xã, Hải Hà` (as their admins would); a notice
whose items are for "Sở Y tế" (province), "Trạm Y tế các xã thuộc huyện Hải Hà" (communes of
one district) and "UBND thị xã Quảng Yên" (one district) reaches exactly the groups each item
is for; the preview counts them per unit/level/place; reminders go to the same groups; the
report counts per district.
"""
from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta

from bot.config import Settings
from bot.views.renderers import RENDERERS
from knowledge import subscriptions as subs
from knowledge.models import Deadline, Item, Subscription
from scheduler.clock import FakeClock
from scheduler.outbox import Broadcast, Delivery
from scheduler.reminders import ReminderService
from tests.test_e2e_loop import ADMIN, loop_chat, push_and_send  # noqa: F401  (fixture)

YEAR = date.today().year + 1

NOTICE = f"""UBND TỈNH QUẢNG NINH
BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH COVID-19
Số: 77/TB-BCĐ
Quảng Ninh, ngày 10 tháng 01 năm {YEAR}

THÔNG BÁO
Kết luận của Trưởng Ban Chỉ đạo về phòng, chống dịch Covid-19

1. Sở Y tế rà soát danh sách bác sĩ tăng cường, báo cáo UBND tỉnh trước ngày 20/03/{YEAR}.
2. Trạm Y tế các xã thuộc huyện Hải Hà tổ chức tiêm vắc xin cho người dân, hoàn thành trước ngày 25/03/{YEAR}.
3. UBND thị xã Quảng Yên chuẩn bị khu cách ly tập trung trước ngày 28/03/{YEAR}.

Nơi nhận:
- Như trên;
TRƯỞNG BAN
Nguyễn Văn A
"""

# group id -> (what its admin types after /subscribe, gets the notice?)
GROUPS = {
    -701: ("y tế tỉnh", True),                    # Sở Y tế
    -702: ("y tế xã, Hải Hà", True),              # commune stations of Hải Hà
    -703: ("Trạm y tế xã Quảng Minh", True),      # a commune of Hải Hà (places.tsv)
    -704: ("y tế xã, Tiên Yên", False),           # commune stations of another district
    -705: ("y tế huyện, Hải Hà", False),          # district health centre: no item for it
    -706: ("y tế", True),                         # any level, anywhere: as before
    -707: ("all", True),
    -708: ("chính quyền huyện, Quảng Yên", True),
    -709: ("chính quyền huyện, Tiên Yên", False),
    -710: ("trường học", False),                  # no item for schools
    -711: ("y te xa, hai ha", True),              # without accents
}


async def _subscribe_all(chat) -> None:
    for chat_id, (typed, _) in GROUPS.items():
        chat.api.set_member(chat_id, 42, "administrator")
        await chat.say(chat_id, f"/subscribe {typed}", user_id=42)


async def test_a_push_reaches_exactly_the_groups_of_its_levels_and_places(loop_chat):
    chat = loop_chat
    await _subscribe_all(chat)
    assert "(<code>health</code>) · cấp xã · Hải Hà" in chat.last_text(-711)
    assert {(s.level, s.place) for s in Subscription.select().where(Subscription.chat == -703)} \
        == {("commune", "Quảng Minh")}

    await chat.say(ADMIN, "/push\n" + NOTICE)
    preview = chat.last_text(ADMIN)
    wanted = sorted(c for c, (_, yes) in GROUPS.items() if yes)
    assert f"Sẽ gửi tới <b>{len(wanted)}</b> nhóm." in preview
    assert "(<code>health</code>) · cấp tỉnh: 3" in preview              # -701, -706, -707
    assert "(<code>health</code>) · cấp xã · Hải Hà: 5" in preview       # -702 -703 -706 -707 -711
    assert "· cấp huyện · Quảng Yên: 2" in preview                             # -707, -708

    draft = Broadcast.select().order_by(Broadcast.id.desc()).get()
    await chat.press(ADMIN, f"push:send:{draft.id}", user_id=ADMIN)
    await chat.sender.drain(timeout=5)
    got = sorted({d.chat_id for d in Delivery.select().where(Delivery.broadcast == draft.id)})
    assert got == wanted
    for chat_id in GROUPS:
        shown = [m for m in chat.api.visible(chat_id) if "77/TB-BCĐ" in (m.get("text") or "")]
        assert bool(shown) == (chat_id in wanted), chat_id

    final = chat.api.visible(ADMIN)[-1]["text"]              # the sender's final report
    assert "Theo địa bàn" in final and "• Hải Hà: 3 · 0 · 0 / 3" in final

    # /report and its CSV count per district (a commune counted in its district).
    await chat.press(-703, f"rc:r:{draft.id}", user_id=7)
    await chat.say(ADMIN, f"/report {draft.id}")
    text = chat.last_text(ADMIN)
    assert "Theo địa bàn" in text
    assert "• Hải Hà: 3 · 1 · 0 / 3" in text                   # -702, -703 (Quảng Minh), -711
    assert "• Quảng Yên: 1 · 0 · 0 / 1" in text
    assert "• chưa rõ địa bàn: 3 · 0 · 0 / 3" in text          # -701, -706, -707
    await chat.press(ADMIN, f"report:csv:{draft.id}", user_id=ADMIN)
    rows = list(csv.reader(io.StringIO(chat.api.documents[-1]["content"].decode("utf-8-sig"))))
    column = rows[0].index("địa bàn")
    assert {int(r[0]): r[column] for r in rows[1:]}[-703] == "Hải Hà"

    # The reminders of item 2 go to the commune groups of Hải Hà (and "any"), not Tiên Yên's.
    document = Broadcast.get_by_id(draft.id).document_id
    due = Deadline.select().join(Item).where(Item.document == document, Item.number == "2").get()
    zone = Settings(_env_file=None).zone
    service = ReminderService(Settings(_env_file=None, admin_ids=[ADMIN], reminder_offsets="1d"), chat.sender,
                              FakeClock(datetime.combine(due.due_date - timedelta(days=2), datetime.min.time(),
                                                         tzinfo=zone)), renderers=RENDERERS)
    service.plan()
    service.clock.advance(timedelta(days=1, hours=9))
    service.fire_due()
    pinged = sorted({d.chat_id for d in Delivery.select().where(Delivery.kind == "ping")})
    assert pinged == [-711, -707, -706, -703, -702]


async def test_subscriptions_are_listed_and_removed_by_level_and_place(loop_chat):
    chat = loop_chat
    group = -720
    chat.api.set_member(group, 42, "administrator")
    await chat.say(group, "/subscribe y tế xã, Hải Hà", user_id=42)
    await chat.say(group, "/subscribe y tế xã, Đầm Hà", user_id=42)
    await chat.say(group, "/subscribe công an, Xóm Mới", user_id=42)      # a place not in places.tsv
    assert "Xóm Mới" in chat.last_text(group) and "danh mục" in chat.last_text(group)
    await chat.say(group, "/subscriptions", user_id=42)
    listed = chat.last_text(group)
    assert "cấp xã · Hải Hà" in listed and "cấp xã · Đầm Hà" in listed and "Xóm Mới" in listed
    await chat.say(group, "/unsubscribe y tế xã, Đầm Hà", user_id=42)
    assert [(s.unit, s.level, s.place) for s in subs.subscriptions_of(group)] == [
        ("health", "commune", "Hải Hà"), ("police", "", "Xóm Mới")]
    await chat.say(group, "/subscribe bánh mì, Hải Hà", user_id=42)
    assert "bánh mì" in chat.last_text(group) and "Cú pháp" in chat.last_text(group)
    await chat.say(group, "/unsubscribe", user_id=42)                      # a bare one still asks
    assert len(subs.subscriptions_of(group)) == 2 and "Bỏ nhận" in chat.last_text(group)
