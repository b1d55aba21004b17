"""The layout: the core is Qt-free and grouped by area, ui/ mirrors the areas.

Only checkin/ui imports PySide6. The core is grouped by what data flows through
(door, sync, attendance, ...), the screens of an area live in ui/ under the same
name, and the data files sit in the top-level resources/ folder.
"""

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


#: the core's areas (what data flows through) and the shared code; see README "Layout"
CORE_PACKAGES = {"door", "sync", "attendance", "event", "store", "importing", "badges",
                 "printing", "export", "common", "cli", "ui"}
#: the screens of an area, under the same name as its core; common: shared widgets
UI_PACKAGES = {"door", "importing", "badges", "attendance", "sync", "common"}


def _packages(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir() if (p / "__init__.py").is_file()}


def _modules(folder: Path) -> set[str]:
    return {p.stem for p in folder.glob("*.py")}


def test_no_loose_modules_in_the_core() -> None:
    """Only the shared model, the errors and the entry points sit at the top of checkin/."""
    assert _modules(CORE) == {"__init__", "__main__", "model", "errors"}
    assert _packages(CORE) == CORE_PACKAGES


def test_ui_mirrors_the_core_areas() -> None:
    """A feature's core and its screens have the same name (ui/door <-> checkin/door)."""
    ui = CORE / "ui"
    assert _packages(ui) == UI_PACKAGES
    assert UI_PACKAGES - {"common"} <= CORE_PACKAGES
    # the window's shell stays at the top of ui/; every screen lives in its area
    assert _modules(ui) == {"__init__", "app", "main_window", "settings_dialog", "welcome"}
    assert all(_modules(ui / area) - {"__init__"} for area in UI_PACKAGES)


def test_resources_sit_beside_the_package_and_load_as_checkin_resources() -> None:
    """resources/ is top level in the tree and found through importlib.resources."""
    from checkin.common.resources_access import resource

    top = CORE.parent / "resources"
    assert (top / "__init__.py").is_file() and not (CORE / "resources" / "__init__.py").exists()
    for folder in ("fonts", "icons", "sounds", "translations", "templates", "demo"):
        assert (top / folder).is_dir(), folder
    assert resource("demo", "demo.json").is_file()
    assert Path(str(resource("fonts"))).resolve() == (top / "fonts").resolve()


def test_build_and_test_helpers_live_outside_the_package() -> None:
    root = CORE.parent
    assert (root / "packaging" / "tones.py").is_file()  # renders the committed WAVs
    assert (root / "tests" / "contrast.py").is_file()  # WCAG maths for the theme tests
    assert not (CORE / "tones.py").exists() and not (CORE / "contrast.py").exists()


def test_no_import_cycles_between_modules() -> None:
    """Module-level imports between checkin's modules form no cycle."""
    graph: dict[str, set[str]] = {}
    for path in CORE.rglob("*.py"):
        rel = path.relative_to(CORE.parent).with_suffix("")
        name = ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
        targets = graph.setdefault(name, set())
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Import):
                targets.update(a.name for a in node.names if a.name.startswith("checkin."))
            elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("checkin"):
                module = node.module or ""
                for alias in node.names:  # `from checkin.door.door import codes` names a module
                    full = f"{module}.{alias.name}"
                    found = CORE.parent.joinpath(*full.split("."))
                    targets.add(full if found.with_suffix(".py").is_file()
                                or (found / "__init__.py").is_file() else module)
    # a package's __init__ importing its own submodules is not a cycle that can bite
    edges = {a: {b for b in bs if b in graph and not a.startswith(b + ".")}
             for a, bs in graph.items()}
    cycles = []
    done: set[str] = set()

    def visit(node: str, stack: list[str]) -> None:
        if node in stack:
            cycles.append([*stack[stack.index(node):], node])
            return
        if node in done:
            return
        for nxt in sorted(edges.get(node, ())):
            visit(nxt, [*stack, node])
        done.add(node)

    for module in sorted(edges):
        visit(module, [])
    assert cycles == []


def test_only_desk_settings_touches_qsettings() -> None:
    """Every desk setting goes through the declared options (checkin/common/desk_options)
    via ui/common/desk_settings: no other module names QSettings, so none reads or
    writes a key around the declarations or converts a value its own way."""
    offenders = []
    for path in CORE.rglob("*.py"):
        rel = path.relative_to(CORE)
        if rel == Path("ui/common/desk_settings.py"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            named = ((isinstance(node, ast.Name) and node.id == "QSettings")
                     or (isinstance(node, ast.Attribute) and node.attr == "QSettings")
                     or (isinstance(node, ast.alias) and node.name.split(".")[-1] == "QSettings"))
            if named:
                offenders.append(f"{rel}:{getattr(node, 'lineno', '?')}")
    assert offenders == []


def test_tests_share_code_through_one_helpers_module() -> None:
    """No test module imports from another (a moved test would break its importers);
    shared code lives in tests/helpers.py, fixtures in tests/conftest.py."""
    tests = CORE.parent / "tests"
    offenders = sorted(f"{path.name}: {name}" for path in tests.glob("*.py")
                       for name in _imports(path)
                       if name.startswith(("tests.test_", "tests.conftest"))
                       or name == "tests.gui_helpers")
    assert offenders == []
