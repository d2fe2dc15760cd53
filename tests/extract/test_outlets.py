"""A name after a citation verb is the news outlet quoted, a company (kg.extract.outlets). Sentences written for
these tests; the mentions are set, so the tests do not depend on what a model learnt."""

from __future__ import annotations

from kg.extract.gazindex import gaz_index
from kg.extract.lexicon import load_lexicon
from kg.extract.mentions import Mention
from kg.extract.outlets import cited_outlets
from kg.extract.text import split_sentences


def _typed(text: str, spans: list[tuple[int, int, str]], language: str = "id") -> list[tuple[str, str]]:
    lex = load_lexicon(language)
    s = split_sentences(text, [(0, len(text))], lex)[0]
    toks = s.tokens
    ms = [Mention(0, i, j, toks[i].start, toks[j - 1].end, text[toks[i].start : toks[j - 1].end], t,
                  text[toks[i].start : toks[j - 1].end].lower(), text[toks[i].start : toks[j - 1].end], "ner")
          for i, j, t in spans]
    return [(m.text, m.type) for m in cited_outlets(s, ms, lex, gaz_index(language))]


def test_a_product_after_a_citation_verb_is_the_outlet():
    assert _typed("ujar direktur itu , sebagaimana dikutip the daily courier .", [(6, 9, "Product")]) == [
        ("the daily courier", "Company")]
    assert _typed("hal itu dilansir dari kabar kilat , senin .", [(4, 6, "Product")]) == [("kabar kilat", "Company")]


def test_other_types_other_places_and_english_are_left_alone():
    # a person quoted keeps its type; a product not after the verb stays a product
    assert _typed("mengutip joko susilo , harga naik .", [(1, 3, "Person")]) == [("joko susilo", "Person")]
    assert _typed("perusahaan itu merilis kabar kilat .", [(3, 5, "Product")]) == [("kabar kilat", "Product")]
    assert _typed("as quoted by the daily courier .", [(3, 6, "Product")], "en") == [("the daily courier", "Product")]
