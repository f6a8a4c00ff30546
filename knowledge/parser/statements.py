"""What a notice states rather than orders, and what it quotes: closing formulas, citations of a
law ("Theo Điều 7 … quy định như sau:" and the clauses after), a news lead or a letter's
background, a lead-in whose content follows, funding clauses, the document announcing itself.
Split from body.py: the tree is structure, these are the sentence rules that mark its nodes
as context (not stored as directives, no deadlines)."""
from __future__ import annotations

import re

from knowledge.text import fold

# Unnumbered closing formulas: "Trên đây là …", a page's summary "Như vậy, …", "Văn phòng … thông báo để … biết, thực hiện",
# "Yêu cầu … nghiêm túc thực hiện Chỉ thị này", "(Trong) quá trình thực hiện, nếu có khó khăn …"; "trân trọng cảm ơn /
# thông báo" closes a letter, "Bộ … trân trọng đề nghị UBND các tỉnh …" is its request (the politeness of a letter
# to bodies it does not command), not a closing
_CLOSING = re.compile(
    r"^(?:Trên đây là|Như vậy,|.{0,160}\bthông báo\b.{0,300}\bbiết\b|.{0,120}\btrả lời\b.{0,200}\bđược biết\b|.{0,80}\btrân trọng\b(?!\s+(?:kính\s+)?(?:đề nghị|yêu cầu|mời)\b)|Nơi nhận"
    r"|(?:Yêu cầu|Đề nghị)\b.{0,300}\b(?:nghiêm túc|khẩn trương|triển khai)\b.{0,60}\bthực hiện\b.{0,40}\b"
    r"(?:Chỉ thị|Công điện|Kế hoạch|Thông báo|Quyết định|Công văn|Kết luận|văn bản)\s+này"
    r"|.{0,120}\b(?:yêu cầu|đề nghị)\b.{0,200}\b(?:nghiêm túc|khẩn trương)\s+(?:triển khai\s+)?thực hiện\s*\./\.$"
    r"|(?:Trong\s+)?quá trình (?:tổ chức |triển khai )*thực hiện,? nếu có (?:khó khăn|vướng mắc))",
    re.IGNORECASE)
# After the numbered points, the body's last sentence (Decree 30 ends it with "./.") restating the whole
# order to everyone: "Bộ … yêu cầu Thủ trưởng các cơ quan, đơn vị … tập trung nguồn lực, đảm bảo tiến độ được giao./."
_RESTATED_ASK = re.compile(r"^.{0,160}?\b(?:yêu cầu|đề nghị)\b", re.IGNORECASE)
_A_DATE = re.compile(r"\d{1,2}/\d{1,2}")
# A letter sent for information: "Cục Thuế thông báo để độc giả … được biết./." (no "thực hiện").
_INFORMS = re.compile(r"\b(?:thông báo|trả lời)\b.{0,200}?\bđể\b", re.IGNORECASE)


def asks_again_from(text: str) -> int | None:
    """Where, in a closing formula, what it asks again may begin: "Trên đây là Kế hoạch …. Định kỳ hằng năm (trước
    ngày 30 tháng 11) báo cáo kết quả …" sums up in its first sentence and then sets a report; "Yêu cầu các sở …
    nghiêm túc thực hiện Kế hoạch này, báo cáo kết quả trước ngày 15/12/2025" asks after "Kế hoạch này". A firm
    deadline from there on is a duty (knowledge/parser/__init__.py); the summary's own words ("Trên đây là Kế
    hoạch … đến hết năm 2025") date nothing. None when the text is no closing formula."""
    m = _CLOSING.match(text)
    if m is None:
        return None
    if re.match(r"(?:Trên đây là|Như vậy,)", m.group(0), re.IGNORECASE):
        ends = [k for k in (text.find(". ", m.end()), text.find(";", m.end())) if k != -1]
        return min(ends) + 1 if ends else len(text)
    return m.end()


def restated(text: str) -> bool:
    """The restatement above: short, ends the body with "./.", asks, and names no date. Checked
    by its end first, so that a long hostile paragraph costs one bounded match at most."""
    tail = text.rstrip()
    return (tail.endswith("./.") and len(tail) <= 420 and _RESTATED_ASK.match(tail) is not None
            and _A_DATE.search(tail) is None)


def informs_only(text: str) -> bool:
    tail = text.rstrip(" ./")
    return (tail.endswith("biết") and len(tail) <= 600 and "thực hiện" not in tail.lower()
            and _INFORMS.search(tail[:400]) is not None)


