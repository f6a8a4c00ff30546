"""The lead's fixes of stop 28, from QA17's findings (a new user on main). Texts written here."""
from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.views.answers import render_answer
from knowledge.recurrence import monthly, previous_occurrence, quarterly, weekly, yearly
from knowledge.records import DeadlineInfo, ItemRecord
from knowledge.search import Searcher

HCM = ZoneInfo("Asia/Ho_Chi_Minh")
PLAN = dict(document_id=1, document_number="552/KH-UBND", document_kind="Kế hoạch", issuer="UBND tỉnh",
            document_title="Kế hoạch đổi mới công nghệ", document_date=date(2025, 11, 19))
REPORT = "Ủy ban nhân dân xã, phường định kỳ báo cáo kết quả thực hiện trước ngày 20/11 về Sở Khoa học và Công nghệ."


def test_the_last_occurrence_of_a_duty():
    assert previous_occurrence(yearly(11, 20), date(2027, 11, 20)) == date(2026, 11, 20)
    assert previous_occurrence(monthly(31), date(2026, 3, 31)) == date(2026, 2, 28)
    assert previous_occurrence(quarterly(25), date(2026, 12, 25)) == date(2026, 9, 25)
    assert previous_occurrence(weekly("thứ Bảy"), date(2026, 11, 28)) == date(2026, 11, 21)


def _reply(now: datetime, rule: str = yearly(11, 20), issued: date = PLAN["document_date"], lang: str = "vi") -> str:
    due = DeadlineInfo(date(2025, 11, 20), None, "by", "trước ngày 20/11", recurrence=rule)
    record = ItemRecord(1, REPORT, "", "VI.2.1", deadlines=(due,), **{**PLAN, "document_date": issued})
    answer = Searcher.from_records([record]).ask("ubnd xa bao cao ket qua truoc ngay nao")
    assert answer.hits and answer.hits[0].item_id == 1
    return render_answer(answer, lang, now=now, zone=HCM)


def test_a_yearly_report_due_six_days_ago_is_not_shown_as_a_year_away():
    """QA17 finding 7: "chậm nhất 20/11/2027 — còn 359 ngày" alone told a commune that had not sent
    this year's report that it had a year."""
    now = datetime(2026, 11, 26, 9, 0, tzinfo=HCM)
    reply = _reply(now)
    assert "20/11/2027" in reply and "kỳ trước 20/11/2026 đã qua 6 ngày" in reply
    assert "the last one, 20/11/2026, passed 6 days ago" in _reply(now, lang="en")
    assert "kỳ trước" not in _reply(datetime(2027, 1, 10, 9, 0, tzinfo=HCM))            # weeks later: the next one only
    assert "kỳ trước" not in _reply(now, issued=date(2026, 11, 22))                     # before the notice: no duty yet
    assert "kỳ trước" not in _reply(now, rule=weekly("thứ Bảy"))                        # every week: nothing to add
