"""Finding people by what desk staff type: parts of names, organisations, codes.

The index lives in memory and answers each keystroke without the database.
Why it is built this way:

* Every word is *folded* once, at indexing time, to a skeleton in which case,
  accents and transliterations no longer differ (Müller, Mueller and Muller
  all become ``muller``; Weiß and Weiss ``weiss``; Søren, Sören, Soeren and
  Soren ``soren``; Åse and Aase ``ase``). Queries are folded the same way, so
  the rule holds in both directions: folding decides who *matches*.
* How a match was spelt decides the *order* among namesakes: per typed word,
  the person's word as written (lower case, NFC) equal to the typed word is
  *exact*; the same word after spelling out ä/æ as ae, ö/ø/œ as oe, ü as ue,
  ß as ss, å as aa, þ as th on both sides is a *transliteration* (Kuehn for
  Kühn and back, Soeren for Søren or Sören, Weiss for Weiß, and Sören for
  Søren: both are written soeren); anything else that folds equal is merely
  *folded* (Kuhn for Kühn, Soren for Søren, Lukasz for Łukasz, Elodie for
  Élodie), since dropping the mark often makes another family's name.
* The folded words sit in one sorted list: all words starting with a typed
  prefix are one ``bisect`` range. Sets of people for one- to three-letter
  prefixes are precomputed, because those ranges are the longest.
* A query is a set of word prefixes in any order; each must match some word of
  the person. Sets are intersected from the rarest term (C speed).
* One typo in a longer word (≥ 5 letters) is found through a deletion index
  (SymSpell's idea): words sharing a one-letter deletion with the term are
  checked with rapidfuzz's optimal-string-alignment distance. It runs only for
  terms of full words that need it, so plain typing stays on the fast path.
* Ranking, best first: the exact full name (folded), the whole name in any
  order, every typed word a whole word of the name, every typed word the
  beginning of a name word, the whole name with one typo, the rest
  (organisation, codes, typos); within each of these, exact spelling before
  transliteration before folding; then people expected today and not yet
  checked in; then no typo, whole words over prefixes, alphabetical. A word
  begun is not a typo ("Kueh" is the start of Kuehn and Kühn, not a slip in
  a whole name), and a guessed typo never outranks what was typed.
* Only the candidate set is ranked: up to a few hundred people one by one,
  larger sets (one or two typed letters over a big list) by set arithmetic,
  with the spellings that differ from their folded form kept aside so that
  exact spelling costs little to find.
"""

from __future__ import annotations

import gc
import heapq
import re
import threading
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import Any, TypeVar

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
#: The deletion index is this many dicts (by hash): growing or freeing one dict of
#: millions of keys is a single C call that holds the GIL for a large part of a second.
_DELETE_SHARDS = 256
#: Sorts and frees over 100,000 people go in steps of about this many items, each
#: short enough that the GUI thread gets the GIL in between (see ``SearchIndex.release``).
_STEP = 2000

_T = TypeVar("_T")

_SHARP_S = str.maketrans({"ß": "ss", "ẞ": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l",
                          "đ": "d", "ı": "i", "þ": "th"})
_DIGRAPHS = (("ae", "a"), ("oe", "o"), ("ue", "u"), ("aa", "a"))
#: How letters are spelt out where they cannot be typed (on the written form, lower case).
_TRANSLIT = str.maketrans({"ä": "ae", "æ": "ae", "ö": "oe", "ø": "oe", "œ": "oe", "ü": "ue",
                           "ß": "ss", "å": "aa", "þ": "th"})
#: A word as written: letters and digits, with any combining mark NFC could not compose.
_SPELT_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff])+")
#: How a person's word relates to a typed word (smaller ranks first).
EXACT, TRANSLITERATED, FOLDED = 0, 1, 2


