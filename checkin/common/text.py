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
