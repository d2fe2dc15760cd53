"""An acronym naming a class of businesses (BUMN, UMKM) is no entity, except as a ministry's short name
after a minister's title (language.toml class_acronyms, class_acronym_owners; kg.extract.learned)."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article


def _labels(text: str) -> list[str]:
    return [e.label for e in extract(Article(id="t", text=text, language="id")).entities]


@pytest.mark.parametrize("text", [
    "Ada Isu Perombakan Direksi BUMN, Erick Thohir Bilang Begini",
    "10 Poin Penting RUU BUMN yang Resmi Disahkan Jadi Undang-Undang",
])
def test_a_class_acronym_alone_is_no_entity(text):
    assert "BUMN" not in _labels(text)


def test_after_a_minister_it_names_the_ministry():
    assert "BUMN" in _labels("Menteri BUMN Erick Bertemu Dubes AS")


def test_inside_a_longer_name_it_stays():
    assert "Kementerian BUMN" in _labels("Tok! Kementerian BUMN Tunjuk Hery Gunardi Jadi Dirut BRI")
