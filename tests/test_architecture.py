"""The core stays free of Qt: only checkin/ui imports PySide6."""

from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parents[1] / "checkin"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_only_ui_imports_qt() -> None:
    offenders = []
    for path in CORE.rglob("*.py"):
        rel = path.relative_to(CORE)
        if rel.parts[0] == "ui":
            continue
        qt = {n for n in _imports(path) if n.split(".")[0] in ("PySide6", "shiboken6")}
        # the CLI may start the GUI lazily, inside a function, never at import time
        if qt:
            offenders.append(f"{rel}: {sorted(qt)}")
    assert offenders == []


def test_core_modules_do_not_import_ui_at_module_level() -> None:
    offenders = []
    for path in CORE.rglob("*.py"):
        rel = path.relative_to(CORE)
        if rel.parts[0] == "ui":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("checkin.ui"):
                offenders.append(str(rel))
    assert offenders == []


def test_only_the_pdfium_lane_touches_pypdfium2() -> None:
    """pdfium is not thread-safe: every call goes through checkin/badges/pdfium_lane.py.

    An import anywhere else (at module level or inside a function, or by name through
    importlib) would let a second thread into pdfium, which crashed the desk.
    """
    lane = Path("badges") / "pdfium_lane.py"
    offenders = []
    for path in CORE.rglob("*.py"):
        rel = path.relative_to(CORE)
        if rel == lane:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {n for n in _imports(path) if n.split(".")[0] == "pypdfium2"}
        by_name = [n for n in ast.walk(tree) if isinstance(n, ast.Constant)
                   and isinstance(n.value, str) and n.value.split(".")[0] == "pypdfium2"]
        if imported or by_name:
            offenders.append(f"{rel}: {sorted(imported) or 'names pypdfium2'}")
    assert offenders == []
    assert "pypdfium2" in _imports(CORE / lane)
