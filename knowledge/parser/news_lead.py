"""What a news page's lead says of the document it reports, when it says the document was signed:
"Ngày 25/5/2025, thay mặt Bộ Chính trị, đồng chí Trần Cẩm Tú ký ban hành Kết luận 157 của Bộ Chính
trị …" gives the date of signing, the signer and the issuer that the page has no letterhead to give.

Why only then: a report's posting date, or the date of the meeting it reports, is no date of issue;
a lead that names who signed which document, of the number the page names ("Kết luận 157" for
157-KL/TW), is as good as the document's own date line.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from knowledge.date_resolve import DateOutOfRange, sane_date

_KINDS = r"Kết luận|Chỉ thị|Công điện|Quyết định|Nghị quyết|Thông báo|Công văn|Kế hoạch|Nghị định|Thông tư"
_LEAD = re.compile(r"^(?:Ngày\s+)?(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\s*,\s*(?P<rest>.{0,400})")
_SIGNED = re.compile(
    rf"\s(?:đã\s+)?ký\s+(?:ban hành\s+)?(?P<kind>{_KINDS})\s+(?:số\s+)?(?P<number>\d{{1,5}})\b(?:[-/][\w/-]+)?"
    r"(?:\s+của\s+(?P<of>[^,.;:]{2,60}?)(?=\s+(?:về|ngày|năm)\b|[,.;:]|$))?")
_ON_BEHALF = re.compile(r"\bthay mặt\s+(?P<body>[^,.;:]{2,60}?)\s*,")
_ISSUERS = ("Bộ ", "Ban ", "Ủy ban", "Uỷ ban", "Văn phòng", "Thủ tướng", "Chính phủ", "Tỉnh ủy", "Thành ủy",
            "Hội đồng", "Quốc hội", "UBND", "Sở ", "Cục ", "Tổng cục", "Ngân hàng")


@dataclass(frozen=True)
class Signed:
    day: date
    signer: str
    issuer: str | None
    kind: str
    number: str


def signed_in_lead(first_paragraph: str) -> Signed | None:
    """The date, signer, issuer, kind and number a page's first sentence gives its document, or None."""
    lead = _LEAD.match(" ".join(first_paragraph.replace("*", " ").split()))
    if not lead:
        return None
    signed = _SIGNED.search(lead.group("rest"))
    if not signed:
        return None
    try:
        day = sane_date(int(lead.group("y")), int(lead.group("m")), int(lead.group("d")))
    except DateOutOfRange:
        return None
    if day is None:
        return None
    before = lead.group("rest")[:signed.start()].split()
    name = []
    for word in reversed(before[-4:]):              # the name just before "ký": words in capitals
        if not word[:1].isupper() or word.endswith(","):
            break
        name.insert(0, word)
    if len(name) < 2:
        return None
    behalf = _ON_BEHALF.search(lead.group("rest")[:signed.start()])
    issuer = behalf.group("body") if behalf else signed.group("of")
    if issuer and not issuer.startswith(_ISSUERS):
        issuer = None
    return Signed(day, " ".join(name), issuer, signed.group("kind"), signed.group("number"))
