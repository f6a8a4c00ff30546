"""The units (audiences) that directives address and that groups subscribe to.

Two tables, both data files in knowledge/data/vocab/:
- `sectors.tsv`: the sectors groups subscribe to (health, schools, police, …). The parser,
  the bundled data, subscriptions and reminders all speak of these codes; they never change
  meaning, because groups are subscribed to them.
- `units.tsv`: the catalogue of bodies a directive can address (Bộ Y tế, Sở Y tế, trạm y tế,
  UBND cấp xã, Tỉnh ủy, Quân khu, …), each with its sector and administrative level
  (central, province, district, commune; empty when the notice's words say it: "UBND các
  xã" is commune). The parser reads who must act from it (knowledge/parser/actors.py), so a
  later targeting by level can tell a task for "Sở Y tế" from one for commune health stations.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

VOCAB = Path(__file__).resolve().parent / "data" / "vocab"
ALL = "all"  # a subscription to every unit
LEVELS = ("central", "province", "district", "commune")


@dataclass(frozen=True)
class UnitInfo:
    code: str
    name_vi: str
    name_en: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Body:
    """A body or group of bodies that directives address, as the catalogue names it."""
    name: str                     # as shown: "Sở Y tế"
    spellings: tuple[str, ...]    # every way notices write it, `name` first
    unit: str                     # its sector code
    level: str                    # central | province | district | commune | "" (from context)


def _rows(name: str) -> list[dict[str, str]]:
    with open(VOCAB / name, encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


UNITS: tuple[UnitInfo, ...] = tuple(
    UnitInfo(r["code"], r["name_vi"], r["name_en"], tuple(k.strip() for k in r["keywords"].split(";") if k.strip()))
    for r in _rows("sectors.tsv"))
BY_CODE: dict[str, UnitInfo] = {u.code: u for u in UNITS}
CODES: tuple[str, ...] = tuple(u.code for u in UNITS)

CATALOGUE: tuple[Body, ...] = tuple(
    Body(names[0], tuple(names), r["unit"], r["level"])
    for r in _rows("units.tsv")
    for names in [[n.strip() for n in r["names"].split(";") if n.strip()]])


def _check_catalogue() -> None:
    for body in CATALOGUE:
        if body.unit not in BY_CODE or body.level not in ("", *LEVELS):
            raise ValueError(f"units.tsv: {body.name}: unknown unit {body.unit!r} or level {body.level!r}")


_check_catalogue()


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
                  "bao chi": "media", "finance": "finance", "tai chinh": "finance", "social": "social",
                  "xay dung": "construction", "giao thong": "construction", "nong nghiep": "agriculture",
                  "thien tai": "agriculture", "cong thuong": "industry", "khoa hoc": "science",
                  "noi vu": "home_affairs", "van hoa": "culture", "tu phap": "justice"}


def folded_words(text: str) -> str:
    """Lower-case words without diacritics, single-spaced: the form phrases are matched in."""
    from knowledge.text import fold
    return " ".join(re.findall(r"[a-z0-9]+", fold(text)))


def _phrases() -> list[tuple[str, str]]:
    out = set(EVERYDAY_NAMES.items())
    for u in UNITS:
        for phrase in (u.code, u.code.replace("_", " "), u.name_en, *u.name_vi.split(","), *u.keywords):
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
