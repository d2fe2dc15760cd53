"""Measures and amounts are no model codes in caseless text (kg.extract.coded, ``quantity_units`` and
``codes.txt`` of ontology/lang/id). Sentences written for these tests (fictional products)."""

from __future__ import annotations

from kg.extract.coded import coded_products
from kg.extract.gazindex import gaz_index
from kg.extract.lexicon import load_lexicon
from kg.extract.text import split_sentences


def _products(text: str) -> list[str]:
    lex = load_lexicon("id")
    s = split_sentences(text, [(0, len(text))], lex)[0]
    return [m.text for m in coded_products(s, lex, gaz_index("id"), []) if m.type == "Product"]


def test_a_unit_written_onto_the_number_makes_a_measure():
    assert _products("ponsel zorvax x7 punya rom 64gb dan kamera 48mp .") == ["zorvax x7"]


def test_a_unit_after_a_number_with_decimals_makes_a_measure():
    assert _products("layar lebar zorvax 6,5 inci , lebih besar dari zorvax x5 .") == ["zorvax x5"]


def test_a_currency_code_before_a_number_makes_an_amount():
    assert _products("zorvax x7 dijual seharga cny 1499 di tiongkok .") == ["zorvax x7"]
