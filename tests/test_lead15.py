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


NOTICE = """ỦY BAN NHÂN DÂN
TỈNH ĐỒNG THÁP
Số: 552/KH-UBND
Đồng Tháp, ngày 19 tháng 11 năm 2025
KẾ HOẠCH
Thực hiện đổi mới công nghệ
I. TỔ CHỨC THỰC HIỆN
1. Ủy ban nhân dân xã, phường định kỳ báo cáo kết quả thực hiện trước ngày 20/11 hằng năm về Sở Khoa học và Công nghệ.
2. Sở Tài chính bố trí kinh phí hoàn thành trước ngày 30/11/2026.
"""


def test_a_month_asked_with_its_passed_deadlines_lists_the_yearly_duty_due_in_it(db, tmp_path):
    """QA17 finding 7: "hạn chót tháng 11/2026", asked on 26/11/2026, left out the yearly report
    due on 20/11/2026 (a series was only ever placed at its next occurrence, in 2027)."""
    from knowledge.deadlines import list_deadlines
    from knowledge.loader import import_file
    from knowledge.models import Deadline

    path = tmp_path / "kh552.txt"
    path.write_text(NOTICE, encoding="utf-8")
    import_file(path)
    today = date(2026, 11, 26)
    november = list_deadlines(HCM, include_past=True, today=today, start=date(2026, 11, 1), end=date(2026, 11, 30))
    assert [r.due_date for r in november] == [date(2026, 11, 20), date(2026, 11, 30)]
    upcoming = list_deadlines(HCM, today=today)                   # from today on: the series at its next one
    assert date(2027, 11, 20) in [r.due_date for r in upcoming] and date(2026, 11, 20) not in [r.due_date for r in upcoming]
    # the running bot rolls a passed occurrence into a row of its own: still listed once in its month
    yearly_row = Deadline.get(Deadline.recurrence != "")
    Deadline.create(**{**{f: getattr(yearly_row, f) for f in ("item", "kind", "phrase", "task", "task_en", "recurrence",
                                                              "due_time")}, "due_date": date(2027, 11, 20)})
    november = list_deadlines(HCM, include_past=True, today=today, start=date(2026, 11, 1), end=date(2026, 11, 30))
    assert [r.due_date for r in november] == [date(2026, 11, 20), date(2026, 11, 30)]


def test_the_head_of_a_board_is_not_a_hamlet_head():
    """QA18: matched without accents, "Trưởng Ban Chỉ đạo" was "trưởng bản", so the steering
    board's duties went to community groups."""
    from knowledge.parser import parse_text

    notice = ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 1627/QĐ-UBND\nQuảng Ngãi, ngày 10 tháng 11 năm 2025\nKẾ HOẠCH\n"
              "Kiểm kê tài sản công\nIV. TỔ CHỨC THỰC HIỆN\n"
              "1. Trưởng Ban Chỉ đạo chỉ đạo, điều hành công tác kiểm kê trên địa bàn tỉnh.\n"
              "2. Trưởng thôn, tổ trưởng tổ dân phố phối hợp rà soát tài sản.\n")
    units = [item["units"] for item in parse_text(notice)["items"]]
    assert "community" not in units[0] and units[1] == ["community"]
