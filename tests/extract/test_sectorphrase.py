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
    ],
)
def test_no_line_of_business_named(text):
    rels = _rels(text)
    assert not any(r[0] == "operates_in" for r in rels), rels
