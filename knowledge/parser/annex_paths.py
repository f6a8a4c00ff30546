"""Paths of an annex's items (knowledge/parser/body.py): its own numbers, marked when they repeat the letter's."""
from __future__ import annotations


def _paths(node) -> list:
    found = []
    for child in node.children:
        found += [child, *_paths(child)]
    return found


def _annex_paths(root) -> None:
    """An annex (a plan or a task table attached after the signature) numbers its rows afresh: when its paths
    repeat the letter's own ("1", "2" of the letter and "1", "2" of the table), the annex's take its mark
    ("PL.1", "PL2.1" for a second annex), so that every item keeps a path of its own."""
    annexes = [c for c in root.children if c.style == "annex"]
    taken = {n.path for c in root.children if c.style != "annex" for n in [c, *_paths(c)] if n.path}
    for k, annex in enumerate(annexes):
        own = [n for n in _paths(annex) if n.path]
        if taken & {n.path for n in own}:
            mark = "PL" if len(annexes) == 1 else f"PL{k + 1}"
            for n in own:
                n.path = f"{mark}.{n.path}"
        taken |= {n.path for n in own}
