"""A place's name ends at a hyphen before a lowercase word ("Portland-area"), but not inside a doubled word
(kg.extract.mentions._name_mention). Sentences written for these tests."""

from __future__ import annotations

from kg.extract.gazindex import gaz_index
from kg.extract.lexicon import load_lexicon
from kg.extract.mentions import _name_mention
from kg.extract.text import split_sentences


def _place(text: str, i: int, j: int, language: str) -> str:
    (s,) = split_sentences(text, [(0, len(text))], load_lexicon(language))
    return _name_mention(s, i, j, "Place", gaz_index(language), "ner").text


def test_a_hyphen_suffix_is_cut_off_the_place() -> None:
    assert _place("a Portland-area chain said", 1, 2, "en") == "Portland"


def test_a_doubled_word_stays_whole() -> None:
    assert _place("tambang pasir di desa selok awar-awar merupakan lahan", 3, 6, "id") == "desa selok awar-awar"
