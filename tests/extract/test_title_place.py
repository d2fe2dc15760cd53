"""The place a job title is held in is no person (kg.extract.context._headed_place)."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article


@pytest.mark.parametrize(("text", "place"), [
    ("Kinerja Budi Santoso sebagai Gubernur DKI Jakarta dinilai buruk oleh warga .", "DKI Jakarta"),
    ("Panitia lomba itu kemudian mengumumkan Provinsi Jawa Tengah sebagai juara umum .", "Jawa Tengah"),
])
def test_a_place_after_a_title_is_a_place(text: str, place: str) -> None:
    ents = {(e.label, e.type) for e in extract(Article(id="t", text=text, language="id")).entities}
    assert not any(t == "Person" and place in label for label, t in ents)
    assert any(t == "Place" and place in label for label, t in ents)


def test_a_person_named_like_a_place_stays_a_person() -> None:
    text = "Presiden George Washington mengatakan hal itu kepada wartawan ."
    ents = {(e.label, e.type) for e in extract(Article(id="t", text=text, language="id")).entities}
    assert ("George Washington", "Person") in ents


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Saham Teknologi Dijual, Wall Street Tumbang", "Wall Street"),
        ("Data Inflasi Keluar, Wall Street Perkasa", "Wall Street"),
    ],
)
def test_a_headline_predicate_is_no_part_of_a_place(text, place):
    x = extract(Article(id="t", text=text, language="id"))
    places = {text[m.start:m.end] for e in x.entities if e.type in ("Place", "Country") for m in e.mentions}
    assert place in places and not any(p.endswith(("Tumbang", "Perkasa")) for p in places)


def test_a_headline_predicate_is_cut_from_a_tagger_place_run():
    from kg.extract.lexicon import load_lexicon
    from kg.extract.nameruns import before_predicate
    from kg.extract.text import tokenize

    said = load_lexicon("id").words("headline_predicates")
    toks = tokenize("Jualan Rumah di Amerika Seret , Warga Ngeluh")
    assert before_predicate(toks, 3, 5, said) == 4  # "Amerika"
    toks = tokenize("IHSG Dibuka Lanjut Sumringah")
    assert before_predicate(toks, 3, 4, said) == 3  # nothing left: no place
    toks = tokenize("Kantor di Laut Merah")
    assert before_predicate(toks, 2, 4, said) == 4  # a colour stays part of a name
