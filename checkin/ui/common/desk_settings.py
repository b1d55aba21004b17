"""Typed access to the per-desk settings declared in ``checkin.common.desk_options``."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from checkin.common.desk_options import OPTIONS, upgrade


class DeskSettings:
    """The desk's QSettings, read and written through the declared options."""

    def __init__(self, qsettings: QSettings) -> None:
        self.qsettings = qsettings
        upgrade(qsettings)

    def get(self, key: str) -> str | int | bool:
        option = OPTIONS[key]
        return option.coerce(self.qsettings.value(key, option.default))

    def set(self, key: str, value: str | int | bool) -> None:
        option = OPTIONS[key]
        self.qsettings.setValue(key, option.coerce(value))

    def text(self, key: str) -> str:
        return str(self.get(key))

    def number(self, key: str) -> int:
        return int(self.get(key))

    def flag(self, key: str) -> bool:
        return bool(self.get(key))

    def sync(self) -> None:
        self.qsettings.sync()
