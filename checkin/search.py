"""Finding people by what desk staff type: parts of names, organisations, codes.

The index lives in memory and answers each keystroke without the database.
Why it is built this way:

* Every word is *folded* once, at indexing time, to a skeleton in which case,
  accents and German transliterations no longer differ (Müller, Mueller and
  Muller all become ``muller``; Weiß and Weiss ``weiss``). Queries are folded
  the same way, so the rule holds in both directions.
* The folded words sit in one sorted list: all words starting with a typed
  prefix are one ``bisect`` range. Sets of people for one- and two-letter
  prefixes are precomputed, because those ranges are the longest.
* A query is a set of word prefixes in any order; each must match some word of
  the person. Sets are intersected from the rarest term (C speed).
* One typo in a longer word (≥ 5 letters) is found through a deletion index
  (SymSpell's idea): words sharing a one-letter deletion with the term are
  checked with rapidfuzz's optimal-string-alignment distance. It runs only for
  terms of full words that need it, so plain typing stays on the fast path.
* Ranking: exact full name, then all terms in the name, then people expected
  today and not yet checked in, then whole-word over prefix matches, then
  alphabetical. Large candidate sets are ranked by set arithmetic instead of
  per-person scoring, so a one-letter query over 100,000 people stays fast.
"""

from __future__ import annotations

import gc
import heapq
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA

from checkin.model import Attendee

#: Queries longer than this are a paste or a scan, not a name: cut, never slow.
MAX_QUERY_LENGTH = 200
#: At most this many query words are used.
MAX_TERMS = 8
#: Terms of at least this length may contain one typo.
TYPO_MIN_LENGTH = 5
#: Prefixes up to this length get precomputed candidate sets.
_SHORT_PREFIX = 3
#: Above this many candidates, ranking uses set tiers instead of per-person scores.
_DETAILED_LIMIT = 400

_SHARP_S = str.maketrans({"ß": "ss", "ẞ": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l",
                          "đ": "d", "ı": "i", "þ": "th"})
_DIGRAPHS = (("ae", "a"), ("oe", "o"), ("ue", "u"))


def fold(text: str) -> str:
    """Lower case, no accents, German transliteration folded: 'Müller' -> 'muller'.

    ``ä`` and ``ae`` both become ``a`` (likewise ö/oe, ü/ue), so Mueller,
    Muller and Müller are one word; ``ß`` becomes ``ss``.
    """
    return _collapse(_plain(text))


def _plain(text: str) -> str:
    """Lower case without accents, digraphs kept ('Müller' -> 'muller', 'Mueller' stays).

    Typos are judged on this form too: collapsing "ae" can turn a one-letter
    slip into two ("Vgoel" -> "vgol" is two edits from "vogel").
    """
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text.casefold().translate(_SHARP_S))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_SHARP_S)


def _collapse(text: str) -> str:
    for digraph, vowel in _DIGRAPHS:
        text = text.replace(digraph, vowel)
    return text


_WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """The folded words of a text; hyphens, dots and @ separate words."""
    return list(_cached_words(text[:MAX_QUERY_LENGTH * 4]))


@lru_cache(maxsize=100_000)
def _cached_words(text: str) -> tuple[str, ...]:
    """Names, organisations and projects repeat thousands of times in a big list."""
    return tuple(_collapse(w) for w in _plain_words(text))


@lru_cache(maxsize=100_000)
def _plain_words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(_plain(text)))


@dataclass(frozen=True, slots=True)
class Hit:
    attendee: Attendee
    score: float


def _joined(parts: tuple[str, ...]) -> tuple[str, ...]:
    """Particles and double names written together, as people also type them.

    "von der Heyde" is also found as "vonderheyde", "Schulze-Delitzsch" as
    "schulzedelitzsch" (and by each part, since the hyphen splits words).
    """
    return ("".join(parts),) if len(parts) > 1 else ()


