"""Which dated phrases are narrative rather than deadlines (split from knowledge/dates.py).

knowledge/dates.py finds every phrase that names a date; this module tells which of them a
reader would not take as a duty: dates that tell what happened or is forecast ("đã tổ chức
… vào ngày …", "Trong tháng 10/2025, Trung tâm … đã thu thập"), periods that describe a
situation, a holiday or a flood ("từ … đến …"), counting periods ("số liệu từ ngày 01/10 đến
ngày 20/11", "tính đến hết ngày …"), conditions and rules ("được cấp phép trước ngày …",
"có hiệu lực từ …"), open-ended periods ("năm 2025 và các năm tiếp theo"), the year an objective
or a reported commitment names ("Mục tiêu … trong năm 2025 là không thay đổi"), a resolve told in
a report of what was done ("đã khởi công …, quyết tâm hoàn thành trước ngày 27/7"). Every test works on
folded text (no diacritics) of the phrase's clause, so it reads Vietnamese with or without
marks alike.
"""
from __future__ import annotations

import re
from datetime import date

from knowledge.date_resolve import PASSED_DAYS
from knowledge.text import fold

# Words that make a deadline phrase firm whatever the clause says.
FIRM = re.compile(r"^(?:chậm nhất|muộn nhất|hạn chót|hạn cuối|thời hạn|hạn|trước|hoàn thành|xong|đến hết|hết|cuối|"
                  r"thời\s+gian\s+(?:thực\s+hiện|hoàn\s+thành|ban\s+hành|công\s+bố|phổ\s+biến|phát\s+hành)\s*:|"
                  r"vào cuối|đến cuối)",
                  re.IGNORECASE)
# A clause with one of these tells what happened or will happen, not what must be done.
_NARRATIVE = re.compile(r"\b(?:vua qua|den nay|tinh den|du bao|theo bao cao|theo thong ke|ghi nhan|xay ra|"
                        r"luong mua|muc nuoc|co mua|mua to|mua lon|mua vua|hien nay|thoi gian qua|nam qua|"
                        r"ngay qua|tu dau nam|dien ra|duoc to chuc|co hieu luc|hieu luc thi hanh|"
                        r"tham du|chu tri hoi nghi|lam viec voi|kiem tra thuc te)\b")
# A verb marked done: it makes the phrase narrative only when it is the verb that governs the
# phrase (see told_in_past), not any "đã" of the clause ("báo cáo … trong tháng 12/2025, nêu rõ
# những việc đã làm" is a duty).
_PAST = re.compile(r"\b(?:da (?:co|xay ra|lam|gay|ghi nhan|dat|tiep nhan|to chuc|dien ra|ban hanh|ky|bi)|vua co)\b")
# "những việc đã làm", "các nội dung đã triển khai", "kết quả đã đạt", "mà đã": a relative clause
_RELATIVE_HEAD = re.compile(r"\b(?:nhung|cac|viec|noi dung|ket qua|ma|nhiem vu|van ban)\s+(?:\w+\s+){0,2}$")
_STOPPED = re.compile(r"\bda (?:cham dut|dung|ngung|ket thuc)\b")
# "Kênh VTV5 ngừng phát sóng từ ngày 01/12/2025", "tạm dừng cung cấp dịch vụ từ …": news of a
# service that stops, a date to know, not a duty to finish
_CEASES = re.compile(r"\b(?:tam )?(?:ngung|dung|cham dut) (?:phat song|hoat dong|cung cap|phat hanh|van hanh|"
                     r"tiep nhan|ket noi|luu hanh|giao dich)\b")
# "Dự kiến tổ chức Hội nghị … vào ngày …", "Hội nghị sẽ diễn ra ngày …": a planned event, not a
# duty ("dự kiến hoàn thành trước ngày …" is a target, and stays one)
_PLANNED = (r"\b(?:du kien|se)(?: duoc)? (?:to chuc|dien ra|khai mac|be mac|hop|khoi cong|khanh thanh|"
            r"ra mat|don tiep|tiep don|phat song)\b")
_PLANNED_RIGHT_BEFORE = re.compile(_PLANNED + r"(?: [^\s.;:,]+){0,5}\s*$")   # "dự kiến tổ chức [Hội nghị] trước ngày"
_PAST_ONLY = ("after", "from")        # weak, but a clause's other words do not make them narrative


