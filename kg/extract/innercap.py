"""A brand spelled with a capital after its first lowercase letter is a product: "iPhone", "iPad", "iTunes".

Such a spelling is no word of any language and no person's or place's name: on the train split of
annotations/ the words of this shape (one or two lowercase letters, a capital, then at least two lowercase
letters) are a Product 64 times and a Company twice (English: iPhone, iPad, iPod, iMac, iTunes, iCloud,
iLife, "bLife"; Indonesian: iPhone, iPad, "iGrow" in a title-case headline). The Indonesian taggers know
few of them and miss the product ("penjualan iPhone Apple", "membesut iPhone murah"). In sentence-case text
a word of that shape that no name holds and no list knows ("eBay" and "iQiyi" are listed companies) is
read as a Product, with the model codes and the words of ``product_code_suffixes`` after it ("iPhone 7
Plus"). Units such as "mAh" and "kWh" have one lowercase letter after the capital and are not read;
headlines, where every word is capitalised, are left to the taggers. Read where the language sets
``inner_capital_products = true`` in ``ontology/lang/<code>/language.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.extract.mentions import Mention, _name_mention

if TYPE_CHECKING:
    from kg.extract.gazindex import GazIndex
    from kg.extract.lexicon import Lexicon
    from kg.extract.text import Sentence, Token

__all__ = ["inner_capital", "inner_capital_products"]

_SHAPE = re.compile(r"[a-z]{1,2}[A-Z][a-z]{2,}[A-Za-z0-9]*")


def inner_capital(text: str) -> bool:
    """Whether ``text`` is spelled as a brand: one or two lowercase letters, a capital, two lowercase letters
    or more ("iPhone", "eBay"); a unit ("mAh", "kWh") or an acronym after a letter ("mRNA") is not.

    >>> [inner_capital(w) for w in ("iPhone", "iPad", "iTunes", "eBay")]
    [True, True, True, True]
    >>> [inner_capital(w) for w in ("mAh", "kWh", "mRNA", "iOS", "Apple", "iphone")]
    [False, False, False, False, False, False]
    """
    return _SHAPE.fullmatch(text) is not None


def _model_word(t: Token, suffixes: frozenset[str]) -> bool:
    from kg.extract.coded import is_model_code

    return t.low in suffixes or (not t.text.isalpha() and is_model_code(t.low))


def inner_capital_products(s: Sentence, lex: Lexicon, gaz: GazIndex, names: Sequence[Mention]) -> list[Mention]:
    """The products spelled with an inner capital (:func:`inner_capital`) in the sentence-case sentence ``s``;
    ``names``: the sentence's names so far (a product never overlaps one). Off unless the language sets
    ``inner_capital_products``.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.gazindex import gaz_index
    >>> from kg.extract.text import split_sentences
    >>> lex, gaz = load_lexicon("id"), gaz_index("id")
    >>> t = "Penjualan iZorva 7 Plus naik , baterai 3000 mAh dan toko eBay tidak ."
    >>> s = split_sentences(t, [(0, len(t))], lex)[0]
    >>> [m.text for m in inner_capital_products(s, lex, gaz, [])]
    ['iZorva 7 Plus']
    """
    if s.caseless or s.title_case or lex.settings.get("inner_capital_products") is not True:
        return []
    toks = s.tokens
    if not any(inner_capital(t.text) for t in toks):
        return []
    taken = {k for m in names for k in range(m.i, m.j)}
    suffixes = lex.optional_words("product_code_suffixes")
    out: list[Mention] = []
    k = 0
    while k < len(toks):
        if k in taken or not inner_capital(toks[k].text) or gaz.lookup_name(toks[k].text) is not None:
            k += 1
            continue
        j = k + 1
        while j < len(toks) and j not in taken and _model_word(toks[j], suffixes):
            j += 1
        out.append(_name_mention(s, k, j, "Product", gaz))
        k = j
    return out
