"""A Reuters stock code in angle brackets is no name of its own (kg.extract.cutshort.stock_code).

Sentences written for these tests (fictional names).
"""

from __future__ import annotations

from kg.extract import extract
from kg.extract.cutshort import stock_code
from kg.extract.lexicon import load_lexicon
from kg.extract.text import split_sentences
from kg.model import Article


def _sentence(text: str):
    return split_sentences(text, [(0, len(text))], load_lexicon("en"))[0]


def test_an_all_capitals_bracket_is_a_ticker_and_a_name_in_brackets_is_not():
    s = _sentence("Vexo bought a stake in Lumeo AB <LUMO ST> and in <Rolt Holdings Corp>.")
    words = [t.text for t in s.tokens]
    k = words.index("LUMO")
    assert stock_code(s, k, k + 2)
    r = words.index("Rolt")
    assert not stock_code(s, r, r + 3)
    assert not stock_code(s, k, k + 1)  # only part of what the bracket holds


def test_no_entity_is_made_of_a_ticker():
    x = extract(Article(id="t", text="Vexo Corp bought a stake in Swedish firm Lumeo AB <LUMO ST> on Monday.",
                        language="en"))
    assert not any("LUMO" in e.label for e in x.entities)
