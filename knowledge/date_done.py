"""Dates of results a report tells as reached, not deadlines.

A report of what was done ("báo cáo kết quả", a news page reviewing a campaign) dates its
results with the same phrases a directive uses for its deadlines: "Tỉnh đã hoàn thành việc sắp
xếp trước ngày 30/9/2025", "Các đơn vị đã hoàn thành việc cấp thẻ trong tháng 10/2025, vượt tiến
độ đề ra". Two marks of Vietnamese reporting tell them apart, whatever the phrase's own words:
- the verb that governs the phrase is a completion marked done ("đã hoàn thành", "đã cơ bản
  hoàn thành", "đã đưa vào hoạt động", "đã xong", "đã nộp báo cáo"), with no new order between it and the phrase
  ("đã hoàn thành khảo sát, đề nghị báo cáo trước ngày …" orders again, and stays a deadline);
- the clause judges the result against its plan ("vượt tiến độ", "sớm hơn kế hoạch", "về đích
  sớm", "trước thời hạn"), and nothing in it orders or strives ("Phấn đấu hoàn thành trước ngày
  30/10/2025, sớm hơn kế hoạch 2 tháng" stays a deadline).
"""
from __future__ import annotations

import re

from knowledge.date_narrative import fold_span, left_of, right_of

# "đã hoàn thành", "đã cơ bản hoàn thành", "vừa đưa vào hoạt động", "đã thực hiện xong" (folded)
_DONE_VERB = re.compile(r"\b(?:da|vua)\s+(?:co ban\s+|cung\s+|chinh thuc\s+)?(?:hoan thanh|hoan tat|xong|"
                        r"dua vao (?:hoat dong|van hanh|su dung|khai thac)|thuc hien xong|ve dich|"
                        # "đã nộp báo cáo trước ngày 15/11/2025": a submission told as made (its object is part
                        # of the verb here, so that "báo cáo" is no new order after it)
                        r"(?:nop|gui)(?: (?:bao cao|ho so|van ban|ke hoach|danh sach|du thao))?)\b")
# a new order after the completion: the phrase then dates that order
_ORDER = re.compile(r"\b(?:de nghi|yeu cau|giao|can|phai|tiep tuc|khan truong|chu tri|bao cao|gui|nop|trinh|"
                    r"hoan thanh truoc|tap trung|chi dao|dam bao|bao dam|phan dau|quyet tam|muc tieu)\b")
# the result judged against its plan
_AHEAD = re.compile(r"\b(?:vuot tien do|som hon (?:ke hoach|du kien|so voi|tien do)|ve dich (?:som|truoc)|"
                    r"truoc thoi han)\b")


def reported_done(text: str, start: int, end: int) -> bool:
    """Whether the dated phrase at text[start:end] dates a result its sentence tells as reached."""
    before = fold_span(text, left_of(text, start, (". ", "\n", ";")), start)
    after = fold_span(text, end, right_of(text, end, (";", ". ", "\n")))
    last = None
    for last in _DONE_VERB.finditer(before):
        pass
    if last is not None and not _ORDER.search(before[last.end():]):
        return True
    return _AHEAD.search(after[:80]) is not None and not _ORDER.search(before + " " + after[:80])
