"""Indonesian constructions added in session 13 for the relation types other than works_for and launch: a
town in the description before a company (based_in), a person who reveals another's deal, a dateline's
agency, firms a company appoints (supply), and a list that goes on after a bracketed aside (operates_in).

Every sentence here was written for these tests (fictional people and companies), except where a test
says it is adapted from a train unit.
"""

from __future__ import annotations

import pytest

from tests.extract.readings import relations_of


def _rels(text: str) -> set[tuple[str, ...]]:
    return relations_of(text, "id")


def test_a_town_in_the_description_before_a_company_is_its_base():
    rels = _rels("PT Arta Niaga menjalin kerja sama dengan perusahaan Bandung , PT Sinar Logistik Tbk , kemarin .")
    assert any(r[0] == "based_in" and r[1] == "PT Sinar Logistik Tbk" and r[2] == "Bandung"
               for r in rels), rels


def test_a_town_after_a_list_opener_is_no_base_of_the_companies_listed():
    # "maskapai ... di Bandara X, seperti A dan B": where they land, not where they are based
    rels = _rels("Ada lima maskapai yang mendarat di Bandara Husein Sastranegara , seperti Lion Air dan Citilink .")
    assert not any(r[0] == "based_in" for r in rels), rels


def test_a_person_who_reveals_a_deal_is_no_party_of_it():
    rels = _rels("Budi Santoso Beberkan Investasi Awal Danantara di Sektor Nikel")
    assert not any(r[0] == "investment" and r[1] == "Budi Santoso" for r in rels), rels


@pytest.mark.parametrize(
    "text",
    [
        "jakarta - - micom : penolakan penjualan saham bank sinar kepada bank arta juga diungkapkan dpr .",
        "jakarta - - micom : industri mobil nasional sedang menggeliat .",
    ],
)
def test_the_agency_of_a_dateline_is_no_party(text):
    # micom is a real agency (the datelines of 9 train units); the reports are written for the test
    rels = _rels(text)
    assert not any("micom" in (r[1].lower(), r[2].lower()) for r in rels), rels


def test_the_firms_a_company_appoints_supply_it():
    # (adapted from the train unit nerui-1194: the firms are real, the appointment is written for the test)
    rels = _rels("Sebelumnya tertulis bahwa Indofood CBP menunjuk 3 sekuritas , yakni Kim Eng , Deutsche Bank dan "
                 "Mandiri Sekuritas .")
    suppliers = {r[1] for r in rels if r[0] == "supply" and r[2] == "Indofood CBP"}
    assert {"Kim Eng", "Deutsche Bank", "Mandiri Sekuritas"} <= suppliers, rels


def test_a_person_appointed_supplies_nothing():
    rels = _rels("Kementerian BUMN menunjuk Budi Santoso menjadi Direktur Utama PT Sinar Logistik Tbk .")
    assert not any(r[0] == "supply" for r in rels), rels


def test_a_list_goes_on_after_a_bracketed_aside():
    rels = _rels("Maskapai - maskapai Citilink , Nam Air ( tujuan Cikarang , Matak , Sungaipenuh ) , Batik Air dan "
                 "Wings Air akan mendarat di bandara ini .")
    airlines = {r[1] for r in rels if r[0] == "operates_in"}
    assert {"Citilink", "Batik Air", "Wings Air"} <= airlines, rels
