"""Merging an imported list into the event: add, update, keep, cancel — never delete.

Each row is matched to a person already in the event by a stable key: the
ticket code, else the email (unless several rows share it), else name and
organisation. People missing from the new list are marked cancelled, so
their check-ins, badge prints and audit records stay attached to them.
Walk-ins added at the desk are never cancelled by an import.

One person listed twice (same name and organisation, and the same email or
ticket code — say once per project) is one attendee: the rows are merged
and what differs is kept (projects and roles joined, days united). Namesakes
that nothing tells apart are both imported; the desk shows them side by side
(:func:`possible_duplicates`). A re-import that would cancel most of the
event must be confirmed first (:func:`cancels_most`), by the CLI and the
wizard alike.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol

from checkin.door.codes import new_code_refs
from checkin.importing.mapping import IMPORTED_FIELDS
from checkin.importing.records import Candidate, name_key
from checkin.importing.validation import Validator
from checkin.model import KNOWN_FIELDS, Attendee
from checkin.store import people as store_people
from checkin.store.sqlite import EventStore

__all__ = ["MergePlan", "cancels_most", "differences", "fresh_code_refs", "fresh_ids",
           "name_key", "new_people", "plan_merge", "possible_duplicates", "told_apart"]

#: A re-import may cancel this many people without asking, however small the event.
MASS_CANCEL_FLOOR = 10
#: Values of these fields are joined when one person is listed twice with different ones.
_JOINED = ("project", "role")
_JOIN = ", "


def cancels_most(cancelled: int, people: int) -> bool:
    """True if cancelling ``cancelled`` of the ``people`` an import touches must be confirmed.

    A list that leaves out most of the event is usually a list of late
    registrations, not a list of cancellations; the CLI and the wizard both
    ask before they cancel that many.
    """
    return cancelled > max(MASS_CANCEL_FLOOR, people // 2)


@dataclass
class MergePlan:
    """What an import will do; ``added`` holds candidates, the rest existing people."""

    added: list[Candidate] = field(default_factory=list)
    updated: list[Attendee] = field(default_factory=list)
    unchanged: int = 0
    cancelled: list[Attendee] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {"added": len(self.added), "updated": len(self.updated),
                "unchanged": self.unchanged, "cancelled": len(self.cancelled)}

    def mass_cancel(self) -> tuple[int, int] | None:
        """(cancelled, people in the event it touches) if that must be confirmed, else None."""
        cancelled = len(self.cancelled)
        people = self.unchanged + len(self.updated) + cancelled
        return (cancelled, people) if cancels_most(cancelled, people) else None


class _Index:
    """The people already in the event, by each kind of key."""

    def __init__(self, people: Iterable[Attendee]) -> None:
        self.people = list(people)
        self.by_ticket: dict[str, Attendee] = {}
        self.by_email: dict[str, list[Attendee]] = {}
        self.by_name: dict[str, list[Attendee]] = {}
        for p in self.people:
            if p.ticket_code:
                self.by_ticket.setdefault(p.ticket_code, p)
            if p.email:
                self.by_email.setdefault(p.email.casefold(), []).append(p)
            self.by_name.setdefault(name_key(p.first_name, p.last_name, p.organization),
                                    []).append(p)

    def match(self, c: Candidate, use_email: bool, taken: set[str],
              present: frozenset[str]) -> Attendee | None:
        if c.ticket_code:
            found = self.by_ticket.get(c.ticket_code)
            if found is not None and found.id not in taken:
                return found
        if use_email:
            for p in self.by_email.get(c.email.casefold(), ()):
                if p.id not in taken and (not c.ticket_code or not p.ticket_code):
                    return p
        namesakes = [p for p in self.by_name.get(c.key, ())
                     if p.id not in taken and (not c.ticket_code or not p.ticket_code)]
        if len(namesakes) > 1:  # twins: the one this row leaves as it is, so a re-import
            for p in namesakes:  # of the same list changes nobody
                if _same(p, updated_person(p, c, present)):
                    return p
        return namesakes[0] if namesakes else None


def updated_person(old: Attendee, c: Candidate, present: frozenset[str]) -> Attendee:
    """``old`` with the list's values.

    Fields the list has no column for (``present``) keep their old value, as do
    extra fields; a ticket code is never blanked, so a list from the office
    cannot make pretix tickets unscannable.
    """
    values = {f: getattr(c, f) if f in present else getattr(old, f) for f in IMPORTED_FIELDS}
    if not values["ticket_code"]:
        values["ticket_code"] = old.ticket_code
    if values["email"].casefold() == old.email.casefold():  # one address, however spelt
        values["email"] = old.email
    for f in _JOINED:  # "GeKoNa, SpiriDi" from a re-sorted list is no change
        if _same_parts(values[f], getattr(old, f)):
            values[f] = getattr(old, f)
    extra = {**old.extra, **{k: old.extra[k] if _same_parts(v, old.extra.get(k, "")) else v
                             for k, v in c.extra.items()}}
    return replace(
        old, **values, days=c.days if "days" in present else old.days,
        extra=extra, status="cancelled" if c.cancelled else "active")


def _parts(value: str) -> list[str]:
    return [part.strip() for part in value.split(_JOIN.strip()) if part.strip()]


def _same_parts(a: str, b: str) -> bool:
    """The same joined values in another order ("A, B" and "B, A")."""
    return a == b or sorted(_parts(a)) == sorted(_parts(b))


def _same(a: Attendee, b: Attendee) -> bool:
    return (all(getattr(a, f) == getattr(b, f) for f in KNOWN_FIELDS)
            and tuple(sorted(a.days)) == tuple(sorted(b.days)) and dict(a.extra) == dict(b.extra)
            and a.status == b.status)


def plan_merge(candidates: Sequence[Candidate], existing: Iterable[Attendee],
               validator: Validator, present: frozenset[str], *,
               cancel_missing: bool = True) -> MergePlan:
    """Decide per row: new person, changed person, unchanged person; and who vanished."""
    index = _Index(existing)
    plan = MergePlan()
    taken: set[str] = set()
    candidates = join_repeats(candidates, validator)
    flag_namesakes(candidates, validator)
    for c in candidates:
        use_email = bool(c.email) and c.email.casefold() not in validator.shared_emails
        old = index.match(c, use_email, taken, present) if index.people else None
        if old is None:
            plan.added.append(c)
            continue
        taken.add(old.id)
        new = updated_person(old, c, present)
        if _same(old, new):
            plan.unchanged += 1
        else:
            plan.updated.append(new)
    if cancel_missing:
        plan.cancelled = [p for p in index.people
                          if p.id not in taken and not p.walk_in and p.status == "active"]
    return plan


def join_repeats(candidates: Sequence[Candidate], validator: Validator) -> list[Candidate]:
    """One person listed twice becomes one candidate; the later row's values are kept too.

    Rows are the same person when name and organisation agree and so does the
    email or the ticket code (two different ticket codes are two tickets,
    so never merged). The validator has already left out a ticket code that
    a different person holds.
    """
    tickets, emails = validator.repeated_tickets, validator.repeated_emails
    if not tickets and not emails:
        return list(candidates)
    kept: list[Candidate] = []
    by_ticket: dict[str, Candidate] = {}
    by_email: dict[tuple[str, str], Candidate] = {}
    for c in candidates:
        if c.ticket_code not in tickets and (not c.email or c.email.casefold() not in emails):
            kept.append(c)  # in no other row: nothing to merge
            continue
        target: Candidate | None = None
        by = ""
        if c.ticket_code and (found := by_ticket.get(c.ticket_code)) is not None \
                and found.key == c.key:
            target, by = found, "ticket code"
        elif c.email and (found := by_email.get((c.key, c.email.casefold()))) is not None \
                and not (c.ticket_code and found.ticket_code):
            target, by = found, "email"
        if target is None:
            kept.append(c)
            target = c
        else:
            validator.merged(c, target, by, _merge_into(target, c))
        if target.ticket_code:
            by_ticket.setdefault(target.ticket_code, target)
        if c.email:
            by_email.setdefault((c.key, c.email.casefold()), target)
    return kept


def _joined(first: str, second: str) -> str:
    """``first`` with ``second``'s parts it lacks: "SpiriDi" + "GeKoNa" = "SpiriDi, GeKoNa"."""
    if not second:
        return first
    if not first:
        return second
    have = {part.casefold() for part in _parts(first)}
    extra = [part for part in _parts(second) if part.casefold() not in have]
    return _JOIN.join([first, *extra]) if extra else first


