"""A model number ends the product name before it (kg.extract.productnum). Sentences written for these tests;
the mentions are set, so the tests do not depend on what a model learnt."""

from __future__ import annotations

from kg.extract.productnum import product_numbers
from tests.extract.passrun import run_pass


def _numbers(text: str, spans: list[tuple[int, int, str]], language: str = "id") -> list[tuple[str, str]]:
    return run_pass(product_numbers, text, spans, language, source="ner", looked_up=False)


def test_the_number_after_a_product_is_its_own():
    got = _numbers("sistem operasi Windows Mobile 7 besutan Microsoft", [(2, 4, "Product"), (6, 7, "Company")])
    assert got == [("Windows Mobile 7", "Product"), ("Microsoft", "Company")]


def test_a_year_a_company_or_another_language_keeps_its_number_apart():
    assert _numbers("ponsel Galaxy S6 2015", [(1, 3, "Product")]) == [("Galaxy S6", "Product")]
    assert _numbers("saham Indofood 5 persen", [(1, 2, "Company")]) == [("Indofood", "Company")]
    assert _numbers("the new Windows Mobile 7", [(2, 4, "Product")], "en") == [("Windows Mobile", "Product")]


def _units(text: str, spans: list[tuple[int, int, str]], source: str = "pattern") -> list[str]:
    from kg.extract.productnum import name_numbers

    return [t for t, _ in run_pass(name_numbers, text, spans, "id", source=source, looked_up=False)]


def test_a_unit_number_after_a_firm_is_its_own():
    assert _units("Menteri menegur pihak PT Angkusa Pura 2 .", [(3, 6, "Company")]) == ["PT Angkusa Pura 2"]
    assert _units("Indofood melalui anak perusahaannya Singco 1 menerima saham", [(4, 5, "Company")]) == ["Singco 1"]


def test_an_amount_a_date_or_a_listed_name_keeps_its_number_apart():
    assert _units("saham Indofood 5 persen naik", [(1, 2, "Company")]) == ["Indofood"]
    assert _units("Dolar AS Tembus ke RI 2 Bulan", [(4, 5, "Country")]) == ["RI"]
    assert _units("harga saham Indofood 5 % naik", [(2, 3, "Company")]) == ["Indofood"]
    assert _units("Menteri menegur PT Angkasa Pura 2 .", [(2, 5, "Company")], source="gazetteer") == ["PT Angkasa Pura"]
    assert _units("Sahamnya Ngegas 22,8% hari ini", [(1, 2, "Company")]) == ["Ngegas"]
