"""Answer quality, scored like ../shared/eval/score.py, with floors a little under the
figures measured when the search was last tuned, so a regression fails here.

Sets (tests/search_sets.py): the shared dev sets and the team's own, our questions about real
2025 notices of other topics imported at run time (skipped without ../shared/real-notices),
everyday questions no directive answers, and the earlier held-out sets of tests/.
Each floor: top-1 (answered and right), English top-1, out-of-scope declined, and a ceiling
on confidently wrong answers (over all questions of the set).
They run on SQLite only (`sqlite_db`): they measure the search, which is the same code over
either database, and on both they cost CI minutes; the storage tests cover PostgreSQL.
"""
import os

import pytest

from knowledge.loader import ensure_seeded
from knowledge.search import Searcher
from tests import search_sets as qs

HERE = os.path.dirname(os.path.abspath(__file__))

# name: (top-1, English top-1, declined, confidently wrong at most); measured in comments.
FLOORS = {
    "dev": (0.85, 0.70, 0.8, 0.06),           # 87.5%, 76%, 5/5, 4.4%
    "dev2": (0.87, 0.85, 0.9, 0.04),          # 89.5%, 94%, 10/10, 2.1% (i/y spellings met)
    "seed_dev": (0.85, 0.85, 0.9, 0.03),      # 88.6%, 92%, 20/20, 1.1%
    "everyday": (0.0, 0.0, 0.95, 0.05),       # declined 98.6%
    # Typed on a phone, seventh draw (branch seedtyping2; 87.3%, 19/20, 1.3% before it): 94.5%, 19/20, 1.3%.
    "seed_dev7": (0.90, 0.0, 0.9, 0.03),
    # Eighth draw (branch seedtyping4; 92.6%, 19/22, 5.3% before it): 94.4%, 20/22, 3.9%.
    "seed_dev8": (0.92, 0.0, 0.85, 0.05),
    # Ninth draw (branch seedtyping5; 54.5%, English 3/7, 13/14, 5.2% before it): 72.7%, 3/7, 14/14, 3.4%.
    "seed_dev9": (0.70, 0.25, 0.9, 0.05),
    # Tenth draw (branch seedtyping6; 79.5%, 2/2, 14/14, 0.0% before it): 84.1%, 2/2, 14/14, 0.0%.
    "seed_dev10": (0.80, 0.5, 0.9, 0.03),
    # Eleventh draw (branch seedtyping7; 65.9%, English 4/6, 12/12, 1.8% before it): 79.5%, 5/6, 12/12, 1.8%.
    "seed_dev11": (0.75, 0.5, 0.9, 0.03),
    # Twelfth draw (branch seedtyping8; 76.7%, English 3/4, 9/10, 7.5% before it): 86.7%, 4/4, 9/10, 7.5%.
    "seed_dev12": (0.83, 0.75, 0.85, 0.08),
    # The two real sets measured with the parser of issue 8 (items carry their headings; quoted
    # law, funding and Q&A sections are context): 71.7%, 84%, 18/18, 10.3% and 70.3%, 71%, 15/15,
    # 6.3% (with the earlier parser: 80.0%, 92%, 3.8% and 71.9%, 81%, 8.9%). To re-tune.
    "search_real": (0.70, 0.80, 0.85, 0.11),
    "real_dev": (0.69, 0.70, 0.85, 0.09),     # 70.3%, 71%, 15/15, 7.6% (2026-11, search2)
    # Six documents no other set used, questions written before the bot saw them; the glossary
    # entries of that commit were added after its baseline (74.1% with only its notices, 55%
    # English, 8/8, 2.9%), so these figures are partly tuned: 88.9%, 82%, 7/8, 8.6%.
    "real_dev3": (0.84, 0.75, 0.85, 0.10),
    "heldout": (0.90, 0.90, 0.9, 0.04),       # 94.3%, 100%, 10/10, 0%
    "heldout2": (0.84, 0.80, 0.9, 0.04),      # 87.2%, 84%, 13/13, 1.7%
}
HELD = [qs.QuestionSet("heldout", f"{HERE}/heldout_questions.tsv", f"{HERE}/heldout_out_of_scope.tsv", "seed"),
        qs.QuestionSet("heldout2", f"{HERE}/heldout2_questions.tsv", f"{HERE}/heldout2_out_of_scope.tsv", "seed")]
SEED_SETS = [s for s in qs.SETS + HELD if s.kb == "seed" and s.name in FLOORS]
REAL_SETS = [s for s in qs.SETS if s.kb == "real" and s.name in FLOORS]


def check(name: str, figures: dict) -> None:
    top1, english, declined, wrong = FLOORS[name]
    assert figures["top1"] >= top1, f"{name}: top-1 {figures['top1']:.3f} under {top1}"
    if figures["english"]:
        assert figures["english_top1"] >= english, f"{name}: English top-1 {figures['english_top1']:.3f} under {english}"
    if figures["out_of_scope"]:
        assert figures["declined"] >= declined, f"{name}: declined {figures['declined']:.3f} under {declined}"
    assert figures["confidently_wrong"] <= wrong, \
        f"{name}: confidently wrong {figures['confidently_wrong']:.3f} over {wrong}"


@pytest.fixture
def seed_searcher(sqlite_db):
    ensure_seeded()
    return Searcher.from_database()


@pytest.mark.parametrize("name", [s.name for s in SEED_SETS])
def test_seed_question_set(seed_searcher, name):
    s = next(s for s in SEED_SETS if s.name == name)
    if not qs.available(s):
        pytest.skip(f"the question set is not at {s.questions or s.out_of_scope}")
    check(name, qs.summary(qs.ask_set(seed_searcher, s)))


@pytest.mark.parametrize("name", [s.name for s in REAL_SETS])
def test_real_notices_question_set(sqlite_db, name):
    s = next(s for s in REAL_SETS if s.name == name)
    if not qs.available(s):
        pytest.skip("the real notices or the question set are not here")
    ensure_seeded()
    qs.import_real()                    # every dev notice, as benchmarks/fit_confidence.py does
    check(name, qs.summary(qs.ask_set(Searcher.from_database(), s)))
