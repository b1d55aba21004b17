"""The desk window on a shared event: live updates and the status bar (real server)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from checkin.door.door import Door
from checkin.sync.desks import open_desk, share
from checkin.sync.protocol import Desk
from checkin.ui.common.desk_settings import DeskSettings
from checkin.ui.main_window import MainWindow
from checkin.ui.sync.share_dialog import JoinAddressDialog
from tests.helpers import artifact, read_qr_codes
from tests.pg import unreachable

pytestmark = pytest.mark.postgres
DAY = "2017-09-19"


def _shown(qtbot, tmp_path: Path, desk: str | None = None) -> MainWindow:  # type: ignore[no-untyped-def]
    settings = DeskSettings.at(tmp_path / f"{desk or 'window'}.ini")
    if desk:
        settings.set("desk/name", desk)
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    return window


def _window(qtbot, tmp_path: Path, url: str, desk: str) -> MainWindow:  # type: ignore[no-untyped-def]
    window = _shown(qtbot, tmp_path, desk)
    assert window.open_path(url)
    qtbot.waitUntil(lambda: window.desk is not None, timeout=15000)
    assert window.desk is not None
    window.desk.set_day(DAY)
    return window


def test_status_bar_online_live_updates_and_offline_outbox(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                          pg_url: str, demo_path: Path) -> None:
    share(demo_path, pg_url)
    window = _window(qtbot, tmp_path, pg_url, "Desk 1")
    status = window.shared.status
    qtbot.waitUntil(lambda: "Online" in status.text(), timeout=15000)
    assert "0 waiting to send" in status.text()
    assert "last sync" in status.text() and "never" not in status.text()
    assert "1 desk(s) active" in status.text()
    assert "Desk 1" in window.status_event.text()
    assert "checkin_test_" in window.status_event.toolTip()
    desk = window.desk
    assert desk is not None
    assert desk.counter.text().startswith("0 /")

    # another desk checks someone in: it shows up here by itself (LISTEN/NOTIFY)
    other = Desk(open_desk(pg_url, "Desk 2"), pg_url, "Desk 2")
    Door(other.store, "Desk 2").scan("FK17-00001", day=DAY)
    assert other.sync().pushed == 1
    qtbot.waitUntil(lambda: desk.counter.text().startswith("1 /"), timeout=5000)
    qtbot.waitUntil(lambda: "2 desk(s) active" in status.text(), timeout=10000)
    window.grab().save(str(artifact("sync_online.png")))

    # a check-in here goes out at once
    qtbot.keyClicks(desk.field, "FK17-00002")
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.counter.text().startswith("2 /"), timeout=5000)
    qtbot.waitUntil(lambda: other.sync().pulled > 0, timeout=3000)  # pushed at once
    assert len(other.store.checked_in(DAY)) == 2
    qtbot.waitUntil(lambda: "0 waiting" in status.text(), timeout=5000)
    other.store.close()
    window.close()


def test_status_bar_offline_counts_the_outbox(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                             pg_url: str, demo_path: Path) -> None:
    share(demo_path, pg_url)
    open_desk(pg_url, "Desk 3").close()        # joined earlier, now the Wi-Fi is gone
    window = _window(qtbot, tmp_path, unreachable(pg_url), "Desk 3")
    status = window.shared.status
    qtbot.waitUntil(lambda: "Offline" in status.text(), timeout=15000)
    assert "Cannot reach the event server" in status.toolTip()
    desk = window.desk
    assert desk is not None
    qtbot.keyClicks(desk.field, "FK17-00002")
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Welcome" in desk.banner.headline.text(), timeout=5000)
    qtbot.waitUntil(lambda: "1 waiting to send" in status.text(), timeout=10000)
    assert "last sync" in status.text()
    window.grab().save(str(artifact("sync_offline.png")))
    window.close()


def test_join_address_shows_text_and_qr_without_password(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = JoinAddressDialog("postgresql://checkin:Geheim@192.168.1.20:5432/fk17")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.text.text() == "postgresql://checkin@192.168.1.20:5432/fk17"
    path = artifact("sync_join_address.png")
    dialog.grab().save(str(path))
    image = dialog.code.pixmap().toImage()
    from PIL import Image

    shot = Image.frombytes("RGBA", (image.width(), image.height()),
                           bytes(image.convertToFormat(image.Format.Format_RGBA8888).constBits()))
    (found,) = read_qr_codes(shot)
    assert found.text == "postgresql://checkin@192.168.1.20:5432/fk17"


def test_later_desk_screen_shows_the_double(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                           pg_url: str, demo_path: Path) -> None:
    share(demo_path, pg_url)
    here = open_desk(pg_url, "Desk 2")
    Door(here, "Desk 2").scan("FK17-00001", day=DAY)       # while cut off from Desk 1
    here.close()
    other = Desk(open_desk(pg_url, "Desk 1"), pg_url, "Desk 1")
    early = datetime.now(UTC) - timedelta(minutes=5)
    Door(other.store, "Desk 1").scan("FK17-00001", day=DAY, at=early)
    other.sync()
    other.store.close()
    window = _window(qtbot, tmp_path, pg_url, "Desk 2")    # Desk 2 comes back online
    desk = window.desk
    assert desk is not None
    qtbot.waitUntil(lambda: "checked in twice" in desk.banner.label.text(), timeout=15000)
    assert "Desk 1" in desk.banner.label.text() and desk.banner.kind == "notice"
    assert desk.banner.headline.text() == "Checked in at two desks"
    assert desk.counter.text().startswith("1 /")
    window.grab().save(str(artifact("sync_double.png")))
    window.close()


def test_share_this_event_from_the_menu(qtbot, tmp_path: Path, pg_url: str,  # type: ignore[no-untyped-def]
                                        demo_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog

    window = _shown(qtbot, tmp_path)
    assert window.open_path(demo_path)
    shared = window.shared
    assert shared.action_share.isEnabled() and not shared.action_join_address.isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (pg_url, True))
    shared.action_share.trigger()
    qtbot.waitUntil(lambda: shared.join_dialog is not None and shared.join_dialog.isVisible(),
                    timeout=15000)
    assert shared.join_dialog is not None
    assert shared.join_dialog.text.text() == pg_url
    qtbot.waitUntil(lambda: "Online" in shared.status.text(), timeout=15000)
    assert shared.action_join_address.isEnabled() and not shared.action_share.isEnabled()
    assert window.settings.text("event/last") == pg_url
    shared.join_dialog.close()
    window.close()


def test_opening_a_desk_copy_as_a_file_keeps_it_in_sync(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                       pg_url: str, demo_path: Path) -> None:
    share(demo_path, pg_url)
    copy = open_desk(pg_url, "Desk 5")
    path = copy.path
    copy.close()
    window = _shown(qtbot, tmp_path)
    assert window.open_path(path)
    assert window.desk_name == "Desk 5"
    qtbot.waitUntil(lambda: "Online" in window.shared.status.text(), timeout=15000)
    assert window.settings.text("event/last") == pg_url
    window.close()


def test_a_desk_copy_of_another_event_stops_syncing_and_says_why(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path, pg_url: str, demo_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from checkin.store import open_event

    share(demo_path, pg_url)
    copy = open_desk(pg_url, "Desk 6")
    path = copy.path
    copy.close()
    with open_event(path) as store, store.transaction() as db:  # as if the database was replaced
        db.execute("UPDATE sync_state SET value = 'another' WHERE key = 'event_uuid'")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    window = _window(qtbot, tmp_path, pg_url, "Desk 6")
    qtbot.waitUntil(lambda: bool(shown), timeout=15000)
    assert "holds another event" in shown[0]
    assert "Offline" in window.shared.status.text()
    window.close()


def test_status_bar_counts_records_set_aside(qtbot, tmp_path: Path, pg_url: str,  # type: ignore[no-untyped-def]
                                             demo_path: Path, translations) -> None:
    """A row someone put into the server's journal by hand is set aside, and the
    status bar says how many (in the desk's language)."""
    import uuid

    import psycopg
    from psycopg.types.json import Jsonb

    from checkin.ui.sync.sync_status import SyncStatus

    share(demo_path, pg_url)
    desk = Desk(open_desk(pg_url, "Desk 1"), pg_url, "Desk 1")
    with psycopg.connect(pg_url, autocommit=True) as conn:
        key = str(uuid.uuid4())
        conn.execute("INSERT INTO checkin_records(uuid, kind, desk, body) VALUES "
                     "(%s, 'checkin', 'x', %s)", (key, Jsonb({"uuid": key, "attendee_id": "?"})))
    report = desk.sync()
    desk.store.close()
    assert report.online and report.set_aside == 1
    translations.install("de")
    status = SyncStatus()
    qtbot.addWidget(status)
    status.show_report(report)
    assert status.text().startswith("● Verbunden") and status.text().endswith("1 zurückgestellt")
    assert "zurückgestellt (nicht übernommen)" in status.toolTip()
