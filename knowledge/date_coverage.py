"""The span a report covers: "Báo cáo kết quả công tác (từ ngày 15/11/2024 đến 14/11/2025) gửi về Sở",
"báo cáo tình hình thực hiện từ ngày 01/01/2025 đến ngày 31/10/2025". The range's end reads like a due date ("đến
14/11/2025") and the clause holds a report, so the narrative rules kept it; but a range that began long before the
notice is no window of work the notice opens: it is the period the results are counted over. A notice gives new
work a window that starts when it is issued or later; so the end of a "từ <date> đến <date>" range whose start is more
than two weeks before the notice is no deadline, unless the clause says to finish something by then ("hoàn thành",
"xong"). When that range's report has a due date, it is written apart ("gửi về Sở trước ngày 25/11/2025") and stays."""
from __future__ import annotations

import re
from datetime import date

from knowledge.date_narrative import fold_span, left_of
from knowledge.date_resolve import PASSED_DAYS

# "từ ngày 15/11/2024 đến", "từ 01/01/2025 -", "từ ngày 01 tháng 01 năm 2025 đến hết": the start, with its year
_OPENED = re.compile(r"\btừ\s+(?:ngày\s+)?(\d{1,2})\s*(?:/|-|\s+tháng\s+)\s*(\d{1,2})\s*(?:/|-|\s+năm\s+)\s*(\d{4})\s*"
                     r"(?:đến(?:\s+hết)?|tới|[-–])\s*$", re.IGNORECASE)
_FINISH = re.compile(r"\b(?:hoan thanh|xong|hoan tat)\b")


def covered_span(text: str, start: int, phrase: str, reference: date | None) -> bool:
    """Whether the phrase at `start` ("đến 14/11/2025", "đến ngày …") ends a dated range that began over two weeks
    before the notice (`reference`), in a clause that finishes nothing."""
    if reference is None or not re.match(r"(?:đến|tới)\b", phrase, re.IGNORECASE):
        return False
    opened = _OPENED.search(text, max(0, start - 60), start + _cut(phrase))
    if opened is None:
        return False
    try:
        began = date(int(opened.group(3)), int(opened.group(2)), int(opened.group(1)))
    except ValueError:
        return False
    return (reference - began).days > PASSED_DAYS and not _FINISH.search(fold_span(text, left_of(text, start), start))


def _cut(phrase: str) -> int:
    """How much of the phrase belongs to the range's joint ("đến", "đến hết") and is searched with its start."""
    m = re.match(r"(?:đến|tới)(?:\s+hết)?", phrase, re.IGNORECASE)
    return m.end() if m else 0
