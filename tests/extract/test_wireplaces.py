"""Wire-copy place shapes (kg.extract.wireplaces): "Town, Abbr." US states and "X's Theater" venues.

Every sentence here was written for these tests (fictional companies and people).
"""

from __future__ import annotations

from kg.extract.gazindex import gaz_index
from kg.extract.lexicon import load_lexicon
from kg.extract.mentions import _name_mention
from kg.extract.text import split_sentences
from kg.extract.wireplaces import state_abbreviations, venue_possessives
from kg.model import Article


def _sentence(text: str, language: str = "en"):  # type: ignore[no-untyped-def]
    (s,) = split_sentences(text, [(0, len(text))], load_lexicon(language))
    return s


def _states(text: str) -> list[tuple[str, str, str]]:
    lex, gaz = load_lexicon("en"), gaz_index("en")
    return [(m.text, m.label, m.key) for s in split_sentences(text, [(0, len(text))], lex)
            for m in state_abbreviations(s, [], lex, gaz)]


def test_a_state_after_a_town_is_the_state() -> None:
    assert _states("Tarsa Inc of Eugene, Ore., makes valves.") == [("Ore.", "Oregon", "oregon")]
    assert _states("Vexo Corp of Camden, N.J., and Dover, Del., grew.") == [
        ("N.J.", "New Jersey", "new-jersey"), ("Del.", "Delaware", "delaware")]
    # a state the lists lack is a US place by its full name; Washington is not the capital's entity
    assert _states("Lumeo moved to Spokane, Wash., last year.") == [
        ("Wash.", "Washington State", "washington-state")]


def test_text_tokenized_with_spaces_keeps_a_spaced_full_stop_out() -> None:
    assert _states("Mara Kell was born in Salem , Mass .") == [("Mass", "Massachusetts", "massachusetts")]


def test_the_same_words_elsewhere_are_no_state() -> None:
    assert _states("Miss. Dane said the ore from Ind. mines was poor.") == []
    assert _states("They washed. Then, Ind. Oil said so.") == []  # a common word before the comma is no town
    assert _states("Tarsa of Eugene, Ore said so.") == []  # no full stop: a name or a word, not the state
    assert _states("He asked, Pa. Smith nodded.") == []


def test_a_place_read_before_the_comma_is_a_town_even_if_a_common_word() -> None:
    s, gaz, lex = _sentence("Tarsa Inc of Mobile, Ala., makes valves."), gaz_index("en"), load_lexicon("en")
    town = _name_mention(s, 3, 4, "Place", gaz, "ner")
    assert [m.text for m in state_abbreviations(s, [town], lex, gaz)] == ["Mobile", "Ala."]


def test_the_state_replaces_a_company_read_there() -> None:
    s, gaz, lex = _sentence("Tarsa Inc of Eugene, Ore., makes valves."), gaz_index("en"), load_lexicon("en")
    wrong = _name_mention(s, 5, 7, "Company", gaz, "ner")  # "Ore." as a fold tagger read it
    assert wrong.text == "Ore."
    out = state_abbreviations(s, [wrong], lex, gaz)
    assert [(m.text, m.type, m.key) for m in out] == [("Ore.", "Place", "oregon")]


def test_a_company_based_in_a_town_is_based_in_its_abbreviated_state() -> None:
    from kg.extract import extract

    x = extract(Article("t", "Tarsa Valve Co. of Eugene, Ore., said its sales rose.", language="en"))
    links = {(r.subject, r.type, r.object) for r in x.relations}
    assert any(t == "based_in" and o == "oregon" for _, t, o in links)
    assert "ore" not in {e.id for e in x.entities}


def test_a_company_before_a_venue_is_no_mention() -> None:
    lex, gaz = load_lexicon("en"), gaz_index("en")
    s = _sentence("The play opened at Ford 's Theatre on Tuesday.")
    ford = _name_mention(s, 4, 5, "Company", gaz)
    assert ford.key == "ford-motor-company"
    assert venue_possessives(s, [ford], lex) == []


def test_a_company_owning_something_stays() -> None:
    lex, gaz = load_lexicon("en"), gaz_index("en")
    for text in ("Ford's factory in Dearborn closed.", "Ford's Mustang sold well.", "Ford's theater unit grew."):
        s = _sentence(text)
        ford = _name_mention(s, 0, 1, "Company", gaz)
        assert venue_possessives(s, [ford], lex) == [ford], text


def test_a_longer_name_owns_its_venue() -> None:
    lex, gaz = load_lexicon("en"), gaz_index("en")
    s = _sentence("Mara Kell of Tarsa University 's Center for Policy Studies said so.")
    uni = _name_mention(s, 3, 5, "Organization", gaz)
    assert uni.text == "Tarsa University"
    assert venue_possessives(s, [uni], lex) == [uni]


def test_a_dateline_state_stays_a_place() -> None:
    from kg.extract import extract

    x = extract(Article("t", "WESTFORD , N.Y .", language="en"))
    assert {(e.label, e.type) for e in x.entities} >= {("New York", "Place")}
    assert not x.relations


def test_a_person_before_a_venue_stays() -> None:
    lex, gaz = load_lexicon("en"), gaz_index("en")
    s = _sentence("Mara Kell's Hall of Fame speech was short.")
    person = _name_mention(s, 0, 2, "Person", gaz)
    assert venue_possessives(s, [person], lex) == [person]


def test_indonesian_has_no_such_lists() -> None:
    lex, gaz = load_lexicon("id"), gaz_index("id")
    s = _sentence("PT Tarsa di Eugene, Ore., tumbuh.", "id")
    assert state_abbreviations(s, [], lex, gaz) == []
