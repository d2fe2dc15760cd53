"""A partnership firm named after its partners is one company (kg.extract.partnerfirms). Sentences written for
these tests; the mentions are set, so the tests do not depend on what a model learnt."""

from __future__ import annotations

from kg.extract.partnerfirms import partner_firms
from tests.extract.passrun import run_pass


def _firms(text: str, spans: list[tuple[int, int, str]], language: str = "en") -> list[tuple[str, str]]:
    return run_pass(partner_firms, text, spans, language, source="ner", looked_up=False)


def test_partners_read_as_a_list_become_one_firm():
    # the tagger's reading: a place for the first partner, a company for the rest
    got = _firms("Hutton met its adviser, Dillon, Read and Co since May.", [(5, 6, "Place"), (7, 10, "Company")])
    assert got == [("Dillon, Read and Co", "Company")]


def test_an_ampersand_firm_is_found_even_where_no_name_starts_it():
    got = _firms("said Kenneth Leon , an analyst with Bear , Stearns amp Co. , on Monday",
                 [(1, 3, "Person"), (9, 12, "Company")])
    assert got == [("Kenneth Leon", "Person"), ("Bear , Stearns amp Co.", "Company")]


def test_a_list_of_companies_stays_a_list():
    spans = [(3, 4, "Company"), (5, 6, "Company"), (7, 10, "Company")]
    got = _firms("It borrowed from Citibank, Chemical and Bankers Trust Co last year.", spans)
    assert got == [("Citibank", "Company"), ("Chemical", "Company"), ("Bankers Trust Co", "Company")]
    # the middle of a list: a comma after a name comes before the first partner
    spans = [(0, 3, "Company"), (4, 5, "Company"), (6, 9, "Company")]
    got = _firms("Harcourt Brace Inc, Kidder, Peabody and Co and others bid.", spans)
    assert ("Kidder", "Company") in got


def test_a_language_without_the_setting_is_left_alone():
    got = _firms("Hutton met its adviser, Dillon, Read and Co since May.", [(5, 6, "Place")], "id")
    assert got == [("Dillon", "Place")]
