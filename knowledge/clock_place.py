"""Two kinds of answer an item holds besides those of knowledge.traits: a clock hour and a place.

"Mấy giờ / what time" asks for a clock hour, which a date does not give ("treo cờ từ mấy giờ":
"Treo cờ từ trước 06 giờ đến 22 giờ", not "Giỗ Tổ Hùng Vương: ngày 10 tháng 3"); "tổ chức ở
đâu / đặt trụ sở ở đâu" asks for a place, which an address gives ("Số 71 Hàng Trống", "tại khu
vực đường đua F1, phường Từ Liêm"). The question side is knowledge.answer_kind; search ranks an
item holding the kind asked above one that only shares the topic (knowledge.ranking).
"""
from __future__ import annotations

import re

ANSWERS_HOUR = 32        # besides knowledge.traits' ANSWERS_TIME … ANSWERS_CODE (1 … 16)
ANSWERS_PLACE = 64
# '06 giờ' and '7h30' are indexed '6h', '7h30' (knowledge.text); a schedule writes '22.00'.
_HOUR_TERM = re.compile(r"\d{1,2}h\d*|(?:[01]?\d|2[0-4])\.[0-5]\d")
# A street number before a capitalised name ('Số 6, đường Trần Đăng Ninh'), or a place after
# 'tại' named down to its ward or commune; not 'Quyết định số 1357/QĐ-TCHQ' nor 'các xã, phường'.
_STREET_NO = re.compile(r"\b[Ss]ố \d{1,4}[A-Za-z]?,? (?:(?:đường|phố|ngõ|hẻm|Đường|Phố|Ngõ|Hẻm) )?(\w)")
_WARD = re.compile(r"\b(?:tại|ở)\b[^.;:]{0,80}?,\s*(?:phường|xã|quận|huyện|thị trấn|đặc khu)\s+(\w)")


def clock_place_kinds(terms: list[str], text: str) -> int:
    """ANSWERS_HOUR when the item's terms hold a clock hour, ANSWERS_PLACE when its text holds an
    address."""
    kinds = ANSWERS_HOUR if any(t[:1].isdigit() and _HOUR_TERM.fullmatch(t) for t in terms) else 0
    if any(m.group(1).isupper() for pattern in (_STREET_NO, _WARD) for m in pattern.finditer(text)):
        kinds |= ANSWERS_PLACE
    return kinds
