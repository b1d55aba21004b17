"""Fonts for badges and lists: bundled Noto faces, the system's as a fallback, every script.

Why bundled: a badge must print the same on every desk, and a print shop or a
PDF/A preflight rejects fonts that are not embedded. reportlab embeds
TrueType outlines only. The chain, tried character by character:

- Noto Sans (Latin with every European accent, Greek, Cyrillic), always loaded;
- Noto Sans Arabic and Hebrew, Noto Sans Devanagari and Thai, and a subset of
  Noto Sans CJK SC converted to TrueType (GB 2312, Big5 level 1, JIS X 0208,
  every Hangul syllable, kana; ``packaging/subset_fonts.py``): each loaded
  only when a character needs it, so a Latin badge costs what it always did;
- then the system's own TrueType faces (fontconfig on Linux, the font folders
  on Windows and macOS), for characters the bundled subset lacks.

CJK has one weight: bold CJK is the regular face drawn with a thin stroke.
Arabic is shaped (arabic-reshaper) and right-to-left runs are put into
visual order (python-bidi) one line at a time; Devanagari and Thai are shaped
by HarfBuzz through reportlab (``uharfbuzz``); shaped lines carry their
logical text (/ActualText), so copying or searching the PDF gives the name
as typed. Characters no face has (emoji, private use) are
left out rather than printed as boxes ("tofu"); ``unprintable_characters``
tells the caller which.
"""

from __future__ import annotations

import functools
import os
import shutil
import struct
import subprocess
import sys
import threading
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import arabic_reshaper
from bidi.algorithm import get_display
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont, shapeStr

from checkin.common.resources_access import resource_path

#: HarfBuzz shaping for Devanagari and Thai: reportlab uses ``uharfbuzz`` when it is
#: importable. Without it conjuncts and vowel signs print as their separate parts.
SHAPING = getattr(ttfonts, "uharfbuzz", None) is not None


@dataclass(frozen=True, slots=True)
class Face:
    """One face of a chain. ``shaped``: needs HarfBuzz; ``stroke``: a regular face drawn bold."""

    name: str
    path: str
    index: int = 0
    shaped: bool = False
    stroke: bool = False


def _bundled(name: str, filename: str, **kw: Any) -> Face:
    return Face(name, str(resource_path("fonts", filename)), **kw)


_CJK = "NotoSansCJKsc-Regular-subset.ttf"
#: The bundled faces of one weight, tried in this order for every character.
CHAINS: dict[str, tuple[Face, ...]] = {
    "regular": (_bundled("CheckinSans", "NotoSans-Regular.ttf"),
                _bundled("CheckinSansArabic", "NotoSansArabic-Regular.ttf"),
                _bundled("CheckinSansHebrew", "NotoSansHebrew-Regular.ttf"),
                _bundled("CheckinSansDevanagari", "NotoSansDevanagari-Regular.ttf", shaped=True),
                _bundled("CheckinSansThai", "NotoSansThai-Regular.ttf", shaped=True),
                _bundled("CheckinSansCJK", _CJK)),
    "bold": (_bundled("CheckinSans-Bold", "NotoSans-Bold.ttf"),
             _bundled("CheckinSansArabic-Bold", "NotoSansArabic-Bold.ttf"),
             _bundled("CheckinSansHebrew-Bold", "NotoSansHebrew-Bold.ttf"),
             _bundled("CheckinSansDevanagari-Bold", "NotoSansDevanagari-Bold.ttf", shaped=True),
             _bundled("CheckinSansThai-Bold", "NotoSansThai-Bold.ttf", shaped=True),
             _bundled("CheckinSansCJK", _CJK, stroke=True)),
}
#: The canvas's initial font: a bundled (embedded) face, never Helvetica.
BASE_FONT = "CheckinSans"
#: Stroke width of a regular face drawn bold, as a fraction of the font size.
STROKE = 0.035
#: Joiners kept for shaping (Devanagari half forms, Persian names).
_JOINERS = frozenset("\u200c\u200d")

