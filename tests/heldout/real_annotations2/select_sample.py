"""Draw the second held-out sample of ../shared/real-notices/ (run once; output in README.md).

Only genuine directive documents this time. Each stratum (by file prefix) is shuffled with
a fixed seed, then walked in that order; every file met was screened by hand (SCREENED
below, written while walking) and is taken when it is a genuine directive document of the
stratum's own kind. Files with at least one dated deadline are taken first (a first walk),
the others only if the stratum is still short (a second walk). A stratum whose pool runs
dry gives its missing places to công điện, thông báo and kế hoạch, in that order (the kinds
of the documents issue 8 is judged on). Among công điện, one place goes to the first
genuine one not issued by the Prime Minister, when there is one. Files other engineers tune on
(USED_FOR_TUNING) are passed over.

    python3 tests/heldout/real_annotations2/select_sample.py [../shared/real-notices]
"""
from __future__ import annotations

import csv
import random
import sys
from pathlib import Path

SEED = 20260115
MAX_CHARS = 30_000
# The 40 files annotated before this batch (tests/data/real_annotations/ and
# tests/heldout/real_annotations/), fixed here so that later annotations do not change this draw.
ANNOTATED_BEFORE = frozenset({
    "cd-1095764e502a89b8", "cd-15e6fb3d3f3b2644", "cd-1a756513d5c4ba8e", "cd-3143124c69d932d4",
    "cd-88ca42f09ae443f2", "cd-9a7cd3021d92f9d8", "cd-a8e9e9675ab618ee", "cd-fa0dcc139cec05de",
    "ct-0a97eb9c3c536047", "ct-2847e16133f7b987", "ct-601de3cceec2cce6", "ct-7035bdfcd154c9b9",
    "ct-adbe7338ade1fadc", "ct-cb6eb2174499b5d1", "cv-03890575449f6e05", "cv-2b0440e108a56266",
    "cv-66c4469d61836680", "cv-7426cdfcd21658c6", "cv-7f6efa59099bb33b", "cv-a12a41bbbe518be8",
    "kh-5699e1c2f3894f8b", "kh-6a406c1f9dfed9c3", "kh-6ca9a7b7aebc32f6", "kh-bc8c0339fadb8060",
    "kh-d3abe8b4b4980057", "kh-f550b2a83e5538be", "kl-4a52240d534a3c0c", "kl-6b621802e96b6a25",
    "kl-6e4d7759e03163f7", "kl-c21021e461165bdc", "kl-dbef4f71895a7841", "kl-e0d71a8fa436fc11",
    "tb-5810b26b5cf62685", "tb-73dc5430eeeecb70", "tb-83af743ec9326bb5", "tb-9a53c71ee9f5781f",
    "tb-bef3289bd8d67b60", "tb-f97f681ae446e461", "tb-feb6a003642e1788", "tbkl-b3f47f1508761da8",
})
# Files other engineers tune on (tests/real_docs_dev.txt of main, the search branch's
# tests/search_real_docs.txt): the question sets were written from them, so they are not held out.
USED_FOR_TUNING = frozenset({
    "cd-09a4cb5db7541c51", "cd-3143124c69d932d4", "cd-61d95f1ac851f897", "cd-839bd096abe175cd",
    "cd-88ca42f09ae443f2", "cd-8dd36b1933f0ccd9", "cd-9a7cd3021d92f9d8", "cd-e01d3782fbed0967",
    "ct-2847e16133f7b987", "cv-12e9f745511e179a", "cv-1e83eb24ef13863e", "cv-2b0440e108a56266",
    "kh-62f25a030c183151", "kh-85ff77cbda28ffbb", "tb-77de0148105d5008", "tb-98be6e047028fade",
    "tb-9d9fa17e3c5892bb", "tb-b9fa8ec13e4f5400",
})
# stratum -> (file prefixes, places)
STRATA = {
    "công điện": (("cd",), 4),
    "chỉ thị": (("ct",), 4),
    "thông báo / thông báo kết luận": (("tb", "tbkl"), 4),
    "kết luận": (("kl",), 3),
    "kế hoạch": (("kh",), 3),
    "công văn": (("cv",), 2),
}
SHORTFALL_GOES_TO = ["công điện", "thông báo / thông báo kết luận", "kế hoạch"]

