"""Load the shipped data files (package ``checkin.resources``) wherever the app runs.

They live in the top-level ``resources/`` folder of the source tree; a wheel, an
editable install and the frozen app install that folder as ``checkin.resources``
(setup.py maps it in). ``importlib.resources`` finds them there; a source checkout
that was never installed loads the folder under the same name. Nothing depends on
the current directory.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path
from types import ModuleType
from typing import Any

import checkin

PACKAGE = "checkin.resources"


def _package() -> ModuleType | str:
    """``checkin.resources``: inside the installed package, or resources/ beside checkin/.

    A wheel or a frozen app has the package; a source checkout (and an editable
    install of it) has the folder at the top level, which is loaded under the same
    name, so that tests from the source tree read exactly the checkout's files.
    """
    if PACKAGE in sys.modules:
        return sys.modules[PACKAGE]
    package_dir = Path(checkin.__file__ or "").resolve().parent
    beside = package_dir.parent / "resources" / "__init__.py"
    if (package_dir / "resources" / "__init__.py").is_file() or not beside.is_file():
        return PACKAGE
    spec = importlib.util.spec_from_file_location(
        PACKAGE, beside, submodule_search_locations=[str(beside.parent)])
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[PACKAGE] = module
    spec.loader.exec_module(module)
    return module


def resource(*parts: str) -> Traversable:
    node = files(_package())
    for part in parts:
        node = node / part
    return node


def resource_path(*parts: str) -> Path:
    """A real file path (fonts and images need one for reportlab and Qt)."""
    with as_file(resource(*parts)) as path:
        return Path(path)


def load_json(*parts: str) -> Any:
    return json.loads(resource(*parts).read_text(encoding="utf-8"))
