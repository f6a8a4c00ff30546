"""What an item is, before any question: how much of an answer it can be (a directive more
than a background paragraph, a lead-in, a page's repeated title or a paragraph about the
notice itself), what kind of answer it holds (a time, a quantity, a frequency), the
headings it stands under when the parser gave none, and the number and kind of its notice.

Read from the item's text and its document's fields only, so it carries over to notices
nobody has seen: these are the shapes of Vietnamese administrative documents and of the web
pages they are copied from, not rules for particular notices.
"""
from __future__ import annotations

import re
from functools import lru_cache

from knowledge.doc_numbers import _number_terms
from knowledge.text import fold

W_CONTEXT = 0.8         # a "context" paragraph tells what happened, not what to do
W_LEAD_IN = 0.8         # "… thực hiện các nội dung sau:" announces the items that follow
W_QUESTION = 0.5        # "Bão số 13 vào đất liền khi nào?" — a web page's question, not a directive
W_ABOUT = 0.5           # "Ngày 25/9, Bộ GD&ĐT ban hành Công điện 1638 …" — about the notice itself
W_CLOSING = 0.5         # "Cục Thuế trả lời để Thuế tỉnh Nghệ An biết./." — the closing formula
CLOSING_MAX = 300       # a closing formula is one short sentence


ANSWERS_TIME, ANSWERS_QUANTITY, ANSWERS_FREQUENCY, ANSWERS_YEAR, ANSWERS_CODE = 1, 2, 4, 8, 16
FREQUENCY = re.compile(r"\blan\s*/\s*(?:ngay|tuan|thang|nam|quy)|\b(?:ngay|tuan|thang|nam|quy)\s*/\s*lan"
                       r"|\b(?:hang|moi)\s+(?:ngay|tuan|thang|nam|quy)\b|\bdinh ky\b|\b\d+\s*lan\b")
_DATE_TERM = re.compile(r"\d{1,2}/\d{1,2}(?:/\d{4})?|\d{1,2}/\d{4}|\d{1,2}h\d*")
_QUANTITY_TERM = re.compile(r"\d+(?:\.\d+)?%?|\d+-\d+")
# A goods code of the customs nomenclature: a subheading '8544.49' (read '8544.49.24'), or a
# heading '85.31' after "nhóm" (folded): what a customs ruling decides, and what "mã số nào" asks.
_SUBHEADING = re.compile(r"\d{4}\.\d{2}")
_HEADING = re.compile(r"\d{2}\.\d{2}")
# A year ('giai đoạn 2026 - 2030') dates a plan; it is no amount a "bao nhiêu" asks for.
_YEAR = re.compile(r"(?:19|20)\d\d")
# Words that make a lone digit a quantity: "7 ngày", "3 lần", "2 cấp" (folded).
_UNITS = frozenset("ngay tuan thang nam gio phut lan nguoi cap muc ho xa trieu ty dong km ha tan".split())
# Names whose number is part of the name, not an amount: "COVID-19", "SARS-CoV-2", "2019-nCoV"
# (folded terms 'covid 19', 'cov 2'). Every item of a Covid notice holds one, and "cách ly thêm
# bao lâu" must find the item that says "7 ngày", not one that names the disease.
_NAMED_BY_NUMBER = frozenset({"covid", "cov", "ncov"})
# The closing formula of a Vietnamese administrative letter: it says to whom it was sent,
# not what to do ("… trả lời để Công ty biết./.", "Trân trọng thông báo./.").
_CLOSING = re.compile(r"(?:\bde\b.{0,120}\bbiet\b|\btran trong\b|\bxin thong bao\b)[^.]{0,120}\.?/\.\s*$")


# An amount written in words (folded pairs): "số lượng test nhanh tương đương với dân số",
# "toàn bộ người lao động", "tất cả các trạm y tế", "một nửa", "gấp đôi" answer "bao nhiêu".
_QUANTITY_WORDS = frozenset({"tuong duong", "toan bo", "tat ca", "mot nua", "gap doi", "gap ba"})


