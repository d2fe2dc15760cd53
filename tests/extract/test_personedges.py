"""A person's edges: a left-out initial, a storm or time word (kg.extract.personedges). Sentences written for
these tests; the mentions are set, so the tests do not depend on what a model learnt."""

from __future__ import annotations

from kg.extract.personedges import person_edges
from tests.extract.passrun import run_pass


def _edged(text: str, spans: list[tuple[int, int, str]], language: str = "en") -> list[tuple[str, str]]:
    return run_pass(person_edges, text, spans, language, source="ner")


def test_a_left_out_initial_is_the_first_word():
    # tokens: Its officer H . Neil Nichols said so .
    assert _edged("Its officer H. Neil Nichols said so.", [(4, 6, "Person")]) == [("H. Neil Nichols", "Person")]
    assert _edged("J.R. Ewing said so.", [(2, 3, "Person")]) == [("J.R. Ewing", "Person")]


def test_no_initial_after_a_comma_nor_inside_another_name_nor_a_known_place():
    # "Trenton, N.J." is a town and its state
    assert _edged("It is in Trenton, N.J. Smith said.", [(7, 8, "Person")]) == [("Smith", "Person")]
    # "U.S." is a country the lists know
    assert _edged("The U.S. Smith said so.", [(3, 4, "Person")]) == [("Smith", "Person")]
    got = _edged("Its officer H. Neil Nichols said so.", [(2, 3, "Company"), (4, 6, "Person")])
    assert got == [("H", "Company"), ("Neil Nichols", "Person")]
    # other kinds of name are left alone
    assert _edged("Its officer H. Neil Corp said so.", [(4, 6, "Company")]) == [("Neil Corp", "Company")]


def test_a_storm_or_a_time_word_is_no_person():
    assert _edged("Damage from Hurricane Hugo rose.", [(2, 4, "Person")]) == []
    assert _edged("Tonight , a spokesman said so.", [(0, 1, "Person")]) == []
    # other kinds are left alone
    assert _edged("Damage from Hurricane Hugo rose.", [(2, 4, "Product")]) == [("Hurricane Hugo", "Product")]


def test_off_where_the_language_does_not_set_it():
    # Indonesian has neither key
    assert _edged("Kata H. Neil Nichols kemarin.", [(3, 5, "Person")], "id") == [("Neil Nichols", "Person")]