def fold(text: str) -> str:
    """Lower case, no accents, German transliteration folded: 'Müller' -> 'muller'.

    ``ä`` and ``ae`` both become ``a`` (likewise ö/ø/oe, ü/ue, å/aa), so
    Mueller, Muller and Müller are one word; ``ß`` becomes ``ss``.
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


@lru_cache(maxsize=100_000)
def _spelt_words(text: str) -> tuple[str, ...]:
    """The words as written (lower case, NFC), one for each of ``words(text)``.

    Where a written word does not split into exactly one folded word (a
    ligature, a script whose marks split words), its plain form stands in:
    such a word is then never an exact spelling, which only affects order.
    """
    plain = _plain_words(text)
    if text.isascii():
        return plain
    spelt: list[str] = []
    parts: list[str] = []
    for token in _SPELT_WORD.findall(unicodedata.normalize("NFC", text.lower())):
        found = _WORD.findall(_plain(token))
        parts.extend(found)
        spelt.extend([token] if len(found) == 1 else found)
    return tuple(spelt) if tuple(parts) == plain else plain


@lru_cache(maxsize=100_000)
def _translit(spelt: str) -> str:
    """Umlauts and Nordic letters spelt out: 'kühn' -> 'kuehn', 'søren' -> 'soeren'."""
    return spelt.translate(_TRANSLIT)


def _relation(spelt: str, typed: str, typed_translit: str, whole: bool) -> int:
    """EXACT, TRANSLITERATED or FOLDED: how a person's written word meets a typed word."""
    if whole:
        if spelt == typed:
            return EXACT
        return TRANSLITERATED if _translit(spelt) == typed_translit else FOLDED
    if spelt.startswith(typed):
        return EXACT
    return TRANSLITERATED if _translit(spelt).startswith(typed_translit) else FOLDED


@dataclass(frozen=True, slots=True)
class _Spelling:
    """A name field's words as (folded, written, transliterated), and their short prefixes."""

    words: tuple[tuple[str, str, str], ...]
    joined: tuple[tuple[str, str, str], ...]
    variant: bool  # some word is written otherwise than folded
    folded_keys: frozenset[str]
    written_keys: frozenset[str]
    spelt_out_keys: frozenset[str]


