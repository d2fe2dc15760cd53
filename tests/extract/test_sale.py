"""The sale construction: who sells what to whom, and what the seller still owns.

Every sentence here was written for these tests (fictional companies).
"""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article
from tests.extract.readings import relations_of

T, L, V = "Tenvar Industries Inc", "Lumeo Corp", "Vexo Holdings Inc"


def _rels(text: str) -> set[tuple[str, ...]]:
    return relations_of(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a planned sale: the buyer plans, the seller still owns
        (f"{T} agreed to sell its {L} unit to {V}.",
         {("acquisition", V, L, "planned"), ("subsidiary_of", L, T, "asserted")}),
        # a completed sale: the ownership has ended
        (f"{T} completed the sale of its {L} subsidiary to {V}.",
         {("acquisition", V, L, "asserted"), ("subsidiary_of", L, T, "ended")}),
        # a stake sold: investments on both sides
        (f"{T} sold its 20 pct stake in {L} to {V}.",
         {("investment", V, L, "asserted"), ("investment", T, L, "ended")}),
        # a denied sale leaves the stake where it is
        (f"{T} has no plans to sell its stake in {L}, it said.", {("investment", T, L, "asserted")}),
        # part of a unit sold: still the seller's unit
        (f"{T} said it sold 10 pct of its {L} unit to {V}.",
         {("investment", V, L, "asserted"), ("subsidiary_of", L, T, "asserted")}),
    ],
)
def test_sale(text, expected):
    assert _rels(text) == expected


def test_no_thing_sold_no_link():
    # the assets of a unit are not the unit (it stays the seller's); the buyer is not the thing sold
    rels = _rels(f"{T} completed the sale of the assets of its {L} unit.")
    assert ("subsidiary_of", L, T, "ended") not in rels, rels
    assert not _rels(f"{T} sold three units to {V}.")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # a purchase done: the seller's ownership has ended
        (f"{V} said it completed the acquisition of {L} from {T} for an undisclosed sum.", "ended"),
        # a purchase planned: still the seller's
        (f"{V} said it agreed to buy {L} from {T}.", "asserted"),
    ],
)
def test_bought_from_seller(text, status):
    # "the acquisition of Y from X": Y was X's (kg.extract.sale.sold_from); the rules engine, as the pair
    # classifier reads some such sentences too
    x = extract(Article(id="t", text=text, language="en"), engine="rules")
    assert ("subsidiary_of", "lumeo", "tenvar-industries", status) in {
        (r.type, r.subject, r.object, r.status) for r in x.relations}


def test_bid_from_is_no_seller():
    # the bidder after a bid word, a stake or a price is no seller
    assert not {r for r in _rels(f"{L} rejected a takeover offer from {T}.") if r[0] == "subsidiary_of"}
    assert not {r for r in _rels(f"{V} offered to buy {L} shares from {T}.") if r[0] == "subsidiary_of"}
