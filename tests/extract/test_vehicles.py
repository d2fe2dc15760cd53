"""A company formed to buy another one is the buyer, never the thing bought (kg.extract.vehicles). Every
sentence here was written for these tests (fictional companies)."""

from __future__ import annotations

from kg.extract import extract
from kg.extract.mentions import Mention
from kg.extract.vehicles import is_vehicle
from kg.model import Article
from kg.slotinit import replace


def _acquisitions(text: str) -> set[tuple[str, str]]:
    x = extract(Article(id="t", text=text, language="en"))
    label = {e.id: e.label for e in x.entities}
    return {(label[r.subject], label[r.object]) for r in x.relations if r.type == "acquisition"}


def test_a_vehicle_is_the_buyer() -> None:
    deals = _acquisitions("Under the agreement, Corvan Inc said it will still be permitted to complete a leveraged "
                          "buyout agreement with Corvan Acquiring Corp, which has been approved by its shareholders.")
    assert ("Corvan Inc", "Corvan Acquiring Corp") not in deals
    assert ("Corvan Acquiring Corp", "Corvan Inc") in deals


def test_a_vehicle_word_counts_only_inside_a_name() -> None:
    m = Mention(0, 0, 3, 0, 23, "Tenvar Acquiring Corp", "Company", "t", "Tenvar Acquiring Corp", "t")
    assert is_vehicle(m, "en")
    assert not is_vehicle(replace(m, label="Acquisition Partners"), "en")  # the first word is the name's own
    assert not is_vehicle(replace(m, label="Tenvar acquisition unit"), "en")