# A quarter ('Quý I', 'quý 3') is a time; the year of a term of office ('năm thứ hai của nhiệm kỳ')
# answers "năm nào" as a year does.
_QUARTERS = frozenset("i ii iii iv 1 2 3 4".split())
_ORDINALS = frozenset("nhat hai ba tu nam 1 2 3 4 5".split())
# A date named by the event it starts from: "Thông báo này có hiệu lực (kể) từ ngày ký", "… từ
# ngày ban hành" — the notice's own date, which answers "khi nào có hiệu lực / when does it take
# effect" as a written date does (en10 e10-49 was declined for holding no date).
_FROM_EVENT = frozenset({"ky", "ban"})          # từ ngày ký, từ ngày ban hành (folded)


def answer_kinds(terms: list[str]) -> int:
    """What an item can answer besides its words: a time (it holds a date, an hour, a
    quarter or 'từ ngày ký'), a year ('năm 2026', 'từ năm 2027': kept apart, since nearly every plan names its
    year and only "năm nào" asks for one) or a quantity (a number of two digits or more, a
    percentage, a range, an amount in words), or a goods code of the customs nomenclature
    (ANSWERS_CODE: '8544.49.24', 'nhóm 85.31'), which "áp mã số nào" asks for."""
    kinds = ANSWERS_QUANTITY if any(f"{a} {b}" in _QUANTITY_WORDS for a, b in zip(terms, terms[1:])) else 0
    for a, b, c in zip(terms, terms[1:], terms[2:] + [""]):
        if a == "quy" and b in _QUARTERS:
            kinds |= ANSWERS_TIME
        elif a == "nam" and b == "thu" and c in _ORDINALS:
            kinds |= ANSWERS_TIME | ANSWERS_YEAR
        elif a == "tu" and b == "ngay" and c in _FROM_EVENT:
            kinds |= ANSWERS_TIME
    for k, t in [(k, t) for k, t in enumerate(terms) if t[0] <= "9"]:   # digits sort before letters
        if t[0].isdigit():
            if _SUBHEADING.fullmatch(t) or (_HEADING.fullmatch(t) and k and terms[k - 1] == "nhom"):
                kinds |= ANSWERS_CODE
            if _YEAR.fullmatch(t) and k and terms[k - 1] == "nam":
                kinds |= ANSWERS_YEAR
            if _DATE_TERM.fullmatch(t):
                kinds |= ANSWERS_TIME
            elif k and terms[k - 1] in _NAMED_BY_NUMBER:
                continue
            elif _QUANTITY_TERM.fullmatch(t) and (len(t) > 1 or t.endswith("%")
                                                  or (k + 1 < len(terms) and terms[k + 1] in _UNITS)) \
                    and not (_YEAR.fullmatch(t) and not (k + 1 < len(terms) and terms[k + 1] in _UNITS)):
                kinds |= ANSWERS_QUANTITY
    return kinds


# A reply letter quotes what it answers: "Nội dung kiến nghị:" (or "vướng mắc", "phản ánh", "câu
# hỏi") over the petitioner's words, then "Cục Thuế xin trả lời như sau:" over its own. The quoted
# words state what someone asked for, not what the letter says: they weigh as a page's question.
_PETITION = re.compile(r"^noi dung (?:kien nghi|vuong mac|phan anh|cau hoi|hoi|de nghi)\b\s*:")
_REPLY = re.compile(r"\b(?:tra loi|co y kien|huong dan)\b[^.;]{0,40}\bnhu sau\s*:?\s*$|^ve (?:van de|noi dung) nay\b")
PETITION_SPAN = 4       # the quoted paragraphs after the label, at most


