"""Whether Enter on a typed query may check someone in: only when the choice is unambiguous.

A bare surname matches several people; Enter on it must not check in whoever
happens to be listed first. This rule is the door's, not the window's, so the
command line's ``checkin search`` can apply it too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from checkin.door import codes
from checkin.door.search import fold
from checkin.model import Attendee


class Choice(Enum):
    PERSON = "person"  # exactly this person: check them in
    AMBIGUOUS = "ambiguous"  # several match: ask to pick one
    CODE = "code"  # nobody matches and it looks like a code: resolve it as a scan
    NO_MATCH = "no_match"  # nobody matches a name: say so, keep the text
    EMPTY = "empty"  # nothing typed


@dataclass(frozen=True)
class EnterChoice:
    kind: Choice
    person: Attendee | None = None
    #: how many people match (for "5 people match …")
    count: int = 0


def looks_like_code(text: str) -> bool:
    """A badge code's shape, or one word with a digit in it (ticket and order codes).

    Names have no digits; codes have no spaces. Anything else is treated as a
    name, so a misspelt name is reported as a name nobody has, not as a code.
    """
    text = text.strip()
    if codes.looks_like_badge_code(text):
        return True
    return bool(text) and not any(ch.isspace() for ch in text) \
        and any(ch.isdigit() for ch in text)


def _names(person: Attendee) -> set[str]:
    return {fold(n) for n in (person.full_name, person.display_name,
                              f"{person.last_name} {person.first_name}",
                              f"{person.last_name}, {person.first_name}") if n.strip()}


def enter_choice(query: str, matches: Sequence[Attendee],
                 picked: Attendee | None = None) -> EnterChoice:
    """Who Enter checks in for ``query``, given the people found and a row staff picked.

    Unambiguous is: a row picked by hand (arrow keys, mouse), a badge code,
    exactly one match, or the exact full name (or exact ticket code) of exactly
    one of the matches. Otherwise nobody is checked in.
    """
    text = query.strip()
    if not text:
        return EnterChoice(Choice.EMPTY)
    if picked is not None:
        return EnterChoice(Choice.PERSON, picked, len(matches))
    if codes.looks_like_badge_code(text):
        return EnterChoice(Choice.CODE)
    if len(matches) == 1:
        return EnterChoice(Choice.PERSON, matches[0], 1)
    if not matches:
        return EnterChoice(Choice.CODE if looks_like_code(text) else Choice.NO_MATCH)
    typed = fold(" ".join(text.split()))
    exact = [p for p in matches if typed in _names(p)]
    if len(exact) != 1:
        folded_code = text.casefold()
        exact = [p for p in matches if p.ticket_code and p.ticket_code.casefold() == folded_code]
    if len(exact) == 1:
        return EnterChoice(Choice.PERSON, exact[0], len(matches))
    return EnterChoice(Choice.AMBIGUOUS, None, len(matches))
