"""Indonesian launches in caseless text (kg.extract.coded.caseless_launched): what a launch verb releases
is a Product even with no capital to start its name.

Every sentence here was written for these tests (fictional companies and products).
"""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article


def _rules(text: str) -> tuple[set[tuple[str, str]], set[tuple[str, ...]]]:
    x = extract(Article(id="t", text=text, language="id"), engine="rules")
    label = {e.id: e.label for e in x.entities}
    return {(e.label, e.type) for e in x.entities}, {(r.type, label[r.subject], label[r.object]) for r in x.relations}


@pytest.mark.parametrize(
    ("text", "products"),
    [
        ("samsung meluncurkan zorvax lumina untuk pasar anak muda .", {"zorvax lumina"}),
        ("samsung merilis mobil baru zx300 menjelang pameran otomotif .", {"zx300"}),
        ("samsung merilis dua varian terbaru , yakni zorvax lumina dan zorvax prima .",
         {"zorvax lumina", "zorvax prima"}),
    ],
)
def test_products_after_a_launch_verb(text, products):
    entities, rels = _rules(text)
    assert products <= {label for label, etype in entities if etype == "Product"}, entities
    assert {("launch", "Samsung", p) for p in products} <= rels, rels


@pytest.mark.parametrize(
    "text",
    [
        "bps merilis data inflasi terbaru pada senin .",  # released figures are no product
        "samsung meluncurkan aplikasi zorvax kebun binatang yang interaktif .",  # a name, then a description
        "panitia menghadirkan zorvax lumina di panggung utama .",  # a show presents performers
        "Samsung meluncurkan zorvax lumina ke pasar .",  # text with capitals is left to the taggers
    ],
)
def test_no_product(text):
    entities, _rels = _rules(text)
    assert "zorvax lumina" not in {label for label, _t in entities}
    assert not any(etype == "Product" for _l, etype in entities), entities


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Studio Nusantara Film merilis film animasi terbaru ' Lintang Senja ' pekan ini .", "Lintang Senja"),
        ('Band itu merilis album kedua yang bertajuk " Hujan di Bulan Mei " tahun lalu .', "Hujan di Bulan Mei"),
        ("studio itu merilis film berjudul ' lintang senja ' pekan ini .", "lintang senja"),  # caseless
    ],
)
def test_quoted_titles_are_products(text, title):
    entities, _rels = _rules(text)
    assert (title, "Product") in entities, entities


def test_a_name_after_books_is_their_author():
    entities, _rels = _rules('Ia membaca buku - buku Wiryo seperti " Jalan Sunyi " .')
    assert ("Wiryo", "Product") not in entities
    assert ("Jalan Sunyi", "Product") in entities, entities


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Samsung akan merilis ponsel paling murah bernama Zorvax Lumina tahun depan .", "Zorvax Lumina"),
        ("samsung memamerkan aplikasi kamera bernama zorvax cam .", "zorvax cam"),  # caseless, no launch verb
    ],
)
def test_a_product_named_after_its_kind(text, name):
    entities, _rels = _rules(text)
    assert (name, "Product") in entities, entities


def test_a_person_named_is_no_product():
    entities, _rels = _rules("Ia bertemu seorang pengusaha bernama Budi Santoso di Jakarta .")
    assert not any(t == "Product" for _l, t in entities), entities
