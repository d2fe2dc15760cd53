"""A company's country read from a description of it: "Rosatom, perusahaan energi nuklir Rusia",
"Pinewood merupakan perusahaan Inggris", "perusahaan asal Hongkong, Asia Resources".

The description is a head noun for a kind of company (``origin_heads`` in
``ontology/lang/<code>/language.toml``: "perusahaan", "produsen", "vendor" ...), up to a few ordinary
words for its line of business, and a country; it stands in apposition right after the company's name
(joined by ``apposition_links``: a comma, "yang merupakan", "adalah") or right before it, a comma or a
list opener between ("perusahaan asal Hongkong, X", "vendor lain dari China seperti Huawei dan ZTE").
A country named right before the name with nothing between is read by
:func:`kg.extract.adjacent.place_before_org`. Called by :func:`kg.extract.relations.find_relations`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extract.found import Found
from kg.extract.joins import listed_after
from kg.extract.text import bracketed_acronym
from kg.schema import ORG_TYPES

if TYPE_CHECKING:
    from kg.extract.lexicon import Lexicon
    from kg.extract.mentions import Mention
    from kg.extract.text import Sentence, Token

# Most ordinary words between the head noun and the country ("perusahaan energi nuklir Rusia").
_MAX_WORDS = 4
_PLACES = frozenset({"Country", "Place"})


def _plain(t: Token, k: int, named: frozenset[int]) -> bool:
    return t.is_word and k not in named and not any(ch.isdigit() for ch in t.text) and not t.is_cap


def _country_after(toks: tuple[Token, ...], k: int, countries: dict[int, Mention], named: frozenset[int]
                   ) -> Mention | None:
    """The country named within a few ordinary words from ``toks[k]`` on, or None."""
    for x in range(k, min(len(toks), k + _MAX_WORDS + 1)):
        if x in countries:
            return countries[x]
        if not _plain(toks[x], x, named):
            return None
    return None


def origins(s: Sentence, lex: Lexicon, ms: list[Mention]) -> Iterator[Found]:
    """``based_in`` links from a company to the country of a description next to it.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.mentions import Mention
    >>> from kg.extract.text import Sentence, tokenize
    >>> def run(text, names):
    ...     toks = tokenize(text)
    ...     words = [t.text for t in toks]
    ...     ms = sorted((Mention(0, words.index(n.split()[0]), words.index(n.split()[0]) + len(n.split()), 0, 0,
    ...                          n, kind, n, n, "ner") for n, kind in names), key=lambda m: m.i)
    ...     s = Sentence(0, 0, len(text), text, tuple(toks))
    ...     return [(f.subject.text, f.object.text) for f in origins(s, load_lexicon("id"), ms)]
    >>> run("Rosatom , perusahaan energi nuklir Rusia , menolak", [("Rosatom", "Company"), ("Rusia", "Country")])
    [('Rosatom', 'Rusia')]
    >>> run("kerja sama dengan perusahaan asal Hongkong , Asia Resources", [("Hongkong", "Country"),
    ...     ("Asia Resources", "Company")])
    [('Asia Resources', 'Hongkong')]
    >>> run("Rosatom , menurut Rusia", [("Rosatom", "Company"), ("Rusia", "Country")])
    []
    """
    heads = lex.words("origin_heads")
    if not heads:
        return
    # a town or region names the origin as well as a country does ("perusahaan hongkong, X")
    countries = {m.i: m for m in ms if m.type in _PLACES and m.source != "coref"}
    if not countries:
        return
    toks = s.tokens
    links = lex.words("apposition_links")
    openers = lex.words("list_openers")
    # (a description read as the company itself, "perusahaan energi nuklir Rusia", is no name)
    named = frozenset(k for m in ms if m.type != "Sector" and m.source != "coref" for k in range(m.i, m.j))
    orgs = [m for m in ms if m.type in ORG_TYPES and m.source != "coref"]
    described: set[int] = set()  # heads of descriptions read as the name's before them
    for m in orgs:
        # after: "X, perusahaan ... Rusia", "X (ABC), perusahaan ...", "X merupakan perusahaan Inggris"
        j = m.j + 3 if bracketed_acronym(toks, m.j) else m.j
        g = j
        while g < len(toks) and g - j < 4 and toks[g].low in links:
            g += 1
        if g > j and g < len(toks) and toks[g].low in heads:
            c = _country_after(toks, g + 1, {k: c for k, c in countries.items() if c.type == "Country"}, named)
            if c is not None:
                described.add(g)
                yield Found("based_in", m, c, "asserted", s, confidence=0.65)
    for m in orgs:
        # before: "perusahaan asal Hongkong, X", "vendor lain dari China seperti Huawei dan ZTE"
        e = m.i
        opener = next((n for n in (2, 1) if e - n >= 0 and " ".join(t.low for t in toks[e - n : e]) in openers), 0)
        e -= opener
        if e > 0 and toks[e - 1].text == ",":
            e -= 1
        elif not opener:
            continue
        c = next((c for c in countries.values() if c.j == e), None)
        if c is None or (c.type != "Country" and opener):
            # (a town only in an apposition: "maskapai ... di Bandara X, seperti A" lists no companies of X)
            continue
        k = c.i - 1
        while k >= 0 and c.i - k <= _MAX_WORDS + 1 and _plain(toks[k], k, named) and toks[k].low not in heads:
            k -= 1
        if k >= 0 and toks[k].low in heads and k not in described:
            # (not "Pinewood merupakan perusahaan Inggris, Disney ...": the description is Pinewood's)
            yield Found("based_in", m, c, "asserted", s, confidence=0.65)
            for o in listed_after(s, lex, ms, m) if opener else ():
                yield Found("based_in", o, c, "asserted", s, confidence=0.6)
