"""A name the tagger reads as a surname is a company where the sentence says it is a business
(kg.extract.corporate, ``company_context_*`` in ontology/lang/en/language.toml).

Every sentence here was written for these tests (fictional companies and people).
"""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.corporate import company_context, subject_of_he
from kg.extract.lexicon import load_lexicon
from kg.extract.text import tokenize
from kg.model import Article


def _types(text: str, label: str) -> list[str]:
    x = extract(Article(id="t", text=text, language="en"))
    return [e.type for e in x.entities if e.label == label]


@pytest.mark.parametrize("text", [
    "The shareholders of Brockett approved the merger with Lumeo Holdings Inc on Tuesday.",
    "Brockett, a maker of circuit boards, agreed to be acquired by Lumeo Holdings Inc.",
    "Kessler said its talks with Lumeo Holdings Inc had ended.",
])
def test_a_one_word_name_in_a_business_context_is_a_company(text: str) -> None:
    name = text.split()[3] if text.startswith("The") else text.split()[0].rstrip(",")
    assert _types(text, name) == ["Company"]


def test_a_person_keeps_his_type_next_to_business_words() -> None:
    # a person owns shares and sits on boards: "Icahn's shares", "a director of the company"
    assert _types("Harold Kessler's shares in Lumeo Holdings Inc rose.", "Harold Kessler") == ["Person"]
    assert _types("Lumeo Holdings Inc hired Harold Kessler, a director of the company and a banker.",
                  "Harold Kessler") == ["Person"]


def test_a_listed_place_stays_a_place() -> None:
    # "control of" reads a business, but a place the gazetteer knows is not retyped
    assert _types("Rebels took control of Portugal after the vote, said Vexo Corp.", "Portugal") == ["Country"]


def test_the_contexts_are_language_data() -> None:
    # Indonesian has no company_context_* settings: nothing is read as a business there
    toks = tokenize("The shareholders of Brockett met.")
    assert company_context(toks, 3, 4, load_lexicon("en"))
    assert not company_context(toks, 3, 4, load_lexicon("id"))


def test_an_investor_or_producer_may_be_a_person() -> None:
    # "investor" and "producer" name people as often as businesses (org_cues_person_too): the tagger decides
    # a two-word run without a legal form; a legal form or a one-word name keeps the cue's Company
    assert _types("Lumeo Holdings Inc said it and investor Asher Brenkel agreed on a settlement.",
                  "Asher Brenkel") == ["Person"]
    assert _types("It was a bid by Hollywood producer Burt Calloway to take over Vexo Corp.",
                  "Burt Calloway") == ["Person"]
    assert _types("Vexo Corp sold the field to oil producer Tarsa Energy Corp.", "Tarsa Energy Corp") == ["Company"]


def test_an_owned_name_is_no_person() -> None:
    toks = tokenize("Brockett, owned 41 pct by Lumeo, and Kessler and its units, and Harold Kessler and his son.")
    lex = load_lexicon("en")
    assert company_context(toks, 0, 1, lex)
    assert company_context(toks, 9, 10, lex)
    assert not company_context(toks, 15, 17, lex)


@pytest.mark.parametrize("text", [
    "Brockett had said last week that it would sell the plant to Lumeo Holdings Inc.",
    "Brockett plans to raise its stake in Lumeo Holdings Inc to five pct.",
    "Harwell Dixon said it would supply Lumeo Holdings Inc with cans.",
])
def test_a_sentence_subject_that_it_takes_up_is_a_company(text: str) -> None:
    # "it"/"its" after nothing but lowercase words takes up the sentence's first name: a person is "he"
    name = "Harwell Dixon" if text.startswith("Harwell") else "Brockett"
    assert _types(text, name) == ["Company"]


def test_a_subject_that_he_takes_up_stays_a_person() -> None:
    assert _types("Harold Kessler said he would sell his shares to Lumeo Holdings Inc.", "Harold Kessler") == ["Person"]
    # a comma may bring in another subject: no reading across it
    toks = tokenize("Kessler, the chairman, said its offer stands.")
    assert not company_context(toks, 0, 1, load_lexicon("en"))



def test_a_sentence_subject_that_he_takes_up_is_a_person() -> None:
    # the reverse of "it": "his" after nothing but lowercase words takes up a person
    toks = tokenize("Brockett said his group holds shares of Lumeo Holdings Inc.")
    assert subject_of_he(toks, 1, load_lexicon("en"))
    assert not subject_of_he(tokenize("Brockett said its group holds shares."), 1, load_lexicon("en"))


@pytest.mark.parametrize("text,i", [
    ("Lumeo Holdings Inc said the mill was acquired from Brockett.", 9),
    ("Vexo Corp said its deal with Brockett was signed.", 6),
    ("Vexo Corp has an interest in Brockett and two other firms.", 6),
    ("Vexo Corp asked about Brockett's financial condition.", 4),
    ("Brockett's vice president resigned.", 0),
])
def test_more_business_contexts(text: str, i: int) -> None:
    # words measured on kg's English train split (language.toml: company_context_before, company_context_owned)
    assert company_context(tokenize(text), i, i + 1, load_lexicon("en"))


