"""The name right after "parent" is the parent: "for parent company Tenvar Group", "Lumeo's French parent
Tenvar" (kg.extract.cueparties). Every sentence here was written for these tests (fictional companies)."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article


def _units(text: str) -> set[tuple[str, str]]:
    x = extract(Article(id="t", text=text, language="en"))
    label = {e.id: e.label for e in x.entities}
    return {(label[r.subject], label[r.object]) for r in x.relations if r.type == "subsidiary_of"}


@pytest.mark.parametrize(("text", "child", "parent"), [
    ("Vexo Resources wants to raise some capital for parent company Tenvar Group, which makes steel.",
     "Vexo Resources", "Tenvar Group"),
    ("Lumeo Corp's French parent Tenvar SA announced the plan on Monday.", "Lumeo Corp", "Tenvar SA"),
    ("Tenvar Inc, the parent of Lumeo Corp, said it would sell Vexo.", "Lumeo Corp", "Tenvar Inc"),
])
def test_the_name_after_parent_is_the_parent(text: str, child: str, parent: str) -> None:
    units = _units(text)
    assert (child, parent) in units
    assert (parent, child) not in units
