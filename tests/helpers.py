"""Helpers shared by the tests: paths, the real command line, file systems, printers,
windows. The one place tests import shared code from (fixtures live in conftest.py);
no test module imports another.

Qt is imported inside the helpers that need it, so core-only tests stay Qt-free.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pypdfium2
import pytest
import qrcode
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from checkin.errors import PrintProblem
from checkin.model import Attendee
from checkin.printing import cups
from tests.attendance_scenario import D1, build

if TYPE_CHECKING:
    from checkin.ui.badges.badge_settings import DeskPrintSettings
    from checkin.ui.main_window import MainWindow


ROOT = Path(__file__).resolve().parents[1]


SAMPLES = ROOT / "tests" / "fixtures" / "samples"


ARTIFACTS = ROOT / "artifacts"


def require_tool(name: str) -> str:
    """Path of a system tool; skip (or fail in CI) when it is missing."""
    path = shutil.which(name)
    if path is None:
        message = f"system tool '{name}' is not installed (.ci/run installs it)"
        if os.environ.get("CHECKIN_REQUIRE_TOOLS") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return path


def artifact(name: str) -> Path:
    """Where tests save screenshots and PDFs for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name


def run_cli(*args: str | Path, stdin: str | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real ``checkin`` command line in a subprocess."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "checkin", *map(str, args)],
        input=stdin, capture_output=True, text=True, env=full_env, timeout=120,
    )


def type_text(widget: object, text: str) -> None:
    """Type ``text`` key by key like a person (QTest cannot send non-ASCII keys)."""
    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtGui import QKeyEvent

    for ch in text:
        key = ord(ch.upper()) if ch.isascii() and ch.isalnum() else (
            Qt.Key.Key_Space if ch == " " else Qt.Key.Key_unknown)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, ch)
            QCoreApplication.sendEvent(widget, event)  # type: ignore[arg-type]


def read_qr_codes(image: Any) -> list[Any]:
    """Decode the QR codes in an image with zxing-cpp, an independent decoder.

    Only QR codes are looked for: badges carry nothing else, and a 1-D format
    could be "found" in a line of printed text.
    """
    import zxingcpp

    return list(zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode))


def check_in_expected(window: Any, demo_path: Path, day: str = "2017-09-19") -> Attendee:
    """Open the demo in ``window`` and check in (by name) someone expected on ``day``."""
    assert window.open_path(demo_path)
    desk = window.desk
    assert desk is not None
    desk.set_day(day)
    person = next(p for p in window.store.attendees()
                  if p.expected_on(day) and p.status != "cancelled")
    desk.field.setText(person.display_name)
    desk.check_in_selected()
    assert isinstance(person, Attendee)
    return person


def wait_for(condition: Callable[[], bool], timeout: float = 15) -> None:
    """Poll ``condition`` until it holds; fail after ``timeout`` seconds (no fixed sleeps)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def rasterise(pdf: bytes, dpi: int = 150) -> list[object]:
    doc = pypdfium2.PdfDocument(pdf)
    try:
        return [doc[i].render(scale=dpi / 72).to_pil() for i in range(len(doc))]
    finally:
        doc.close()


class FilePrinter:
    """A printer that files each job's PDF (and can be switched off, like a jammed one)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.jobs: list[Path] = []
        self.broken = False

    def __call__(self, pdf: bytes, settings: DeskPrintSettings, title: str) -> str:
        if self.broken:
            raise PrintProblem(f"The printer '{settings.printer}' is stopped (out of labels). "
                               "Check paper, then retry.")
        path = self.folder / f"job-{len(self.jobs) + 1}.pdf"
        path.write_bytes(pdf)
        self.jobs.append(path)
        return path.name


