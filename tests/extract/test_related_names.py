"""Names of related companies stay apart, and a place written with its region places a company in both.

Every sentence here was written for these tests (fictional companies).
"""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.placechain import place_chains
from kg.extract.text import split_sentences
from kg.model import Article
from tests.extract.readings import relations_of


def _labels(text: str) -> set[str]:
    return {e.label for e in extract(Article(id="t", text=text, language="en")).entities}


# --- a parent and its unit share words: two entities, and the link between them survives -------------


@pytest.mark.parametrize(
    ("text", "unit", "parent"),
    [
        ("Corvane Corp said it completed the sale of its Corvane Trailers Inc subsidiary to Belmond Partners.",
         "Corvane Trailers Inc", "Corvane Corp"),
        # the bare short form "Corvane" names the company written with its legal form, not the unit
        ("Corvane Corp said it sold its Corvane Trailers Inc subsidiary to Belmond Partners, whose owners include "
         "a former Corvane vice president.", "Corvane Trailers Inc", "Corvane Corp"),
        ("Talvio Chemicals Europe is a Dutch chemicals company that is a subsidiary of Talvio Chemicals Limited.",
         "Talvio Chemicals Europe", "Talvio Chemicals Limited"),
    ],
)
def test_a_unit_sharing_its_parents_words_stays_apart(text: str, unit: str, parent: str) -> None:
    assert {unit, parent} <= _labels(text)
    assert ("subsidiary_of", unit, parent) in relations_of(text, status=False)


def test_a_short_form_without_a_legal_form_still_joins_the_full_name() -> None:
    # "Orvella" is Orvella Motor Company's short form: one entity
    labels = _labels("Orvella Motor Company said on Monday that Orvella would build a plant in Ohio.")
    assert "Orvella Motor Company" in labels
    assert "Orvella" not in labels


# --- "Toledo, Ohio": based in the town is based in its region ------------------------------------------


def test_based_in_a_town_is_based_in_its_region() -> None:
    rels = relations_of("Brenlow Corp. of Toledo, Ohio, said it had agreed to the terms.", status=False)
    assert {("based_in", "Brenlow Corp", "Toledo"), ("based_in", "Brenlow Corp", "Ohio")} <= rels


def _chains(text: str) -> dict[str, list[str]]:
    from kg.extract import read
    from kg.extract.engine import as_engine
    from kg.extract.lexicon import load_lexicon

    article = Article(id="t", text=text, language="en")
    mentions, _ = read(article, "en", as_engine("hybrid"), learned=True)
    s = split_sentences(text, article.segments(), load_lexicon("en"))[0]
    return {k: [m.text for m in c] for k, c in place_chains(s, [m for m in mentions if m.sent == 0]).items()}


def test_a_town_and_its_region_chain() -> None:
    assert ["Toledo", "Ohio"] in _chains("Brenlow Corp. of Toledo, Ohio, said it had agreed to the terms.").values()


@pytest.mark.parametrize(
    "text",
    [
        "Brenlow Corp has offices in Paris, Lyon and Nice.",  # a list of places is no address
        "Brenlow Corp sells pumps in France, Germany and Spain.",  # a country first: a list
    ],
)
def test_a_list_of_places_is_no_chain(text: str) -> None:
    assert _chains(text) == {}
