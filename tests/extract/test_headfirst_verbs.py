"""A verb-shaped word after a head word ("Perusahaan Dukung ESG") is no line of business
(kg.extract.headfirst). Sentences written for these tests (fictional companies); the mentions are set by hand,
so the tests do not depend on what a model learnt."""

from __future__ import annotations

from kg.extract.gazindex import gaz_index
from kg.extract.headfirst import head_first_spans
from kg.extract.lexicon import load_lexicon
from kg.extract.mentions import Mention
from kg.extract.text import split_sentences


def _lines(text: str, i: int, j: int) -> list[str]:
    """The lines of business read for a company over tokens ``i:j``."""
    lex = load_lexicon("id")
    gaz_index("id")
    s = split_sentences(text, [(0, len(text))], lex)[0]
    toks = s.tokens
    name = text[toks[i].start : toks[j - 1].end]
    m = Mention(0, i, j, toks[i].start, toks[j - 1].end, name, "Company", name.lower(), name, "ner")
    return [" ".join(t.text for t in toks[a:b]) for _, (a, b) in head_first_spans(s, [m], "id")]


def test_a_headline_verb_after_the_head_word_is_no_line_of_business():
    assert _lines("Insentif Pajak Bagi Perusahaan Dukung Tirtaloka", 5, 6) == []
    assert _lines("Insentif Pajak Bagi Perusahaan Salurkan Tirtaloka", 5, 6) == []


def test_a_noun_of_the_trade_is_still_read():
    assert _lines("Insentif Pajak Bagi Perusahaan Perbankan Tirtaloka", 5, 6) == ["Perbankan"]
    assert _lines("Insentif Pajak Bagi Perusahaan Tambang Tirtaloka", 5, 6) == ["Tambang"]
