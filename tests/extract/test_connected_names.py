"""A foreign name's connector joins the words on both sides (kg.extract.nameruns.connected_names). Sentences
written for these tests; the mentions are set, so the tests do not depend on what a model learnt."""

from __future__ import annotations

from kg.extract.nameruns import connected_names
from tests.extract.passrun import run_pass


def _joined(text: str, spans: list[tuple[int, int, str]], language: str = "en") -> list[tuple[str, str]]:
    return run_pass(connected_names, text, spans, language, source="ner")


def test_two_pieces_of_a_company_become_one():
    got = _joined("Regie Nationale des Usines Renault said it signed.", [(0, 2, "Company"), (3, 5, "Company")])
    assert got == [("Regie Nationale des Usines Renault", "Company")]


def test_a_person_with_an_article_stays_a_person():
    got = _joined("A suit was filed by Eduardo de los Angeles, a nominee.", [(5, 6, "Person"), (8, 9, "Person")])
    assert got == [("Eduardo de los Angeles", "Person")]


def test_a_left_name_that_took_the_connector():
    # the tagger read "Eduardo de" and "Angeles"
    got = _joined("A suit was filed by Eduardo de los Angeles, a nominee.", [(5, 7, "Person"), (8, 9, "Person")])
    assert got == [("Eduardo de los Angeles", "Person")]


def test_lowercase_words_and_other_languages_are_left_alone():
    assert _joined("Shares of Exxon de facto rose.", [(2, 3, "Company")]) == [("Exxon", "Company")]
    got = _joined("Kantor Bank Mandiri de Jakarta dibuka.", [(1, 3, "Company"), (4, 5, "Place")], "id")
    assert got == [("Bank Mandiri", "Company"), ("Jakarta", "Place")]
