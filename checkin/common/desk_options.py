"""Every per-desk setting, declared once with its default, and upgrades by version.

Per-desk settings belong to the computer at the desk (its name, language,
zoom, theme, sounds, its badge printer and layout) and are kept by the GUI
with QSettings, read and written only through ``checkin.ui.common.desk_settings``;
per-event settings live in the event file
(``EventStore.set_setting``). Declaring them here, as Picard's ``options.py``
does, means the settings dialog, the GUI and the tests cannot disagree about
a key or a default. Stored settings from older versions are brought up to
date by the functions in ``UPGRADES`` (like the event file's migrations).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

LANGUAGES = ("system", "de", "en")
THEMES = ("system", "light", "dark")
ZOOM_MIN, ZOOM_MAX, ZOOM_STEP = 50, 300, 10


Value = str | int | bool | float


@dataclass(frozen=True, slots=True)
class Option:
    """One setting. ``per_desk``: kept once per desk name (``badges/<desk>/printer``),
    because one computer can run as several desks (``--desk``), each with its printer."""

    key: str
    default: Value
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    per_desk: bool = False

    def stored_key(self, desk: str = "") -> str:
        """Where the value is kept: the key, or for a per-desk option the key with the
        desk's name as a group after the first part."""
        if not self.per_desk:
            return self.key
        if not desk:
            raise ValueError(f"{self.key} is kept per desk: name the desk")
        group, _, name = self.key.partition("/")
        return f"{group}/{desk}/{name}"

    def coerce(self, raw: object) -> Value:
        """The stored value as its declared type; anything unusable gives the default."""
        if raw is None:
            return self.default
        if isinstance(self.default, bool):
            if isinstance(raw, bool):
                return raw
            return str(raw).strip().lower() in ("1", "true", "yes", "on")
        if isinstance(self.default, float):
            try:
                number = float(str(raw).strip())
            except ValueError:
                return self.default
            return number if math.isfinite(number) else self.default
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
    # the desk's badge printing (ui/badges): its printer, paper and calibration
    Option("badges/printer", "", per_desk=True),
    Option("badges/layout", "a6", per_desk=True),
    Option("badges/template", "", per_desk=True),
    Option("badges/tray", "", per_desk=True),
    Option("badges/offset_x", 0.0, per_desk=True),
    Option("badges/offset_y", 0.0, per_desk=True),
    Option("badges/print_on_checkin", False, per_desk=True),
)}

VERSION_KEY = "settings/version"


class SettingsStore(Protocol):
    """What an upgrade needs of the storage (QSettings has exactly this)."""

    def value(self, key: str, defaultValue: object = None) -> object: ...
    def setValue(self, key: str, value: object) -> None: ...
    def remove(self, key: str) -> None: ...
    def contains(self, key: str) -> bool: ...
    def allKeys(self) -> list[str]: ...


def _upgrade_1(store: SettingsStore) -> None:
    """0.1.0 kept only desk/name and event/last; an empty desk name meant the default."""
    if store.contains("desk/name") and not str(store.value("desk/name") or "").strip():
        store.remove("desk/name")


def _upgrade_2(store: SettingsStore) -> None:
    """Until 0.2 the badge settings and the sound switch were read and written around
    the declarations, each converting on its own (sounds as the text "true"/"false",
    where the menu read "1" as off and the dialog as on; badge offsets as text). Every
    desk's stored values are kept and rewritten as their declared type, so all readers
    agree; an unreadable one is removed, so its default shows."""
    for key in store.allKeys():
        option = option_at(key)
        if option is None:
            continue
        raw = store.value(key)
        if _readable(option, raw):
            store.setValue(key, option.coerce(raw))
        else:
            store.remove(key)


def _readable(option: Option, raw: object) -> bool:
    """Whether ``raw`` holds a value of the option's type (not just its default)."""
    default, text = option.default, str(raw).strip()
    if isinstance(default, bool):
        return True
    try:
        if isinstance(default, int):
            int(text)
        elif isinstance(default, float):
            return math.isfinite(float(text))
    except ValueError:
        return False
    return not option.choices or text in option.choices


def option_at(stored_key: str) -> Option | None:
    """The declared option kept at ``stored_key`` (``badges/Desk 2/printer`` is the
    per-desk ``badges/printer``), or None for a key nobody declared."""
    option = OPTIONS.get(stored_key)
    if option is not None:
        return None if option.per_desk else option
    group, _, rest = stored_key.partition("/")
    desk, _, name = rest.rpartition("/")
    option = OPTIONS.get(f"{group}/{name}")
    return option if desk and option is not None and option.per_desk else None


#: version -> function bringing settings of version-1 to this version; append only.
UPGRADES: dict[int, Callable[[SettingsStore], None]] = {1: _upgrade_1, 2: _upgrade_2}
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
