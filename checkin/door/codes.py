"""The codes printed on our own badges: short, versioned and signed per event.

Format (22 characters): ``CK`` + version ``1`` + event tag (3) + person
reference (8) + signature (8). The alphabet has digits and the letters A–X
without I and O, so a scanner set to a US keyboard types the same on a German
(QWERTZ) layout (no Y, Z or punctuation), the code fits QR's compact
alphanumeric mode, and a person copying a code cannot confuse O/0 or I/1.
The signature is an HMAC with the event's secret: a badge of another event or
a made-up code is rejected, and the reason is said plainly.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from checkin.errors import CodeRejected

ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWX"
PREFIX = "CK"
VERSION = "1"
REF_LENGTH = 8
TAG_LENGTH = 3
MAC_LENGTH = 8
CODE_LENGTH = len(PREFIX) + len(VERSION) + TAG_LENGTH + REF_LENGTH + MAC_LENGTH

_TYPED = str.maketrans({"O": "0", "I": "1", " ": None, "-": None})


def _encode(digest: bytes, length: int) -> str:
    number = int.from_bytes(digest, "big")
    chars = []
    for _ in range(length):
        number, rest = divmod(number, 32)
        chars.append(ALPHABET[rest])
    return "".join(chars)


def new_code_ref() -> str:
    """A random person reference (40 bits), stored with the attendee."""
    return _encode(secrets.token_bytes(REF_LENGTH * 5 // 8), REF_LENGTH)  # 5 bits a character


_FROM_BASE32 = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", ALPHABET)


def new_code_refs(n: int) -> list[str]:
    """``n`` random person references at once (for imports of thousands of people)."""
    text = base64.b32encode(secrets.token_bytes(n * REF_LENGTH * 5 // 8)).decode()
    text = text.translate(_FROM_BASE32)
    return [text[i:i + REF_LENGTH] for i in range(0, n * REF_LENGTH, REF_LENGTH)]


def event_tag(secret: str) -> str:
    return _encode(hmac.new(secret.encode(), b"event-tag", hashlib.sha256).digest(), TAG_LENGTH)


def _signature(secret: str, body: str) -> str:
    return _encode(hmac.new(secret.encode(), body.encode(), hashlib.sha256).digest(), MAC_LENGTH)


def badge_code(secret: str, code_ref: str) -> str:
    """The code printed on a person's badge."""
    body = f"{PREFIX}{VERSION}{event_tag(secret)}{code_ref}"
    return body + _signature(secret, body)


def normalize(text: str) -> str:
    """Upper-case and forgive what people type by hand (O for 0, I for 1, spaces)."""
    return text.strip().upper().translate(_TYPED)


def looks_like_badge_code(text: str) -> bool:
    """True if the text has the shape of one of our badge codes (of any event)."""
    code = normalize(text)
    return len(code) == CODE_LENGTH and code.startswith(PREFIX) and all(
        ch in ALPHABET for ch in code[len(PREFIX):])


def verify(secret: str, text: str) -> str:
    """The person reference inside a valid code of this event, else ``CodeRejected``."""
    code = normalize(text)
    if not looks_like_badge_code(code):
        raise CodeRejected("This is not a badge code of checkin. Scan again or search by name.",
                           "not_ours")
    version = code[len(PREFIX)]
    if version != VERSION:
        raise CodeRejected(f"This badge uses code version {version}, which this app does not "
                           "know. Update checkin, or search the person by name.", "version")
    start = len(PREFIX) + len(VERSION)
    tag = code[start:start + TAG_LENGTH]
    ref = code[start + TAG_LENGTH:start + TAG_LENGTH + REF_LENGTH]
    if not hmac.compare_digest(tag, event_tag(secret)):
        raise CodeRejected("This badge belongs to another event. Search the person by name "
                           "and print a new badge.", "other_event")
    body = code[:-MAC_LENGTH]
    if not hmac.compare_digest(code[-MAC_LENGTH:], _signature(secret, body)):
        raise CodeRejected("This code is not valid: it was misread or made up. Scan again, or "
                           "search the person by name.")
    return ref
