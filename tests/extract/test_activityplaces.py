"""A place where something happens or is held is no organisation's base, nor a country's the base of its state's
bodies (kg.extract.activityplaces). Every sentence here was written for these tests (fictional companies)."""

from __future__ import annotations

from kg.extract import extract
from kg.extract.activityplaces import activity_places, governed_places, without_activity_places
from kg.extract.found import Found
from kg.extract.lexicon import load_lexicon
from kg.model import Article
from tests.extract.passrun import mention_at as _at
from tests.extract.passrun import one_sentence as _sentence

_EN = load_lexicon("en")


def _links(text: str) -> set[tuple[str, str, str]]:
    x = extract(Article(id="t", text=text, language="en"), engine="hybrid")
    return {(r.type, r.subject, r.object) for r in x.relations}


def test_a_court_a_branch_and_offices_govern_their_places() -> None:
    s = _sentence("Vexo Inc sued Lumeo in federal court in Boston and set up a branch in the Ruritania .")
    vexo, lumeo = _at(s, "Vexo Inc", "Company"), _at(s, "Lumeo", "Company")
    boston, rur = _at(s, "Boston", "Place"), _at(s, "Ruritania", "Country")
    assert [m.text for m, _ in governed_places(s, _EN, [vexo, lumeo, boston, rur])] == ["Boston", "Ruritania"]
    blocked = activity_places(s, _EN, [vexo, lumeo, boston, rur])
    assert {("based_in", vexo.key, boston.key), ("based_in", lumeo.key, rur.key)} <= blocked
    s = _sentence("Tenvar Films has offices located in both Lyon , France and Nice .")
    places = [_at(s, "Lyon", "Place"), _at(s, "France", "Country"), _at(s, "Nice", "Place")]
    assert [m.text for m, _ in governed_places(s, _EN, places)] == ["Lyon", "France", "Nice"]


def test_a_list_and_a_chain_after_the_place_share_its_governor() -> None:
    s = _sentence("Tenvar Care , an HMO servicing Salem and Corvallis , Oregon , was sold .")
    places = [_at(s, "Salem", "Place"), _at(s, "Corvallis", "Place"), _at(s, "Oregon", "Place")]
    assert [m.text for m, _ in governed_places(s, _EN, places)] == ["Salem", "Corvallis", "Oregon"]


def test_a_ranking_and_a_plain_base_are_left_alone() -> None:
    s = _sentence("Vexo , which runs the largest plant in Ruritania , is based in Lyon .")
    ms = [_at(s, "Vexo", "Company"), _at(s, "Ruritania", "Country"), _at(s, "Lyon", "Place")]
    assert governed_places(s, _EN, ms) == []
    assert activity_places(s, _EN, ms) == set()


def test_the_body_whose_name_ends_with_the_phrase_keeps_its_place() -> None:
    s = _sentence("Ana Diaz of the Lumeo Medical Center in Houston met Vexo Inc .")
    center, houston = _at(s, "Lumeo Medical Center", "Organization"), _at(s, "Houston", "Place")
    vexo = _at(s, "Vexo Inc", "Company")
    blocked = activity_places(s, _EN, [center, houston, vexo])
    assert ("based_in", vexo.key, houston.key) in blocked
    assert ("based_in", center.key, houston.key) not in blocked
    found = [Found("based_in", center, houston, "asserted", s), Found("based_in", vexo, houston, "asserted", s)]
    assert [f.subject.text for f in without_activity_places(s, _EN, [center, houston, vexo], found)] == [
        "Lumeo Medical Center"]


def test_a_place_named_again_without_the_phrase_is_kept() -> None:
    s = _sentence("Vexo Inc expects growth in Ruritania and plans a plant in Ruritania .")
    vexo = _at(s, "Vexo Inc", "Company")
    first, second = _at(s, "Ruritania", "Country"), _at(s, "Ruritania", "Country", 1)
    assert [m.i for m, _ in governed_places(s, _EN, [vexo, first, second])] == [second.i]
    assert activity_places(s, _EN, [vexo, first, second]) == set()


def test_the_rules_lose_their_link_to_a_governed_place() -> None:
    s = _sentence("Lumeo shares moved higher in Ruritania after Vexo Inc made a bid .")
    lumeo, rur, vexo = _at(s, "Lumeo", "Company"), _at(s, "Ruritania", "Country"), _at(s, "Vexo Inc", "Company")
    found = [Found("based_in", vexo, rur, "asserted", s, confidence=0.7),
             Found("acquisition", vexo, lumeo, "planned", s)]
    assert [f.type for f in without_activity_places(s, _EN, [lumeo, rur, vexo], found)] == ["acquisition"]


def test_extraction_reads_no_base_from_a_court() -> None:
    links = _links("Tenvar Inc sued Lumeo Corp in federal court in Boston, Massachusetts.")
    assert not any(t == "based_in" for t, _, _ in links)
