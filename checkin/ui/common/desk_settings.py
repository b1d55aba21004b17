"""Typed access to the per-desk settings declared in ``checkin.common.desk_options``.

The only module that touches QSettings (tests/test_architecture.py checks it): every
read and write goes through a declared option, so a key, its type and its default
are the same everywhere, and the stored settings are upgraded once, on opening.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from checkin.common.desk_options import OPTIONS, Value, upgrade


class DeskSettings:
    """The desk's QSettings, read and written through the declared options."""

    def __init__(self, qsettings: QSettings) -> None:
        self.qsettings = qsettings
        upgrade(qsettings)

    @classmethod
    def of_this_computer(cls) -> DeskSettings:
        """The settings of the user on this computer (organisation and application
        names set by the app)."""
        return cls(QSettings())

    @classmethod
    def at(cls, path: Path | str) -> DeskSettings:
        """Settings kept in an INI file of their own (tests, a portable desk)."""
        return cls(QSettings(str(path), QSettings.Format.IniFormat))

    def get(self, key: str, desk: str = "") -> Value:
        """The value of ``key`` (for a per-desk option: of ``desk``) as its declared type."""
        option = OPTIONS[key]
        return option.coerce(self.qsettings.value(option.stored_key(desk), option.default))

    def set(self, key: str, value: Value, desk: str = "") -> None:
        option = OPTIONS[key]
        self.qsettings.setValue(option.stored_key(desk), option.coerce(value))

    def reset(self, key: str, desk: str = "") -> None:
        """Forget the stored value: the default shows again."""
        self.qsettings.remove(OPTIONS[key].stored_key(desk))

    def text(self, key: str, desk: str = "") -> str:
        return str(self.get(key, desk))

    def number(self, key: str, desk: str = "") -> int:
        return int(self.get(key, desk))

    def decimal(self, key: str, desk: str = "") -> float:
        return float(self.get(key, desk))

    def flag(self, key: str, desk: str = "") -> bool:
        return bool(self.get(key, desk))

    def sync(self) -> None:
        self.qsettings.sync()