def _merge_into(target: Candidate, c: Candidate) -> list[tuple[str, str]]:
    """Fold row ``c`` into ``target``; returns (field, joined value) for what changed."""
    changed: list[tuple[str, str]] = []
    for name in _JOINED:
        value = _joined(getattr(target, name), getattr(c, name))
        if value != getattr(target, name):
            setattr(target, name, value)
            changed.append((name, value))
    for name in ("title", "ticket_code", "email"):
        if not getattr(target, name) and getattr(c, name):
            setattr(target, name, getattr(c, name))
            changed.append((name, getattr(c, name)))
    days = tuple(sorted(set(target.days) | set(c.days)))
    if days != target.days:
        target.days = days
        changed.append(("days", ", ".join(days)))
    for header, value in c.extra.items():
        joined = _joined(target.extra.get(header, ""), value)
        if joined != target.extra.get(header, ""):
            target.extra[header] = joined
            changed.append((header, joined))
    if target.cancelled and not c.cancelled:  # still coming for the other project
        target.cancelled = False
        changed.append(("status", "active"))
    return changed


def flag_namesakes(candidates: Sequence[Candidate], validator: Validator) -> None:
    """Report rows whose person nothing tells apart from an earlier row's; both stay.

    Linear, not pairwise (a congress has hundreds of rows per common name and
    organisation): after :func:`join_repeats`, an earlier namesake is this
    row's twin exactly when it lacks what this row could be told apart by —
    a row with a ticket code needs one without a ticket code, a row with an
    email one without an email.
    """
    if all(c.ticket_code and c.email for c in candidates):
        return  # every row has both: every namesake is told apart or was merged
    first: dict[str, Candidate] = {}
    no_ticket: dict[str, Candidate] = {}
    no_email: dict[str, Candidate] = {}
    bare: dict[str, Candidate] = {}
    for c in candidates:
        key = c.key
        if c.ticket_code and c.email:
            twin = bare.get(key)
        elif c.ticket_code:
            twin = no_ticket.get(key)
        elif c.email:
            twin = no_email.get(key)
        else:
            twin = first.get(key)
        if twin is not None:
            validator.possible_duplicate(c, twin)
        first.setdefault(key, c)
        if not c.ticket_code:
            no_ticket.setdefault(key, c)
        if not c.email:
            no_email.setdefault(key, c)
            if not c.ticket_code:
                bare.setdefault(key, c)


