#!/usr/bin/env python3
"""How fast the search answers, at the seed size and on generated knowledge bases.

    python benchmarks/bench_search.py            # seed, 10,000 and 100,000 items
    python benchmarks/bench_search.py --quick    # seed and 10,000 items, fewer repeats

For every size it prints the index build time, the peak memory of the build (tracemalloc),
and the median and p99 time to answer one question in-process, for Loa's search and,
beside it, a plain BM25 over folded words on the same corpus.

The generated items are the seed items (knowledge/data/*.json) with other place names,
numbers and dates; they are built straight from dicts, so the database is not measured.
Questions: the shared dev set and our two held-out sets, each asked in turn.
"""
from __future__ import annotations

import argparse
import csv
import gc
import json
import math
import os
import random
import re
import resource
import statistics
import sys
import time
import tracemalloc
from collections import Counter, defaultdict
from datetime import date, timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from knowledge.search import ItemRecord, Searcher  # noqa: E402
from knowledge.text import fold  # noqa: E402

PROVINCES = ["Hà Giang", "Cao Bằng", "Bắc Kạn", "Tuyên Quang", "Lào Cai", "Điện Biên", "Sơn La",
             "Yên Bái", "Hòa Bình", "Thái Nguyên", "Lạng Sơn", "Bắc Giang", "Phú Thọ", "Vĩnh Phúc",
             "Bắc Ninh", "Hải Dương", "Hưng Yên", "Thái Bình", "Hà Nam", "Nam Định", "Ninh Bình",
             "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Quảng Trị", "Thừa Thiên Huế", "Quảng Nam",
             "Bình Định", "Phú Yên", "Khánh Hòa", "Ninh Thuận", "Bình Thuận", "Kon Tum", "Gia Lai",
             "Đắk Lắk", "Đắk Nông", "Lâm Đồng", "Bình Phước", "Tây Ninh", "Đồng Nai", "Long An",
             "Tiền Giang", "Bến Tre", "Trà Vinh", "Vĩnh Long", "Đồng Tháp", "An Giang", "Kiên Giang",
             "Cần Thơ", "Hậu Giang", "Sóc Trăng", "Bạc Liêu", "Cà Mau"]
PLACES = ["Mường Tè", "Phong Thổ", "Than Uyên", "Bảo Lạc", "Trùng Khánh", "Na Rì", "Chợ Đồn",
          "Lâm Bình", "Bát Xát", "Mường Nhé", "Mộc Châu", "Lục Yên", "Mai Châu", "Đại Từ",
          "Chi Lăng", "Lục Ngạn", "Thanh Sơn", "Tam Đảo", "Gia Bình", "Kinh Môn", "Văn Giang",
          "Tiền Hải", "Kim Bảng", "Hải Hậu", "Kim Sơn", "Sầm Sơn", "Quỳnh Lưu", "Kỳ Anh",
          "Hướng Hóa", "Phú Lộc", "Hội An", "Tam Kỳ", "An Nhơn", "Tuy Hòa", "Cam Ranh",
          "Phan Rang", "La Gi", "Đắk Hà", "Pleiku", "Buôn Ma Thuột", "Gia Nghĩa", "Bảo Lộc",
          "Đồng Xoài", "Trảng Bàng", "Biên Hòa", "Bến Lức", "Cai Lậy", "Mỏ Cày", "Cầu Ngang",
          "Bình Minh", "Sa Đéc", "Châu Đốc", "Phú Quốc", "Ninh Kiều", "Vị Thanh", "Vĩnh Châu",
          "Giá Rai", "Năm Căn", "Ngọc Hiển", "Cái Nước"]
SEED_PLACES = ["Quảng Ninh", "Lai Châu", "Bình Dương", "Quảng Ngãi", "Móng Cái", "Hải Hà",
               "Đầm Hà", "Tiên Yên", "Ba Chẽ", "Bình Liêu", "Tân Uyên", "Hạ Long", "Cẩm Phả",
               "Đông Triều", "Vân Đồn", "Dung Quất", "Bình Sơn", "Sìn Hồ", "Sơn Hồ"]
