"""A tagger's name takes the kind of the other names of its list (kg.extract.listkind). Sentences written for
these tests; the mentions are set, so the tests do not depend on what a model learnt."""

from __future__ import annotations

import pytest

from kg.extract.gazindex import gaz_index
from kg.extract.lexicon import load_lexicon
from kg.extract.listkind import list_kinds
from kg.extract.mentions import Mention
from kg.extract.text import split_sentences


def _kinds(text: str, spans: list[tuple[int, int, str, str]], language: str = "id") -> list[tuple[str, str]]:
    lex = load_lexicon(language)
    s = split_sentences(text, [(0, len(text))], lex)[0]
    toks = s.tokens
    ms = [Mention(0, i, j, toks[i].start, toks[j - 1].end, text[toks[i].start : toks[j - 1].end], t,
                  text[toks[i].start : toks[j - 1].end].lower(), text[toks[i].start : toks[j - 1].end], src)
          for i, j, t, src in spans]
    return [(m.text, m.type) for m in list_kinds(s, ms, lex, gaz_index(language))]


def test_a_tagger_person_among_companies_is_a_company():
    text = "pemasok utama seperti hewlett packard , dell , sony dan apple ."
    got = _kinds(text, [(3, 5, "Person", "ner"), (6, 7, "Company", "ner"), (8, 9, "Company", "gazetteer"),
                        (10, 11, "Company", "gazetteer")])
    assert got[0] == ("hewlett packard", "Company")


def test_a_tagger_person_among_places_is_a_place():
    text = "warga limo , depok , jawa barat mengeluh ."
    got = _kinds(text, [(1, 2, "Person", "ner"), (3, 4, "Place", "gazetteer"), (5, 7, "Place", "gazetteer")])
    assert got[0] == ("limo", "Place")


@pytest.mark.parametrize(("text", "spans"), [
    # two names are no list: a company and the person who leads it
    ("kata Budi Santoso dan Indofood kemarin .", [(1, 3, "Person", "ner"), (4, 5, "Company", "gazetteer")]),
    # the others are of two kinds
    ("Budi , Indofood dan Jakarta .", [(0, 1, "Person", "ner"), (2, 3, "Company", "gazetteer"),
                                      (4, 5, "Place", "gazetteer")]),
    # a list's name (no tagger's) keeps its kind
    ("Budi , Indofood dan Wings .", [(0, 1, "Person", "gazetteer"), (2, 3, "Company", "gazetteer"),
                                    (4, 5, "Company", "gazetteer")]),
    # a place among countries stays a place
    ("AS , Jepang , Eropa dan China .", [(0, 1, "Country", "gazetteer"), (2, 3, "Country", "gazetteer"),
                                        (4, 5, "Place", "ner"), (6, 7, "Country", "gazetteer")]),
    # words between the names: no list
    ("Budi bertemu Indofood , lalu Wings .", [(0, 1, "Person", "ner"), (2, 3, "Company", "gazetteer"),
                                             (5, 6, "Company", "gazetteer")]),
])
def test_other_names_keep_their_kind(text, spans):
    assert [t for _, t in _kinds(text, spans)] == [sp[2] for sp in spans]


def test_off_where_the_language_does_not_set_it(monkeypatch):
    text = "suppliers such as Hewlett Packard , Dell , Sony and Apple ."
    spans = [(3, 5, "Person", "ner"), (6, 7, "Company", "ner"), (8, 9, "Company", "gazetteer"),
             (10, 11, "Company", "gazetteer")]
    assert _kinds(text, spans, "en")[0] == ("Hewlett Packard", "Company")
    monkeypatch.setitem(load_lexicon("en").settings, "list_kinds", False)
    assert _kinds(text, spans, "en")[0] == ("Hewlett Packard", "Person")


def test_a_headline_comma_ends_the_list():
    text = "Ada Pegadaian & BSI, Erick Thohir Ajak Pekerja Migran RI Nabung Emas"
    got = _kinds(text, [(1, 2, "Company", "gazetteer"), (3, 4, "Company", "gazetteer"), (5, 7, "Person", "ner")])
    assert got[2] == ("Erick Thohir", "Person")


def test_a_headline_list_closed_by_a_joining_word_is_a_list():
    text = "Kelimanya Adalah PT Sinarmas, Indofood Dan Minamas"
    got = _kinds(text, [(2, 4, "Company", "pattern"), (5, 6, "Company", "ner"), (7, 8, "Place", "ner")])
    assert got[2] == ("Minamas", "Company")


def test_english_reads_lists_too():
    # "Goldman , Morgan , BP and Shell": the tagger's place among companies is a company
    text = "Goldman , Morgan , BP and Shell plan a site ."
    got = _kinds(text, [(0, 1, "Place", "ner"), (2, 3, "Company", "ner"), (4, 5, "Company", "gazetteer"),
                        (6, 7, "Company", "gazetteer")], "en")
    assert got[0] == ("Goldman", "Company")
    # two names joined are no list: a person and the company they lead
    got = _kinds("Pickens and Mesa said so .", [(0, 1, "Person", "ner"), (2, 3, "Company", "ner")], "en")
    assert got[0] == ("Pickens", "Person")


def test_english_turns_names_into_companies_only():
    # an address before a clause's subject is no list of places: "in Rockville , Md. , Bernero said"
    text = "At a briefing in Rockville , Md. , Bernero said so ."
    got = _kinds(text, [(4, 5, "Place", "ner"), (6, 8, "Place", "ner"), (9, 10, "Person", "ner")], "en")
    assert got[-1] == ("Bernero", "Person")
    # (without the limit, the person among places would be turned)
    lex = load_lexicon("en")
    targets = lex.settings.pop("list_kind_targets")
    try:
        got = _kinds(text, [(4, 5, "Place", "ner"), (6, 8, "Place", "ner"), (9, 10, "Person", "ner")], "en")
    finally:
        lex.settings["list_kind_targets"] = targets
    assert got[-1] == ("Bernero", "Place")
