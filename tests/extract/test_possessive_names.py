"""A name whose "'s" owns nothing keeps it (kg.extract.possessive.with_possessive); a tagger's person or place so
written is a company. Sentences written for these tests; the mentions are set, no model is read."""

from __future__ import annotations

from kg.extract.gazindex import gaz_index
from kg.extract.lexicon import load_lexicon
from kg.extract.mentions import _name_mention
from kg.extract.possessive import with_possessive
from kg.extract.text import split_sentences


def _names(text: str, spans: list[tuple[int, int, str, str]]) -> list[tuple[str, str]]:
    lex, gaz = load_lexicon("en"), gaz_index("en")
    s = split_sentences(text, [(0, len(text))], lex)[0]
    ms = [_name_mention(s, i, j, t, gaz, src) for i, j, t, src in spans]
    return [(m.text, m.type) for m in with_possessive(s, ms, lex, gaz)]


def test_a_tagger_person_whose_possessive_owns_nothing_is_a_company():
    got = _names("Then Josten's will own 20 pct of it.", [(1, 2, "Person", "ner")])
    assert got == [("Josten's", "Company")]


def test_a_possessive_that_owns_something_stays_apart():
    assert _names("Icahn's shares rose.", [(0, 1, "Person", "ner")]) == [("Icahn", "Person")]
    # a rule's person (not the tagger's) is left as it is
    assert _names("Then Josten's will own it.", [(1, 2, "Person", "pattern")]) == [("Josten", "Person")]
