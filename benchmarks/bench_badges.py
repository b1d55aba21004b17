"""Badges: one badge to PDF bytes (sits between scan and printer), and 1,000 in one PDF.

Baseline, measured in the same run: a straightforward reportlab canvas, one
page per badge, the name and the organisation as text in the same embedded
font, and a QR code from ``qrcode`` drawn module by module as rectangles.
"""

from __future__ import annotations

import io
import statistics
import tempfile
import time
from pathlib import Path

import qrcode
from reportlab.pdfgen.canvas import Canvas

from benchmarks.run import Figure
from checkin.badges import fonts, render_batch, render_one
from checkin.badges.render import MM
from checkin.door import codes
from checkin.event.demo import create_demo
from checkin.model import Attendee


def _baseline(people: list[Attendee], secret: str) -> bytes:
    fonts.register_fonts()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(105 * MM, 148 * MM), initialFontName=fonts.BASE_FONT)
    for person in people:
        canvas.setFont("CheckinSans-Bold", 28)
        canvas.drawCentredString(52.5 * MM, 100 * MM, person.full_name)
        canvas.setFont("CheckinSans", 12)
        canvas.drawCentredString(52.5 * MM, 85 * MM, person.organization)
        qr = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=4)
        qr.add_data(codes.badge_code(secret, person.code_ref))
        qr.make(fit=True)
        matrix = qr.get_matrix()
        module = 28 * MM / len(matrix)
        for r, row in enumerate(matrix):
            for c, dark in enumerate(row):
                if dark:
                    canvas.rect(38.5 * MM + c * module, 51 * MM - r * module, module, module,
                                stroke=0, fill=1)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def run(quick: bool) -> list[Figure]:
    singles = 60 if quick else 300
    batch = 200 if quick else 1000
    with tempfile.TemporaryDirectory() as tmp:
        store = create_demo(Path(tmp) / "bench.checkin", size=max(singles, batch))
        people = store.attendees()
        secret = store.code_secret()
        render_one(store, people[0])  # fonts and template parse, once per process
        _baseline(people[:1], secret)
        times, base_times = [], []
        for person in people[:singles]:
            start = time.perf_counter()
            render_one(store, person)
            times.append(time.perf_counter() - start)
            start = time.perf_counter()
            _baseline([person], secret)
            base_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        result = render_batch(store, layout="a6")
        ours = time.perf_counter() - start
        start = time.perf_counter()
        base_pdf = _baseline(people[:batch], secret)
        base = time.perf_counter() - start
        store.close()
    p95 = statistics.quantiles(times, n=20)[18] * 1000
    base95 = statistics.quantiles(base_times, n=20)[18] * 1000
    return [
        Figure(f"one badge to PDF bytes, p95 ({singles} people)", p95, "ms", base95,
               "≤ 10 ms; baseline: plain canvas + QR as rects"),
        Figure("one badge to PDF bytes, median", statistics.median(times) * 1000, "ms",
               statistics.median(base_times) * 1000, "(context for the p95 on a busy machine)"),
        Figure(f"{batch} badges in one A6 PDF", ours, "s", base, "≤ 0.6x baseline"),
        Figure("PDF size per badge (ours / baseline)", len(result.pdf) / batch / 1024, "KB",
               len(base_pdf) / batch / 1024, "smaller is better"),
    ]
