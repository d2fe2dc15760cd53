"""Company or Organization for a tagger's name: in English the head word decides, thrifts are businesses;
an acronym in brackets after a name is of that name's kind."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article
from tests.extract.test_entities import entities, mention


@pytest.mark.parametrize(
    ("text", "name", "tagged", "expected"),
    [
        # the tagger's Company-or-Organization weights read only the first and last words: a head word
        # before "of" or "on" makes a body
        ("Officials at the Bureau of Farm Prices said so.", "Bureau of Farm Prices", "Company", "Organization"),
        ("The Committee on Shipping met Tuesday.", "Committee on Shipping", "Company", "Organization"),
        ("The Dairy Growers Association objected.", "Dairy Growers Association", "Company", "Organization"),
        # a word that is no head leaves a company alone
        ("Union Widgets Co said so.", "Union Widgets", "Company", "Company"),
        # a savings and loan association is a business, whatever its head word
        ("Lakeshore Savings and Loan Association was sold.", "Lakeshore Savings and Loan Association",
         "Organization", "Company"),
        ("Lakeshore Savings and Loan Association was sold.", "Lakeshore Savings and Loan Association",
         "Company", "Company"),
        # armed forces, central banks, courts and public services are bodies
        ("Jets for the Royal Air Force were ordered.", "Royal Air Force", "Organization", "Organization"),
        ("The Northland Central Bank raised rates.", "Northland Central Bank", "Organization", "Organization"),
        ("The Federal Weather Service warned.", "Federal Weather Service", "Organization", "Organization"),
        # a tagger's Organization with no such word is a company in English business news
        ("Shares of Brightwater Holdings rose.", "Brightwater Holdings", "Organization", "Company"),
    ],
)
def test_a_tagger_name_is_typed_by_its_head_word(text: str, name: str, tagged: str, expected: str) -> None:
    assert entities("en", text, [mention(text, name, tagged)]) == [(name, expected)]


def test_a_list_or_pattern_name_keeps_its_type() -> None:
    # only the tagger's names are retyped: a pattern's Company stays one
    text = "Officials at the Bureau of Farm Prices said so."
    assert entities("en", text, [mention(text, "Bureau of Farm Prices", "Company", "pattern")]) \
        == [("Bureau of Farm Prices", "Company")]


@pytest.mark.parametrize(
    ("text", "short", "full"),
    [
        # alone, an unknown acronym is read as a company (most of the annotated ones are)
        ("Ikatan Karyawan (Ikar) Nusapintar menggelar aksi di Jakarta.", "Ikar", "Ikatan Karyawan"),
        ("Serikat Karyawan (Sekar) Kilat menggelar aksi di Jakarta.", "Sekar", "Serikat Karyawan"),
    ],
)
def test_an_acronym_in_brackets_is_of_the_kind_of_the_name_before_it(text: str, short: str, full: str) -> None:
    typed = {e.label: e.type for e in extract(Article(id="t", text=text, language="id")).entities}
    assert typed[short] == typed[full] == "Organization"


@pytest.mark.parametrize(
    ("text", "name", "source", "expected"),
    [
        # in Indonesian the head comes first: a body's head noun makes a body, whoever found the name
        ("Penyidik Komisi Pengawas Niaga memeriksa dua saksi.", "Komisi Pengawas Niaga", "pattern", "Organization"),
        ("Ketua Paguyuban Sopir Kilat menolak tarif baru.", "Paguyuban Sopir Kilat", "ner", "Organization"),
        # a blended government name ("Kemen-" for Kementerian)
        ("Pejabat Kemenkilat menolak tarif baru.", "Kemenkilat", "pattern", "Organization"),
        # a legal form keeps a company one, and so does a name with no such head
        ("Saham Lembaga Kliring Kilat Tbk naik.", "Lembaga Kliring Kilat Tbk", "pattern", "Company"),
        ("Saham Kilat Niaga Nusantara naik.", "Kilat Niaga Nusantara", "pattern", "Company"),
    ],
)
def test_an_indonesian_company_headed_by_a_body_noun_is_an_organization(text: str, name: str, source: str,
                                                                         expected: str) -> None:
    assert entities("id", text, [mention(text, name, "Company", source)]) == [(name, expected)]


def test_a_tie_between_a_product_and_an_organisation_goes_to_the_product():
    from collections import Counter

    from kg.extract.merging import majority_type

    # "akan barbie" (a bare guess: Company) and "boneka barbie" (a product head: Product) are one name
    assert majority_type(Counter({"Company": 1, "Product": 1})) == "Product"
    assert majority_type(Counter({"Organization": 1, "Product": 1})) == "Product"
    # a majority still decides, and ties without a product keep the old order
    assert majority_type(Counter({"Company": 2, "Product": 1})) == "Company"
    assert majority_type(Counter({"Place": 1, "Company": 1})) == "Company"