@lru_cache(maxsize=100_000)
def _name_spelling(text: str) -> _Spelling:
    """Names repeat thousands of times in a big list: worked out once per spelling."""
    folded, written = _cached_words(text), _spelt_words(text)
    words = tuple((c, v, _translit(v)) for c, v in zip(folded, written, strict=True))
    joined = tuple((c, v, _translit(v)) for c, v in
                   zip(_joined(folded), _joined(written), strict=True))
    if all(c == v for c, v, _t in words):  # then also v == t: one set of prefixes
        keys = frozenset(c[:n] for c, _v, _t in words for n in range(1, _SHORT_PREFIX + 1))
        return _Spelling(words, joined, False, keys, keys, keys)
    return _Spelling(words, joined, True,
                     *(frozenset(w[i][:n] for w in words for n in range(1, _SHORT_PREFIX + 1))
                       for i in range(3)))


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
        self._sort_keys: list[tuple[str, ...]] = []
        self._full_key: list[str] = []
        self._open: set[int] = set()
        self._open_ids: set[str] = set()
        #: one- and two-letter prefix -> (people with such a name word, with any such word)
        self._short: dict[str, tuple[set[int], set[int]]] = {}
        #: a name word (folded or plain) or it with one letter deleted -> (form, folded word),
        #: in shards by the key's hash (``_delete_shard``)
        self._deletes: list[dict[str, set[tuple[str, str]]]] = [
            {} for _ in range(_DELETE_SHARDS)]
        #: folded name word -> how it was spelt (plain forms: "mueller", "muller")
        self._name_forms: dict[str, set[str]] = {}
        self._new_forms: list[tuple[str, str]] = []
        #: folded name word -> how it is written (lower case, NFC) -> people
        self._spellings: dict[str, dict[str, set[int]]] = {}
        #: per slot: (folded, written, transliterated) for each name word
        self._name_spelt: list[tuple[tuple[str, str, str], ...]] = []
        #: people with a name word written otherwise than its folded form
        self._variant_slots: set[int] = set()
        #: people with two name words sharing four letters (one may be exact, one not)
        self._multi: set[int] = set()
        #: short folded prefix -> people whose words with it, were it typed as such,
        #: are (not written so, not even transliterated so)
        self._short_inexact: dict[str, tuple[set[int], set[int]]] = {}
        with paused_gc():
            try:
                for key, person in _sorted_in_steps([(p.sort_key, p) for p in people],
                                                    _key_head, itemgetter(0)):
                    self._insert(person, key)
                self._name_vocab = _sorted_in_steps(list(self._name_postings), str, str)
                self._other_vocab = _sorted_in_steps(list(self._other_postings), str, str)
                #: folded name words written in some other way too (sorted)
                self._variant_vocab = _sorted_in_steps(
                    [c for c, spelt in self._spellings.items()
                     if len(spelt) > 1 or c not in spelt], str, str)
                for word, slots in self._name_postings.items():
                    self._index_word(word, slots, is_name=True)
                for word, slots in self._other_postings.items():
                    self._index_word(word, slots, is_name=False)
                self._index_forms()
            finally:
                # the index lives long: keep the cyclic GC from walking its millions of
                # objects (a pass holds the GIL for up to a second at 100,000 people, a
                # stall of the desk's window when the index is rebuilt in the background);
                # it holds no cycles, so reference counting frees it (see ``release``)
                gc.freeze()

    # -- building ------------------------------------------------------------------

    def _insert(self, person: Attendee,
                sort_key: tuple[str, ...] | None = None) -> tuple[list[str], list[str]]:
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
        self._insert_spellings(slot, person, (*first, *last))
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
        self._sort_keys.append(person.sort_key if sort_key is None else sort_key)
        full = " ".join((*first, *last))
        self._full_key.append(full)
        self._full_names.setdefault(full, set()).add(slot)
        return names, others

    def _insert_spellings(self, slot: int, person: Attendee, own: tuple[str, ...]) -> None:
        """How each name word is written, for ranking namesakes by spelling."""
        first, last = _name_spelling(person.first_name), _name_spelling(person.last_name)
        entries = (*first.words, *last.words, *first.joined, *last.joined)
        self._name_spelt.append(entries)
        spellings = self._spellings
        for c, v, _t in entries:
            by_spelling = spellings.get(c)
            if by_spelling is None:
                spellings[c] = {v: {slot}}
            elif v in by_spelling:
                by_spelling[v].add(slot)
            else:
                by_spelling[v] = {slot}
        if first.variant or last.variant:
            self._variant_slots.add(slot)
            not_exact, folded_only = _inexact_prefixes(first, last)
            for key in not_exact:
                self._short_inexact.setdefault(key, (set(), set()))[0].add(slot)
            for key in folded_only:
                self._short_inexact[key][1].add(slot)
        if len(own) > 1:
            heads = [c[:4] for c in own if len(c) >= 4]
            if len(set(heads)) < len(heads):
                self._multi.add(slot)

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
                        self._deletes[_delete_shard(key)].setdefault(key, set()).add(
                            (form, canonical))
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
        entries = self._name_spelt[slot]
        for c, v, _t in entries:
            self._spellings.get(c, {}).get(v, set()).discard(slot)
        if slot in self._variant_slots:
            self._variant_slots.discard(slot)
            person = self._people[slot]
            for keys in _inexact_prefixes(_name_spelling(person.first_name),
                                          _name_spelling(person.last_name)):
                for key in keys:
                    for members in self._short_inexact.get(key, ()):
                        members.discard(slot)
        self._multi.discard(slot)

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
                _insert_sorted(vocab, word)
                self._index_word(word, {slot}, is_name=is_name)
        for c, v, _t in self._name_spelt[slot]:
            if v != c:
                _insert_sorted(self._variant_vocab, c)
        self._index_forms()
        if person.id in self._open_ids:
            self._open.add(slot)

    def release(self) -> None:
        """Empty the index in small steps; call it on a worker once it is replaced.

        Dropping the last reference to 100,000 people's index frees millions of
        objects in one C call (a third of a second holding the GIL): done where the
        desk swaps indexes, on the GUI thread, that is a stall of the window. Emptied
        step by step, the GIL changes hands in between. An emptied index stays usable
        (it finds no one), should anyone still hold it.
        """
        for value in list(vars(self).values()):
            if isinstance(value, list):
                if value and isinstance(value[0], dict):
                    for shard in value:
                        shard.clear()
                else:
                    while value:
                        del value[-_STEP:]
            elif isinstance(value, dict):
                while value:
                    for _ in range(min(_STEP, len(value))):
                        value.popitem()
            elif isinstance(value, set):
                value.clear()
        self._open_ids = set()

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
                candidates |= self._deletes[_delete_shard(key)].get(key, set())
        found = {canonical for form, canonical in candidates
                 if canonical != term and max(len(form), len(plain)) >= TYPO_MIN_LENGTH
                 and min(OSA.distance(term, form), OSA.distance(plain, form)) <= 1
                 and self._name_postings.get(canonical)}
        return sorted(found)

    def search(self, query: str, limit: int = 20) -> list[Hit]:
        """People matching every typed word (as a prefix, or with one typo), best first."""
        query = query[:MAX_QUERY_LENGTH]
        typed = {term: (plain, spelt) for term, plain, spelt in
                 zip(_cached_words(query), _plain_words(query), _spelt_words(query),
                     strict=True)}
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
            near = self._typo_words(term, typed[term][0])
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
        spelt = [(term, typed[term][1], _translit(typed[term][1])) for term in terms]
        if len(fuzzy_all) <= _DETAILED_LIMIT:
            as_typed = all(term == written for term, written, _t in spelt)
            checks: list[_TermCheck] = []
            if not as_typed or not self._variant_slots.isdisjoint(fuzzy_all):
                checks = [(term, name_set,
                           self._term_spelling(term, written, translit, whole=True),
                           self._term_spelling(term, written, translit, whole=False))
                          for (term, written, translit), name_set in zip(spelt, name_sets,
                                                                         strict=True)]
            per_term = [(term, typos[term]) for term in terms]
            check_all = not as_typed
            scored = [self._score(slot, per_term, checks, check_all, slot in exact_name,
                                  slot in in_name, slot in exact_all) for slot in fuzzy_all]
            best = heapq.nsmallest(limit, scored)
            return [Hit(self._people[slot], _display_score(rank)) for rank, _k, slot in best]
        return self._tiered(terms, spelt, exact_name, in_name, exact_all, fuzzy_all, limit)

    def _tiered(self, terms: list[str], spelt: list[tuple[str, str, str]],
                exact_name: set[int], in_name: set[int], exact_all: set[int],
                fuzzy_all: set[int], limit: int) -> list[Hit]:
        """Ranking by set arithmetic for one or two typed letters over a big list.

        Same order as the detailed score, coarser (no "whole name in any
        order" level; spelling by the word furthest from what was typed, among
        name matches only): within a tier, slot order, which is alphabetical
        for everyone indexed at start (walk-ins added later come after them).
        A tier is a set and the few people to leave out of it, so that the
        big set of one typed letter is never copied.
        """
        whole = _intersect([self._name_postings.get(t, set()) for t in terms])
        nothing: set[int] = set()

        def tiers() -> Iterator[tuple[set[int], set[int]]]:
            for group, is_whole in ((exact_name, True), (whole, True), (in_name, False)):
                if group:
                    for members, skip in self._by_spelling(group, spelt, whole=is_whole):
                        if members:
                            yield members & self._open, skip
                            yield members, skip
            yield exact_all & self._open, nothing
            yield exact_all, nothing
            yield fuzzy_all, nothing

        hits: list[Hit] = []
        taken: set[int] = set()
        for number, (members, skip) in enumerate(tiers()):
            for slot in _smallest(members, limit - len(hits), skip, taken):
                hits.append(Hit(self._people[slot], float(100 - 3 * number)))
                taken.add(slot)
            if len(hits) >= limit:
                break
        return hits

    def _by_spelling(self, group: set[int], spelt: list[tuple[str, str, str]], *,
                     whole: bool) -> Iterator[tuple[set[int], set[int]]]:
        """``group`` as people written exactly as typed, transliterated, folded.

        Each part is (members, people to leave out); the parts are made lazily.
        """
        empty: set[int] = set()
        exact: _Side = (False, empty)  # who is written exactly as typed, in every word
        fine: _Side = (False, empty)  # ... exactly or transliterated
        for term, written, translit in spelt:
            exact_t, fine_t = self._term_spelling(term, written, translit, whole=whole)
            exact, fine = _both(exact, exact_t), _both(fine, fine_t)
        (exact_is, exact_set), (fine_is, fine_set) = exact, fine
        yield (exact_set & group, empty) if exact_is else (group, exact_set)
        if fine_is:
            yield (fine_set - exact_set if exact_is else fine_set & exact_set) & group, empty
            yield group, fine_set
        else:
            yield (group, fine_set | exact_set) if exact_is else \
                ((exact_set - fine_set) & group, empty)
            yield fine_set & group, empty

    def _term_spelling(self, term: str, written: str, translit: str, *,
                       whole: bool) -> tuple[_Side, _Side]:
        """Who has the term written exactly / at least transliterated.

        Each side is (True, who) or (False, who not), whichever is small:
        built from the few written forms that differ from their folded word,
        never by a scan of the candidates.
        """
        empty: set[int] = set()
        if whole:
            spellings = self._spellings.get(term, {})
            if len(spellings) == 1 and written in spellings:
                return (False, empty), (False, empty)
            exact = spellings.get(written, empty)
            fine = set(exact)
            for form, slots in spellings.items():
                if form != written and _translit(form) == translit:
                    fine |= slots
            return (True, exact), (True, fine)
        if written == term and len(term) <= _SHORT_PREFIX:
            not_exact, folded_only = self._short_inexact.get(term, (empty, empty))
            return (False, not_exact), (False, folded_only)
        # words written as folded relate to the typed word all alike; the others one by one
        plain = EXACT if written == term else TRANSLITERATED if translit == term else FOLDED
        by_relation: tuple[set[int], set[int], set[int]] = (set(), set(), set())
        vocab = self._variant_vocab
        for i in range(bisect_left(vocab, term), len(vocab)):
            canonical = vocab[i]
            if not canonical.startswith(term):
                break
            for form, slots in self._spellings[canonical].items():
                if form != canonical:
                    by_relation[_relation(form, written, translit, False)].update(slots)
        exact_v, translit_v, folded_v = by_relation
        if plain == FOLDED:
            return (True, exact_v), (True, exact_v | translit_v)
        translit_only = translit_v - exact_v if plain == EXACT else set()
        folded_only = folded_v - exact_v - translit_v
        # someone with two such words may also have one written as folded: ask them
        for slot in (translit_only | folded_only) & self._multi:
            relation = self._slot_relation(slot, term, written, translit, whole=False)
            translit_only.discard(slot)
            folded_only.discard(slot)
            if relation == TRANSLITERATED and plain == EXACT:
                translit_only.add(slot)
            elif relation == FOLDED:
                folded_only.add(slot)
        if plain == EXACT:
            return (False, translit_only | folded_only), (False, folded_only)
        return (True, exact_v), (False, folded_only)

    def _slot_relation(self, slot: int, term: str, written: str, translit: str, *,
                       whole: bool) -> int | None:
        """The best relation of the person's matching name words to one typed word."""
        best: int | None = None
        for canonical, form, _t in self._name_spelt[slot]:
            if canonical == term if whole else canonical.startswith(term):
                relation = _relation(form, written, translit, whole)
                if best is None or relation < best:
                    best = relation
                    if best == EXACT:
                        break
        return best

    def _score(self, slot: int, per_term: list[tuple[str, frozenset[str]]],
               checks: list[_TermCheck], check_all: bool, exact_name: bool,
               in_name: bool, exact: bool) -> tuple[int, tuple[str, ...], int]:
        """Sort key (smaller is better: a packed rank, then alphabetical) and the slot.

        Levels: exact full name (folded), the whole name in any order, every
        term a whole name word, every term begins a name word, the whole name
        with one typo (what was typed beats a guess at what was meant), the
        rest. Within a level: exact spelling, transliterated, folded (by the
        word furthest from what was typed, then by how many words are off);
        then expected today and not checked in; then no typo; then whole words
        over prefixes (and names over other fields); then alphabetical.
        """
        names, own, others = self._person_words[slot]
        words_score = 0
        covered: set[str] = set()
        by_typo: list[str] = []
        all_whole = True
        for term, near in per_term:
            if term in names:
                words_score += 10
                covered.add(term)
                continue
            all_whole = False
            if near:
                # a word begun is not a typo of it ("Kueh" starts Kühn, it is no Kuehn typo'd)
                found = [word for word in near & names if not word.startswith(term)]
                if found:
                    words_score += 6
                    by_typo.extend(found)
                    continue
            if term in others:
                words_score += 4
        if exact_name:
            level = 0
        elif own and own <= covered:
            level = 1
        elif all_whole:
            level = 2
        elif in_name:
            level = 3
        elif by_typo and own and own <= covered.union(by_typo):
            level = 4
        else:
            level = 5
        spelling = off = EXACT  # the worst word's relation, and the sum over all words
        if checks and (check_all or slot in self._variant_slots):
            for term, name_set, whole_sides, prefix_sides in checks:
                if level <= 2 and term in names:
                    (exact_is, exact_set), (fine_is, fine_set) = whole_sides
                elif slot in name_set:  # (or a whole name typed with a typo and a prefix)
                    (exact_is, exact_set), (fine_is, fine_set) = prefix_sides
                else:
                    continue  # found in the organisation, project, codes or by a typo
                if (slot in exact_set) is not exact_is:
                    if (slot in fine_set) is fine_is:
                        off += TRANSLITERATED
                        if spelling == EXACT:
                            spelling = TRANSLITERATED
                    else:
                        off += FOLDED
                        spelling = FOLDED
        rank = ((((level * 3 + spelling) * 32 + off) * 2 + (slot not in self._open)) * 2
                + (not exact)) * 128 + 100 - words_score
        return rank, self._sort_keys[slot], slot


