"""Layers point one way: handlers → bot → scheduler / knowledge (→ texts). The knowledge base
knows nothing of Telegram, and the scheduler gets what its messages say from the bot
(scheduler/renderers.py) instead of importing it.

Every import in knowledge/ and scheduler/ is read from the source with `ast` — those inside
functions too, which a lazy import would otherwise hide. The scheduler may import aiogram:
the sender, the gate and the progress messages call Telegram and catch its exceptions
(scheduler/sender.py, gate.py, parts.py, progress.py). The knowledge base may not; nor may
texts/, which sits below every layer.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

BOT_LAYERS = ("bot", "handlers")
# knowledge/db.py and two migrations do import scheduler's models (to create their tables):
# a sibling layer's storage, not Telegram, so it is not checked here.
FORBIDDEN = {"knowledge": BOT_LAYERS + ("aiogram",), "scheduler": BOT_LAYERS,
             "texts": BOT_LAYERS + ("aiogram", "scheduler", "knowledge")}


def imported_modules(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, module) of every import in the tree; relative imports resolve within the
    package, so they never leave it and are skipped."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level:
            found.append((node.lineno, node.module or ""))
    return found


def offending_imports(package: str) -> list[str]:
    out = []
    for path in sorted(Path(ROOT, package).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, module in imported_modules(tree):
            if module.split(".")[0] in FORBIDDEN[package]:
                out.append(f"{path.relative_to(ROOT)}:{line}: {module}")
    return out


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_lower_layers_do_not_import_upper_ones(package):
    assert offending_imports(package) == []


def test_the_check_sees_imports_inside_functions():
    tree = ast.parse("def f():\n    from bot.texts import t\n    import aiogram.types\n")
    assert imported_modules(tree) == [(2, "bot.texts"), (3, "aiogram.types")]
