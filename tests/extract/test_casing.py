"""Casing variants: offsets kept, headline styles recognised."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.extract.casing import CASINGS, casing_of, recase


@given(st.text(max_size=60), st.sampled_from(CASINGS))
def test_length_and_letters_kept(text: str, casing: str) -> None:
    out = recase(text, casing)
    assert len(out) == len(text)
    assert out.casefold() == text.casefold()  # only the case of letters changes


@pytest.mark.parametrize(
    ("text", "title", "upper"),
    [
        ("Telkom tegaskan tak ada merger dengan XL di 2025", "Telkom Tegaskan Tak Ada Merger Dengan XL Di 2025",
         "TELKOM TEGASKAN TAK ADA MERGER DENGAN XL DI 2025"),
        ("acme's (unit) said: no-deal", "Acme's (Unit) Said: No-Deal", "ACME'S (UNIT) SAID: NO-DEAL"),
        ("straße in köln", "Straße In Köln", "STRAßE IN KÖLN"),
    ],
)
def test_recase(text: str, title: str, upper: str) -> None:
    assert (recase(text, "title"), recase(text, "upper"), recase(text, "as written")) == (title, upper, text)


@pytest.mark.parametrize(
    ("words", "casing"),
    [
        ("Grab Bantah Kabar Merger Dengan GoTo", "title"),
        ("GRAB BANTAH KABAR MERGER", "upper"),
        ("Grab membantah kabar merger dengan GoTo", "as written"),
        ("BRI dan BNI", "as written"),  # too short to say
        ("PT BRI Tbk", "as written"),
    ],
)
def test_casing_of(words: str, casing: str) -> None:
    assert casing_of(words.split()) == casing
