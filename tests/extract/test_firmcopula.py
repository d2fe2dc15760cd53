"""A name that a copula and a company's head word follow is a company (kg.extract.firmcopula). Sentences written
for these tests; the mentions are set, so the tests do not depend on what a model learnt."""

from __future__ import annotations

from kg.extract.firmcopula import described_firms
from tests.extract.passrun import run_pass


def _typed(text: str, spans: list[tuple[int, int, str]], language: str = "id") -> list[tuple[str, str]]:
    return run_pass(described_firms, text, spans, language, source="ner", looked_up=False)


def test_a_place_or_person_described_as_a_firm_is_a_company():
    assert _typed("Karena Kebun Raya merupakan perusahaan Inggris , Disney menunda .", [(1, 3, "Place")]) == [
        ("Kebun Raya", "Company")]
    assert _typed("Teguh Jaya , yang adalah salah satu produsen tekstil , tutup .", [(0, 2, "Person")]) == [
        ("Teguh Jaya", "Company")]


def test_other_descriptions_types_and_languages_are_left_alone():
    assert _typed("Teguh Jaya merupakan pendiri perusahaan itu .", [(0, 2, "Person")]) == [("Teguh Jaya", "Person")]
    assert _typed("Kebun Raya merupakan perusahaan Inggris .", [(0, 2, "Organization")]) == [
        ("Kebun Raya", "Organization")]
    assert _typed("Green Hill is a company in Ohio .", [(0, 2, "Place")], "en") == [("Green Hill", "Place")]
