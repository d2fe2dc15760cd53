"""State-owned banks as a class are a line of business (docs/annotations.md: "Bank BUMN", "Bank Swasta" are
Sectors): the Indonesian surface forms of the banking sector (ontology/gazetteer/sector_scheme.tsv, built into
ontology/sectors.ttl). Headlines written for these tests."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article


@pytest.mark.parametrize("text", [
    "Saham Bank BUMN Laris Diborong Investor Asing",
    "Ada Kabar Baik dari Bank BUMN, IHSG Ditutup Melesat",
    "Tiga Direktur Masuk Daftar Hitam Bank Pelat Merah",
])
def test_a_class_of_banks_is_a_sector(text: str) -> None:
    x = extract(Article(id="t", text=text, language="id"))
    assert {(e.label, e.type) for e in x.entities} == {("Banking", "Sector")}
