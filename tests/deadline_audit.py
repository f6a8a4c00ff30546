"""Precision audit of the deadline parser on broad text (issue 8).

`tests/data/deadline_audit.tsv` holds a seeded random sample of the deadlines the parser found
in documents of `../shared/real-notices/` that no annotation batch uses: the ids not in
/work/notes/used_docs.txt, and the used ids that only the question and search sets of `tests/`
name (`tests/*.txt`, `tests/*.py`); ids of `tests/data/real_annotations*` and used ids this
worktree cannot place (held-out sets) are left out. Each row is labelled by hand: is it a real deadline
of this document with the right date (`yes`/`no`) and why. At most 6 rows come from one document. Half the rows
are `dev`, half `hold` (kept aside while the parser is changed).

    python3 -m tests.deadline_audit [--split dev|hold|all]     # re-parse and score the sample
    python3 -m tests.deadline_audit --draw N --seed S          # draw a new sample (unlabelled)
    python3 -m tests.deadline_audit --draw N --seed S --pool annotated --docs 40 --first-id K

The second pool (rows 68 on, drawn when the unannotated documents were used up) is the development part of the
annotation batches (`tests/data/real_annotations*/*.json`, never a `holdout/` folder nor `tests/heldout/`) without
the notices of /work/notes/forbidden.txt: `--docs` documents drawn at random among those the parser finds a
deadline in, then every deadline of each (at most PER_FILE), labelled by hand like the first sample. A parser
change can be tuned on these documents' annotations already, so the audit's worth here is the by-hand judgement
of every deadline produced, including those no annotation names.

Scoring re-parses each sampled document: a sampled deadline is still produced when the parse
has a deadline with the same date whose phrase contains, or is contained in, the sampled phrase
(folded). It reports the share of the `yes` rows still produced (kept good deadlines), how many
`no` rows are still produced (false deadlines left), and the precision of what is left
(yes kept / (yes kept + no kept)).
"""
from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
from pathlib import Path

from tests.parser_eval import NOTICES_DIR, ROOT, fold_key, parse

AUDIT = ROOT / "tests" / "data" / "deadline_audit.tsv"
USED = Path("/work/notes/used_docs.txt")
PER_FILE = 6
COLUMNS = ["id", "split", "file", "date", "phrase", "context", "label", "why"]


def deadlines_of(parsed: dict) -> list[dict]:
    found = []
    for item in parsed.get("items") or []:
        for d in item.get("deadlines") or []:
            found.append({**d, "text": item.get("text") or ""})
    return found


