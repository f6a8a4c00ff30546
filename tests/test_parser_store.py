"""What the parser adds, stored: a notice's identity (issuer, number and date), recurring
deadlines carried through the loader and rolled to their next occurrence by the reminder
service, and who must act with their level."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from bot.config import load_settings
from bot.views.renderers import RENDERERS
from knowledge import subscriptions as subs
from knowledge.loader import content_key, document_dict, save_document
from knowledge.models import Deadline, DeadlineUnit, Document
from knowledge.parser import parse_text
from knowledge.recurrence import roll_recurring
from scheduler.clock import FakeClock
from scheduler.outbox import Delivery
from scheduler.pings import Ping
from scheduler.reminders import ReminderService

DIRECTIVE = """ỦY BAN NHÂN DÂN
TỈNH {province}
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 06/CT-UBND
{place}, ngày 20 tháng 11 năm 2025
CHỈ THỊ
Về phòng, chống dịch bệnh sau mưa lũ

1. Sở Y tế tổ chức khử khuẩn tại các xã bị ngập, hoàn thành trước ngày {day}/12/2025.
2. Ủy ban nhân dân các xã, phường báo cáo Sở Y tế trước ngày 20 hằng tháng.
"""


def _directive(province="NGHỆ AN", place="Nghệ An", day="15"):
    return parse_text(DIRECTIVE.format(province=province, place=place, day=day))


def test_two_provinces_same_number_and_day_are_two_documents(db):
    nghe_an, gia_lai = _directive(), _directive("GIA LAI", "Gia Lai")
    assert (nghe_an["number"], nghe_an["date"]) == (gia_lai["number"], gia_lai["date"])
    assert content_key(nghe_an) != content_key(gia_lai)
    save_document(nghe_an)
    save_document(gia_lai)
    assert Document.select().count() == 2


def test_a_corrected_notice_replaces_only_itself(db):
    first = save_document(_directive())
    other = save_document(_directive("GIA LAI", "Gia Lai"))
    corrected = save_document(_directive(day="18"))
    assert corrected.id == first.id and Document.select().count() == 2
    dates = [d["date"] for i in document_dict(corrected)["items"] for d in i["deadlines"]]
    assert dates == ["2025-12-18", "2025-12-20"]
    assert Document.get_by_id(other.id).issuer == "Ủy ban nhân dân tỉnh Gia Lai"


def test_notices_without_an_issuer_are_not_merged():
    a = {"number": "06/CT-UBND", "issuer": None, "date": "2025-11-20", "items": [{"text": "Sở Y tế khử khuẩn."}]}
    b = {**a, "items": [{"text": "Công an tỉnh bảo đảm an ninh."}]}
    assert content_key(a) != content_key(b)


def test_recurrence_and_actors_are_stored_and_read_back(db):
    doc = save_document(_directive())
    items = document_dict(doc)["items"]
    [monthly] = items[1]["deadlines"]
    assert (monthly["date"], monthly["recurrence"]) == ("2025-12-20", "FREQ=MONTHLY;BYMONTHDAY=20")
    assert items[1]["actors"] == [{"name": "Ủy ban nhân dân", "unit": "government", "level": "commune"}]
    assert items[0]["actors"] == [{"name": "Sở Y tế", "unit": "health", "level": "province"}]
    assert "recurrence" not in items[0]["deadlines"][0]


def test_a_passed_recurring_deadline_gets_its_next_occurrence_once(db):
    save_document(_directive())
    assert roll_recurring(date(2025, 12, 20)) == 0            # due today: not passed yet
    assert roll_recurring(date(2026, 2, 3)) == 1             # passed: the next on or after today
    assert roll_recurring(date(2026, 2, 3)) == 0             # only the latest of a series rolls
    series = list(Deadline.select().where(Deadline.recurrence != "").order_by(Deadline.due_date))
    assert [d.due_date for d in series] == [date(2025, 12, 20), date(2026, 2, 20)]
    assert [link.unit.code for link in DeadlineUnit.select().where(DeadlineUnit.deadline == series[1])] == [
        "government"]
    # the one-off deadline of point 1 never rolls
    assert Deadline.select().where(Deadline.recurrence == "").count() == 1


def test_a_bounded_daily_duty_stops_at_its_end(db):
    doc = parse_text("1. Sở Y tế báo cáo trực tuyến hàng ngày từ 29/4 - 04/5/2025.", today=date(2025, 4, 25))
    save_document(doc)
    assert roll_recurring(date(2025, 5, 2)) == 1
    assert roll_recurring(date(2025, 5, 10)) == 0
    assert [d.due_date for d in Deadline.select().order_by(Deadline.due_date)] == [date(2025, 4, 29), date(2025, 5, 2)]


def test_reminders_continue_for_a_recurring_duty_after_its_date_passes(db):
    save_document(_directive())
    subs.register_chat(-30, type="group", title="Xã A")
    subs.subscribe(-30, ["government"])
    clock = FakeClock(datetime(2025, 12, 21, 1, 0, tzinfo=timezone.utc))       # the 20th has passed
    service = ReminderService(load_settings(_env_file=None, tz="Asia/Ho_Chi_Minh", admin_ids="1001"), None, clock, renderers=RENDERERS)
    service.resync()
    latest = Deadline.select().where(Deadline.recurrence != "").order_by(Deadline.due_date.desc()).first()
    assert latest.due_date == date(2026, 1, 20)
    assert Ping.select().where(Ping.deadline == latest).count() > 0
    clock.advance(timedelta(days=27))                          # 17/01/2026: its "3d" reminder
    service.resync()
    chats = [d.chat_id for d in Delivery.select().where(Delivery.kind == "ping")]
    assert chats == [-30]
