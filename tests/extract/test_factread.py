"""A fact link a construction reads as asserted gets the status the gold-pair reader gives it
(kg.extract.factread). Sentences are written for these tests (fictional companies)."""

from __future__ import annotations

import pytest

from kg.extract.cueparties import find_cues
from kg.extract.factread import fact_statuses
from kg.extract.found import Found
from kg.extract.lexicon import load_lexicon
from kg.extract.mentions import Mention
from kg.extract.text import Sentence, tokenize


def _read(text: str, company: str, other: str, rtype: str = "operates_in", status: str = "asserted") -> str:
    lex, toks = load_lexicon("en"), tuple(tokenize(text))
    s = Sentence(0, 0, len(text), text, toks)

    def mention(name: str, kind: str) -> Mention:
        words = name.split()
        i = next(k for k in range(len(toks)) if [t.text for t in toks[k:k + len(words)]] == words)
        j = i + len(words)
        return Mention(0, i, j, toks[i].start, toks[j - 1].end, name, kind, name.lower(), name, "pattern")

    kind = "Sector" if rtype == "operates_in" else "Company"
    f = Found(rtype, mention(company, "Company"), mention(other, kind), status, s)
    return fact_statuses(s, lex, find_cues(s, lex), [f])[0].status


@pytest.mark.parametrize(
    ("text", "sector", "status"),
    [
        # a construction that reads the line of business says asserted; the sentence says it was sold
        ("Tenvar Inc said it sold its shoe divisions to Montreal-based Lumeo Footwear Inc for undisclosed terms.",
         "shoe", "ended"),
        ("The spokesman said Tenvar had sold off all its construction interests in 1986.", "construction", "ended"),
        ("Tenvar Inc does not make supercomputers.", "supercomputers", "denied"),
        # a sale only considered is a plan: the business is still Tenvar's
        ("Tenvar Inc is considering the sale of its shoe business.", "shoe", "asserted"),
        ("Tenvar Inc, a shoe maker, reported higher sales.", "shoe", "asserted"),
    ],
)
def test_a_fact_link_is_read_as_a_gold_pair_is(text: str, sector: str, status: str) -> None:
    company = "Tenvar" if text.startswith("The") else "Tenvar Inc"
    assert _read(text, company, sector) == status


def test_other_links_and_statuses_already_read_are_left_alone() -> None:
    text = "Tenvar Inc said it sold its shoe divisions to Lumeo Corp."
    assert _read(text, "Tenvar Inc", "Lumeo Corp", rtype="partnership") == "asserted"
    assert _read(text, "Tenvar Inc", "shoe", status="planned") == "planned"
