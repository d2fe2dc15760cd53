"""An English tagger Organization run that holds only list places, wherever they stand, is weighed at
BODY_OUTRANK (kg.extract.placeorg.holds_places, ``place_bodies_anywhere`` in the en language.toml).
Sentences written for these tests (fictional bodies); the tagger's run and its confidence are set, so the
tests do not depend on what a model learnt."""

from __future__ import annotations

from dataclasses import replace

import pytest

from kg.extract.gazindex import gaz_index
from kg.extract.learned import outrank_bar, tagged_names, tagger_reading
from kg.extract.lexicon import load_lexicon
from kg.extract.mentions import find_names
from kg.extract.placeorg import BODY_OUTRANK, holds_places
from kg.extract.text import split_sentences


def _tagged(text: str, run: tuple[int, int, str], conf: float, monkeypatch: pytest.MonkeyPatch,
            language: str = "en") -> list[tuple[str, str]]:
    lex, gaz = load_lexicon(language), gaz_index(language)
    s = split_sentences(text, [(0, len(text))], lex)[0]
    reading = tagger_reading(s, language=language)
    assert reading is not None
    monkeypatch.setattr(type(reading.model), "span_confidence", lambda self, toks, spans, rows: [conf] * len(spans))
    names = find_names(s, lex, gaz)
    return [(m.text, m.type) for m in tagged_names(s, gaz, names, language=language,
                                                    reading=replace(reading, runs=[run]))]


TEXT = "Harbour Stops of America said the rules would change."


def test_the_setting_is_on_for_english_only():
    assert load_lexicon("en").settings.get("place_bodies_anywhere") is True
    assert not load_lexicon("id").settings.get("place_bodies_anywhere", False)
    assert outrank_bar("en") > BODY_OUTRANK


def test_a_body_after_its_place_displaces_the_place_below_the_usual_bar(monkeypatch):
    got = _tagged(TEXT, (0, 4, "Organization"), BODY_OUTRANK + 0.05, monkeypatch)
    assert [n for n, t in got if t in ("Organization", "Company")] == ["Harbour Stops of America"]


def test_below_the_body_bar_the_place_stands(monkeypatch):
    got = _tagged(TEXT, (0, 4, "Organization"), BODY_OUTRANK - 0.05, monkeypatch)
    assert not [n for n, t in got if t in ("Organization", "Company")]


def test_a_run_holding_a_company_needs_the_usual_bar():
    assert holds_places("Organization", [(1, 2, "Place"), (4, 5, "Country")])
    assert not holds_places("Organization", [(1, 2, "Place"), (4, 6, "Company")])
    assert not holds_places("Company", [(1, 2, "Place")])
