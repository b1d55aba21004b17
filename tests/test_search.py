"""Search quality on real German names: every rule of the desk's search, one example each."""

from __future__ import annotations

import pytest

from checkin.door.search import SearchIndex, fold, words
from checkin.model import Attendee


def person(pid: str, first: str, last: str, **more: object) -> Attendee:
    return Attendee(id=pid, first_name=first, last_name=last, days=("2017-09-19",),
                    **more)  # type: ignore[arg-type]


PEOPLE = [
    person("mueller-kassel", "Jürgen", "Müller", organization="Universität Kassel",
           project="LandKlima"),
    person("mueller-dresden", "Jürgen", "Müller", organization="TU Dresden",
           project="DorfDigital"),
    person("lena-mueller", "Lena", "Müller", organization="Landkreis Görlitz"),
    person("weiss", "Stefan", "Weiß", organization="Thünen-Institut"),
    person("oeztuerk", "Ayşe", "Öztürk", organization="Fraunhofer IAO"),
    person("heyde", "Marie", "von der Heyde", organization="Stadt Jena"),
    person("delitzsch", "Ines", "Schulze-Delitzsch", organization="Projektträger Jülich",
           email="ines.schulze-delitzsch@ptj.example.org"),
    person("hohenzollern", "Ralf", "zu Hohenzollern-Sigmaringen"),
    person("schmidt", "Lukas", "Schmidt"),
    person("schmitt", "Merle", "Schmitt"),
    person("hoffmann", "Hannah", "Hoffmann"),
    person("hofmann", "Jörg", "Hofmann"),
    person("muller-fr", "Frédéric", "Muller", organization="Université de Strasbourg"),
    person("ticket", "Paul", "Hartmann", ticket_code="FK17-00012",
           extra={"Arbeitsgruppe": "AG Mobilität"}),
    person("koch", "Anna", "Koch"),
    person("kochanski", "Anna", "Kochanski"),
    person("malgorzata", "Małgorzata", "Łęcka"),
    person("vogel", "Chloé", "Vogel"),
    person("robert", "Robert", "Bauermann"),
]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex(PEOPLE)


def ids(index: SearchIndex, query: str, limit: int = 20) -> list[str]:
    return [h.attendee.id for h in index.search(query, limit)]


def test_fold_equates_transliterations_both_ways() -> None:
    assert fold("Müller") == fold("Mueller") == fold("Muller") == fold("MÜLLER")
    assert fold("Weiß") == fold("Weiss") == fold("WEISS")
    assert fold("Öztürk") == fold("Oeztuerk") == fold("Ozturk")
    assert words("Schulze-Delitzsch") == ["schulze", "delitzsch"]
    assert fold("Łęcka") == "lecka"


@pytest.mark.parametrize("query", ["Müller", "Mueller", "Muller", "MÜLLER", "müll", "mue"])
def test_mueller_spellings_find_all_muellers(index: SearchIndex, query: str) -> None:
    found = ids(index, query)
    assert {"mueller-kassel", "mueller-dresden", "lena-mueller", "muller-fr"} <= set(found)


@pytest.mark.parametrize(("query", "expected"), [
    ("Weiss", "weiss"), ("weiß", "weiss"), ("Oeztuerk", "oeztuerk"), ("ozturk", "oeztuerk"),
    ("ayse", "oeztuerk"), ("hohenz", "hohenzollern"), ("sigmaringen", "hohenzollern"),
    ("von der Heyde", "heyde"), ("heyde", "heyde"), ("vonderheyde", "heyde"),
    ("delitzsch", "delitzsch"), ("Schulze-Delitzsch", "delitzsch"),
    ("schulzedelitzsch", "delitzsch"), ("malgorzata lecka", "malgorzata"),
    ("frederic", "muller-fr"),
])
def test_names_found_in_every_spelling(index: SearchIndex, query: str, expected: str) -> None:
    assert ids(index, query)[0] == expected


@pytest.mark.parametrize("query", ["mü jü", "jürgen mül", "jue muel", "MÜLLER JÜRGEN"])
def test_prefixes_in_any_order(index: SearchIndex, query: str) -> None:
    assert set(ids(index, query)) == {"mueller-kassel", "mueller-dresden"}


