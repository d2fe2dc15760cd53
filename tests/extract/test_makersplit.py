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
