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
    nxt = CURRENT_VERSION + 1
    steps = {CURRENT_VERSION: lambda s: seen.append(CURRENT_VERSION),
             nxt: lambda s: (seen.append(nxt), s.setValue("ui/zoom", 150))}
    assert upgrade(settings, steps) == [nxt]
    assert seen == [nxt]
    settings.sync()
    reread = _settings(tmp_path)
    assert reread.value("ui/zoom") == "150" or reread.value("ui/zoom") == 150
    assert int(reread.value(VERSION_KEY)) == nxt  # type: ignore[call-overload]


OLD_FORMAT = """[General]
settings\\version=1
desk\\name=Entrance B
desk\\sounds=false
ui\\zoom=130
event\\last=/home/desk/fachkonferenz.checkin

[badges]
Entrance%20B\\printer=QL-820
Entrance%20B\\layout=brother-ql-62
Entrance%20B\\template=name-only
Entrance%20B\\tray=Manual
Entrance%20B\\offset_x=1.5
Entrance%20B\\offset_y=-0.5
Entrance%20B\\print_on_checkin=1
Back%20office\\printer=Laser
Back%20office\\offset_x=a bit
"""


def test_settings_written_by_the_old_version_are_upgraded_and_kept(tmp_path: Path) -> None:
    """A desk's settings file from before the badge options were declared (written with
    its own conversions: sounds and switches as text, offsets as text) opens with every
    value kept, now readable as its declared type by every part of the desk."""
    from checkin.ui.badges.badge_settings import DeskPrintSettings
    from checkin.ui.common.desk_settings import DeskSettings

    (tmp_path / "desk.ini").write_text(OLD_FORMAT, encoding="utf-8")
    desk = DeskSettings.at(tmp_path / "desk.ini")
    assert desk.text("desk/name") == "Entrance B"
    assert desk.flag("desk/sounds") is False
    assert desk.number("ui/zoom") == 130
    assert desk.text("event/last") == "/home/desk/fachkonferenz.checkin"
    assert DeskPrintSettings.load(desk, "Entrance B") == DeskPrintSettings(
        printer="QL-820", layout="brother-ql-62", template="name-only", tray="Manual",
        offset_x=1.5, offset_y=-0.5, print_on_checkin=True)
    back = DeskPrintSettings.load(desk, "Back office")
    assert back.printer == "Laser" and back.offset_x == 0.0  # unreadable: the default
    desk.sync()
    raw = _settings(tmp_path)
    assert int(raw.value(VERSION_KEY)) == CURRENT_VERSION  # type: ignore[call-overload]
    assert not raw.contains("badges/Back office/offset_x")  # removed, not kept as junk
    assert raw.value("badges/Entrance B/printer") == "QL-820"


def test_per_desk_options_need_a_desk_and_are_kept_apart(tmp_path: Path) -> None:
    from checkin.ui.common.desk_settings import DeskSettings

    desk = DeskSettings.at(tmp_path / "desk.ini")
    desk.set("badges/offset_x", "2.25", "Desk 2")
    assert desk.decimal("badges/offset_x", "Desk 2") == 2.25
    assert desk.decimal("badges/offset_x", "Desk 1") == 0.0
    try:
        desk.get("badges/printer")
    except ValueError:
        pass
    else:
        raise AssertionError("a per-desk option read without a desk")
