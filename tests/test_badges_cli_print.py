"""``checkin badges`` / ``checkin printers`` for real, and printing through a real CUPS queue."""

from __future__ import annotations

import hashlib
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from checkin.badges import render_one
from checkin.errors import PrintProblem
from checkin.printing import PrintOptions, cups
from checkin.store import EventStore, open_event
from tests.helpers import PRINTER, need_cups, pdf_pages, require_tool, run_cli, wait_for_cups_output


def test_badges_to_a_file_with_filter_sort_and_start(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "speakers.pdf"
    result = run_cli("badges", demo_path, "--out", out, "--layout", "zweckform-l4785",
                     "--filter", "role=speaker", "--sort", "organization", "--start", "9")
    assert result.returncode == 0, result.stderr
    count = int(result.stdout.split()[0])
    assert count > 0 and "zweckform-l4785" in result.stdout
    pages = pdf_pages(out)
    assert len(pages) == 1 + max(0, count - 2 + 9) // 10
    assert pages[0] == pytest.approx((595.3, 841.9), abs=0.5)
    again = run_cli("badges", demo_path, "--out", out, "--filter", "role=speaker",
                    "--filter", "not-printed")
    assert again.returncode == 2
    assert again.stderr.startswith("error: No one matches")


def test_no_record_is_a_preview_that_marks_no_one(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "preview.pdf"
    assert run_cli("badges", demo_path, "--out", out, "--no-record").returncode == 0
    with open_event(demo_path) as store:
        assert store.audit_log(action="badge_print") == []


@pytest.mark.parametrize(("args", "says"), [
    (["--layout", "a5-poster"], "There is no badge layout 'a5-poster'"),
    (["--template", "nope"], "There is no badge template 'nope'"),
    (["--filter", "colour=red"], "Unknown filter"),
    (["--start", "11", "--layout", "zweckform-l4785"], "between 1 and 10"),
    (["--offset", "a,b"], "--offset needs two numbers"),
])
def test_bad_options_say_what_to_do_and_leave_the_event_alone(
        demo_path: Path, tmp_path: Path, args: list[str], says: str) -> None:
    before = hashlib.sha256(demo_path.read_bytes()).hexdigest()
    result = run_cli("badges", demo_path, "--out", tmp_path / "x.pdf", *args)
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and says in result.stderr
    assert "Traceback" not in result.stderr
    assert hashlib.sha256(demo_path.read_bytes()).hexdigest() == before
    assert not (tmp_path / "x.pdf").exists()


def test_printing_to_a_missing_printer_is_a_clear_error(demo_path: Path) -> None:
    require_tool("lp")
    result = run_cli("badges", demo_path, "--printer", "NoSuchPrinter-42")
    assert result.returncode == 2
    assert "'NoSuchPrinter-42'" in result.stderr


def test_badge_templates_verb_lists_shows_and_stores(demo_path: Path, tmp_path: Path) -> None:
    listed = run_cli("badge-templates", demo_path)
    assert "conference-a6" in listed.stdout.split()
    shown = run_cli("badge-templates", demo_path, "--show", "card")
    assert '"width_mm": 85.6' in shown.stdout
    mine = tmp_path / "mine.json"
    mine.write_text(shown.stdout.replace('"Card"', '"Mine"').replace("{role}", "{rolle}"),
                    encoding="utf-8")
    bad = run_cli("badge-templates", demo_path, "--save", "mine", mine)
    assert bad.returncode == 2 and "unknown field {rolle}" in bad.stderr
    mine.write_text(shown.stdout.replace('"Card"', '"Mine"'), encoding="utf-8")
    assert run_cli("badge-templates", demo_path, "--save", "mine", mine).returncode == 0
    assert "mine" in run_cli("badge-templates", demo_path).stdout.split()


# -- the real CUPS queue -------------------------------------------------------------------








@pytest.fixture
def stopped_printer() -> Iterator[str]:
    """A second cups-pdf queue that is disabled (never touches the shared BadgePDF)."""
    need_cups()
    lpadmin = require_tool("lpadmin")
    name = f"checkin-stopped-{uuid.uuid4().hex[:8]}"
    made = subprocess.run([lpadmin, "-p", name, "-v", "cups-pdf:/", "-m",
                           "lsb/usr/cups-pdf/CUPS-PDF_opt.ppd"], capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"cannot add a test queue: {made.stderr.strip()}")
    subprocess.run(["cupsdisable", "-r", "Out of labels", name], capture_output=True)
    yield name
    subprocess.run([lpadmin, "-x", name], capture_output=True)


def test_a_badge_prints_through_cups_at_its_exact_size(demo_store: EventStore) -> None:
    need_cups()
    person = demo_store.attendees()[0]
    for layout, size_pt in (("a6", (297.6, 419.5)), ("brother-ql-62", (175.7, 283.5))):
        pdf = render_one(demo_store, person, layout=layout).pdf
        from checkin.badges import get_layout

        job = cups.submit(pdf, PRINTER, PrintOptions(media=get_layout(layout).cups_media,
                                                     title=f"checkin-test-{layout}"))
        out = wait_for_cups_output(job)
        try:
            pages = pdf_pages(out)
            assert len(pages) == 1
            assert pages[0] == pytest.approx(size_pt, abs=1.5), layout
        finally:
            out.unlink(missing_ok=True)


def test_printers_verb_lists_the_cups_queue() -> None:
    need_cups()
    result = run_cli("printers")
    assert result.returncode == 0
    assert any(line.split("\t")[0] == PRINTER for line in result.stdout.splitlines())


def test_a_stopped_printer_is_reported_with_what_to_do(demo_store: EventStore,
                                                       stopped_printer: str) -> None:
    pdf = render_one(demo_store, demo_store.attendees()[0]).pdf
    with pytest.raises(PrintProblem) as err:
        cups.submit(pdf, stopped_printer, PrintOptions(media="A6"))
    assert "is stopped" in err.value.message and "retry" in err.value.message


def test_badge_pdf_is_readable_only_by_the_user(demo_path: Path, tmp_path: Path) -> None:
    """Badges hold names and codes: the PDF is private like every export."""
    out = tmp_path / "badges.pdf"
    result = run_cli("badges", demo_path, "--out", out, "--layout", "a7")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert out.stat().st_mode & 0o777 == 0o600
    assert not list(tmp_path.glob(".badges.pdf*"))  # no temporary file left behind