_PLACE_RE = re.compile("|".join(re.escape(p) for p in sorted(SEED_PLACES, key=len, reverse=True)))
_DATE_RE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_NUMBER_RE = re.compile(r"\b(?<![/-])\d{2,3}(?![/-]\d)\b")


def seed_documents() -> list[dict]:
    folder = os.path.join(ROOT, "knowledge", "data")
    return [json.load(open(os.path.join(folder, f), encoding="utf-8"))
            for f in sorted(os.listdir(folder)) if f.endswith(".json")]


def records_of(doc: dict, doc_id: int, first_item_id: int) -> list[ItemRecord]:
    d = date.fromisoformat(doc["date"]) if doc.get("date") else None
    return [ItemRecord(item_id=first_item_id + k, text=it["text"], summary_en=it.get("summary_en", ""),
                       number=it.get("number", ""), kind=it.get("kind", "point"), document_id=doc_id,
                       document_number=doc.get("number"), document_kind=doc.get("kind", ""),
                       document_title=doc.get("title", ""), document_title_en=doc.get("title_en", ""),
                       issuer=doc.get("issuer", ""), province=doc.get("province"), document_date=d)
            for k, it in enumerate(doc["items"])]


def synthesise(docs: list[dict], n_items: int, rng: random.Random) -> list[ItemRecord]:
    """Seed documents again and again, each copy moved to other places, numbers and dates."""
    out: list[ItemRecord] = []
    doc_id = 0
    while len(out) < n_items:
        seed = rng.choice(docs)
        doc_id += 1
        province = rng.choice(PROVINCES)
        places = {p: rng.choice(PLACES) for p in SEED_PLACES}
        places[seed.get("province") or "Quảng Ninh"] = province
        shift = timedelta(days=rng.randint(-400, 400))

        def vary(text: str) -> str:
            text = _PLACE_RE.sub(lambda m: places[m.group()], text)
            text = _DATE_RE.sub(lambda m: _shift(m, shift), text)
            return _NUMBER_RE.sub(lambda m: str(rng.randint(10, 999)), text)

        def vary_en(text: str) -> str:
            return _PLACE_RE.sub(lambda m: fold(places[m.group()]).title(), fold_names(text))

        doc = dict(seed, province=province, title=vary(seed["title"]),
                   title_en=vary_en(seed.get("title_en", "")), issuer=vary(seed.get("issuer", "")),
                   number=f"{rng.randint(1, 999)}-TB/TU" if seed.get("number") else None,
                   date=(date.fromisoformat(seed["date"]) + shift).isoformat() if seed.get("date") else None,
                   items=[dict(it, text=vary(it["text"]), summary_en=vary_en(it.get("summary_en", "")))
                          for it in seed["items"]])
        out.extend(records_of(doc, doc_id, len(out) + 1))
    return out[:n_items]


def fold_names(text: str) -> str:
    """English summaries spell places without accents ('Quang Ninh'); put the accents back
    so the same place table applies."""
    for p in SEED_PLACES:
        text = text.replace(fold(p).title(), p)
    return text


def _shift(m: re.Match, shift: timedelta) -> str:
    try:
        d = date(int(m.group(3)), int(m.group(2)), int(m.group(1))) + shift
    except ValueError:
        return m.group()
    return f"{d.day}/{d.month}/{d.year}"


