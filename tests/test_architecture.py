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
UI_PACKAGES = {"door", "importing", "badges", "attendance", "sync", "event", "common"}


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


# -- the event file has one owner: checkin/store/ ----------------------------------------
#
# Only checkin/store/ speaks SQL to an event file and opens, copies or deletes one:
# SQLite keeps a file consistent only if every access goes through it (closing any other
# descriptor on an open event drops this process's locks; see checkin/store/files.py).

#: calls that run SQL on whatever they are called on (a connection, a cursor, the store)
SQL_CALLS = {"execute", "executemany", "executescript", "query"}
#: (module, receiver) that run SQL against another database than the event file
OTHER_DATABASES = {
    ("sync/server.py", "conn"): "psycopg: the PostgreSQL server's tables",
    ("sync/server.py", "admin"): "psycopg: creating the server's database",
    ("sync/protocol.py", "conn"): "psycopg: pushing to and pulling from PostgreSQL",
    ("sync/protocol.py", "cur"): "psycopg cursor: inserting pushed records",
    ("sync/desks.py", "conn"): "psycopg: sharing an event into the server and joining it",
}
#: event SQL that moves into checkin/store/ in a parallel branch (issue 12, helper
#: "sqlb"); delete an entry when that lands: the test fails while an entry is stale
NOT_YET_MOVED: dict[str, str] = {}
#: functions that open, copy, move or delete a file by its path
FILE_FUNCTIONS = {"open", "io.open", "os.open", "os.replace", "os.rename", "os.renames",
                  "os.remove", "os.unlink", "os.link", "os.symlink", "os.truncate",
                  "shutil.move", "shutil.rmtree", "sqlite3.connect"}
#: pathlib methods that open or change a file (``.open``/``.replace`` are told apart below)
FILE_METHODS = {"unlink", "rename", "touch", "read_bytes", "write_bytes", "read_text",
                "write_text", "symlink_to", "hardlink_to"}
#: modules that work on files that are never event files (and why)
OTHER_FILES = {
    "badges/fonts.py": "reads font files",
    "badges/render.py": "reads images for badges",
    "badges/library.py": "reads the shipped badge templates (resources)",
    "cli/verbs_badges.py": "reads a template file the user names",
    "common/logs.py": "writes the log files",
    "common/resources_access.py": "reads the bundled resources",
    "export/safety.py": "writes export files (check_target refuses an event file)",
    "export/xlsx.py": "removes a half-written spreadsheet",
    "importing/limits.py": "reads participant lists (size and zip checks)",
    "importing/readers.py": "reads participant lists",
    "importing/sniffing.py": "reads participant lists (format and encoding)",
    "printing/cups.py": "removes the spooled PDF after printing",
}


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = _dotted(node.value)
        return f"{inner}.{node.attr}" if inner else ""
    return ""


def _receiver(call: ast.Call) -> str:
    """The last name a method is called on (``self.store.query`` -> 'store')."""
    assert isinstance(call.func, ast.Attribute)
    return _dotted(call.func.value).rpartition(".")[2] or "?"


def sql_calls(tree: ast.AST) -> list[tuple[int, str, str]]:
    """(line, receiver, method) of every ``X.execute/executemany/executescript/query(...)``."""
    return [(n.lineno, _receiver(n), n.func.attr) for n in ast.walk(tree)
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
            and n.func.attr in SQL_CALLS]


def used_transactions(tree: ast.AST) -> list[int]:
    """Lines where ``transaction()`` is called other than as ``with x.transaction():``
    (``as db``, ``enter_context(...)``, ``__enter__()``: the value it yields is used)."""
    grouping = {id(item.context_expr) for n in ast.walk(tree)
                if isinstance(n, (ast.With, ast.AsyncWith))
                for item in n.items if item.optional_vars is None}
    return [n.lineno for n in ast.walk(tree)
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)
            and n.func.attr == "transaction" and id(n) not in grouping]