def _display_score(rank: int) -> float:
    """The packed rank as a score for display, higher is better (as in `checkin search`)."""
    words_score = 100 - rank % 128
    rank //= 128
    exact, rank = not rank % 2, rank // 2
    is_open, rank = not rank % 2, rank // 2
    off, rank = rank % 32, rank // 32
    spelling, level = rank % 3, rank // 3
    return float(1000 * (5 - level) + 250 * (FOLDED - spelling) - 10 * off + 100 * is_open
                 + 50 * exact + words_score)


def _delete_shard(key: str) -> int:
    return hash(key) % _DELETE_SHARDS


def _sorted_in_steps(items: list[_T], first: Callable[[_T], str],
                     key: Callable[[_T], Any], depth: int = 0) -> list[_T]:
    """``sorted(items, key=key)`` by many short sorts; ``first(item)`` is the first
    string compared in the key, and the items share its first ``depth`` letters.

    One sort of 100,000 names is a single C call that holds the GIL for a tenth of a
    second (a stall of the window when the index is built on a worker). Larger
    lists go in buckets by the next three letters, each sorted on its own: a key
    whose head sorts before another's sorts before it, so the buckets in order are
    the whole list in order (and each sort is stable, so the whole is too).
    """
    if len(items) <= _STEP:
        items.sort(key=key)
        return items
    buckets: dict[str, list[_T]] = {}
    head = ""
    for item in items:
        head = first(item)[depth:depth + 3]
        bucket = buckets.get(head)
        if bucket is None:
            buckets[head] = [item]
        else:
            bucket.append(item)
    if len(buckets) == 1 and len(head) < 3:  # one first string for all: no finer split
        items.sort(key=key)
        return items
    result: list[_T] = []
    for head in sorted(buckets):
        result += _sorted_in_steps(buckets[head], first, key, depth + 3)
    return result