def petitions(records) -> list[int]:
    """The positions (in `records`, a notice's items side by side in order) of the words a
    reply letter quotes: from a "Nội dung kiến nghị:" label to the paragraph that opens the
    reply, at most PETITION_SPAN items, the label's own text too when it goes on after it."""
    found = []
    for k, r in enumerate(records):
        folded = fold(r.text[:200])
        label = _PETITION.match(folded)
        if not label:
            continue
        if folded.rstrip(" :*") != label.group(0).rstrip(" :"):
            found.append(k)                             # "Nội dung kiến nghị: Theo Nghị định …"
        for j in range(k + 1, min(k + 1 + PETITION_SPAN, len(records))):
            if records[j].document_id != r.document_id or _REPLY.search(fold(records[j].text[:300])):
                break
            found.append(j)
    return found


# A notice's own number cited in brackets after a statement ("… gồm 300 câu … (Phụ lục II Công văn
# 2262/CSGT-P5)"): the statement says where it is written, it is not a paragraph about the notice.
_CITED = re.compile(r"\([^()]{0,120}\)")


def prior(r, own_numbers: set[str] | None = None) -> float:
    """How much an item is an answer at all, before any question: a directive more than a
    background paragraph, a lead-in ('Sở Y tế:'), a question heading of a web page, or a
    paragraph about the notice itself ('Ngày 25/9, Bộ GD&ĐT ban hành Công điện 1638 …',
    'Trên đây là Công điện 27 …')."""
    text = r.text.rstrip()
    if text.endswith("?") or _repeats_title(text, r.document_title) or is_title(text):
        return W_QUESTION
    if is_preamble(text) or is_basis(text) or is_issuing(text):
        return W_ABOUT
    if is_background(r):
        return W_CONTEXT
    head = _CITED.sub(" ", text[:300])
    if own_numbers and any(t.split(":")[1] in head for t in own_numbers) \
            and own_numbers & set(_number_terms(head)):
        return W_ABOUT
    if is_lead_in(text):
        return W_LEAD_IN
    if is_closing(text):
        return W_CLOSING
    return 1.0


# How a paragraph that narrates or cites, rather than directs or states, opens (folded):
# a meeting or a date ("Ngày 15/11/2021, …", "Tại cuộc họp …"), a review of the past
# ("Thời gian qua", "Trong những năm qua", "Trong 10 tháng đầu năm"), a forecast, the bases
# of the letter ("Căn cứ …;", "Xét Tờ trình …"), the letter it answers ("Cục Thuế nhận được
# công văn …", "Trả lời công văn …") and its own summary ("Trên đây là …").
_NARRATIVE = re.compile(
    r"(?:ngay \d|(?:sang|chieu|toi) ngay|tai (?:cuoc hop|buoi|hoi nghi|phien)|sau khi (?:nghe|xem xet)"
    r"|(?:trong )?thoi gian (?:qua|vua qua|toi)|trong (?:nhung|cac) (?:nam|thang) (?:qua|gan day)"
    r"|trong \d+ thang|nam \d{4},|hien nay|(?:theo )?du bao|theo bao cao|vua qua|qua \d+ nam"
    r"|can cu|xet (?:to trinh|de nghi|bao cao|cong van|ket qua)|tren day la"
    r"|tra loi (?:cong van|van ban|kien nghi)|ghi nhan|mac du"
    r"|thuc hien (?:ket luan|nghi quyet|chi thi|cong dien|quyet dinh|ke hoach|cong van|thong bao|y kien|chi dao)"
    r"[^.;:]{0,200},)")
_THEN = re.compile(r"\bthì\b")
_NARRATIVE_ANYWHERE = re.compile(r"^.{0,120}\b(?:nhan duoc (?:cong van|van ban|bao cao|to trinh|kien nghi)"
                                 r"|thong bao (?:y kien|ket luan) cua)")
# The preambles of a letter, whatever the parser called them: the report it considers
# ("Xét Tờ trình …", "Chính phủ Xét báo cáo …"), the letter it answers ("Cục Thuế nhận được
# công văn …"). They repeat the question's subject and never say what to do. ("Căn cứ …" is not among them: a tax reply quotes under it the very rule
# that answers.)
_PREAMBLE = re.compile(
    r"(?:\([^)]{0,120}\)\s*)?(?:ngay \d[^,.;:]{0,40}, )?"
    r"(?:(?:[^,.;:]{0,40} )?xet (?:to trinh|de nghi|bao cao|cong van)"
    r"|tra loi (?:cong van|van ban)"
    r"|[^,.;:]{0,60}(?<!tiep )\bnhan (?:duoc )?(?:cong van|van ban|to trinh|bao cao|kien nghi|don)\b)")
