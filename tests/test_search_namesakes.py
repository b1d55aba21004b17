"""Namesakes at a congress: folding finds every spelling, the spelling as typed comes first.

Typing "Björn Kühn" once listed five "Björn Kuhn" before the one "Björn Kühn",
and "Søren Graf" came after four "Sören Graf": folding made them rank equal.
Now the spelling as typed comes first, then transliterations (ü/ö/ø/ä/æ as
ue/oe/ae, ß as ss, å as aa), then folded forms (Kuhn for Kühn, Lukasz for
Łukasz); a whole-name match before a prefix; then who is still expected today.
"""

from __future__ import annotations

import unicodedata

import pytest

from checkin.door.search import SearchIndex
from checkin.model import Attendee


def person(pid: str, first: str, last: str) -> Attendee:
    return Attendee(id=pid, first_name=first, last_name=last, days=("2017-09-19",),
                    organization=f"Institut {pid}")


def crowd(*groups: tuple[str, str, int]) -> list[Attendee]:
    """``count`` people for each (first name, last name), ids "First Last #n"."""
    return [person(f"{first} {last} #{n}", first, last)
            for first, last, count in groups for n in range(count)]


#: Many namesakes, every spelling of a name side by side, the exact one often rare.
NAMESAKES = crowd(
    ("Björn", "Kühn", 1), ("Björn", "Kuhn", 5), ("Björn", "Kuehn", 2), ("Bjoern", "Kuehn", 1),
    ("Bjørn", "Kuhn", 1), ("Björn", "Kühne", 2), ("Björn", "Kuhnert", 1),
    ("Søren", "Graf", 1), ("Sören", "Graf", 4), ("Soeren", "Graf", 2), ("Soren", "Graf", 2),
    ("Sören", "Grafe", 1),
    ("Jürgen", "Müller", 3), ("Juergen", "Müller", 2), ("Jurgen", "Müller", 2),
    ("Thomas", "Müller", 6), ("Thomas", "Mueller", 3), ("Thomas", "Muller", 2),
    ("Stefan", "Weiß", 3), ("Stefan", "Weiss", 3),
    ("Łukasz", "Nowak", 3), ("Lukasz", "Nowak", 3),
    ("Åsa", "Berg", 2), ("Aasa", "Berg", 2), ("Asa", "Berg", 2),
    ("Anna", "Schäfer", 2), ("Anna", "Schaefer", 2), ("Anna", "Schafer", 1),
)


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(NAMESAKES)


def names(index: SearchIndex, query: str, limit: int = 50) -> list[str]:
    return [h.attendee.full_name for h in index.search(query, limit)]


def test_the_two_examples_from_the_issue(index: SearchIndex) -> None:
    assert names(index, "Björn Kühn")[:1] == ["Björn Kühn"]
    assert names(index, "Søren Graf")[:1] == ["Søren Graf"]


def test_bjoern_kuehn_spelling_tiers_then_prefixes(index: SearchIndex) -> None:
    assert names(index, "Björn Kühn") == [
        "Björn Kühn",                                        # as typed
        "Björn Kuehn", "Björn Kuehn", "Bjoern Kuehn",        # transliterated (ü = ue)
        *["Björn Kuhn"] * 5, "Bjørn Kuhn",                    # folded (ü = u)
        "Björn Kühne", "Björn Kühne", "Björn Kuhnert",       # a prefix of a longer name
    ]


def test_soeren_graf_spelling_tiers(index: SearchIndex) -> None:
    # ø and ö are both written oe: Sören and Soeren are transliterations of Søren
    assert names(index, "Søren Graf") == [
        "Søren Graf", "Soeren Graf", "Soeren Graf", *["Sören Graf"] * 4,
        "Soren Graf", "Soren Graf", "Sören Grafe"]
    assert names(index, "Soren Graf")[:2] == ["Soren Graf", "Soren Graf"]
    assert names(index, "Sören Graf")[:4] == ["Sören Graf"] * 4


