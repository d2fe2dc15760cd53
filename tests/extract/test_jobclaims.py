"""A person the rules give an employer gets no employer across another name from the pair classifier
(kg.extract.jobclaims.claimed_people). Every sentence here was written for these tests (fictional people and
companies)."""

from __future__ import annotations

from kg.extract.found import Found
from kg.extract.jobclaims import claimed_people
from tests.extract.passrun import mention_at as _at
from tests.extract.passrun import one_sentence as _sentence


def test_two_chairmen_do_not_swap_companies() -> None:
    s = _sentence("Lumeo's chairman, Ana Dorval, and Bo Tran, Vexo's chairman, said talks go on.")
    lumeo, ana = _at(s, "Lumeo", "Company"), _at(s, "Ana Dorval", "Person")
    vexo, bo = _at(s, "Vexo", "Company"), _at(s, "Bo Tran", "Person")
    ms = [lumeo, ana, bo, vexo]
    rules = [Found("works_for", ana, lumeo, "asserted", s), Found("works_for", bo, vexo, "asserted", s)]
    assert claimed_people(s, ms, rules) == {("works_for", ana.key, vexo.key), ("works_for", bo.key, lumeo.key)}


def test_two_employers_with_no_name_between_are_kept() -> None:
    s = _sentence("Ana Dorval, owner of Lumeo Banks and the radio station Vexo FM, was in Lyon.")
    ana, lumeo, vexo = _at(s, "Ana Dorval", "Person"), _at(s, "Lumeo Banks", "Company"), _at(s, "Vexo FM", "Company")
    assert claimed_people(s, [ana, lumeo, vexo], [Found("works_for", ana, lumeo, "asserted", s)]) == set()


def test_another_name_of_the_employer_is_kept() -> None:
    # "CHP ( Republican People 's Party ) leader X": the short form in brackets names the same party
    s = _sentence("Tenvar ( Lumeo Vexo Party ) leader Ana Dorval met Bo Tran of Zorin Corp.")
    short, full = _at(s, "Tenvar", "Organization"), _at(s, "Lumeo Vexo Party", "Organization")
    ana, bo, zorin = _at(s, "Ana Dorval", "Person"), _at(s, "Bo Tran", "Person"), _at(s, "Zorin Corp", "Company")
    blocked = claimed_people(s, [short, full, ana, bo, zorin], [Found("works_for", ana, full, "asserted", s)])
    assert ("works_for", ana.key, short.key) not in blocked
    assert ("works_for", ana.key, zorin.key) in blocked
