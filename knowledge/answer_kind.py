"""What kind of answer a question wants: a date, a number or a frequency.

"Khi nào / when / hạn chót" asks for a date, "bao nhiêu / how many" for a number, "how often /
mấy lần" for a frequency. Search ranks an item that holds one (its traits, knowledge/traits.py)
above one that only shares the topic. This is a reading of the question's asking words, apart
from its concepts (knowledge/concepts.py), which are what the question is about.
"""
from __future__ import annotations

import re

from knowledge.clock_place import ANSWERS_HOUR, ANSWERS_PLACE
from knowledge.traits import ANSWERS_CODE, ANSWERS_FREQUENCY, ANSWERS_QUANTITY, ANSWERS_TIME, ANSWERS_YEAR

_TIME_ASKS = [tuple(p.split()) for p in (
    "khi nao", "bao gio", "ngay nao", "hom nao", "luc nao", "may gio", "thoi han", "han chot", "thoi diem nao",
    "thang may", "thang nao", "quy may", "quy nao", "nam nao", "hieu luc tu", "tu ngay nao", "den ngay nao", "truoc ngay nao",
    "when", "what time", "what date", "which date", "what day", "which day", "by when", "deadline",
    "how long", "until when", "what hour")]
# "nâng bậc lương trước thời hạn", "hoàn thành đúng thời hạn", "quá thời hạn": a term named, not asked.
_NOT_ASKING_TERM = frozenset({"truoc", "dung", "qua", "het", "trong"})
_QUANTITY_ASKS = [tuple(p.split()) for p in (
    "bao nhieu", "bn", "may lan", "may cap", "may nguoi", "may ngay", "may tuan", "may thang", "may nam", "may mui", "may phan tram",
    "so luong", "ty le", "bao lau", "how many", "how much", "how often", "what percentage",
    "what percent", "what share", "how long", "what number")]
# The clock hour asked for ("lúc mấy giờ", "bắn lúc mấy h", "what time"): a date answers no such question.
_HOUR_ASKS = [tuple(p.split()) for p in ("may gio", "may h", "gio nao", "what time", "what hour", "which hour")]
_YEAR_ASKS = [tuple(p.split()) for p in ("nam nao", "nam may", "what year", "which year", "in which year")]
_FREQUENCY_ASKS = [tuple(p.split()) for p in (
    "how often", "how frequently", "how many times", "mot lan", "may lan", "bao nhieu lan", "tan suat",
    "dinh ky")]

# The goods code a customs ruling decides, asked for ("áp mã số nào", "mã HS bao nhiêu", "thuộc
# nhóm nào", "what HS code"): not "mã số thuế" nor "an HS code ruling", which name no code asked for.
_CODE_ASKS = [tuple(p.split()) for p in (
    "ma so nao", "ma hs nao", "ma hs bao nhieu", "ma hs la", "ma so la gi", "ma so bao nhieu", "thuoc nhom nao",
    "what hs code", "which hs code", "hs code for", "what customs code", "which customs code", "what code",
    "which code", "classified under")]


# An amount of money asked for ("bao nhiêu tiền", "mức hỗ trợ bao nhiêu đồng", "how much money"):
# only a figure answers it, never a point that names the payment without one ("… ban hành chế
# độ hỗ trợ người hoạt động không chuyên trách"), however many of the question's words it holds
# (knowledge.confidence.overruled). No item holds this kind; it rides along ANSWERS_QUANTITY.
ANSWERS_MONEY = 128     # besides knowledge.clock_place's ANSWERS_HOUR and ANSWERS_PLACE (32, 64)
_MONEY = frozenset({"tien", "dong"})
_NOT_MONEY = frozenset({"chi", "bao", "y", "thoi", "nghiep", "ho", "doi", "vien", "bang", "deu"})  # đồng chí, đồng ý …
_NO_CHARGE = re.compile(r"\b(?:mien phi|khong (?:thu|phai (?:tra|nop|dong)) (?:phi|tien|le phi))\b")


# A payment named beside "bao nhiêu / bn" asks its amount as well ("lương giáo viên bao nhiêu 1 tháng",
# "học phí bn"): 'lương' folded is also the 'lượng' of "số lượng", "chất lượng", hence the words before it.
_PAID = [tuple(p.split()) for p in ("luong", "hoc phi", "le phi", "muc phi", "tro cap", "phu cap", "muc phat", "tien phat")]
_NOT_PAY = frozenset({"so", "chat", "luc", "nang", "khoi", "dung", "ham", "trong", "san", "lieu", "tu", "mat",
                      "dinh", "do", "ky", "hai", "thien", "dien", "thu"})