# "đến ngày 30/6 hằng năm chưa phân bổ" (a condition), "trong năm 2025 và các năm tiếp theo": no deadline
NOT_YET = re.compile(r"\s*(?:(?:mà\s+|nhưng\s+)?(?:vẫn\s+|còn\s+)*chưa\b|,?\s*(?:và|đến)\s+(?:các|những)\s+"
                     r"(?:năm|quý|tháng)\s+(?:tiếp theo|sau)|\s*trở\s+đi)", re.IGNORECASE)
# "trong cuối năm 2025 và đầu năm 2026", "cuối tháng 12 và đầu tháng 01/2026": the window runs on into a
# vaguely bounded time, so the end of its first part is no due date
RUNS_ON = re.compile(r"\s*(?:và|đến|sang|[-–])\s+(?:những\s+|các\s+)?(?:ngày\s+|tháng\s+)?đầu\s+(?:năm|tháng|quý)\b",
                     re.IGNORECASE)
DONE_BEFORE = re.compile(r"(?:hoàn thành|hoàn tất|xong|kết thúc|chậm nhất|muộn nhất)\s*$")
_AT_LATEST = re.compile(r"(?:chậm|muộn)\s+nhất\s*$", re.IGNORECASE)   # "hoàn thành trong tháng 6 năm 2026"
CUT_OFF = re.compile(r"(?:\btính|\btừ nay|\bcho|\bl[ũűu]y kế|\bnhững tháng|\bcác tháng|\bcập nhật)\s*$")
_RANGE_END = re.compile(r"^(?:[^.;]{0,70}?\bđến\s+(?:hết\s+)?(?:(?:thứ\s+\w{2,4}|chủ\s+nhật),?\s+)?(?:ngày\s+)?"
                        r"|\s*[-–]\s*)\d", re.IGNORECASE)
_RANGE_START = re.compile(r"\b(?:từ|các\s+ngày)\s+(?:[^.;]|\.(?=\S)){1,130}$", re.IGNORECASE)
# "trình" (submit), not "chương trình", "công trình", "quy trình", "lộ trình", "tiến trình"
_SUBMIT = r"(?<!chuong )(?<!cong )(?<!quy )(?<!lo )(?<!tien )trinh"
COMPLETES = re.compile(rf"\b(?:hoan thanh|xong|nop|gui|bao cao|{_SUBMIT}|ket thuc)\b")


REST = re.compile(r"\bnghỉ\b")


# The folded text of the last text read, so that the clause checks of every phrase slice it instead of folding
# their windows again and again (fold is length-preserving on NFC text; any other text is folded piece by piece).
_FOLDED: tuple[str, str | None] = ("", "")


def fold_span(text: str, start: int, end: int) -> str:
    """fold(text[start:end]), from one folding of the whole text."""
    global _FOLDED
    seen = _FOLDED                                      # one read: another thread may replace it meanwhile
    if seen[0] is not text:
        folded = fold(text)
        seen = (text, folded if len(folded) == len(text) and "Σ" not in text else None)
        _FOLDED = seen
    return seen[1][max(0, start):max(0, end)] if seen[1] is not None else fold(text[start:end])


# How far a clause is read either side of a phrase. A clause ends at ";" or ". ", but a text without them
# (a crafted megabyte of "đến ngày … hoàn thành", an OCR page without full stops) would make every phrase read
# the whole text, quadratic time; real clauses are far shorter than this.
REACH = 400


def left_of(text: str, start: int, stops: tuple[str, ...] = (";", ". ")) -> int:
    """Where the clause of a phrase starting at `start` begins: after the last stop within REACH."""
    floor = max(0, start - REACH)
    return max(max(text.rfind(c, floor, start) for c in stops), floor - 1) + 1


def right_of(text: str, end: int, stops: tuple[str, ...] = (";", ". ")) -> int:
    """Where the clause of a phrase ending at `end` ends: at the first stop within REACH."""
    ceiling = min(len(text), end + REACH)
    found = [k for k in (text.find(c, end, ceiling) for c in stops) if k != -1]
    return min(found) if found else ceiling


