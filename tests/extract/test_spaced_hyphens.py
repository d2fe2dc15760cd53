"""A hyphen written apart inside a name in text tokenized word by word (kg.extract.nameruns.spaced_hyphens).
Sentences written for these tests; the mentions are set, so the tests do not depend on what a model learnt."""

from __future__ import annotations

from kg.extract.nameruns import spaced_hyphens
from tests.extract.passrun import run_pass


def _joined(text: str, spans: list[tuple[int, int, str]], language: str = "en") -> list[tuple[str, str]]:
    return run_pass(spaced_hyphens, text, spans, language, source="ner")


def test_a_word_before_the_hyphen_joins_the_name():
    got = _joined("He was head of the Times - Mirror Publishing Group , as an adviser .", [(7, 10, "Company")])
    assert got == [("Times - Mirror Publishing Group", "Company")]


def test_a_place_on_either_side_stays_apart():
    spans = [(3, 5, "Place"), (6, 7, "Company")]
    got = _joined("It is based in San Jose - Cisco , he said .", [(s + 1, e + 1, t) for s, e, t in spans])
    assert got == [("San Jose", "Place"), ("Cisco", "Company")]


def test_ordinary_text_keeps_a_dash_between_names():
    # no comma or possessive standing apart: a dash between two names ("Review - Microsoft Corp" in a byline)
    got = _joined("Straits Review - Microsoft Corp said it will grow.", [(0, 2, "Company"), (3, 5, "Company")])
    assert got == [("Straits Review", "Company"), ("Microsoft Corp", "Company")]
