"""Finding people by what desk staff type: parts of names, organisations, codes.

The index lives in memory and is rebuilt from the store; it answers each
keystroke without touching the database.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from checkin.model import Attendee

_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def fold(text: str) -> str:
    """Lower-case, German transliteration, accents stripped: 'Müller' -> 'mueller'."""
    text = unicodedata.normalize("NFC", text).casefold().translate(_TRANSLIT)
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _words(text: str) -> list[str]:
    cleaned = "".join(ch if ch.isalnum() else " " for ch in fold(text))
    return cleaned.split()


@dataclass(frozen=True, slots=True)
class Hit:
    attendee: Attendee
    score: float


class SearchIndex:
    """Word-prefix search over names, organisation, project, email and ticket code."""

    def __init__(self, people: Iterable[Attendee] = ()) -> None:
        self._people: dict[str, Attendee] = {}
        self._words: dict[str, list[str]] = {}
        for person in people:
            self.add(person)

    def __len__(self) -> int:
        return len(self._people)

    def add(self, person: Attendee) -> None:
        """Add or replace one person (after an edit or a walk-in)."""
        self._people[person.id] = person
        fields = (person.first_name, person.last_name, person.organization, person.project,
                  person.email, person.ticket_code)
        self._words[person.id] = [w for f in fields for w in _words(f)]

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        terms = _words(query)
        if not terms:
            return []
        hits = []
        for pid, words in self._words.items():
            if all(any(w.startswith(t) for w in words) for t in terms):
                person = self._people[pid]
                name = _words(person.full_name)
                score = 100.0 if name == terms else 50.0
                hits.append(Hit(person, score))
        hits.sort(key=lambda h: (-h.score, h.attendee.sort_key))
        return hits[:limit]