# "từ nay đến hết ngày 31/12/2025, các địa phương hoàn thành dứt điểm …": the span from today is the time given to finish
# (a planning horizon "nhiệm vụ trọng tâm từ nay đến tháng 6/2027" finishes nothing)
_FINISHES = re.compile(r"\b(?:phai hoan thanh|hoan thanh|hoan tat|xong|dut diem)\b")


def finished_from_now(text: str, start: int, end: int) -> bool:
    """A "từ nay đến …" phrase in a clause that says what must be finished by then."""
    window = text[max(0, start - 400):end + 400]      # bounded: linear on any text
    return _FINISHES.search(fold(clause_of(window, start - max(0, start - 400), end - max(0, start - 400)))) is not None


# another document named by its number ("Công văn số 456/BYT-DP", "Chỉ thị 32/CT-TTg")
_CITES = re.compile(r"\b\d{1,6}/(?:\d{4}/)?[A-ZĐ][\w.\-]*")
# what has been done since: "…, đến nay mới có 10 tỉnh báo cáo"
_SINCE = re.compile(r"\b(?:den nay|hien nay|vua qua|con \d+ \w+ chua|moi co)\b")


def cited_passed(text: str, start: int, end: int) -> bool:
    """A day already passed at the notice's date, in a sentence that cites another document or tells what was
    done since: that document's deadline recalled ("Thực hiện Công văn số 456/BYT-DP ngày 10/11/2025 yêu cầu báo
    cáo trước ngày 15/11/2025, đến nay mới có 10 tỉnh báo cáo"), not one this notice sets (the caller checks
    that the day has passed)."""
    floor, ceiling = max(0, start - 400), end + 400     # bounded: linear on any text
    left = max(text.rfind(". ", floor, start), text.rfind("\n", floor, start), text.rfind(";", floor, start), floor - 1)
    right = [k for k in (text.find(". ", end, ceiling), text.find("\n", end, ceiling), text.find(";", end, ceiling)) if k != -1]
    return _CITES.search(text[left + 1:start]) is not None or \
        _SINCE.search(fold_span(text, end, min(right) if right else min(len(text), ceiling))) is not None


def clause_of(text: str, start: int, end: int) -> str:
    return text[left_of(text, start):right_of(text, end)]


def described(text: str, start: int, end: int) -> bool:
    """"(đã) được cấp giấy phép … trước ngày …": a condition on what happened, not a task."""
    before = fold_span(text, max(0, start - 50), start)
    last = None
    for last in re.finditer(r"\b(?:duoc|da)\b", before):     # not the phrase's own "kể từ ngày nhận được"
        pass
    if last is not None and not _TASK_VERB.search(before[last.end():] + fold_span(text, start, end)):
        return True
    # "Giá … được áp dụng cho: đơn vị … thuộc thành phố, thị xã trước ngày 01/7/2025": whom a rule applies to
    clause = fold_span(text, left_of(text, start), start)
    for last in _APPLIES.finditer(clause):
        pass
    # … unless the clause orders the rule's application ("hoàn thành việc áp dụng phần mềm trước ngày …")
    return last is not None and last.re is _APPLIES and not _TASK_VERB.search(clause + fold_span(text, start, end))


