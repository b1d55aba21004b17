"""Logs and crash reports are private: no passwords, no personal data, 0600, purged.

The secret addresses go through the real command line; the log file and the
crash reports are read as a person sending a bug report would find them.
"""

from __future__ import annotations

import logging
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg.conninfo import conninfo_to_dict

from checkin.badges import render_batch
from checkin.common.logs import forget_event, setup_logging
from checkin.common.paths import crash_reports_dir, log_file
from checkin.event.demo import create_demo
from checkin.model import Attendee
from checkin.store import open_event
from checkin.store.sqlite import new_uuid
from tests.helpers import run_cli

SECRET = "s3cret"

#: malformed and odd addresses, each with the password somewhere
SECRET_URLS = [
    f"postgresql://u:{SECRET}@127.0.0.1:99999/db",        # port out of range
    f"postgresql://u:{SECRET}@[::1/db",                   # unclosed IPv6 bracket
    f"postgresql://u:{SECRET}@127.0.0.1:5432",            # no database
    f"postgres+x://u:{SECRET}@127.0.0.1/db",              # unknown scheme
    "postgresql://u:p%40ss" + SECRET + "@127.0.0.1:5432/db",  # url-encoded password
    f"postgresql://u@127.0.0.1:5432/db?password={SECRET}",  # password in the query
    f"postgresql://u:{SECRET}@127.0.0.1:abc/db",          # port that is no number
    f"postgresql://u:pa/ss{SECRET}@127.0.0.1/db",         # raw "/" in the password
]


def _user_files() -> list[Path]:
    """Everything checkin wrote into the user's data folder that a bug report could carry."""
    base = Path(os.environ["CHECKIN_DATA_DIR"])
    return [p for p in base.rglob("*") if p.is_file()] if base.exists() else []


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def private_umask() -> Iterator[None]:
    """A permissive umask: the files must be 0600 on their own, not thanks to the umask."""
    old = os.umask(0o000)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def log_to_file() -> Iterator[Path]:
    """The GUI's logging set-up (a file from the start), into this test's data folder."""
    path = setup_logging()
    yield path
    for handler in logging.getLogger("checkin").handlers:
        handler.flush()


# -- passwords -------------------------------------------------------------------------

@pytest.mark.parametrize("url", SECRET_URLS)
@pytest.mark.parametrize("verb", ["sync", "stats", "share"])
def test_a_password_in_an_address_is_never_shown_or_logged(url: str, verb: str,
                                                           demo_path: Path) -> None:
    args = ["share", demo_path, url] if verb == "share" else [verb, url]
    result = run_cli(*args)
    assert result.returncode == 2, result.stderr  # a user's mistake, not an internal problem
    assert result.stderr.startswith("error: ") and "internal problem" not in result.stderr
    assert "Traceback" not in result.stderr
    for text, where in ((result.stdout, "stdout"), (result.stderr, "stderr"),
                        *((p.read_text(errors="replace"), str(p)) for p in _user_files())):
        assert SECRET not in text, f"the password is in {where}: {text[:600]}"
        assert "p@ss" not in text and "p%40ss" not in text


def test_argparse_errors_do_not_echo_the_password() -> None:
    url = f"postgresql://u:{SECRET}@127.0.0.1/db"
    for args in (["sync", url, "extra"], [url], ["sync", url, "--desk"]):
        result = run_cli(*args)
        assert result.returncode == 2 and result.stderr.startswith("error: ")
        assert SECRET not in result.stderr + result.stdout, result.stderr


def test_a_driver_exception_quoting_the_address_is_scrubbed_in_the_log(
        log_to_file: Path, private_umask: None) -> None:
    url = f"postgresql://u:{SECRET}@[::1/db"
    log = logging.getLogger("checkin.cli")
    try:
        try:
            conninfo_to_dict(url)
        except psycopg.ProgrammingError as exc:
            raise ValueError(f"while opening {url}") from exc
    except ValueError:
        log.exception("unexpected error opening %s", url)
    log.warning("conninfo host=h password=%s dbname=x", SECRET, stack_info=True)
    text = log_to_file.read_text(encoding="utf-8")
    assert "ProgrammingError" in text and "ValueError: while opening" in text
    assert "password=***" in text and "u:***@" in text
    assert SECRET not in text
    assert _mode(log_to_file) == 0o600


