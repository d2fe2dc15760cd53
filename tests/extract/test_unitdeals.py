"""A deal a unit makes is not its parent's too (kg.extract.unitdeals). Names are fictional."""

from __future__ import annotations

from kg.extract.found import Found
from kg.extract.mentions import Mention
from kg.extract.text import Sentence, tokenize
from kg.extract.unitdeals import without_owner_deals

_TEXT = "Corvan Group Ltd 's Lumeo Holdings Corp agreed to buy Vexo Inc and Tenvar bought Vexo shares ."
_S = Sentence(0, 0, len(_TEXT), _TEXT, tuple(tokenize(_TEXT)))


def _m(key: str) -> Mention:
    return Mention(0, 0, 1, 0, 1, key, "Company", key, key, "test")


def _links(found: list[Found]) -> set[tuple[str, str, str]]:
    return {(f.type, f.subject.key, f.object.key) for f in found}


def test_the_parent_of_a_buyer_buys_nothing() -> None:
    corvan, lumeo, vexo, tenvar = _m("corvan"), _m("lumeo"), _m("vexo"), _m("tenvar")
    found = [Found("subsidiary_of", lumeo, corvan, "asserted", _S),
             Found("acquisition", lumeo, vexo, "planned", _S),
             Found("acquisition", corvan, vexo, "planned", _S),
             Found("investment", tenvar, vexo, "asserted", _S)]
    assert _links(without_owner_deals(found)) == {("subsidiary_of", "lumeo", "corvan"),
                                                  ("acquisition", "lumeo", "vexo"),
                                                  ("investment", "tenvar", "vexo")}


def test_a_deal_of_another_type_stays() -> None:
    corvan, lumeo, vexo = _m("corvan"), _m("lumeo"), _m("vexo")
    found = [Found("subsidiary_of", lumeo, corvan, "asserted", _S),
             Found("acquisition", lumeo, vexo, "planned", _S),
             Found("investment", corvan, vexo, "asserted", _S)]
    assert _links(without_owner_deals(found)) == _links(found)