def period(text: str, start: int, end: int, kind: str, phrase: str) -> bool:
    """Part of a period "từ … đến …" (a downtime window, a holiday, a flood, a campaign) rather
    than a deadline: its start never is one; its end only when the clause says to finish by
    then ("đến hết" does, unless the clause tells of a holiday, a flag or a rule in force)."""
    left = left_of(text, start) - 1
    clause = fold_span(text, left + 1, start)
    if kind == "from":
        if _IN_FORCE.search(clause) or _EVENT.search(clause) or (_APPLIES.search(clause) and not _ISSUED.search(clause)):
            return True                                # "có hiệu lực kể từ …", "được nghỉ từ …"
        if _PURPOSE.match(clause) and "," not in clause:
            return True                                # "Để bảo đảm việc thu lệ phí từ ngày 01/01/2026, …"
        if _MAY.search(fold_span(text, end, right_of(text, end))):
            return True                                # "Từ ngày 1/12/2025, người dân có thể nộp hồ sơ trực tuyến": a right

        return _RANGE_END.match(text[end:end + 90]) is not None
    folded = fold(phrase)
    if folded.startswith("trong ") and _AT_LATEST.search(text[max(0, start - 16):start]):
        return False                                   # "xoá bỏ thuế khoán đối với hộ kinh doanh chậm nhất trong năm 2026"
    if folded.startswith("trong "):
        if re.match(r"\s*doi voi\b", clause) and "," not in clause:
            return True                                # "Đối với các nhiệm vụ triển khai trong năm 2025, …"
        window = fold_span(text, max(left + 1, start - 60), start)
        if _WHICH.search(window):
            return True                                # "vốn cho các dự án hoàn thành trong năm 2025": which ones
        if _PRIORITY.match(fold_span(text, end, end + 40)):
            return True                                # "trong năm 2025 xác định … là nhiệm vụ hàng đầu": a priority
        last = None
        for last in _DESCRIBES.finditer(window):
            pass
        return last is not None and not _TASK_VERB.search(window[last.end():])
    if _EVENT.search(_EXCEPT.sub(" ", clause)) and not COMPLETES.search(clause + " " + folded):
        return True                                    # a holiday, a flag, an exam: no task
    if folded.startswith("den ") and _CONTINUES.search(clause) and not COMPLETES.search(clause):
        return True                                    # "kéo dài triển lãm đến hết ngày …": how long, not by when
    opened = _RANGE_START.search(text[max(0, start - 140):start])
    if not folded.startswith("den ") or not opened or _CLOSED.search(opened.group(0)):
        return False                                   # "từ thứ 2 đến thứ 6 hàng tuần, đến hết ngày …": that range is closed
    if re.match(r"từ\s+nay\s*$", opened.group(0), re.IGNORECASE):
        return not finished_from_now(text, start, end)  # "từ nay đến ngày …, hoàn thành dứt điểm …"
    if _COUNTED.search(clause) or _COVERED.search(fold_span(text, max(0, start - 140), start)):
        return True                                    # "tính từ … đến …", "số liệu từ … đến …": a counting period
    return not (COMPLETES.search(clause) or _RECEIVES.search(clause))   # a period ("từ … đến hết …"), not a deadline



_IN_FORCE = re.compile(r"\bhieu luc\b")
_MAY = re.compile(r"\b(?:co the|duoc phep|duoc quyen)\b")
# the "từ" before a phrase opens its period only when no "đến" has closed that range already
_CLOSED = re.compile(r"^\S+\s+(?:[^.;]{0,60}?)\b(?:đến|tới|[-–])\s+[^.;]{0,60}?,\s*(?:[^,]{0,40}$)", re.IGNORECASE)
# "Thời gian nhận hồ sơ: từ ngày … đến hết ngày …": the window closes for applicants that day
_RECEIVES = re.compile(r"\b(?:tiep )?nhan ho (?:so|ho)\b")
# "kéo dài triển lãm đến hết ngày …", "đợt cao điểm kéo dài đến …": how long something lasts, told
# as news ("duy trì các chốt kiểm soát đến hết ngày …" orders a duty until then, and stays one)
_CONTINUES = re.compile(r"\b(?:keo dai|luu hanh)\b")
# "báo cáo kết quả thực hiện từ ngày 01/10 đến ngày 15/11": the range is the period the results
# cover (it follows "kết quả", "tình hình", "số liệu"), not the time to report in
_COVERED = re.compile(r"\b(?:ket qua|tinh hinh|so lieu|du lieu)\b(?: \w+){0,4} tu (?:ngay )?\d[^.;]{0,40}$")
_APPLIES = re.compile(r"\bap dung\b")                 # "không áp dụng phương pháp khoán thuế từ ngày …": a rule
# "… trình UBND tỉnh ban hành Bảng giá … mới áp dụng cho địa phương từ ngày 01/01/2026": a text to issue
# so that it applies from that day, the start of a required action (a deadline), not a rule in force
# ("Bộ Tài chính đang xây dựng Luật … các hộ đang áp dụng phương pháp khoán …": news of work under way)
_ISSUED = re.compile(r"(?<!dang )(?<!da )(?<!se )\b(?:ban hanh|trinh|xay dung)\b[^.;:]{0,120}(?<!dang )(?<!da )\bap dung\b")
_PURPOSE = re.compile(r"\s*(?:de|nham)\b")
# "công chức được tuyển dụng trong năm 2025", "đối với các nhiệm vụ trong năm 2025": which, not by when
_DESCRIBES = re.compile(r"\b(?:duoc|doi voi|phat sinh|tuyen dung)\b")
# "nhu cầu về vốn cho các dự án hoàn thành trong năm 2025": the phrase tells which projects (those
# finished that year), a noun's modifier after "cho/của/với các …", not what must be done by then
# "… mỗi cá nhân trong năm 2025 xác định nhiệm vụ … là nhiệm vụ chính trị hàng đầu": the year a priority
# holds, told before the verb that sets it, not a due date
_PRIORITY = re.compile(r"^\s+(?:xac dinh|coi|quan triet)\b")   # no comma: ", xác định rõ …" is the next task
_WHICH = re.compile(r"\b(?:cho|cua|voi)\s+(?:cac|nhung)\s+(?:\S+\s+){1,3}(?:hoan thanh|ket thuc|khoi cong)\s*$")
_TASK_VERB = re.compile(rf"\b(?:hoan thanh|xong|thuc hien|trien khai|bao cao|to chuc|ban hanh|{_SUBMIT}|nop|gui)\b")
# "từ thứ 2 đến thứ 6 hàng tuần (trừ ngày nghỉ Lễ, Tết), đến hết ngày 15/8/2025": days off named only to be left
# out of an office's hours are no holiday the clause announces
_EXCEPT = re.compile(r"\btru (?:cac )?(?:ngay nghi|ngay le|nghi le|thu bay)[^();,.]{0,40}")
_EVENT = re.compile(r"\b(?:nghi tet|nghi le|duoc nghi|lich nghi|nghi bu|ngay nghi|treo co|treo quoc ky|co hieu luc|"
                    r"hieu luc (?:thi hanh|tu|ke tu)|"
                    r"quy dinh tu ngay|lich thi|lich khao sat|roi vao|khai giang|ngay le)\b")


