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

from checkin.model import Attendee
from checkin.resources_access import load_json

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
