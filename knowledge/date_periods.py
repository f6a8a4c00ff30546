"""A plan's period is no deadline.

A task line of a plan ("Thời gian thực hiện: 2026 - 2030", an annex column of a five-year plan whose every row
says the plan's own years) gives the period the task runs through, not a day it is due: the hand annotations
of every batch treat a period of several years ("giai đoạn 2026 - 2030", "2025 - 2035", "nhiệm kỳ 2025 - 2030")
as no deadline, while a short window of a task ("năm 2026 - 2027", "Tháng 11 - 12/2025") is due at its end
(batch 5). The line between the two is drawn at three calendar years: a window that long is a programme's
phase or a medium-term plan, not one task's time.
"""
from __future__ import annotations

PERIOD_YEARS = 3          # a window over this many calendar years or more is a period


def programme_period(groups: dict) -> bool:
    """Whether a year window ("wys" to "wy", as date_forms' window of a task line reads it) is a period."""
    first, last = groups.get("wys"), groups.get("wy")
    return bool(first and last) and int(last) - int(first) + 1 >= PERIOD_YEARS
