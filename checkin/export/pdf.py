"""The PDF attendance list (Teilnehmerliste), optionally with a signature column.

Funders of German research programmes often require a list signed by each
participant: that variant lists everyone expected that day (and anyone
admitted anyway), with room to sign. Every page carries the event's name,
the date and "page n of m", so loose pages can be put back in order. The
fonts are the badges' (embedded, every script a badge prints): plain Latin
cells are Paragraphs, any other text goes through the badge text engine.
"""

from __future__ import annotations

import re
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
from reportlab.pdfgen import canvas
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from checkin.badges import fonts
from checkin.badges.textfit import TextCell
from checkin.common.locale_texts import column_header, list_words
from checkin.export.rows import AttendanceRow

Progress = Callable[[int, int, str], None]

#: Columns that may wrap and share the space left over; the others keep their width.
_FLEXIBLE = {"organization", "project", "email"}
_PADDING = 7.0
_SIGNATURE_WIDTH = 55 * mm
_NAME_PARTS = ("title", "first_name", "last_name")


def register_fonts() -> tuple[str, str]:
    """The bundled Noto Sans faces the badges use (registered once, thread-safe)."""
    return fonts.primary("regular"), fonts.primary("bold")


#: table cells' own padding (reportlab's default: 6 pt each side) plus a hair of slack
_CELL_INSET = 2 * 6 + 1
#: a cell shrinks in these steps before it breaks inside a word (70 % of 9 pt at the least)
_BREAKS = re.compile(r"(?<=[^-/][-/])(?=[^-/])|(?=@)")
_SHRINK = (1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7)


def _pieces(text: str) -> list[tuple[str, bool]]:
    """The places a cell may break: at spaces, after hyphens and slashes, before an "@"
    (piece, space before it)."""
    pieces: list[tuple[str, bool]] = []
    for word in text.split():
        for n, part in enumerate(p for p in _BREAKS.split(word) if p):
            pieces.append((part, n == 0 and bool(pieces)))
    return pieces


def _lines(pieces: Sequence[tuple[str, bool]], font: str, size: float,
           room: float) -> list[str]:
    """Greedy lines of whole pieces; a piece wider than ``room`` gets a line of its own."""
    lines: list[str] = []
    line = ""
    for piece, space in pieces:
        joined = f"{line} {piece}" if line and space else line + piece
        if line and pdfmetrics.stringWidth(joined, font, size) > room:
            lines.append(line)
            joined = piece
        line = joined
    if line:
        lines.append(line)
    return lines


def _cell(text: str, style: ParagraphStyle, width: float | None = None) -> Any:
    """A Paragraph for text the main face draws; the badge text engine for any other.

    Given the column's width, a cell breaks only at spaces and after hyphens
    ("Hohenzollern-" / "Sigmaringen") and is set smaller before any word would
    be broken inside; only a word too long even at the smallest size is split.
    """
    if not fonts.simple(text):
        return TextCell(fonts.printable(text)[0], style.fontSize, style.leading)
    if width is None:
        return Paragraph(escape(text), style)
    room = width - _CELL_INSET
    pieces = _pieces(text)
    size = style.fontSize
    for factor in _SHRINK:
        size = style.fontSize * factor
        if all(pdfmetrics.stringWidth(p, style.fontName, size) <= room for p, _ in pieces):
            break
    fitted = style if size == style.fontSize else ParagraphStyle(
        f"{style.name}-{size:g}", parent=style, fontSize=size,
        leading=style.leading * size / style.fontSize)
    lines = _lines(pieces, style.fontName, size, room)
    return Paragraph("<br/>".join(escape(line) for line in lines), fitted)


def _width(text: str, font: str, size: float) -> float:
    if fonts.simple(text):
        return float(pdfmetrics.stringWidth(text, font, size))
    return fonts.width(fonts.printable(text)[0]) * size


