"""Two names joined by a hyphen in an Indonesian headline are a pair, not one name.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article


def _labels(text: str, language: str) -> set[str]:
    return {e.label for e in extract(Article(id="t", text=text, language=language)).entities}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Investor Pantau Ketegangan Rusia-Ukraina, Harga Emas Naik", "Rusia-Ukraina"),
        ("Harga Minyak Stabil, Investor Pantau Perkembangan Rusia-Ukraina", "Rusia-Ukraina"),
    ],
)
def test_a_hyphen_pair_with_a_known_half_is_no_name(text: str, pair: str) -> None:
    assert not any(pair in label for label in _labels(text, "id"))


def test_a_known_hyphenated_name_stays() -> None:
    assert "Mercedes-Benz" in _labels("Penjualan Mercedes-Benz Naik di Jakarta", "id")
