"""The import verb: read a participant list into an event (``--dry-run`` to only report)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from checkin.cli.common import open_store, print_json
from checkin.errors import ImportProblem
from checkin.importing import (
    ImportOptions,
    commit,
    prepare,
    preview,
    remember_mapping,
    remembered_mappings,
)
from checkin.importing.formats import ENCODINGS, SUPPORTED_SUFFIXES
from checkin.importing.mapping import mapping_notes, open_questions


def register(sub: Any) -> None:
    p = sub.add_parser("import", help="import a participant list "
                                      f"({' '.join(SUPPORTED_SUFFIXES)})")
    p.add_argument("event")
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true",
                   help="read, check and report; change nothing")
    p.add_argument("--encoding", help="text encoding (default: detected): " + "; ".join(
        f"{codec} = {label}" for codec, label in ENCODINGS.items()))
    p.add_argument("--delimiter", help="; , tab or | (default: detected)")
    p.add_argument("--sheet", help="workbook sheet (default: the first one with data)")
    p.add_argument("--header-row", type=int, metavar="N",
                   help="row number of the column names (default: detected)")
    p.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD",
                   help="say which field a column holds, e.g. 'Teilnehmer=name' "
                   "or 'Notizen=ignore' (repeatable)")
    p.add_argument("--keep-missing", action="store_true",
                   help="do not cancel people who are not in this list")
    p.add_argument("--cancel-missing", action="store_true",
                   help="confirm cancelling people missing from the list even if they are "
                   "most of the event")
    p.add_argument("--skip-invalid", action="store_true",
                   help="import even if rows with a ticket code another person holds must "
                   "be left out (see the report); rows without a name are always left out")
    p.add_argument("--desk", default="import")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_import)


def _overrides(pairs: list[str]) -> dict[str, str]:
    result = {}
    for pair in pairs:
        column, sep, target = pair.rpartition("=")
        if not sep or not column.strip():
            raise ImportProblem(f"--map needs COLUMN=FIELD, e.g. 'Teilnehmer=name', "
                                f"not {pair!r}.")
        result[column.strip()] = target.strip()
    return result


def run_import(args: argparse.Namespace) -> int:
    options = ImportOptions(encoding=args.encoding, delimiter=args.delimiter, sheet=args.sheet,
                            header_row=args.header_row, mapping=_overrides(args.map))
    with open_store(args.event) as store:
        event = store.event()
        shown = preview(Path(args.file), event.days, options, remembered_mappings(store))
        notes = mapping_notes(shown.headers, shown.targets, event.days)
        try:
            plan = prepare(shown, store, cancel_missing=not args.keep_missing)
        except ImportProblem:
            if not args.json:  # the guesses may be why no name column was found
                for line in notes:
                    print(line)
            raise
        blocked = bool(plan.blocking) and not args.skip_invalid and not args.dry_run
        if args.json:
            print_json({"counts": plan.merge.counts(), "rows_read": plan.rows_read,
                        "encoding": shown.layout.encoding,
                        "delimiter": shown.layout.delimiter, "header_row": shown.header_row,
                        "columns": dict(zip(shown.headers, shown.targets, strict=True)),
                        "questions": [{"column": q.header, "could_be": list(q.candidates),
                                       "taken_by": q.taken_by or None, "reason": q.reason,
                                       "message": q.question()}
                                      for q in open_questions(shown.headers, shown.targets,
                                                              event.days)],
                        "problems": [{"row": p.row, "severity": p.severity,
                                      "message": p.message, "text": p.text,
                                      "kind": p.kind}
                                     for p in plan.problems],
                        "dry_run": args.dry_run, "written": not (args.dry_run or blocked)})
        else:
            lines = plan.report_lines(limit=None if args.dry_run else 50)
            for line in [*lines[:2], *notes, *lines[2:]]:  # the guesses below "columns:"
                print(line)
        if args.dry_run:
            if not args.json:
                print("dry run: nothing was changed.")
            return 0
        if blocked:
            raise ImportProblem(
                f"{len(plan.blocking)} row(s) cannot be imported (see the report above); "
                "nothing was changed. Fix the file, or run again with --skip-invalid to "
                "import the other rows.")
        mass_cancel = plan.merge.mass_cancel()
        if mass_cancel is not None and not args.cancel_missing:
            cancelled, before = mass_cancel
            raise ImportProblem(
                f"This list would cancel {cancelled} of the {before} people in the event "
                "(they are not in it); nothing was changed. If the list only adds people, "
                "run again with --keep-missing; if they really cancelled, confirm with "
                "--cancel-missing.")
        counts = commit(store, plan, desk=args.desk)
        if options.mapping:
            remember_mapping(store, shown, shown.targets)
    if not args.json:
        print(f"imported into {args.event}: added {counts['added']}, updated "
              f"{counts['updated']}, unchanged {counts['unchanged']}, cancelled "
              f"{counts['cancelled']}.", file=sys.stdout)
        left_out = [p.row for p in plan.errors]
        if left_out:
            print(f"{len(left_out)} row(s) were left out (rows "
                  f"{', '.join(map(str, left_out[:20]))}{' …' if len(left_out) > 20 else ''}"
                  "; see the report above).")
    return 0
