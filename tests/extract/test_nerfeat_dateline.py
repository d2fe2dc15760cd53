"""The tagger reads a dateline's upper-case place as an upper-case sentence is read (kg.extract.nerfeat)."""

from __future__ import annotations

import pytest

from kg.extract.nerfeat import Resources, sentence_casing
from kg.extract.text import tokenize


@pytest.mark.parametrize(("text", "read"), [
    # an upper-case run opening the sentence before its comma: title case, as in an upper-case sentence
    ("MEMPHIS , Tenn . ( AP ) _ The police said", ["Memphis", ",", "Tenn"]),
    ("WARSAW , Poland ( AP ) Lech Walesa spoke", ["Warsaw", ",", "Poland"]),
    # a short unknown word stays an acronym, as it does there
    ("IBM , the computer maker , said", ["IBM", ",", "the"]),
    # no comma right after the run: nothing changes
    ("NASA launched a probe , officials said", ["NASA", "launched", "a"]),
])
def test_a_dateline_is_read_in_title_case(text: str, read: list[str]) -> None:
    from kg.extract.casing import casing_of

    toks = tokenize(text)
    texts, casing = sentence_casing(toks, Resources())
    assert texts[:3] == read and casing == casing_of([t.text for t in toks])  # the sentence's casing stays


def test_a_dateline_types_its_place_with_a_tagger_that_never_saw_it() -> None:
    from kg.extract import extract
    from kg.model import Article

    x = extract(Article(id="t", text="KINGSPORT , Tenn . ( AP ) _ The police said Harold Smith left.", language="en"))
    assert {e.label: e.type for e in x.entities}.get("KINGSPORT") == "Place"
