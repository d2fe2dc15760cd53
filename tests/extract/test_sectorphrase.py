"""A line of business named in words next to a company (operates_in).

Every sentence here was written for these tests (fictional companies).
"""

from __future__ import annotations

import pytest

from tests.extract.readings import relations_of


def _rels(text: str) -> set[tuple[str, ...]]:
    return relations_of(text, status=False)


@pytest.mark.parametrize(
    ("text", "company", "sector"),
    [
        ("Lumeo Corp, a maker of circuit boards, had higher sales in 2025.", "Lumeo Corp", "circuit boards"),
        ("Lumeo Corp, a hosiery manufacturer, had higher sales in 2025.", "Lumeo Corp", "hosiery"),
        ("Lumeo Corp, a Denver investment advisor, raised its stake.", "Lumeo Corp", "investment advisor"),
        ("Tenvar Industries Inc bought the valve maker Lumeo Corp.", "Lumeo Corp", "valve"),
        ("Denver-based overnight messenger Lumeo Corp said sales rose.", "Lumeo Corp", "overnight messenger"),
        ("Lumeo Corp, the largest valve maker in Ohio, said sales rose.", "Lumeo Corp", "valve"),
        ("Lumeo Corp agreed to sell its industrial chemicals business to a group of investors.", "Lumeo Corp",
         "industrial chemicals"),
    ],
)
def test_a_line_of_business_in_words(text, company, sector):
    rels = _rels(text)
    assert ("operates_in", company, sector) in rels, rels


@pytest.mark.parametrize(
    "text",
    [
        "Lumeo Corp, a unit of Tenvar Industries Inc, had higher sales.",
        "Lumeo Corp, a major shareholder, raised its stake.",
        "Analysts asked whether Lumeo Corp would sell.",
        "Tenvar Industries Inc tried to take over Lumeo Corp.",
        "Lumeo Corp's parent company Tenvar Industries Inc said so.",
        # two companies before "its": whose business it is stays unread
        "Lumeo Corp said Tenvar Industries Inc would sell its valve business.",
    ],
)
def test_no_line_of_business_named(text):
    rels = _rels(text)
    assert not any(r[0] == "operates_in" for r in rels), rels


def test_a_vocabulary_word_inside_a_longer_line_of_business_is_read_as_part_of_it():
    # "banking" alone is a sector of kg's vocabulary; the company's line of business is "mortgage banking"
    rels = _rels("Lumeo Mortgage Corp, a mortgage banking company, said it agreed to be acquired.")
    assert {r for r in rels if r[0] == "operates_in"} == {("operates_in", "Lumeo Mortgage Corp", "mortgage banking")}