def narrative(text: str, start: int, end: int, due: date, reference: date | None, kind: str) -> bool:
    """A weak phrase (đến, từ, vào ngày) in a clause that tells what happened or is forecast,
    or long before the notice: not a deadline."""
    if reference is not None and (reference - due).days > PASSED_DAYS:
        return True
    left = left_of(text, start, (";", ". ", ":")) - 1
    if kind in _PAST_ONLY:                      # only "đã dừng phát sóng từ ngày 1-1-2025" is history
        before = fold_span(text, left + 1, start)
        if _STOPPED.search(before) is not None or _CEASES.search(before) is not None:
            return True
        return _OPENS.search(text[max(0, start - 6):start]) is not None and \
            _ANNOUNCED.match(fold_span(text, end, end + 120)) is not None
    right = right_of(text, end)
    clause = fold_span(text, left + 1, right)
    if _NARRATIVE.search(clause) is not None or _PLANNED_RIGHT_BEFORE.search(fold_span(text, left + 1, start)):
        return True
    return told_in_past(fold_span(text, left + 1, start), fold_span(text, end, right))


def told_in_past(before: str, after: str) -> bool:
    """Whether the verb that governs a date phrase is marked done. Before the phrase, the last
    past verb ("Hội nghị đã tổ chức vào ngày …") governs it unless a task verb comes between
    ("đã ban hành kế hoạch, triển khai trong tháng 12"); a task verb before it means the
    phrase dates the task, whatever follows. Otherwise the first past verb after the phrase
    governs it ("vào ngày 5/11, đã tổ chức …"), unless it opens a relative clause ("nêu rõ những
    việc đã làm"). Both parts are folded."""
    last = None
    for last in _PAST.finditer(before):
        pass
    if last is not None and not _RELATIVE_HEAD.search(before[:last.start()]):
        return not _TASK_VERB.search(before[last.end():])
    if _TASK_VERB.search(before):
        return False
    first = _PAST.search(after)
    return first is not None and not _RELATIVE_HEAD.search(after[:first.start()])


