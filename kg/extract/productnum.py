"""A model number ends the product name before it: "Windows Mobile 7", "redmi note 5", "Casa - 212 200".

The taggers and the maker-model reading often stop a product's name before its number. In the Indonesian train
annotations a product name followed by a number never leaves the number out (0 times), and 20 product names
end with one. ``product_numbers = true`` in ``ontology/lang/<code>/language.toml`` switches the reading on.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.extract.gazindex import GazIndex
    from kg.extract.lexicon import Lexicon
    from kg.extract.mentions import Mention
    from kg.extract.text import Sentence, Token


def model_number(toks: Sequence[Token], j: int) -> bool:
    """Whether ``toks[j]`` is a model number: one to four digits, not a year ("Galaxy S6 2015" is no
    model of 2015).

    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("sistem operasi Windows Mobile 7 besutan Microsoft")
    >>> model_number(toks, 4), model_number(toks, 5)
    (True, False)
    >>> model_number(tokenize("ponsel Galaxy S6 2015"), 3)
    False
    """
    if j >= len(toks):
        return False
    text = toks[j].text
    return text.isdigit() and len(text) <= 4 and not (len(text) == 4 and text[:2] in ("19", "20"))


def product_numbers(s: Sentence, names: list[Mention], lex: Lexicon, gaz: GazIndex) -> list[Mention]:
    """``names`` with each product that a model number (:func:`model_number`) follows ending with it, unless
    another name starts there. Off unless the language sets ``product_numbers``."""
    from kg.extract.mentions import _name_mention

    if lex.settings.get("product_numbers", False) is not True:
        return names
    toks = s.tokens
    out = []
    for m in names:
        if m.type == "Product" and model_number(toks, m.j) and not any(o.i == m.j for o in names):
            m = _name_mention(s, m.i, m.j + 1, "Product", gaz, m.source)
        out.append(m)
    return out
