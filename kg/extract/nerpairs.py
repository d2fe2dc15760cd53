"""The rows of a tagger's word-pair tables for each two neighbouring tokens (:func:`pair_ids`).

Its own module so that :mod:`kg.extract.ner` (one sentence) and :mod:`kg.extract.nerbatch` (a batch) both
read pairs one way, neither importing the other for it.
"""

from __future__ import annotations

import itertools
import weakref
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from kg.extract.text import Token

__all__ = ["pair_ids"]


class PairTables(Protocol):
    """What :func:`pair_ids` needs of a tagger (:class:`kg.extract.ner.Model`): its word-pair tables."""

    def _pair_table(self) -> tuple[dict[str, int], Any, Any]: ...


# Per model, the index of its word-pair tables (Model._pair_table) by a pair's first word, then its second.
_BY_FIRST: weakref.WeakKeyDictionary[PairTables, dict[str, dict[str, int]]] = weakref.WeakKeyDictionary()
_NONE: dict[str, int] = {}


def pair_ids(model: PairTables, tokens: Sequence[Token], texts: Sequence[str]) -> list[int]:
    """The row of each two neighbouring tokens' pair in ``model``'s word-pair tables (0: none), as
    ``[index.get(p, 0) for p in word_pairs(texts)]`` gives it (``texts``: the tokens as the features read
    them, :func:`~kg.extract.nerfeat.sentence_casing`), without a ``"first|second"`` string to make and
    hash per pair: a pair is looked up by its first word, then its second, and a token read as written
    gives its own lowercased word (``Token.low``, hashed already). 75-100 us less a Reuters article (1 %).

    >>> from kg.extract.ner import tagger
    >>> from kg.extract.nerfeat import word_pairs
    >>> from kg.extract.text import tokenize
    >>> m, toks = tagger("en"), tokenize("Shares of Tenvar Inc rose | fell in New York")
    >>> texts = [t.text for t in toks]
    >>> index = m._pair_table()[0]
    >>> ids = pair_ids(m, toks, texts)
    >>> ids == [index.get(p, 0) for p in word_pairs(texts)], any(ids)
    (True, True)
    """
    by_first = _BY_FIRST.get(model)
    if by_first is None:
        by_first = {}
        for key, k in model._pair_table()[0].items():
            # entered at every "|" of the key: a word "|" makes "a|||" readable two ways, and for each
            # way (first, second), first + "|" + second is that key
            for at, c in enumerate(key):
                if c == "|":
                    by_first.setdefault(key[:at], {})[key[at + 1 :]] = k
        _BY_FIRST[model] = by_first
    lows = [t.low if t.text is x else x.lower() for t, x in zip(tokens, texts, strict=True)]
    first = by_first.get
    return [first(a, _NONE).get(b, 0) for a, b in itertools.pairwise(lows)]