def _draw(canvas: Any, x: float, y: float, text: str, font: str, size: float, w: float) -> None:
    """A page heading line in any script (``w``: the room to its right)."""
    if fonts.simple(text):
        canvas.drawString(x, y, text)
    else:
        fonts.draw_line(canvas, fonts.printable(text)[0], x, y, w, size,
                        weight="bold" if font.endswith("Bold") else "regular",
                        color=colors.black)


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
        return dict(list_words(self.language))

    @property
    def date_text(self) -> str:
        return self.day.strftime("%d.%m.%Y" if self.language == "de" else "%Y-%m-%d")

    @property
    def title(self) -> str:
        base = self.words["signed" if self.signature else "title"]
        return f"{base} – {self.session}" if self.session else base


def _label(column: str, language: str) -> str:
    return column_header(column, language)


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
    labels = [_label(c, heading.language) for c in extra]
    cells = [[row.text(c, heading.language) for c in extra] for row in rows]
    header: list[Any] = ["#", Paragraph(words["name"], head),
                         *(Paragraph(escape(label), head) for label in labels)]
    if heading.signature:
        header.append(Paragraph(words["signature"], head))
    widths = _column_widths(pagesize[0] - 2 * margin, extra, labels, cells, rows, columns,
                            heading.signature, regular, bold)
    data: list[list[Any]] = [header]
    for n, (row, texts) in enumerate(zip(rows, cells, strict=True), start=1):
        line: list[Any] = [str(n), _cell(_name(row, columns), body, widths[1]),
                           *(_cell(t, body, w) for t, w in zip(texts, widths[2:],
                                                              strict=False))]
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
                            author="checkin",
                            # else every page names Helvetica, which is not embedded
                            initialFontName=regular)
    doc.build([table, Spacer(1, 4 * mm), summary],
              canvasmaker=_numbered_canvas(heading, regular, bold))


def _column_widths(usable: float, extra: Sequence[str], labels: Sequence[str],
                   cells: Sequence[Sequence[str]], rows: Sequence[AttendanceRow],
                   columns: Sequence[str], signature: bool, regular: str,
                   bold: str) -> list[float]:
    """Short columns get their natural width; names, organisations and signatures share the rest.

    So that "Check-in" or "Teilnehmerin" never break inside a word.
    """
    def natural(texts: Sequence[str], label: str) -> float:
        widest = max((_width(t, regular, 9) for t in texts), default=0.0)
        return max(widest, float(pdfmetrics.stringWidth(label, bold, 9))) + 2 * _PADDING

    number = pdfmetrics.stringWidth(str(max(len(rows), 1)), regular, 9) + 2 * _PADDING
    fixed = {i: natural([r[i] for r in cells], labels[i])
             for i, c in enumerate(extra) if c not in _FLEXIBLE}
    # name first, then the flexible columns: (natural width, narrowest sensible width)
    flex: dict[int, tuple[float, float]] = {-1: (natural([_name(r, columns) for r in rows],
                                                         "Name"), 40 * mm)}
    for i, c in enumerate(extra):
        if c in _FLEXIBLE:
            flex[i] = (natural([r[i] for r in cells], labels[i]), natural([], labels[i]))
    sign = _SIGNATURE_WIDTH if signature else 0.0
    left = usable - number - sum(fixed.values()) - sign
    wanted = sum(w for w, _ in flex.values())
    if wanted <= left:
        given = {i: w for i, (w, _) in flex.items()}
        spare = left - wanted
        if signature:
            sign += spare
        else:
            given[-1] += spare
    else:
        scale = left / wanted
        given = {i: max(w * scale, low) for i, (w, low) in flex.items()}
    widths = [number, given[-1]]
    widths += [fixed[i] if i in fixed else given[i] for i in range(len(extra))]
    if signature:
        widths.append(sign)
    return widths


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
            room = width - 2 * margin
            self.setFont(bold, 13)
            _draw(self, margin, height - 14 * mm, heading.title, bold, 13, room - 30 * mm)
            self.setFont(regular, 10)
            _draw(self, margin, height - 20 * mm, heading.event, regular, 10, room)
            self.drawRightString(width - margin, height - 14 * mm, heading.date_text)
            self.setFont(regular, 8)
            page = heading.words["page"].format(n=self._pageNumber, m=total)
            self.drawRightString(width - margin, 10 * mm, page)
            _draw(self, margin, 10 * mm, f"{heading.event} · {heading.date_text}", regular, 8,
                  room - 30 * mm)

    return NumberedCanvas
