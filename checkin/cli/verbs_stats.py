"""Verbs that report attendance: stats."""

from __future__ import annotations

import argparse
from typing import Any

from checkin.attendance.stats import event_stats
from checkin.cli.common import add_event_argument, open_store, print_json


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
        walk_ins = f", {day['walk_ins']} walk-in" + ("s" if day["walk_ins"] != 1 else "")
        print(f"  {day['date']}: {day['checked_in']} of {day['expected']} checked in, "
              f"{day['missing']} missing{walk_ins}")
        if day["desks"]:
            print("    desks: " + ", ".join(f"{k} {v}" for k, v in day["desks"].items()))
        for s in day["sessions"]:
            limit = "" if s["capacity"] is None else f" of {s['capacity']}"
            print(f"    {s['name']}: {s['checked_in']}{limit}" + (" (full)" if s["full"] else ""))
    return 0