def test_a_crash_report_is_private_and_has_no_password(private_umask: None) -> None:
    pytest.importorskip("PySide6")
    from checkin.ui.common.errors import describe_error

    url = f"postgresql://u:{SECRET}@[::1/db"
    try:
        conninfo_to_dict(url)
    except psycopg.ProgrammingError as exc:
        shown = describe_error(exc)
    reports = sorted(crash_reports_dir().glob("crash-*.txt"))
    assert len(reports) == 1 and str(reports[0]) in shown
    text = reports[0].read_text(encoding="utf-8")
    assert "ProgrammingError" in text and SECRET not in text and SECRET not in shown
    assert _mode(reports[0]) == 0o600 and _mode(crash_reports_dir()) == 0o700
    assert SECRET not in log_file().read_text(encoding="utf-8")
    assert _mode(log_file()) == 0o600


# -- file modes ------------------------------------------------------------------------

def test_the_log_and_every_rotated_log_are_0600(private_umask: None) -> None:
    old = log_file()
    old.write_text("2017-09-18 10:00:00,000 INFO checkin: written by an older version\n")
    os.chmod(old, 0o644)  # as the old handler left it
    Path(f"{old}.1").write_text("older\n")
    os.chmod(f"{old}.1", 0o644)
    report = crash_reports_dir() / "crash-20170918-100000-000000.txt"
    report.write_text("an older version's report\n")
    os.chmod(report, 0o644)
    path = setup_logging()
    assert path == old and _mode(path) == 0o600 and _mode(Path(f"{path}.1")) == 0o600
    assert _mode(report) == 0o600
    handler = next(h for h in logging.getLogger("checkin").handlers
                   if getattr(h, "baseFilename", None) == str(path.absolute()))
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    handler.maxBytes = 2_000  # the real 2 MB would take a while to fill
    log = logging.getLogger("checkin.test")
    for i in range(200):
        log.warning("line %d of a long afternoon at the desk", i)
    rotated = sorted(path.parent.glob("checkin.log.*"))
    assert len(rotated) == handler.backupCount  # it did roll over, several times
    for p in (path, *rotated):
        assert _mode(p) == 0o600, f"{p} is {oct(_mode(p))}"
    assert _mode(path.parent) == 0o700


# -- personal data ---------------------------------------------------------------------

HOSTILE = [  # names that make the badge renderer take its fallbacks (cut, dropped characters)
    ("Maximiliane-Friederike Theodora", "Freifrau von und zu Hohenzollern-Sigmaringen"),
    ("Zoë 😀🎉", "Ölçer"),
    ("Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" * 4, "Quastenflosser"),
]
ORG = "Institut für Hydraulik und landeskulturelle Wasserwirtschaft"


def _personal(store_path: Path) -> list[str]:
    with open_event(store_path) as store:
        people = store.attendees()
    found = {s for p in people for s in (p.first_name, p.last_name, p.email,
                                          p.organization, p.ticket_code) if len(s) >= 4}
    return sorted(found)


def test_a_badge_batch_logs_no_name_organisation_or_email(tmp_path: Path,
                                                          log_to_file: Path) -> None:
    path = tmp_path / "badges.checkin"
    with create_demo(path, size=30) as store:
        store.add_attendees(
            Attendee(id=new_uuid(), first_name=first, last_name=last, organization=ORG,
                     email=f"{last[:6].lower()}@example.org", days=("2017-09-19",))
            for first, last in HOSTILE)
        result = render_batch(store, layout="a6")
    assert result.warnings, "the hostile names must make the renderer warn"
    assert any("Ölçer" in w for w in result.warnings)  # the desk still sees who
    text = log_to_file.read_text(encoding="utf-8")
    assert "checkin.badges" in text  # the fallbacks are logged, by id
    leaked = [s for s in _personal(path) if s.casefold() in text.casefold()]
    assert leaked == [], f"personal data in the log: {leaked}"


