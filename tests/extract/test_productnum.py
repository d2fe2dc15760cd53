"""A model number ends the product name before it (kg.extract.productnum). Sentences written for these tests;
the mentions are set, so the tests do not depend on what a model learnt."""

from __future__ import annotations

from kg.extract.gazindex import gaz_index
from kg.extract.lexicon import load_lexicon
from kg.extract.mentions import Mention
from kg.extract.productnum import product_numbers
from kg.extract.text import split_sentences


def _numbers(text: str, spans: list[tuple[int, int, str]], language: str = "id") -> list[tuple[str, str]]:
    lex = load_lexicon(language)
    s = split_sentences(text, [(0, len(text))], lex)[0]
    toks = s.tokens
    ms = [Mention(0, i, j, toks[i].start, toks[j - 1].end, text[toks[i].start : toks[j - 1].end], t,
                  text[toks[i].start : toks[j - 1].end].lower(), text[toks[i].start : toks[j - 1].end], "ner")
          for i, j, t in spans]
    return [(m.text, m.type) for m in product_numbers(s, ms, lex, gaz_index(language))]


def test_the_number_after_a_product_is_its_own():
    got = _numbers("sistem operasi Windows Mobile 7 besutan Microsoft", [(2, 4, "Product"), (6, 7, "Company")])
    assert got == [("Windows Mobile 7", "Product"), ("Microsoft", "Company")]


def test_a_year_a_company_or_another_language_keeps_its_number_apart():
    assert _numbers("ponsel Galaxy S6 2015", [(1, 3, "Product")]) == [("Galaxy S6", "Product")]
    assert _numbers("saham Indofood 5 persen", [(1, 2, "Company")]) == [("Indofood", "Company")]
    assert _numbers("the new Windows Mobile 7", [(2, 4, "Product")], "en") == [("Windows Mobile", "Product")]


def _units(text: str, spans: list[tuple[int, int, str]], source: str = "pattern") -> list[str]:
    from kg.extract.productnum import name_numbers

    lex = load_lexicon("id")
    s = split_sentences(text, [(0, len(text))], lex)[0]
    toks = s.tokens
    ms = [Mention(0, i, j, toks[i].start, toks[j - 1].end, text[toks[i].start : toks[j - 1].end], t,
                  text[toks[i].start : toks[j - 1].end].lower(), text[toks[i].start : toks[j - 1].end], source)
          for i, j, t in spans]
    return [m.text for m in name_numbers(s, ms, lex, gaz_index("id"))]


def test_a_unit_number_after_a_firm_is_its_own():
    assert _units("Menteri menegur pihak PT Angkusa Pura 2 .", [(3, 6, "Company")]) == ["PT Angkusa Pura 2"]
    assert _units("Indofood melalui anak perusahaannya Singco 1 menerima saham", [(4, 5, "Company")]) == ["Singco 1"]


def test_an_amount_a_date_or_a_listed_name_keeps_its_number_apart():
    assert _units("saham Indofood 5 persen naik", [(1, 2, "Company")]) == ["Indofood"]
    assert _units("Dolar AS Tembus ke RI 2 Bulan", [(4, 5, "Country")]) == ["RI"]
    assert _units("harga saham Indofood 5 % naik", [(2, 3, "Company")]) == ["Indofood"]
    assert _units("Menteri menegur PT Angkasa Pura 2 .", [(2, 5, "Company")], source="gazetteer") == ["PT Angkasa Pura"]
    assert _units("Sahamnya Ngegas 22,8% hari ini", [(1, 2, "Company")]) == ["Ngegas"]
