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


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Duet Wirando-Sulastri Bertahan Sebagai Dirut & Wadirut", "Wirando-Sulastri"),
        ("Darmanto Wiryo-Sukma Halim Dipanggil ke Istana, Bahas Apa?", "Wiryo-Sukma"),
    ],
)
def test_two_people_joined_by_a_hyphen_are_no_one_person(text: str, pair: str) -> None:
    # neither half is known: a person's name holding "Xxx-Yyy" is a pair in an Indonesian headline
    x = extract(Article(id="t", text=text, language="id"))
    assert not any(pair in e.label for e in x.entities if e.type == "Person")