# "tính từ … đến …", "là số liệu từ ngày 01/10 đến ngày 20/11 của năm báo cáo", "kỳ báo cáo từ …
# đến …": the period a figure or a report covers, not the day it is due
_COUNTED = re.compile(r"\b(?:tinh tu|so lieu|ky bao cao|thoi gian chot|chot so lieu)\b")
# "Trong tháng 10/2025, Trung tâm An ninh mạng quốc gia đã thu thập …": a time adverbial that
# opens a sentence whose verb says the thing is done ("đã", "vừa") tells what happened
_OPENS = re.compile(r"(?:^|[.;:!?\n]|\*\*)\s*[*_(\[]*\s*$")
# "Từ ngày 01/12/2025, cơ quan Hải quan sẽ triển khai …": what someone will start, told as news
# ("sẽ phải", "cần": an obligation, which stays)
_ANNOUNCED = re.compile(r"^\s*,?[^.;:]{0,80}?\bse (?!phai\b)\w")
_DONE = re.compile(r"^[^.;:]{0,100}?\b(?:da|vua)\s+(?!duoc\b)\w")       # not "đã được phê duyệt": a relative clause
# "trước ngày 10 tháng 6 năm cuối của chương trình", "ngày 05 tháng 01 của năm sau": a day of a
# year the text does not name, so no date can be planned
UNNAMED_YEAR = re.compile(r"\s*,?\s*(?:của\s+)?năm\s+(?:cuối|sau|trước|kế\s+hoạch|báo\s+cáo|tiếp\s+theo|"
                          r"liền\s+kề|đầu|học)\b", re.IGNORECASE)


def told_as_done(text: str, start: int, end: int) -> bool:
    """A weak dated phrase that opens its sentence, followed by a clause whose verb is marked
    done ("đã", "vừa"): narrative ("Trong tháng 10/2025, …"). The caller asks only for weak
    phrases: "Hoàn thành trước ngày 30/11 theo kế hoạch đã …" stays a deadline."""
    if not _OPENS.search(text[max(0, start - 6):start]):
        return False
    return _DONE.search(fold_span(text, end, end + 160)) is not None


# "Giấy phép có giá trị đến ngày …", "Thời hạn hiệu lực của giấy phép đến ngày …", "Ưu đãi được áp
# dụng đến ngày …" (how long something is valid), "Dự báo đến cuối tháng 11 …" (a forecast): no duty,
# however firm the phrase's own words
_NO_DUTY = re.compile(r"\b(?:co gia tri|gia tri su dung|hieu luc|duoc ap dung|ap dung den|du bao)\b")


def validity_or_forecast(text: str, start: int, end: int) -> bool:
    """The phrase's clause up to its end tells how long something is valid, or forecasts, and
    asks nobody to finish, submit or report anything."""
    clause = fold_span(text, left_of(text, start), end)
    return _NO_DUTY.search(clause) is not None and not COMPLETES.search(clause)


def planned_event(text: str, start: int, phrase: str) -> bool:
    """"Cấp thành phố: Dự kiến tổ chức trước ngày 20/12/2025": the phrase dates an event the
    text plans (its verb is "dự kiến tổ chức", "sẽ diễn ra"), however firm its own words;
    "Dự kiến hoàn thành trước ngày …" names what is to be finished, and stays a target."""
    if COMPLETES.match(fold(phrase)):
        return False
    return _PLANNED_RIGHT_BEFORE.search(fold_span(text, max(0, start - 60), start)) is not None


# "vận hành không gian trưng bày … đến hết ngày 15/9/2025", "các bộ phận thường trực hoạt động … đến hết
# tháng 10/2025": how long a standing duty lasts, not the day something is due ("duy trì các chốt kiểm soát
# đến hết ngày 13/12" stays a dated duty: the day the checkpoints may close)
_LASTS = re.compile(r"\b(?:van hanh|hoat dong|thuong truc|keo dai|ap dung|luu hanh|phat song)\b")
_UNTIL = re.compile(r"^(?:đến|tới)\b", re.IGNORECASE)


def lasts_until(text: str, start: int, phrase: str) -> bool:
    """A phrase "đến (hết) …" whose clause is governed by a verb of duration, no task verb between."""
    if not _UNTIL.match(phrase):
        return False
    before = fold_span(text, left_of(text, start, (";", ". ", ":")), start)
    verbs = list(_LASTS.finditer(before))
    return bool(verbs) and not _TASK_VERB.search(before[verbs[-1].end():])



