"""Verbs of the door: search, scan, undo (the same code as the desk window)."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from typing import Any

from checkin.badges import after_checkin
from checkin.badges.after_checkin import BadgeAction, BadgeStep
from checkin.badges.layouts import PRESETS, get_layout
from checkin.cli.common import add_event_argument, open_store, print_json, sync_after_write
from checkin.door.days import event_day, parse_moment
from checkin.door.door import Door, DoorResult
from checkin.door.search import Hit
from checkin.model import field_names


def register(sub: Any) -> None:
    p = sub.add_parser("search", help="find attendees; without QUERY, one query per stdin line")
    add_event_argument(p)
    p.add_argument("query", nargs="?")
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--day", help="event day whose expected arrivals rank first (default: today)")
    p.add_argument("--at", help="moment that decides the day, ISO format (default: now)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_search)

    p = sub.add_parser("scan", help="check in the person a code belongs to")
    add_event_argument(p)
    p.add_argument("code")
    p.add_argument("--day", help="event day (default: today)")
    p.add_argument("--at", help="time of the check-in, ISO format (default: now)")
    p.add_argument("--print-to", metavar="PRINTER",
                   help="print on check-in: send the badge of a person who has none yet to "
                        "this printer (see 'checkin printers'); a desk sets this in its "
                        "Badges window instead")
    p.add_argument("--layout", default="a6",
                   help=f"badge layout for --print-to, one of: {', '.join(PRESETS)}")
    p.add_argument("--template", help="badge template for --print-to (default: the layout's)")
    p.add_argument("--tray", default="", help="printer tray for --print-to (InputSlot)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_scan)

    p = sub.add_parser("undo", help="undo this desk's last check-in")
    add_event_argument(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_undo)


def _hit_json(hit: Hit) -> dict[str, object]:
    a = hit.attendee
    return {"id": a.id, **{name: a.field(name) for name in field_names()},
            "status": a.status, "score": round(hit.score, 3)}


def run_search(args: argparse.Namespace) -> int:
    with open_store(args.event, args.desk) as store:
        door = Door(store)
        day = None
        if args.day or args.at:
            at = parse_moment(args.at) if args.at else None
            day = event_day(store.event(), day=args.day, at=at)
        elif date.today() in store.event().days:
            day = date.today().isoformat()
        index = door.search_index(day)
    if args.query is not None:
        hits = index.search(args.query, limit=args.limit)
        if args.json:
            print_json([_hit_json(h) for h in hits])
        else:
            for h in hits:
                a = h.attendee
                print(f"{a.display_name}\t{a.organization}\t{a.project}\t{a.id}")
        return 0
    for line in sys.stdin:
        query = line.rstrip("\n")
        started = time.perf_counter()
        hits = index.search(query, limit=args.limit)
        elapsed = (time.perf_counter() - started) * 1000
        print_json({"query": query, "results": [_hit_json(h) for h in hits],
                    "elapsed_ms": round(elapsed, 3)})
        sys.stdout.flush()
    return 0


def run_scan(args: argparse.Namespace) -> int:
    """Check in, then run the same badge rule as the desk (hand out or print)."""
    at = parse_moment(args.at) if args.at else None
    layout = get_layout(args.layout)  # a wrong layout is refused before anyone is checked in
    with open_store(args.event, args.desk) as store:
        result = Door(store, args.desk).scan(args.code, day=args.day, at=at)
        step = after_checkin.plan(store, result, print_on_checkin=bool(args.print_to))
        if step.action == BadgeAction.HAND_OUT:
            step = after_checkin.hand_out(store, step, desk=args.desk)
        elif step.action == BadgeAction.PRINT:
            step = after_checkin.print_now(store, step, printer=args.print_to, layout=layout,
                                           template=args.template, desk=args.desk,
                                           tray=args.tray)
        synced = sync_after_write(args.event, store, args.desk)
    _print_result(result, synced, args.json, step)
    if step.problem:
        print(f"warning: the check-in is saved, but the badge was not printed: {step.problem}",
              file=sys.stderr)
    return 0


def _print_result(result: DoorResult, synced: dict[str, object] | None, as_json: bool,
                  badge: BadgeStep | None = None) -> None:
    if as_json:
        extra: dict[str, object] = {"sync": synced} if synced else {}
        if badge is not None:
            extra["badge"] = badge.as_json()
        print_json({**result.as_json(), **extra})
        return
    print(f"{result.status.value}: {result.message}")
    if badge is not None and badge.text:
        print(badge.text)
    if synced:
        print(synced["message"])


def run_undo(args: argparse.Namespace) -> int:
    with open_store(args.event, args.desk) as store:
        result = Door(store, args.desk).undo_last()
        synced = sync_after_write(args.event, store, args.desk)
    _print_result(result, synced, args.json)
    return 0