_TERMINAL = tuple(".;!?")
# What a document quotes is not what it orders: a letter's "Tại khoản 1 Điều 26 Nghị định … quy định:" and
# the article in quotation marks after it, a Q&A page's "Theo Điều 7 … quy định như sau:" and the clauses after.
_QUOTE_INTRO = re.compile(r"^(?:Theo|Căn cứ|Tại)\b.{0,400}\b(?:quy định|nêu|ghi)(?:\s+(?:như sau|sau đây|rõ))?\s*:\s*$",
                          re.IGNORECASE)
_QUOTE_OPEN = ("“", '"', "„", "«")
# A quotation is a citation when the paragraph before announces one or it quotes an article; a news
# report's quoted order ("“Giao Đảng đoàn HĐND tỉnh …”", a leader's words) is a directive.
_CITING = re.compile(r"\b(?:quy định|nêu|ghi|như sau)\s*:\s*$")
_QUOTED_ARTICLE = re.compile(r"^[“\"„«]\s*\*?(?:Điều|Khoản|Điểm)\s+\d")
_QUOTE_CLOSE = ("”", '"', "»")
_QUOTE_SUMMARY = re.compile(r"^(?:Theo đó|Như vậy|Do đó|Vì vậy)\b", re.IGNORECASE)
MAX_QUOTE = 60              # paragraphs; a quotation never closed does not swallow the rest
# A news lead or a letter's background: "Ngày 11/4/2025, Thủ tướng … đã ban hành …", "Cục Thuế nhận được
# công văn số …", "X vừa có Thông báo số …": what happened, not what is ordered.
_NARRATIVE = re.compile(
    r"^(?:(?:Ngày|Sáng|Chiều|Tối|Trưa|Đêm)\s+[\d/]{3,10}\s*,.{0,300}?\b(?:đã|vừa)\s+(?:\w+\s+){0,3}(?:ban hành|ký|có)\b"
    r"|Ngày\s+\d{1,2}/\d{1,2}/\d{4}\s*,\s*(?:tại\s+)?(?:Công văn|Thông báo|Quyết định|[A-ZĐ]\w*\s+\w+\s+(?:tỉnh|thành phố|huyện|xã|phường)\b)"
    r"|[^,.;:]{3,120}?\b(?:vừa|đã)\s+(?:có|ban hành|ký ban hành)\s+(?:Thông báo|Công điện|Chỉ thị|Kết luận|Công văn|"
    r"Quyết định|Kế hoạch|Nghị quyết)\s+(?:số\s+)?\d"
    r"|(?:Ngày|Sáng|Chiều|Tối|Trưa|Đêm)\s+[\d/]{3,10}\s*,.{0,200}?\b(?:ký\s+)?ban hành\s+(?:Thông báo|Công điện|Chỉ thị|"
    r"Kết luận|Công văn|Quyết định|Kế hoạch|Nghị quyết|Nghị định|Thông tư)\b"
    r"|[^,.;:]{3,120}?\bnhận được\s+(?:công văn|văn bản|đơn|tờ trình|báo cáo|câu hỏi|thư|phản ánh|kiến nghị)\b)", re.IGNORECASE)
# A heading that announces its children as a list ("… gồm 2 báo cáo:", "… nội dung sau:").
_ANNOUNCES = re.compile(r"\b(?:sau|như sau|sau đây)\s*:$|\b(?:gồm|bao gồm)\b[^.;]{0,80}:$")
# A lead-in whose content is the paragraphs after it ("Theo đó, … giao … chỉ đạo nội dung sau:").
_LEAD_IN = re.compile(r"\b(?:sau|như sau|sau đây)\s*:\s*$")
# The document announcing itself: "Ủy ban nhân dân Thành phố ban hành Kế hoạch triển khai các nhiệm vụ trọng tâm
# cuối năm 2025 … như sau:": its dates name the plan's scope, not a task.
_SELF_ISSUE = re.compile(r"^[^.;:]{0,120}?\bban hành\s+(?:Kế hoạch|Chương trình|Quy chế|Phương án|Hướng dẫn|Đề án)\b"
                         r"[^.;:]{0,500}(?:như sau|sau đây)\s*:\s*$")