@pytest.mark.parametrize("text, i, acts", [
    ("Its sales rose 47 pct, Coldell said.", 6, True),
    ("Norvast is controlled by two investors.", 0, True),
    ("a transaction with Vexo would be difficult", 3, True),
    ("Vexo Partners of Brenton said it may bid.", 3, False),  # the subject is the name before "of"
    ("talks in Pittston and Brenton will be stayed", 4, False),  # a list of places
    ("Coldell Vexo said so.", 0, False),  # not followed by the verb
])
def test_a_one_word_name_that_speaks_or_acts_is_a_business(text: str, i: int, acts: bool) -> None:
    from kg.extract.corporate import acting_place

    toks = tokenize(text)
    assert acting_place(toks, i, i + 1, load_lexicon("en")) is acts
    assert not acting_place(toks, i, i + 1, load_lexicon("id"))  # language data: Indonesian has no such words


@pytest.mark.parametrize("text, name", [
    ("While Lumeo Holdings Inc said it was interested, Brockett said it is reviewing its options.", "Brockett"),
    ("Talks ended after Brockett said its board had rejected the bid of Lumeo Holdings Inc.", "Brockett"),
    ("Brockett, which owns two hotels in Reno, rejected the bid of Lumeo Holdings Inc.", "Brockett"),
])
def test_a_clause_subject_that_it_or_which_takes_up_is_a_company(text: str, name: str) -> None:
    # kg.extract.corporate.thing_subject: "it"/"its" after a clause opener (clause_openers), or "which"
    assert _types(text, name) == ["Company"]


def test_thing_subject_asks_the_clause_and_the_relative() -> None:
    from kg.extract.corporate import thing_subject

    lex = load_lexicon("en")
    toks = tokenize("Lumeo rose, Brockett said it would sell; Kessler, who said he would sell, and Lumeo's board.")
    assert thing_subject(toks, 3, 4, lex)  # after a comma
    assert not thing_subject(toks, 9, 10, lex)  # "who" takes up a person
    toks = tokenize("Shares of Brockett rose as it said so.")
    assert not thing_subject(toks, 2, 3, lex)  # "of" opens no clause
    assert not thing_subject(tokenize("Lumeo rose, Brockett said it would."), 3, 4, load_lexicon("id"))


def test_a_clause_subject_that_he_takes_up_is_a_person_only_after_a_comma() -> None:
    from kg.extract.corporate import clause_subject

    lex = load_lexicon("en")
    toks = tokenize("The board met, Brockett said his group would sell after Vexo said his offer stood.")
    assert clause_subject(toks, 4, lex, "person_clause_openers") and subject_of_he(toks, 5, lex)
    # after "after" the pronoun often belongs to another clause ("after Vexo after the company failed to answer his")
    assert clause_subject(toks, 11, lex) and not clause_subject(toks, 11, lex, "person_clause_openers")


def test_a_one_word_speaker_of_a_companys_own_things_is_the_company() -> None:
    # kg.extract.corporate.speaks_of_itself: only when the sentence names no other organisation, with a word of
    # company_context_self and no he/his/she/her
    from kg.extract.corporate import thing_subject

    lex = load_lexicon("en")
    toks = tokenize("Brockett further said a director has resigned from the board.")
    assert thing_subject(toks, 0, 1, lex, alone=True)
    assert not thing_subject(toks, 0, 1, lex, alone=False)  # another organisation named: a person may speak of it
    assert not thing_subject(tokenize("Brockett said he has resigned from the board."), 0, 1, lex, alone=True)
    assert not thing_subject(tokenize("Brockett said prices rose."), 0, 1, lex, alone=True)
    assert not thing_subject(tokenize("Harold Brockett said the board met."), 0, 2, lex, alone=True)  # one word only
    assert _types("Brockett further said a director has resigned from the board.", "Brockett") == ["Company"]


def test_an_organisation_subject_that_it_takes_up_is_a_company() -> None:
    # a public body the sentence starts with is "the FTC said it"; without "the" it is a business
    text = "Lumeo Service Corp International said its Vexo Capital Corp unit sold its stake in Brenton Corp."
    assert _types(text, "Lumeo Service Corp International") == ["Company"]
    assert _types("The Vexo Trade Commission said it would review the deal.", "Vexo Trade Commission") == [
        "Organization"]


def test_which_after_a_name_inside_a_phrase_takes_up_the_phrase() -> None:
    from kg.extract.corporate import thing_subject

    lex = load_lexicon("en")
    toks = tokenize("He studied the assassination of President Kessler which supported the findings.")
    assert not thing_subject(toks, 5, 7, lex)
    toks = tokenize("It was done by young nationalist Harold Kessler, which was the spark of the war.")
    assert not thing_subject(toks, 6, 8, lex)