_lock = threading.RLock()
_subset_lock = threading.Lock()
#: HarfBuzz shaping in reportlab mutates the font's glyph maps: one at a time.
_shape_lock = threading.RLock()
_registered: dict[str, TTFont] = {}
_coverage: dict[tuple[str, int], array[int]] = {}
_found: dict[str, list[Face]] = {"regular": [], "bold": []}
_missing: set[tuple[str, str]] = set()
_system_enabled = os.environ.get("CHECKIN_SYSTEM_FONTS", "1") != "0"
_RTL = frozenset({"R", "AL", "AN"})


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of a line drawn with one font; ``width`` at 1 pt."""

    text: str
    font: str
    width: float
    shaped: bool = False
    stroke: bool = False


def register_fonts() -> None:
    """Register the always-needed faces (Noto Sans regular and bold) once per process."""
    if BASE_FONT in _registered:
        return
    for weight in CHAINS:
        _ensure(CHAINS[weight][0])


def _ensure(face: Face) -> None:
    """Register ``face`` with reportlab (thread-safe, once)."""
    if face.name in _registered:
        return
    with _lock:
        if face.name in _registered:
            return
        font = TTFont(face.name, face.path, subfontIndex=face.index, asciiReadable=False)
        _memoize(font)
        pdfmetrics.registerFont(font)
        _registered[face.name] = font


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


def primary(weight: str = "regular") -> str:
    """The main face of a weight (Noto Sans), registered."""
    register_fonts()
    return CHAINS.get(weight, CHAINS["regular"])[0].name


def chain(weight: str) -> tuple[str, ...]:
    """Names of the bundled faces of a weight, in the order they are tried."""
    register_fonts()
    return tuple(face.name for face in CHAINS.get(weight, CHAINS["regular"]))


def use_system_fonts(enabled: bool) -> None:
    """Allow or forbid the system's fonts as a fallback (also ``CHECKIN_SYSTEM_FONTS=0``).

    Off, every desk prints exactly the same glyphs; tests use it to check the
    bundled faces alone.
    """
    global _system_enabled
    with _lock:
        _system_enabled = enabled
        _missing.clear()
        for found in _found.values():
            found.clear()
        for cached in (_face_for, printable, runs):
            cached.cache_clear()


# -- which face draws a character -------------------------------------------------------


def _covers(face: Face, code: int) -> bool:
    codes = _coverage.get((face.path, face.index))
    if codes is None:
        codes = _coverage[(face.path, face.index)] = _read_cmap(face.path, face.index)
    i = bisect_left(codes, code)
    return i < len(codes) and codes[i] == code


@functools.lru_cache(maxsize=8192)
def _face_for(ch: str, weight: str) -> Face | None:
    code = ord(ch)
    with _lock:
        faces = (*CHAINS.get(weight, CHAINS["regular"]), *_found[weight])
        for face in faces:
            if _covers(face, code):
                return face
        if not _system_enabled or (ch, weight) in _missing:
            return None
        found = _system_face(ch, weight)
        if found is None:
            _missing.add((ch, weight))
            return None
        _found[weight].append(found)
        return found


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch) in ("Mn", "Me", "Mc")


@functools.lru_cache(maxsize=8192)
def printable(text: str, weight: str = "regular") -> tuple[str, str]:
    """(text with only characters some face can draw, the characters left out)."""
    kept, dropped = [], []
    for ch in unicodedata.normalize("NFC", text):
        if ch.isspace():
            kept.append(" ")
        elif ch in _JOINERS:
            kept.append(ch)
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Cn"):
            continue
        elif _face_for(ch, weight) is not None:
            kept.append(ch)
        else:
            dropped.append(ch)
    return " ".join("".join(kept).split()), "".join(dropped)


def unprintable_characters(text: str, weight: str | None = None) -> list[str]:
    """The characters of ``text`` that no bundled or system font can print, each once.

    A badge leaves them out; the caller says so on screen (badge preview,
    print queue). ``weight=None`` checks regular and bold alike.
    """
    out: dict[str, None] = {}
    for w in (weight,) if weight else ("regular", "bold"):
        for ch in printable(text, w)[1]:
            out[ch] = None
    return list(out)


@functools.lru_cache(maxsize=8192)
def simple(text: str, weight: str = "regular") -> bool:
    """True if the main face alone draws ``text``, left to right: plain reportlab will do."""
    first = CHAINS.get(weight, CHAINS["regular"])[0]
    return all(ch.isspace() or _covers(first, ord(ch)) for ch in text)


def has_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in _RTL for ch in text)


@functools.lru_cache(maxsize=8192)
def visual(line: str) -> str:
    """A logical-order line in the order it is drawn (Arabic shaped, RTL reversed)."""
    if not has_rtl(line):
        return line
    return str(get_display(arabic_reshaper.reshape(line)))


def _run_width(text: str, face: Face) -> float:
    if face.shaped and SHAPING:
        with _shape_lock:
            shaped = shapeStr(text, face.name, 1)
        data = getattr(shaped, "__shapeData__", None)
        if data is not None:
            return float(sum(d.x_advance for d in data)) / 1000.0
    return float(pdfmetrics.stringWidth(text, face.name, 1))


@functools.lru_cache(maxsize=16384)
def runs(line: str, weight: str = "regular") -> tuple[Run, ...]:
    """Split a visual-order line into runs, each in the first face that has its glyphs."""
    register_fonts()
    first = CHAINS.get(weight, CHAINS["regular"])[0]
    pieces: list[tuple[Face, str]] = []
    current, buffer = first, ""
    for ch in line:
        if ch == " " or ((_is_mark(ch) or ch in _JOINERS) and buffer):
            face = current
        else:
            face = _face_for(ch, weight) or first
        if ch in _JOINERS and not face.shaped:
            continue  # only HarfBuzz knows what to do with a joiner
        if face != current and buffer:
            pieces.append((current, buffer))
            buffer = ""
        current = face
        buffer += ch
    if buffer:
        pieces.append((current, buffer))
    out = []
    for face, text in pieces:
        _ensure(face)
        out.append(Run(text, face.name, _run_width(text, face), face.shaped and SHAPING,
                       face.stroke))
    return tuple(out)


def width(line: str, weight: str = "regular") -> float:
    """Width of a logical-order line at 1 pt."""
    return sum(r.width for r in runs(visual(line), weight))


def draw_line(canvas: Any, line: str, x: float, baseline: float, w: float, size: float, *,
              weight: str = "regular", align: str = "left", color: Any = None) -> None:
    """Draw one logical-order line in a ``w`` pt wide slot (RTL lines start at the right).

    A shaped line (glyphs reordered or merged) or one with characters beyond
    U+FFFF (reportlab's ToUnicode map stops there) carries its logical text as
    /ActualText, so a PDF reader copies and finds the name as typed. Right-to-
    left lines need none: readers reorder them and fold presentation forms.
    """
    line_runs = runs(visual(line), weight)
    line_w = sum(r.width for r in line_runs) * size
    rtl = has_rtl(line)
    if align == "center":
        cx = x + (w - line_w) / 2
    elif align == "right" or rtl:
        cx = x + w - line_w
    else:
        cx = x
    actual = any(r.shaped for r in line_runs) or any(ord(ch) > 0xFFFF for ch in line)
    if actual:
        canvas.addLiteral(f"/Span <</ActualText <FEFF{line.encode('utf-16-be').hex()}>>> BDC")
    for run in line_runs:
        canvas.setFont(run.font, size)
        mode = None
        if run.stroke:
            canvas.setLineWidth(size * STROKE)
            if color is not None:
                canvas.setStrokeColor(color)
            mode = 2  # fill and stroke: a bold stand-in for a face without a bold weight
        if run.shaped:
            # shaped here: reportlab's own shaping switch needs its rlbidi package
            with _shape_lock:
                canvas.drawString(cx, baseline, shapeStr(run.text, run.font, size), mode=mode)
        else:
            canvas.drawString(cx, baseline, run.text, mode=mode)
        cx += run.width * size
    if actual:
        canvas.addLiteral("EMC")


# -- the system's fonts -------------------------------------------------------------------


def _read_cmap(path: str, index: int = 0) -> array[int]:
    """Sorted code points a TrueType-outline face maps (empty for CFF or unreadable files).

    Reads only the table directory and the cmap, so scanning a font folder or
    deciding whether the 5 MB CJK face is needed costs milliseconds.
    """
    try:
        with open(path, "rb") as fh:
            return _parse_cmap(fh, index)
    except (OSError, struct.error, ValueError):
        return array("I")


def _tables(fh: Any, index: int) -> dict[bytes, tuple[int, int]]:
    fh.seek(0)
    tag = fh.read(4)
    offset = 0
    if tag == b"ttcf":
        _version, count = struct.unpack(">II", fh.read(8))
        if index >= count:
            return {}
        fh.seek(12 + 4 * index)
        (offset,) = struct.unpack(">I", fh.read(4))
    elif index:
        return {}
    fh.seek(offset + 4)
    (num,) = struct.unpack(">H", fh.read(2))
    fh.seek(offset + 12)
    out = {}
    for _ in range(num):
        tag, _check, start, length = struct.unpack(">4sIII", fh.read(16))
        out[tag] = (start, length)
    return out


def _parse_cmap(fh: Any, index: int) -> array[int]:
    tables = _tables(fh, index)
    if b"glyf" not in tables or b"cmap" not in tables:
        return array("I")  # PostScript (CFF) outlines: reportlab cannot embed them
    start, length = tables[b"cmap"]
    fh.seek(start)
    data = fh.read(length)
    (count,) = struct.unpack_from(">H", data, 2)
    best: tuple[int, int] | None = None
    for i in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, 4 + 8 * i)
        fmt = struct.unpack_from(">H", data, offset)[0]
        rank = {(3, 10, 12): 0, (0, 4, 12): 1, (0, 6, 12): 1, (3, 1, 4): 2, (0, 3, 4): 3}.get(
            (platform, encoding, fmt), 9 if fmt in (4, 12) and platform in (0, 3) else 99)
        if rank < 99 and (best is None or rank < best[0]):
            best = (rank, offset)
    if best is None:
        return array("I")
    offset = best[1]
    codes: set[int] = set()
    if struct.unpack_from(">H", data, offset)[0] == 12:
        (groups,) = struct.unpack_from(">I", data, offset + 12)
        for g in range(groups):
            lo, hi, _gid = struct.unpack_from(">III", data, offset + 16 + 12 * g)
            codes.update(range(lo, min(hi, 0x10FFFF) + 1))
    else:
        segs = struct.unpack_from(">H", data, offset + 6)[0] // 2
        ends = struct.unpack_from(f">{segs}H", data, offset + 14)
        starts = struct.unpack_from(f">{segs}H", data, offset + 16 + 2 * segs)
        deltas = struct.unpack_from(f">{segs}h", data, offset + 16 + 4 * segs)
        ro_at = offset + 16 + 6 * segs
        ranges = struct.unpack_from(f">{segs}H", data, ro_at)
        for s, (lo, hi, delta, ro) in enumerate(zip(starts, ends, deltas, ranges, strict=True)):
            if lo == 0xFFFF:
                continue
            for c in range(lo, hi + 1):
                if ro == 0:
                    gid = (c + delta) & 0xFFFF
                else:
                    at = ro_at + 2 * s + ro + 2 * (c - lo)
                    gid = struct.unpack_from(">H", data, at)[0]
                    gid = (gid + delta) & 0xFFFF if gid else 0
                if gid:
                    codes.add(c)
    return array("I", sorted(codes))


def _weight_class(path: str, index: int) -> int:
    try:
        with open(path, "rb") as fh:
            tables = _tables(fh, index)
            if b"OS/2" not in tables:
                return 400
            fh.seek(tables[b"OS/2"][0] + 4)
            return int(struct.unpack(">H", fh.read(2))[0])
    except (OSError, struct.error):
        return 400


def font_dirs() -> list[Path]:
    """Where this platform keeps installed fonts (system-wide and the user's)."""
    home = Path.home()
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = os.environ.get("LOCALAPPDATA")
        dirs = [windir / "Fonts"]
        if local:
            dirs.append(Path(local) / "Microsoft" / "Windows" / "Fonts")
        return dirs
    if sys.platform == "darwin":
        return [Path("/System/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"),
                Path("/Library/Fonts"), home / "Library" / "Fonts"]
    data = os.environ.get("XDG_DATA_HOME") or str(home / ".local" / "share")
    return [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), Path(data) / "fonts",
            home / ".fonts"]


#: Faces known to cover many scripts with TrueType outlines, tried before the rest.
PREFERRED = (
    # Windows: YaHei, JhengHei, Yu Gothic, Meiryo, Malgun, Nirmala, Leelawadee, Segoe
    "msyh.ttc", "msyhbd.ttc", "msjh.ttc", "yugothr.ttc", "meiryo.ttc", "malgun.ttf",
    "malgunbd.ttf", "nirmala.ttf", "nirmalab.ttf", "leelawui.ttf", "leelauib.ttf",
    "seguisym.ttf", "seguiemj.ttf", "simsun.ttc", "msgothic.ttc", "arialuni.ttf",
    # macOS
    "pingfang.ttc", "stheiti medium.ttc", "stheiti light.ttc", "applesdgothicneo.ttc",
    "kohinoor.ttc", "thonburi.ttc", "arial unicode.ttf", "apple symbols.ttf",
)


@functools.lru_cache(maxsize=1)
def _scanned() -> tuple[tuple[str, int], ...]:
    """Every TrueType-outline face in the font folders, the preferred ones first."""
    files: list[Path] = []
    for folder in font_dirs():
        try:
            files.extend(p for p in folder.rglob("*")
                         if p.suffix.lower() in (".ttf", ".ttc", ".otf") and p.is_file())
        except OSError:
            continue
    rank = {name: i for i, name in enumerate(PREFERRED)}
    files.sort(key=lambda p: (rank.get(p.name.lower(), len(rank)), str(p)))
    faces: list[tuple[str, int]] = []
    for path in files:
        count = 1
        try:
            with open(path, "rb") as fh:
                if fh.read(4) == b"ttcf":
                    count = struct.unpack(">II", fh.read(8))[1]
        except (OSError, struct.error):
            continue
        faces.extend((str(path), i) for i in range(min(count, 32)))
    return tuple(faces)


def _fontconfig(ch: str, weight: str) -> Iterator[tuple[str, int]]:
    """Faces fontconfig says cover ``ch``: upright, nearest weight, sans first."""
    tool = shutil.which("fc-list")
    if tool is None:
        return
    try:
        out = subprocess.run(
            [tool, "--format", "%{file}\t%{index}\t%{fontformat}\t%{weight}\t%{slant}\t"
             "%{family[0]}\n", f":charset={ord(ch):x}"],
            capture_output=True, text=True, timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return
    want = 200 if weight == "bold" else 80
    found = []
    for row in out.splitlines():
        parts = row.split("\t")
        if len(parts) < 6 or parts[2] != "TrueType":
            continue
        try:
            index, fc_weight, slant = int(parts[1]), float(parts[3]), float(parts[4])
        except ValueError:
            index, fc_weight, slant = 0, 80.0, 0.0
        key = (slant != 0, abs(fc_weight - want), "Sans" not in parts[5], parts[0], index)
        found.append((key, parts[0], index))
    for _key, path, index in sorted(found):
        yield path, index


def _system_face(ch: str, weight: str) -> Face | None:
    """The first system face with ``ch`` in TrueType outlines reportlab can load."""
    code = ord(ch)
    candidates: Iterator[tuple[str, int]] = iter(())
    if sys.platform not in ("win32", "darwin"):
        candidates = _fontconfig(ch, weight)
    seen: set[tuple[str, int]] = set()
    for path, index in (*candidates, *_scanned()):
        if (path, index) in seen:
            continue
        seen.add((path, index))
        face = Face(f"CheckinSystem{len(_registered)}-{Path(path).stem}-{index}", path, index)
        if not _covers(face, code):
            continue
        try:
            _ensure(face)
        except (TTFError, OSError, ValueError, struct.error):
            continue  # e.g. a face reportlab cannot subset
        bold = weight == "bold" and _weight_class(path, index) < 600
        return Face(face.name, path, index, stroke=bold)
    return None
