"""Verbs that create, open and copy events: gui, new, demo, copy."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from checkin.cli.common import add_event_argument, open_store
from checkin.door.days import parse_day, parse_days
from checkin.event.demo import create_demo
from checkin.store import create_event


def register(sub: Any) -> None:
    p = sub.add_parser("gui", help="open the desk window")
    p.add_argument("event", nargs="?",
                   help="event file (default: the last one, or a welcome screen)")
    p.add_argument("--demo", action="store_true",
                   help="open the demo event (created on first use)")
    p.add_argument("--desk", help="this desk's name (remembered; matters for shared events)")
    p.add_argument("--day", help="event day the desk starts on (default: today)")
    # quit once the window is shown: how installers and CI check that the GUI starts
    p.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    p.set_defaults(run=run_gui)

    p = sub.add_parser("new", help="create an empty event")
    p.add_argument("event")
    p.add_argument("--name", required=True)
    p.add_argument("--days", required=True,
                   help="comma-separated dates, e.g. 2017-09-19,2017-09-20")
    p.add_argument("--language", default="de", choices=["de", "en"])
    p.set_defaults(run=run_new)

    p = sub.add_parser("demo", help="create a demo event with about 200 participants")
    p.add_argument("event")
    p.add_argument("--size", type=int, default=200, help=argparse.SUPPRESS)
    p.set_defaults(run=run_demo)

    p = sub.add_parser("copy", help="save a complete copy of an event (safe while it is in use)")
    add_event_argument(p)
    p.add_argument("dest", help="the new file, e.g. backup.checkin")
    p.set_defaults(run=run_copy)


def run_gui(args: argparse.Namespace) -> int:
    from checkin.ui.app import run  # Qt only when the GUI is asked for

    day = parse_day(args.day) if args.day else None
    return run(args.event, demo=args.demo, day=day, smoke_test=args.smoke_test,
               desk=args.desk)


def run_new(args: argparse.Namespace) -> int:
    days = parse_days(args.days)
    with create_event(Path(args.event), name=args.name, days=days, language=args.language) as s:
        print(f"Created {s.path} ({args.name}, {len(days)} day(s)).")
    return 0


def run_demo(args: argparse.Namespace) -> int:
    with create_demo(Path(args.event), size=args.size) as store:
        print(f"Created demo event {store.path} with {store.attendee_count()} participants.")
    return 0


def run_copy(args: argparse.Namespace) -> int:
    """A copy through SQLite: unlike cp, it has the check-ins still in the -wal file."""
    with open_store(args.event, args.desk) as store:
        dest = store.save_copy(Path(args.dest))
        where = store.location
    print(f"Saved a copy of {where} as {dest}.")
    return 0
