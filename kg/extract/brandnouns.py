"""Names a brand noun follows: "the Charles Lefranc Cellars label", "Greb, Hush Puppies, Kodiak, and Santana brand
shoes", "Anheuser's Budweiser label".

The tagger reads a brand's name as a person, a place or a company ("Kodiak", "Santana", "Budweiser"); the noun
right after it says what it is: a product (the annotations tag brands as Product, docs/annotations.md). A list of
names that the noun closes is a list of brands. The nouns are ``brand_nouns`` in
``ontology/lang/<code>/language.toml``; a language without the key is left as it is.

kg's English train split, gold names right before "brand" or "label" (or closing a list before it): 5 Product, no
other type; before "name" 2 Product and 1 Company ("the better-known US Airways name"), before "trademark" 1
Company ("the Norton trademark"): those two nouns are not listed.
"""

from __future__ import annotations

import operator
from typing import TYPE_CHECKING

from kg.extract.mentions import Mention, _name_mention
from kg.extract.tokens import token_lows
from kg.names import is_legal_form

if TYPE_CHECKING:
    from kg.extract.gazindex import GazIndex
    from kg.extract.lexicon import Lexicon
    from kg.extract.text import Sentence

_LOW = operator.attrgetter("low")
# The kinds of name a brand noun turns into a product.
_TURNED = frozenset({"Company", "Person", "Place", "Organization"})


def brand_names(s: Sentence, names: list[Mention], lex: Lexicon, gaz: GazIndex) -> list[Mention]:
    """``names`` with each name right before a brand noun (``brand_nouns``), and the names of a list that such a
    name closes (joined by ``list_joiners``), made products. A name with a legal form stays a company.

    >>> from kg.extract.gazindex import gaz_index
    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import split_sentences
    >>> lex, gaz = load_lexicon("en"), gaz_index("en")
    >>> text = "It makes Greb, Kodiak, and Santana brand shoes."
    >>> s = split_sentences(text, [(0, len(text))], lex)[0]
    >>> ms = [_name_mention(s, k, k + 1, t, gaz, "ner") for k, t in ((2, "Person"), (4, "Place"), (7, "Place"))]
    >>> [(m.text, m.type) for m in brand_names(s, ms, lex, gaz)]
    [('Greb', 'Product'), ('Kodiak', 'Product'), ('Santana', 'Product')]
    """
    nouns = lex.optional_words("brand_nouns")
    if not nouns or not names:
        return names
    toks = s.tokens
    if nouns.isdisjoint(token_lows(toks)):  # (one set per sentence, shared by the passes)
        return names
    joiners = lex.optional_words("list_joiners")
    ordered = sorted(names, key=lambda m: m.i)
    turned: set[int] = set()
    for n, m in enumerate(ordered):
        if m.j >= len(toks) or toks[m.j].low not in nouns:
            continue
        k = n
        while k >= 0:
            cur = ordered[k]
            if cur.type in _TURNED and not any(is_legal_form(t.text) for t in toks[cur.i : cur.j]):
                turned.add(id(cur))
            prev = ordered[k - 1] if k > 0 else None
            # the list goes on back over joining words only ("Greb, Hush Puppies, Kodiak, and Santana")
            if prev is None or prev.j >= cur.i or not all(t.low in joiners for t in toks[prev.j : cur.i]):
                break
            k -= 1
    if not turned:
        return names
    return [_name_mention(s, m.i, m.j, "Product", gaz, m.source) if id(m) in turned else m for m in names]
