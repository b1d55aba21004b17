"""Making text fit its box: shrink, then break at a sensible place, then (last) ellipsis.

A name is read from two metres away, so it is set as large as the box allows.
If one line would have to shrink far below the largest size, two lines are
tried, breaking preferably between first and last name, then at another
space, then after a hyphen; the candidate that allows the largest size wins.
Nothing is ever set below ``min_size``: only when even the smallest size with
all lines allowed cannot hold the text is the last line cut with an ellipsis.
Chinese and Japanese write without spaces, so a line may also break between
two of their characters.

``TextCell`` brings the same text engine (every script, fallback faces,
right-to-left, shaping) into a reportlab table, where a Paragraph knows only
one font.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from reportlab.lib.colors import black
from reportlab.platypus import Flowable

from checkin.badges import fonts

#: Baseline-to-baseline distance, as a multiple of the font size.
LEADING = 1.12
#: Keep one line if it can be set at least this fraction of the largest size.
ONE_LINE_THRESHOLD = 0.72
#: How much a break is worth, by kind (multiplies the size it allows).
BREAK_WEIGHT = {"preferred": 1.0, "field": 0.95, "space": 0.85, "cjk": 0.85, "hyphen": 0.75}
ELLIPSIS = "…"
#: Hiragana, katakana, CJK ideographs (with extensions and compatibility forms).
_CJK_RANGES = ((0x3040, 0x30FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF),
               (0x20000, 0x3134F))
#: No line starts with these (CJK closing punctuation, small kana marks).
_NO_START = frozenset("、。，．・：；？！）］｝〉》」』】〕ー々ゝゞヽヾ")


def _cjk(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _CJK_RANGES)


def _cjk_break(text: str, i: int) -> bool:
    """May a line break before ``text[i]`` (between two Chinese or Japanese characters)?"""
    return (0 < i < len(text) and text[i] not in _NO_START and " " not in text[i - 1:i + 1]
            and (_cjk(text[i - 1]) or _cjk(text[i])))


@dataclass(frozen=True, slots=True)
class Fitted:
    """Lines (logical order) and the size they are set in; ``cut`` if an ellipsis was needed."""

    lines: tuple[str, ...]
    size: float
    cut: bool = False

    def height(self, ascent: float, descent: float) -> float:
        return self.size * (ascent - descent + LEADING * (len(self.lines) - 1))


@functools.lru_cache(maxsize=4)
def metrics(weight: str) -> tuple[float, float]:
    """Ascent and descent (negative) of the main face, in em."""
    from reportlab.pdfbase import pdfmetrics

    face = pdfmetrics.getFont(fonts.chain(weight)[0]).face
    return face.ascent / 1000.0, face.descent / 1000.0


def _size_for(lines: tuple[str, ...], w: float, h: float, weight: str, max_size: float) -> float:
    ascent, descent = metrics(weight)
    widest = max((fonts.width(line, weight) for line in lines), default=0.0)
    by_width = w / widest if widest > 0 else max_size
    by_height = h / (ascent - descent + LEADING * (len(lines) - 1))
    return min(max_size, by_width, by_height)


def _two_line_candidates(text: str, boundaries: frozenset[int],
                         preferred: int | None) -> list[tuple[tuple[str, ...], float]]:
    out: list[tuple[tuple[str, ...], float]] = []
    for i, ch in enumerate(text):
        if ch == " ":
            kind = ("preferred" if i == preferred else "field" if i in boundaries else "space")
            first, second = text[:i].strip(), text[i + 1:].strip()
        elif ch in "-‐" and 0 < i < len(text) - 1 and text[i - 1] != " " and text[i + 1] != " ":
            kind = "hyphen"
            first, second = text[:i + 1], text[i + 1:]
        elif _cjk_break(text, i):
            kind = "cjk"
            first, second = text[:i], text[i:]
        else:
            continue
        if first and second:
            out.append(((first, second), BREAK_WEIGHT[kind]))
    return out


def _greedy(text: str, max_width: float, weight: str) -> list[str]:
    """Wrap at spaces and after hyphens so that each line is at most ``max_width`` (1 pt units)."""
    pieces: list[str] = []
    word = ""
    for i, ch in enumerate(text):
        if word and _cjk_break(text, i):
            pieces.append(word)
            word = ""
        word += ch
        if ch in " -‐":
            pieces.append(word)
            word = ""
    if word:
        pieces.append(word)
    lines: list[str] = []
    line = ""
    for piece in pieces:
        trial = line + piece
        if line and fonts.width(trial.rstrip(), weight) > max_width:
            lines.append(line.rstrip())
            line = piece.lstrip()
        else:
            line = trial
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _cut(line: str, max_width: float, weight: str) -> str:
    """The longest prefix of ``line`` that fits with an ellipsis (binary search)."""
    lo, hi = 0, len(line)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fonts.width(line[:mid].rstrip() + ELLIPSIS, weight) <= max_width:
            lo = mid
        else:
            hi = mid - 1
    return line[:lo].rstrip() + ELLIPSIS


def fit(text: str, w: float, h: float, *, weight: str = "regular", max_size: float = 12.0,
        min_size: float = 6.0, max_lines: int = 1, boundaries: frozenset[int] = frozenset(),
        preferred: int | None = None) -> Fitted:
    """Fit ``text`` (logical order, printable) into a ``w`` × ``h`` pt box."""
    return _fit(text, w, h, weight, max_size, min_size, max_lines, boundaries, preferred)


@functools.lru_cache(maxsize=4096)
def _fit(text: str, w: float, h: float, weight: str, max_size: float, min_size: float,
         max_lines: int, boundaries: frozenset[int], preferred: int | None) -> Fitted:
    if not text:
        return Fitted((), max_size)
    one = _size_for((text,), w, h, weight, max_size)
    if one >= max_size * ONE_LINE_THRESHOLD or max_lines == 1:
        if one >= min_size:
            return Fitted((text,), one)
        return _last_resort(text, w, h, weight, min_size, max_lines)
    best = Fitted((text,), one)
    best_score = one
    for lines, worth in _two_line_candidates(text, boundaries, preferred):
        size = _size_for(lines, w, h, weight, max_size)
        if size >= min_size and size * worth > best_score:
            best, best_score = Fitted(lines, size), size * worth
    if max_lines > 2:
        size = best.size
        step = max(0.25, max_size / 40)
        trial = max_size
        while trial > size and trial >= min_size:
            lines = tuple(_greedy(text, w / trial, weight))
            if len(lines) <= max_lines and _size_for(lines, w, h, weight, max_size) >= trial:
                if trial * BREAK_WEIGHT["space"] > best_score:
                    best = Fitted(lines, trial)
                break
            trial -= step
    if best.size >= min_size:
        return best
    return _last_resort(text, w, h, weight, min_size, max_lines)


def _last_resort(text: str, w: float, h: float, weight: str, min_size: float,
                 max_lines: int) -> Fitted:
    """At the smallest size: as many lines as fit, the last one cut with an ellipsis."""
    ascent, descent = metrics(weight)
    room = int((h / min_size - (ascent - descent)) / LEADING) + 1
    allowed = max(1, min(max_lines, room))
    size = min(min_size, h / (ascent - descent + LEADING * (allowed - 1)))
    lines = _greedy(text, w / size, weight)
    kept = lines[:allowed]
    cut = len(lines) > allowed
    fixed: list[str] = []
    for i, line in enumerate(kept):
        last = i == len(kept) - 1
        if fonts.width(line, weight) * size > w or (last and cut):
            fixed.append(_cut(line, w / size, weight))
            cut = True
        else:
            fixed.append(line)
    return Fitted(tuple(fixed), size, cut)


class TextCell(Flowable):  # type: ignore[misc]
    """A table cell's text in any script, wrapped to the column (lists, certificates).

    Used for text the main face cannot draw alone; plain Latin stays a
    Paragraph. ``text`` is logical order and printable (``fonts.printable``).
    """

    def __init__(self, text: str, size: float = 9.0, leading: float = 11.0,
                 weight: str = "regular") -> None:
        super().__init__()
        self.text, self.size, self.leading, self.weight = text, size, leading, weight
        self.lines: tuple[str, ...] = ()

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.lines = tuple(_greedy(self.text, avail_width / self.size, self.weight)) or ("",)
        self.width = avail_width
        self.height = self.leading * len(self.lines)
        return self.width, self.height

    def draw(self) -> None:
        canvas: Any = self.canv
        canvas.setFillColor(black)
        baseline = self.height - self.size
        for line in self.lines:
            fonts.draw_line(canvas, line, 0, baseline, self.width, self.size,
                            weight=self.weight, color=black)
            baseline -= self.leading