# Who is told to act, in the present: "Thủ tướng Chính phủ yêu cầu Bộ trưởng …", "giao Ban Thường vụ …".
_ORDERING = re.compile(r"\b(?:yêu cầu|giao|đề nghị|chỉ đạo)\s+(?:(?:các|những|đồng chí)\s+)?(?:[A-ZĐÂĂÊÔƠƯ]|cấp ủy)")
ASKS = re.compile(r"\b(?:yêu cầu|đề nghị|giao|chỉ đạo)\b", re.IGNORECASE)
_PAST = re.compile(r"\b(?:đã|vừa|từng)\b")
# Clauses on funding and on the document's own effect (Decree 30 puts them last): no task of anyone.
_NO_TASK = re.compile(r"^(?:nguon )?kinh phi\b|^.{0,80}\bthay the (?:ke hoach|quyet dinh|chi thi|cong van|thong bao|van ban)\b"
                      r"|^.{0,60}\b(?:nay|nay) co hieu luc\b")
# What a conclusion notes about the past rather than orders: "1. Ghi nhận, đánh giá cao và biểu dương sự nỗ lực …"
# (Decree 30's thông báo kết luận opens with it; the directives follow).
_ACKNOWLEDGES = re.compile(r"^(?:ghi nhan|bieu duong|hoan nghenh|danh gia cao|khen ngoi|chuc mung)\b")
# A rule or attribute stated under a label, not a task: "Đối tượng: Là học sinh …", "Thể loại: Độc tấu",
# "Mức quà tặng: 100.000 đồng/người dân".
_RULE_LABEL = re.compile(r"^(?:doi tuong|pham vi|the loai|so luong|ten goi|quy mo|dieu kien|tieu chuan|"
                         r"muc (?:\w+ ){0,3}?(?:qua|ho tro|chi|thuong|phat|tang)\w*)\s*:")
# A letter's contact lines under "Kính gửi" ("(Địa chỉ: …; Số ĐT: …)"): who it goes to, not what it says.
_CONTACT = re.compile(r"^\(?\s*(?:dia chi|so dt|so dien thoai|dien thoai|email|e-mail|fax)\s*:"
                      r"|^kinh gui\s*:")     # a letter quoted in a page: "Kính gửi: Ủy ban nhân dân các tỉnh, …"
# The issuer's own schedule and names, stated: "Công diễn: Dự kiến trước ngày 03/02/2026", "Kế hoạch lấy tên
# gọi cho Liên hoan là: …" — what will happen, not what someone must do.
_PLANNED = re.compile(r"^(?:[^:]{1,40}:\s*)?du kien\b|^.{0,60}\b(?:lay ten(?: goi)?|co ten goi)\b.{0,60}\bla\b")
# A definition, not a task: "Kiểm tra chuyên ngành là việc xem xét, …", "… được hiểu như sau".
_DEFINES = re.compile(r"^[^,.;:]{3,100}?\s(?:duoc hieu (?:la|nhu sau)|la viec|la hoat dong|la qua trinh|la van ban)\b")
# A footnote of the page's document ("[1] Ban Chỉ đạo của Bộ …"): an explanation, never a directive.
_FOOTNOTE = re.compile(r"^\[\d{1,2}\]\s")
# A closing formula inside the last paragraph ("…; trong quá trình thực hiện, có khó khăn vướng mắc kịp thời …").
_CLOSING_INSIDE = re.compile(r"\bquá trình (?:tổ chức |triển khai )*thực hiện,?\s+(?:nếu\s+)?có (?:khó khăn|vướng mắc)",
                             re.IGNORECASE)

# Attribute lines of a task in a plan's table: they belong to the task above them. The body's label may
# join two roles ("Đơn vị chủ trì tham mưu thực hiện:", "Đơn vị phối hợp thực hiện:").
ATTRIBUTE = re.compile(r"^(?:[-+•]\s*)?(?:Nội dung(?: công việc)?|"
                       r"(?:Cơ quan|Đơn vị)(?: (?:chủ trì|thực hiện|phối hợp|tham mưu)){1,3}|"
                        r"Chủ trì(?: thực hiện)?|Phối hợp(?: thực hiện)?|Lãnh đạo phụ trách|"
                        r"Thời gian(?: dự kiến)?(?: thực hiện| hoàn thành| tổ chức)?|Thời điểm hoàn thành|Thời hạn(?: hoàn thành)?|"
                        r"Tiến độ(?: thực hiện| hoàn thành)?|"
                        r"Sản phẩm(?: đầu ra)?|Kết quả (?:đầu ra|thực hiện)|Kinh phí(?: thực hiện)?|Nguồn kinh phí|"
                        r"Hạn(?: chót| cuối)?(?: nộp| gửi)?(?: báo cáo| hồ sơ| danh sách| bài(?: dự thi)?| đăng ký)?)\s*:",
                        re.IGNORECASE)
