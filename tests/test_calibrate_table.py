"""benchmarks/confidence_table.py asks the dev parts for the leave-one-set-out check of the
confidence model (benchmarks/loso_confidence.py): no held-aside file may reach it unless asked."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "benchmarks"))

import confidence_table as ct  # noqa: E402


def _files(s):
    return [p for p in (s.questions, s.out_of_scope, s.docs) if p]


def test_dev_table_names_no_held_aside_file():
    names = [p for _, _, s in ct.sets(hold=False) for p in _files(s)]
    assert names and not any("hold" in os.path.basename(p) for p in names)


def test_hold_table_names_only_held_aside_questions():
    parts = ct.sets(hold=True)
    assert parts
    for _, _, s in parts:
        asked = [p for p in (s.questions, s.out_of_scope) if p]
        assert asked and all("hold" in os.path.basename(p) for p in asked)


def test_every_set_has_a_family():
    assert {f for _, f, _ in ct.sets(hold=False)} <= {"seed", "real", "en", "small"}
