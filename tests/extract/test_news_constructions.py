"""English news constructions that decide who did what (direction).

Every sentence here was written for these tests (fictional companies).
"""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.model import Article
from tests.extract.readings import relations_of


def _rels(text: str) -> set[tuple[str, ...]]:
    return relations_of(text, status=False)


@pytest.mark.parametrize(
    "text",
    [
        "Lumeo Corp rejected a buyout offer from Tenvar Industries Inc.",
        "Lumeo Corp said its board would study the takeover proposal from Tenvar Industries Inc.",
        "Lumeo Corp shares rose on talk that it is a takeover target of Tenvar Industries Inc.",
    ],
)
def test_the_bidder_after_a_bid_word(text):
    rels = _rels(text)
    assert ("acquisition", "Tenvar Industries Inc", "Lumeo Corp") in rels, rels
    assert ("acquisition", "Lumeo Corp", "Tenvar Industries Inc") not in rels, rels


@pytest.mark.parametrize(
    "text",
    [
        "Lumeo Corp said it would respond to the acquisition bid by Tenvar Industries Inc.",
        "Lumeo Corp recommended the takeover bid by Tenvar Industries Inc.",
        "Lumeo Corp said its takeover by Tenvar Industries Inc was approved.",
    ],
)
def test_the_agent_after_a_deal_noun_is_the_buyer(text):
    rels = _rels(text)
    assert ("acquisition", "Tenvar Industries Inc", "Lumeo Corp") in rels, rels
    assert ("acquisition", "Lumeo Corp", "Tenvar Industries Inc") not in rels, rels


def test_a_far_by_after_a_deal_noun_is_no_agent():
    rels = _rels("Tenvar Industries Inc amended its tender offer so that the price will not be reduced by Lumeo Corp "
                 "dividends.")
    assert ("acquisition", "Lumeo Corp", "Tenvar Industries Inc") not in rels, rels


def test_from_after_a_purchase_names_the_seller():
    rels = _rels("Tenvar Industries Inc completed its purchase of Lumeo Corp from Vexo Holdings Inc.")
    assert ("acquisition", "Tenvar Industries Inc", "Lumeo Corp") in rels, rels
    assert not any(r[0] == "acquisition" and r[1] == "Vexo Holdings Inc" for r in rels), rels


@pytest.mark.parametrize(
    ("text", "child", "parent"),
    [
        ("Tenvar Industries Inc said its wholly owned subsidiary Lumeo Corp would expand.", "Lumeo Corp",
         "Tenvar Industries Inc"),
        ("Talks went on through Tenvar Industries' health care subsidiary Lumeo Corp.", "Lumeo Corp",
         "Tenvar Industries"),
        ("Tenvar Industries Inc <TNV> unit Lumeo Corp made an offer.", "Lumeo Corp", "Tenvar Industries Inc"),
        ("Lumeo Corp parent Tenvar Industries Inc won the contract.", "Lumeo Corp", "Tenvar Industries Inc"),
        # the unit named right after the cue is the child, whatever stands between owner and cue
        ("Tenvar Industries Inc said it will sell through its German subsidiary, Lumeo Corp, its stake in "
         "Vexo Ltd.", "Lumeo Corp", "Tenvar Industries Inc"),
        ("Tenvar Industries Inc said its French unit Lumeo Corp would expand.", "Lumeo Corp", "Tenvar Industries Inc"),
        ("Tenvar Industries Inc said wholly owned Lumeo Corp extended its offer.", "Lumeo Corp",
         "Tenvar Industries Inc"),
        # "owned by": the owner is the parent
        ("Lumeo Corp, wholly owned by Tenvar Industries Inc, is considering a purchase.", "Lumeo Corp",
         "Tenvar Industries Inc"),
    ],
)
def test_a_possessed_unit_is_the_child(text, child, parent):
    rels = _rels(text)
    assert ("subsidiary_of", child, parent) in rels, rels
    assert ("subsidiary_of", parent, child) not in rels, rels


