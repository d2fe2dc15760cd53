"""A name after a citation verb is the news outlet quoted, a company (kg.extract.outlets). Sentences written for
these tests; the mentions are set, so the tests do not depend on what a model learnt."""

from __future__ import annotations

from kg.extract.outlets import cited_outlets
from tests.extract.passrun import run_pass


def _typed(text: str, spans: list[tuple[int, int, str]], language: str = "id") -> list[tuple[str, str]]:
    return run_pass(cited_outlets, text, spans, language, source="ner", looked_up=False)


def test_a_product_after_a_citation_verb_is_the_outlet():
    assert _typed("ujar direktur itu , sebagaimana dikutip the daily courier .", [(6, 9, "Product")]) == [
        ("the daily courier", "Company")]
    assert _typed("hal itu dilansir dari kabar kilat , senin .", [(4, 6, "Product")]) == [("kabar kilat", "Company")]


def test_other_types_other_places_and_english_are_left_alone():
    # a person quoted keeps its type; a product not after the verb stays a product
    assert _typed("mengutip joko susilo , harga naik .", [(1, 3, "Person")]) == [("joko susilo", "Person")]
    assert _typed("perusahaan itu merilis kabar kilat .", [(3, 5, "Product")]) == [("kabar kilat", "Product")]
    assert _typed("as quoted by the daily courier .", [(3, 6, "Product")], "en") == [("the daily courier", "Product")]