def file_operations(tree: ast.AST) -> list[tuple[int, str]]:
    """(line, call) of everything that opens, copies, moves or deletes a file by path."""
    found = []
    for n in ast.walk(tree):
        if not isinstance(n, ast.Call):
            continue
        name = _dotted(n.func)
        method = n.func.attr if isinstance(n.func, ast.Attribute) else ""
        if name in FILE_FUNCTIONS or name.startswith("shutil.copy") or method in FILE_METHODS \
                or (method == "open" and (n.args or n.keywords)) \
                or (method == "replace" and len(n.args) == 1 and not n.keywords):
            # Path.open(mode)/Image.open(p), not a dialog's open(); Path.replace(target),
            # not str.replace(old, new) or dataclasses.replace(x, **changes)
            found.append((n.lineno, name or method))
    return found


def _outside_store() -> list[tuple[str, ast.AST]]:
    return [(path.relative_to(CORE).as_posix(), ast.parse(path.read_text(encoding="utf-8")))
            for path in sorted(CORE.rglob("*.py")) if path.relative_to(CORE).parts[0] != "store"]


def test_only_the_store_speaks_sql_to_the_event_file() -> None:
    offenders = [f"{module}:{line}: {receiver}.{method}()"
                 for module, tree in _outside_store()
                 for line, receiver, method in sql_calls(tree)
                 if (module, receiver) not in OTHER_DATABASES and module not in NOT_YET_MOVED]
    assert offenders == [], "use (or add) a function of checkin.store instead"


def test_outside_the_store_a_transaction_only_groups_store_calls() -> None:
    offenders = [f"{module}:{line}" for module, tree in _outside_store()
                 for line in used_transactions(tree) if module not in NOT_YET_MOVED]
    assert offenders == [], "write `with store.transaction():` and call store functions in it"


def test_only_the_store_opens_copies_or_deletes_files_by_path() -> None:
    offenders = [f"{module}:{line}: {call}()" for module, tree in _outside_store()
                 for line, call in file_operations(tree) if module not in OTHER_FILES]
    assert offenders == [], ("an event file is opened, copied and deleted only through "
                             "checkin.store.files; other files: add the module to OTHER_FILES")


def test_the_exceptions_are_few_and_still_needed() -> None:
    """Every allowlist entry still names a module that does what it is allowed."""
    modules = dict(_outside_store())
    for module, receiver in OTHER_DATABASES:
        assert any(r == receiver for _l, r, _m in sql_calls(modules[module])), (module, receiver)
    for module in NOT_YET_MOVED:
        tree = modules[module]
        assert any((module, r) not in OTHER_DATABASES for _l, r, _m in sql_calls(tree)) \
            or used_transactions(tree), f"{module} no longer needs NOT_YET_MOVED: remove it"
    for module in OTHER_FILES:
        assert file_operations(modules[module]), f"{module} no longer needs OTHER_FILES"


def test_the_ownership_checks_catch_what_they_are_for() -> None:
    """The checks above, on a module that does each forbidden thing once."""
    tree = ast.parse(
        "def f(store, db, path):\n"
        "    store.query('SELECT 1')\n"
        "    with store.transaction() as db:\n"
        "        db.execute('DELETE FROM checkins')\n"
        "    with store.transaction():\n"          # grouping: allowed
        "        store.log('x', desk='d')\n"
        "    stack.enter_context(store.transaction())\n"
        "    open(path, 'rb')\n"
        "    shutil.copy2(path, 'b')\n"
        "    path.unlink()\n"
        "    os.replace(path, 'b')\n"
        "    path.replace('b')\n"
        "    sqlite3.connect(path)\n"
        "    'a'.replace('a', 'b')\n"              # text: allowed
        "    dialog.open()\n")                     # a dialog: allowed
    assert [(r, m) for _l, r, m in sql_calls(tree)] == [("store", "query"), ("db", "execute")]
    assert used_transactions(tree) == [3, 7]
    assert [c for _l, c in file_operations(tree)] == [
        "open", "shutil.copy2", "path.unlink", "os.replace", "path.replace", "sqlite3.connect"]


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