# Hand screening, in the order the walk met the files. A genuine directive document has its
# own letterhead, or at least states its own number, issuer and date of issue, and gives the
# directive text of the document (at least two of its directive points, not one excerpt).
#   ("ok", dated, note)       genuine; dated = has at least one dated deadline
#   ("no", reason)            not a genuine directive document
#   ("kind", kind)            a genuine document of another stratum's kind (left out here)
#   ("same", reason)          the same document as one already annotated or already taken
SCREENED = {
    # công điện
    "cd-839bd096abe175cd.md": ("ok", False, "TTg 27/CĐ-TTg (Q&A page quoting the body)"),
    "cd-f7744ac16b4d7482.md": ("ok", True, "TTg 136/CĐ-TTg (Q&A page quoting two sections)"),
    "cd-61d95f1ac851f897.md": ("ok", False, "ministry 1638/CĐ-BGDĐT (Q&A page quoting the body)"),
    "cd-858c0de43c18ce78.md": ("ok", False, "TTg 226/CĐ-TTg full text"),
    "cd-ac3686f6b1d64932.md": ("no", "body without letterhead: no number, no date"),
    "cd-09a4cb5db7541c51.md": ("ok", True, "TTg 78/CĐ-TTg (Q&A page quoting the body)"),
    "cd-c2fb3a9578fcdb7e.md": ("no", "body without letterhead: no number, no date"),
    "cd-288744f0556e4dbd.md": ("no", "news article: no number or date of the công điện"),
    "cd-e01d3782fbed0967.md": ("ok", True, "TTg 227/CĐ-TTg full text"),
    "cd-44aeb2fd86d07d4a.md": ("ok", False, "TTg 228/CĐ-TTg full text"),
    "cd-8dd36b1933f0ccd9.md": ("no", "news article: no number or date of the công điện"),
    "cd-63871dd7a7ef929f.md": ("no", "news article: no number or date of the công điện"),
    "cd-5dbaef1b7c77d06c.md": ("ok", True, "TTg 229/CĐ-TTg full text"),
    "cd-f8dc1d19eb351608.md": ("ok", False, "ministry 36/CĐ-BXD (Q&A page quoting the body)"),
    # chỉ thị
    "ct-e5016435461f5572.md": ("no", "Q&A page quoting one point (II.1.e) of Chỉ thị 05/CT-UBND"),
    "ct-9ec4020fad86e30d.md": ("no", "news page on Chỉ thị 45-CT/TW without its date of issue"),
    "ct-5a5224f9f23161e2.md": ("no", "Wikipedia article"),
    "ct-6bac4a0d92da936d.md": ("ok", False, "010/CT-UBND Đắk Lắk full text"),
    # thông báo / thông báo kết luận
    "tb-dd0f14edac060e8d.md": ("no", "legal Q&A page"),
    "tb-47fc9c90ed19beba.md": ("no", "legal Q&A page"),
    "tb-940ffc43241b7c07.md": ("no", "legal Q&A page"),
    "tb-b7381e25303fe40f.md": ("no", "paraphrase of a bank-account notice, no directive text"),
    "tb-9b6a014497fdf430.md": ("no", "form template page"),
    "tb-8a90ae35892889c1.md": ("no", "form template page"),
    "tb-6f4ccdb7459d17a5.md": ("no", "customs tariff-classification ruling for one company"),
    "tb-bd3f7c5f9d6d122e.md": ("no", "news article, no document"),
    "tb-9b4dc39a7c5c4c90.md": ("no", "legal Q&A page"),
    "tb-e1e4d1d28ec2d95b.md": ("no", "legal Q&A page"),
    "tb-72ab2874a18cfeb8.md": ("no", "answer to citizens quoting the law, no task for units"),
    "tb-f0de37b0e23edc46.md": ("ok", True, "596/TB-VPCP (Q&A page quoting the conclusions)"),
    "tb-53a2def6c64d24fe.md": ("kind", "Nghị quyết"),
    "tb-299dbc033cf2dcb6.md": ("no", "announces a system downtime 'để các đơn vị được biết', no directive"),
    "tb-296e373d796986f4.md": ("ok", True, "648/TB-VPCP full text"),
    "tb-da9bf0c2328ba8e8.md": ("no", "form template page"),
    "tb-6bf052db6fcd58f3.md": ("no", "legal Q&A page"),
    "tb-96cc27eb50c851bd.md": ("no", "customs tariff-classification ruling for one company"),
    "tb-57de8b8944fbdf39.md": ("no", "legal Q&A page"),
    "tb-05729ab54fc07c39.md": ("ok", False, "631/TB-VPCP full text"),
    "tb-d467ecd3af04fd2b.md": ("ok", True, "109/TB-UBND Cần Thơ (Q&A page quoting the notice)"),
    "tb-a6d02609eab77dc8.md": ("no", "auction schedule, no directive"),
    "tb-5d6f41c650816542.md": ("no", "form template page"),
    "tb-15ce857bb6e2f596.md": ("no", "announcement without number, no directive"),
    "tb-b13aef6aad6b2169.md": ("no", "body without letterhead: no number, no date"),
    "tb-81eea34d32eed810.md": ("no", "customs tariff-classification ruling for one company"),
    "tb-e7e6dfe733636a74.md": ("no", "form template page"),
    "tb-9d9fa17e3c5892bb.md": ("ok", True, "285/TB-VPCP (news page reporting the conclusions)"),
    "tb-06690fd4027d01c8.md": ("kind", "Công văn"),
    "tb-a22c466ad399da74.md": ("kind", "Văn bản hợp nhất"),
    "tb-c245527d1c70c596.md": ("kind", "Quyết định"),
    "tb-f1dc761e8e76e71e.md": ("no", "legal Q&A page"),
    "tb-08e8fccf300c512a.md": ("no", "approval of a list of investors, no directive"),
    "tb-93cafb7b0f4df375.md": ("no", "customs tariff-classification ruling for one company"),
    "tb-9dc1a389b65d1993.md": ("no", "news article: no number or date"),
    "tb-cb6f0a541439e020.md": ("no", "news article on a decision"),
    "tb-661f4111b34bc091.md": ("no", "form template page"),
    "tb-11cc8db61cff01e8.md": ("no", "reservoir discharge announcement, no directive"),
    "tb-3d3b419512d0d013.md": ("no", "legal Q&A page"),
    "tb-64656f05a0033e11.md": ("no", "form template page"),
    "tb-a8b680520cc297f0.md": ("kind", "Công văn"),
    "tb-e7051be86890bef3.md": ("no", "legal Q&A page"),
    "tb-05080c54ca6e055b.md": ("no", "legal Q&A page"),
    "tb-1fa949f85858c62f.md": ("kind", "Quyết định"),
    "tb-31a15f59ab505674.md": ("kind", "Công văn"),
    "tb-c498c3f78df35e4f.md": ("no", "customs tariff-classification ruling for one company"),
    "tb-adaa6f4654f9df92.md": ("no", "form template page"),
    "tb-9c31035f914c937e.md": ("no", "customs tariff-classification ruling for one company"),
    "tb-8af60f747508016b.md": ("no", "form template page"),
    "tb-98be6e047028fade.md": ("ok", True, "636/TB-VPCP full text"),
    "tb-c3467d1c7c4ff154.md": ("no", "news article on party discipline"),
    "tb-ea2e0b298531936f.md": ("no", "legal Q&A page"),
    "tb-cf6c4b65d580c8eb.md": ("no", "news article on a circular"),
    "tb-1a814c71716d3047.md": ("kind", "Công văn"),
    "tb-b9fa8ec13e4f5400.md": ("no", "road-closure notice page without number"),
    "tb-634014b14d4a65fe.md": ("no", "admission announcement of a training course, no directive"),
    "tb-f6ed9374d8eb2ea7.md": ("no", "customs tariff-classification ruling for one company"),
    "tb-aee1c84b75a839ed.md": ("no", "customs tariff-classification ruling for one company"),
    "tb-2b91d79e4dc0a6e6.md": ("no", "Q&A page on a state funeral"),
    "tb-234679e21a8956c3.md": ("kind", "Văn bản hợp nhất"),
    "tb-63883b48e56984f0.md": ("no", "news article on a decree"),
    "tb-ad0066b8d39e5c85.md": ("ok", True, "653/TB-VPCP full text"),
    "tb-30275e2433846a79.md": ("no", "legal Q&A page"),
    "tb-86c3c23ba29fa84d.md": ("no", "recruitment announcement, no directive"),
    "tb-a1527cbfa00743d3.md": ("no", "customs tariff-classification ruling for one company"),
    "tbkl-192068354fd1ffe5.md": ("kind", "Kế hoạch"),
    "tb-0c65e6bdac2c5089.md": ("ok", True, "200/TB-UBND An Giang (Q&A page quoting points (1)-(4))"),
    # kết luận
    "kl-e42103d7f815212d.md": ("kind", "Công văn"),
    "kl-07af42cd8d05ce9c.md": ("same", "Kết luận 157-KL/TW, already annotated (dev and held-out)"),
    "kl-debc15bb3a7fbcbc.md": ("kind", "Thông báo"),
    "kl-6d4b6f5a467300da.md": ("no", "news article on a meeting, no document number"),
    "kl-ac418a0fcce85c3b.md": ("ok", True, "155-KL/TW (news page quoting point 3)"),
    "kl-a22b63b0f87ec7ed.md": ("no", "news article on a decree"),
    "kl-75a0867a09525909.md": ("kind", "Thông báo"),
    "kl-53b3997d70905b16.md": ("ok", True, "212-KL/TW full text"),
    "kl-ca5654f15a84986f.md": ("kind", "Thông báo"),
    "kl-9615b53de3e78142.md": ("same", "Kết luận 155-KL/TW, already taken (this page has no date of issue)"),
    "kl-405a6cabda393030.md": ("kind", "Thông báo"),
    "kl-73aca374a09bb0d6.md": ("ok", False, "118-KL/TW (news page quoting the points)"),
    "kl-c8fa22971deb6e6e.md": ("same", "Kết luận 155-KL/TW, already taken"),
    "kl-e49a4e51b88c4444.md": ("same", "Kết luận 212-KL/TW, already taken"),
    "kl-6ba1740497694587.md": ("no", "news page: no number or date of the kết luận"),
    "kl-9048e601f39bbc40.md": ("same", "Kết luận 157-KL/TW, already annotated"),
    "kl-194cc3744a8a5d05.md": ("same", "Kết luận 157-KL/TW, already annotated"),
    "kl-265ff514762b4c47.md": ("ok", True, "221-KL/TW full text"),
    # kế hoạch
    "kh-2f6f80b9918e52de.md": ("ok", False, "172/KH-UBND TP Hồ Chí Minh full text"),
    "kh-950f4391c779bac2.md": ("no", "Wikipedia article"),
    "kh-d7334f6ffd7e96fd.md": ("ok", True, "279/KH-UBND Lạng Sơn (news page quoting parts II and IV)"),
    "kh-9361b9f16596f653.md": ("ok", False, "0219/KH-UBND Cà Mau (news page quoting part III)"),
    "kh-ba9e07c8edf1283f.md": ("no", "exam answers page"),
    "kh-df49dc92a796b783.md": ("ok", True, "61/KH-VPUBND Ninh Bình (page quoting part II)"),
    "kh-3a2db039af8c2d05.md": ("ok", True, "157/KH-UBND Cần Thơ full text"),
    "kh-8e9a425dd83e56b3.md": ("ok", True, "308/KH-UBND Hà Nội full text"),
    # công văn
    "cv-f4e131db31d495ee.md": ("no", "customs legal guidance quoting the law, no task for units"),
    "cv-0883d031bf7e23f9.md": ("ok", False, "6620/UBND-VX Lai Châu (Q&A page quoting the body)"),
    "cv-9063e901ca3fd0c3.md": ("ok", False, "17986/BTC-CT full text"),
    "cv-4558f5a728d1d865.md": ("no", "tax-policy answer on one case to two tax offices"),
    "cv-4d24ae4c15cb673c.md": ("ok", False, "5435/CT-NVT full text"),
    "cv-288051b3690cc0fa.md": ("no", "advice to taxpayers quoting the law, no task for units"),
    "cv-386a3bae0faac998.md": ("no", "tax-policy answer on one case"),
    "cv-65c9ecb9e2fa82c1.md": ("ok", True, "171/CV-BCĐ full text"),
    "cv-0d99145eee8ac0ff.md": ("ok", False, "10988/BNV-CQĐP full text"),
    "cv-e7f6002678c9c0a1.md": ("no", "answer to one company"),
    "cv-bf394f0a89cedcca.md": ("no", "warning to taxpayers, no task for units"),
    "cv-8aae102c2f6087de.md": ("no", "answer to one company"),
    "cv-66b33234a2c7e4bf.md": ("no", "tax-policy answer on one case"),
    "cv-c81379258ef3a44f.md": ("ok", False, "11208/BNV-KHTC full text"),
    "cv-5d3180cef1d254d0.md": ("ok", True, "10989/BNV-TCBC full text"),
}


