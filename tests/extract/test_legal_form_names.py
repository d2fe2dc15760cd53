"""A legal form's name goes back over capitalised words that could start a cue but do not hold one
(kg.extract.mentions.find_names). Sentences written for these tests; only lists and patterns, no model."""

from __future__ import annotations

from kg.extract.gazindex import gaz_index
from kg.extract.lexicon import load_lexicon
from kg.extract.mentions import find_names
from kg.extract.text import split_sentences


def _names(text: str) -> list[tuple[str, str]]:
    lex = load_lexicon("en")
    s = split_sentences(text, [(0, len(text))], lex)[0]
    return [(m.text, m.type) for m in find_names(s, lex, gaz_index("en"))]


def test_a_word_that_only_starts_a_cue_stays_in_the_name():
    # "general" starts the cues "general counsel" and "general manager", "capital" starts "capital injection"
    assert ("Whittaker General Medical Corp", "Company") in _names(
        "It sold its Whittaker General Medical Corp subsidiary to Brell Inc.")
    assert ("Capital Wire and Cable Corp", "Company") in _names(
        "Investors raised their stake in Capital Wire and Cable Corp to 12 pct.")


def test_a_whole_cue_still_ends_the_name():
    # "supply" is a cue of one word: the name starts after it
    got = _names("It signed a deal with Supply Tenvar Corp last week.")
    assert ("Supply Tenvar Corp", "Company") not in got
