"""Load files shipped in ``checkin/resources`` wherever the app is installed.

``importlib.resources`` finds them in a source tree, a wheel or a frozen
build alike; nothing depends on the current directory.
"""

from __future__ import annotations

import json
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any


def resource(*parts: str) -> Traversable:
    node = files("checkin.resources")
    for part in parts:
        node = node / part
    return node


def resource_path(*parts: str) -> Path:
    """A real file path (fonts and images need one for reportlab and Qt)."""
    with as_file(resource(*parts)) as path:
        return Path(path)


def load_json(*parts: str) -> Any:
    return json.loads(resource(*parts).read_text(encoding="utf-8"))
