"""A change of owner ends the seller's link (kg/extract/handover.py, read by kg/extract/status.py)."""

from __future__ import annotations

import pytest

from kg.extract import status as S
from kg.extract.cueparties import find_cues
from kg.extract.handover import changed_hands
from kg.extract.lexicon import load_lexicon
from kg.extract.nearest import clause
from kg.extract.text import Sentence, tokenize


def _pair(text: str, a: tuple[int, int], b: tuple[int, int], relation: str) -> str:
    """The rules' status of a gold pair (token spans ``a`` and ``b``), read where :func:`S.anchor_of` reads it."""
    lex = load_lexicon("en")
    toks = tuple(tokenize(text))
    s = Sentence(0, 0, len(text), text, toks)
    hits = find_cues(s, lex)
    anchor = S.anchor_of(hits, relation, a, b)
    lo, hi = clause(s, lex, anchor[0])
    return S.rule_status(toks, lex, hits, anchor, lo, hi, question=False, relation=relation, parties=(a, b))


@pytest.mark.parametrize(("text", "a", "b", "relation", "status"), [
    # bought from the owner: the owner's unit is no more
    ("Norvik Shipping said it acquired Lumeo Ltd from Zeta Corp for 20 mln dlrs.", (5, 7), (8, 10),
     "subsidiary_of", "ended"),
    ("Norvik Shipping completed the acquisition of Lumeo Ltd from Zeta Corp.", (6, 8), (9, 11),
     "subsidiary_of", "ended"),
    # bought, the owner named in an apposition or as a possessive
    ("Norvik Shipping has acquired Lumeo Ltd, a subsidiary of Zeta Corp.", (4, 6), (11, 13), "subsidiary_of",
     "ended"),
    ("Norvik Shipping acquired the Lumeo division of Zeta Corp.", (4, 6), (7, 9), "subsidiary_of", "ended"),
    # sold by the owner
    ("Zeta Corp said it sold the Lumeo division to Norvik Shipping.", (6, 8), (0, 2), "subsidiary_of", "ended"),
    # a stake bought from its holder
    ("Norvik Shipping bought a 50 pct stake in Lumeo Ltd from Zeta Corp.", (11, 13), (8, 10), "investment",
     "ended"),
    # only planned: the owner still owns it (no ending read; the plan governs the purchase, not the unit's
    # parent: kg.extract.statusrules.OWNED_FACTS, as the annotations read it)
    ("Norvik Shipping agreed to buy Lumeo Ltd from Zeta Corp.", (5, 7), (8, 10), "subsidiary_of", "asserted"),
    # the buyer is the owner now
    ("Zeta Corp acquired Lumeo Ltd last year.", (3, 5), (0, 2), "subsidiary_of", "asserted"),
    # a stake bought says nothing of the other holders
    ("Norvik Shipping acquired a 7 pct stake in Lumeo Ltd, controlled by Zeta Corp.", (13, 15), (8, 10),
     "investment", "asserted"),
])
def test_a_change_of_owner(text: str, a: tuple[int, int], b: tuple[int, int], relation: str, status: str) -> None:
    assert _pair(text, a, b, relation) == status


def test_a_language_without_the_file_reads_no_change() -> None:
    toks = tokenize("Norvik mengakuisisi Lumeo dari Zeta")
    assert not changed_hands(toks, "id", "subsidiary_of", [(2, 3), (4, 5)], 0, len(toks))
