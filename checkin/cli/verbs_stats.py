"""Verbs that report attendance: stats."""

from __future__ import annotations

import argparse
from typing import Any

from checkin.cli.common import add_event_argument, open_store, print_json
from checkin.stats import event_stats


def register(sub: Any) -> None:
    p = sub.add_parser("stats", help="attendance figures per day")
    add_event_argument(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_stats)


def run_stats(args: argparse.Namespace) -> int:
    with open_store(args.event, args.desk) as store:
        stats = event_stats(store)
    if args.json:
        print_json(stats)
        return 0
    print(f"{stats['event']}: {stats['attendees']} attendees")
    days = stats["days"]
    assert isinstance(days, list)
    for day in days:
        print(f"  {day['date']}: {day['checked_in']} of {day['expected']} checked in")
    return 0
