"""Indonesian state bodies and state-owned holdings (ontology/lang/id/institutions.txt) are known names:
an agency's acronym is an Organization, not the Company an unknown acronym defaults to."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.extract.gazindex import gaz_index
from kg.extract.surfaces import _institutions
from kg.model import Article


def typed(text: str, language: str = "id") -> set[tuple[str, str]]:
    ex = extract(Article(id="t", text=text, language=language))
    return {(m.text, e.type) for e in ex.entities for m in e.mentions}


@pytest.mark.parametrize(
    ("text", "name", "etype"),
    [
        ("BPOM Tarik Izin Edar Sirup Obat", "BPOM", "Organization"),
        ("PPATK Bekukan Ratusan Rekening Mencurigakan", "PPATK", "Organization"),
        ("Rapat KSSK Bahas Kondisi Likuiditas Perbankan", "KSSK", "Organization"),
        ("Komnas HAM menerima laporan warga.", "Komnas HAM", "Organization"),
        ("MIND ID Siapkan Dana Akuisisi Tambang Nikel", "MIND ID", "Company"),
        # non-state bodies named by acronym: a party, an association, a multilateral bank
        ("Golkar Usung Calon Baru di Pilkada", "Golkar", "Organization"),
        ("Apindo Tolak Kenaikan Upah", "Apindo", "Organization"),
        ("AIIB Kucurkan Pinjaman untuk Proyek Air", "AIIB", "Organization"),
    ],
)
def test_an_institution_of_the_list_has_its_type(text: str, name: str, etype: str) -> None:
    assert (name, etype) in typed(text)


def test_a_name_the_core_list_has_keeps_the_core_entity() -> None:
    # "BI" is curated.tsv's Bank Indonesia: the institutions file does not add a second entity for it
    assert gaz_index("id").lookup_name("BI").id == "bank-indonesia"
    assert gaz_index("id").lookup_name("BPOM").label == "Badan Pengawas Obat dan Makanan"


def test_the_list_is_indonesian_only() -> None:
    assert gaz_index("en").lookup_name("Badan Pengawas Obat dan Makanan") is None


def test_every_line_names_a_type_and_a_name() -> None:
    rows = list(_institutions("id"))
    assert rows and all(t in ("Organization", "Company") and names for t, names in rows)
