"""A head word a place's name leaves out in lowercased text (kg.extract.placehead). Sentences written for these
tests; the mentions are set, so the tests do not depend on what a model learnt."""

from __future__ import annotations

from kg.extract.gazindex import gaz_index
from kg.extract.lexicon import load_lexicon
from kg.extract.mentions import _name_mention
from kg.extract.placehead import without_place_heads
from kg.extract.text import split_sentences


def _places(text: str, i: int, j: int, etype: str = "Place") -> list[str]:
    lex, gaz = load_lexicon("id"), gaz_index("id")
    s = split_sentences(text, [(0, len(text))], lex)[0]
    return [m.text for m in without_place_heads(s, [_name_mention(s, i, j, etype, gaz, "ner")], lex, gaz)]


def test_the_city_head_goes_in_lowercased_text() -> None:
    assert _places("pemasok listrik untuk wilayah kota new york , kata dia .", 4, 7) == ["new york"]


def test_cased_text_a_lone_head_and_other_names_stay() -> None:
    assert _places("Pesawat itu bertolak dari Kota Tarakan pagi ini .", 4, 6) == ["Kota Tarakan"]
    assert _places("mereka tinggal di kota itu .", 3, 4) == ["kota"]
    assert _places("direktur kota baru properti mundur .", 1, 4, "Company") == ["kota baru properti"]