def test_a_desk_session_logs_no_personal_data(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                              demo_path: Path, log_to_file: Path) -> None:
    from PySide6.QtCore import Qt

    from checkin.ui.common.desk_settings import DeskSettings
    from checkin.ui.main_window import MainWindow
    from tests.helpers import type_text

    window = MainWindow(DeskSettings.at(tmp_path / "s.ini"))
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(demo_path)
    desk = window.desk
    assert desk is not None
    desk.set_day("2017-09-19")
    type_text(desk.field, "jürgen mül")
    qtbot.waitUntil(lambda: desk.model.rowCount() == 2)
    qtbot.keyClick(desk.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.banner.isVisible())
    type_text(desk.field, "nobody-by-this-name")
    window.close()
    text = log_to_file.read_text(encoding="utf-8") if log_to_file.exists() else ""
    leaked = [s for s in [*_personal(demo_path), "jürgen mül", "nobody-by-this-name"]
              if s.casefold() in text.casefold()]
    assert leaked == [], f"personal data in the log: {leaked}"


def test_a_purge_removes_the_event_and_its_people_from_logs_and_crash_reports(
        demo_path: Path) -> None:
    with open_event(demo_path) as store:
        people = store.attendees()
    anna, bert = people[0], people[1]
    log = log_file()
    older_style = [  # what older versions wrote: names at INFO, the event's path
        "2017-09-19 09:00:00,000 INFO checkin.cli: start\n",
        f"2017-09-19 09:01:00,000 INFO checkin.badges: badge: {anna.display_name}: "
        "'{first_name} {last_name}' is too long for its box\n",
        f"2017-09-19 09:02:00,000 ERROR checkin.ui: mail to {bert.email} bounced\n",
        f"2017-09-19 09:03:00,000 ERROR checkin.cli: cannot open {demo_path}\n",
        "2017-09-19 09:04:00,000 WARNING checkin.ui.common.i18n: Qt's own translations not found\n",
    ]
    log.write_text("".join(older_style), encoding="utf-8")
    Path(f"{log}.2").write_text(older_style[1], encoding="utf-8")
    report = crash_reports_dir() / "crash-20170919-090500-000000.txt"
    report.write_text("checkin 1.0\n\nTraceback (most recent call last):\n"
                      f"KeyError: '{bert.full_name}'\n", encoding="utf-8")

    result = run_cli("purge", demo_path, "--now", "--yes")
    assert result.returncode == 0, result.stderr

    kept = log.read_text(encoding="utf-8")
    assert kept == older_style[0] + older_style[4]
    assert Path(f"{log}.2").read_text(encoding="utf-8") == ""
    assert report.read_text(encoding="utf-8") == (
        "checkin 1.0\n\nTraceback (most recent call last):\n")
    everything = "\n".join(p.read_text(errors="replace") for p in _user_files())
    for s in (anna.display_name, anna.full_name, bert.email, bert.full_name, str(demo_path)):
        assert s not in everything
    assert _mode(log) == 0o600 and _mode(report) == 0o600


def test_forget_event_matches_names_whatever_their_case_and_spacing(tmp_path: Path) -> None:
    log = log_file()
    log.write_text("a JÜRGEN   müller line\nan unrelated line\nmail JMUELLER@EXAMPLE.ORG\n"
                   "Jürgens and Müllers are other people\n", encoding="utf-8")
    removed = forget_event([tmp_path / "x.checkin"], ["Jürgen Müller", "jmueller@example.org"])
    assert removed == 2
    assert log.read_text(encoding="utf-8") == ("an unrelated line\n"
                                               "Jürgens and Müllers are other people\n")


if sys.platform == "win32":  # pragma: no cover - POSIX modes
    pytestmark = pytest.mark.skip("file modes are POSIX")
