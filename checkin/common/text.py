"""Cleaning of text that people typed into spreadsheets.

Names are kept exactly as written (no title-casing); only invisible debris is
removed: zero-width characters, soft hyphens, control characters and runs of
whitespace. Everything is NFC-normalised so that "ü" is one code point.
"""

from __future__ import annotations

import re
import unicodedata

_INVISIBLE = dict.fromkeys(
    map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e"), None
)
_SPACES = re.compile(r"\s+")
#: C1 control characters are Windows-1252 bytes read as Latin-1 somewhere upstream
#: (U+0096 is the en dash "–"): put the intended characters back.
_C1_AS_CP1252 = {
    code: bytes([code]).decode("cp1252")
    for code in range(0x80, 0xA0)
    if code not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
}


def clean_text(value: object) -> str:
    """Return ``value`` as tidy, NFC-normalised single-line text."""
    if value is None:
        return ""
    text = str(value)
    if text.isprintable() and "  " not in text and text == text.strip() and (
            text.isascii() or unicodedata.is_normalized("NFC", text)):
        return text  # the common case, checked in C: nothing to clean
    text = text.translate(_C1_AS_CP1252).translate(_INVISIBLE)
    text = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in text
    )
    text = _SPACES.sub(" ", text).strip()
    return unicodedata.normalize("NFC", text)


def has_control_characters(text: str) -> bool:
    """True if ``text`` contains characters no scanner or keyboard should send."""
    return any(unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs") for ch in text)


# -- the one name order ----------------------------------------------------------------------

#: Name particles: part of the surname when a full name is split ("Anna von der Heyde"),
#: ignored when sorting, as a phone book does ("von der Heyde" under H, "zu Schröder" under S).
NAME_PARTICLES = frozenset({
    "von", "vom", "van", "de", "der", "den", "du", "da", "di", "del", "della", "zu", "zur",
    "zum", "und", "ten", "ter", "le", "la", "af", "av", "bin", "al", "el", "dos", "das"})
#: DIN 5007-1 (dictionary order): umlauts sort as their base letter (Ä as A), ß as ss.
_SORT_LETTERS = str.maketrans({"ß": "ss", "ẞ": "ss", "æ": "ae", "œ": "oe", "ø": "o",
                               "ł": "l", "đ": "d", "ı": "i", "þ": "th"})


def sort_fold(text: str) -> str:
    """Text as DIN 5007-1 compares it: case and accents ignored, ß as ss."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_SORT_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def surname_core(last_name: str) -> str:
    """The surname without its leading particles ("von der Heyde" -> "Heyde")."""
    words = last_name.split()
    start = 0
    while start < len(words) - 1 and words[start].casefold() in NAME_PARTICLES:
        start += 1
    return " ".join(words[start:])


def name_sort_key(last_name: str, first_name: str) -> tuple[str, str, str, str]:
    """The one order of names everywhere (badge batches, lists, exports, search ties).

    Phone-book order: particles ignored ("von der Heyde" under H), umlauts as
    their base letter per DIN 5007-1 (Müller beside Muller, after Mueller), ties
    by first name; then the full folded surname and the exact spelling, so that
    equal keys never depend on the order the rows came in.
    """
    return (sort_fold(surname_core(last_name)), sort_fold(first_name), sort_fold(last_name),
            f"{last_name}\x00{first_name}")