def _names_payment(terms: list[str]) -> bool:
    for k in range(len(terms)):
        for p in _PAID:
            if tuple(terms[k:k + len(p)]) == p and not (p == ("luong",) and k and terms[k - 1] in _NOT_PAY):
                return True
    return False


def asks_money(terms: list[str]) -> bool:
    """"bao nhiêu tiền / bao nhiêu đồng / bn tiền / how much money" (not "bao nhiêu đồng chí"), and a
    payment named beside "bao nhiêu / bn" ("lương … bao nhiêu", `_PAID`)."""
    if ("bn" in terms or any(a == "bao" and b == "nhieu" for a, b in zip(terms, terms[1:]))) and _names_payment(terms):
        return True
    for k, t in enumerate(terms[:-1]):
        if (t == "bn" or (t == "nhieu" and k and terms[k - 1] == "bao")) and terms[k + 1] in _MONEY \
                and (k + 2 >= len(terms) or terms[k + 2] not in _NOT_MONEY):
            return True
        if t == "much" and k and terms[k - 1] == "how" and terms[k + 1] == "money":
            return True
    return False


def states_no_charge(folded: str) -> bool:
    """The item says nothing is paid ("miễn phí", "không thu phí"): an amount in words."""
    return _NO_CHARGE.search(folded) is not None


def wanted_answer(terms: list[str]) -> int:
    """ANSWERS_TIME for "khi nào / when / hạn chót", ANSWERS_QUANTITY for "bao nhiêu / how
    many", ANSWERS_FREQUENCY for "how often / mấy lần", and ANSWERS_YEAR besides the time for
    "năm nào": an item that holds a date, a number, a frequency ('02 lần/ngày', 'hằng tuần')
    or a year is the likelier answer. ANSWERS_CODE for "mã số nào / what HS code": a customs
    ruling names the goods in one point and decides their code in another, and the point that
    names the goods, all the question's words, is no answer to which code (fresh9 r28 was
    answered so, confidently); the asking words run to four ("mã hs bao nhiêu")."""
    found = 0
    grams = {tuple(terms[i:i + n]) for n in (1, 2, 3, 4) for i in range(len(terms) - n + 1)
             if not (terms[i:i + 2] == ["thoi", "han"] and i and terms[i - 1] in _NOT_ASKING_TERM)}
    if any(p in grams for p in _TIME_ASKS):
        found |= ANSWERS_TIME
    if any(p in grams for p in _YEAR_ASKS):       # "năm 2026" answers it as a date does
        found |= ANSWERS_TIME | ANSWERS_YEAR
    if any(p in grams for p in _QUANTITY_ASKS):
        found |= ANSWERS_QUANTITY
    if any(p in grams for p in _FREQUENCY_ASKS):
        found |= ANSWERS_FREQUENCY
    if any(p in grams for p in _CODE_ASKS):
        found |= ANSWERS_CODE
    if asks_money(terms):
        found |= ANSWERS_MONEY | ANSWERS_QUANTITY
    if any(p in grams for p in _HOUR_ASKS):      # only an hour answers it, not any date
        found = (found & ~ANSWERS_TIME) | ANSWERS_HOUR
    return found


# The place asked for ("tổ chức ở đâu", "đặt trụ sở ở đâu", "đổi vé ở đâu", "địa chỉ"), not the
# source of funds nor the rule ("lấy kinh phí ở đâu", "quy định ở đâu") nor where to send a paper
# ("gửi … về đâu", "nộp ở đâu"), whose answers are a budget, a law, a body.
_PLACE_ASKS = [tuple(p.split()) for p in ("o dau", "tai dau", "cho nao", "dia chi", "dia diem nao", "noi nao")]
_NOT_A_PLACE = frozenset({"lay", "gui", "nop", "nguon"})


# In English: the address or the venue ("address of the social insurance office of Cau Giay",
# "where is the ceremony held"), not 'where does the money come from'.
_PLACE_WORDS_EN = frozenset({"address", "addresses", "adress", "located", "location", "venue"})


def wanted_place(terms: list[str], english: bool = False) -> int:
    """ANSWERS_PLACE when a question asks where something is or happens (an item
    holding an address answers it, knowledge.clock_place). Used for ranking only: the
    confidence model was fitted without it."""
    if english:
        asked = set(terms)
        return ANSWERS_PLACE if asked & _PLACE_WORDS_EN or {"where", "held"} <= asked else 0
    for i in range(len(terms) - 1):
        before = terms[:i]
        if tuple(terms[i:i + 2]) in _PLACE_ASKS and not (set(before) & _NOT_A_PLACE) \
                and "quy dinh" not in " ".join(before):
            return ANSWERS_PLACE
    return 0
