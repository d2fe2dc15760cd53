"""A tagger's person, place or organisation cut out of a longer name is dropped (kg.extract.cutshort).

Sentences written for these tests (fictional names).
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from kg.extract.cutshort import cut_short
from kg.extract.lexicon import load_lexicon
from kg.extract.text import split_sentences


def _sentence(text: str, language: str = "en"):
    return split_sentences(text, [(0, len(text))], load_lexicon(language))[0]


def _at(s, word: str) -> int:
    return next(k for k, t in enumerate(s.tokens) if t.text == word)


@pytest.mark.parametrize("etype", ["Place", "Person", "Organization"])
def test_a_name_before_a_capitalised_word_that_starts_no_name_was_cut_short(etype):
    s = _sentence("The Velton Courier said the bid was too low.")
    k = _at(s, "Velton")
    assert cut_short(s, k, k + 1, etype, [], load_lexicon("en"))


def test_the_next_word_starting_another_name_keeps_the_name():
    s = _sentence("The deal gives Velton Courier Inc a stake.")
    k = _at(s, "Velton")
    assert not cut_short(s, k, k + 1, "Place", [k + 1], load_lexicon("en"))


@pytest.mark.parametrize("text, word", [
    ("said Ohio Democrat Jane Rolt on Monday.", "Ohio"),
    ("a deal with Velton Friday, the sources said.", "Velton"),
    ("said Vexland Governor Jane Rolt.", "Vexland"),
])
def test_a_title_or_a_weekday_after_a_complete_name_keeps_it(text, word):
    s = _sentence(text)
    k = _at(s, word)
    assert not cut_short(s, k, k + 1, "Place", [], load_lexicon("en"))


def test_a_company_cut_short_is_dropped_unless_its_legal_form_ends_it():
    lex = load_lexicon("en")
    s = _sentence("The Velton Courier said the bid was too low.")
    k = _at(s, "Velton")
    assert cut_short(s, k, k + 1, "Company", [], lex)
    s = _sentence("Velton Corp Managing Director Jane Rolt said.")
    assert not cut_short(s, 0, 2, "Company", [], lex)
    s = _sentence("Velton B shares rose.")
    assert not cut_short(s, 0, 1, "Company", [], lex)


def test_countries_headlines_and_other_languages_are_not_asked():
    lex = load_lexicon("en")
    s = _sentence("The Velton Courier said the bid was too low.")
    k = _at(s, "Velton")
    assert not cut_short(s, k, k + 1, "Country", [], lex)
    headline = _sentence("Velton Courier Buys Stake In Vexo")
    assert headline.title_case and not cut_short(headline, 0, 1, "Place", [], lex)
    s_id = _sentence("Harian Velton Courier menulis hal itu.", "id")
    id_lex = load_lexicon("id")
    assert cut_short(s_id, 1, 2, "Place", [], id_lex)  # Indonesian asks too (cut_name_types)
    unasked = replace(id_lex, settings={k: v for k, v in id_lex.settings.items() if k != "cut_name_types"})
    assert not cut_short(s_id, 1, 2, "Place", [], unasked)


def test_a_lone_initial_or_title_is_no_person():
    from kg.extract import extract
    from kg.extract.cutshort import initial_or_title
    from kg.extract.text import tokenize
    from kg.model import Article

    toks = tokenize("officer H. Jane Rolt and Mr. Rolt met Jo.")
    assert [initial_or_title(toks, k, load_lexicon("en")) for k in (1, 6, 10)] == [True, True, False]
    x = extract(Article(id="t", text="Vexo Corp chief financial officer H. Jane Rolt said the talks ended.",
                        language="en"))
    assert "H" not in {e.label for e in x.entities}


def test_an_abbreviated_title_after_a_state_keeps_it():
    s = _sentence("Illinois Gov. Jane Rolt signed the bill.")
    assert not cut_short(s, 0, 1, "Place", [], load_lexicon("en"))


def test_a_title_between_a_name_and_a_person_keeps_the_name():
    # "California Highway Patrol Officer James O'Brien": the organisation, a title, the person
    lex = load_lexicon("en")
    s = _sentence("said Velton Harbour Patrol Officer Jane Rolt on Monday.")
    k, p = _at(s, "Velton"), _at(s, "Jane")
    assert cut_short(s, k, k + 3, "Organization", [p], lex)
    assert not cut_short(s, k, k + 3, "Organization", [p], lex, people=[p])
    assert cut_short(s, k, k + 2, "Organization", [p], lex, people=[p])  # two words before the person: cut
    s = _sentence("said Velton Emperor Jane Rolt on Monday.")
    k, p = _at(s, "Velton"), _at(s, "Jane")
    assert cut_short(s, k, k + 1, "Place", [p], lex, people=[p])  # "Roman Emperor Julius Caesar": no place
