"""A part or a product bought is not the company: the owner of a unit sold, or the maker of a
product bought, is not the target of an acquisition.

"Tenvar agreed to acquire the plastic container business of Lumeo", "Tenvar bought a
software business from Lumeo", "the takeover of Lumeo Corp's mining division" and "Tenvar
will purchase twenty new Lumeo A320 jets" name Lumeo as the seller or maker of what is
bought. The acquisition cues ("acquire", "purchase", "takeover") and the pair classifier
do not see the difference, so every acquisition read from a sentence is checked here, like
stakes (:mod:`kg.extract.stake`): a part word (``ontology/lang/<code>/relations/parts.txt``)
right before "of" or "from" and the target, or after the target's possessive, or a product
word in the few words right after the target, drops the acquisition.

>>> from kg.extract.text import tokenize
>>> toks = tokenize("Tenvar agreed to acquire the plastic container business of Lumeo Corp")
>>> part_or_product(toks, (0, 1), (9, 11), "en")
True
>>> toks = tokenize("Tenvar agreed to acquire Lumeo Corp for 20 dlrs a share")
>>> part_or_product(toks, (0, 1), (4, 6), "en")
False
>>> toks = tokenize("Tenvar said its unit agreed to acquire all of Lumeo")
>>> part_or_product(toks, (0, 1), (9, 10), "en")
False
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.extract.text import Token
from kg.resources import phrase_classes

if TYPE_CHECKING:
    from kg.extract.found import Found

__all__ = ["part_or_product"]

_POSSESSED = 6  # words after "Y's" that may still name the part ("Y's Diesel Systems <UTX> unit")
_PRODUCT = 3  # words after the target that may name its product ("Lumeo 787 Dreamliner aircraft")
_STOP = frozenset({",", ";", ".", ":", "(", "and", "or", "for", "to", "at", "in", "by", "with", "from", "of"})


def _classes(language: str) -> dict[tuple[str, ...], str]:
    return phrase_classes(language, "relations/parts.txt")


def part_or_product(tokens: Sequence[Token], buyer: tuple[int, int], target: tuple[int, int], language: str) -> bool:
    """Whether the words around ``target`` (token spans; the buyer before it) name a part of the
    target or its product rather than the target itself."""
    classes = _classes(language)
    if not classes or buyer[0] > target[0]:
        return False
    # "the container business of Y", "a software business from Y": a part word right before "of" or
    # "from" before the target ("its unit agreed to buy all of Y" is the buyer's unit)
    k = target[0]
    if k > buyer[1] and tokens[k - 1].low == "the":
        k -= 1
    if k - 1 > buyer[1] and tokens[k - 1].low in ("of", "from") and classes.get((tokens[k - 2].low,)) == "part":
        return True
    after = target[1]
    if after < len(tokens) and tokens[after].low in ("'s", "’s"):
        for t in tokens[after + 1 : after + 1 + _POSSESSED]:
            if t.low in _STOP:
                return False
            if classes.get((t.low,)) == "part":
                return True
        return False
    for t in tokens[after : after + _PRODUCT]:
        if t.low in _STOP:
            return False
        if classes.get((t.low,)) == "product":
            return True
    return False


def of_a_part(found: Found, language: str) -> bool:
    """Whether ``found`` is an acquisition whose target is only the owner or maker of what is bought."""
    if found.type != "acquisition":
        return False
    s, o = found.subject, found.object
    if s.sent != o.sent:
        return False
    return part_or_product(found.sentence.tokens, (s.i, s.j), (o.i, o.j), language)
