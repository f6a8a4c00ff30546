"""The units (audiences) that directives address and that groups subscribe to.

One fixed list, so that the parser, the bundled data, subscriptions and reminders all
speak of the same units. `keywords` are the phrases (accented, as written in notices) that
name a unit in a directive; the parser matches them case- and diacritics-insensitively.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

ALL = "all"  # a subscription to every unit


@dataclass(frozen=True)
class UnitInfo:
    code: str
    name_vi: str
    name_en: str
    keywords: tuple[str, ...]


UNITS: tuple[UnitInfo, ...] = (
    UnitInfo("health", "Ngành y tế, trạm y tế", "Health sector and health stations",
             ("Sở Y tế", "ngành y tế", "ngành Y tế", "trạm y tế", "y tế cơ sở", "bệnh viện",
              "CDC", "Trung tâm kiểm soát bệnh tật", "lực lượng y tế", "cơ sở thu dung")),
    UnitInfo("enterprises", "Doanh nghiệp, khu công nghiệp", "Enterprises and industrial zones",
             ("doanh nghiệp", "nhà máy", "xí nghiệp", "khu công nghiệp", "Khu kinh tế",
              "đơn vị sản xuất kinh doanh", "người lao động", "công nhân", "Ban Quản lý các Khu công nghiệp",
              "Sở Công thương", "khách sạn", "cơ sở lưu trú")),
    UnitInfo("schools", "Trường học, ngành giáo dục", "Schools and education",
             ("trường học", "học sinh", "giáo dục", "Phòng giáo dục", "học trực tuyến")),
    UnitInfo("community", "Tổ Covid cộng đồng", "Community Covid teams",
             ("Tổ Covid cộng đồng", "tổ giám sát Covid-19 cộng đồng", "tổ chống dịch ở cộng đồng",
              "tổ dân", "thôn, bản, khu phố", "khu phố, ấp")),
    UnitInfo("government", "Chính quyền địa phương (UBND các cấp)", "Local government (people's committees)",
             ("UBND", "Ủy ban nhân dân", "chính quyền", "Chủ tịch UBND", "cấp huyện", "cấp xã",
              "các địa phương", "địa phương")),
    UnitInfo("police", "Công an, chốt kiểm soát", "Police and checkpoints",
             ("Công an", "chốt kiểm soát", "chốt kiểm dịch", "lực lượng chức năng", "tuần tra")),
    UnitInfo("military", "Quân đội, quân sự", "Military",
             ("Quân khu", "Bộ Quốc phòng", "quân sự", "bộ đội", "Bộ Tư lệnh")),
    UnitInfo("party", "Cấp ủy, tổ chức đảng", "Party committees",
             ("cấp ủy", "tổ chức đảng", "Bí thư", "đảng viên", "Ban Thường vụ", "Tỉnh ủy",
              "Thị ủy", "Thành ủy", "huyện ủy", "Ban cán sự đảng", "Đảng đoàn")),
    UnitInfo("front", "Mặt trận Tổ quốc, đoàn thể", "Fatherland Front and mass organisations",
             ("Mặt trận Tổ quốc", "tổ chức chính trị - xã hội", "Ban Dân vận", "đoàn thể")),
    UnitInfo("media", "Báo chí, tuyên truyền", "Press and information",
             ("Ban Tuyên giáo", "báo, đài", "cơ quan báo", "thông tin, tuyên truyền",
              "tuyên truyền", "phương tiện thông tin")),
    UnitInfo("social", "Lao động, an sinh xã hội", "Labour and social welfare",
             ("an sinh xã hội", "Lao động Thương binh", "hỗ trợ người", "người nghèo",
              "nhu yếu phẩm", "hàng hóa")),
    UnitInfo("finance", "Tài chính, ngân sách", "Finance and budget",
             ("kinh phí", "ngân sách", "dự toán", "HĐND")),
)

BY_CODE: dict[str, UnitInfo] = {u.code: u for u in UNITS}
CODES: tuple[str, ...] = tuple(u.code for u in UNITS)


def unit_name(code: str, lang: str = "vi") -> str:
    if code == ALL:
        return "Tất cả đơn vị" if lang == "vi" else "All units"
    u = BY_CODE.get(code)
    if u is None:
        return code
    return u.name_vi if lang == "vi" else u.name_en


# Everyday names people type for units, beside the codes, names and keywords above.
EVERYDAY_NAMES = {"truong": "schools", "school": "schools", "y te": "health", "hospital": "health",
                  "police": "police", "cong an": "police", "doanh nghiep": "enterprises",
                  "enterprise": "enterprises", "business": "enterprises", "quan doi": "military",
                  "army": "military", "to covid": "community", "community": "community",
                  "chinh quyen": "government", "government": "government", "media": "media",
                  "bao chi": "media", "finance": "finance", "tai chinh": "finance", "social": "social"}


def folded_words(text: str) -> str:
    """Lower-case words without diacritics, single-spaced: the form phrases are matched in."""
    from knowledge.text import fold
    return " ".join(re.findall(r"[a-z0-9]+", fold(text)))


def _phrases() -> list[tuple[str, str]]:
    out = set(EVERYDAY_NAMES.items())
    for u in UNITS:
        for phrase in (u.code, u.name_en, *u.name_vi.split(","), *u.keywords):
            if folded_words(phrase):
                out.add((folded_words(phrase), u.code))
    return sorted(out, key=lambda p: (-len(p[0]), p))


UNIT_PHRASES: list[tuple[str, str]] = _phrases()   # (folded phrase, code), longest first
_BY_PHRASE = dict(reversed(UNIT_PHRASES))


def find_unit(text: str) -> str | None:
    """The unit a typed name stands for ("y tế", "Trường học", "schools"), or None."""
    words = folded_words(text)
    if words in (ALL, "tat ca"):
        return ALL
    return _BY_PHRASE.get(words)


def parse_unit_list(text: str | None) -> list[str]:
    """`/subscribe health schools` or `/subscribe y tế, trường học` -> unit codes; a piece
    that names no unit is kept as typed, for the caller to report."""
    out: list[str] = []
    for piece in re.split(r"[,;]", text or ""):
        words = piece.split()
        if not words:
            continue
        if all(w.lower() in CODES or w.lower() == ALL for w in words):
            out += [w.lower() for w in words]
        else:
            out.append(find_unit(piece) or piece.strip())
    return out
