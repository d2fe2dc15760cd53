"""A name that a copula and a company's head word follow is a company (kg.extract.firmcopula). Sentences written
for these tests; the mentions are set, so the tests do not depend on what a model learnt."""

from __future__ import annotations

from kg.extract.firmcopula import described_firms
from kg.extract.gazindex import gaz_index
from kg.extract.lexicon import load_lexicon
from kg.extract.mentions import Mention
from kg.extract.text import split_sentences


def _typed(text: str, spans: list[tuple[int, int, str]], language: str = "id") -> list[tuple[str, str]]:
    lex = load_lexicon(language)
    s = split_sentences(text, [(0, len(text))], lex)[0]
    toks = s.tokens
    ms = [Mention(0, i, j, toks[i].start, toks[j - 1].end, text[toks[i].start : toks[j - 1].end], t,
                  text[toks[i].start : toks[j - 1].end].lower(), text[toks[i].start : toks[j - 1].end], "ner")
          for i, j, t in spans]
    return [(m.text, m.type) for m in described_firms(s, ms, lex, gaz_index(language))]


def test_a_place_or_person_described_as_a_firm_is_a_company():
    assert _typed("Karena Kebun Raya merupakan perusahaan Inggris , Disney menunda .", [(1, 3, "Place")]) == [
        ("Kebun Raya", "Company")]
    assert _typed("Teguh Jaya , yang adalah salah satu produsen tekstil , tutup .", [(0, 2, "Person")]) == [
        ("Teguh Jaya", "Company")]


def test_other_descriptions_types_and_languages_are_left_alone():
    assert _typed("Teguh Jaya merupakan pendiri perusahaan itu .", [(0, 2, "Person")]) == [("Teguh Jaya", "Person")]
    assert _typed("Kebun Raya merupakan perusahaan Inggris .", [(0, 2, "Organization")]) == [
        ("Kebun Raya", "Organization")]
    assert _typed("Green Hill is a company in Ohio .", [(0, 2, "Place")], "en") == [("Green Hill", "Place")]
