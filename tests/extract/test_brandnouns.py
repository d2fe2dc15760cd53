"""A brand noun after a name makes it a product (kg.extract.brandnouns). Sentences written for these tests; the
mentions are set, so the tests do not depend on what a model learnt."""

from __future__ import annotations

from kg.extract.brandnouns import brand_names
from tests.extract.passrun import run_pass


def _brands(text: str, spans: list[tuple[int, int, str]], language: str = "en") -> list[tuple[str, str]]:
    return run_pass(brand_names, text, spans, language, source="ner")


def test_a_name_before_a_brand_noun_is_a_product():
    got = _brands("It sells wines under the Charles Lefranc Cellars label.", [(5, 8, "Person")])
    assert got == [("Charles Lefranc Cellars", "Product")]


def test_a_list_closed_by_the_noun_is_a_list_of_brands():
    got = _brands("Brell makes Greb, Hush Puppies, Kodiak, and Santana brand shoes.",
                  [(0, 1, "Company"), (2, 3, "Person"), (4, 6, "Company"), (7, 8, "Place"), (10, 11, "Place")])
    assert got == [("Brell", "Company"), ("Greb", "Product"), ("Hush Puppies", "Product"), ("Kodiak", "Product"),
                   ("Santana", "Product")]


def test_the_owner_and_a_legal_form_stay_companies():
    # "Anheuser 's Budweiser label": the possessive is no list joiner
    got = _brands("It is priced below Anheuser 's Budweiser label.", [(4, 5, "Company"), (6, 7, "Company")])
    assert got == [("Anheuser", "Company"), ("Budweiser", "Product")]
    assert _brands("It uses the Tenvar Inc label.", [(3, 5, "Company")]) == [("Tenvar Inc", "Company")]


def test_a_language_without_the_setting_is_left_alone():
    assert _brands("Ia menjual merek Kodiak label baru.", [(3, 4, "Place")], "id") == [("Kodiak", "Place")]