#: (typed, written exactly so, transliterations, folded forms) for one name field
FOLDS = [
    ("Kühn", ["Kühn"], ["Kuehn"], ["Kuhn"]),
    ("Kuehn", ["Kuehn"], ["Kühn"], ["Kuhn"]),
    ("Kuhn", ["Kuhn"], [], ["Kühn", "Kuehn"]),
    ("Søren", ["Søren"], ["Sören", "Soeren"], ["Soren"]),
    ("Sören", ["Sören"], ["Søren", "Soeren"], ["Soren"]),
    ("Soeren", ["Soeren"], ["Sören", "Søren"], ["Soren"]),
    ("Soren", ["Soren"], [], ["Sören", "Søren", "Soeren"]),
    ("Müller", ["Müller"], ["Mueller"], ["Muller"]),
    ("Mueller", ["Mueller"], ["Müller"], ["Muller"]),
    ("Muller", ["Muller"], [], ["Müller", "Mueller"]),
    ("Jürgen", ["Jürgen"], ["Juergen"], ["Jurgen"]),
    ("Jurgen", ["Jurgen"], [], ["Jürgen", "Juergen"]),
    ("Weiß", ["Weiß"], ["Weiss"], []),
    ("Weiss", ["Weiss"], ["Weiß"], []),
    ("WEISS", ["Weiss"], ["Weiß"], []),  # upper case is not a sharp s
    ("Łukasz", ["Łukasz"], [], ["Lukasz"]),
    ("Lukasz", ["Lukasz"], [], ["Łukasz"]),
    ("Åsa", ["Åsa"], ["Aasa"], ["Asa"]),
    ("Aasa", ["Aasa"], ["Åsa"], ["Asa"]),
    ("Asa", ["Asa"], [], ["Åsa", "Aasa"]),
    ("Schäfer", ["Schäfer"], ["Schaefer"], ["Schafer"]),
    ("Schafer", ["Schafer"], [], ["Schäfer", "Schaefer"]),
]


def _field(hit_name: str, forms: list[str]) -> str | None:
    return next((w for w in hit_name.split() if w in forms), None)


@pytest.mark.parametrize(("typed", "exact", "transliterated", "folded"), FOLDS,
                         ids=[row[0] for row in FOLDS])
def test_each_direction_of_each_fold(index: SearchIndex, typed: str, exact: list[str],
                                     transliterated: list[str], folded: list[str]) -> None:
    family = exact + transliterated + folded
    found = [_field(name, family) for name in names(index, typed, limit=100)]
    spelt = [form for form in found if form is not None]
    # every spelling matches (folding finds them all) ...
    assert set(spelt) == set(family)
    # ... and they come as written, then transliterated, then folded, before anything else
    tier = {form: n for n, forms in enumerate((exact, transliterated, folded)) for form in forms}
    assert [tier[form] for form in spelt] == sorted(tier[form] for form in spelt)
    assert found[:len(spelt)] == spelt


def test_whole_name_before_prefix_and_prefix_by_spelling(index: SearchIndex) -> None:
    # "Kühn" is a whole word of Kuhn (folded) and only the start of Kühne (as written)
    surnames = [n.split()[-1] for n in names(index, "Kühn")]
    assert surnames.index("Kühne") > max(i for i, s in enumerate(surnames)
                                         if s in {"Kühn", "Kuehn", "Kuhn"})
    # typed up to the middle of the word: written so, then transliterated, then folded
    begun = names(index, "Björn Küh")
    assert begun[:3] == ["Björn Kühn", "Björn Kühne", "Björn Kühne"]
    assert begun[3:6] == ["Björn Kuehn", "Björn Kuehn", "Bjoern Kuehn"]
    assert set(begun[6:]) == {"Björn Kuhn", "Bjørn Kuhn", "Björn Kuhnert"}
    # "Kueh" is the start of Kuehn (as written) and of Kühn (transliterated), not a typo
    assert names(index, "Björn Kueh")[:4] == ["Björn Kuehn", "Björn Kuehn", "Bjoern Kuehn",
                                             "Björn Kühn"]


def test_expected_today_first_within_a_tier_never_across() -> None:
    index = SearchIndex(NAMESAKES)
    index.set_open(["Björn Kuhn #3", "Björn Kuehn #1"])
    ids = [h.attendee.id for h in index.search("Björn Kühn")]
    assert ids[:3] == ["Björn Kühn #0", "Björn Kuehn #1", "Björn Kuehn #0"]
    assert ids[4] == "Björn Kuhn #3"  # first of the folded tier, after Bjoern Kuehn
    index.mark_arrived("Björn Kuhn #3")
    assert [h.attendee.id for h in index.search("Björn Kühn")][4] == "Björn Kuhn #0"
    # the one written as typed stays first when they have arrived and the others not
    index.set_open([p.id for p in NAMESAKES if p.id != "Björn Kühn #0"])
    assert index.search("Björn Kühn")[0].attendee.id == "Björn Kühn #0"


