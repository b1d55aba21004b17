"""Verbs for badges and printers: batches to a PDF file or a printer, templates, printers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from checkin.badges import PRESETS, Selection, get_layout, render_batch
from checkin.badges.batch import SORTS
from checkin.badges.library import save_template, template_names, template_text
from checkin.cli.common import open_store, print_json
from checkin.errors import UserError
from checkin.export.safety import check_target, write_private
from checkin.printing import PrintOptions, check_ready, list_printers, submit


def register(sub: Any) -> None:
    p = sub.add_parser("badges", help="badges of everyone (or a filtered set) as one PDF or "
                                      "straight to a printer")
    p.add_argument("event")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--out", help="write the PDF to this file")
    target.add_argument("--printer", help="print on this printer (see 'checkin printers')")
    p.add_argument("--layout", default="a6", help=f"one of: {', '.join(PRESETS)}")
    p.add_argument("--template", help="template name (default: the layout's own)")
    p.add_argument("--filter", action="append", default=[], metavar="FILTER",
                   help="not-printed, project=NAME or role=NAME (repeatable)")
    p.add_argument("--sort", default="last_name", choices=SORTS)
    p.add_argument("--start", type=int, default=1,
                   help="first free label on a partly used sheet (1 = top left)")
    p.add_argument("--offset", default="0,0", metavar="X,Y",
                   help="move everything by X,Y mm (printer calibration)")
    p.add_argument("--tray", default="", help="printer tray (InputSlot), e.g. Tray2")
    p.add_argument("--desk", default="Desk 1")
    p.add_argument("--no-record", action="store_true",
                   help="a preview: do not record the batch or mark anyone as printed")
    p.set_defaults(run=run_badges)

    p = sub.add_parser("badge-templates", help="list, show or store badge templates")
    p.add_argument("event")
    p.add_argument("--show", metavar="NAME", help="print a template's JSON")
    p.add_argument("--save", nargs=2, metavar=("NAME", "FILE"),
                   help="check a JSON template and store it in the event")
    p.set_defaults(run=run_templates)

    p = sub.add_parser("printers", help="list the printers this computer offers")
    p.add_argument("--json", action="store_true")
    p.set_defaults(run=run_printers)


def _offset(text: str) -> tuple[float, float]:
    try:
        x, y = (float(v) for v in text.split(","))
    except ValueError:
        raise UserError(f"--offset needs two numbers in mm like 1.5,-0.5 (got '{text}').") from None
    if abs(x) > 20 or abs(y) > 20:
        raise UserError("--offset is limited to ±20 mm; check the printer's paper settings.")
    return x, y


def run_badges(args: argparse.Namespace) -> int:
    layout = get_layout(args.layout).with_offset(*_offset(args.offset))
    selection = Selection.parse(args.filter)
    show = sys.stderr.isatty()

    def progress(done: int, total: int, _name: str) -> None:
        if show:
            print(f"\r{done}/{total} badges", end="", file=sys.stderr, flush=True)

    if args.printer:
        check_ready(args.printer)
    else:  # a folder or a missing folder is refused before the badges are drawn
        check_target(Path(args.out))
    with open_store(args.event) as store:
        result = render_batch(store, layout=layout, template=args.template,
                              selection=selection, sort=args.sort, start=args.start,
                              desk=args.desk, record=False, progress=progress)
        if show:
            print(file=sys.stderr)
        if args.out:
            # badge PDFs hold names: written like every export (0600, whole or not at all)
            write_private(Path(args.out), result.pdf)
            where = str(args.out)
        else:
            job = submit(result.pdf, args.printer,
                         PrintOptions(media=layout.cups_media, tray=args.tray,
                                      title=f"Badges ({result.count})"))
            where = f"printer {args.printer} (job {job})"
        if not args.no_record:
            from checkin.badges.records import record_batch

            record_batch(store, result.positions, desk=args.desk, layout=layout.name,
                         template=args.template or layout.template, sort=args.sort,
                         selection=selection.describe())
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"{result.count} badges on {result.pages} pages ({layout.name}) to {where}")
    return 0


def run_templates(args: argparse.Namespace) -> int:
    with open_store(args.event) as store:
        if args.save:
            name, file = args.save
            try:
                text = Path(file).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise UserError(f"Cannot read the template file {file} ({exc}).") from None
            save_template(store, name, text)
            print(f"stored template '{name}' in the event")
        elif args.show:
            print(template_text(args.show, store))
        else:
            for name in template_names(store):
                print(name)
    return 0


def run_printers(args: argparse.Namespace) -> int:
    printers = list_printers()
    if args.json:
        print_json([{"name": p.name, "state": p.state, "enabled": p.enabled,
                     "default": p.default, "message": p.message} for p in printers])
        return 0
    if not printers:
        print("No printers are set up (or CUPS is not running).", file=sys.stderr)
    for p in printers:
        flags = " (default)" if p.default else ""
        print(f"{p.name}\t{p.state}{'' if p.enabled else ', disabled'}{flags}")
    return 0
