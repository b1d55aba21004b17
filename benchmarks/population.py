"""Large, realistic attendee lists for the door benchmarks (deterministic).

Names are built from German (and some international) first names and a
surname list grown by common German patterns (Schulz, Schulze, Schulte,
Neu-Schulz, von Schulz, …), so that a 100,000-person list has the density of
near-identical names a real congress has: many Müllers, Schmidts and
Schmitts, shared first names, namesakes in different organisations.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import replace

from checkin.common.resources_access import load_json
from checkin.model import Attendee

_FIRST_TEXT = (
    "Achim Adrian Agnes Alexander Alina Andreas Angelika Annette Arne Barbara Bastian Bernd "
    "Bettina Brigitte Carsten Charlotte Christian Christine Cornelia Daniel Doris Elke Emil "
    "Emma Erik Eva Fabian Florian Franziska Gabriele Georg Gerhard Gisela Hans Harald Helga "
    "Helmut Hendrik Ingrid Irene Jan Jana Jens Johanna Johannes Julia Jutta Kai Karin Karl "
    "Katrin Kerstin Klaus Lars Leon Lina Lisa Luisa Manfred Marco Marion Markus Martin Mia "
    "Nadine Nicole Niklas Nils Norbert Olaf Oliver Pia Rainer Regina Renate Rita Robert Roland "
    "Rüdiger Sandra Sebastian Silke Simon Sonja Stephanie Sven Tanja Theresa Timo Ulrike Ute "
    "Vanessa Werner Wolfgang Yvonne Zeynep Özlem Çiğdem Agnieszka Piotr Ioana Željko Aurélie "
    "Søren Björk Élodie Joël Chloé Ömer Gülşen Kübra Bärbel Jürgen Jörn Sönke Hauke Thorsten"
)
EXTRA_FIRST = _FIRST_TEXT.split()

_STEM_TEXT = (
    "Müller Schmidt Schmitt Schneider Fischer Weber Meyer Meier Maier Mayer Wagner Becker "
    "Schulz Schulze Hoffmann Hofmann Schäfer Koch Bauer Richter Klein Wolf Schröder Neumann "
    "Schwarz Zimmermann Braun Krüger Hartmann Lange Schmitz Krause Weiß Lehmann Köhler Jäger "
    "Groß Böhm Winkler Dietrich Hahn Kühn Vogel Friedrich Günther Keller Franke Brandt Haas "
    "Sommer Graf Heinrich Schuster Berger Fuchs Peters Scholz Möller Lorenz Ludwig Frank "
    "Baumann Kaiser Albrecht Simon Böttcher Schubert Roth Beck Lang Walter Stein Jung Hahn "
    "Weiss Brinkmann Sauer Arnold Thomas Pohl Engel Kuhn Busch Horn Bergmann Voigt Ziegler "
    "Büttner Kraus Seidel Thiel Kraft Jansen Paul Ernst Marx Nowak Öztürk Yılmaz Kaya Demir "
    "Şahin Çelik Kowalski Wiśniewski Dąbrowski Łęcka Popescu Ionescu Horváth Åström Lindqvist"
)
_STEMS = _STEM_TEXT.split()
_CITY_TEXT = ("Kassel Dortmund Weimar Görlitz Rostock Jena Kiel Trier Bonn Passau Ulm Halle "
              "Greifswald Lüneburg Eberswalde Cottbus Würzburg Göttingen Oldenburg Erfurt")
_PARTICLES = ("von", "von der", "zu", "van", "de", "van der", "vom")
_SUFFIXES = ("", "er", "mann", "ke", "s", "ing", "el", "hold", "berg", "feld", "hoff", "rich")


def _surnames(rng: random.Random, count: int) -> list[str]:
    names: list[str] = []
    seen: set[str] = set()
    stems = list(dict.fromkeys(_STEMS))
    while len(names) < count:
        stem = rng.choice(stems)
        shape = rng.random()
        if shape < 0.35:
            name = stem
        elif shape < 0.7:
            suffix = rng.choice(_SUFFIXES)
            name = stem + suffix if not stem.endswith(suffix[:1] * 2) else stem
        elif shape < 0.85:
            name = f"{stem}-{rng.choice(stems)}"
        else:
            name = f"{rng.choice(_PARTICLES)} {stem}{rng.choice(_SUFFIXES)}"
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def _mail(text: str) -> str:
    text = text.lower().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    text = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    return "".join(ch for ch in text if ch.isascii() and ch.isalnum())


def population(size: int, seed: int = 7) -> list[Attendee]:
    """``size`` attendees with realistic name collisions, organisations and codes."""
    data = load_json("demo", "demo.json")
    rng = random.Random(seed)
    firsts = list(dict.fromkeys(data["first_names"] + EXTRA_FIRST))
    lasts = list(dict.fromkeys(data["last_names"] + _surnames(rng, max(400, size // 20))))
    cities = _CITY_TEXT.split()
    kinds = ("Universität", "Hochschule", "Stadt", "Landkreis", "Gemeinde", "Institut für",
             "Technische Universität", "Stiftung", "Verein")
    orgs = list(data["organizations"]) + [f"{rng.choice(kinds)} {c} {i}"
                                          for i, c in enumerate(cities * 40)]
    projects = list(data["projects"]) + [f"Projekt {i:03d}" for i in range(300)]
    days = data["event"]["days"]
    people = []
    for number in range(1, size + 1):
        first, last = rng.choice(firsts), rng.choice(lasts)
        which = rng.random()
        people.append(Attendee(
            id=f"p{number:06d}", first_name=first, last_name=last,
            organization=rng.choice(orgs), project=rng.choice(projects),
            email=f"{_mail(first)}.{_mail(last)}{number}@example.org",
            ticket_code=f"T{number:07d}",
            days=tuple(days if which < 0.7 else [days[0]] if which < 0.9 else [days[1]]),
        ))
    return people


#: Common first names, each with how it is written and how often (share within the name).
NAMESAKE_FIRST: tuple[tuple[tuple[str, float], ...], ...] = (
    (("Thomas", 1.0),), (("Michael", 1.0),), (("Andreas", 1.0),), (("Stefan", 1.0),),
    (("Christian", 1.0),), (("Sabine", 1.0),), (("Petra", 1.0),), (("Anna", 1.0),),
    (("Julia", 1.0),), (("Katharina", 1.0),), (("Markus", 1.0),), (("Frank", 1.0),),
    (("Claudia", 1.0),), (("Monika", 1.0),), (("Peter", 1.0),), (("Susanne", 1.0),),
    (("Jürgen", 0.75), ("Juergen", 0.15), ("Jurgen", 0.1)),
    (("Jörg", 0.8), ("Joerg", 0.15), ("Jorg", 0.05)),
    (("Björn", 0.7), ("Bjoern", 0.12), ("Bjørn", 0.12), ("Bjorn", 0.06)),
    (("Sören", 0.5), ("Søren", 0.2), ("Soeren", 0.15), ("Soren", 0.15)),
    (("Günter", 0.7), ("Guenter", 0.2), ("Gunter", 0.1)),
    (("Bärbel", 0.8), ("Baerbel", 0.2)),
    (("Jürgen", 0.6), ("Jurgen", 0.4)),  # a second, Jurgen-heavy share (emigrant families)
    (("Łukasz", 0.6), ("Lukasz", 0.4)),
    (("Małgorzata", 0.6), ("Malgorzata", 0.4)),
    (("Åsa", 0.6), ("Aasa", 0.2), ("Asa", 0.2)),
    (("Zoë", 0.5), ("Zoe", 0.5)),
    (("Renée", 0.5), ("Renee", 0.5)),
    (("Ömer", 0.7), ("Oemer", 0.1), ("Omer", 0.2)),
    (("Dagmar", 1.0),), (("Uwe", 1.0),), (("Heike", 1.0),), (("Ralf", 1.0),),
    (("Tobias", 1.0),), (("Katrin", 1.0),), (("Matthias", 1.0),), (("Nicole", 1.0),),
)
#: Common surnames with their spellings; Kuhn is a name of its own as much as Kühn is.
NAMESAKE_LAST: tuple[tuple[tuple[str, float], ...], ...] = (
    (("Müller", 0.8), ("Mueller", 0.15), ("Muller", 0.05)),
    (("Schmidt", 1.0),), (("Schneider", 1.0),), (("Fischer", 1.0),), (("Weber", 1.0),),
    (("Meyer", 1.0),), (("Wagner", 1.0),), (("Becker", 1.0),),
    (("Schulz", 1.0),), (("Hoffmann", 1.0),), (("Koch", 1.0),), (("Bauer", 1.0),),
    (("Schäfer", 0.8), ("Schaefer", 0.15), ("Schafer", 0.05)),
    (("Kuhn", 0.5), ("Kühn", 0.35), ("Kuehn", 0.15)),
    (("Weiß", 0.6), ("Weiss", 0.4)),
    (("Schröder", 0.8), ("Schroeder", 0.15), ("Schroder", 0.05)),
    (("Krüger", 0.85), ("Krueger", 0.15)),
    (("Köhler", 0.85), ("Koehler", 0.15)),
    (("Groß", 0.6), ("Gross", 0.4)),
    (("Graf", 1.0),), (("Richter", 1.0),), (("Klein", 1.0),), (("Wolf", 1.0),),
    (("Neumann", 1.0),), (("Schwarz", 1.0),), (("Braun", 1.0),), (("Hartmann", 1.0),),
    (("Möller", 0.7), ("Moeller", 0.2), ("Moller", 0.1)),
    (("Jäger", 0.8), ("Jaeger", 0.2)),
    (("Böhm", 0.8), ("Boehm", 0.2)),
    (("Sørensen", 0.4), ("Sörensen", 0.3), ("Soerensen", 0.1), ("Sorensen", 0.2)),
    (("Jørgensen", 0.5), ("Jörgensen", 0.2), ("Joergensen", 0.1), ("Jorgensen", 0.2)),
    (("Åberg", 0.5), ("Aaberg", 0.2), ("Aberg", 0.3)),
    (("Nowak", 1.0),), (("Kowalski", 1.0),),
    (("Wiśniewski", 0.6), ("Wisniewski", 0.4)),
    (("Łęcka", 0.6), ("Lecka", 0.4)),
    (("Öztürk", 0.6), ("Oeztuerk", 0.1), ("Ozturk", 0.3)),
    (("Lehmann", 1.0),), (("Krause", 1.0),), (("Zimmermann", 1.0),), (("Vogel", 1.0),),
    (("Günther", 0.7), ("Guenther", 0.2), ("Gunther", 0.1)),
    (("Kühne", 0.8), ("Kuehne", 0.2)),  # a prefix neighbour of Kühn
    (("Kuhnert", 1.0),),
)


def _zipf(count: int, exponent: float) -> list[float]:
    return [1 / (rank + 1) ** exponent for rank in range(count)]


def namesake_population(size: int, seed: int = 13, share: float = 0.2) -> list[Attendee]:
    """``population(size)`` with ``share`` of the people renamed from common names.

    Tens of people per common full name at 100,000 (the most common share a
    name with about 50, the median common name with about 8), spread over
    how each name is written (Kühn, Kuhn, Kuehn; Sören, Søren, Soeren,
    Soren; Łukasz, Lukasz; Åberg, Aaberg, Aberg), so that the same folded
    name has people written every way and one spelling may be rare.
    """
    rng = random.Random(seed)
    people = population(size, seed=seed)
    first_weights = _zipf(len(NAMESAKE_FIRST), 0.3)
    last_weights = _zipf(len(NAMESAKE_LAST), 0.3)
    renamed = []
    for person in people:
        if rng.random() < share:
            first = rng.choices(NAMESAKE_FIRST, first_weights)[0]
            last = rng.choices(NAMESAKE_LAST, last_weights)[0]
            first_name = rng.choices([n for n, _w in first], [w for _n, w in first])[0]
            last_name = rng.choices([n for n, _w in last], [w for _n, w in last])[0]
            person = replace(person, first_name=first_name, last_name=last_name,
                             email=f"{_mail(first_name)}.{_mail(last_name)}"
                                   f"{person.id[1:]}@example.org")
        renamed.append(person)
    return renamed
