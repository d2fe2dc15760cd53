"""A company ranked among its country's companies: "Peabody, the largest coal producer in the U.S.",
"Orkem, France's third-largest chemical group", "ChemLawn ... is the largest U.S. company involved in ...",
"Security Pacific, which is among the 10 largest bank holding companies in the U.S.".

The ranking names where the company is (based_in): on kg's English train split the gold links the company to
that country in every such apposition or predicate (a place the pair classifier missed in 7 of them). The rank
words are ``rank_words`` in ``ontology/lang/<code>/language.toml``, the words that may join the company to them
``rank_links``. Called by :func:`kg.extract.relations.find_relations`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from kg.extract.found import Found
from kg.extract.tokens import POSSESSIVE
from kg.schema import ORG_TYPES, PLACE_TYPES

if TYPE_CHECKING:
    from kg.extract.lexicon import Lexicon
    from kg.extract.mentions import Mention
    from kg.extract.text import Sentence, Token

__all__ = ["ranked_in"]

# Most tokens between the company and the rank word ("Security Pacific , which is among the 10 largest");
# more would leave the company's phrase.
_TO_RANK = 7
# Most ordinary words between the rank word and "in the <country>" ("largest maker and distributor of
# frozen novelty products in Canada").
_TO_PLACE = 8


def _plain(t: Token) -> bool:
    """A lowercase word, a number or a hyphen: what stands in a ranking's phrase besides the names."""
    return (t.is_word and not t.is_cap) or t.text.isdigit() or t.text in ("-", "–")


def ranked_in(s: Sentence, lex: Lexicon, ms: list[Mention]) -> Iterator[Found]:
    """based_in links from a company to the country or region its ranking names.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.mentions import Mention
    >>> from kg.extract.text import Sentence, tokenize
    >>> def run(text, names):
    ...     toks = tokenize(text)
    ...     words = [t.text for t in toks]
    ...     ms = sorted((Mention(0, words.index(n.split()[0]), words.index(n.split()[0]) + len(n.split()), 0, 0,
    ...                          n, kind, n, n, "ner") for n, kind in names), key=lambda m: m.i)
    ...     s = Sentence(0, 0, len(text), text, tuple(toks))
    ...     return [(f.subject.text, f.object.text) for f in ranked_in(s, load_lexicon("en"), ms)]
    >>> run("Peabody , the largest coal producer in the Canada , had", [("Peabody", "Company"), ("Canada", "Country")])
    [('Peabody', 'Canada')]
    >>> run("Orkem , France 's third - largest chemical group", [("Orkem", "Company"), ("France", "Country")])
    [('Orkem', 'France')]
    >>> run("Loss to Tenvar stockholders , after the largest bankruptcy in Canada", [("Tenvar", "Company"),
    ...     ("Canada", "Country")])
    []
    >>> run("Lumeo 's biggest creditor is Tenvar of Canada", [("Lumeo", "Company"), ("Tenvar", "Company"),
    ...     ("Canada", "Country")])
    []
    """
    ranks = lex.optional_words("rank_words")
    if not ranks:
        return
    links = lex.optional_words("rank_links")
    toks = s.tokens
    places = {m.i: m for m in ms if m.type in PLACE_TYPES and m.source != "coref"}
    if not places:
        return
    ends = {m.j: m for m in places.values()}
    named = {k for m in ms if m.type != "Sector" and m.source != "coref" for k in range(m.i, m.j)}
    orgs = [m for m in ms if m.type in ORG_TYPES and m.source != "coref"]
    for m in orgs:
        r = next((k for k in range(m.j, min(len(toks), m.j + _TO_RANK + 1)) if toks[k].low in ranks), None)
        if r is None:
            continue
        gap = range(m.j, r)
        place = None
        # "France 's largest", "France 's third - largest": the possessive at most three tokens before the rank
        k = next((k for k in range(r - 1, max(m.j, r - 4) - 1, -1) if toks[k].low in POSSESSIVE), None)
        if k is not None and all(_plain(t) for t in toks[k + 1 : r]) and k in ends:
            place = ends[k]
            gap = range(m.j, place.i)
        if any(not (toks[k].low in links or toks[k].text.isdigit()) for k in gap):
            continue  # "Loss to Enron stockholders, following the largest bankruptcy in US history"
        if place is None:
            place = places.get(r + 1)  # "the largest U.S. company"
        if place is None:
            # "the largest coal producer in the U.S.": only ordinary words (or a line of business) between
            for k in range(r + 1, min(len(toks), r + _TO_PLACE + 2)):
                if toks[k].low == "in":
                    x = k + 2 if k + 1 < len(toks) and toks[k + 1].low == "the" else k + 1
                    place = places.get(x)
                    break
                if not _plain(toks[k]) or k in named:
                    break
        if place is not None:
            yield Found("based_in", m, place, "asserted", s, confidence=0.6)