class _Person(Protocol):
    @property
    def email(self) -> str: ...
    @property
    def ticket_code(self) -> str: ...


def told_apart(a: _Person, b: _Person) -> bool:
    """Namesakes are two people when their emails or their ticket codes differ."""
    return bool((a.ticket_code and b.ticket_code and a.ticket_code != b.ticket_code)
                or (a.email and b.email and a.email.casefold() != b.email.casefold()))


def possible_duplicates(store: EventStore, person: Attendee) -> list[Attendee]:
    """Other people in the event with the same name and organisation, not told apart."""
    key = name_key(person.first_name, person.last_name, person.organization)
    return [p for p in store_people.namesakes(store, person.first_name, person.last_name)
            if p.id != person.id
            and name_key(p.first_name, p.last_name, p.organization) == key
            and not told_apart(person, p)]


def differences(a: Attendee, b: Attendee) -> list[tuple[str, str, str]]:
    """(field, a's value, b's value) for each field the two differ in.

    Fields are the known field names, ``days``, ``status`` and extra columns
    by their header; values are as stored (days as ISO dates joined by ", ").
    """
    found = [(f, getattr(a, f), getattr(b, f)) for f in KNOWN_FIELDS
             if getattr(a, f) != getattr(b, f)]
    if sorted(a.days) != sorted(b.days):
        found.append(("days", ", ".join(sorted(a.days)), ", ".join(sorted(b.days))))
    if a.status != b.status:
        found.append(("status", a.status, b.status))
    for header in dict.fromkeys([*a.extra, *b.extra]):
        if a.extra.get(header, "") != b.extra.get(header, ""):
            found.append((header, a.extra.get(header, ""), b.extra.get(header, "")))
    return found


def _uuid4s() -> Iterator[str]:
    """Random (version 4) UUIDs from one system call per thousand, for large imports."""
    while True:
        pool = bytearray(os.urandom(16 * 1024))
        for start in range(0, len(pool), 16):
            raw = pool[start:start + 16]
            raw[6] = (raw[6] & 0x0F) | 0x40
            raw[8] = (raw[8] & 0x3F) | 0x80
            h = raw.hex()
            yield f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def fresh_ids(n: int) -> list[str]:
    """``n`` random ids in sorted order: inserted in key order, the indexes only append."""
    ids = _uuid4s()
    return sorted(next(ids) for _ in range(n))


def fresh_code_refs(n: int, taken: Iterable[str]) -> list[str]:
    """``n`` badge-code references, unique among themselves and ``taken``, sorted."""
    used = set(taken)
    refs: set[str] = set()
    while len(refs) < n:
        refs.update(r for r in new_code_refs(n - len(refs)) if r not in used)
    return sorted(refs)


def new_people(candidates: Sequence[Candidate], ids: Sequence[str],
               code_refs: Sequence[str]) -> Iterator[Candidate]:
    """The added rows with their new ids and badge references, ready to be written."""
    for c, uid, ref in zip(candidates, ids, code_refs, strict=True):
        c.id, c.code_ref = uid, ref
        yield c
