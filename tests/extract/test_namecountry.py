"""A country's word that is a word of a company's name (kg.extract.namecountry). Sentences written for these
tests; the mentions are set, so the tests do not depend on what a model learnt."""

from __future__ import annotations

from kg.extract.namecountry import countries_in_names
from tests.extract.passrun import run_pass


def _joined(text: str, spans: list[tuple[int, int, str]], language: str = "en") -> list[tuple[str, str]]:
    return run_pass(countries_in_names, text, spans, language, source="ner")


def test_of_america_after_a_legal_form_is_the_companys():
    # the tagger's run may hold the "of" already
    got = _joined("It is a unit of Aluminum Co of America, he said.", [(5, 8, "Company"), (8, 9, "Country")])
    assert got == [("Aluminum Co of America", "Company")]


def test_americas_before_a_company_is_its_first_word():
    got = _joined("It sold its America's Pharmacy Inc unit.", [(3, 4, "Country"), (5, 7, "Company")])
    assert got == [("America's Pharmacy Inc", "Company")]


def test_other_countries_and_other_shapes_stay_apart():
    spans = [(0, 3, "Company"), (4, 5, "Country")]
    assert _joined("Nippon Steel Co of Japan said so.", spans) == [("Nippon Steel Co", "Company"), ("Japan", "Country")]
    # no legal form before "of": a company's place, not its name
    spans = [(0, 1, "Company"), (4, 5, "Country")]
    assert _joined("Exxon sold assets of America yesterday.", spans) == [("Exxon", "Company"), ("America", "Country")]


def test_a_language_without_the_setting_is_left_alone():
    spans = [(0, 2, "Company"), (3, 4, "Country")]
    assert _joined("Development Corp of America said so.", spans, "id") == [("Development Corp", "Company"),
                                                                            ("America", "Country")]
