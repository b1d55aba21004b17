"""The command line: the same core as the GUI, for scripts and acceptance checks.

Each group of verbs lives in its own module with a ``register(subparsers)``
function. A user-fixable problem prints one ``error: …`` line and exits 2;
so does an OS or SQLite error that is the venue's bad luck (a full disk, a
locked or read-only file: ``find_fault``), whichever verb met it. Anything
else is logged with its traceback and reported in one line.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from checkin import __version__
from checkin.cli import (
    verbs_attendance,
    verbs_badges,
    verbs_door,
    verbs_event,
    verbs_import,
    verbs_privacy,
    verbs_stats,
    verbs_sync,
)
from checkin.cli.common import (
    CliParser,
    Done,
    add_missing_desk_arguments,
    command_desk,
    send_what_is_queued,
)
from checkin.common.logs import setup_logging
from checkin.errors import UserError, find_fault
from checkin.sync.addresses import is_server_url, remember_secrets, scrub_secrets

VERB_MODULES = [verbs_event, verbs_import, verbs_door, verbs_stats, verbs_badges,
                verbs_attendance, verbs_privacy, verbs_sync]

log = logging.getLogger("checkin.cli")


def build_parser() -> argparse.ArgumentParser:
    parser = CliParser(prog="checkin", description="Registration desk for conferences.")
    parser.add_argument("--version", action="version", version=f"checkin {__version__}")
    sub = parser.add_subparsers(dest="verb", metavar="VERB", parser_class=CliParser)
    for module in VERB_MODULES:
        module.register(sub)
    add_missing_desk_arguments(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    for arg in args_list:  # a password given here is masked in every message and log
        remember_secrets(arg)
    parser = build_parser()
    if not args_list:
        args_list = ["gui"]
    args: argparse.Namespace | None = None
    try:
        args = parser.parse_args(args_list)
        with command_desk(getattr(args, "desk", None)):
            result: int = args.run(args)
            send_what_is_queued(getattr(args, "event", None))
        return result
    except Done as done:
        return done.status
    except UserError as exc:
        print(f"error: {scrub_secrets(exc.message)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted; nothing was half-written.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        fault = find_fault(exc, _event_place(exc, args))
        if fault is not None:
            print(f"error: {fault.message}", file=sys.stderr)
            return 2
        path = setup_logging()
        log.exception("unexpected error in 'checkin %s'", " ".join(args_list[:1]))
        print(f"error: checkin hit an internal problem; details are in {path}. "
              "Your event file was not changed by the failed step.", file=sys.stderr)
        return 1


def _event_place(exc: BaseException, args: argparse.Namespace | None) -> str:
    """For an SQLite error: the event named on the command line (an OSError names its file)."""
    if isinstance(exc, OSError) or args is None:
        return ""
    event = getattr(args, "event", None)
    if not event or is_server_url(str(event)):  # an address may carry a password
        return ""
    return str(event)