class PlainBM25:
    """The baseline: BM25 over diacritics-folded words, dict-of-dicts postings, pure Python."""

    def __init__(self, texts: list[str], k1: float = 1.2, b: float = 0.75):
        self.postings: dict[str, dict[int, int]] = defaultdict(dict)
        self.lengths = []
        for i, text in enumerate(texts):
            words = re.findall(r"\w+", fold(text))
            self.lengths.append(len(words))
            for w, c in Counter(words).items():
                self.postings[w][i] = c
        self.n = len(texts)
        self.avgdl = sum(self.lengths) / max(1, self.n)
        self.k1, self.b = k1, b

    def ask(self, question: str, limit: int = 3) -> list[int]:
        scores: dict[int, float] = defaultdict(float)
        for w in set(re.findall(r"\w+", fold(question))):
            docs = self.postings.get(w)
            if not docs:
                continue
            idf = math.log(1 + (self.n - len(docs) + 0.5) / (len(docs) + 0.5))
            for d, tf in docs.items():
                norm = self.k1 * (1 - self.b + self.b * self.lengths[d] / self.avgdl)
                scores[d] += idf * tf * (self.k1 + 1) / (tf + norm)
        return sorted(scores, key=scores.get, reverse=True)[:limit]


def questions() -> list[str]:
    paths = [os.path.join(ROOT, "..", "shared", "eval", "questions-dev.tsv"),
             os.path.join(ROOT, "..", "shared", "eval", "out-of-scope-dev.tsv"),
             os.path.join(ROOT, "tests", "heldout_questions.tsv"),
             os.path.join(ROOT, "tests", "heldout_out_of_scope.tsv"),
             os.path.join(ROOT, "tests", "heldout2_questions.tsv"),
             os.path.join(ROOT, "tests", "heldout2_out_of_scope.tsv")]
    out = []
    for p in paths:
        if os.path.exists(p):
            with open(p, encoding="utf-8") as f:
                out += [r["question"] for r in csv.DictReader(f, delimiter="\t")]
    return out


def timed(fn, qs: list[str], repeats: int) -> tuple[float, float]:
    """Median and p99 in milliseconds of one call per question."""
    times = []
    for _ in range(repeats):
        for q in qs:
            t0 = time.perf_counter()
            fn(q)
            times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, int(len(times) * 0.99))]


def build(records: list[ItemRecord], trace: bool):
    gc.collect()
    if trace:
        tracemalloc.start()
    t0 = time.perf_counter()
    searcher = Searcher.from_records(records)
    seconds = time.perf_counter() - t0
    peak = 0
    if trace:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return searcher, seconds, peak


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="seed and 10,000 items, fewer repeats")
    args = ap.parse_args()
    rng = random.Random(20211130)
    docs = seed_documents()
    seed = [r for i, d in enumerate(docs, 1) for r in records_of(d, i, 1000 * i)]
    sizes = [("seed", seed), ("10,000", None)] + ([] if args.quick else [("100,000", None)])
    qs = questions()
    print(f"{len(qs)} questions; times per question in ms; memory = tracemalloc peak of the build")
    print(f"{'items':>9} {'build s':>8} {'build MB':>9} {'median':>7} {'p99':>7} "
          f"{'| BM25 build s':>14} {'median':>7} {'p99':>7}")
    for label, records in sizes:
        if records is None:
            records = synthesise(docs, int(label.replace(",", "")), rng)
        searcher, build_s, _ = build(records, trace=False)
        repeats = 1 if args.quick or len(records) > 20_000 else (3 if len(records) > 1000 else 20)
        med, p99 = timed(searcher.ask, qs, repeats)
        del searcher
        _, _, peak = build(records, trace=True)       # a second build, measured for memory
        t0 = time.perf_counter()
        plain = PlainBM25([r.text for r in records])
        plain_s = time.perf_counter() - t0
        bmed, bp99 = timed(plain.ask, qs, repeats)
        del plain
        print(f"{len(records):>9,} {build_s:>8.2f} {peak / 2**20:>9.0f} {med:>7.2f} {p99:>7.2f} "
              f"| {plain_s:>12.2f} {bmed:>7.2f} {bp99:>7.2f}", flush=True)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS {rss:.0f} MB (everything above, both indexes and the corpora)")


if __name__ == "__main__":
    main()
