"""English deal links with a bystander as a party: an adviser on the deal, the owner of an unnamed unit that
merges (kg.extract.advisers, kg.extract.nearest.owner_of_unnamed_part).

Every sentence here was written for these tests (fictional companies).
"""

from __future__ import annotations

from kg.extract import extract
from kg.extract.advisers import adviser_spans
from kg.extract.lexicon import load_lexicon
from kg.extract.text import split_sentences
from kg.model import Article


def _links(text: str) -> set[tuple[str, str, str]]:
    x = extract(Article(id="t", text=text, language="en"))
    label = {e.id: e.label for e in x.entities}
    return {(r.type, label[r.subject], label[r.object]) for r in x.relations}


def _deals(text: str) -> set[tuple[str, str, str]]:
    return {r for r in _links(text) if r[0] in ("acquisition", "investment", "partnership")}


def test_advisers_listed_before_as_advisers_take_no_part_in_the_deal():
    text = ("Tenvar Inc plans to use Brell Corp and Kestrel, Marsh and Co as financial advisers on a tender "
            "offer for the company by Lumeo Partners, a Tenvar spokesman said.")
    deals = _deals(text)
    # without the rule: Tenvar partnered with "Marsh and Co", Lumeo Partners bought it
    assert not any(r[0] == "partnership" or (r[0] == "acquisition" and r[2] != "Tenvar Inc") for r in deals)
    assert not any("Brell Corp" in r for r in deals)


def test_adviser_forms():
    lex = load_lexicon("en")

    def spans(text: str, ms: list[tuple[int, int]]) -> set[tuple[int, int]]:
        from types import SimpleNamespace as NS

        s = split_sentences(text, [(0, len(text))], lex)[0]
        return adviser_spans(s, lex, [NS(i=i, j=j, key=str(i)) for i, j in ms])

    # an apposition with the client's possessive names an adviser ...
    assert spans("Brell Corp, Tenvar's financial advisor, said.", [(0, 2), (3, 4)]) == {(0, 2)}
    # ... one saying what kind of firm it is does not: such firms buy stakes
    assert spans("Brell Corp, a Chicago investment advisor, raised its stake in Tenvar.", [(0, 2), (4, 5)]) == set()
    # right after the adviser word
    assert spans("Tenvar retained its adviser, Brell Corp.", [(0, 1), (5, 7)]) == {(5, 7)}


def test_adviser_words_are_a_language_setting():
    # Indonesian lists none: no sentence is read for advisers
    assert "adviser_words" not in load_lexicon("id").settings
    assert "adviser_words" in load_lexicon("en").settings


def test_a_stake_bought_by_an_investment_adviser_stands():
    deals = _deals("Brell Associates LP, a Chicago investment advisor, said it raised its stake in Tenvar Inc.")
    assert ("investment", "Brell Associates LP", "Tenvar Inc") in deals


def test_the_owner_of_an_unnamed_merging_unit_is_no_partner():
    deals = _deals("Lumeo Corp said its shareholders approved the merger with a wholly-owned subsidiary of "
                   "Tenvar Inc.")
    assert ("partnership", "Lumeo Corp", "Tenvar Inc") not in deals
    assert ("partnership", "Tenvar Inc", "Lumeo Corp") not in deals
    merged = _deals("Lumeo Corp agreed to merge with Kestrel Inc.")
    assert {frozenset(r[1:]) for r in merged if r[0] == "partnership"} == {frozenset({"Lumeo Corp", "Kestrel Inc"})}
