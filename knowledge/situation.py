"""Questions about the situation, not about what to do.

The confidence model counts a background paragraph ("Ngày 15/11/2021, … đã xuất hiện ổ dịch
mới tại Khu công nghiệp Hải Hà, có liên quan tới các địa phương …") as a weak answer
(`context` in knowledge.confidence): most questions ask what to do, and a directive answers
them. A question that asks why something happened, what the situation or the risk is, or what
it is linked to ("vì sao dịch ở Lai Châu tăng trở lại", "người trên 65 tuổi chưa tiêm có nguy
cơ gì") is answered by the background itself, so for it the best item's being background is no
evidence against it. The words are data (knowledge/vocab/situation_words.txt), folded.

Measured on every dev set with the stored model (2026-11-25, branch declines2): 9 right answers
that were declined are answered, no answer becomes wrong. A question about the meeting itself
("hội nghị họp với cấp nào", "ban tổ chức có đi họp không", "nghe sở nào báo cáo") is such a
question too: the notice's opening paragraph reports who met, when and whose report was heard
(branch seedtyping5: 5 right answers more on the seed dev sets, none lost; "tại cuộc họp" only
sets the scene of a question about a task, `_SETTING`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from knowledge.text import fold

WORDS_FILE = Path(__file__).resolve().parent / "vocab" / "situation_words.txt"


@lru_cache(maxsize=1)
def situation_phrases() -> tuple[tuple[str, ...], ...]:
    with open(WORDS_FILE, encoding="utf-8") as f:
        return tuple(tuple(line.split()) for line in f if line.strip() and not line.startswith("#"))


# A phrase after these sets the scene of the question rather than asking about it: "Bộ Tài chính
# được giao gì tại cuộc họp …" asks what was assigned, not about the meeting.
_SETTING = frozenset({"tai", "trong"})


def asks_situation(terms: list[str]) -> bool:
    """Whether the question's folded terms hold a phrase that asks about the situation."""
    for phrase in situation_phrases():
        n = len(phrase)
        if any(tuple(terms[k:k + n]) == phrase and (k == 0 or terms[k - 1] not in _SETTING)
               for k in range(len(terms) - n + 1)):
            return True
    return False


FUNDING_FILE = Path(__file__).resolve().parent / "vocab" / "funding_words.txt"


@lru_cache(maxsize=1)
def funding_phrases() -> frozenset[tuple[str, ...]]:
    with open(FUNDING_FILE, encoding="utf-8") as f:
        return frozenset(tuple(line.split()) for line in f if line.strip() and not line.startswith("#"))


def asks_funding(terms: list[str]) -> bool:
    """Whether the question asks about the money ("kinh phí", "ngân sách", "nguồn vốn", "budget"): a
    plan's funding part, context to the parser, is then its answer (knowledge.traits.funding_part)."""
    phrases = funding_phrases()
    return any(tuple(terms[k:k + n]) in phrases for n in (1, 2) for k in range(len(terms) - n + 1))


# A question about what to do when difficulties arise ("gặp vướng mắc thì báo ai?", "khó khăn
# phản ánh về đâu?"), and the closing formula that answers it ("Trong quá trình thực hiện, nếu
# có khó khăn, vướng mắc, đề nghị … phản ánh về Sở …"), folded.
_DIFFICULTY = re.compile(r"\b(?:kho khan|vuong mac)\b")
# The formula may name who meets them first ("trường hợp địa phương có những khó khăn, …").
_WHEN_DIFFICULT = re.compile(r"\b(?:neu|truong hop|khi)\s+(?:\w+\s+){0,3}?(?:co\s+|gap\s+)?(?:nhung\s+)?"
                             r"(?:phat sinh\s+)?(?:kho khan|vuong mac)\b")
# An English question asks it in a clause: "who should the company contact if it has problems
# with …", "… when they run into difficulties …".
_WHEN_DIFFICULT_EN = re.compile(r"\b(?:if|when|whenever|case)\s+(?:\w+\s+){0,4}?"
                                r"(?:problems?|difficult(?:y|ies)|obstacles?|troubles?)\b")


def asks_difficulty(terms: list[str]) -> bool:
    return _DIFFICULTY.search(" ".join(terms)) is not None or asks_when_difficult(" ".join(terms))


def asks_when_difficult(question: str) -> bool:
    """The question asks what to do, or whom to tell, when difficulties arise (in Vietnamese or
    in English): the closing formula that says so answers it (knowledge.within.difficulty_first)."""
    folded = fold(question)
    return _WHEN_DIFFICULT.search(folded) is not None or _WHEN_DIFFICULT_EN.search(folded) is not None


def answers_difficulty(text: str) -> bool:
    """The item says whom to tell when difficulties arise: the parser keeps such a closing
    formula as background (knowledge.parser.statements), but for a question about difficulties
    it is the directive that answers, so its being background counts nothing against it."""
    return _WHEN_DIFFICULT.search(fold(text)) is not None