@pytest.mark.parametrize("query", ["Björn Kühn", "björn kühn", "BJÖRN KÜHN", "Kühn Björn",
                                   unicodedata.normalize("NFD", "Björn Kühn"),
                                   unicodedata.normalize("NFD", "BJÖRN KÜHN")])
def test_case_order_and_decomposed_input(index: SearchIndex, query: str) -> None:
    assert names(index, query)[:2] == ["Björn Kühn", "Björn Kuehn"]


def test_names_stored_decomposed_are_written_as_typed() -> None:
    """A list exported on a Mac may hold "Ku" + combining diaeresis + "hn"."""
    people = [*crowd(("Björn", "Kuhn", 3)),
              person("nfd", unicodedata.normalize("NFD", "Björn"),
                     unicodedata.normalize("NFD", "Kühn"))]
    index = SearchIndex(people)
    assert index.search("Björn Kühn")[0].attendee.id == "nfd"
    assert index.search("Björn Kuhn")[-1].attendee.id == "nfd"


def test_walk_ins_and_edits_keep_the_spelling_order() -> None:
    index = SearchIndex(NAMESAKES)
    index.add(person("walk-in", "Björn", "Kühn"))
    assert sorted(h.attendee.id for h in index.search("Björn Kühn")[:2]) == [
        "Björn Kühn #0", "walk-in"]
    index.add(person("Björn Kühn #0", "Björn", "Kuhn"))  # corrected at the desk
    assert [h.attendee.id for h in index.search("Björn Kühn")][:1] == ["walk-in"]
    assert "Björn Kühn #0" in [h.attendee.id for h in index.search("Björn Kühn")[4:]]
    index.add(person("walk-in", "Bjørn", "Kuhn"))
    first = index.search("Bjørn Kuhn")[0].attendee
    assert (first.first_name, first.last_name) == ("Bjørn", "Kuhn")


@pytest.fixture(scope="module")
def big() -> SearchIndex:
    """More candidates than are ranked one by one: the set-arithmetic path."""
    firsts = ["Anna", "Bernd", "Carla", "Dirk", "Eva", "Frank", "Gisela", "Heinz"]
    people = [person(f"kuhn{n}", firsts[n % 8], "Kuhn") for n in range(600)]
    people += [person(f"kuehn{n}", firsts[n % 8], "Kuehn") for n in range(40)]
    people += [person("kuehn-umlaut", "Zora", "Kühn")]
    people += [person(f"kuehne{n}", firsts[n % 8], "Kühne") for n in range(3)]
    return SearchIndex(people)


def _surnames(index: SearchIndex, query: str, limit: int = 50) -> list[str]:
    return [h.attendee.last_name for h in index.search(query, limit)]


def test_many_namesakes_whole_word(big: SearchIndex) -> None:
    assert _surnames(big, "Kühn", 1) == ["Kühn"]
    assert _surnames(big, "kuehn", 42) == ["Kuehn"] * 40 + ["Kühn", "Kuhn"]
    assert _surnames(big, "Kuhn", 3) == ["Kuhn"] * 3


@pytest.mark.parametrize(("typed", "first_ones"), [
    ("kü", ["Kühn", "Kühne", "Kühne", "Kühne", "Kuehn"]),  # short, with an umlaut
    ("kue", ["Kuehn"] * 40 + ["Kühn"]),                    # the digraph as typed
    ("küh", ["Kühn", "Kühne", "Kühne", "Kühne", "Kuehn"]),
    ("kueh", ["Kuehn"] * 40 + ["Kühn"]),                   # longer than the short prefixes
    ("kuh", ["Kuhn"] * 5),                                 # Kuehn and Kühn only folded
])
def test_many_namesakes_prefix(big: SearchIndex, typed: str, first_ones: list[str]) -> None:
    assert _surnames(big, typed, len(first_ones)) == first_ones


def test_many_namesakes_prefix_folded_ones_come_last(big: SearchIndex) -> None:
    found = _surnames(big, "kueh", 700)
    assert found[:41] == ["Kuehn"] * 40 + ["Kühn"]
    assert set(found[41:]) == {"Kuhn", "Kühne"}
    assert len(found) == 644
