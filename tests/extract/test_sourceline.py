"""A wire service's source line names a place and the source it was read from (kg.extract.sourceline).

The place and source names here are real wire sources and cities; the lines are written for these tests.
"""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article


def _entities(text: str, language: str = "en") -> set[tuple[str, str]]:
    x = extract(Article(id="t", text=text, language=language))
    return {(e.label, e.type) for e in x.entities}


@pytest.mark.parametrize(("text", "place", "source"), [
    ("Lima EL COMERCIO", "Lima", "EL COMERCIO"),  # a place kg does not list: one capitalised word
    ("Beirut Radio Lebanon", "Beirut", "Radio Lebanon"),  # a broadcaster's word opens the source
    ("Paris AFP", "Paris", "AFP"),
    ("Beijing CHINA DAILY ( SCIENCE MEDICINE )", "Beijing", "CHINA DAILY"),  # the section in brackets is no name
    ("Flood Damage Assessed OW1304082694 Magadan Radio Magadan in Russian 0700 GMT 5 Apr 94", "Magadan",
     "Radio Magadan"),  # after a document code the source ends at "in <language>"
])
def test_a_source_line_names_a_place_and_an_organization(text: str, place: str, source: str) -> None:
    found = _entities(text)
    assert any(label == place and t in ("Place", "Country") for label, t in found)
    assert any(label == source and t in ("Organization", "Company") for label, t in found)


@pytest.mark.parametrize(("text", "wrong"), [
    ("Shares IPO", "Shares"),  # a word of the language names no place
    ("Texas Instruments IPO", "Instruments IPO"),  # a name across the place and the rest: no source line
])
def test_a_short_line_of_other_names_is_no_source_line(text: str, wrong: str) -> None:
    found = _entities(text)
    assert not any(label == wrong for label, _ in found)
    assert not any(t == "Place" and label in ("Shares", "Texas") for label, t in found)


def test_a_language_without_source_words_reads_no_source_lines() -> None:
    from kg.extract.gazindex import gaz_index
    from kg.extract.lexicon import load_lexicon
    from kg.extract.sourceline import source_line
    from kg.extract.text import split_sentences

    s = split_sentences("Jakarta BISNIS INDONESIA", [(0, 24)], load_lexicon("id"))[0]
    assert source_line(s, [], gaz_index("id"), load_lexicon("id")) == []
