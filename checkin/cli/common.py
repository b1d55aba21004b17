"""Helpers shared by the command-line verbs: parsing, opening events, output."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, NoReturn

from checkin.store import EventStore, open_event
from checkin.sync.addresses import is_server_url, scrub_secrets


class Done(Exception):
    """Stop the command with an exit status (used by argparse's --help)."""

    def __init__(self, status: int) -> None:
        self.status = status


class CliParser(argparse.ArgumentParser):
    """argparse that reports usage mistakes as one ``error:`` line, exit 2."""

    def error(self, message: str) -> NoReturn:
        print(f"error: {scrub_secrets(message)}. See '{self.prog} --help'.", file=sys.stderr)
        raise Done(2)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            print(scrub_secrets(message), file=sys.stderr, end="")
        raise Done(status)


#: the desk a command speaks for unless --desk says otherwise
DEFAULT_DESK = "Desk 1"


def add_event_argument(parser: argparse.ArgumentParser) -> None:
    """EVENT (a file or a postgresql:// address) and --desk, the same in every verb."""
    parser.add_argument("event", help="event file, or postgresql://… of a shared event")
    add_desk_argument(parser)


def add_desk_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--desk", default=DEFAULT_DESK,
                        help="this desk's name (with a postgresql:// event: whose local "
                             f"copy to use; default {DEFAULT_DESK!r})")


#: the --desk of the running command, for verbs that do not pass it on themselves
_desk: ContextVar[str | None] = ContextVar("checkin_cli_desk", default=None)
#: the server did not answer when this command opened the event: don't wait for it twice
_offline: ContextVar[bool] = ContextVar("checkin_cli_offline", default=False)


@contextmanager
def command_desk(desk: str | None) -> Iterator[None]:
    token, fresh = _desk.set(desk), _offline.set(False)
    try:
        yield
    finally:
        _desk.reset(token)
        _offline.reset(fresh)


def add_missing_desk_arguments(sub: Any) -> None:
    """Give every verb that takes an EVENT a --desk (for postgresql:// events)."""
    for parser in sub.choices.values():
        takes_event = any(a.dest == "event" for a in parser._actions)
        has_desk = any(a.dest == "desk" for a in parser._actions)
        if takes_event and not has_desk:
            add_desk_argument(parser)


def open_store(location: str, desk: str | None = None) -> EventStore:
    """Open the event named on the command line.

    A ``postgresql://`` address opens this desk's local copy of the shared event
    (made from the server the first time) after one sync round when the server is
    reachable, so every verb answers with what all desks did, and works offline too.
    """
    if is_server_url(location):
        from checkin.sync.desks import open_desk
        from checkin.sync.protocol import Desk

        name = desk or _desk.get() or DEFAULT_DESK
        store = open_desk(location, name)
        report = Desk(store, location, name).sync()  # catch up first when reachable
        _offline.set(not report.online)
        return store
    return open_event(location)


def send_what_is_queued(location: str | None) -> None:
    """After any verb on a shared event (an import, an edit…): send what it queued."""
    if not is_server_url(location) or _offline.get():
        return
    assert location is not None
    from checkin.store.journal import outbox_size
    from checkin.sync.desks import open_desk
    from checkin.sync.protocol import Desk

    desk = _desk.get() or DEFAULT_DESK
    with open_desk(location, desk) as store:
        if outbox_size(store):
            report = Desk(store, location, desk).sync()
            if not report.online:
                print(f"Queued: {report.outbox} record(s) wait in this desk's outbox; they "
                      "go out at the next sync.", file=sys.stderr)


def sync_after_write(location: str, store: EventStore, desk: str) -> dict[str, object] | None:
    """After a write to a shared event: sync at once; say whether the record went out."""
    if not is_server_url(location):
        return None
    from checkin.sync.protocol import Desk

    sync = Desk(store, location, desk)
    report = sync.offline_report("") if _offline.get() else sync.sync()
    if report.online:
        text = f"Synced: {report.active_desks} desk(s) active."
    else:
        text = (f"Queued: the event server is not reachable; {report.outbox} record(s) wait "
                "in this desk's outbox and go out at the next sync.")
    for double in report.doubles:
        text += f"\nDouble check-in: {double.message}"
    return {"online": report.online, "outbox": report.outbox, "message": text,
            "doubles": [d.message for d in report.doubles]}


def print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, default=str))
