"""The PDF attendance list (Teilnehmerliste), optionally with a signature column.

Funders of German research programmes often require a list signed by each
participant: that variant lists everyone expected that day (and anyone
admitted anyway), with room to sign. Every page carries the event's name,
the date and "page n of m", so loose pages can be put back in order. The
font is embedded and covers umlauts and accents.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from checkin.export.rows import COLUMN_LABELS, AttendanceRow
from checkin.resources_access import resource, resource_path

Progress = Callable[[int, int, str], None]

#: Preferred fonts first: Noto Sans if the badge fonts are installed, else DejaVu Sans.
_FONT_FILES = (("NotoSans-Regular.ttf", "NotoSans-Bold.ttf"),
               ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"))
_WORDS = {
    "de": {"title": "Teilnehmerliste", "signed": "Teilnehmerliste mit Unterschrift",
           "name": "Name", "signature": "Unterschrift", "page": "Seite {n} von {m}",
           "count": "{n} Personen", "session": "Sitzung"},
    "en": {"title": "Attendance list", "signed": "Attendance list for signature",
           "name": "Name", "signature": "Signature", "page": "Page {n} of {m}",
           "count": "{n} people", "session": "Session"},
}
_PDF_LABELS_DE = {"organization": "Organisation", "project": "Projekt / Gruppe",
                  "role": "Rolle", "email": "E-Mail", "ticket_code": "Ticket",
                  "checked_in_at": "Check-in", "desk": "Schalter", "walk_in": "Spontan",
                  "title": "Titel"}
#: Relative widths of the optional columns.
_WEIGHTS = {"organization": 3.0, "project": 2.4, "role": 1.5, "email": 3.0,
            "ticket_code": 1.6, "checked_in_at": 1.3, "desk": 1.3, "walk_in": 1.1}
_NAME_PARTS = ("title", "first_name", "last_name")


def register_fonts() -> tuple[str, str]:
    """Register the list font (once) and return (regular, bold) names."""
    for regular, bold in _FONT_FILES:
        if resource("fonts", regular).is_file() and resource("fonts", bold).is_file():
            names = (f"checkin-{regular[:-4]}", f"checkin-{bold[:-4]}")
            if names[0] not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(names[0], str(resource_path("fonts", regular))))
                pdfmetrics.registerFont(TTFont(names[1], str(resource_path("fonts", bold))))
            return names
    raise FileNotFoundError("no list font in checkin/resources/fonts")


@dataclass(frozen=True, slots=True)
class ListHeading:
    """What every page says about the list."""

    event: str
    day: date
    language: str = "de"
    session: str = ""
    signature: bool = False

    @property
    def words(self) -> dict[str, str]:
        return _WORDS.get(self.language, _WORDS["en"])

    @property
    def date_text(self) -> str:
        return self.day.strftime("%d.%m.%Y" if self.language == "de" else "%Y-%m-%d")

    @property
    def title(self) -> str:
        base = self.words["signed" if self.signature else "title"]
        return f"{base} – {self.session}" if self.session else base


def _label(column: str, language: str) -> str:
    if language == "de":
        return _PDF_LABELS_DE.get(column, COLUMN_LABELS[column])
    return COLUMN_LABELS[column]


def _name(row: AttendanceRow, columns: Sequence[str]) -> str:
    last, first = row.fields["last_name"], row.fields["first_name"]
    title = row.fields["title"] if "title" in columns else ""
    given = " ".join(p for p in (title, first) if p)
    return f"{last}, {given}" if last and given else last or given


def write_pdf(fh: BinaryIO, heading: ListHeading, columns: Sequence[str],
              rows: Sequence[AttendanceRow], progress: Progress | None = None) -> None:
    """Write the list: No., Name, the chosen columns, and the signature column if asked."""
    regular, bold = register_fonts()
    extra = [c for c in columns if c not in _NAME_PARTS]
    pagesize = landscape(A4) if len(extra) > 4 else A4
    margin = 15 * mm
    body = ParagraphStyle("cell", fontName=regular, fontSize=9, leading=11)
    head = ParagraphStyle("head", parent=body, fontName=bold)
    words = heading.words
    header = ["#", Paragraph(words["name"], head),
              *(Paragraph(escape(_label(c, heading.language)), head) for c in extra)]
    weights = [0.6, 3.4, *(_WEIGHTS.get(c, 1.5) for c in extra)]
    if heading.signature:
        header.append(Paragraph(words["signature"], head))
        weights.append(4.0)
    usable = pagesize[0] - 2 * margin
    widths = [usable * w / sum(weights) for w in weights]
    data: list[list[Any]] = [header]
    for n, row in enumerate(rows, start=1):
        line: list[Any] = [str(n), Paragraph(escape(_name(row, columns)), body),
                           *(Paragraph(escape(row.text(c)), body) for c in extra)]
        if heading.signature:
            line.append("")
        data.append(line)
        if progress is not None and n % 500 == 0:
            progress(n, len(rows), heading.title)
    table = LongTable(data, colWidths=widths, repeatRows=1)
    padding = 9 if heading.signature else 3
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), regular, 9),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.grey),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f2f4f7")]),
        ("TOPPADDING", (0, 1), (-1, -1), padding),
        ("BOTTOMPADDING", (0, 1), (-1, -1), padding),
        *([("LINEBEFORE", (-1, 0), (-1, -1), 0.25, colors.grey)] if heading.signature else []),
    ]))
    summary = Paragraph(escape(words["count"].format(n=len(rows))), body)
    doc = SimpleDocTemplate(fh, pagesize=pagesize, leftMargin=margin, rightMargin=margin,
                            topMargin=28 * mm, bottomMargin=18 * mm,
                            title=f"{heading.title} – {heading.event} – {heading.date_text}",
                            author="checkin")
    doc.build([table, Spacer(1, 4 * mm), summary],
              canvasmaker=_numbered_canvas(heading, regular, bold))


def _numbered_canvas(heading: ListHeading, regular: str, bold: str) -> type[canvas.Canvas]:
    """A canvas that knows the page count when it draws each page's header and footer."""

    class NumberedCanvas(canvas.Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = self._pagesize
            margin = 15 * mm
            self.setFont(bold, 13)
            self.drawString(margin, height - 14 * mm, heading.title)
            self.setFont(regular, 10)
            self.drawString(margin, height - 20 * mm, heading.event)
            self.drawRightString(width - margin, height - 14 * mm, heading.date_text)
            self.setFont(regular, 8)
            page = heading.words["page"].format(n=self._pageNumber, m=total)
            self.drawRightString(width - margin, 10 * mm, page)
            self.drawString(margin, 10 * mm, f"{heading.event} · {heading.date_text}")

    return NumberedCanvas
