#!/usr/bin/env python3
"""How fast the search answers and takes in a notice, beside bm25s, in one process.

    python benchmarks/bench_search.py            # seed, 10,000 and 100,000 items
    python benchmarks/bench_search.py --quick    # seed and 2,000 items, one pass of questions
    python benchmarks/bench_search.py --sizes 10000,30000

For every size: build time, and median / p99 time to answer one question, for Loa's search
and for bm25s (BM25 over the same diacritics-folded words, tokenising included on both
sides), and their ratios. At the largest size, one notice is imported while another thread
keeps asking: the time until answers include it (`Searcher.apply`, first swap), until its
weights are those of a rebuild (second swap), and the slowest answer meanwhile.

The generated items are the seed items (knowledge/data/*.json) with other place names,
numbers and dates; they are built straight from dicts, so the database is not measured.
Questions: the shared dev set and our two held-out sets, each asked in turn.
"""
from __future__ import annotations

import argparse
import csv
import gc
import json
import os
import random
import re
import resource
import statistics
import sys
import threading
import time
from datetime import date, timedelta

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from knowledge.folding import carry_readings  # noqa: E402
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


_WORD = re.compile(r"\w+")


class Bm25s:
    """The reference: bm25s (sparse BM25 in numpy) over diacritics-folded words."""

    def __init__(self, texts: list[str]):
        import bm25s

        self.retriever = bm25s.BM25(k1=1.2, b=0.75)
        self.retriever.index([_WORD.findall(fold(t)) for t in texts], show_progress=False)
        self.vocab = self.retriever.vocab_dict

    def ask(self, question: str, limit: int = 3):
        words = [w for w in _WORD.findall(fold(question)) if w in self.vocab]
        if not words:
            return []
        docs, _ = self.retriever.retrieve([words], k=limit, show_progress=False, n_threads=1)
        return docs[0]


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


def timed(fns, qs: list[str], repeats: int) -> list[tuple[float, float]]:
    """Median and p99 in milliseconds of one call per question, for each function; the
    functions take turns on every question, so that the load of the machine (other work on
    the same cores) weighs on them alike and their ratio holds."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeats):
        for q in qs:
            for fn, spent in zip(fns, times):
                t0 = time.perf_counter()
                fn(q)
                spent.append((time.perf_counter() - t0) * 1000)
    out = []
    for spent in times:
        spent.sort()
        out.append((statistics.median(spent), spent[min(len(spent) - 1, int(len(spent) * 0.99))]))
    return out


def build(make, records):
    gc.collect()
    t0 = time.perf_counter()
    made = make(records)
    return made, time.perf_counter() - t0


def one_import(searcher: Searcher, docs: list[dict], rng: random.Random, qs: list[str]) -> str:
    """A notice taken in while another thread asks questions without a pause."""
    last = max(r.document_id for r in searcher._index.records)
    top = max(r.item_id for r in searcher._index.records)
    notice = [r for r in synthesise(docs, 30, rng) if r.document_id == 1]
    for k, r in enumerate(notice):
        r.document_id, r.item_id = last + 1, top + 1 + k
    times: list[tuple[float, float]] = []           # (when it ended, how long it took)
    stop = threading.Event()

    def ask() -> None:
        while not stop.is_set():
            for q in qs:
                t0 = time.perf_counter()
                searcher.ask(q)
                times.append((time.perf_counter(), time.perf_counter() - t0))
                if stop.is_set():
                    break

    asker = threading.Thread(target=ask)
    asker.start()
    time.sleep(1.0)
    t0 = time.perf_counter()                        # the steps of Searcher.apply, timed apart
    before = searcher._index
    index = before.changed(set(), notice, exact=False)
    carry_readings(before, index, (), notice)
    searcher._index = index
    t1 = time.perf_counter()
    exact = index.reweighed()
    carry_readings(index, exact, (), ())
    searcher._index = exact
    t2 = time.perf_counter()
    time.sleep(0.5)
    stop.set()
    asker.join()
    during = [d for end, d in times if t0 <= end <= t2 + 0.05]
    before = sorted(d for end, d in times if end < t0)
    assert len(searcher) == len(index), "the notice was not taken in"
    worst = max(during, default=0) * 1000
    return (f"one import of {len(notice)} items: answers updated in {t1 - t0:.2f} s, exact weights "
            f"{t2 - t0:.2f} s; slowest answer meanwhile {worst:.0f} ms over {len(during)} answers "
            f"(before: p99 {before[int(len(before) * 0.99)] * 1000 if before else 0:.1f} ms)")


def stored_start(searcher: Searcher, qs: list[str]) -> str:
    """A start from the index an earlier run stored (knowledge/index_store.py): read back and
    first answer, beside the build it saves."""
    import tempfile

    from knowledge import index_store

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "loa.db.index")
        t0 = time.perf_counter()
        index_store.save(path, searcher._index, {})
        saved = time.perf_counter() - t0
        size = os.path.getsize(path)
        gc.collect()
        t0 = time.perf_counter()
        index, _ = index_store.load(path)
        loaded = time.perf_counter() - t0
    started = Searcher.from_records([])
    started._index = index
    t0 = time.perf_counter()
    started.ask(qs[0])
    first = time.perf_counter() - t0
    return (f"start from the stored index: read in {loaded:.2f} s ({size / 2**20:.0f} MB, written in "
            f"{saved:.2f} s), first answer {first * 1000:.0f} ms later")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    ap.add_argument("--quick", action="store_true", help="seed and 2,000 items, one pass of questions")
    ap.add_argument("--sizes", help="comma-separated item counts instead of 10,000 and 100,000")
    args = ap.parse_args()
    rng = random.Random(20211130)
    docs = seed_documents()
    seed = [r for i, d in enumerate(docs, 1) for r in records_of(d, i, 1000 * i)]
    sizes = [int(n) for n in args.sizes.split(",")] if args.sizes else ([2000] if args.quick else [10_000, 100_000])
    qs = questions()
    print(f"{len(qs)} questions; times per question in ms; ratio = Loa / bm25s")
    print(f"{'items':>9} {'build s':>8} {'median':>7} {'p99':>7} | {'bm25s build':>11} {'median':>7} {'p99':>7} "
          f"| {'ratios: build':>13} {'median':>6} {'p99':>6}")
    searcher = None
    for records in [seed] + [None] * len(sizes):
        if records is None:
            records = synthesise(docs, sizes.pop(0), rng)
        del searcher
        searcher, build_s = build(Searcher.from_records, records)
        ref, ref_s = build(lambda rs: Bm25s([r.text for r in rs]), records)
        repeats = 1 if args.quick or len(records) > 20_000 else (3 if len(records) > 1000 else 20)
        for q in qs[:10]:                              # first calls load models and caches
            searcher.ask(q), ref.ask(q)
        (med, p99), (rmed, rp99) = timed([searcher.ask, ref.ask], qs, repeats)
        del ref
        print(f"{len(records):>9,} {build_s:>8.2f} {med:>7.2f} {p99:>7.2f} | {ref_s:>11.2f} {rmed:>7.2f} "
              f"{rp99:>7.2f} | {build_s / ref_s:>13.1f} {med / rmed:>6.1f} {p99 / rp99:>6.1f}", flush=True)
    print(f"at {len(searcher):,} items, {one_import(searcher, docs, rng, qs)}")
    print(f"at {len(searcher):,} items, {stored_start(searcher, qs)}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process peak RSS {rss:.0f} MB (everything above, both indexes and the corpora)")


if __name__ == "__main__":
    main()
