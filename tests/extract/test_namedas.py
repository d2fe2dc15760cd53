"""A launch cue releases the product a title marker names, not the kind of product before the marker
(kg.extract.namedas). Sentences written for these tests; the mentions are set, so the tests do not depend on
what a model learnt."""

from __future__ import annotations

from kg.extract.cueparties import find_cues
from kg.extract.lexicon import load_lexicon
from kg.extract.mentions import Mention
from kg.extract.namedas import named_product
from kg.extract.text import Sentence, tokenize


def _named(text: str, spans: list[tuple[int, int]], obj: int) -> str:
    lex = load_lexicon("id")
    s = Sentence(0, 0, len(text), text, tuple(tokenize(text)))
    toks = s.tokens
    ms = [Mention(0, i, j, toks[i].start, toks[j - 1].end, text[toks[i].start : toks[j - 1].end], "Product",
                  text[toks[i].start : toks[j - 1].end].lower(), text[toks[i].start : toks[j - 1].end], "ner")
          for i, j in spans]
    h = next(h for h in find_cues(s, lex) if h.cue.relation == "launch")
    return named_product(s, lex, ms, h, ms[obj], len(toks)).text


def test_the_product_after_the_marker_is_launched():
    text = "Samsung mempersiapkan ponsel Android paling murah bernama Zorva Pocket ."
    assert _named(text, [(3, 4), (7, 9)], 0) == "Zorva Pocket"
    # in quotes
    text = "Label itu merilis album Zorva yang bertajuk \" Lagu Senja \" tahun ini ."
    assert _named(text, [(4, 5), (8, 10)], 0) == "Lagu Senja"


def test_no_marker_or_no_product_after_it_keeps_the_object():
    assert _named("Samsung mempersiapkan ponsel Android paling murah tahun ini .", [(3, 4)], 0) == "Android"
    assert _named("Samsung mempersiapkan ponsel Android bernama sandi rahasia .", [(3, 4)], 0) == "Android"
