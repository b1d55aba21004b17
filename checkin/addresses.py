"""Addresses of shared events (``postgresql://…``), and how to show them without secrets.

Kept apart from the server code so that recognising an address does not load
the database driver (every command-line call would pay for it).
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_URL_PREFIXES = ("postgresql://", "postgres://")


def is_server_url(text: str | None) -> bool:
    return bool(text) and str(text).lower().startswith(_URL_PREFIXES)


def public_url(url: str) -> str:
    """The address without its password (safe to store, show, log or put in a QR code)."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, _, hosts = netloc.rpartition("@")
        user = userinfo.split(":", 1)[0]
        netloc = f"{user}@{hosts}" if user else hosts
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if k.lower() != "password"])
    return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