def context_of(d: dict, width: int = 160) -> str:
    text, phrase = " ".join(d["text"].split()), d.get("phrase") or ""
    at = text.find(phrase)
    if at == -1:
        return text[: 2 * width]
    return text[max(0, at - width): at + len(phrase) + width // 2]


ID = re.compile(r"\b[a-z]{2,4}-[0-9a-f]{16}\b")


def candidates() -> list[Path]:
    """Documents no annotation batch uses (see the module's docstring)."""
    used = set(USED.read_text(encoding="utf-8").split()) if USED.exists() else set()
    annotated = {i for p in (ROOT / "tests" / "data").glob("real_annotations*/**/*") if p.is_file()
                 for i in ID.findall(p.read_text(encoding="utf-8", errors="ignore"))}
    named = {i for pattern in ("*.txt", "*.py") for p in (ROOT / "tests").glob(pattern)
             for i in ID.findall(p.read_text(encoding="utf-8", errors="ignore"))}
    return [p for p in sorted(NOTICES_DIR.glob("*.md"))
            if ID.fullmatch(p.stem) and p.stem not in annotated and (p.stem not in used or p.stem in named)]


FORBIDDEN = Path("/work/notes/forbidden.txt")


def annotated_dev() -> list[Path]:
    """The development documents of the annotation batches (no held-out part, no forbidden notice)."""
    forbidden = set(ID.findall(FORBIDDEN.read_text(encoding="utf-8"))) if FORBIDDEN.exists() else set()
    files = {json.loads(p.read_text(encoding="utf-8"))["file"]
             for p in (ROOT / "tests" / "data").glob("real_annotations*/*.json")}
    return [NOTICES_DIR / f for f in sorted(files) if Path(f).stem not in forbidden and (NOTICES_DIR / f).exists()]


def draw_documents(n_docs: int, seed: int, first_id: int) -> list[dict]:
    """Every deadline (at most PER_FILE) of `n_docs` documents of `annotated_dev()` that have one."""
    paths = annotated_dev()
    random.Random(seed).shuffle(paths)
    rows = []
    for path in paths:
        if len({r["file"] for r in rows}) >= n_docs:
            break
        parsed, error = parse(path)
        if parsed is None:
            continue
        for d in deadlines_of(parsed)[:PER_FILE]:
            rows.append({"file": path.name, "date": d.get("date") or "", "phrase": d.get("phrase") or "",
                         "context": context_of(d).replace("\t", " ")})
    files = sorted({r["file"] for r in rows})
    for k, row in enumerate(rows):   # a document's rows stay in one split
        row.update(id=str(first_id + k), split="dev" if files.index(row["file"]) % 2 == 0 else "hold",
                   label="", why="")
    return rows


def draw(n: int, seed: int) -> list[dict]:
    pool = []
    for path in candidates():
        parsed, error = parse(path)
        if parsed is None:
            continue
        for d in deadlines_of(parsed):
            pool.append({"file": path.name, "date": d.get("date") or "", "phrase": d.get("phrase") or "",
                         "context": context_of(d).replace("\t", " ")})
    random.Random(seed).shuffle(pool)
    rows, per_file = [], {}
    for row in pool:                      # at most PER_FILE rows of one document: broad text, not one long plan
        if len(rows) < n and per_file.get(row["file"], 0) < PER_FILE:
            rows.append(row)
            per_file[row["file"]] = per_file.get(row["file"], 0) + 1
    for k, row in enumerate(rows):
        row.update(id=str(k + 1), split="dev" if k % 2 == 0 else "hold", label="", why="")
    return rows


def load(split: str = "all") -> list[dict]:
    with AUDIT.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return [r for r in rows if split == "all" or r["split"] == split]


def still_produced(row: dict, parsed: dict | None) -> bool:
    if parsed is None:
        return False
    key = fold_key(row["phrase"])
    for d in deadlines_of(parsed):
        other = fold_key(d.get("phrase"))
        if d.get("date") == row["date"] and other and (key in other or other in key):
            return True
    return False


def score(rows: list[dict]) -> dict:
    cache: dict[str, dict | None] = {}
    kept = {"yes": 0, "no": 0}
    total = {"yes": 0, "no": 0}
    lost, left = [], []
    for row in rows:
        if row["label"] not in total:
            continue
        if row["file"] not in cache:
            cache[row["file"]] = parse(NOTICES_DIR / row["file"])[0]
        here = still_produced(row, cache[row["file"]])
        total[row["label"]] += 1
        kept[row["label"]] += here
        if row["label"] == "yes" and not here:
            lost.append(row)
        if row["label"] == "no" and here:
            left.append(row)
    good = kept["yes"] + kept["no"]
    return {"yes": total["yes"], "yes_kept": kept["yes"], "no": total["no"], "no_kept": kept["no"],
            "precision": kept["yes"] / good if good else 1.0, "lost": lost, "left": left}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["dev", "hold", "all"], default="all")
    ap.add_argument("--draw", type=int, help="draw a new unlabelled sample of this size to stdout")
    ap.add_argument("--seed", type=int, default=20261124)
    ap.add_argument("--pool", choices=["unannotated", "annotated"], default="unannotated")
    ap.add_argument("--docs", type=int, default=40, help="documents drawn from the annotated pool")
    ap.add_argument("--first-id", type=int, default=1)
    ap.add_argument("--show", action="store_true", help="list good deadlines lost and false ones left")
    args = ap.parse_args(argv)
    if not NOTICES_DIR.is_dir():
        print(f"no folder {NOTICES_DIR}", file=sys.stderr)
        return 2
    if args.draw:
        writer = csv.DictWriter(sys.stdout, COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(draw(args.draw, args.seed) if args.pool == "unannotated"
                         else draw_documents(args.docs, args.seed, args.first_id))
        return 0
    s = score(load(args.split))
    print(f"audit ({args.split}): good deadlines still found {s['yes_kept']}/{s['yes']}, "
          f"false deadlines still produced {s['no_kept']}/{s['no']}, "
          f"precision of the sample left {100 * s['precision']:.1f}%")
    if args.show:
        for row in s["lost"]:
            print(f"  lost  #{row['id']} {row['file']} {row['date']} {row['phrase']!r}")
        for row in s["left"]:
            print(f"  left  #{row['id']} {row['file']} {row['date']} {row['phrase']!r}  ({row['why']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
