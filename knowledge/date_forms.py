"""The forms of a deadline phrase: the building blocks (a date, a time of day, a month, a quarter, a
weekday) and every accepted phrase as one alternative of one regular expression (knowledge/dates.py reads
the matches). Kept apart from the reading so that a reader sees every accepted form in one place and the
reader's rules (what is narrative, what is passed) in another; every part is bounded, so matching is
linear in the text."""
from __future__ import annotations

import re

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
_WEEKDAY_NAME = r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật)"
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
    # (a window of three years or more, "2026 - 2030", is a programme's period: knowledge/date_periods.py)
    ("within_year", rf"{_TIME_LABEL}\s+(?:từ\s+)?(?:năm\s+)?(?P<wys>\d{{4}}){_TO}(?:năm\s+)?(?P<wy>\d{{4}})(?!\d)"),
    ("within_quarter", rf"{_TIME_LABEL}\s+(?:từ\s+)?qu[ýí]\s+(?:IV|I{{1,3}}|[1-4])(?:\s*(?:/|-|năm)\s*\d{{4}})?{_TO}{_QUARTER}"),
    ("by", rf"{_TIME_LABEL}\s+(?:từ\s+)?(?:ngày\s+)?\d{{1,2}}\s*/\s*\d{{1,2}}(?:\s*/\s*\d{{4}})?{_TO}(?:ngày\s+)?(?:{_DATE})"),
    # "Thời gian hoàn thành: 30/11/2025" · "Thời hạn nộp: 17 giờ ngày 30/11/2025"
    ("by", rf"{_TIME_LABEL}\s+(?:{_TIME}\s+)?(?:ngày\s+)?(?:{_DATE})"),
    # a task table's time cell as a bare month: "Thời gian hoàn thành: 12/2025" (the end of that month)
    ("within_month", rf"{_TIME_LABEL}\s+{_MONTH}(?![/\d\w-])"),
    # "Thời gian thực hiện: Từ 01/7/2025" (no end): the day the task starts, its own date in the plan
    ("start_label", rf"{_TIME_LABEL}\s+(?:kể\s+)?từ\s+(?:ngày\s+)?(?:{_DATE})"),
]
# "không muộn hơn ngày …", "không quá ngày …", "trước thời điểm …", "chậm nhất tới ngày …": the same bound in
# other words
_BY = (r"(?:(?:chậm nhất|muộn nhất|hạn chót|hạn cuối(?:\s+cùng)?|thời hạn|không\s+(?:muộn|chậm)\s+hơn|không\s+quá(?=\s+(?:ngày|\d{1,2}\s*(?:h|giờ|g\d|:\d))))"
       r"(?:\s*:)?(?:\s+(?:là|vào))?"
       r"(?:\s+(?:đến hết|đến|tới|trước|trong))?|trước\s+thời\s+điểm"
       r"|đến hết|hoàn thành trước|xong trước|đến|trước(?:\s*:)?|trong(?=\s+ngày\s+\d))")

