"""A possessive names a unit and its owner before the unit cue ("AMR Corp's American Airlines unit"):
the unit is the owner's subsidiary (kg.extract.nearest.possessed_child_owner, read by
kg.extract.cueparties). Sentences written for these tests (fictional companies); the rules engine, as the
pair classifier reads some such sentences too."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article


def _links(text: str) -> set[tuple[str, str, str]]:
    x = extract(Article(id="t", text=text, language="en"), engine="rules")
    return {(r.type, r.subject, r.object) for r in x.relations}


@pytest.mark.parametrize("text", [
    "Tenvar Corp's Lumeo Inc unit said it would close two plants.",
    "Vexo Inc bought the plant from Tenvar Corp's <TNV> <Lumeo Inc> subsidiary.",
    "Vexo Inc sold the plant to <Tenvar Corp>'s Lumeo Inc division.",
])
def test_possessed_unit_before_the_cue(text: str) -> None:
    assert ("subsidiary_of", "lumeo", "tenvar") in _links(text)


def test_a_name_right_before_the_cue_without_a_possessive_is_the_parent() -> None:
    # "Tenvar Corp unit Lumeo Inc": the name before the cue owns the one after it
    assert ("subsidiary_of", "lumeo", "tenvar") in _links("Tenvar Corp unit Lumeo Inc said it would close two plants.")
    assert ("subsidiary_of", "tenvar", "lumeo") not in _links("Tenvar Corp's Lumeo Inc unit said it would close.")
