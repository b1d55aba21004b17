"""Fonts for badges: bundled Noto faces, per-character fallback, right-to-left text.

Why bundled: a badge must print the same on every desk, and a print shop or a
PDF/A preflight rejects fonts that are not embedded. Noto Sans covers Latin
(every European accent), Greek and Cyrillic; Noto Sans Arabic and Hebrew are
chained behind it, chosen character by character. Characters no bundled face
has (emoji, private use) are left out rather than printed as boxes ("tofu"),
and the caller is told which ones. Arabic is shaped (arabic-reshaper) and
right-to-left runs are put into visual order (python-bidi) one line at a time.
"""

from __future__ import annotations

import functools
import threading
import unicodedata
from dataclasses import dataclass

import arabic_reshaper
from bidi.algorithm import get_display
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from checkin.resources_access import resource_path

#: The faces of one weight, tried in this order for every character.
CHAINS: dict[str, tuple[tuple[str, str], ...]] = {
    "regular": (("CheckinSans", "NotoSans-Regular.ttf"),
                ("CheckinSansArabic", "NotoSansArabic-Regular.ttf"),
                ("CheckinSansHebrew", "NotoSansHebrew-Regular.ttf")),
    "bold": (("CheckinSans-Bold", "NotoSans-Bold.ttf"),
             ("CheckinSansArabic-Bold", "NotoSansArabic-Bold.ttf"),
             ("CheckinSansHebrew-Bold", "NotoSansHebrew-Bold.ttf")),
}
#: The canvas's initial font: a bundled (embedded) face, never Helvetica.
BASE_FONT = "CheckinSans"

_lock = threading.Lock()
_subset_lock = threading.Lock()
_registered: dict[str, frozenset[int]] = {}
_RTL = frozenset({"R", "AL", "AN"})


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of a line drawn with one font; ``width`` at 1 pt."""

    text: str
    font: str
    width: float


def register_fonts() -> None:
    """Register the bundled faces with reportlab once per process (thread-safe)."""
    if _registered:
        return
    with _lock:
        if _registered:
            return
        coverage: dict[str, frozenset[int]] = {}
        for chain in CHAINS.values():
            for name, filename in chain:
                font = TTFont(name, str(resource_path("fonts", filename)), asciiReadable=False)
                _memoize(font)
                pdfmetrics.registerFont(font)
                coverage[name] = frozenset(font.face.charToGlyph)
        _registered.update(coverage)


def _memoize(font: TTFont) -> None:
    """Build each distinct font subset once per process, one thread at a time.

    reportlab re-parses the font file for every subset of every document;
    reprints and badges with the same characters reuse the result. The lock
    keeps two threads (preview and print) out of the shared font file reader.
    """
    make = font.face.makeSubset

    @functools.lru_cache(maxsize=256)
    def cached(subset: tuple[int, ...]) -> bytes:
        return bytes(make(list(subset)))

    def make_subset(subset: list[int]) -> bytes:
        with _subset_lock:
            return cached(tuple(subset))

    font.face.makeSubset = make_subset



def chain(weight: str) -> tuple[str, ...]:
    register_fonts()
    return tuple(name for name, _ in CHAINS.get(weight, CHAINS["regular"]))


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Me", "Mc")


@functools.lru_cache(maxsize=8192)
def printable(text: str, weight: str = "regular") -> tuple[str, str]:
    """(text with only characters some face can draw, the characters left out)."""
    faces = chain(weight)
    kept, dropped = [], []
    for ch in unicodedata.normalize("NFC", text):
        if ch.isspace():
            kept.append(" ")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs", "Cn"):
            continue
        elif any(ord(ch) in _registered[f] for f in faces):
            kept.append(ch)
        else:
            dropped.append(ch)
    return " ".join("".join(kept).split()), "".join(dropped)


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in _RTL for ch in text)


@functools.lru_cache(maxsize=8192)
def visual(line: str) -> str:
    """A logical-order line in the order it is drawn (Arabic shaped, RTL reversed)."""
    if not has_rtl(line):
        return line
    return str(get_display(arabic_reshaper.reshape(line)))


@functools.lru_cache(maxsize=16384)
def runs(line: str, weight: str = "regular") -> tuple[Run, ...]:
    """Split a visual-order line into runs, each in the first face that has its glyphs."""
    faces = chain(weight)
    out: list[Run] = []
    current_font = faces[0]
    buffer = ""
    for ch in line:
        if ch == " " or (_is_mark(ch) and buffer):
            font = current_font
        else:
            font = next((f for f in faces if ord(ch) in _registered[f]), faces[0])
        if font != current_font and buffer:
            out.append(Run(buffer, current_font, pdfmetrics.stringWidth(buffer, current_font, 1)))
            buffer = ""
        current_font = font
        buffer += ch
    if buffer:
        out.append(Run(buffer, current_font, pdfmetrics.stringWidth(buffer, current_font, 1)))
    return tuple(out)


def width(line: str, weight: str = "regular") -> float:
    """Width of a logical-order line at 1 pt."""
    return sum(r.width for r in runs(visual(line), weight))