def badge_window(qtbot, tmp_path: Path, event: Path, printer: FilePrinter,  # type: ignore[no-untyped-def]
            on_checkin: bool = True) -> MainWindow:
    """The main window on ``event`` with ``printer`` as the desk's printer (print on
    check-in by default); jobs run at once on the GUI thread."""
    from checkin.ui.badges.badge_settings import DeskPrintSettings
    from checkin.ui.common.desk_settings import DeskSettings
    from checkin.ui.common.tasks import TaskRunner
    from checkin.ui.main_window import MainWindow

    settings = DeskSettings.at(tmp_path / "settings.ini")
    DeskPrintSettings(printer="Front desk", layout="a6", print_on_checkin=on_checkin).save(
        settings, "Desk 1")
    window = MainWindow(settings, TaskRunner(immediate=True))
    window.badges.send = printer
    window.badges.poll = None  # a file has no print queue to follow
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(event)
    return window


def desk_window(qtbot, tmp_path: Path, event: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    """The main window, shown, on ``event``."""
    from checkin.ui.common.desk_settings import DeskSettings
    from checkin.ui.main_window import MainWindow

    settings = DeskSettings.at(tmp_path / "settings.ini")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(event)
    assert window.desk is not None
    return window


def attendance_event(tmp_path: Path) -> Path:
    """The attendance scenario's event plus Gustav and Hanna (day 1), closed."""
    path = tmp_path / "e.checkin"
    store, _ = build(path)
    store.add_attendees([Attendee(id="gustav", first_name="Gustav", last_name="Gärtner",
                                  organization="Uni Köln", project="P1 Moor",
                                  role="Teilnehmer", days=(D1,), ticket_code="T-GUSTAV"),
                         Attendee(id="hanna", first_name="Hanna", last_name="Hölzl",
                                  organization="TU Berlin", project="P2 Wald",
                                  role="Teilnehmerin", days=(D1,))])
    store.close()
    return path


def attendance_window(qtbot, tmp_path: Path, event: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    """The main window on ``event``, the desk on day 1 (the live board follows it)."""
    window = desk_window(qtbot, tmp_path, event)
    assert window.desk is not None
    window.desk.set_day(D1)
    assert window.attendance.picker.combo.count() == 3  # followed the desk to day 1
    return window


def snapshot(path: Path) -> list[object]:
    """Everything a user could lose: people, days, check-ins, audit log, settings."""
    db = sqlite3.connect(path)
    try:
        return [db.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                for t in ("attendees", "attendee_days", "checkins", "audit", "settings",
                          "sqlite_master")]
    finally:
        db.close()


def badge_photo(code: str, name: str) -> Image.Image:
    """A badge as a camera sees it: card with name and QR, tilted, soft, on a desk."""
    card = Image.new("RGB", (600, 400), "white")
    draw = ImageDraw.Draw(card)
    draw.rectangle((0, 0, 599, 70), fill="#1b5e20")
    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", 40)
    except OSError:
        font = ImageFont.load_default()
    draw.text((20, 110), name, fill="black", font=font)
    qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2, box_size=6)
    qr.add_data(code, optimize=0)
    card.paste(qr.make_image().get_image().convert("RGB").resize((200, 200)), (380, 180))
    photo = Image.new("RGB", (900, 700), "#8d6e63")
    photo.paste(card.rotate(8, expand=True, fillcolor="#8d6e63"), (120, 110))
    return photo.filter(ImageFilter.GaussianBlur(1.0))


Mount = Callable[..., Path]


def unavailable(message: str) -> None:
    if os.environ.get("CHECKIN_REQUIRE_TOOLS") == "1":
        pytest.fail(message)
    pytest.skip(message)


def fill(folder: Path, leave: int = 0) -> None:
    """Fill the file system of ``folder`` to the last byte, then give back ``leave`` bytes."""
    ballast = folder / "ballast"
    chunk = b"\0" * 65536
    fd = os.open(ballast, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            try:
                written = os.write(fd, chunk)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
                break
            if written < len(chunk):
                chunk = chunk[:max(len(chunk) - written, 1)]
        if leave:
            os.ftruncate(fd, max(os.fstat(fd).st_size - leave, 0))
    finally:
        os.close(fd)


PRINTER = "BadgePDF"


def pdf_pages(path: Path) -> list[tuple[float, float]]:
    doc = pypdfium2.PdfDocument(str(path))
    try:
        return [doc[i].get_size() for i in range(len(doc))]
    finally:
        doc.close()


def need_cups() -> None:
    require_tool("lp")
    require_tool("lpstat")
    if not cups.available() or PRINTER not in {p.name for p in cups.list_printers()}:
        message = f"CUPS is not running or has no '{PRINTER}' queue (run .ci/setup-system)"
        if os.environ.get("CHECKIN_REQUIRE_TOOLS") == "1":
            pytest.fail(message)
        pytest.skip(message)


def cups_output_folders() -> list[Path]:
    """Where cups-pdf writes (``Out`` in cups-pdf.conf: ~/PDF; anonymous jobs elsewhere)."""
    folders = [Path.home() / "PDF", Path("/var/spool/cups-pdf/ANONYMOUS")]
    conf = Path("/etc/cups/cups-pdf.conf")
    if conf.exists():
        for line in conf.read_text(errors="replace").splitlines():
            if line.startswith("Out "):
                folders.append(Path(line.split(None, 1)[1].replace("${HOME}", str(Path.home()))))
    user = os.environ.get("USER") or os.environ.get("LOGNAME") or ""
    if user:
        folders.append(Path("/var/spool/cups-pdf") / user)
    return folders


def wait_for_cups_output(job: str, timeout: float = 60) -> Path:
    number = job.rsplit("-", 1)[1]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for folder in cups_output_folders():
            if folder.is_dir():
                for path in folder.glob(f"*job_{number}.pdf"):
                    if path.stat().st_size > 0 and cups.job_state(job) == "completed":
                        return path
        time.sleep(0.3)
    raise AssertionError(f"cups-pdf wrote no PDF for {job} in {cups_output_folders()}")



# -- the desk, driven as staff do (shared by the desk and badge tests) ------------------


def desk_of(window: Any) -> Any:
    """The window's desk view (asserted to be there)."""
    assert window.desk is not None
    return window.desk


def store_of(window: Any) -> Any:
    """The window's open event (asserted to be there)."""
    assert window.store is not None
    return window.store


def hand_type(qtbot, widget, text: str, delay_ms: int = 70) -> None:  # type: ignore[no-untyped-def]
    """Type like a person: one key every ``delay_ms`` (umlauts included)."""
    for ch in text:
        type_text(widget, ch)
        qtbot.wait(delay_ms)


def badge(store: Any, person: Attendee) -> str:
    """The signed badge code of ``person`` in ``store``'s event."""
    from checkin.door import codes

    return codes.badge_code(store.code_secret(), person.code_ref)


def check_in_by_name(window: Any, name: str, person_id: str, day: str) -> None:
    """Type ``name`` into the desk's field (the person is the selected row) and press Enter."""
    desk = window.desk
    assert desk is not None
    desk.set_day(day)
    desk.field.setText(name)
    selected = desk.selected()
    assert selected is not None and selected.id == person_id
    desk.field.returnPressed.emit()


class DialogAnswers:
    """Answers the modal dialogs a step opens (file dialogs, questions), in order.

    ``DialogAnswers((QFileDialog, pick), (NewEventDialog, fill))`` watches for the
    next active modal widget of each type and hands it to its function, which
    reads it and closes it (``accept()``/``reject()``), so a step that runs a
    nested ``exec()`` (``QFileDialog.getSaveFileName``) can be driven through the
    real dialog. ``seen`` keeps each dialog answered; ``done`` says all were.
    """

    def __init__(self, *answers: tuple[type, Callable[[Any], None]]) -> None:
        from PySide6.QtCore import QTimer

        self.answers = list(answers)
        self.seen: list[Any] = []
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        from PySide6.QtWidgets import QApplication

        modal = QApplication.activeModalWidget()
        if not self.answers:
            self.timer.stop()
            return
        kind, answer = self.answers[0]
        if not isinstance(modal, kind) or any(modal is s for s in self.seen):
            return
        self.answers.pop(0)
        self.seen.append(modal)
        answer(modal)

    @property
    def done(self) -> bool:
        return not self.answers
