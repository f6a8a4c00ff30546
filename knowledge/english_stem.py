"""A light English stemmer, the same for questions, glossary keys and English summaries.

Only consistency matters: 'factories' and 'factory', 'tested', 'testing' and 'test' must meet,
whatever stem they meet at. Written here rather than taken from a package (Snowball, Porter)
because those cut further ('news' -> 'new', 'policy' -> 'polici') than the glossary's keys,
which were written against this one.
"""
from __future__ import annotations

# Words that look like plurals of other words: 'news' is not several 'new's.
_NOT_PLURALS = frozenset({"news", "means", "series", "species", "status", "mass", "less"})


def stem_en(word: str) -> str:
    """A light English stemmer: enough for 'factories'/'factory', 'tested'/'testing'/'test',
    'crossings'/'crossing'. The plural goes first, then -ing/-ed. Applied the same way to
    questions, glossary keys and English summaries, so only consistency matters."""
    w = word
    if len(w) <= 3 or not w.isalpha() or w in _NOT_PLURALS:
        return w
    for suffix, repl, min_stem in (("ies", "y", 2), ("sses", "ss", 2), ("es", "", 3), ("s", "", 3)):
        if w.endswith(suffix) and len(w) - len(suffix) >= min_stem:
            if suffix == "s" and w.endswith(("ss", "us", "is")):
                break
            if suffix == "es" and not w[:-2].endswith(("sh", "ch", "x", "z", "ss")):
                continue
            w = w[: len(w) - len(suffix)] + repl
            break
    if w.endswith("ied") and len(w) > 5:
        return w[:-3] + "y"                          # applied/apply, carried/carry meet
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: len(w) - len(suffix)]
            if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
                w = w[:-1]                           # stopped -> stop
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]                                   # vaccinate/vaccinat(ed) meet
    return w
