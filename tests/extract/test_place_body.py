"""A tagger Organization run opened by an organisation word holds the list's place as its body's name
(kg.extract.placeorg.place_body, BODY_OUTRANK in kg.extract.learned.tagged_names). Sentences written for
these tests; the tagger's run and its confidence are set, so the tests do not depend on what a model learnt."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kg.extract.gazindex import gaz_index
from kg.extract.learned import tagged_names, tagger_reading
from kg.extract.lexicon import load_lexicon
from kg.extract.mentions import find_names
from kg.extract.placeorg import BODY_OUTRANK
from kg.extract.text import split_sentences


def _tagged(text: str, run: tuple[int, int, str], conf: float,
            monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    lex, gaz = load_lexicon("id"), gaz_index("id")
    s = split_sentences(text, [(0, len(text))], lex)[0]
    reading = tagger_reading(s, language="id")
    assert reading is not None
    monkeypatch.setattr(type(reading.model), "span_confidence", lambda self, toks, spans, rows: [conf] * len(spans))
    names = find_names(s, lex, gaz)
    return [(m.text, m.type) for m in tagged_names(s, gaz, names, language="id", reading=replace(reading, runs=[run]))]


@pytest.mark.parametrize(("text", "run", "name"), [
    ("Demikian penjelasannya ke Bursa Efek Jakarta ( BEJ ) , Jumat .", (3, 6, "Organization"), "Bursa Efek Jakarta"),
    ("pemerintah provinsi dki jakarta mengganti direksi .", (0, 4, "Organization"), "pemerintah provinsi dki jakarta"),
])
def test_a_body_named_after_its_place_displaces_the_place_below_the_usual_bar(text, run, name, monkeypatch):
    got = _tagged(text, run, BODY_OUTRANK + 0.05, monkeypatch)
    assert [n for n, t in got if t == "Organization"] == [name]


@pytest.mark.parametrize(("text", "run"), [
    ("mereka mengunjungi kota tua jakarta kemarin .", (2, 5, "Organization")),  # "kota" opens no body
    ("Kunjungan ke Pemerintah Indonesia ( RI ) , Jumat .", (2, 4, "Organization")),  # a country: the state
])
def test_other_runs_need_the_usual_bar(text, run, monkeypatch):
    got = _tagged(text, run, BODY_OUTRANK + 0.05, monkeypatch)
    assert not [n for n, t in got if t in ("Organization", "Company")]


def test_a_body_below_its_bar_leaves_the_place(monkeypatch):
    got = _tagged("Demikian penjelasannya ke Bursa Efek Jakarta ( BEJ ) , Jumat .", (3, 6, "Organization"),
                  BODY_OUTRANK - 0.05, monkeypatch)
    assert not [n for n, t in got if t in ("Organization", "Company")]
