"""An organisation cue that can precede a person ("investor", "producer") does not make a person a company."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article


def types(text: str) -> dict[str, str]:
    return {e.label: e.type for e in extract(Article(id="a", text=text, language="en")).entities}


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        # the tagger's sure Person outranks the cue's Company on the same words
        ("A shareholder group led by Dallas investor Harold Whitcombe said it holds 8.1 pct of Lorton "
         "Industries Inc.", "Harold Whitcombe", "Person"),
        ("Hollywood producer Michael Brandt made a bid for Tarsen Corp.", "Michael Brandt", "Person"),
        # a company after the same cue stays a company
        ("Shares of Lorton Industries rose after investor group Carlyle Partners bought a stake.",
         "Carlyle Partners", "Company"),
        # a name that does not start with a first name keeps the cue's reading, whatever the tagger says
        ("Japanese trading house Takegawa Shoji bought a stake in Lorton Industries Inc.", "Takegawa Shoji",
         "Company"),
    ],
)
def test_a_person_after_an_organisation_cue_is_a_person(text: str, name: str, expected: str) -> None:
    assert types(text)[name] == expected