FORMS = _WINDOW_FORMS + [
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
    # (and in hours, as a công điện gives them: "trong vòng 24 giờ kể từ khi nhận được Công điện này", a day per 24 hours)
    ("within_days", r"(?:trong|chậm\s+nhất)\s+(?:vòng|thời\s+hạn|thời\s+gian|khoảng)?\s*(?:(?P<nd>\d{1,3})\s*(?:\([^()\d]{1,12}\)\s*)?"
                    r"ngày(?P<work>\s+làm\s+việc)?|(?P<nh>\d{1,3})\s*(?:giờ|tiếng)(?!\s*\d))\s*,?\s*(?:kể\s+)?từ\s+(?:ngày|khi)\s+(?:thông\s+báo|ban\s+hành|ký|"
                    r"nhận\s+được\s+(?:văn\s+bản|công\s+văn|thông\s+báo|kế\s+hoạch)|"
                    # … kể từ ngày nhận được Quyết định này / Công điện này: the notice itself, received
                    r"nhận\s+được\s+(?:quyết\s+định|chỉ\s+thị|công\s+điện|kết\s+luận)\s+này|"
                    # … kể từ ngày Kế hoạch này được ban hành / Công văn này được ký: the day of issue, said of itself
                    r"(?:văn\s+bản|công\s+văn|kế\s+hoạch|thông\s+báo|quyết\s+định|chỉ\s+thị|công\s+điện)\s+này\s+"
                    r"(?:được\s+)?(?:ký(?:\s+ban\s+hành)?|ban\s+hành))"),
    # recurring: trước ngày 20 hằng tháng · hằng tháng, báo cáo trước ngày 25
    ("monthly", rf"(?:trước|chậm nhất(?:\s+(?:là|vào))?|vào|đến|hạn chót|hạn cuối|thời hạn)\s+(?:ngày\s+)?(?:m[ùồ]ng\s+)?(?P<md>\d{{1,2}})\s+"
                rf"(?:{_EVERY}|của\s+{_EVERY}|các|của\s+các)\s+tháng"),
    # trước các ngày 10 và 25 hằng tháng: both days are monthly (as the yearly pair below)
    ("monthly", rf"(?:trước|chậm nhất|vào|đến)\s+(?:các\s+)?ngày\s+(?P<md>\d{{1,2}})(?=\s*(?:và|,)\s*(?:ngày\s+)?"
                rf"\d{{1,2}}\s+(?:{_EVERY}|của\s+{_EVERY})\s+tháng)"),
    ("monthly", rf"và\s+(?:ngày\s+)?(?P<md>\d{{1,2}})\s+(?:{_EVERY}|của\s+{_EVERY})\s+tháng"),
    # báo cáo tháng gửi trước ngày 05 của tháng sau · chậm nhất ngày 10 tháng tiếp theo: each month, by that day
    ("monthly", r"(?:trước|chậm nhất(?:\s+(?:là|vào))?|vào)\s+ngày\s+(?P<md>\d{1,2})\s+(?:của\s+)?tháng\s+"
                r"(?:sau|tiếp\s+theo|kế\s+tiếp|liền\s+kề)\b"),
    # báo cáo trước ngày 20 tháng 11 năm 2025 và hàng tháng: the first report, then one by the 20th of each month
    ("monthly", rf"(?:trước|chậm nhất|vào)\s+ngày\s+(?P<md>\d{{1,2}})\s*(?:/|tháng)\s*\d{{1,2}}(?:\s*(?:/|năm)\s*\d{{4}})?"
                rf"\s+và\s+(?:định\s+kỳ\s+)?{_EVERY}\s+tháng(?!\s+(?:đầu|cuối|\d))"),
    ("monthly", rf"{_EVERY}\s+tháng[^.;\d]{{0,60}}?(?:trước|chậm nhất(?:\s+(?:là|vào))?|vào|đến)\s+ngày\s+"
                rf"(?P<md>\d{{1,2}})(?![\d/\-]|\.\d|\s+tháng)"),
    # trước ngày 15 của tháng cuối quý · hằng quý · trước ngày 20 tháng cuối của quý
    ("quarterly", r"(?:trước|chậm nhất|vào)\s+ngày\s+(?P<qd>\d{1,2})\s+(?:của\s+)?tháng\s+cuối\s+(?:của\s+)?(?:mỗi\s+|các\s+)?quý"),
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
    # trước thứ Sáu tuần này · chậm nhất thứ Hai tuần sau · chậm nhất vào thứ Năm tuần tới (27/11): that week's day
    # (a date written after it is trusted)
    ("week_day", rf"(?:trước|chậm\s+nhất|muộn\s+nhất|không\s+quá|hạn\s+(?:chót|cuối)(?:\s*:)?|xong\s+trước|hoàn\s+thành\s+trước)"
                 rf"(?:\s+(?:là|vào))?(?:\s+{_TIME})?\s+(?:(?P<wpart>sáng|chiều|trưa|tối)\s+)?(?:ngày\s+)?{_WEEKDAY}\s+tuần\s+"
                 rf"(?P<wk>này|sau|tới|kế\s+tiếp)(?:\s*\(\s*(?:ngày\s+)?(?P<rd>\d{{1,2}})\s*/\s*(?P<rm>\d{{1,2}})"
                 rf"(?:\s*/\s*\d{{4}})?\s*\))?"),
    # trước ngày 15/12 hằng năm · trước 20/12 hằng năm · hằng năm, trước ngày 15 tháng 12
    ("yearly", rf"(?:trước|chậm nhất|vào|đến|hạn chót|hạn cuối|thời hạn)\s+(?:ngày\s+)?(?P<yd>\d{{1,2}})\s*(?:/|-|tháng)\s*(?P<ym>\d{{1,2}})\s+"
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
    # … and a task line's month without its year: "Thời gian thực hiện: Tháng 12 hằng năm" (knowledge/date_each_year.py)
    ("within_month", rf"(?:trong|đến\s+hết|hết|chậm\s+nhất(?:\s+(?:trong|vào))?|{_TIME_LABEL})\s+tháng\s+(?P<mon>\d{{1,2}})(?![\d/]|\s*năm\s*\d)"),
    # trình … tại Phiên họp thứ 44 (tháng 4/2025): the month of the meeting a text is submitted to
    ("session_month", rf"(?<=\()tháng\s+{_MONTH}(?=\))"),
    # trước quý III/2022 → the last day of June · trong quý I/2022 → the last day of March
    ("before_quarter", rf"trước\s+{_QUARTER}"),
    # trong Quý I và Quý II năm 2026 · trong quý III - IV/2026: a window over quarters, due at its end
    ("within_quarter", r"(?:trong|đến\s+hết|hết|hoàn\s+thành|xong)\s+qu[ýí]\s+(?:IV|I{1,3}|[1-4])(?:\s*(?:/|năm)\s*\d{4})?"
                       r"\s*(?:và|-|–|đến(?:\s+hết)?)\s*(?:qu[ýí]\s+)?(?P<q>IV|I{1,3}|[1-4])(?!\w)\s*(?:(?:/|-|năm)\s*(?P<qy>\d{4,5})(?!\d))?"),
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
    # (also after a task label: "Thời gian hoàn thành: 6 tháng đầu năm 2026")
    ("half_year", rf"(?:trong|đến\s+hết|hết|{_TIME_LABEL})\s+(?:06|6|sáu)?\s*(?:tháng|nửa)\s+(?P<half>đầu|cuối)\s+năm\s+(?P<hy>\d{{4,5}})(?!\d)"),
    # trước Tết Nguyên đán (Nhâm Dần) → the day before the next lunar new year
    ("before_tet", r"trước\s+(?:dịp\s+)?Tết(?:\s+Nguyên\s+đán)?(?!\s+(?:Dương|Tây))"),
    # hạn chót nộp phương án là ngày 20/01/2022
    # Hạn cuối nhận hồ sơ là 17h00 ngày 30/11/2025
    # Hạn chót gửi bài dự thi là thứ Sáu, 28/11/2025: a weekday before the date stands for "ngày"
    ("by", rf"(?:hạn chót|hạn cuối|thời hạn)[^.;:\d]{{0,60}}?(?:\s+(?:là|vào|lúc))?(?:\s+{_TIME})?\s+"
           rf"(?:ngày\s+|(?:ngày\s+)?{_WEEKDAY_NAME}(?:,\s*|\s*\(\s*|\s+)(?:ngày\s+)?)(?:{_DATE})"),
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
    # hạn chót 15/01/2022 · trước 17 giờ ngày thứ Sáu, 28/11/2025
    ("by", rf"{_BY}(?:\s+{_TIME})?\s+(?:(?:ngày\s+)?(?:thứ\s+\w{{2,4}}|chủ\s+nhật)(?:,\s*|\s*\(\s*|\s+))?(?:ngày\s+(?:[^\W\d_]{{2,12}}\s+){{0,3}})?(?:{_DATE})"),
    # Hằng năm hoặc đột xuất báo cáo … · báo cáo theo định kỳ hàng quý · báo cáo Thủ tướng hằng tháng: no day of its own, due by
    # each period's end (knowledge/open_recurrence.py says when it is a duty)
    ("open_recurring", rf"{_EVERY}\s+(?P<per>năm|quý|tháng|tuần)(?![\w/]|\s*\d)"),
    # họp giao ban 1 tuần/lần · báo cáo 01 lần/tháng: once a period, the same rhythm without a day
    ("open_recurring", r"(?:0?1|một)\s+(?:(?P<per>tuần|tháng|quý|năm)\s*/\s*(?:0?1\s+)?lần|lần\s*/\s*(?P<per2>tuần|tháng|quý|năm))(?![\w/])"),
    # 16h chiều mai (2/2) · trước 17h hôm nay
    ("relative", rf"(?:trước\s+)?{_TIME}\s+(?:ngày\s+)?(?P<rel>mai|hôm\s+nay|ngày\s+mai)"
                 rf"(?:\s*\((?P<rd>\d{{1,2}})\s*/\s*(?P<rm>\d{{1,2}})\))?"),
]
# A task line that names who leads ("Chủ trì: Sở Tư pháp", "Cơ quan chủ trì: …") gives the task's time in a bare
# "Thời gian:" line or column: there the label dates the task, where elsewhere it dates a meeting. Read only in
# such a text (LED_PATTERN), and only as a month, a quarter or a year: "Thời gian: Quý I/2026", "Thời gian: 12/2025".
LEAD = re.compile(r"chủ\s+trì\s*:", re.IGNORECASE)
_LED_LABEL = r"thời\s+gian\s*:(?:\s*trong)?"
LED_FORMS = [
    ("within_month", rf"{_LED_LABEL}\s+(?:tháng\s+)?{_MONTH}(?![/\d\w-])"),
    ("within_quarter", rf"{_LED_LABEL}\s+{_QUARTER}"),
    ("within_year", rf"{_LED_LABEL}\s+năm\s+(?P<wy>\d{{4}})(?!\d)(?!\s*(?:-|–|đến))"),
    ("within_year", rf"{_LED_LABEL}\s+(?P<wy>\d{{4}})(?=\s*(?:[.;,)]|$))"),
]
# Every form starts a word with one of these letters or a digit: the guard skips the other
# positions at once instead of trying thirty alternatives at each character of a long text.
_STARTS = r"(?<!\w)(?=[\dtđkshcvxmnldTĐKSHCVXMNLD])"


def _compiled(forms: list[tuple[str, str]]) -> tuple[re.Pattern, list[tuple[int, str]], dict[int, list[str]]]:
    """One expression of all `forms`, each its own group ("f3"), each form's groups renamed apart ("x3_d");
    with the list of form groups and each form's named groups, to tell which form matched and read it."""
    pattern = re.compile(_STARTS + "(?:" + "|".join(f"(?P<f{i}>{body.replace('(?P<', f'(?P<x{i}_')})"
                                                   for i, (_, body) in enumerate(forms)) + ")", re.IGNORECASE)
    groups = [(int(k[1:]), k) for k in pattern.groupindex if k[0] == "f"]
    names = {i: [k for k in pattern.groupindex if k.startswith(f"x{i}_")] for i in range(len(forms))}
    return pattern, groups, names


PATTERN, GROUPS, NAMES = _compiled(FORMS)
LED_FORMS = LED_FORMS + FORMS
LED_PATTERN, LED_GROUPS, LED_NAMES = _compiled(LED_FORMS)
