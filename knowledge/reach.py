"""Where a notice applies and which of two notices is current: national notices answer for
every province, and a newer notice on the same matter goes before an older one.

Why: a question naming a province that has no notice of its own ("Nghệ An phải làm gì khi
có bão?") must not get another province's rule — but a Government, Prime Minister or
ministry directive on it applies in Nghệ An too, and refusing it would be a wrong "not
found". And when two notices answer the same question (a công điện renewed for the next
storm, a rule replaced), officials must act on the newer one, or at least know it exists.

National issuers are a data file (`knowledge/vocab/national_issuers.txt`): folded prefixes
of the issuer field of a notice with no province.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from knowledge.named import find_names
from knowledge.text import fold, terms

ISSUERS_FILE = Path(__file__).resolve().parent / "vocab" / "national_issuers.txt"
NEAR_TIE = 0.85          # a rival ranked at least this close to the best answers as well
NATIONAL_MIN = 0.8       # confidence a national item needs to answer for a place it does not name


@lru_cache(maxsize=1)
def national_issuers() -> tuple[str, ...]:
    with open(ISSUERS_FILE, encoding="utf-8") as f:
        rows = [" ".join(fold(line).split()) for line in f if line.strip() and not line.startswith("#")]
    return tuple(sorted(set(rows), key=len, reverse=True))


def is_national(record) -> bool:
    """A notice of the Government, the Prime Minister, a ministry or a central agency (and
    of no province): it applies everywhere. 'Bộ Y tế', 'Cục Thuế', 'Văn phòng Chính phủ'
    are; 'Sở Y tế', 'UBND tỉnh Đắk Lắk' are not."""
    if record is None or record.province:
        return False
    issuer = " ".join(fold(record.issuer or "").split())
    return any(issuer == p or issuer.startswith(p + " ") for p in national_issuers())


def applies_everywhere(record, score: float = 1.0) -> bool:
    """A national notice's item that names no province: it is for every province. One that
    lists provinces ("Hội nghị 1: Hà Nội, Quảng Ninh, …", "các tỉnh từ Quảng Ninh đến Nghệ
    An") is for those, and a question about another province is not answered by it. The
    question names a place the item does not, so the rest of it must match clearly: a
    national item needs NATIONAL_MIN, not the usual threshold (on the dev sets the only
    national answer to such a question, at 0.73, was a preamble that did not answer it)."""
    if not is_national(record) or score < NATIONAL_MIN:
        return False
    return not any(name.kind == "province" for _, _, name in find_names(terms(record.text)))


def newer_rival(hits, ranks, threshold: float) -> int | None:
    """The position of a hit of another, newer notice that answers as well as the best one
    (confident, and ranked within NEAR_TIE of it); None when there is none. Notices without
    a date are never called newer."""
    if not hits:
        return None
    best = hits[0].record
    if best is None or best.document_date is None:
        return None
    newest = None
    for k in range(1, min(len(hits), len(ranks))):
        r = hits[k].record
        if r is None or r.document_id == best.document_id or r.document_date is None:
            continue
        if r.document_date <= best.document_date or hits[k].score < threshold:
            continue
        if ranks[0] <= 0 or ranks[k] < NEAR_TIE * ranks[0]:
            continue
        if newest is None or r.document_date > hits[newest].record.document_date:
            newest = k
    return newest
