"""Verbs of shared events: share (upload to PostgreSQL), sync (one round)."""

from __future__ import annotations

import argparse
from typing import Any

from checkin.cli.common import add_desk_argument, print_json
from checkin.errors import UserError
from checkin.sync.addresses import is_server_url, public_url


def register(sub: Any) -> None:
    p = sub.add_parser("share", help="upload a local event to a new PostgreSQL database")
    p.add_argument("event", help="the local event file")
    p.add_argument("url", help="postgresql://USER@HOST:PORT/DATABASE (created if missing)")
    p.set_defaults(run=run_share)

    p = sub.add_parser("sync", help="one sync round of this desk with the event server")
    p.add_argument("url", help="postgresql://… address of the shared event")
    add_desk_argument(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_sync)


def _require_url(url: str) -> None:
    if not is_server_url(url):
        raise UserError(f"{url!r} is not a PostgreSQL address. Write it as "
                        "postgresql://USER@HOST:PORT/DATABASE.")


def run_share(args: argparse.Namespace) -> int:
    from checkin.sync.desks import share  # the database driver only when it is needed

    _require_url(args.url)
    report = share(args.event, args.url)
    print(f"Shared {report.attendees} attendees and {report.checkins} check-in record(s) "
          f"to {report.url}.")
    print(f"Each desk joins with: checkin gui {report.url} (or checkin sync {report.url} "
          "--desk 'Desk 2').")
    return 0


def run_sync(args: argparse.Namespace) -> int:
    from checkin.sync.desks import open_desk
    from checkin.sync.protocol import Desk

    _require_url(args.url)
    with open_desk(args.url, args.desk) as store:
        report = Desk(store, args.url, args.desk).sync()
    if args.json:
        print_json({"online": report.online, "pushed": report.pushed,
                    "pulled": report.pulled, "outbox": report.outbox,
                    "active_desks": report.active_desks,
                    "doubles": [d.message for d in report.doubles],
                    "set_aside": report.set_aside, "purged": report.purged,
                    "problem": report.problem, "server": public_url(args.url)})
        return 0
    if not report.online:
        print(f"Offline: {report.problem}")
        print(f"{report.outbox} record(s) wait in the outbox of {args.desk}.")
        _say_set_aside(report.set_aside)
        return 0
    print(f"Pushed {report.pushed}, pulled {report.pulled} record(s); "
          f"{report.outbox} waiting; {report.active_desks} desk(s) active.")
    for double in report.doubles:
        print(f"Double check-in: {double.message}")
    if report.purged:
        print("The shared event was purged: this desk's copy holds no personal data now.")
    _say_set_aside(report.set_aside)
    return 0


def _say_set_aside(count: int) -> None:
    if count:
        print(f"{count} record(s) from the server were set aside: they failed the checks "
              "and were not applied (kept in this desk's copy; everything else was).")