def _key_head(pair: tuple[tuple[str, ...], Attendee]) -> str:
    return pair[0][0]


_gc_lock = threading.Lock()
_gc_pauses = 0
_gc_was_enabled = False


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection meanwhile: for bulk loads of many small objects.

    Reading and indexing 100,000 people makes millions of objects; full GC passes
    over them would dominate the time and each holds the GIL for up to a tenth of a
    second (a stall of the window when this runs on a worker). Nested and
    concurrent pauses count: collection resumes (if it was on) when the last ends.
    """
    global _gc_pauses, _gc_was_enabled
    with _gc_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()



def _inexact_prefixes(first: _Spelling,
                      last: _Spelling) -> tuple[frozenset[str], frozenset[str]]:
    """Short folded prefixes of a person's name which, typed as such, match none of
    their words exactly / not even transliterated ('mu' / 'mul' for Müller)."""
    not_exact = (first.folded_keys | last.folded_keys) - first.written_keys - last.written_keys
    return not_exact, not_exact - first.spelt_out_keys - last.spelt_out_keys


#: (True, who qualifies) or (False, who does not; everyone else does)
_Side = tuple[bool, set[int]]


#: a typed word, who has it in the name, and who writes it so (as a whole word, as a prefix)
_TermCheck = tuple[str, set[int], tuple[_Side, _Side], tuple[_Side, _Side]]


def _both(a: _Side, b: _Side) -> _Side:
    """Who qualifies on both sides, kept in the smaller form where possible."""
    (a_is, a_set), (b_is, b_set) = a, b
    if a_is and b_is:
        return True, a_set & b_set
    if a_is:
        return True, a_set - b_set
    if b_is:
        return True, b_set - a_set
    return False, (a_set | b_set) if a_set and b_set else (a_set or b_set)


def _smallest(members: set[int], need: int, skip: set[int], taken: set[int]) -> list[int]:
    """The ``need`` lowest slots of ``members`` outside ``skip`` and ``taken``.

    ``members`` may be most of the list and is not copied: a few more than
    needed are fetched (as many more as the left-out share suggests), and more
    only if that fell short.
    """
    if not skip and not taken:
        return heapq.nsmallest(need, members)
    size, left_out = len(members), len(skip) + len(taken)
    if left_out * 3 > size:
        return heapq.nsmallest(need, members - skip - taken)
    fetch = need * size // (size - left_out) + need // 4 + 8
    while True:
        lowest = heapq.nsmallest(fetch, members)
        found = [s for s in lowest if s not in skip and s not in taken]
        if len(found) >= need or len(lowest) < fetch:
            return found[:need]
        fetch *= 4


def _insert_sorted(vocab: list[str], word: str) -> None:
    i = bisect_left(vocab, word)
    if i == len(vocab) or vocab[i] != word:
        vocab.insert(i, word)


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
