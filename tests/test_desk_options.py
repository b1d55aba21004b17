"""The declared desk settings: defaults, coercion, versioned upgrades on real QSettings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from checkin.common.desk_options import CURRENT_VERSION, OPTIONS, VERSION_KEY, upgrade


def _settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "desk.ini"), QSettings.Format.IniFormat)


def test_coerce_gives_declared_types_and_defaults() -> None:
    assert OPTIONS["ui/zoom"].coerce("130") == 130
    assert OPTIONS["ui/zoom"].coerce("9999") == 300
    assert OPTIONS["ui/zoom"].coerce("big") == 100
    assert OPTIONS["desk/sounds"].coerce("false") is False
    assert OPTIONS["desk/sounds"].coerce(None) is True
    assert OPTIONS["ui/language"].coerce("fr") == "system"
    assert OPTIONS["ui/theme"].coerce("dark") == "dark"


def test_upgrade_runs_each_step_once(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    settings.setValue("desk/name", "  ")  # how 0.1.0 could leave it
    assert upgrade(settings) == list(range(1, CURRENT_VERSION + 1))
    assert not settings.contains("desk/name")
    assert int(settings.value(VERSION_KEY)) == CURRENT_VERSION  # type: ignore[call-overload]
    assert upgrade(settings) == []


def test_new_upgrade_applies_to_old_settings_only(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    upgrade(settings)
    seen: list[int] = []
    steps = {1: lambda s: seen.append(1), 2: lambda s: (seen.append(2),
                                                        s.setValue("ui/zoom", 150))}
    assert upgrade(settings, steps) == [2]
    assert seen == [2]
    settings.sync()
    reread = _settings(tmp_path)
    assert reread.value("ui/zoom") == "150" or reread.value("ui/zoom") == 150
    assert int(reread.value(VERSION_KEY)) == 2  # type: ignore[call-overload]
