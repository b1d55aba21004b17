"""Merging an imported list into the event: add, update, keep, cancel — never delete.

Each row is matched to a person already in the event by a stable key: the
ticket code, else the email (unless several rows share it), else name and
organisation. People missing from the new list are marked cancelled, so
their check-ins, badge prints and audit records stay attached to them.
Walk-ins added at the desk are never cancelled by an import.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace

from checkin.codes import new_code_refs
from checkin.importing.mapping import IMPORTED_FIELDS
from checkin.importing.records import Candidate
from checkin.importing.validation import Validator
from checkin.model import KNOWN_FIELDS, Attendee


def name_key(first: str, last: str, organization: str) -> str:
    return f"{first.casefold()} {last.casefold()}|{organization.casefold()}"


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

    def match(self, c: Candidate, use_email: bool, taken: set[str]) -> Attendee | None:
        if c.ticket_code:
            found = self.by_ticket.get(c.ticket_code)
            if found is not None and found.id not in taken:
                return found
        if use_email:
            for p in self.by_email.get(c.email.casefold(), ()):
                if p.id not in taken and (not c.ticket_code or not p.ticket_code):
                    return p
        for p in self.by_name.get(name_key(c.first_name, c.last_name, c.organization), ()):
            if p.id not in taken and (not c.ticket_code or not p.ticket_code):
                return p
        return None


def updated_person(old: Attendee, c: Candidate, present: frozenset[str]) -> Attendee:
    """``old`` with the list's values.

    Fields the list has no column for (``present``) keep their old value, as do
    extra fields; a ticket code is never blanked, so a list from the office
    cannot make pretix tickets unscannable.
    """
    values = {f: getattr(c, f) if f in present else getattr(old, f) for f in IMPORTED_FIELDS}
    if not values["ticket_code"]:
        values["ticket_code"] = old.ticket_code
    return replace(
        old, **values, days=c.days if "days" in present else old.days,
        extra={**old.extra, **c.extra}, status="cancelled" if c.cancelled else "active")


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
    seen_names: dict[str, int] = {}
    for c in candidates:
        use_email = bool(c.email) and c.email.casefold() not in validator.shared_emails
        if not c.ticket_code and not use_email:
            key = name_key(c.first_name, c.last_name, c.organization)
            earlier = seen_names.setdefault(key, c.row)
            if earlier != c.row:
                validator.duplicate_person(c, earlier)
                continue
        old = index.match(c, use_email, taken) if index.people else None
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
