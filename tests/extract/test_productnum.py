"""A model number ends the product name before it (kg.extract.productnum). Sentences written for these tests;
the mentions are set, so the tests do not depend on what a model learnt."""

from __future__ import annotations

from kg.extract.gazindex import gaz_index
from kg.extract.lexicon import load_lexicon
from kg.extract.mentions import Mention
from kg.extract.productnum import product_numbers
from kg.extract.text import split_sentences


def _numbers(text: str, spans: list[tuple[int, int, str]], language: str = "id") -> list[tuple[str, str]]:
    lex = load_lexicon(language)
    s = split_sentences(text, [(0, len(text))], lex)[0]
    toks = s.tokens
    ms = [Mention(0, i, j, toks[i].start, toks[j - 1].end, text[toks[i].start : toks[j - 1].end], t,
                  text[toks[i].start : toks[j - 1].end].lower(), text[toks[i].start : toks[j - 1].end], "ner")
          for i, j, t in spans]
    return [(m.text, m.type) for m in product_numbers(s, ms, lex, gaz_index(language))]


def test_the_number_after_a_product_is_its_own():
    got = _numbers("sistem operasi Windows Mobile 7 besutan Microsoft", [(2, 4, "Product"), (6, 7, "Company")])
    assert got == [("Windows Mobile 7", "Product"), ("Microsoft", "Company")]


def test_a_year_a_company_or_another_language_keeps_its_number_apart():
    assert _numbers("ponsel Galaxy S6 2015", [(1, 3, "Product")]) == [("Galaxy S6", "Product")]
    assert _numbers("saham Indofood 5 persen", [(1, 2, "Company")]) == [("Indofood", "Company")]
    assert _numbers("the new Windows Mobile 7", [(2, 4, "Product")], "en") == [("Windows Mobile", "Product")]
