"""A firm's word ends the name it follows (kg.extract.firmtails). Sentences written for these tests; the
mentions are set, so the tests do not depend on what a model learnt."""

from __future__ import annotations

from kg.extract.firmtails import firm_tails
from tests.extract.passrun import run_pass


def _tails(text: str, spans: list[tuple[int, int, str]], language: str = "id",
           source: str = "ner") -> list[tuple[str, str]]:
    return run_pass(firm_tails, text, spans, language, source=source, looked_up=False)


def test_a_person_before_a_firm_word_is_a_company():
    got = _tails("BEI Hentikan Aktivitas Perdagangan Masindo Artha Sekuritas", [(4, 6, "Person")])
    assert got == [("Masindo Artha Sekuritas", "Company")]


def test_the_sector_word_of_the_tail_goes():
    got = _tails("OJK Cabut Izin Usaha PT Sarana Sulut Ventura", [(4, 7, "Company"), (7, 8, "Sector")])
    assert got == [("PT Sarana Sulut Ventura", "Company")]


def test_a_place_before_a_firm_word_takes_the_words_before_it():
    got = _tails("OJK Cabut Izin Usaha Sarana Riau Ventura", [(5, 6, "Place"), (6, 7, "Sector")])
    assert got == [("Sarana Riau Ventura", "Company")]


def test_a_lowercase_word_or_another_language_changes_nothing():
    assert _tails("izin usaha sarana riau ventura dicabut", [(3, 4, "Place")]) == [("riau", "Place")]
    assert _tails("shares of Mandiri Sekuritas rose", [(2, 3, "Company")], "en") == [("Mandiri", "Company")]


def test_a_name_right_after_the_tail_keeps_it_out():
    # the tail word belongs to the next name the tagger read, not to this one
    got = _tails("kata Budi Sekuritas Jaya kemarin", [(1, 2, "Person"), (2, 4, "Company")])
    assert got == [("Budi", "Person"), ("Sekuritas Jaya", "Company")]


def test_a_list_company_is_left_to_its_unit_words():
    # a listed company and its unit's word are read by company_unit_tails (kg.extract.mentions), not here
    got = _tails("Telkomsel Ventura Nusantara menandatangani kerja sama", [(0, 1, "Company")], source="gazetteer")
    assert got == [("Telkomsel", "Company")]