# A line of the letter's legal bases: "Căn cứ Công văn số 2553/BGDĐT-GDTX … về hướng dẫn …;".
# It names a document, quotes nothing (no ':') and draws no conclusion ('thì'): it says what
# the notice rests on, and answers no question about what to do.
# "Căn cứ Kế hoạch này, …" is no basis: the notice itself, then what to do under it.
_BASIS = re.compile(r"can cu (?:vao )?(?:bo luat|luat|nghi dinh|nghi quyet|thong tu|quyet dinh|cong van"
                    r"|chi thi|ke hoach|thong bao|ket luan|cong dien|van ban|huong dan) (?!nay\b)")
BASIS_MAX = 400
TITLE_MAX = 300         # a heading stored as an item is one line
# Headings of a review or of the bases, whose paragraphs all look back: "I. ĐÁNH GIÁ CHUNG",
# "Tình hình …", "Kết quả đạt được". Purpose headings ("MỤC TIÊU", "YÊU CẦU") are not among
# them: what a plan aims at is asked about as often as what it orders.
_REVIEW_HEADING = re.compile(r"^[\divxlc.()\s-]*(?:danh gia|tinh hinh|ket qua (?:dat duoc|thuc hien))")


def is_preamble(text: str) -> bool:
    """The report a letter considers or the letter it answers (_PREAMBLE): it names the
    question's subject and says nothing to do, so it counts as little as a paragraph about
    the notice itself."""
    return bool(_PREAMBLE.match(fold(text.lstrip("-+*•– ")[:160])))


def is_basis(text: str) -> bool:
    """A line of the letter's legal bases (_BASIS), not a rule quoted under one."""
    return len(text) <= BASIS_MAX and ":" not in text and not _THEN.search(text.lower()) \
        and bool(_BASIS.match(fold(text.lstrip("-+*•– ")[:60])))


# The article of a decision that issues the plan or rules attached ("Điều 1. Ban hành kèm theo
# Quyết định này Kế hoạch …"): it names the plan's topic and says nothing the plan says.
_ISSUING = re.compile(r"(?:dieu 1\W+)?ban hanh kem theo (?:quyet dinh|nghi quyet|chi thi|thong tu) nay\b")


def is_issuing(text: str) -> bool:
    return len(text) <= BASIS_MAX and bool(_ISSUING.match(fold(text.lstrip("-+*•– ")[:80])))


def is_title(text: str) -> bool:
    """A heading or a table's title stored as an item ('DANH MỤC HÀNG HÓA THAM GIA XUẤT
    KHẨU …'): Decree 30/2020 writes titles in capitals, and a title names a topic without
    saying anything about it, so the item under it is the answer."""
    if len(text) > TITLE_MAX:           # asked of every item at every build: the cheap test first
        return False
    letters = list(filter(str.isalpha, text))
    return len(letters) >= 12 and sum(map(str.isupper, letters)) >= 0.9 * len(letters)


# "(2) Yêu cầu" as well as "2. Yêu cầu": the numbering's opening bracket is part of the prefix.
_PURPOSE_HEADING = re.compile(r"^[\divxlc.()\s-]*(?:muc tieu|muc dich|yeu cau)")
# A plan's funding part ("III. KINH PHÍ THỰC HIỆN", "1. Nguồn kinh phí"): where the money comes from and
# who arranges it, what a question about the money asks ("kinh phí lấy từ nguồn nào", "ai bố trí kinh
# phí") and nothing else answers; the parser calls it context (a plan's scope, knowledge.parser.body).
# Not for other questions: its point repeats the plan's title ("Kinh phí thực hiện Kế hoạch quan trắc
# môi trường nuôi trồng thủy sản …"), which a question on the plan's content matches as well.
_FUNDING_HEADING = re.compile(r"^[\divxlc.()\s-]*(?:kinh phi|nguon kinh phi|nguon von)")


