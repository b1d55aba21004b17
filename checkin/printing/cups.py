"""Printing PDFs through CUPS (Linux, macOS) with ``lp`` and ``lpstat``.

Why the command-line tools and not a binding: they are on every CUPS system,
need no compiled module, and say plainly what went wrong. Badges must come
out at their exact physical size, so every job names its media size and
switches off "fit to page" scaling.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from checkin.errors import PrintProblem

TIMEOUT = 20
_REQUEST = re.compile(r"request id is (\S+)")


@dataclass(frozen=True, slots=True)
class Printer:
    name: str
    state: str  # idle, printing, stopped
    enabled: bool
    default: bool = False
    message: str = ""

    @property
    def ready(self) -> bool:
        return self.enabled and self.state != "stopped"


@dataclass(frozen=True, slots=True)
class PrintOptions:
    """How a job is printed: media exactly as the layout's page, never scaled."""

    media: str
    tray: str = ""
    copies: int = 1
    title: str = "checkin badge"

    def lp_args(self) -> list[str]:
        args = ["-o", f"media={self.media}", "-o", "fit-to-page=false",
                "-o", "print-scaling=none", "-o", "scaling=100", "-n", str(self.copies),
                "-t", self.title[:100]]
        if self.tray:
            args += ["-o", f"InputSlot={self.tray}"]
        return args


def _run(args: list[str]) -> subprocess.CompletedProcess[str]:
    tool = shutil.which(args[0])
    if tool is None:
        raise PrintProblem(f"'{args[0]}' was not found: CUPS is not installed here. Install "
                           "CUPS (e.g. apt-get install cups) or print the PDF file by hand.")
    env = {**os.environ, "LC_ALL": "C", "LANG": "C"}
    try:
        return subprocess.run([tool, *args[1:]], capture_output=True, text=True, env=env,
                              timeout=TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        raise PrintProblem(f"The print system did not answer within {TIMEOUT} s. Check that "
                           "CUPS is running, then retry.") from None


def available() -> bool:
    """True if the CUPS tools are installed and the scheduler answers."""
    if shutil.which("lpstat") is None:
        return False
    return "scheduler is running" in _run(["lpstat", "-r"]).stdout


def list_printers() -> list[Printer]:
    """The queues CUPS offers, with their state."""
    result = _run(["lpstat", "-p", "-d"])
    said = result.stderr + result.stdout
    if result.returncode != 0 and "No destinations" not in said and (
            "scheduler is not running" in said or "connect" in result.stderr.lower()):
        raise PrintProblem("The print system (CUPS) is not running. Start it, then retry.")
    default = ""
    printers: list[tuple[str, str, bool, str]] = []
    for line in result.stdout.splitlines():
        if line.startswith("system default destination:"):
            default = line.split(":", 1)[1].strip()
        elif line.startswith("printer "):
            parts = line.split()
            name = parts[1]
            enabled = "disabled" not in line
            if " is idle" in line:
                state = "idle"
            elif "now printing" in line:
                state = "printing"
            else:
                state = "stopped" if not enabled else "idle"
            printers.append((name, state, enabled, ""))
        elif line.startswith(("\t", " ")) and printers:
            name, state, enabled, message = printers[-1]
            printers[-1] = (name, state, enabled, (message + " " + line.strip()).strip())
    return [Printer(n, s, e, n == default, m) for n, s, e, m in printers]


def printer(name: str) -> Printer:
    """One printer by name; ``PrintProblem`` if it is missing."""
    for p in list_printers():
        if p.name == name:
            return p
    names = ", ".join(p.name for p in list_printers()) or "none"
    raise PrintProblem(f"The printer '{name}' is not set up on this computer (printers: "
                       f"{names}). Choose another printer in the badge settings.")


def ready_printer(name: str) -> Printer:
    """The printer, if it exists and accepts jobs; else ``PrintProblem`` saying what to do."""
    target = printer(name)
    if not target.ready:
        reason = f" ({target.message})" if target.message else ""
        raise PrintProblem(f"The printer '{name}' is stopped{reason}. Check paper and "
                           "cables, resume it in the printer settings, then retry.")
    return target


def submit(pdf: bytes, printer_name: str, options: PrintOptions) -> str:
    """Send a PDF to a printer; returns the CUPS job id. Stopped or missing → PrintProblem."""
    ready_printer(printer_name)
    with tempfile.NamedTemporaryFile(suffix=".pdf", delete=False) as fh:
        fh.write(pdf)
        path = Path(fh.name)
    try:
        result = _run(["lp", "-d", printer_name, *options.lp_args(), str(path)])
    finally:
        path.unlink(missing_ok=True)
    match = _REQUEST.search(result.stdout)
    if result.returncode != 0 or match is None:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise PrintProblem(f"The printer '{printer_name}' refused the job: "
                           f"{detail[-1] if detail else 'no reason given'}. Check the printer, "
                           "then retry.")
    return match.group(1)


def job_state(job_id: str) -> str:
    """pending, completed or unknown (a job CUPS no longer knows)."""
    queue = job_id.rsplit("-", 1)[0]
    for which, state in (("not-completed", "pending"), ("completed", "completed")):
        result = _run(["lpstat", "-W", which, "-o", queue])
        if any(line.split()[:1] == [job_id] for line in result.stdout.splitlines()):
            return state
    return "unknown"