# "Mục tiêu hoàn thành … 3.000 km đường cao tốc trong năm 2025 là không thay đổi", "Lãnh đạo 4 tỉnh đều
# cam kết hoàn thành … trong năm 2025": a year a programme's objective or a reported commitment names, not
# a task's due date. Only a whole year ("mục tiêu hoàn thành giai đoạn 1 vào dịp ngày 19/12/2025" dates a
# task), and not a task done towards the objective ("cập nhật tiến độ theo mục tiêu hoàn thành … trong năm
# 2025", labelled a deadline in tests/data/deadline_audit.tsv).
_OBJECTIVE = re.compile(r"\b(?:muc tieu|chi tieu|cam ket)\b")
_ORDERS = re.compile(r"\b(?:yeu cau|de nghi|giao|phai|chi dao|khan truong)\b")
_TOWARDS = re.compile(r"\b(?:theo|dat|bao dam|dam bao|thuc hien)\s+(?:cac\s+|duoc\s+)?$")


def objective(text: str, start: int, kind: str) -> bool:
    """A year-level phrase whose clause, up to it, is an objective's or a commitment's statement."""
    if kind not in ("within_year", "before_year"):
        return False
    before = fold_span(text, left_of(text, start, (";", ". ", ":")), start)
    last = None
    for last in _OBJECTIVE.finditer(before):
        pass
    if last is None or _TOWARDS.search(before[:last.start()]):
        return False                                   # "rà soát tiến độ theo mục tiêu …": a task towards it
    return not _ORDERS.search(before[:last.start()]) and not _ORDERS.search(before[last.end():])


# "Đến nay đã khởi công 950 căn, tỉnh quyết tâm hoàn thành trước ngày 27/7": a report of what was done
# that tells the resolve of whoever did it, not an order of this document ("Thủ tướng yêu cầu …, quyết
# tâm hoàn thành … trước ngày 31/8" orders, and stays)
_RESOLVE = re.compile(r"\b(?:quyet tam|cam ket)\b")
_REPORTED = re.compile(r"\b(?:da|den nay|hien nay|vua qua|tinh den)\b")


def reported_resolve(text: str, start: int) -> bool:
    """A firm phrase in a sentence that reports what was done, then the resolve to finish by a day."""
    before = fold_span(text, left_of(text, start, (". ", "\n", ";")), start)
    last = None
    for last in _RESOLVE.finditer(before):
        pass
    if last is None:
        return False
    told = re.sub(r"\b(?:da|vua) (?:duoc )?\w+(?: \w+)?", " ", before[:last.start()])   # "đã hoàn thành 80%": done
    if last is None or _ORDERS.search(before) or _TASK_VERB.search(told):
        return False
    return _REPORTED.search(before[:last.start()]) is not None


# "Đến hết ngày 20/11/2025, toàn tỉnh đã tiêm được 12.000 liều", "Đến ngày 30/11/2025, toàn tỉnh có 95% hộ
# dân …": a report's cut-off opening its sentence, the way "Tính đến ngày …" does, however firm "đến hết" is.
# "Đến ngày 15/12/2025, các xã phải hoàn thành …" orders, and stays a deadline.
_UNTIL_OPENER = re.compile(r"^(?:đến|tới)\s+(?:hết\s+)?(?:ngày|tháng|quý|năm)\b", re.IGNORECASE)
_ORDERS_AFTER = re.compile(rf"\b(?:phai|can|hoan thanh|xong|bao cao|gui|nop|{_SUBMIT}|thuc hien|trien khai|to chuc|"
                           r"ban hanh|khan truong|yeu cau|de nghi|giao|chu tri|tap trung|phan dau|bao dam|dam bao|"
                           r"chi dao|ra soat|xay dung|kiem tra)\b")


def reported_cut_off(text: str, start: int, end: int, phrase: str) -> bool:
    """A phrase "Đến (hết) ngày …," that opens its sentence and is followed by a statement of what
    stood then (a verb marked done, or no order at all)."""
    if not _UNTIL_OPENER.match(phrase) or not _OPENS.search(text[max(0, start - 6):start]):
        return False
    if not re.match(r"\s*,", text[end:end + 3]):
        return False
    after = fold_span(text, end, right_of(text, end, (";", ". ", "\n")))
    if _DONE.search(after):
        return True
    return not _ORDERS_AFTER.search(after)