# A web page's own answer to the question it asks: "Như vậy, cấm xe tải … đến 24h00 ngày
# 30/12/2026." It sums up the rule the page quotes; nothing on the page answers better.
_CONCLUSION = re.compile(r"(?:nhu vay|theo do|tom lai),? ")


def is_conclusion(text: str) -> bool:
    """A web page's own answer to the question it asks: "Như vậy, …", "Theo đó, …"; also
    when it opens the item's last line, under the last point of the list it sums up that the
    parser joined to it ("Trường hợp khác theo quy định của pháp luật.\nTheo đó, trường hợp
    phát hiện … thông báo cho Cục An ninh mạng …")."""
    return bool(_CONCLUSION.match(fold(text[:40]))) or \
        ("\n" in text and bool(_CONCLUSION.match(fold(text.rsplit("\n", 1)[1][:40]))))


def is_context(r, weight: float = 1.0, listed: bool = False) -> bool:
    """What the confidence model reads as a context item, from what the parser and `prior`
    know of it: what the parser calls context (a notice's situation or assessment paragraphs,
    a page's statements when it orders nothing), except under a plan's purpose headings ("I.
    MỤC TIÊU", "1. Mục đích", "(2) Yêu cầu") — what a plan aims at ("tỷ lệ … đạt 100%") is
    asked about as often as what it orders, and answered by nothing else — and except a web
    page's conclusion ("Như vậy, …"), its answer to the question it asks, with the points of the
    list it announces (`listed`: `conclusion_points`); and, whatever the
    parser called it, an item whose `weight` (its prior) says it is no answer in itself: a
    preamble ("Trả lời công văn số 13/CV-FDI …"), a paragraph about the notice, a lead-in, a
    closing formula, a title or a page's question. A directive item is none of these.

    Measured (2026-11-25, every dev set, the model refitted for each definition): narrower
    definitions — only the context that reads as background, or context that does not assign
    work (knowledge.parser.orders) — answer no more questions at any share of confident
    errors. A page's statements are right first less often (four in ten) than directives
    (seven in ten): the parser's kind carries that, and so it stays the core of the feature."""
    if weight < 1.0:
        return True
    return r.kind == "context" and not any(_PURPOSE_HEADING.match(fold(h)) for h in r.headings) \
        and not is_conclusion(r.text) and not listed


def funding_part(r) -> bool:
    """The item stands in a plan's funding part (`_FUNDING_HEADING`): a question about the money
    ("kinh phí lấy từ nguồn nào", "ai tự bảo đảm kinh phí") is answered by it though the parser calls
    it context (knowledge.situation.asks_funding; knowledge.search)."""
    return any(_FUNDING_HEADING.match(fold(h)) for h in r.headings)


def is_background(r) -> bool:
    """A paragraph the parser calls context that also reads as background: it narrates a
    meeting or the past, forecasts, or cites the bases of the letter (see _NARRATIVE), or it
    stands under a review heading. The parser calls four in ten items of imported web pages
    context, among them the statements of rules that answer questions ("Người nước ngoài đến
    cơ quan quản lý xuất nhập cảnh …"); only the background ones should lose to a directive.
    A preamble (_PREAMBLE) is background whatever its kind."""
    if is_preamble(r.text):
        return True
    if r.kind != "context":
        return False
    opening = fold(r.text.lstrip("-+*•– ")[:160])
    if _NARRATIVE.match(opening) or _NARRATIVE_ANYWHERE.match(opening):
        # "Căn cứ Điều 12 … thì Cảnh sát giao thông được …": a web page's answer, not a basis
        # ('thì' read with its accent: folded it is also the 'thi' of 'thi hành').
        return not (opening.startswith("can cu") and _THEN.search(r.text[:500].lower()))
    return any(_REVIEW_HEADING.match(fold(h)) for h in r.headings)


