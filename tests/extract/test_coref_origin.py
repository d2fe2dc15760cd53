"""A description's place tells its antecedent's country to the descriptions after it (kg.extract.coref).
Every sentence here was written for these tests (fictional companies)."""

from __future__ import annotations

from kg.extract import extract
from kg.model import Article


def test_a_british_firm_is_not_also_the_pittsburgh_based_company() -> None:
    text = ("Lumeo Corp agreed to pay fees to Tenvar Group. Vexo said Lumeo must not pay Tenvar, under which "
            "the U.K.-based firm would receive fees from the Pittsburgh-based company.")
    x = extract(Article(id="t", text=text, language="en"))
    label = {e.id: e.label for e in x.entities}
    bases: dict[str, set[str]] = {}
    for r in x.relations:
        if r.type == "based_in":
            bases.setdefault(label[r.subject], set()).add(label[r.object])
    assert not any({"United Kingdom", "Pittsburgh"} <= places for places in bases.values())
