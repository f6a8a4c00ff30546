"""Deadlines as Vietnamese directives write them, turned into dates.

Notices state deadlines in a handful of set phrases (`chậm nhất đến ngày 30/11/2021`,
`trước tháng 6/2022`, `trong năm 2025`, `kể từ 12 giờ 00 ngày 12/8/2021`, `16h chiều mai (2/2)`,
`trước ngày 28 tháng Chạp`, `ngày 15 tháng 7 âm lịch`, …) and recurring duties (`trước ngày
20 hằng tháng`, `sáng thứ Bảy hằng tuần`, `trước 15 giờ hằng ngày`, `trước ngày 15/12 hằng
năm`). Each phrase is one alternative of one regular expression, so a reader can see every
accepted form in one place; every part is bounded, so matching is linear in the text.

Dates without a year, "mai" (tomorrow) and lunar dates are read relative to the notice date;
a recurring duty is due at its next occurrence after it (knowledge/recurrence.py), and a day or
quarter without its year under "hằng năm" / "định kỳ" comes back each year (knowledge/date_each_year.py). Not every
date is a deadline: a forecast ("từ tối nay đến ngày 18/11"), a period that describes what
happened, a count "tính đến ngày …" are narrative, and the weak forms (`đến`, `từ`, `vào
ngày`) are dropped in such a clause (knowledge/date_narrative.py tells which). A date
outside 1945–2100 in a deadline is refused (`DateOutOfRange`, knowledge/date_resolve.py, which
turns each phrase into its day): the bot must never plan a reminder for 31/12/9999.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, time

from knowledge.date_narrative import (COMPLETES, CUT_OFF, DONE_BEFORE, FIRM, NOT_YET, REST, RUNS_ON, UNNAMED_YEAR, cited_passed,
                                      clause_of, described, finished_from_now, fold_span, lasts_until, narrative, objective, period, planned_event,
                                      reported_cut_off, reported_resolve, told_as_done, validity_or_forecast)
from knowledge.date_coverage import covered_span
from knowledge.date_done import reported_done
from knowledge.date_each_year import each_year, said_to_recur, sentence_before
from knowledge.date_events import gathering_day
from knowledge.date_next_year import FOLLOWING, following_year
from knowledge.date_lists import listed_dates, more_days
from knowledge.date_resolve import (EVENTS, FIRST_YEAR, LAST_YEAR, PASSED_DAYS, RECURRING, RELATIVE,  # noqa: F401  (part of this API)
                                    DateOutOfRange, ImpossibleDate, resolve, sane_date, written)
from knowledge.lunar import lunar_to_solar, next_lunar_date  # noqa: F401  (part of this API)
from knowledge.open_recurrence import open_recurring_duty

# --- Building blocks -----------------------------------------------------------------------
_NOT_LUNAR = r"(?!\s*[,(]?\s*(?:âm\s+lịch|AL\b))"
# A date: 30/11/2021, 30-11-2021, 30.11.2021, 30/11, "30 tháng 11 năm 2021".
_DATE = (r"(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})(?:\s*[/.\-]\s*(?P<y>\d{4,5}))?(?![\d/])" + _NOT_LUNAR +
         r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})(?:\s*(?:năm|/)\s*(?P<y2>\d{4,5}))?(?!\d)" + _NOT_LUNAR)
# A time of day: 16h, 17h30, 17 giờ 30, 12 giờ 00 phút, 9h sáng, 16h chiều.
# Also 17g00 (southern usage), 17h00' with a minute mark, and a comma before "ngày".
_TIME = (r"(?P<hh>\d{1,2})\s*(?:h|giờ|g(?=\d|\s)|:(?=\d{2}))\s*(?P<mm>\d{2})?(?:\s*(?:phút|'|’))?"
         r"(?:\s+(?P<part>sáng|trưa|chiều|tối))?,?")
# A month: 6/2022, 01/2022, "6 năm 2022".
_MONTH = r"(?P<mon>\d{1,2})\s*(?:/|năm)\s*(?P<mony>\d{4,5})(?!\d)"
# A quarter: quý I/2022, quý 2 năm 2022, and as task tables write it "Quý IV-2026" (also the older
# spelling "Quí").
_QUARTER = r"qu[ýí]\s+(?P<q>IV|I{1,3}|[1-4])\s*(?:(?:/|-|năm)\s*(?P<qy>\d{4,5})(?!\d))?"
_WEEKDAY = r"(?P<wd>thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)"
_EVERY = r"(?:hằng|hàng|mỗi)"
_SHORT = r"\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*\d{4})?"
# a period a recurring duty runs for: ", từ 29/4 - 04/5/2025"
_RANGE_REQUIRED = (rf",?\s+từ\s+(?:ngày\s+)?(?P<rs>{_SHORT})\s*(?:-|–|đến(?:\s+hết)?)\s*(?:ngày\s+)?"
                   rf"(?P<re>\d{{1,2}}\s*/\s*\d{{1,2}}\s*/\s*\d{{4}})")
_RANGE = f"(?:{_RANGE_REQUIRED})?"

# a plan's task line: "Thời gian thực hiện: Tháng 12/2025", "Thời gian hoàn thành: trong quý I/2026",
# "Thời hạn hoàn thành: Trước ngày 30/11/2025", "Thời hạn ban hành: tháng 12/2025" (a bare "Thời gian:"
# also dates meetings, so it is no label)
# "Tiến độ thực hiện: Quý I/2026", "Thời điểm hoàn thành: 30/11/2025", "Thời gian dự kiến hoàn thành: …" and
# "Thời gian nộp: …", a calendar's "Thời gian phổ biến: Tháng 3/2026" are the same column (Decree 30/2020 fixes no wording)
_TIME_LABEL = (r"(?:thời\s+gian\s+(?:dự\s+kiến\s+)?(?:thực\s+hiện|hoàn\s+thành|nộp|gửi|trình|ban\s+hành|công\s+bố|phổ\s+biến|phát\s+hành)|thời\s+điểm\s+hoàn\s+thành|"
               r"(?<![\w\s])\s*hoàn\s+thành(?=\s*:)|"
               r"tiến\s+độ(?:\s+(?:thực\s+hiện|hoàn\s+thành))?|"
               r"thời\s+hạn(?:\s+(?:hoàn\s+thành|thực\s+hiện|nộp|"
               r"gửi|báo\s+cáo|ban\s+hành|trình))?)\s*:(?:\s*hoàn\s+thành)?(?:\s*trong)?")
# a bounded window after such a label is due at its end: "Tháng 11 - 12/2025", "năm 2026 - 2027",
# "từ tháng 11/2025 đến tháng 3/2026", "Quý IV/2025 - Quý I/2026", "từ ngày 01/12 đến ngày 15/12/2025"
_TO = r"\s*(?:-|–|đến(?:\s+hết)?)\s*"
_WINDOW_FORMS = [
    ("within_month", rf"{_TIME_LABEL}\s+(?:từ\s+)?(?:tháng\s+)?\d{{1,2}}(?:\s*/\s*\d{{4}})?{_TO}(?:tháng\s+)?{_MONTH}"),
    ("within_year", rf"{_TIME_LABEL}\s+(?:từ\s+)?(?:năm\s+)?\d{{4}}{_TO}(?:năm\s+)?(?P<wy>\d{{4}})(?!\d)"),
    ("within_quarter", rf"{_TIME_LABEL}\s+(?:từ\s+)?qu[ýí]\s+(?:IV|I{{1,3}}|[1-4])(?:\s*(?:/|-|năm)\s*\d{{4}})?{_TO}{_QUARTER}"),
    ("by", rf"{_TIME_LABEL}\s+(?:từ\s+)?(?:ngày\s+)?\d{{1,2}}\s*/\s*\d{{1,2}}(?:\s*/\s*\d{{4}})?{_TO}(?:ngày\s+)?(?:{_DATE})"),
    # "Thời gian hoàn thành: 30/11/2025" · "Thời hạn nộp: 17 giờ ngày 30/11/2025"
    ("by", rf"{_TIME_LABEL}\s+(?:{_TIME}\s+)?(?:ngày\s+)?(?:{_DATE})"),
    # "Thời gian thực hiện: Từ 01/7/2025" (no end): the day the task starts, its own date in the plan
    ("start_label", rf"{_TIME_LABEL}\s+(?:kể\s+)?từ\s+(?:ngày\s+)?(?:{_DATE})"),
]
# "không muộn hơn ngày …", "không quá ngày …", "trước thời điểm …", "chậm nhất tới ngày …": the same bound in
# other words
_BY = (r"(?:(?:chậm nhất|muộn nhất|hạn chót|hạn cuối|thời hạn|không\s+(?:muộn|chậm)\s+hơn|không\s+quá(?=\s+ngày))"
       r"(?:\s*:)?(?:\s+(?:là|vào))?"
       r"(?:\s+(?:đến hết|đến|tới|trước|trong))?|trước\s+thời\s+điểm"
       r"|đến hết|hoàn thành trước|xong trước|đến|trước(?:\s*:)?|trong(?=\s+ngày\s+\d))")

_FORMS = _WINDOW_FORMS + [
    # trước ngày 28 tháng Chạp · ngày 15 tháng 7 âm lịch · 15/7 âm lịch (before the solar forms)
    ("lunar", r"(?:trước|đến|chậm nhất|vào)\s+(?:ngày\s+)?(?:m[ùồ]ng\s+)?(?P<ld>\d{1,2}|rằm)\s+tháng\s+(?P<lm>Chạp|Giêng)"
              r"(?:\s*[,(]?\s*âm\s+lịch\)?)?"),
    # trước rằm tháng 7 · vào ngày rằm tháng Tám: the full moon's day is lunar, said or not
    ("lunar", r"(?:trước|đến|chậm nhất|vào)\s+(?:ngày\s+)?(?P<ld>rằm)\s+tháng\s+(?P<ln>\d{1,2})(?!\s*[/\d])"
              r"(?:\s*[,(]?\s*(?:âm\s+lịch|AL\b)\)?)?"),
    # trong tháng 11 âm lịch · trước tháng Chạp: a lunar month's end, or the day before it begins
    ("lunar_month", r"(?:(?P<lbefore>trước)|trong|đến\s+hết|hết|chậm\s+nhất\s+trong|(?:vào\s+)?cuối)\s+tháng\s+"
                    r"(?:(?P<lmo>\d{1,2})\s*[,(]?\s*(?:âm\s+lịch|AL\b)\)?|(?P<lmn>Chạp|Giêng)(?!\s*\d))"),
    ("lunar", r"(?:trước|đến\s+hết|đến|chậm nhất|vào|hoàn thành trước|xong trước)\s+(?:ngày\s+)?(?:m[ùồ]ng\s+)?"
              r"(?P<ld>\d{1,2})\s*(?:tháng\s+|/\s*)(?P<ln>\d{1,2})(?:\s+năm\s+\w{1,6}\s+\w{1,6})?"
              r"\s*[,(]?\s*(?:âm\s+lịch|AL\b)\)?"),
    # trong vòng 2 ngày kể từ ngày thông báo · trong thời hạn 05 ngày làm việc kể từ ngày nhận được văn bản này
    ("within_days", r"(?:trong|chậm\s+nhất)\s+(?:vòng|thời\s+hạn|thời\s+gian|khoảng)?\s*(?P<nd>\d{1,3})\s*(?:\([^()\d]{1,12}\)\s*)?"
                    r"ngày(?P<work>\s+làm\s+việc)?\s*,?\s*(?:kể\s+)?từ\s+(?:ngày|khi)\s+(?:thông\s+báo|ban\s+hành|ký|"
                    r"nhận\s+được\s+(?:văn\s+bản|công\s+văn|thông\s+báo|kế\s+hoạch)|"
                    # … kể từ ngày Kế hoạch này được ban hành / Công văn này được ký: the day of issue, said of itself
                    r"(?:văn\s+bản|công\s+văn|kế\s+hoạch|thông\s+báo|quyết\s+định|chỉ\s+thị|công\s+điện)\s+này\s+"
                    r"(?:được\s+)?(?:ký(?:\s+ban\s+hành)?|ban\s+hành))"),
    # recurring: trước ngày 20 hằng tháng · hằng tháng, báo cáo trước ngày 25
    ("monthly", rf"(?:trước|chậm nhất(?:\s+(?:là|vào))?|vào|đến|hạn chót|hạn cuối|thời hạn)\s+(?:ngày\s+)?(?:m[ùồ]ng\s+)?(?P<md>\d{{1,2}})\s+"
                rf"(?:{_EVERY}|của\s+{_EVERY}|các|của\s+các)\s+tháng"),
    # báo cáo tháng gửi trước ngày 05 của tháng sau · chậm nhất ngày 10 tháng tiếp theo: each month, by that day
    ("monthly", r"(?:trước|chậm nhất(?:\s+(?:là|vào))?|vào)\s+ngày\s+(?P<md>\d{1,2})\s+(?:của\s+)?tháng\s+"
                r"(?:sau|tiếp\s+theo|kế\s+tiếp|liền\s+kề)\b"),
    # báo cáo trước ngày 20 tháng 11 năm 2025 và hàng tháng: the first report, then one by the 20th of each month
    ("monthly", rf"(?:trước|chậm nhất|vào)\s+ngày\s+(?P<md>\d{{1,2}})\s*(?:/|tháng)\s*\d{{1,2}}(?:\s*(?:/|năm)\s*\d{{4}})?"
                rf"\s+và\s+(?:định\s+kỳ\s+)?{_EVERY}\s+tháng(?!\s+(?:đầu|cuối|\d))"),
    ("monthly", rf"{_EVERY}\s+tháng[^.;\d]{{0,60}}?(?:trước|chậm nhất(?:\s+(?:là|vào))?|vào|đến)\s+ngày\s+"
                rf"(?P<md>\d{{1,2}})(?![\d/\-]|\.\d|\s+tháng)"),
    # trước ngày 15 của tháng cuối quý · hằng quý
    ("quarterly", r"(?:trước|chậm nhất|vào)\s+ngày\s+(?P<qd>\d{1,2})\s+(?:của\s+)?tháng\s+cuối\s+(?:mỗi\s+|các\s+)?quý"),
    # báo cáo quý trước ngày 10 của tháng đầu quý sau · chậm nhất ngày 15 tháng đầu tiên của quý tiếp theo: each
    # quarter, on that day of the quarter's first month
    ("quarterly", r"(?:trước|chậm nhất(?:\s+(?:là|vào))?|vào)\s+ngày\s+(?P<qn>\d{1,2})\s+(?:của\s+)?tháng\s+(?:đầu(?:\s+tiên)?|thứ\s+nhất)"
                  r"\s+(?:của\s+)?(?:mỗi\s+|các\s+)?quý(?:\s+(?:sau|tiếp\s+theo|kế\s+tiếp|liền\s+kề))?\b"),
    # sáng thứ Bảy hằng tuần · hằng tuần vào chiều thứ Sáu
    ("weekly", rf"(?:(?:trước\s+)?{_TIME}\s+)?(?:(?P<wpart>sáng|chiều|trưa|tối)\s+)?(?:ngày\s+)?{_WEEKDAY}\s+"
               rf"(?:{_EVERY}|các)\s+tuần"),
    # hằng tuần (trước 15h00 thứ Năm) · báo cáo hằng tuần, chậm nhất 10 giờ thứ Sáu: the hour before the weekday
    ("weekly", rf"{_EVERY}\s+tuần[^.;\d]{{0,40}}?(?:(?:trước|vào|chậm\s+nhất|lúc)\s+{_TIME}\s+(?:ngày\s+)?)?(?:vào\s+)?"
               rf"(?:(?P<wpart>sáng|chiều|trưa|tối)\s+)?(?:ngày\s+)?{_WEEKDAY}"),
    # trước ngày 15/12 hằng năm · hằng năm, trước ngày 15 tháng 12
    ("yearly", rf"(?:trước|chậm nhất|vào|đến|hạn chót|hạn cuối|thời hạn)\s+ngày\s+(?P<yd>\d{{1,2}})\s*(?:/|-|tháng)\s*(?P<ym>\d{{1,2}})\s+"
               rf"(?:{_EVERY}|các)\s+năm"),
    # trước ngày 01/6 và 15/11 hằng năm: both dates are yearly
    ("yearly", rf"(?:trước|chậm nhất|vào|đến)\s+ngày\s+(?P<yd>\d{{1,2}})\s*/\s*(?P<ym>\d{{1,2}})(?=\s*(?:và|,)\s*"
               rf"(?:ngày\s+)?\d{{1,2}}\s*/\s*\d{{1,2}}\s+{_EVERY}\s+năm)"),
    ("yearly", rf"và\s+(?:ngày\s+)?(?P<yd>\d{{1,2}})\s*/\s*(?P<ym>\d{{1,2}})\s+{_EVERY}\s+năm"),
    ("yearly", rf"{_EVERY}\s+năm[^.;\d]{{0,90}}?(?:trước|chậm nhất|vào)\s+ngày\s+(?P<yd>\d{{1,2}})\s*(?:/|-|tháng)\s*"
               rf"(?P<ym>\d{{1,2}})(?!\s*(?:/|năm)\s*\d|\d)"),
    # trước 15 giờ hằng ngày · 8 giờ sáng hàng ngày, từ 29/4 - 04/5/2025 · hằng ngày, báo cáo
    # trước 16h00 · báo cáo hằng ngày từ 29/4 đến 04/5/2025
    ("daily", rf"(?:(?:trước|vào|chậm nhất|lúc)\s+)?{_TIME}\s+{_EVERY}\s+ngày{_RANGE}"),
    ("daily", rf"{_EVERY}\s+ngày[^.;\d]{{0,40}}?(?:trước|vào|chậm nhất|lúc)\s+{_TIME}"),
    ("daily", rf"{_EVERY}\s+ngày{_RANGE_REQUIRED}"),
    # báo cáo 02 lần/ngày (trước 9h00 và 16h00) · 2 lần mỗi ngày, lúc 7 giờ và 16 giờ: each day at each time
    ("daily", rf"\d{{1,2}}\s*lần\s*(?:/|mỗi|trong)\s*(?:một\s+)?ngày\s*[,(:]?\s*(?:trước|vào|lúc|chậm nhất)\s+{_TIME}"),
    # kể từ 12 giờ 00 ngày 12/8/2021 · từ ngày 16/11/2021 · từ 0 giờ ngày 1/9/2021
    ("from", rf"(?:kể\s+từ|từ)(?:\s+{_TIME})?\s+ngày\s+(?:{_DATE})"),
    ("from", rf"kể\s+từ\s+(?:{_DATE})"),
    # đưa vào vận hành từ 01/7/2025: a full date needs no "ngày" ("từ 2/3" alone may be a share)
    ("from", rf"từ\s+(?=\d{{1,2}}\s*[/.\-]\s*\d{{1,2}}\s*[/.\-]\s*\d{{4}}(?!\d))(?:{_DATE})"),
    # sau ngày 30/8/2021
    ("after", rf"sau\s+ngày\s+(?:{_DATE})"),
    # trước tháng 6/2022 → the last day of May
    ("before_month", rf"trước\s+tháng\s+{_MONTH}"),
    # trong tháng 10 và tháng 11 năm 2025 · trong tháng 11 - 12/2025: a window over months, due at its end
    ("within_month", rf"(?:trong|đến\s+hết|hết|chậm\s+nhất\s+trong)\s+tháng\s+\d{{1,2}}\s*(?:và|-|–|đến(?:\s+hết)?)\s*"
                     rf"(?:tháng\s+)?{_MONTH}"),
    # trong tháng 01/2022 · đến hết tháng 01/2022 · trong tháng 12 → the last day of the month
    ("within_month", rf"(?:trong|đến\s+hết|hết|chậm\s+nhất(?:\s+(?:trong|vào))?|(?:vào\s+|đến\s+|trước\s+)?cuối|vào|{_TIME_LABEL}|"
                     rf"hoàn\s+thành|xong)"
                     rf"\s+tháng\s+{_MONTH}"),
    ("within_month", r"(?:trong|đến\s+hết|hết|chậm\s+nhất(?:\s+(?:trong|vào))?)\s+tháng\s+(?P<mon>\d{1,2})(?![\d/]|\s*năm\s*\d)"),
    # trình … tại Phiên họp thứ 44 (tháng 4/2025): the month of the meeting a text is submitted to
    ("session_month", rf"(?<=\()tháng\s+{_MONTH}(?=\))"),
    # trước quý III/2022 → the last day of June · trong quý I/2022 → the last day of March
    ("before_quarter", rf"trước\s+{_QUARTER}"),
    ("within_quarter", rf"(?:trong|đến\s+hết|hết|(?:vào\s+|đến\s+|trước\s+)?cuối|{_TIME_LABEL}|hoàn\s+thành|xong)\s+{_QUARTER}"),
    # trong năm 2025 · đến hết năm 2025 · cuối năm 2028 → 31 December · trước năm 2026 → 31 December 2025
    ("within_year", rf"(?:trong|đến\s+hết|hết|(?:vào\s+|đến\s+|trước\s+)?cuối|vào|{_TIME_LABEL})\s+năm\s+(?P<wy>\d{{4,5}})(?!\d)"),
    # a task line's bare year: "Thời gian thực hiện: 2026." (a window "2026 - 2030" is read above)
    ("within_year", rf"{_TIME_LABEL}\s+(?P<wy>\d{{4}})(?=\s*(?:[.;,)]|$))"),
    ("before_year", r"trước\s+năm\s+(?P<wy>\d{4,5})(?!\d)"),
    # trong tháng này · trước ngày 25 tháng này → that month of the notice (of the day a chat message is pasted)
    ("this_month", rf"(?:{_BY}\s+ngày\s+(?P<tmd>\d{{1,2}})\s+(?:của\s+)?|(?:trong|đến\s+hết|hết|(?:vào\s+|đến\s+|trước\s+)?cuối)\s+)tháng\s+này\b"),
    # hoàn thành trong năm nay · đến hết năm nay → 31 December of the notice's year
    ("this_year", r"(?:trong|đến\s+hết|hết|(?:vào\s+|đến\s+|trước\s+)?cuối)\s+năm\s+nay\b"),
    # trước Tết Dương lịch 2026 → 31 December 2025
    ("before_new_year", r"trước\s+(?:dịp\s+)?Tết\s+(?:Dương\s+lịch|Tây)(?:\s+(?:năm\s+)?(?P<ny>\d{4}))?"),
    # trong tuần đầu tháng 12/2025 · vào tuần thứ hai của tháng 01/2026 → the week's seventh day
    ("week_of_month", rf"(?:trong|vào|hoàn\s+thành\s+trong|xong\s+trong)\s+tuần\s+(?P<wk>đầu(?:\s+tiên)?|thứ\s+(?:nhất|hai|ba|2|3))"
                      rf"\s+(?:của\s+)?tháng\s+{_MONTH}"),
    # a sentence of a task that opens on its year: "Năm 2026, cắt giảm, đơn giản hóa 100% điều kiện kinh doanh …"
    # (kept only at a sentence's start, before a verb of the task: see YEAR_TASK)
    ("year_opening", r"năm\s+(?P<wy>\d{4})(?=\s*,\s*\w)"),
    # trong 6 tháng đầu năm 2026 · hoàn thành trong nửa đầu năm 2026 → 30 June; 6 tháng cuối năm → 31 December
    ("half_year", r"(?:trong|đến\s+hết|hết)\s+(?:06|6)?\s*(?:tháng|nửa)\s+(?P<half>đầu|cuối)\s+năm\s+(?P<hy>\d{4,5})(?!\d)"),
    # trước Tết Nguyên đán (Nhâm Dần) → the day before the next lunar new year
    ("before_tet", r"trước\s+(?:dịp\s+)?Tết(?:\s+Nguyên\s+đán)?(?!\s+(?:Dương|Tây))"),
    # hạn chót nộp phương án là ngày 20/01/2022
    # Hạn cuối nhận hồ sơ là 17h00 ngày 30/11/2025
    ("by", rf"(?:hạn chót|hạn cuối|thời hạn)[^.;:\d]{{0,60}}?(?:\s+(?:là|vào|lúc))?(?:\s+{_TIME})?\s+ngày\s+(?:{_DATE})"),
    # Hạn nhận hồ sơ: ngày 20/3/2025 · Hạn nộp báo cáo: 25/11/2025
    ("by", rf"hạn\s+(?:(?:cuối|chót)\s+)?(?:nộp|nhận|gửi|đăng ký|báo cáo|hoàn thành)[^.;\d]{{0,50}}?:\s*(?:{_TIME}\s+)?"
           rf"(?:ngày\s+)?(?:{_DATE})"),
    # khởi công dịp 19/8/2025 (an occasion's date)
    ("on", rf"dịp\s+(?:ngày\s+)?(?:{_DATE})"),
    # vào ngày 01/12/2025 · vào 8 giờ ngày 5/12
    ("on", rf"vào(?:\s+dịp)?(?:\s+{_TIME})?(?:\s+(?:sáng|chiều|trưa|tối))?\s+ngày\s+(?:{_DATE})"),
    # chậm nhất ngày 15 và 30 tháng 12 năm 2025: the first day, in the month and year written with the second
    # (knowledge/date_lists.py reads the days a list adds after any dated phrase)
    ("by", rf"{_BY}\s+(?:các\s+)?ngày\s+(?P<dd>\d{{1,2}})\s*(?:,|và|hoặc)\s*(?:ngày\s+)?(?:{_DATE})"),
    # chậm nhất đến ngày 30/11/2021 · đến hết ngày 31/12 · trước 17h30 ngày 20/12/2021 ·
    # hạn chót 15/01/2022
    ("by", rf"{_BY}(?:\s+{_TIME})?\s+(?:(?:thứ\s+\w{{2,4}}|chủ\s+nhật)(?:,\s*|\s*\(\s*|\s+))?(?:ngày\s+(?:[^\W\d_]{{2,12}}\s+){{0,3}})?(?:{_DATE})"),
    # Hằng năm hoặc đột xuất báo cáo … · báo cáo theo định kỳ hàng quý · báo cáo Thủ tướng hằng tháng: no day of its own, due by
    # each period's end (knowledge/open_recurrence.py says when it is a duty)
    ("open_recurring", rf"{_EVERY}\s+(?P<per>năm|quý|tháng|tuần)(?![\w/]|\s*\d)"),
    # họp giao ban 1 tuần/lần · báo cáo 01 lần/tháng: once a period, the same rhythm without a day
    ("open_recurring", r"(?:0?1|một)\s+(?:(?P<per>tuần|tháng|quý|năm)\s*/\s*(?:0?1\s+)?lần|lần\s*/\s*(?P<per2>tuần|tháng|quý|năm))(?![\w/])"),
    # 16h chiều mai (2/2) · trước 17h hôm nay
    ("relative", rf"(?:trước\s+)?{_TIME}\s+(?:ngày\s+)?(?P<rel>mai|hôm\s+nay|ngày\s+mai)"
                 rf"(?:\s*\((?P<rd>\d{{1,2}})\s*/\s*(?P<rm>\d{{1,2}})\))?"),
]
# Every form starts a word with one of these letters or a digit: the guard skips the other
# positions at once instead of trying thirty alternatives at each character of a long text.
_STARTS = r"(?<!\w)(?=[\dtđkshcvxmnldTĐKSHCVXMNLD])"
_PATTERN = re.compile(_STARTS + "(?:" + "|".join(f"(?P<f{i}>{body.replace('(?P<', f'(?P<x{i}_')})"
                                                  for i, (_, body) in enumerate(_FORMS)) + ")", re.IGNORECASE)
_GROUPS = [(int(k[1:]), k) for k in _PATTERN.groupindex if k[0] == "f"]
_NAMES = {i: [k for k in _PATTERN.groupindex if k.startswith(f"x{i}_")] for i in range(len(_FORMS))}   # each form's groups


@dataclass(frozen=True)
class FoundDeadline:
    due: date
    time: time | None
    kind: str             # by | on | from | after | within_month | before_month | within_year
    phrase: str
    start: int            # position of the phrase in the text searched
    end: int
    recurrence: str | None = None   # an RRULE ("FREQ=MONTHLY;BYMONTHDAY=20") for a recurring duty
    firm: bool = True               # said as a deadline ("trước", "chậm nhất", "hạn chót"), not only dated


# what follows "Năm 2026," when the sentence is the task itself: a verb that finishes or cuts something, or "phải"
YEAR_TASK = re.compile(r"\s*,\s*(?:phải\s+|cơ\s+bản\s+)?(?:hoàn\s+thành|hoàn\s+tất|cắt\s+giảm|giảm|bãi\s+bỏ|đơn\s+giản\s+hóa|"
                       r"số\s+hóa|ban\s+hành|đưa\s+vào|xóa|chấm\s+dứt|100%)\b", re.IGNORECASE)


def find_deadlines(text: str, reference: date | None, *, dated: bool = True,
                   today: date | None = None) -> list[FoundDeadline]:
    """Every deadline phrase in `text`, in order. `reference` (the notice date) gives the
    year of dates written without one and the meaning of "mai", lunar dates and recurring
    duties; `dated` says it is the notice's own date (a weak phrase long before it is
    history); then "mai", "hôm nay", "trong 2 ngày kể từ ngày thông báo" are read from `today`
    (the day it is imported: a message pasted from a chat is read the day it is sent), and
    Tết and lunar dates not at all. Raises DateOutOfRange for a firm deadline outside
    1945–2100."""
    found, open_phrases = [], set()
    for m in _PATTERN.finditer(text):
        i, key = next((i, k) for i, k in _GROUPS if m.group(k) is not None)
        kind = _FORMS[i][0]
        g = {k.split("_", 1)[1]: m.group(k) for k in _NAMES[i]}
        phrase = m.group(0).rstrip(" ,")
        firm = bool(FIRM.match(phrase) or DONE_BEFORE.search(text[max(0, m.start() - 20):m.start()].lower())) \
            or kind in RECURRING or kind in ("relative", "within_days")
        if kind == "open_recurring":
            if not open_recurring_duty(text, m.start(), m.end()):
                continue                               # "kế hoạch hằng năm": a modifier, no duty
            open_phrases.add(phrase)
        cut = CUT_OFF.search(text[max(0, m.start() - 12):m.start()].lower())
        if cut and not (cut.group(0).strip() == "từ nay" and finished_from_now(text, m.start(), m.end())):
            continue                                   # "tính đến hết ngày …", "từ nay đến tháng 6/2027"
        if reported_cut_off(text, m.start(), m.end(), phrase):
            continue                                   # "Đến hết ngày 20/11/2025, toàn tỉnh đã tiêm …"
        if kind == "year_opening" and not (reference is not None and int(g["wy"]) >= reference.year
                                           and YEAR_TASK.match(text, m.end())
                                           and re.search(r"(?:^|\n|\.\s)[\s*_\-+•]*$", text[max(0, m.start() - 12):m.start()])):
            continue                                   # "Năm 2025, Hội đồng nhân dân tỉnh quyết nghị …": a report
        base = reference
        if not dated and kind in RELATIVE:
            if today is None or kind not in ("relative", "within_days", "this_month"):
                continue                               # "trước Tết": of a notice whose date is unknown
            base = today
        try:
            due, at, kind, rule = resolve(kind, g, base)
            if due is not None and not FIRST_YEAR <= due.year <= LAST_YEAR:
                raise DateOutOfRange(phrase, f"{due.day:02d}/{due.month:02d}/{due.year}")
        except DateOutOfRange as e:
            if firm or _FORMS[i][0] not in EVENTS:
                raise DateOutOfRange(phrase, e.written) from None
            continue                                   # "từ ngày 3/2/1930": history, not a deadline
        except (ValueError, OverflowError):
            if firm and (g.get("y") or g.get("y2")):
                raise ImpossibleDate(phrase, written(g)) from None
            continue
        if due is None:
            continue
        if rule is None and not (g.get("y") or g.get("y2")) and reference is not None and FOLLOWING.match(text, m.end()):
            before = sentence_before(text, m.start())    # "trước ngày 15/01 năm sau": the year after the one reported
            due, rule = following_year(due, before, reference, said_to_recur(before))
        if rule is None and reference is not None:
            due, rule = each_year(text, m.start(), _FORMS[i][0], kind, g, due, reference)   # "Hằng năm, … trong Quý I"
        if not firm and narrative(text, m.start(), m.end(), due, reference if dated else None, kind):
            continue
        if kind == "start_label":
            kind = "from"                              # a start, kept though passed: the task's own date in the plan
        elif firm and dated and rule is None and reference is not None and (reference - due).days > PASSED_DAYS:
            continue                                   # passed over two weeks before the notice: the background, or
                                                       # overdue tasks of earlier documents listed again
        if re.match(r"(?:trong ngày|vào năm|vào tháng)\b", phrase, re.IGNORECASE) and \
                not COMPLETES.search(fold_span(text, max(0, m.start() - 80), m.start())):
            continue                                   # "trong ngày 14/12" of an event, "vào năm 2026" of a plan,
                                                       # "khởi công vào tháng 12/2025" (an event, not a task finished)
        if kind == "within_month" and _FORMS[i][0] == "session_month" and \
                not COMPLETES.search(fold_span(text, max(0, m.start() - 100), m.start())):
            continue                                   # "(tháng 4/2025)" of anything but a submission
        if not (g.get("y") or g.get("y2")) and UNNAMED_YEAR.match(text, m.start() + len(phrase)) \
                and not (reference is not None and FOLLOWING.match(text, m.end())):
            continue                                   # "trước ngày 10 tháng 6 năm cuối": no year named
        if not firm and rule is None and told_as_done(text, m.start(), m.start() + len(phrase)):
            continue                                   # "Trong tháng 10/2025, Trung tâm … đã thu thập"
        if not dated and rule is None and reference is not None and (reference - due).days > 366:
            continue                                   # "Cuối năm 1960 …" in a page without a date: history
        if rule is None and validity_or_forecast(text, m.start(), m.start() + len(phrase)):
            continue                                   # "có giá trị đến ngày …", "Dự báo đến cuối tháng …"
        if NOT_YET.match(text, m.start() + len(phrase)):
            continue                                   # a condition, an open-ended period
        if kind in ("within_year", "within_month", "within_quarter") and RUNS_ON.match(text, m.start() + len(phrase)):
            continue                                   # "cuối năm 2025 và đầu năm 2026": no day it ends
        if kind == "by" and re.match(r"đến\s+\d", phrase, re.IGNORECASE) and not (g.get("y") or g.get("y2")):
            continue                                   # "treo cờ đến 2/3 chiều cao": no date
        if rule in ("FREQ=WEEKLY", "FREQ=DAILY") or (rule and rule.startswith(("FREQ=WEEKLY", "FREQ=DAILY"))):
            if REST.search(clause_of(text, m.start(), m.end()).lower()):
                continue                               # "nghỉ thứ Bảy và Chủ nhật hằng tuần": days off
        if kind == "by" and _FORMS[i][0] in ("before_tet", "before_new_year") and (REST.search(clause_of(text, m.start(), m.end()).lower())
                                                               or re.search(r"\d\s+ngày\s*$", text[max(0, m.start() - 12):m.start()])):
            continue                                   # "nghỉ 01 ngày trước Tết và 04 ngày sau Tết": days off, no task
        if rule is None and (firm and planned_event(text, m.start(), phrase) or gathering_day(text, m.start(), phrase)):
            continue                                   # "Dự kiến tổ chức trước ngày 20/12/2025", "dự họp vào ngày …": events
        if firm and dated and rule is None and reference is not None and due < reference and \
                cited_passed(text, m.start(), m.start() + len(phrase)):
            continue                                   # "Công văn số 456 … yêu cầu báo cáo trước ngày 15/11, đến nay …"
        if firm and rule is None and reported_resolve(text, m.start()):
            continue                                   # "đã khởi công …, quyết tâm hoàn thành trước ngày 27/7"
        if rule is None and reported_done(text, m.start(), m.start() + len(phrase)):
            continue                                   # "đã hoàn thành … trong tháng 10/2025, vượt tiến độ": a result
        if rule is None and objective(text, m.start(), kind):
            continue                                   # "Mục tiêu … trong năm 2025 là không thay đổi"
        if rule is None and lasts_until(text, m.start(), phrase):
            continue                                   # "vận hành … đến hết ngày 15/9/2025": a duration
        if firm and rule is None and described(text, m.start(), m.end()):
            continue                                   # "được cấp giấy phép trước ngày 01/7/2025"
        if kind in ("by", "from", "on", "within_month", "within_year", "within_quarter") and \
                (period(text, m.start(), m.start() + len(phrase), kind, phrase) or covered_span(text, m.start(), phrase, reference)):
            continue
        end = m.start() + len(phrase)
        days = [(int(g["dd"]), due.month, due.year, m.start() + len(phrase))] if g.get("dd") else []
        days += [(due.day, due.month, None if not (g.get("y") or g.get("y2") or g.get("dd")) else due.year, end)]
        lunar = False
        if rule is None and kind in ("by", "on") and (g.get("d") or g.get("d2")):
            more, lunar = more_days(text, end, bool(g.get("y") or g.get("y2")))
            days += more                               # "trước ngày 10/12 và 20/12/2025": each day listed
        if len(days) > 1:
            listed = listed_dates(days, due)
            if lunar:                                  # "trước ngày 15/7 và 20/7 âm lịch": lunar days, each
                listed = [next_lunar_date(d, mo, base) if base else None for d, mo, _, _ in days]
            for k, day in enumerate(listed):
                if day is not None and not (firm and dated and reference is not None
                                            and (reference - day).days > PASSED_DAYS):
                    found.append(FoundDeadline(day, at, kind, text[m.start():days[k][3]], m.start(), days[k][3], rule, firm))
            continue
        found.append(FoundDeadline(due, at, kind, phrase, m.start(), end, rule, firm))
        if rule and rule.startswith("FREQ=DAILY") and at is not None and _ENDS_WITH_TIME.search(phrase):
            end = m.start() + len(phrase)
            for other, end in _more_times(text, end):   # "2 lần mỗi ngày, lúc 7 giờ và 16 giờ": each one
                found.append(FoundDeadline(due, other, kind, text[m.start():end], m.start(), end, rule, firm))
    # "định kỳ hằng năm báo cáo …; thời hạn trước ngày 15/12 hằng năm": the day is given, the open rhythm adds nothing
    # (and "hằng quý, trước ngày 25 của tháng cuối quý" likewise, each quarter against each quarter)
    dated_rules = {_rhythm(f.recurrence) for f in found if f.recurrence and f.phrase not in open_phrases}
    return [f for f in found if f.phrase not in open_phrases or _rhythm(f.recurrence) not in dated_rules]


_MORE_TIME = re.compile(r"\s*(?:,|và|;)\s*(?:lúc\s+)?(\d{1,2})\s*(?:h|giờ)(?:\s*(\d{2}))?(?:\s*(?:phút|'|’))?"
                        r"(?:\s+(sáng|trưa|chiều|tối))?(?![\d/])(?!\s*,?\s*(?:ngày|hôm)\s*\d)")
_ENDS_WITH_TIME = re.compile(r"(?:\d\s*(?:h|giờ)(?:\s*\d{2})?['’]?|phút|sáng|trưa|chiều|tối),?$")


def _more_times(text: str, pos: int) -> list[tuple[time, int]]:
    """The further times of day a daily duty lists after its first ("lúc 7 giờ và 16 giờ")."""
    out = []
    while (m := _MORE_TIME.match(text, pos)) and len(out) < 6:
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if m.group(3) in ("chiều", "tối") and hour < 12:
            hour += 12
        if hour > 23 or minute > 59:
            break
        out.append((time(hour, minute), m.end()))
        pos = m.end()
    return out


def _rhythm(rule: str) -> tuple[str, bool]:
    """How often a rule comes back: its frequency, and whether it is each quarter."""
    return rule.split(";")[0], "BYMONTH=3,6,9,12" in rule or "BYMONTH=1,4,7,10" in rule