def is_closing(text: str) -> bool:
    """The letter's closing formula ('Cục Thuế trả lời để Thuế tỉnh Nghệ An biết./.'): it
    repeats the addressee, which a question naming that addressee then matches best."""
    return len(text) <= CLOSING_MAX and text.rstrip().endswith("/.") and bool(_CLOSING.search(fold(text)))


def _repeats_title(text: str, title: str) -> bool:
    """A web page's title repeated as a paragraph ('Công điện 27/CĐ-TTg về vụ cháy nhà dân …')."""
    if not title or len(text) > 2 * len(title) + 40:
        return False
    words = set(fold(text).split())
    return len(words & _title_words(title)) >= 0.8 * max(len(words), 1)


@lru_cache(maxsize=1024)
def _title_words(title: str) -> frozenset[str]:
    return frozenset(fold(title).split())


def is_lead_in(text: str) -> bool:
    """'Bộ Y tế:', '… thực hiện các nội dung sau:' — an item that announces the next ones."""
    return text.rstrip().endswith(":")


# The opening of a letter that answers or relays something ("Về Kết luận của … tại Thông báo số
# 4387/TB-VPQH …, Phó Thủ tướng Trần Hồng Hà có ý kiến như sau:"): it holds the letter's
# topic, the paragraphs after it what to do about it.
_OPENING = re.compile(r"(?:y kien|chi dao|ket luan|thong bao|de nghi|huong dan)[^.;]{0,40}\bnhu sau\W*$")


def is_opening(text: str) -> bool:
    return bool(_OPENING.search(fold(text[-120:])))


def implicit_headings(records: list) -> list[tuple[str, ...]]:
    """For items the parser gave no headings: the lead-in just above a run of bullets (or of
    sub-points numbered under it), so "Sở Y tế:" tells whom its bullets are for; and a
    letter's opening ("…, Phó Thủ tướng có ý kiến như sau:") above every paragraph after it,
    so the directive carries the topic the opening names."""
    out: list[tuple[str, ...]] = []
    lead = None
    listed = conclusion_points(records)
    for i, r in enumerate(records):
        if is_lead_in(r.text) and len(r.text) < 1000 and not r.headings:
            out.append(())
            lead = r
        elif lead is not None and r.document_id == lead.document_id and not r.headings and (
                r.kind == "bullet" or (lead.number and r.number.startswith(lead.number + "."))
                or is_opening(lead.text) or i in listed):
            out.append((lead.text,))
        else:
            out.append(())
            lead = None
    return out


def conclusion_points(records: list) -> set[int]:
    """The positions of the points of a list that a page's conclusion announces ("Như vậy, …
    phải gửi văn bản thông báo thu hồi đất … biết:" then "- Chậm nhất là 90 ngày đối với đất
    nông nghiệp;" "- Chậm nhất là 180 ngày đối với đất phi nông nghiệp."). A page that orders
    nothing keeps every paragraph as context, so those bullets lost the bullet kind that would
    have put the lead-in above them (knowledge.parser.orders); a list is read from its
    punctuation as Vietnamese lists are written: points closed by ';' and the last by '.'. Each
    point is the conclusion's answer as much as the lead-in is (`is_context`)."""
    found: set[int] = set()
    for i, lead in enumerate(records):
        if lead.headings or not is_lead_in(lead.text) or not is_conclusion(lead.text):
            continue
        run = []
        for j in range(i + 1, min(len(records), i + 1 + LIST_MAX)):
            r = records[j]
            end = r.text.rstrip()
            if r.document_id != lead.document_id or r.headings or r.number or r.kind != "context" \
                    or len(end) > POINT_MAX or not end.endswith((";", ".")):
                break
            run.append(j)
            if end.endswith("."):
                break
        if len(run) >= 2 and all(records[j].text.rstrip().endswith(";") for j in run[:-1]):
            found.update(run)
    return found


LIST_MAX = 12           # points of one list
POINT_MAX = 400         # characters of one point: a line of a list, not a paragraph
