"""A maker's name at the start of a caseless product run is the company (kg.extract.makersplit). Sentences
written for these tests; the mentions are set, so the tests do not depend on what a model learnt."""

from __future__ import annotations

from kg.extract.makersplit import split_makers
from tests.extract.passrun import run_pass


def _split(text: str, spans: list[tuple[int, int, str]], language: str = "id") -> list[tuple[str, str]]:
    return run_pass(split_makers, text, spans, language, source="ner", looked_up=False)


def test_a_maker_then_a_model_with_a_number_is_two_names():
    assert _split("xiaomi redmi note 5 dikabarkan memakai bodi aluminium .", [(0, 4, "Product")]) == [
        ("xiaomi", "Company"), ("redmi note 5", "Product")]
    assert _split("di ponsel andalan mereka htc one m8 dan m7 .", [(4, 7, "Product")]) == [
        ("htc", "Company"), ("one m8", "Product")]


def test_a_bare_number_a_name_without_digits_or_cased_text_stay_whole():
    assert _split("ponsel blackberry 10 dirilis .", [(1, 3, "Product")]) == [("blackberry 10", "Product")]
    assert _split("layanan bri transfer lounge dibuka .", [(1, 4, "Product")]) == [("bri transfer lounge", "Product")]
    assert _split("Ponsel Xiaomi Redmi Note 5 dirilis .", [(1, 5, "Product")]) == [("Xiaomi Redmi Note 5", "Product")]
    assert _split("the xiaomi redmi note 5 is out .", [(1, 5, "Product")], "en") == [("xiaomi redmi note 5", "Product")]


def test_a_maker_then_a_one_word_model_code_is_two_names():
    # session 14: "honda cb650f", "lg g4" (the gold splits them: docs/annotations.md, maker + model)
    assert _split("motor honda zx650f dipamerkan di jakarta .", [(1, 3, "Product")]) == [
        ("honda", "Company"), ("zx650f", "Product")]


def test_a_one_word_code_after_a_name_no_line_of_business_names_stays_whole():
    # Helio, a company of the lists with neither a sector nor a Wikidata id: "helio x20" is MediaTek's chip
    assert _split("chipset helio x20 dipakai ponsel itu .", [(1, 3, "Product")]) == [("helio x20", "Product")]


def test_an_unlisted_name_right_after_a_listed_maker_is_its_model():
    spans = [(0, 1, "Company"), (1, 2, "Company")]
    assert _split("yamaha zorva-9 diperkenalkan di tokyo .", spans) == [("yamaha", "Company"), ("zorva-9", "Product")]


def test_a_person_after_a_maker_stays_a_person():
    spans = [(3, 4, "Company"), (4, 6, "Person")]
    assert _split("menurut direktur utama pln sofyan basyir , listrik aman .", spans) == [
        ("pln", "Company"), ("sofyan basyir", "Person")]


def test_an_unlisted_name_after_a_product_noun_is_a_product():
    assert _split("pengguna aplikasi zorvapp bisa masuk .", [(2, 3, "Company")]) == [("zorvapp", "Product")]
    assert _split("tersedia untuk pengguna zorvos dan android .", [(3, 4, "Organization")]) == [
        ("zorvos", "Product")]
    # a name the lists know after the noun stays what it is ("ponsel samsung": the maker)
    assert _split("ponsel samsung laris .", [(1, 2, "Company")]) == [("samsung", "Company")]
