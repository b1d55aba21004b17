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


def clean_text(value: object) -> str:
    """Return ``value`` as tidy, NFC-normalised single-line text."""
    if value is None:
        return ""
    text = str(value)
    text = text.translate(_INVISIBLE)
    text = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch for ch in text
    )
    text = _SPACES.sub(" ", text).strip()
    return unicodedata.normalize("NFC", text)


def has_control_characters(text: str) -> bool:
    """True if ``text`` contains characters no scanner or keyboard should send."""
    return any(unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs") for ch in text)