def pools(folder: Path) -> dict[str, list[str]]:
    """Each stratum's files (not annotated before, not over MAX_CHARS) in the seeded order."""
    with open(folder / "INDEX.tsv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    rng = random.Random(SEED)
    out = {}
    for name, (prefixes, _) in STRATA.items():
        pool = sorted(r["file"] for r in rows if r["file"].split("-")[0] in prefixes
                      and int(r["chars"]) <= MAX_CHARS and r["file"][:-3] not in ANNOTATED_BEFORE)
        rng.shuffle(pool)
        out[name] = pool
    return out


def _walk(order: list[str], places: int, want, taken: list[str]) -> None:
    for name in order:
        if len(taken) == places:
            return
        if name[:-3] in USED_FOR_TUNING:
            continue
        if name not in SCREENED:
            raise SystemExit(f"{name} reached but not screened: screen it by hand first")
        verdict = SCREENED[name]
        if verdict[0] == "ok" and name not in taken and want(verdict):
            taken.append(name)


def _fill(order: list[str], places: int, reserve=None) -> list[str]:
    taken: list[str] = []
    if reserve:                       # one place for the first genuine file the rule wants
        _walk(order, 1, reserve, taken)
    _walk(order, places, lambda v: v[1], taken)           # first walk: dated deadlines
    _walk(order, places, lambda v: True, taken)           # second walk: the rest
    return taken


def select(folder: Path) -> dict[str, list[str]]:
    order = pools(folder)
    chosen = {name: _fill(order[name], places) for name, (_, places) in STRATA.items()}
    short = sum(places - len(chosen[name]) for name, (_, places) in STRATA.items())
    extra = {name: 0 for name in STRATA}
    for k in range(short):
        extra[SHORTFALL_GOES_TO[k % len(SHORTFALL_GOES_TO)]] += 1
    not_ttg = lambda v: not v[2].startswith("TTg")   # noqa: E731
    for name, (_, places) in STRATA.items():
        if extra[name] or name == "công điện":
            chosen[name] = _fill(order[name], places + extra[name],
                                 reserve=not_ttg if name == "công điện" else None)
    return chosen


if __name__ == "__main__":
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/real-notices")
    chosen = select(folder)
    for name, files in chosen.items():
        print(f"{name} ({len(files)}):", *sorted(files), sep="\n  ")
    print("total:", sum(len(f) for f in chosen.values()))
