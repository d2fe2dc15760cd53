"""The only company of a title-case headline or a caseless sentence launched the products it names
(kg.extract.lonemaker). Sentences written for these tests; the mentions are set, so the tests do not depend on what
a model learnt."""

from __future__ import annotations

import dataclasses

from kg.extract.cueparties import find_cues
from kg.extract.lexicon import load_lexicon
from kg.extract.lonemaker import lone_maker
from kg.extract.mentions import Mention
from kg.extract.text import Sentence, tokenize


def _links(text: str, spans: list[tuple[int, int, str, str]], language: str = "id",
           label: str | None = None) -> list[tuple[str, str, str]]:
    lex = load_lexicon(language)
    s = Sentence(0, 0, len(text), text, tuple(tokenize(text)))
    toks = s.tokens
    ms = [Mention(0, i, j, toks[i].start, toks[j - 1].end, text[toks[i].start : toks[j - 1].end], t,
                  text[toks[i].start : toks[j - 1].end].lower(), text[toks[i].start : toks[j - 1].end], src)
          for i, j, t, src in spans]
    if label is not None:  # the company's label (a ticker's company)
        ms = [dataclasses.replace(m, label=label) if m.type == "Company" else m for m in ms]
    return [(f.subject.text, f.object.text, f.status) for f in lone_maker(s, lex, ms, find_cues(s, lex))]


def test_the_lone_company_of_a_headline_launched_its_product():
    got = _links("Lewat Zorvapay, BRI Dukung Pemerataan Ekonomi",
                 [(1, 2, "Product", "ner"), (3, 4, "Company", "gazetteer")])
    assert got == [("BRI", "Zorvapay", "asserted")]


def test_two_companies_a_launch_cue_or_a_tagger_company_link_nothing():
    # two companies: which one made it is not said
    assert _links("Lewat Zorvapay, BRI Gandeng BNI Dorong Ekonomi",
                  [(1, 2, "Product", "ner"), (3, 4, "Company", "gazetteer"), (5, 6, "Company", "gazetteer")]) == []
    # a launch cue reads the pair itself (with its status)
    assert _links("BRI Luncurkan Zorvapay Pada Semester II",
                  [(0, 1, "Company", "gazetteer"), (2, 3, "Product", "ner")]) == []
    # a "product" named by the company's own words is the company misread
    assert _links("Saham Merdeka Copper Gold Naik, Merdeka Copper Jadi Incaran",
                  [(1, 4, "Company", "gazetteer"), (6, 8, "Product", "ner")]) == []
    # ... or by the words of the company the ticker stands for
    got = _links("Merdeka Copper (MDKA) Terbitkan Obligasi Jumbo",
                 [(0, 2, "Product", "ner"), (3, 4, "Company", "gazetteer")], label="Merdeka Copper Gold")
    assert got == []
    # a company only the tagger knows is too often a product itself
    assert _links("BI Ungkap Keuntungan Disimpan di Zorvb & Zorvc",
                  [(5, 6, "Company", "ner"), (7, 8, "Product", "ner")]) == []


def test_a_caseless_sentence_is_read_too():
    got = _links("nasabah bank bri kini bisa memakai zorva lounge di bandara .",
                 [(1, 3, "Company", "gazetteer"), (6, 8, "Product", "ner")])
    assert got == [("bank bri", "zorva lounge", "asserted")]


def test_sentence_case_and_english_are_not_read():
    assert _links("Menurut analis , Zorvapay milik BRI tumbuh pesat tahun ini .",
                  [(3, 4, "Product", "ner"), (5, 6, "Company", "gazetteer")]) == []
    assert _links("Via Zorvapay, IBM Backs Growth",
                  [(1, 2, "Product", "ner"), (3, 4, "Company", "gazetteer")], "en") == []
