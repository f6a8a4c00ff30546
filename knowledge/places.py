"""Administrative levels and places, as people type them and notices write them.

Why: a task for "Sở Y tế" is for the provincial department, one for "Trạm Y tế các xã thuộc
huyện Hải Hà" for the commune health stations of one district. Groups subscribe with a level
and a place ("/subscribe y tế xã, Hải Hà"), and targeting compares them with what a notice
says (knowledge/targeting.py).

Two data files in knowledge/data/vocab/:
- `levels.tsv`: the words for each level ("xã", "cấp huyện", "province"), and whether the word
  stands before a place's name in a notice ("huyện Hải Hà");
- `places.tsv`: districts and communes, a commune with the district it lies in. A place not
  listed still works by its name: matching ignores case and accents, and only the hierarchy
  (a commune inside a district) needs the file.
"""
from __future__ import annotations

import csv
import re
from functools import lru_cache

from knowledge.text import fold
from knowledge.units import VOCAB, LEVELS


def key(name: str) -> str:
    """The form places are compared in: 'Hải  Hà' -> 'hai ha'."""
    return " ".join(re.findall(r"[a-z0-9]+", fold(name or "")))


def _rows(name: str) -> list[dict[str, str]]:
    with open(VOCAB / name, encoding="utf-8", newline="") as f:
        lines = [line for line in f if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@lru_cache(maxsize=1)
def _levels() -> tuple[dict[str, str], frozenset[str]]:
    """(folded word -> level, the folded words that stand before a place name)."""
    words: dict[str, str] = {}
    before_place: set[str] = set()
    for row in _rows("levels.tsv"):
        if row["level"] not in LEVELS:
            raise ValueError(f"levels.tsv: unknown level {row['level']!r}")
        for word in row["words"].split(";"):
            if key(word):
                words.setdefault(key(word), row["level"])
                if row["place"].strip() == "yes":
                    before_place.add(key(word))
    return words, frozenset(before_place)


@lru_cache(maxsize=1)
def _places() -> tuple[dict[str, str], dict[str, set[str]]]:
    """(folded name -> name as written, folded name -> folded districts it lies in)."""
    names: dict[str, str] = {}
    parents: dict[str, set[str]] = {}
    for row in _rows("places.tsv"):
        k = key(row["name"])
        names.setdefault(k, row["name"].strip())
        if row["parent"].strip():
            parents.setdefault(k, set()).add(key(row["parent"]))
            names.setdefault(key(row["parent"]), row["parent"].strip())
    return names, parents


@lru_cache(maxsize=1)
def _not_places() -> frozenset[str]:
    """Provinces (the bot serves one) and the country are no place to target within it."""
    with open(VOCAB / "provinces.txt", encoding="utf-8") as f:
        provinces = {key(line) for line in f if line.strip() and not line.startswith("#")}
    provinces |= {p.removeprefix("thanh pho ").removeprefix("tp ") for p in provinces}
    return frozenset(provinces | {"viet nam", "trung uong"})


def level_of(word: str) -> str | None:
    """'xã' -> 'commune', 'cấp huyện' -> 'district', 'province' -> 'province'; None otherwise."""
    return _levels()[0].get(key(word))


def level_words() -> list[str]:
    """Folded level words, longest first (to strip them off a typed phrase)."""
    return sorted(_levels()[0], key=lambda w: (-len(w.split()), w))


def before_place(folded_word: str) -> bool:
    return folded_word in _levels()[1]


def display(place: str) -> str:
    """A place as the data file writes it (with accents), else as it was typed."""
    return _places()[0].get(key(place), " ".join(place.split()))


def known(place: str) -> bool:
    return key(place) in _places()[0]


def is_place(name: str) -> bool:
    """False for a province or the country, which are no place inside the province."""
    return bool(key(name)) and key(name) not in _not_places()


def related(a: str, b: str) -> bool:
    """Two places that concern each other: the same one, or a commune and its district
    (a group of Quảng Minh commune is among "các xã thuộc huyện Hải Hà", and a task for
    Quảng Minh concerns a group of all Hải Hà's communes)."""
    ka, kb = key(a), key(b)
    if not ka or not kb:
        return True
    parents = _places()[1]
    return ka == kb or kb in parents.get(ka, ()) or ka in parents.get(kb, ())


def district_of(place: str) -> str:
    """The district a place lies in, as written (a district is its own); '' when unknown:
    the key of the per-district lines of a push's report."""
    k = key(place)
    if not k:
        return ""
    names, parents = _places()
    ups = sorted(parents.get(k, ()))
    if len(ups) == 1 and k not in _district_keys():
        return names.get(ups[0], ups[0])
    return display(place)


@lru_cache(maxsize=1)
def _district_keys() -> frozenset[str]:
    return frozenset(key(r["name"]) for r in _rows("places.tsv") if r["kind"] == "district")