@pytest.mark.parametrize(("query", "expected"), [
    ("Schmitt", "schmitt"), ("Schmidt", "schmidt"), ("Hoffman", "hoffmann"),
    ("Hofmann", "hofmann"), ("Hartman", "ticket"), ("Hartmnn", "ticket"),
    ("Hatrmann", "ticket"), ("Kochanksi", "kochanski"),
    # slips that digraph folding would have doubled: judged on the spelling as typed
    ("Vgoel", "vogel"), ("Chlé Vogel", "vogel"), ("Roert Bauermann", "robert"),
])
def test_one_typo_in_a_longer_word(index: SearchIndex, query: str, expected: str) -> None:
    assert ids(index, query)[0] == expected


@pytest.mark.parametrize("query", ["Müler", "Muellr", "Mülller"])
def test_typo_in_a_transliterated_name(index: SearchIndex, query: str) -> None:
    assert set(ids(index, query)) == {"mueller-kassel", "mueller-dresden", "lena-mueller",
                                      "muller-fr"}


def test_typo_neighbour_is_offered_after_the_exact_name(index: SearchIndex) -> None:
    assert ids(index, "Schmidt")[:2] == ["schmidt", "schmitt"]
    assert ids(index, "Schmitt")[:2] == ["schmitt", "schmidt"]


def test_short_words_need_no_typo(index: SearchIndex) -> None:
    # "Kich" is not "Koch": a typo in a four-letter word would find half the list
    assert ids(index, "kich") == []


@pytest.mark.parametrize(("query", "expected"), [
    ("FK17-00012", "ticket"), ("fk17 00012", "ticket"), ("fk1700012", "ticket"),
    ("Thünen", "weiss"), ("thuenen", "weiss"), ("DorfDigital", "mueller-dresden"),
    ("ptj.example", "delitzsch"), ("müller dresden", "mueller-dresden"),
])
def test_organisation_project_email_ticket(index: SearchIndex, query: str,
                                           expected: str) -> None:
    assert ids(index, query)[0] == expected


def test_extra_fields_only_when_chosen() -> None:
    assert ids(SearchIndex(PEOPLE), "mobilität") == []
    chosen = SearchIndex(PEOPLE, extra_fields=["Arbeitsgruppe"])
    assert ids(chosen, "mobilitat") == ["ticket"]


def test_exact_full_name_first_then_expected_and_not_checked_in() -> None:
    index = SearchIndex(PEOPLE)
    assert ids(index, "anna koch")[0] == "koch"
    assert ids(index, "koch")[0] == "koch"  # the whole word before the longer name
    index.set_open(["kochanski"])
    assert ids(index, "anna koch")[0] == "koch"  # exact full name still wins
    assert ids(index, "anna k")[0] == "kochanski"  # then people still expected
    index.mark_arrived("kochanski")
    assert ids(index, "anna k")[0] == "koch"
    index.mark_open("kochanski")
    assert ids(index, "anna k")[0] == "kochanski"


def test_namesakes_are_told_apart_by_organisation(index: SearchIndex) -> None:
    hits = index.search("jürgen müller")
    assert {h.attendee.organization for h in hits} == {"Universität Kassel", "TU Dresden"}


def test_add_replaces_an_edited_person() -> None:
    index = SearchIndex(PEOPLE)
    fixed = person("schmidt", "Lukas", "Schmied")
    index.add(fixed)
    assert "schmidt" not in ids(index, "lukas schmidt")[:1]
    assert ids(index, "schmied")[0] == "schmidt"
    assert len(index) == len(PEOPLE)
    index.add(person("new", "Zoë", "Quast"))
    assert ids(index, "zoe qu") == ["new"]
    assert ids(index, "quats") == ["new"]


@pytest.mark.parametrize("query", ["", "   ", "\x00\x1b[2J", "!!!", "x" * 10_000,
                                   "müller " * 2000, "🙂"])
def test_garbage_queries_are_harmless(index: SearchIndex, query: str) -> None:
    assert isinstance(index.search(query), list)


def test_limit_is_respected_on_one_letter(index: SearchIndex) -> None:
    assert len(index.search("m", limit=3)) == 3
