"""Helpers shared by the command-line verbs: parsing, opening events, output."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, NoReturn

from checkin.store import EventStore, open_event


class Done(Exception):
    """Stop the command with an exit status (used by argparse's --help)."""

    def __init__(self, status: int) -> None:
        self.status = status


class CliParser(argparse.ArgumentParser):
    """argparse that reports usage mistakes as one ``error:`` line, exit 2."""

    def error(self, message: str) -> NoReturn:
        print(f"error: {message}. See '{self.prog} --help'.", file=sys.stderr)
        raise Done(2)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            print(message, file=sys.stderr, end="")
        raise Done(status)


def open_store(location: str, desk: str | None = None) -> EventStore:
    """Open the event named on the command line."""
    return open_event(location)


def print_json(value: Any) -> None:
    print(json.dumps(value, ensure_ascii=False, default=str))
