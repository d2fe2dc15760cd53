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

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.extract.corporate import company_heads
from kg.extract.lexicon import load_lexicon
from kg.extract.text import Token, ticker_end
from kg.extract.tokens import POSSESSIVE
from kg.resources import phrase_classes, word_set

if TYPE_CHECKING:
    from kg.extract.found import Found

__all__ = ["part_or_product", "what_is_bought"]

_POSSESSED = 6  # words after "Y's" that may still name the part ("Y's Diesel Systems <UTX> unit")
_PRODUCT = 3  # words after the target that may name its product ("Lumeo 787 Dreamliner aircraft")
_STOP = frozenset({",", ";", ".", ":", "(", "and", "or", "for", "to", "at", "in", "by", "with", "from", "of"})
# tokens after the target that may name its securities ("20 Lumeo common shares", "588,300 of Lumeo's
# 1,774,326 shares outstanding": the tokenizer splits a number at its commas): a stake, no product
_SECURITIES = 8


def _classes(language: str) -> dict[tuple[str, ...], str]:
    return phrase_classes(language, "relations/parts.txt")


def _number(text: str) -> bool:
    """A count written in digits ("22", "1,200"); not a year ("in 1986 Lumeo ...")."""
    digits = text.replace(",", "")
    return digits.isdigit() and not (len(digits) == 4 and "," not in text and 1800 <= int(digits) <= 2100)


def _counted(tokens: Sequence[Token], buyer: tuple[int, int], target: tuple[int, int],
             classes: dict[tuple[str, ...], str]) -> bool:
    """A number of the target's things bought ("the purchase of 22 new Lumeo 787 jets", "buy 20 of
    Lumeo's 777s"): a count, then a word of class ``quality`` or "of", right before the target, and no
    word of its securities after it ("5,000 Lumeo common shares" is a stake)."""
    k = target[0] - 1
    if k > buyer[1] and (classes.get((tokens[k].low,)) == "quality" or tokens[k].low == "of"):
        k -= 1
    if k < buyer[1] or not (_number(tokens[k].text) or classes.get((tokens[k].low,)) == "count"):
        return False
    return not any(classes.get((t.low,)) == "security" for t in tokens[target[1] : target[1] + _SECURITIES])


def what_is_bought(tokens: Sequence[Token], buyer: tuple[int, int], target: tuple[int, int],
                   language: str) -> str | None:
    """What the words around ``target`` (token spans; the buyer before it) say is bought instead of the
    target itself: ``"part"`` (a part of it), ``"product"`` (things it makes) or None (the target).

    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("Tenvar will purchase 22 new Lumeo 787 Dreamliners")
    >>> what_is_bought(toks, (0, 1), (5, 6), "en")
    'product'
    >>> toks = tokenize("Tenvar bought 5,000 Lumeo common shares")
    >>> what_is_bought(toks, (0, 1), (3, 4), "en") is None
    True
    >>> toks = tokenize("Tenvar is negotiating to buy the property assets of Lumeo")
    >>> what_is_bought(toks, (0, 1), (9, 10), "en")
    'part'
    >>> toks = tokenize("Tenvar agreed to buy all the assets of Lumeo")
    >>> what_is_bought(toks, (0, 1), (8, 9), "en") is None
    True
    """
    classes = _classes(language)
    if not classes or buyer[0] > target[0]:
        return None
    if _counted(tokens, buyer, target, classes):
        return "product"
    return "part" if _part(tokens, buyer, target, classes, language) else None


def part_or_product(tokens: Sequence[Token], buyer: tuple[int, int], target: tuple[int, int], language: str) -> bool:
    """Whether the words around ``target`` (token spans; the buyer before it) name a part of the
    target or its product rather than the target itself."""
    return what_is_bought(tokens, buyer, target, language) is not None


_DESCRIPTION = 6  # words of a description right before a name ("New York discount brokerage firm Y")


@functools.cache
def _heads(language: str) -> frozenset[str]:
    return company_heads(load_lexicon(language))


def described(tokens: Sequence[Token], lo: int, k: int, language: str) -> int:
    """Where a description of the name at token ``k`` starts ("U.S. media company Y": the words back
    to the one after a stop word or an article, a company head last), else ``k``."""
    if k - 1 <= lo or tokens[k - 1].low not in _heads(language):
        return k
    m = k - 1
    while m - 1 > lo and k - m < _DESCRIPTION and tokens[m - 1].low not in _STOP \
            and tokens[m - 1].low not in ("the", "a", "an"):
        m -= 1
    return m


def _modified(tokens: Sequence[Token], lo: int, k: int, stop: frozenset[str]) -> bool:
    """Whether the asset word at ``k`` has modifiers before it (after token ``lo``) that start after a stop
    word other than a conjunction: "the customer account base", not "the assets and customer base"."""
    m = k
    while m - 1 > lo and tokens[m - 1].low.isalpha() and tokens[m - 1].low not in stop:
        m -= 1
    return m < k and m - 1 >= lo and tokens[m - 1].low not in ("and", "or", ",", "&")


def _part(tokens: Sequence[Token], buyer: tuple[int, int], target: tuple[int, int],
          classes: dict[tuple[str, ...], str], language: str) -> bool:
    # "the container business of Y", "a software business from Y": a part word right before "of" or
    # "from" before the target ("its unit agreed to buy all of Y" is the buyer's unit), or before a
    # description of the target ("the property assets of U.S. media company Y")
    k = described(tokens, buyer[1], target[0], language)
    if k > buyer[1] and tokens[k - 1].low == "the":
        k -= 1
    if k - 1 > buyer[1] and tokens[k - 1].low in ("of", "from"):
        cls = classes.get((tokens[k - 2].low,))
        if cls == "part":
            return True
        # "the property assets of Y", "the customer account base of Y": a kind of asset; "all the
        # assets of Y", "the properties and assets of Y" are Y's business (a stop word before)
        if cls == "asset" and _modified(tokens, buyer[1], k - 2, word_set(language, "stopwords.txt")):
            return True
    after = ticker_end(tokens, target[1], ("<",), (">",))  # "Lumeo PLC <LUM.L>'s brewery division"
    if after < len(tokens) and tokens[after].low in POSSESSIVE:
        for t in tokens[after + 1 : after + 1 + _POSSESSED]:
            if t.low in _STOP:
                return False
            if classes.get((t.low,)) in ("part", "product"):
                return True
        return False
    for t in tokens[after : after + _PRODUCT]:
        if t.low in _STOP:
            return False
        if classes.get((t.low,)) == "product":
            return True
    return False


def bought_instead(found: Found, language: str) -> str | None:
    """What ``found``, an acquisition, buys instead of its target: ``"part"``, ``"product"`` (see
    :func:`what_is_bought`) or None (the target itself, or no acquisition)."""
    if found.type != "acquisition":
        return None
    s, o = found.subject, found.object
    if s.sent != o.sent:
        return None
    return what_is_bought(found.sentence.tokens, (s.i, s.j), (o.i, o.j), language)
