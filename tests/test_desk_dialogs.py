"""The desk's dialogs: the import wizard's last page, where file dialogs open, the
new event's language."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QAbstractButton, QWizard

from checkin.store import create_event
from tests.helpers import SAMPLES, artifact, desk_window


def test_finished_import_offers_finish_and_no_cancel(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path) -> None:
    """After the import is done, *Cancel* beside *Finish* suggested it could be undone."""
    event = tmp_path / "event.checkin"
    create_event(event, name="Fachkonferenz", days=[date(2017, 9, 19)]).close()
    window = desk_window(qtbot, tmp_path, event)
    wizard = window.import_hook.open_wizard(SAMPLES / "pretix_orders.csv")
    assert wizard is not None
    qtbot.waitUntil(lambda: wizard.preview is not None, timeout=10000)
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.plan is not None, timeout=10000)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.import_page.result is not None, timeout=20000)
    assert "80 added" in wizard.import_page.label.text()
    shown = sorted(b.text().replace("&", "") for b in wizard.findChildren(QAbstractButton)
                   if b.isVisible())
    assert shown == ["Finish"], shown
    assert not wizard.button(QWizard.WizardButton.CancelButton).isVisible()
    wizard.grab().save(str(artifact("import_wizard_finished.png")))
    wizard.accept()
