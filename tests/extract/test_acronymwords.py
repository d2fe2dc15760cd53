"""Acronyms of common nouns name nothing and end no name (kg.extract.acronymwords). Sentences written for these
tests; the mentions are set, so the tests do not depend on what a model learnt."""

from __future__ import annotations

from kg.extract.acronymwords import without_common_acronyms
from tests.extract.passrun import run_pass


def _kept(text: str, spans: list[tuple[int, int, str]], language: str = "en") -> list[tuple[str, str]]:
    return run_pass(without_common_acronyms, text, spans, language, source="ner")


def test_an_acronym_alone_is_no_name():
    assert _kept("Acme signed an MoU with Vexo on the IPO .", [(3, 4, "Company"), (8, 9, "Company")]) == []
    assert _kept("It met many VIP guests .", [(3, 4, "Organization")]) == []


def test_a_title_at_either_edge_is_cut():
    assert _kept("He was Safaricom CEO for years .", [(2, 4, "Company")]) == [("Safaricom", "Company")]
    assert _kept("Its founder and CEO Israel Kreps spoke .", [(3, 6, "Person")]) == [("Israel Kreps", "Person")]
    # with its dots: tokens "C.E.O" "."
    assert _kept("As Apple C.E.O. he spoke .", [(1, 4, "Company")]) == [("Apple", "Company")]


def test_only_written_in_capitals_and_only_listed():
    # "Ceo" is no acronym as written; "SDK" is not listed (the gold tags it as a product)
    assert _kept("Ceo Smith spoke .", [(0, 2, "Person")]) == [("Ceo Smith", "Person")]
    assert _kept("The iPhone SDK shipped .", [(2, 3, "Product")]) == [("SDK", "Product")]


def test_a_language_without_the_list_is_left_alone():
    assert _kept("Kata CEO Vexo kemarin .", [(1, 3, "Company")], "id") == [("CEO Vexo", "Company")]
