"""A maker's name at the start of a caseless product run is the company (kg.extract.makersplit). Sentences
written for these tests; the mentions are set, so the tests do not depend on what a model learnt."""

from __future__ import annotations

from kg.extract.gazindex import gaz_index
from kg.extract.lexicon import load_lexicon
from kg.extract.makersplit import split_makers
from kg.extract.mentions import Mention
from kg.extract.text import split_sentences


def _split(text: str, spans: list[tuple[int, int, str]], language: str = "id") -> list[tuple[str, str]]:
    lex = load_lexicon(language)
    s = split_sentences(text, [(0, len(text))], lex)[0]
    toks = s.tokens
    ms = [Mention(0, i, j, toks[i].start, toks[j - 1].end, text[toks[i].start : toks[j - 1].end], t,
                  text[toks[i].start : toks[j - 1].end].lower(), text[toks[i].start : toks[j - 1].end], "ner")
          for i, j, t in spans]
    return [(m.text, m.type) for m in split_makers(s, ms, lex, gaz_index(language))]


def test_a_maker_then_a_model_with_a_number_is_two_names():
    assert _split("xiaomi redmi note 5 dikabarkan memakai bodi aluminium .", [(0, 4, "Product")]) == [
        ("xiaomi", "Company"), ("redmi note 5", "Product")]
    assert _split("di ponsel andalan mereka htc one m8 dan m7 .", [(4, 7, "Product")]) == [
        ("htc", "Company"), ("one m8", "Product")]


def test_a_bare_number_a_name_without_digits_or_cased_text_stay_whole():
    assert _split("ponsel blackberry 10 dirilis .", [(1, 3, "Product")]) == [("blackberry 10", "Product")]
    assert _split("layanan bri transfer lounge dibuka .", [(1, 4, "Product")]) == [("bri transfer lounge", "Product")]
    assert _split("Ponsel Xiaomi Redmi Note 5 dirilis .", [(1, 5, "Product")]) == [("Xiaomi Redmi Note 5", "Product")]
    assert _split("the xiaomi redmi note 5 is out .", [(1, 5, "Product")], "en") == [("xiaomi redmi note 5", "Product")]
