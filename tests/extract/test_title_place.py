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
