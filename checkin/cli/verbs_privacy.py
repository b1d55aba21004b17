"""Verbs for data protection: retention, purge, delete."""

from __future__ import annotations

import argparse
from typing import Any

from checkin.cli.common import DEFAULT_DESK, open_store
from checkin.errors import UserError
from checkin.event.privacy import (
    compact,
    delete_event,
    purge,
    purge_due,
    purged_at,
    retention_days,
    retention_ends,
    set_retention_days,
)
from checkin.store import EventStore
from checkin.sync.addresses import is_server_url


def register(sub: Any) -> None:
    r = sub.add_parser("retention", help="show or set how long personal data is kept")
    r.add_argument("event")
    r.add_argument("days", nargs="?", help="days after the last event day, or 'off'")
    r.set_defaults(run=run_retention)
    p = sub.add_parser("purge", help="delete personal data, keep anonymous counts")
    p.add_argument("event")
    p.add_argument("--yes", action="store_true", help="really purge (otherwise: only tell)")
    p.add_argument("--now", action="store_true",
                   help="purge even though the retention period is not over")
    p.set_defaults(run=run_purge)
    d = sub.add_parser("delete", help="delete the event file, its WAL and its backups")
    d.add_argument("event")
    d.add_argument("--yes", action="store_true", help="really delete")
    d.set_defaults(run=run_delete)


def run_retention(args: argparse.Namespace) -> int:
    with open_store(args.event) as store:
        if args.days is not None:
            text = args.days.strip().lower()
            if text == "off":
                set_retention_days(store, None)
            elif text.isdigit():
                set_retention_days(store, int(text))
            else:
                raise UserError(f"'{args.days}' is not a number of days. Give e.g. 90, "
                                "or 'off'.")
        days, ends = retention_days(store), retention_ends(store)
    if days is None:
        print("No retention period: personal data is kept until you purge or delete "
              "the event.")
    else:
        print(f"Personal data is kept {days} days after the event; the purge is due "
              f"from {ends}.")
    return 0


def run_purge(args: argparse.Namespace) -> int:
    with open_store(args.event, getattr(args, "desk", None)) as store:
        if purged_at(store):
            compact(store)
            print(f"Already purged on {purged_at(store)}; nothing personal is left "
                  "(the file was compacted again).")
            return 0
        if not purge_due(store) and not args.now:
            ends = retention_ends(store)
            when = (f"the retention period runs until {ends}" if ends else
                    "no retention period is set")
            raise UserError(f"Not purged: {when}. Add --now to purge anyway.")
        if not args.yes:
            print(f"This deletes the names and all other personal data of "
                  f"{store.attendee_count()} people from {store.path} and its backups; "
                  "only anonymous counts stay. Run again with --yes to do it.")
            return 0
        if is_server_url(args.event):
            return _purge_shared(args, store)
        summary = purge(store)
    print(f"Purged: {summary.attendees} people are now anonymous; "
          f"{len(summary.backups_deleted)} backup(s) deleted.")
    return 0


def _purge_shared(args: argparse.Namespace, store: EventStore) -> int:
    """A shared event: the server's journal first, then this copy; other desks at
    their next sync."""
    from checkin.sync.protocol import Desk

    desk = getattr(args, "desk", None) or DEFAULT_DESK
    Desk(store, args.event, desk).purge_everywhere()
    print(f"Purged: {store.attendee_count()} people are now anonymous on the event "
          f"server and in this desk's copy ({desk}); every other desk purges its copy "
          "when it next syncs.")
    return 0


def run_delete(args: argparse.Namespace) -> int:
    if not args.yes:
        raise UserError(f"Not deleted. 'checkin delete {args.event} --yes' removes the event "
                        "file, its WAL and its backups for good.")
    removed = delete_event(args.event)
    print(f"Deleted {len(removed)} file(s): " + ", ".join(str(p) for p in removed))
    return 0
