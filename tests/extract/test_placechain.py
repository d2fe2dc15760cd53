"""A place read across a comma is a town and its region (kg.extract.placechain.split_addresses).

Every sentence here was written for these tests (fictional companies).
"""

from __future__ import annotations

from kg.extract.gazindex import gaz_index
from kg.extract.lexicon import load_lexicon
from kg.extract.mentions import _name_mention
from kg.extract.placechain import split_addresses
from kg.extract.text import split_sentences


def _sentence(text: str):  # type: ignore[no-untyped-def]
    (s,) = split_sentences(text, [(0, len(text))], load_lexicon("en"))
    return s


def test_a_town_and_its_state_read_as_one_place_are_two() -> None:
    s, gaz = _sentence("Lumeo Corp of Springfield, Va., said it grew."), gaz_index("en")
    whole = _name_mention(s, 3, 7, "Place", gaz, "tagger")  # "Springfield, Va." as the tagger may read it
    assert whole.text == "Springfield, Va."
    parts = split_addresses(s, [whole], gaz)
    assert [(m.text, m.type, m.source) for m in parts] == [("Springfield", "Place", "tagger"),
                                                           ("Va.", "Place", "tagger")]


def test_a_town_and_its_country_keep_their_types() -> None:
    s, gaz = _sentence("Vexo SA of Lyon , France said it grew."), gaz_index("en")
    parts = split_addresses(s, [_name_mention(s, 3, 6, "Place", gaz)], gaz)
    assert [(m.text, m.type) for m in parts] == [("Lyon", "Place"), ("France", "Country")]


def test_other_names_stay_whole() -> None:
    s, gaz = _sentence("Tarsa, Lumeo and Vexo said so."), gaz_index("en")
    company = _name_mention(s, 0, 3, "Company", gaz)  # a company's name is not split here
    assert split_addresses(s, [company], gaz) == [company]
