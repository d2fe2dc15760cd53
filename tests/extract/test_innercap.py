"""A brand spelled with an inner capital is a product in Indonesian sentence-case text (kg.extract.innercap):
"penjualan iZorva Apple". Every sentence here was written for these tests (fictional products)."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article


def _read(text: str, language: str = "id") -> tuple[set[tuple[str, str]], set[tuple[str, ...]]]:
    x = extract(Article(id="t", text=text, language=language), engine="rules")
    label = {e.id: e.label for e in x.entities}
    return {(e.label, e.type) for e in x.entities}, {(r.type, label[r.subject], label[r.object]) for r in x.relations}


@pytest.mark.parametrize(
    ("text", "product"),
    [
        ("Meski mengalahkan penjualan iZorva Apple , pesaingnya belum dapat dikatakan sukses .", "iZorva"),
        ("Para pengguna kini bisa membeli iZorva 7 Plus di toko resmi .", "iZorva 7 Plus"),
    ],
)
def test_an_inner_capital_spells_a_product(text, product):
    entities, _ = _read(text)
    assert (product, "Product") in entities, entities


def test_the_maker_after_it_launched_it():
    entities, rels = _read("Meski mengalahkan penjualan iZorva Apple , pesaingnya belum dapat dikatakan sukses .")
    assert ("launch", "Apple Inc.", "iZorva") in rels or ("launch", "Apple", "iZorva") in rels, (entities, rels)


@pytest.mark.parametrize(
    "text",
    [
        # a unit, a listed company, a headline
        "Ponsel itu memakai baterai 3000 mAh yang bisa diisi dengan cepat .",
        "Pembeli di eBay kini bisa membayar dengan cara baru .",
        "Penjualan iZorva Naik Tajam Di Pasar Asia",
    ],
)
def test_no_product_from_a_unit_a_listed_name_or_a_headline(text):
    entities, _ = _read(text)
    assert not any(t == "Product" for _, t in entities), entities


def test_english_leaves_it_to_the_tagger():
    entities, _ = _read("Sales of the iZorva rose sharply in Asia last year , the company said .", "en")
    assert ("iZorva", "Product") not in entities
