"""A demo event to try the desk without a real list: a two-day conference.

About 200 participants from 30 funded projects, German names (umlauts, double
names, particles, two people called Jürgen Müller), deterministic so that
screenshots and tests are repeatable.
"""

from __future__ import annotations

import random
import unicodedata
from datetime import date
from os import PathLike

from checkin.common.resources_access import load_json
from checkin.model import Attendee
from checkin.store.sqlite import EventStore, create_event, new_uuid

DEMO_SIZE = 200


def _pick_weighted(rng: random.Random, pairs: list[list[object]]) -> str:
    values = [str(p[0]) for p in pairs]
    weights = [float(str(p[1])) for p in pairs]
    return rng.choices(values, weights)[0]


def _mail_part(text: str) -> str:
    text = text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if ch.isascii() and ch.isalnum())


def demo_attendees(size: int = DEMO_SIZE, seed: int = 2017) -> list[Attendee]:
    data = load_json("demo", "demo.json")
    days = data["event"]["days"]
    rng = random.Random(seed)
    people: list[Attendee] = []
    seen: set[tuple[str, str]] = set()
    orgs, projects, groups = data["organizations"], data["projects"], data["groups"]
    specials = [("Jürgen", "Müller", orgs[0]), ("Jürgen", "Müller", orgs[4])]
    # unique names while there are enough combinations; namesakes (as in real
    # large events) once a big demo for benchmarks has used them up
    distinct = len(data["first_names"]) * len(data["last_names"])
    while len(people) < size:
        if specials:
            first, last, org = specials.pop()
        else:
            first = rng.choice(data["first_names"])
            last = rng.choice(data["last_names"])
            org = rng.choice(orgs)
            if (first, last) in seen and len(seen) < distinct * 0.9:
                continue
        seen.add((first, last))
        number = len(people) + 1
        project = projects[number % len(projects)]
        which = rng.random()
        person_days = days if which < 0.7 else [days[0]] if which < 0.9 else [days[1]]
        people.append(Attendee(
            id=new_uuid(),
            title=_pick_weighted(rng, data["titles"]),
            first_name=first,
            last_name=last,
            organization=org,
            project=project,
            role=_pick_weighted(rng, data["roles"]),
            email=f"{_mail_part(first)}.{_mail_part(last)}{number}@example.org",
            ticket_code=f"FK17-{number:05d}",
            days=tuple(person_days),
            extra={"Arbeitsgruppe": rng.choice(groups)},
        ))
    return people


def create_demo(path: str | PathLike[str], size: int = DEMO_SIZE) -> EventStore:
    data = load_json("demo", "demo.json")["event"]
    store = create_event(path, name=data["name"],
                         days=[date.fromisoformat(d) for d in data["days"]],
                         language=data["language"])
    store.add_attendees(demo_attendees(size))
    return store