# A line that only says by when the task above must be done, with no label ("Đảm bảo hoàn thành trong quý
# I/2026.", the last line of "Khẩn trương hoàn thiện sửa đổi Nghị định …"): part of that task.
_DUE_ONLY = re.compile(r"^(?:[-+•]\s*)?(?:Đảm bảo |Bảo đảm |Phải )?hoàn thành (?:trước|trong|chậm nhất|xong trước)\b"
                       r"[^.;:]{0,60}\d", re.IGNORECASE)
DUE_ONLY_MAX = 90


def due_only(text: str) -> bool:
    return len(text) <= DUE_ONLY_MAX and _DUE_ONLY.match(text) is not None


def task_above(node):
    """The task an attribute or deadline line belongs to: the open point's last paragraph when the
    point is a heading over unnumbered paragraphs ("4. Cục Mỹ thuật, Nhiếp ảnh và Triển lãm" over
    "Khẩn trương hoàn thiện …"), else the open point (a bullet, a numbered task)."""
    last = node.children[-1] if node.children else None
    if last is not None and last.style is None and not last.children and not last.context and last.text:
        return last
    return node
# An unnumbered paragraph that opens on a link to the numbered point above it goes on with that point.
GOES_ON = re.compile(r"^(?:Theo đó|Từ đó|Trong đó|Qua đó|Trên cơ sở đó|Trường hợp|Ngoài ra|Bên cạnh đó|Cụ thể|Lưu ý)\b")


def _closes_quote(text: str) -> bool:
    """The paragraph ends the quotation it is in: its last closing mark comes after its last opening one."""
    tail = text.rstrip(" *_./")
    close = max(tail.rfind(c) for c in _QUOTE_CLOSE if c != '"')
    return close != -1 and close >= max(tail.rfind(c) for c in _QUOTE_OPEN if c != '"') or tail.endswith('"')


def _orders(text: str) -> bool:
    """The paragraph tells someone to act now ("… Thủ tướng Chính phủ yêu cầu Bộ trưởng …"), not
    what was ordered before ("… đã có nhiều văn bản chỉ đạo, yêu cầu các bộ …")."""
    for m in _ORDERING.finditer(text[:1500]):
        sentence = text[max(text.rfind(". ", 0, m.start()), 0): m.start()]
        if not _PAST.search(sentence[-80:]):
            return True
    return False


# A guidance's worked example ("Ví dụ: Đồng chí Nguyễn Văn X … thì có thể …", "Ví dụ 2:" over the
# case it tells): it shows how a rule applies to one made-up case; the rule is the answer.
_EXAMPLE = re.compile(r"^\W*vi du\b")


def _examples(kids, bullets) -> list[int]:
    """The positions of examples among siblings: a paragraph opening "Ví dụ", and after a bare
    "Ví dụ (2):" label the bullets that follow it, or else the one paragraph that does."""
    found = []
    for k, child in enumerate(kids):
        folded = fold(child.text[:80])
        if child.style in (None, *bullets) and _EXAMPLE.match(folded):
            found.append(k)
            if len(folded.split()) <= 4 and k + 1 < len(kids):
                run = k + 1
                while run < len(kids) and kids[run].style in bullets:
                    found.append(run)
                    run += 1
                if run == k + 1 and kids[run].style is None:
                    found.append(run)
    return found


def mark_statements(root, bullets) -> None:
    """Paragraphs that state rather than order, wherever they stand: a news lead or a letter's
    background, a lead-in whose content is what follows, clauses on funding and on the document's
    own effect."""
    def walk(node):
        kids = node.children
        for k in _examples(kids, bullets):
            kids[k].context = True
        for k, child in enumerate(kids):
            if child.context or child.heading:
                walk(child)
                continue
            folded = fold(child.text)
            if _FOOTNOTE.match(child.text) or _RULE_LABEL.match(folded) or _CONTACT.match(folded) or \
                    _DEFINES.match(folded) or \
                    (_PLANNED.match(folded) and not ASKS.search(child.text)) or \
                    (_ACKNOWLEDGES.match(folded) and not _orders(child.text) and not ASKS.search(child.text)):
                child.context = True
            elif child.style is None and (_NARRATIVE.match(child.text) or
                                        (_LEAD_IN.search(child.text) and k + 1 < len(kids)
                                         and kids[k + 1].style is None and len(child.text.split()) <= 60)):
                child.context = True
            elif child.style is None and _SELF_ISSUE.match(child.text):
                child.context = True
            elif child.style not in bullets and _NO_TASK.search(folded):
                child.context = True
            walk(child)

    walk(root)
