"""Every per-desk setting, declared once with its default, and upgrades by version.

Per-desk settings belong to the computer at the desk (its name, language,
zoom, theme, sounds; later its printer and badge layout) and are kept by the
GUI with QSettings; per-event settings live in the event file
(``EventStore.set_setting``). Declaring them here, as Picard's ``options.py``
does, means the settings dialog, the GUI and the tests cannot disagree about
a key or a default. Stored settings from older versions are brought up to
date by the functions in ``UPGRADES`` (like the event file's migrations).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

LANGUAGES = ("system", "de", "en")
THEMES = ("system", "light", "dark")
ZOOM_MIN, ZOOM_MAX, ZOOM_STEP = 50, 300, 10


@dataclass(frozen=True, slots=True)
class Option:
    key: str
    default: str | int | bool
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None

    def coerce(self, raw: object) -> str | int | bool:
        """The stored value as its declared type; anything unusable gives the default."""
        if raw is None:
            return self.default
        if isinstance(self.default, bool):
            if isinstance(raw, bool):
                return raw
            return str(raw).strip().lower() in ("1", "true", "yes", "on")
        if isinstance(self.default, int):
            try:
                value = int(str(raw))
            except ValueError:
                return self.default
            if self.minimum is not None:
                value = max(self.minimum, value)
            if self.maximum is not None:
                value = min(self.maximum, value)
            return value
        text = str(raw)
        if self.choices and text not in self.choices:
            return self.default
        return text


OPTIONS: dict[str, Option] = {o.key: o for o in (
    Option("desk/name", "Desk 1"),
    Option("ui/language", "system", choices=LANGUAGES),
    Option("ui/theme", "system", choices=THEMES),
    Option("ui/zoom", 100, minimum=ZOOM_MIN, maximum=ZOOM_MAX),
    Option("desk/sounds", True),
    Option("event/last", ""),
)}

VERSION_KEY = "settings/version"


class SettingsStore(Protocol):
    """What an upgrade needs of the storage (QSettings has exactly this)."""

    def value(self, key: str, defaultValue: object = None) -> object: ...
    def setValue(self, key: str, value: object) -> None: ...
    def remove(self, key: str) -> None: ...
    def contains(self, key: str) -> bool: ...


def _upgrade_1(store: SettingsStore) -> None:
    """0.1.0 kept only desk/name and event/last; an empty desk name meant the default."""
    if store.contains("desk/name") and not str(store.value("desk/name") or "").strip():
        store.remove("desk/name")


#: version -> function bringing settings of version-1 to this version; append only.
UPGRADES: dict[int, Callable[[SettingsStore], None]] = {1: _upgrade_1}
CURRENT_VERSION = max(UPGRADES)


def upgrade(store: SettingsStore, upgrades: dict[int, Callable[[SettingsStore], None]]
            | None = None) -> list[int]:
    """Run the upgrades the stored settings have not seen yet; returns their versions."""
    steps = UPGRADES if upgrades is None else upgrades
    try:
        stored = int(str(store.value(VERSION_KEY, 0)))
    except ValueError:
        stored = 0
    done = []
    for version in sorted(steps):
        if version > stored:
            steps[version](store)
            store.setValue(VERSION_KEY, version)
            done.append(version)
    return done
