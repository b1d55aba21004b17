"""Addresses of shared events (``postgresql://…``), and how to show them without secrets.

Kept apart from the server code so that recognising an address does not load
the database driver (every command-line call would pay for it).

Passwords never reach a screen, a log or a crash report: :func:`public_url`
shows an address without its password (even a malformed one), and
:func:`scrub_secrets` removes anything that looks like a password from any
text (``scheme://user:password@``, ``password=…``), plus every password this
process has seen in an address, in whatever spelling (a mangled path or a
driver's message may quote it without the address around it).
"""

from __future__ import annotations

import re
import threading
from urllib.parse import parse_qsl, unquote, unquote_plus, urlencode, urlsplit, urlunsplit

_URL_PREFIXES = ("postgresql://", "postgres://")

#: ``scheme://user:password@`` (also ``scheme:/…`` as a path normalises it); the
#: password runs to the last ``@`` of the token: a raw ``@`` or ``/`` in it is
#: malformed, but must not leak either
_USERINFO = re.compile(
    r"""(?i)(?<![\w+.-])([a-z][a-z0-9+.\-]*:/+)([^\s/@:'"<>]*):([^\s'"<>]*)@""")
#: ``password=…`` in a query string or a libpq conninfo (quoted or not), and
#: ``'password': '…'`` in a printed dict
_KEY_VALUE = re.compile(r"""(?i)(password\s*=\s*)('(?:[^'\\]|\\.)*'|"[^"]*"|[^\s'"&]+)""")
_DICT_ITEM = re.compile(r"""(?i)(['"]password['"]\s*:\s*)('(?:[^'\\]|\\.)*'|"[^"]*")""")
#: passwords shorter than this are only removed in context (a lone "ab" is everywhere)
_MIN_LITERAL = 3
MASK = "***"

_seen: set[str] = set()
_seen_lock = threading.Lock()
_seen_pattern: re.Pattern[str] | None = None


def is_server_url(text: str | None) -> bool:
    return bool(text) and str(text).lower().startswith(_URL_PREFIXES)


def remember_secrets(text: str) -> None:
    """Note the passwords in ``text`` so they are scrubbed wherever they show up later."""
    found: list[str] = [m.group(3) for m in _USERINFO.finditer(text)]
    for m in _KEY_VALUE.finditer(text):
        value = m.group(2)
        found.append(value[1:-1] if value[:1] in "'\"" and len(value) > 1 else value)
    global _seen_pattern
    spellings = {s for value in found
                 for s in (value, unquote(value), unquote_plus(value),
                           value.replace("\\'", "'").replace("\\\\", "\\"))
                 if len(s) >= _MIN_LITERAL}
    with _seen_lock:
        if spellings - _seen:
            _seen.update(spellings)
            _seen_pattern = re.compile("|".join(
                _bounded(s) for s in sorted(_seen, key=len, reverse=True)))


def _bounded(secret: str) -> str:
    """The secret as a whole word: a password "postgres" is not taken out of "postgresql"."""
    head = r"(?<!\w)" if re.match(r"\w", secret[0]) else ""
    tail = r"(?!\w)" if re.match(r"\w", secret[-1]) else ""
    return head + re.escape(secret) + tail


def scrub_secrets(text: str) -> str:
    """``text`` without passwords: safe for a log line, a message or a crash report."""
    if not text:
        return text
    text = _scrub_patterns(text)
    pattern = _seen_pattern
    return pattern.sub(MASK, text) if pattern is not None else text


def _scrub_patterns(text: str) -> str:
    """Mask passwords recognisable by their context (no list of known ones)."""
    text = _USERINFO.sub(lambda m: f"{m.group(1)}{m.group(2)}:{MASK}@", text)
    text = _KEY_VALUE.sub(lambda m: f"{m.group(1)}{MASK}", text)
    return _DICT_ITEM.sub(lambda m: f"{m.group(1)}'{MASK}'", text)


def public_url(url: str) -> str:
    """The address without its password (safe to store, show, log or put in a QR code).

    Never raises: a malformed address is shown with its password masked.
    """
    remember_secrets(url)
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unclosed "[" of an IPv6 host
        return _scrub_patterns(url)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, _, hosts = netloc.rpartition("@")
        user = userinfo.split(":", 1)[0]
        netloc = f"{user}@{hosts}" if user else hosts
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if k.lower() != "password"])
    # a raw "/" in a password puts it into the path: masked by its context
    return _scrub_patterns(urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment)))
