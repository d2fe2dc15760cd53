"""A stock listing in brackets after a company's name names no other party (kg.extract.listing). Every
sentence here was written for these tests (fictional companies)."""

from __future__ import annotations

from kg.extract import extract
from kg.extract.gazindex import gaz_index
from kg.extract.lexicon import load_lexicon
from kg.extract.listing import listings
from kg.extract.mentions import _name_mention
from kg.extract.text import split_sentences
from kg.model import Article


def _links(text: str) -> set[tuple[str, str, str]]:
    x = extract(Article(id="t", text=text, language="en"))
    label = {e.id: e.label for e in x.entities}
    return {(label[r.subject], r.type, label[r.object]) for r in x.relations}


def test_the_exchange_and_the_ticker_get_no_base() -> None:
    links = _links("Lumeo Airways Co. (NYSE: LMW) is a regional airline headquartered in Dallas, Texas.")
    based = {(a, b) for a, t, b in links if t == "based_in"}
    assert ("Lumeo Airways Co.", "Dallas") in based
    assert {a for a, _ in based} == {"Lumeo Airways Co."}


def test_a_ticker_without_a_space_maps_to_its_company() -> None:
    text = "Vexo Logistics (NASDAQ:VXLG) is based in Denver."
    lex, gaz = load_lexicon("en"), gaz_index("en")
    (s,) = split_sentences(text, [(0, len(text))], lex)
    name = _name_mention(s, 0, 2, "Company", gaz, "test")
    exchange = _name_mention(s, 3, 4, "Organization", gaz, "test")
    ticker = _name_mention(s, 5, 6, "Company", gaz, "test")
    assert listings(s, [name, exchange, ticker]) == {exchange.key: None, ticker.key: name}


def test_a_bracket_without_a_colon_is_no_listing() -> None:
    text = "Vexo Logistics (VXLG) and Lumeo Group (LMG) are based in Denver."
    lex, gaz = load_lexicon("en"), gaz_index("en")
    (s,) = split_sentences(text, [(0, len(text))], lex)
    ms = [_name_mention(s, *span, "Company", gaz, "test") for span in ((0, 2), (3, 4), (6, 8), (9, 10))]
    assert listings(s, ms) == {}
