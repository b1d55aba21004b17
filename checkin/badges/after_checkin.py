"""What happens to a badge after a check-in: the rule both the desk and ``checkin scan`` run.

Why in the core: the rule used to live in the desk's badge panel, so a check-in
from the command line never handed out a pre-printed badge nor printed one.
``decide`` says what to do (nothing, hand out the pre-printed badge from its box,
or print one); ``carry_out`` does the core part (log the hand-out, or print through
CUPS). The desk prints through its own queue instead (Qt on Windows, Retry button).

Print on check-in is a desk's choice (its printer and paper live in the desk's
settings), not the event's: the command line asks for it with ``--print-to``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from checkin.badges.layouts import Layout
from checkin.badges.records import (
    BadgeLocation,
    badge_location,
    log_print,
    mark_handed_out,
    print_count,
)
from checkin.door.door import DoorResult, Status
from checkin.model import Attendee
from checkin.store import EventStore


class BadgeAction(StrEnum):
    NONE = "none"
    #: a badge printed in advance waits in a box: tell staff where, mark it handed out
    HAND_OUT = "hand_out"
    #: print one now (the desk prints on check-in and the person has none yet)
    PRINT = "print"


@dataclass(frozen=True, slots=True)
class BadgeStep:
    """The badge instruction after a check-in, and the outcome once carried out."""

    action: BadgeAction
    person: Attendee | None = None
    location: BadgeLocation | None = None
    #: the print job's reference once printed (``carry_out``)
    job: str = ""
    #: why printing failed (the check-in stands regardless)
    problem: str = ""

    @property
    def text(self) -> str:
        """One line for staff (English; the desk words its own)."""
        if self.location is not None:
            done = " (handed out)" if self.location.handed_out else ""
            return f"Pre-printed badge: {self.location.text}{done}"
        if self.action == BadgeAction.PRINT:
            if self.problem:
                return f"Badge not printed: {self.problem}"
            return f"Badge printed (job {self.job})" if self.job else "Print a badge"
        return ""

    def as_json(self) -> dict[str, object]:
        where = self.location
        return {
            "action": self.action.value,
            "text": self.text,
            "location": None if where is None else {
                "box": where.box, "number": where.number, "page": where.page,
                "batch": where.batch_id, "text": where.text, "handed_out": where.handed_out},
            "job": self.job or None,
            "problem": self.problem or None,
        }


def decide(result: DoorResult, *, location: BadgeLocation | None, printed_before: int,
           print_on_checkin: bool) -> BadgeStep:
    """The rule itself, on facts already read (pure, so it is tested without files).

    Only a fresh check-in does anything. A walk-in's badge is printed when the desk
    adds them, not here. A pre-printed badge not yet handed out wins over printing;
    a person printed for before (in a batch or an earlier check-in) gets no second badge.
    """
    person = result.attendee
    if result.status != Status.CHECKED_IN or person is None or person.walk_in:
        return BadgeStep(BadgeAction.NONE, person, location)
    if location is not None and not location.handed_out:
        return BadgeStep(BadgeAction.HAND_OUT, person, location)
    if print_on_checkin and printed_before == 0:
        return BadgeStep(BadgeAction.PRINT, person, location)
    return BadgeStep(BadgeAction.NONE, person, location)


def plan(store: EventStore, result: DoorResult, *, print_on_checkin: bool) -> BadgeStep:
    """``decide`` with the facts read from the event."""
    person = result.attendee
    if result.status != Status.CHECKED_IN or person is None:
        return BadgeStep(BadgeAction.NONE, person)
    return decide(result, location=badge_location(store, person.id),
                  printed_before=print_count(store, person.id),
                  print_on_checkin=print_on_checkin)


def print_reason(store: EventStore, person_id: str) -> str:
    """Why a badge asked for at the desk is printed, for the audit log: ``first`` for a
    person who has none yet (a walk-in's badge, someone never printed in a batch or at a
    check-in), ``reprint`` when one was printed before."""
    return "first" if print_count(store, person_id) == 0 else "reprint"


def hand_out(store: EventStore, step: BadgeStep, *, desk: str) -> BadgeStep:
    """Log that the pre-printed badge left its box; the step with the updated location."""
    if step.action != BadgeAction.HAND_OUT or step.person is None:
        return step
    return BadgeStep(step.action, step.person, mark_handed_out(store, step.person.id, desk=desk))


def print_now(store: EventStore, step: BadgeStep, *, printer: str, layout: Layout,
              template: str | None, desk: str, tray: str = "") -> BadgeStep:
    """Render and send the badge through CUPS, logged like a desk's print.

    A print problem is returned in the step, never raised: the check-in is already
    committed and must not look failed because a printer is out of labels.
    """
    from checkin.badges.batch import render_one
    from checkin.errors import UserError
    from checkin.printing import PrintOptions, submit

    person = step.person
    if step.action != BadgeAction.PRINT or person is None:
        return step
    try:
        rendered = render_one(store, person, layout=layout, template=template)
        job = submit(rendered.pdf, printer, PrintOptions(
            media=layout.cups_media, tray=tray, title=person.full_name or "Badge"))
    except UserError as exc:
        return BadgeStep(step.action, person, step.location, problem=exc.message)
    log_print(store, person.id, desk=desk, detail={
        "reason": "check-in", "printer": printer, "layout": layout.name, "job": job})
    return BadgeStep(step.action, person, step.location, job=job)