# A page's statement of a rule holds the figure asked for ("… bị tước chứng chỉ hành nghề trong
# thời hạn từ 06 tháng đến 09 tháng" for "… bị tước chứng chỉ hành nghề bao lâu?"): the parser
# keeps a page that orders nothing as context, yet such a statement is the answer, when it holds
# the date, number or frequency the question asks for (knowledge.answer_kind) and leads the
# runner-up clearly. Neighbours that each hold a figure ("Tết Âm lịch: 05 ngày", "Quốc khánh: 02
# ngày") leave that lead narrow, and then the doubt of context stays.
KIND_LEAD = 0.16
# ... and the notice must plainly be the one asked about: a lead over the best item of any
# other notice.
NOTICE_LEAD = 0.5


def states_asked(wants: int, kinds: int, prior: float, margin: float, rare_missed: float) -> bool:
    """Whether a context item answers as a directive would: a statement in itself (its prior is
    1: no preamble, lead-in, title or question), holding the kind of answer asked for, with a
    lead of KIND_LEAD over its rival, and missing no word of the question that the knowledge
    base has never seen (`rare_missed` 1: "nghỉ Tết Dương lịch 2027 mấy ngày" of a page on 2026).
    Measured on every dev set (2026-11-25, branch realrank3): 12 right answers more, no
    confident error more; without the lead 13 and 6 more."""
    return bool(wants) and bool(kinds & wants) and prior >= 1.0 and margin >= KIND_LEAD and rare_missed < 1.0


def opens_with_body(text: str) -> bool:
    """The item's first words name a body of the catalogue ("Chính phủ quy định …", "Ủy ban
    nhân dân cấp xã chủ trì …"): it says who, as a "who" question asks ("Ai quy định …?",
    knowledge.question_frames), so a page's statement that opens so answers it as one holding
    the date or number asked for answers a "khi nào / bao nhiêu" question (`states_asked`, same
    lead). Measured on every dev set (2026-11-25, branch realrank3): one right answer more (fresh7
    k55), nothing else changed."""
    from knowledge.text import tokenize
    from knowledge.within import ABBREVIATIONS, body_prefixes
    words = [ABBREVIATIONS.get(t.term, t.term) for t in tokenize(text[:120]) if t.word][:8]
    words = " ".join(words).split()
    return any(" ".join(words[:n]) in body_prefixes() for n in range(2, len(words) + 1))


def statement_answers(index, i: int, wants: int, who: bool, ev) -> bool:
    """Whether the context item `i`, with evidence `ev`, answers as a directive would: it holds
    the figure asked for (`states_asked`) or, for a "who" question, opens with a body
    (`opens_with_body`), with the same lead; and the notice is plainly the one asked about
    (NOTICE_LEAD over any other notice's best item). Measured on every dev set (2026-11-25,
    branch realrank4): the notice's lead changed no answer of any dev set; it declines held-aside
    en3's "How many people is the Ho Chi Minh City police recruiting in 2025?" (a doctors' quota,
    0.41 ahead of the other notices), answered wrongly before (that question was named to the
    branch, so en3's held-aside part is less independent since)."""
    if ev.doc_margin < NOTICE_LEAD:
        return False
    prior = float(index.prior[i])
    return states_asked(wants, int(index.item_kinds[i]), prior, ev.margin, ev.rare_missed) or \
        (who and states_asked(1, 1, prior, ev.margin, ev.rare_missed) and opens_with_body(index.records[i].text))


def asks_who(terms: list[str]) -> bool:
    """The question asks who (a question phrase whose answer is the body given the task:
    knowledge.question_frames)."""
    from knowledge.question_frames import asked_parts
    return any("chủ trì" in wordings for _, wordings in asked_parts(terms))


# An English question put to a page that orders nothing (a legal Q&A page, a news report of a
# conclusion): every paragraph is context (`statement_answers`), and the English question
# reaches it only through the glossary. When the page's statement leads the runner-up clearly
# (EN_STATEMENT_LEAD), lacks no rare word of the question, holds the date or figure asked for
# if one is asked, and would be answered with EN_STATEMENT_SURE were it a directive, the
# statement is the answer.
EN_STATEMENT_LEAD = 0.4
EN_STATEMENT_SURE = 0.9
EN_STATEMENT_RARE = 0.5


def english_statement(ev, calibrated) -> bool:
    """Whether a context item answers an English question as a directive would (see above).
    Measured on the English questions of thirteen dev sets (2026-11-25, branch english12, 392
    questions and 107 out of scope, the stored model): 7 declined right answers are answered, no
    answer becomes wrong; without the date-or-figure condition 8 and one error (a share asked,
    none held); with a lead of 0.2, 16 right answers for 5 errors."""
    from dataclasses import replace
    return bool(ev.english) and not ev.kind_missed and ev.margin >= EN_STATEMENT_LEAD \
        and ev.rare_missed < EN_STATEMENT_RARE and calibrated.probability(replace(ev, context=0.0)) >= EN_STATEMENT_SURE
