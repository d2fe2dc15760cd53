"""A line of business named in passing before a generic head ("the valve industry", "a hosiery company").

Every sentence here was written for these tests (fictional companies).
"""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.lexicon import load_lexicon
from kg.extract.passingsector import passing_sectors
from kg.extract.text import Sentence, tokenize
from kg.model import Article
from tests.extract.readings import relations_of


def _sectors(text: str, language: str = "en") -> set[str]:
    x = extract(Article(id="t", text=text, language=language))
    return {e.label for e in x.entities if e.type == "Sector"}


def _lines(text: str, language: str = "en") -> list[tuple[str, bool]]:
    s = Sentence(0, 0, len(text), text, tuple(tokenize(text)))
    return sorted((m.text, m.passing) for m in passing_sectors(s, [], load_lexicon(language)))


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Losses in the hosiery industry widened last year, analysts said.", "hosiery"),
        ("Tenvar Industries Inc said it intends to buy a wallcovering company.", "wallcovering"),
        ("Analysts said another messenger firm could bid for it.", "messenger"),
        ("The sale of a fast - food company was delayed.", "fast - food"),
    ],
)
def test_a_line_before_a_generic_head_is_read_in_passing(text, sector):
    assert (sector, True) in _lines(text)
    # English keeps a line read in free words only where a company operates in it (passing_lines_linked_only)
    assert sector not in {s.lower() for s in _sectors(text)}


@pytest.mark.parametrize(
    "text",
    [
        "Tenvar Industries Inc sold 40 pct of Lumeo Corp to three European hosiery companies.",
        "Analysts said 10 hosiery firms could bid for it.",
    ],
)
def test_a_counted_set_of_firms_is_no_line_of_business(text):
    # a number before the line, past capitalised words, counts firms (sector_count_words)
    assert _lines(text) == [], _lines(text)


def test_a_preposition_ends_a_line_before_a_name():
    # "against" is no word of a line ("a lawsuit against hosiery maker Lumeo Corp")
    rels = relations_of("Jon Vale filed a lawsuit against hosiery maker Lumeo Corp this week.", status=False)
    assert ("operates_in", "Lumeo Corp", "hosiery") in rels, rels


@pytest.mark.parametrize(
    "text",
    [
        "The company said the combined company would cut costs.",
        "Tenvar Industries Inc said its parent company would pay 10 dlrs a share.",
        "Two affiliated firms said they lowered their stake.",
        "It sold the assets and business of a unit.",
        "He called any comparison with the coming beer - industry tiff unfair.",
        "A foreign company and a private company bid for it.",
    ],
)
def test_no_line_of_business_in_passing(text):
    assert not _sectors(text)


def test_the_vocabulary_reads_its_own_words_and_the_head_stays_out():
    # "steel" is kg's vocabulary sector: its mention, marked passing, leaves "industry" out of the span
    text = "Losses in the steel industry widened."
    x = extract(Article(id="t", text=text, language="en"))
    spans = {sp.text for e in x.entities if e.type == "Sector" for sp in e.mentions}
    assert spans == {"steel"}


def test_a_list_under_one_head_gives_each_line():
    assert _lines("its hosiery and wallcovering businesses") == [("hosiery", True), ("wallcovering", True)]


def test_indonesian_reads_none_here():
    assert _lines("industri baja nasional", "id") == []


@pytest.mark.parametrize(
    ("text", "company", "sector"),
    [
        ("Analysts expect a bid from another wallcovering firm, Lumeo Corp, this week.", "Lumeo Corp",
         "wallcovering"),
        ("The Lumeo Corp hosiery business is growing, its chairman said.", "Lumeo Corp", "hosiery"),
        ("Tenvar Industries Inc's U.S. hosiery business was sold.", "Tenvar Industries Inc", "hosiery"),
    ],
)
def test_the_company_named_next_to_a_passing_line_operates_in_it(text, company, sector):
    assert ("operates_in", company, sector) in relations_of(text, status=False)


def test_a_passing_line_with_no_company_next_to_it_links_nothing():
    rels = relations_of("Lumeo Corp said losses in the hosiery industry widened.", status=False)
    assert not any(r[0] == "operates_in" for r in rels), rels
