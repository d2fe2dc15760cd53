"""A listed company and the capitalised word of a unit name a company of its own (kg.extract.mentions,
``company_unit_tails``). Sentences written for these tests."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article


@pytest.mark.parametrize(("text", "label"), [
    ("Kabar IPO BCA Digital, Ini Kata Bosnya", "BCA Digital"),
    ("Prudential Syariah Pede Produk Kesehatan Akan Laris", "Prudential Syariah"),
])
def test_a_listed_company_and_its_unit_word_are_one_company(text: str, label: str) -> None:
    x = extract(Article(id="t", text=text, language="id"))
    assert label in {e.label for e in x.entities if e.type == "Company"}


def test_a_lowercase_unit_word_is_no_part_of_the_name() -> None:
    text = "Saham BCA digital banking naik pekan ini."
    x = extract(Article(id="t", text=text, language="id"))
    assert "BCA Digital" not in {e.label for e in x.entities}


def test_the_unit_name_is_a_list_name_a_tagger_run_inside_it_does_not_displace():
    from kg.extract.gazindex import gaz_index
    from kg.extract.lexicon import load_lexicon
    from kg.extract.mentions import find_names
    from kg.extract.text import split_sentences

    text = "Kabar IPO BCA Digital alias Blu, Ini Kata Bosnya"
    lex = load_lexicon("id")
    s = split_sentences(text, [(0, len(text))], lex)[0]
    got = [(m.text, m.source) for m in find_names(s, lex, gaz_index("id")) if m.type == "Company"]
    assert ("BCA Digital", "gazetteer") in got
