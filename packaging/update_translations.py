"""Refresh the translation sources: run lupdate over checkin/ui into the .ts files.

Run after changing UI text: ``python packaging/update_translations.py``. New
strings appear as unfinished in ``resources/translations/*.ts``;
translate them with Qt Linguist (``pyside6-linguist``) or any editor. Strings
that disappeared from the code are kept as obsolete (``-no-obsolete`` drops
them) so no translation is thrown away by accident. ``--check`` exits 1 when
a German string is still untranslated (CI can use it once phase 2 is done).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "checkin" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("de", "en")
sys.path.insert(0, str(ROOT))


def find_lupdate() -> str:
    from checkin.common.qt_tools import find_qt_tool

    tool = find_qt_tool("lupdate")
    if tool is None:
        raise SystemExit("lupdate not found: install PySide6-Essentials (pyside6-lupdate)")
    return tool


def update(drop_obsolete: bool = False) -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in SOURCES.rglob("*.py"))
    for lang in LANGUAGES:
        ts = TRANSLATIONS / f"checkin_{lang}.ts"
        cmd = [find_lupdate(), "-locations", "none", *sources, "-ts", str(ts.relative_to(ROOT))]
        if drop_obsolete:
            cmd.insert(1, "-no-obsolete")
        subprocess.run(cmd, check=True, cwd=ROOT)


def unfinished(lang: str = "de") -> list[str]:
    """Source strings of ``lang`` still without a translation."""
    tree = ET.parse(TRANSLATIONS / f"checkin_{lang}.ts")
    missing = []
    for message in tree.iter("message"):
        translation = message.find("translation")
        if translation is None:
            continue
        kind = translation.get("type", "")
        if kind in ("obsolete", "vanished"):
            continue
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        if kind == "unfinished" or not all(f.strip() for f in forms):
            missing.append(message.findtext("source", ""))
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-obsolete", action="store_true", help="drop vanished strings")
    parser.add_argument("--check", action="store_true",
                        help="only report untranslated German strings (exit 1 if any)")
    args = parser.parse_args()
    if not args.check:
        update(args.no_obsolete)
    missing = unfinished("de")
    for text in missing:
        print(f"untranslated: {text!r}")
    return 1 if args.check and missing else 0


if __name__ == "__main__":
    sys.exit(main())
