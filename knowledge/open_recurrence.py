"""Recurring duties with no day of their own: "Hằng năm hoặc đột xuất báo cáo …", "báo cáo
Chủ tịch UBND tỉnh kết quả thực hiện hằng năm", "báo cáo theo định kỳ hàng quý".

The text fixes no day, so the duty is read as due by the end of each period (31 December,
the last day of each quarter): the day a reader would hold it to, the way "trong năm 2025"
is due on 31 December ("hằng tháng" by each month's last day). "Hằng năm" is also a plain modifier ("kế hoạch hằng năm", "ngân sách
hằng năm", "lễ hội diễn ra hằng năm"), so the phrase is a duty only when a report verb
governs it: the verb follows it ("Hằng năm, báo cáo …"), or precedes it in its clause and
the phrase closes that clause ("báo cáo … kết quả thực hiện hằng năm."), or "định kỳ"
marks it as the rhythm of a report. "Trình … phê duyệt hằng năm" (a yearly submission) counts as a
report; a task line's "Thời gian thực hiện: Hằng năm." is the task's rhythm; a duty that opens
with its report verb ("a) Báo cáo Cục Điện lực cơ cấu … hằng năm và dự kiến …", the way a
Thông tư lists an agency's duties) has the rhythm wherever it stands in the clause; so does a report
verb with only its recipient between it and the phrase, the report's topic after it ("báo cáo Thủ
tướng Chính phủ hằng tuần về tiến độ …": "về", "kết quả", "tình hình" open what is reported). Besides reports, a yearly consolidation or update
that closes its part of a clause ("…, phân công nhiệm vụ và kiện toàn tổ công tác thư viện hàng năm.") is
a duty; "đánh giá kết quả thực hiện Kế hoạch hằng năm" is not read as one (the plan is yearly).
"""
from __future__ import annotations

import re

from knowledge.date_narrative import fold_span

# The rhythm of a report: "báo cáo", "sơ kết", "tổng kết" (folded)
_REPORT = re.compile(r"\b(?:bao cao|so ket|tong ket|(?<!chuong )(?<!cong )(?<!quy )(?<!lo )(?<!tien )(?<!qua )trinh)\b")  # not "chương trình", "quá trình"…
_FOLLOWED = re.compile(r"^(?:\s+hoac dot xuat)?\s*,?\s*(?:cac \w+ |\w+ ){0,3}?(?:bao cao|so ket|tong ket)\b")
# "Hằng năm, tổ chức kiểm tra, đánh giá …" opening its sentence: a yearly check or review is a duty as a report is
# (the verb right after the comma: "Hằng tháng, sau khi rà soát, …" tells when something else is done)
_CHECKS = re.compile(r"^\s*,\s*(?:to chuc |tien hanh )?(?:kiem tra|danh gia|ra soat)\b")
# what follows a modifier or a period's definition, not a duty's rhythm
_MODIFIES = re.compile(r"^\s*,?\s*(?:cua|tinh tu|tinh den|la|duoc|tu ngay)\b")
_CLOSES = re.compile(r"^(?:\s+(?:hoac dot xuat|va dot xuat|theo quy dinh(?: tai (?:(?:diem|khoan|dieu) \w+ ){1,3}"
                     r"(?:\w+ ){0,2}(?:nay|\d\S*))?|mot lan|01 lan|1 lan))*\s*(?:[.;]|$|\n)")
# "Thời gian thực hiện: Hằng năm." (a plan's task line: the task's own rhythm)
_LABEL = re.compile(r"\b(?:thoi gian (?:thuc hien|hoan thanh)|thoi han)\s*:\s*$")
# a duty that opens with its report verb: "a) Báo cáo Cục Điện lực …", "Báo cáo UBND tỉnh …"
_OPENS_REPORT = re.compile(r"^\s*(?:[a-zđ]\)|\d{1,2}[.)]|-|\+)?\s*bao cao\b")
# "báo cáo Thủ tướng Chính phủ hằng tuần về tiến độ …": the report verb a few words back (its recipient
# between), what is reported right after the phrase
_REPORTS_TO = re.compile(r"\b(?:bao cao|gui bao cao)(?:\s+[^\s,;.]+){0,6}\s*$")
_TOPIC = re.compile(r"^\s*(?:ve|ket qua|tinh hinh|tien do)\b")
# "1 tuần/lần", "01 lần/tháng": once a period, a duty only for a meeting or a report ("tổ chức họp giao ban 1
# tuần/lần"); a sampling or an inspection rate ("quan trắc 1 lần/tháng") is how the work is done
# a yearly review that closes a coordinated clause: "Ban hành quyết định thành lập tổ …, phân công … và kiện toàn
# tổ công tác thư viện hàng năm." (the verb heads its part of the clause, its object right after)
_REVIEWS = re.compile(r"(?:^|,|\bva)\s*(?:kien toan|cap nhat)(?:\s+[^\s,;.]+){1,8}\s*$")
_ONCE = re.compile(r"^(?:0?1|mot)\s")
_MEETS = re.compile(r"\b(?:hop|giao ban|bao cao|so ket)\b")


def open_recurring_duty(text: str, start: int, end: int) -> bool:
    """Whether the phrase "hằng năm"/"hằng quý"/"hằng tháng" at text[start:end] is the rhythm of a duty."""
    floor = max(0, start - 400)                     # a clause is read within bounds: linear on any text
    left = max(max(text.rfind(c, floor, start) for c in (";", ". ", ":", "\n")), floor - 1)
    before = fold_span(text, left + 1, start)
    after = fold_span(text, end, end + 80)
    if _ONCE.match(fold_span(text, start, end)):
        return _MEETS.search(before[-100:]) is not None   # "họp giao ban 1 tuần/lần", not "lấy mẫu 1 lần/tháng"
    if _MODIFIES.match(after):
        return False                                # "đánh giá cán bộ định kỳ hằng năm của cấp …", "… tính từ ngày"
    if _FOLLOWED.match(after) or (not before.strip(" -+*•") and _CHECKS.match(after)):
        return True                                 # "Hằng năm hoặc đột xuất báo cáo …", "Hằng năm, tổ chức kiểm tra …"
    if _LABEL.search(fold_span(text, max(0, start - 40), start)) and _CLOSES.match(after):
        return True                                 # "Thời gian thực hiện: Hằng năm."
    if _OPENS_REPORT.match(before) and len(before) < 200:
        return True                                 # "a) Báo cáo Cục Điện lực cơ cấu … hằng năm và …"
    if _REPORTS_TO.search(before) and _TOPIC.match(after):
        return True                                 # "báo cáo Thủ tướng Chính phủ hằng tuần về tiến độ …"
    if _REVIEWS.search(before[-90:]) and _CLOSES.match(after):
        return True                                 # "…, phân công nhiệm vụ và kiện toàn tổ công tác hàng năm."
    if not _REPORT.search(before[-160:]):
        return False
    return before.rstrip().endswith("dinh ky") or \
        _CLOSES.match(after) is not None
