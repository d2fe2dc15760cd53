"""A place one organisation is read to be based in is no other's (kg.extract.placechain.claimed_places,
based_owners). Every sentence here was written for these tests (fictional companies and people)."""

from __future__ import annotations

from kg.extract.found import Found
from kg.extract.placechain import based_owners, claimed_places
from tests.extract.passrun import mention_at as _at
from tests.extract.passrun import one_sentence as _sentence


def test_a_hyphen_based_town_is_the_name_after_it() -> None:
    s = _sentence("Vexo Group of Midland and Irvine - based Lumeo Industries Inc dropped its offer.")
    vexo, midland = _at(s, "Vexo Group", "Company"), _at(s, "Midland", "Place")
    irvine, lumeo = _at(s, "Irvine", "Place"), _at(s, "Lumeo Industries Inc", "Company")
    ms = [vexo, midland, irvine, lumeo]
    assert [(p.text, o.text) for p, o in based_owners(s, ms)] == [("Irvine", "Lumeo Industries Inc")]
    blocked = claimed_places(s, ms, [])
    assert ("based_in", vexo.key, irvine.key) in blocked
    assert ("based_in", lumeo.key, irvine.key) not in blocked
    assert ("based_in", vexo.key, midland.key) not in blocked


def test_a_person_after_based_claims_the_town_too() -> None:
    s = _sentence("A bid by the London-based financier Ana Dorval for Vexo AB failed.")
    # "London-based" is one token; the place's mention ends inside it (kg.extract.mentions)
    london, ana, vexo = _at(s, "London-based", "Place"), _at(s, "Ana Dorval", "Person"), _at(s, "Vexo AB", "Company")
    assert ("based_in", vexo.key, london.key) in claimed_places(s, [london, ana, vexo], [])


def test_a_town_a_rule_gives_one_company_with_its_state_is_no_other_companys() -> None:
    s = _sentence("Its parent, Tenvar Group Inc. Tenvar Insurance, based in Albany, Ohio, plans a sale.")
    group, ins = _at(s, "Tenvar Group Inc", "Company"), _at(s, "Tenvar Insurance", "Company")
    albany, ny = _at(s, "Albany", "Place"), _at(s, "Ohio", "Place")
    ms = [group, ins, albany, ny]
    blocked = claimed_places(s, ms, [Found("based_in", ins, albany, "asserted", s)])
    assert {("based_in", group.key, albany.key), ("based_in", group.key, ny.key)} <= blocked
    assert not any(k[1] == ins.key for k in blocked)


def test_a_country_before_the_names_is_shared() -> None:
    # "the Canadian Space Agency and the Department of Defense": a modifier, not one name's claim
    s = _sentence("The Canadian Space Agency and the Department of Defense began the design.")
    us, agency = _at(s, "Canadian", "Country"), _at(s, "Space Agency", "Organization")
    dod = _at(s, "Department of Defense", "Organization")
    assert claimed_places(s, [us, agency, dod], [Found("based_in", agency, us, "asserted", s)]) == set()
