"""A tagger's organisation written as a person's name with a middle initial is a person
(kg.extract.taggerruns.initialled_name, asked by kg.extract.learned.tagged_names)."""

from __future__ import annotations

from kg.extract.taggerruns import initialled_name
from kg.extract.text import tokenize


def test_first_name_initial_surname_is_a_person():
    toks = tokenize("Melvyn N. Klein and Jack E. Manning Jr. joined the board")
    assert initialled_name(toks, 0, 4)
    assert initialled_name(toks, 5, 11)  # with "Jr."


def test_other_shapes_are_not():
    toks = tokenize("J.M. Smith Inc and U.S. Steel and IBM A. G. Corp")
    assert not initialled_name(toks, 0, 3)  # "J.M. Smith"
    assert not initialled_name(toks, 5, 8)  # "U.S. Steel"
    assert not initialled_name(toks, 9, 12)  # "IBM A." (an acronym first)