class SearchIndex:
    """Word-prefix search over names, organisation, project, email, codes and chosen fields."""

    def __init__(self, people: Iterable[Attendee] = (),
                 extra_fields: Sequence[str] = ()) -> None:
        self.extra_fields = tuple(extra_fields)
        self._people: list[Attendee] = []
        self._slot: dict[str, int] = {}
        self._alive: set[int] = set()
        self._name_postings: dict[str, set[int]] = {}
        self._other_postings: dict[str, set[int]] = {}
        self._full_names: dict[str, set[int]] = {}
        #: per slot: name words (with joined particles), the name's own words, other words
        self._person_words: list[tuple[frozenset[str], frozenset[str], frozenset[str]]] = []
        self._sort_keys: list[tuple[str, str]] = []
        self._full_key: list[str] = []
        self._open: set[int] = set()
        self._open_ids: set[str] = set()
        #: one- and two-letter prefix -> (people with such a name word, with any such word)
        self._short: dict[str, tuple[set[int], set[int]]] = {}
        #: a name word (folded or plain) or it with one letter deleted -> (form, folded word)
        self._deletes: dict[str, set[tuple[str, str]]] = {}
        #: folded name word -> how it was spelt (plain forms: "mueller", "muller")
        self._name_forms: dict[str, set[str]] = {}
        self._new_forms: list[tuple[str, str]] = []
        collecting = gc.isenabled()
        gc.disable()  # a bulk load of small sets: cyclic GC passes would dominate its time
        try:
            for person in sorted(people, key=_sort_key):
                self._insert(person)
            self._name_vocab = sorted(self._name_postings)
            self._other_vocab = sorted(self._other_postings)
            for word, slots in self._name_postings.items():
                self._index_word(word, slots, is_name=True)
            for word, slots in self._other_postings.items():
                self._index_word(word, slots, is_name=False)
            self._index_forms()
        finally:
            if collecting:
                gc.enable()

    # -- building ------------------------------------------------------------------

    def _insert(self, person: Attendee) -> tuple[list[str], list[str]]:
        """Store a person and their words; returns (name words, other words) added."""
        slot = len(self._people)
        self._people.append(person)
        self._slot[person.id] = slot
        self._alive.add(slot)
        first, last = _cached_words(person.first_name), _cached_words(person.last_name)
        names = [*first, *last, *_joined(first), *_joined(last)]
        plain_first, plain_last = _plain_words(person.first_name), _plain_words(person.last_name)
        for plain in (*plain_first, *plain_last, *_joined(plain_first), *_joined(plain_last)):
            canonical = _collapse(plain)
            if plain not in self._name_forms.get(canonical, ()):
                self._name_forms.setdefault(canonical, set()).add(plain)
                self._new_forms.append((plain, canonical))
        others: list[str] = []
        for value in (person.organization, person.project, person.email, person.title,
                      person.role, *(person.extra.get(f, "") for f in self.extra_fields)):
            if value:
                others.extend(_cached_words(value))
        if person.ticket_code:
            code = _cached_words(person.ticket_code)
            others.extend(code)
            others.extend(_joined(code))
        name_postings, other_postings = self._name_postings, self._other_postings
        for word in names:
            if word in name_postings:
                name_postings[word].add(slot)
            else:
                name_postings[word] = {slot}
        for word in others:
            if word in other_postings:
                other_postings[word].add(slot)
            else:
                other_postings[word] = {slot}
        self._person_words.append((frozenset(names), frozenset((*first, *last)),
                                   frozenset(others)))
        self._sort_keys.append(person.sort_key)
        full = " ".join((*first, *last))
        self._full_key.append(full)
        self._full_names.setdefault(full, set()).add(slot)
        return names, others

    def _index_word(self, word: str, slots: set[int], *, is_name: bool) -> None:
        """Short-prefix sets and (for names) the deletion index for one word."""
        for n in range(1, min(_SHORT_PREFIX, len(word)) + 1):
            in_name, in_any = self._short.setdefault(word[:n], (set(), set()))
            in_any |= slots
            if is_name:
                in_name |= slots

    def _index_forms(self) -> None:
        """Deletion index (SymSpell) over new name words, folded and as spelt."""
        for plain, canonical in self._new_forms:
            for form in {plain, canonical}:
                if len(form) >= TYPO_MIN_LENGTH - 1 and form.isalpha():
                    for key in (form, *_deletions(form)):
                        self._deletes.setdefault(key, set()).add((form, canonical))
        self._new_forms = []

    def _remove(self, slot: int) -> None:
        self._alive.discard(slot)
        self._open.discard(slot)
        names, _own, others = self._person_words[slot]
        for word in names | others:
            self._name_postings.get(word, set()).discard(slot)
            self._other_postings.get(word, set()).discard(slot)
            for n in range(1, min(_SHORT_PREFIX, len(word)) + 1):
                for members in self._short.get(word[:n], ()):
                    members.discard(slot)
        self._full_names.get(self._full_key[slot], set()).discard(slot)

    def add(self, person: Attendee) -> None:
        """Add or replace one person (after an edit or a walk-in), without a rebuild."""
        old = self._slot.get(person.id)
        if old is not None:
            self._remove(old)
        names, others = self._insert(person)
        slot = self._slot[person.id]
        for vocab, bag, is_name in ((self._name_vocab, names, True),
                                    (self._other_vocab, others, False)):
            for word in set(bag):
                i = bisect_left(vocab, word)
                if i == len(vocab) or vocab[i] != word:
                    vocab.insert(i, word)
                self._index_word(word, {slot}, is_name=is_name)
        self._index_forms()
        if person.id in self._open_ids:
            self._open.add(slot)

    def __len__(self) -> int:
        return len(self._alive)

    def person(self, attendee_id: str) -> Attendee | None:
        slot = self._slot.get(attendee_id)
        return None if slot is None else self._people[slot]

    def people(self) -> list[Attendee]:
        return [self._people[s] for s in sorted(self._alive)]

    def set_open(self, attendee_ids: Collection[str]) -> None:
        """Who is expected today and not yet checked in (ranked before the others)."""
        self._open_ids = set(attendee_ids)
        self._open = {self._slot[i] for i in self._open_ids if i in self._slot}

    def mark_open(self, attendee_id: str) -> None:
        """The person is expected again (their check-in was undone)."""
        self._open_ids.add(attendee_id)
        slot = self._slot.get(attendee_id)
        if slot is not None:
            self._open.add(slot)

    def mark_arrived(self, attendee_id: str) -> None:
        self._open_ids.discard(attendee_id)
        slot = self._slot.get(attendee_id)
        if slot is not None:
            self._open.discard(slot)

    # -- matching ------------------------------------------------------------------

    def _prefix_sets(self, term: str) -> tuple[set[int], set[int]]:
        """People with a name word / with any word starting with ``term``."""
        if len(term) <= _SHORT_PREFIX:
            return self._short.get(term, (set(), set()))
        in_name = _union_prefix(self._name_vocab, self._name_postings, term)
        return in_name, in_name | _union_prefix(self._other_vocab, self._other_postings, term)

    def _typo_words(self, term: str, plain: str) -> list[str]:
        """Name words one edit (or one swap of neighbours) away from the term.

        ``plain`` is the term as typed (digraphs kept). The word or the term must
        have at least ``TYPO_MIN_LENGTH`` letters: in short words one wrong
        letter makes another name (Koch, Kuch, Kock).
        """
        if len(plain) < TYPO_MIN_LENGTH - 1 or not plain.isalpha():
            return []
        candidates: set[tuple[str, str]] = set()
        for probe in {term, plain}:
            for key in (probe, *_deletions(probe)):
                candidates |= self._deletes.get(key, set())
        found = {canonical for form, canonical in candidates
                 if canonical != term and max(len(form), len(plain)) >= TYPO_MIN_LENGTH
                 and min(OSA.distance(term, form), OSA.distance(plain, form)) <= 1
                 and self._name_postings.get(canonical)}
        return sorted(found)

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        """People matching every typed word (as a prefix, or with one typo), best first."""
        typed = dict(zip(_cached_words(query[:MAX_QUERY_LENGTH]),
                         _plain_words(query[:MAX_QUERY_LENGTH]), strict=True))
        terms = list(typed)[:MAX_TERMS]
        if not terms or limit <= 0:
            return []
        name_sets: list[set[int]] = []
        any_sets: list[set[int]] = []
        fuzzy_sets: list[set[int]] = []
        typos: dict[str, frozenset[str]] = {}
        typos_found = False
        for term in terms:
            in_name, in_any = self._prefix_sets(term)
            near = self._typo_words(term, typed[term])
            typos[term] = frozenset(near)
            name_sets.append(in_name)
            any_sets.append(in_any)
            if near:
                typos_found = True
                fuzzy = set(in_any)
                for word in near:
                    fuzzy |= self._name_postings[word]
                fuzzy_sets.append(fuzzy)
            else:
                fuzzy_sets.append(in_any)
        # postings never hold removed people, so no filtering is needed here
        fuzzy_all = _intersect(fuzzy_sets)
        if not fuzzy_all:
            return []
        # per term, name matches ⊆ any matches ⊆ fuzzy matches: so are the intersections
        exact_all = _intersect(any_sets) if typos_found else fuzzy_all
        in_name = _intersect(name_sets)
        exact_name = self._full_names.get(" ".join(terms), set())
        if len(fuzzy_all) <= _DETAILED_LIMIT:
            scored = [(self._score(slot, terms, typos, slot in exact_name, slot in in_name,
                                   slot in exact_all), slot) for slot in fuzzy_all]
            best = heapq.nsmallest(limit, scored)
            return [Hit(self._people[s], -key[0]) for key, s in best]
        return self._tiered(terms, exact_name, in_name, exact_all, fuzzy_all, limit)

    def _tiered(self, terms: list[str], exact_name: set[int], in_name: set[int],
                exact_all: set[int], fuzzy_all: set[int], limit: int) -> list[Hit]:
        """Ranking by set arithmetic for one or two typed letters over a big list.

        Same order as the detailed score, coarser: within a tier, slot order,
        which is alphabetical for everyone indexed at start (walk-ins added
        later come after them).
        """
        whole = _intersect([self._name_postings.get(t, set()) for t in terms])
        tiers: tuple[Callable[[], set[int]], ...] = (
                 lambda: exact_name,
                 lambda: whole & self._open, lambda: whole,
                 lambda: in_name & self._open, lambda: in_name,
                 lambda: exact_all & self._open, lambda: exact_all,
                 lambda: fuzzy_all)
        hits: list[Hit] = []
        taken: set[int] = set()
        for number, tier in enumerate(tiers):
            fresh = tier() - taken if taken else tier()
            for slot in heapq.nsmallest(limit - len(hits), fresh):
                hits.append(Hit(self._people[slot], float(100 - 10 * number)))
                taken.add(slot)
            if len(hits) >= limit:
                break
        return hits

    def _score(self, slot: int, terms: list[str], typos: dict[str, frozenset[str]],
               exact_name: bool, in_name: bool, exact: bool) -> tuple[float, tuple[str, str]]:
        """Sort key (smaller is better): negative score, then alphabetical.

        Exact full name (1000) > the whole name typed, one typo allowed (500) >
        every term in the name (200) > expected today and not checked in (100)
        > all terms match without typo (50) > whole words over prefixes.
        """
        names, own, others = self._person_words[slot]
        score = 0.0
        if exact_name:
            score += 1000
        covered: set[str] = set()
        for term in terms:
            if term in names:
                score += 10
                covered.add(term)
            elif typos[term] & names:
                score += 6
                covered |= typos[term] & names
            elif term in others:
                score += 4
        if not exact_name and own and own <= covered:
            score += 500
        if in_name:
            score += 200
        if slot in self._open:
            score += 100
        if exact:
            score += 50
        return (-score, self._sort_keys[slot])


def _sort_key(person: Attendee) -> tuple[str, str]:
    return person.sort_key


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _union_prefix(vocab: list[str], postings: dict[str, set[int]], prefix: str) -> set[int]:
    start = bisect_left(vocab, prefix)
    found: set[int] = set()
    for i in range(start, len(vocab)):
        word = vocab[i]
        if not word.startswith(prefix):
            break
        found |= postings[word]
    return found


def _intersect(sets: list[set[int]]) -> set[int]:
    """The common members (the caller must not change the result: it may be an input)."""
    ordered = sorted(sets, key=len)
    result = ordered[0]
    for other in ordered[1:]:
        result = result & other
        if not result:
            break
    return result