def test_a_persons_pronoun_joins_the_person_named_before():
    rels = _rels("Tenvar Industries Inc said Maria Lopez would step down. She was the company's chief executive.")
    assert ("works_for", "Maria Lopez", "Tenvar Industries Inc") in rels, rels
    # two people before "he": not clear, no link
    rels = _rels("Maria Lopez and John Smith met on Monday. He is the chairman of Vexo Holdings Inc.")
    assert not any(r[0] == "works_for" for r in rels), rels


@pytest.mark.parametrize(
    "text",
    [
        "Lumeo Corp's largest shareholder, Tenvar Industries Inc, said it was pleased.",
        "Tenvar Industries Inc, the largest shareholder in Lumeo Corp, said it was pleased.",
        "Lumeo Corp, an affiliate of Tenvar Industries Inc, said it was pleased.",
        "Tenvar Industries Inc owns 30 pct of Lumeo Corp.",
        "Tenvar Industries Inc cut its holding in Lumeo Corp to 4.9 pct.",
    ],
)
def test_a_holder_invests(text):
    rels = _rels(text)
    assert ("investment", "Tenvar Industries Inc", "Lumeo Corp") in rels, rels
    assert ("investment", "Lumeo Corp", "Tenvar Industries Inc") not in rels, rels


def test_shareholders_of_one_company_invest_in_no_other():
    rels = _rels("Lumeo Corp shareholders approved the merger with Tenvar Industries Inc.")
    assert not any(r[0] == "investment" for r in rels), rels


def test_two_companies_joined_by_and_are_two():
    x = extract(Article(id="t", text="Tenvar Inc and Lumeo Corp formed a joint venture.", language="en"))
    assert sorted(e.label for e in x.entities) == ["Lumeo Corp", "Tenvar Inc"]
    assert {r.type for r in x.relations} == {"partnership"}
    x = extract(Article(id="t", text="Shares of Johnson and Johnson Co rose.", language="en"))
    assert [e.label for e in x.entities] == ["Johnson and Johnson Co"]


@pytest.mark.parametrize(
    ("text", "rtype"),
    [
        ("Tenvar Industries Inc and Lumeo Corp agreed to merge.", "partnership"),
        ("Tenvar Industries Inc and Lumeo Corp are rivals in the valve market.", "competitor_of"),
    ],
)
def test_both_parties_before_a_symmetric_cue(text, rtype):
    rels = _rels(text)
    assert {(r[0], frozenset(r[1:])) for r in rels} == {(rtype, frozenset({"Tenvar Industries Inc", "Lumeo Corp"}))}


@pytest.mark.parametrize(
    "text",
    [
        "Lumeo Corp rejected an unsolicited merger offer from Tenvar Industries Inc.",
        "Lumeo Corp shareholders approved a merger into Tenvar Industries Inc.",
        "Lumeo Corp will be merged into Tenvar Industries Inc.",
    ],
)
def test_a_merger_with_a_stated_acquirer(text):
    rels = _rels(text)
    assert ("acquisition", "Tenvar Industries Inc", "Lumeo Corp") in rels, rels
    assert not any(r[0] == "partnership" for r in rels), rels


def test_the_parties_of_a_merger_named_after_it():
    rels = _rels("The regulator Vexo Holdings Inc rejected the merger of Tenvar Industries Inc and Lumeo Corp.")
    assert any(r[0] == "partnership" and {r[1], r[2]} == {"Tenvar Industries Inc", "Lumeo Corp"} for r in rels), rels
    assert not any(r[0] == "partnership" and "Vexo Holdings Inc" in r[1:] for r in rels), rels


def test_a_link_read_from_reports_is_rumored():
    rels = _rels("Tenvar Industries Inc declined to comment on reports it would buy Lumeo Corp.")
    assert rels == {("acquisition", "Tenvar Industries Inc", "Lumeo Corp")}
    x = extract(Article(id="t", text="Tenvar Industries Inc declined to comment on reports it would buy Lumeo Corp.",
                        language="en"))
    assert [r.status for r in x.relations] == ["rumored"]
