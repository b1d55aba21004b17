"""Verbs for sessions and the day-end export: sessions, export."""

from __future__ import annotations

import argparse
from typing import Any

from checkin.cli.common import open_store, print_json
from checkin.door.sessions import (
    add_session,
    find_session,
    list_sessions,
    occupancy,
    remove_session,
    update_session,
)
from checkin.errors import UserError
from checkin.export import COLUMN_LABELS, DEFAULT_COLUMNS, ExportOptions, export_day


def register(sub: Any) -> None:
    p = sub.add_parser("sessions", help="sessions inside a day: list, add, edit, remove")
    p.add_argument("event")
    actions = p.add_subparsers(dest="action", metavar="ACTION", parser_class=type(p))
    listing = actions.add_parser("list", help="sessions with their counts")
    listing.add_argument("--day")
    listing.add_argument("--json", action="store_true")
    add = actions.add_parser("add", help="add a session to a day")
    add.add_argument("--day", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--capacity", type=int)
    add.add_argument("--starts", help="HH:MM")
    add.add_argument("--ends", help="HH:MM")
    edit = actions.add_parser("edit", help="rename a session or change its capacity or times")
    edit.add_argument("session", help="name or id")
    edit.add_argument("--day")
    edit.add_argument("--name")
    edit.add_argument("--capacity", type=int)
    edit.add_argument("--no-capacity", action="store_true", help="remove the limit")
    edit.add_argument("--starts")
    edit.add_argument("--ends")
    remove = actions.add_parser("remove", help="remove a session nobody was checked in to")
    remove.add_argument("session", help="name or id")
    remove.add_argument("--day")
    p.set_defaults(run=run_sessions, action=None)

    e = sub.add_parser("export", help="write the day's attendance to .xlsx, .csv or .pdf")
    e.add_argument("event")
    e.add_argument("--day", help="YYYY-MM-DD (XLSX without --day: every day)")
    e.add_argument("--out", required=True, help="FILE.xlsx, FILE.csv or FILE.pdf")
    e.add_argument("--columns", help="comma-separated, from: " + ",".join(COLUMN_LABELS)
                   + " (default: " + ",".join(DEFAULT_COLUMNS) + ")")
    e.add_argument("--signature", action="store_true",
                   help="PDF: everyone expected, with a column to sign")
    e.add_argument("--comma", action="store_true",
                   help="CSV: plain comma-separated UTF-8 instead of Excel's ';' with BOM")
    e.set_defaults(run=run_export)


def run_sessions(args: argparse.Namespace) -> int:
    action = args.action or "list"
    with open_store(args.event) as store:
        if action == "list":
            day = getattr(args, "day", None)
            found = [occupancy(store, s) for s in list_sessions(store, day)]
            if getattr(args, "json", False):
                print_json([{"id": o.session.id, "day": o.session.day, "name": o.session.name,
                             "starts": o.session.starts, "ends": o.session.ends,
                             "capacity": o.capacity, "checked_in": o.checked_in,
                             "full": o.full} for o in found])
                return 0
            if not found:
                print("No sessions. Add one with 'checkin sessions EVENT add --day DATE "
                      "--name NAME [--capacity N]'.")
            for o in found:
                limit = "" if o.capacity is None else f" of {o.capacity}"
                full = "  FULL" if o.full else ""
                print(f"{o.session.day}  {o.session.label}: {o.checked_in}{limit}{full}")
            return 0
        if action == "add":
            session = add_session(store, day=args.day, name=args.name, capacity=args.capacity,
                                  starts=args.starts, ends=args.ends)
            print(f"Added {session.label} on {session.day} (id {session.id}).")
            return 0
        session = find_session(store, args.session, args.day)
        if action == "edit":
            session = update_session(store, session, name=args.name, capacity=args.capacity,
                                     clear_capacity=args.no_capacity, starts=args.starts,
                                     ends=args.ends)
            print(f"Changed {session.label} on {session.day}.")
            return 0
        remove_session(store, session)
        print(f"Removed {session.name} on {session.day}.")
        return 0


def run_export(args: argparse.Namespace) -> int:
    columns = DEFAULT_COLUMNS if args.columns is None else tuple(
        c.strip() for c in args.columns.split(",") if c.strip())
    if args.signature and not args.out.lower().endswith(".pdf"):
        raise UserError("--signature is for the PDF list. Use --out FILE.pdf.")
    with open_store(args.event) as store:
        summary = export_day(store, args.day, args.out,
                             ExportOptions(columns=columns, signature=args.signature,
                                           comma=args.comma))
    sheets = f" ({len(summary.sheets)} sheets)" if summary.sheets else ""
    print(f"Wrote {summary.rows} people to {summary.path}{sheets}.")
    return 0
