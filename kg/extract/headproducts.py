"""In a title-case headline, a name right after a noun for a kind of product is the product: "Pengguna Aplikasi
BRImo Naik 22%", "Aplikasi M-Smile Bank Mega Jadi First Mover".

A headline capitalises every word, so the taggers and :mod:`kg.extract.makermodel` (sentence case only) cannot
tell a brand from the words around it. The noun before it can: on the Indonesian train split of annotations/,
in title-case headlines a word of ``product_heads`` or ``brand_product_heads`` followed by a word that is no word
of the language (``edges.is_ordinary_word`` without borrowings) and that no list knows is a Product 2 times of 2
("BRImo", "M-Smile"); the other words after such a noun are ordinary ("Mobil Listrik", "Layanan Penukaran",
"HP Tak", "Mobil Maung": 14 nothing, 6 sectors, 1 product) or listed companies ("Produk Jiwasraya"), which are
left alone, as are places, the regions of ``brand_company_tails`` and single letters ("Mobil Eropa", "Saham Seri
B": the only two words it read wrongly in the CNBC headlines of benchmarks/dump_extractions.py before those
checks). Out of fold the rule reads those 2 products and nothing else in the 1,675 train headlines; a product a
launch cue already reads is kept ("Hibank Resmi Luncurkan Aplikasi Mobile"). The product is that word and the
next ones of the same kind (at most ``_MAX_WORDS``). Read where the language sets ``headline_head_products = true``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.extract.mentions import Mention, _name_mention

if TYPE_CHECKING:
    from kg.extract.gazindex import GazIndex
    from kg.extract.lexicon import Lexicon
    from kg.extract.text import Sentence

__all__ = ["headline_head_products"]

_MAX_WORDS = 2


def headline_head_products(s: Sentence, lex: Lexicon, gaz: GazIndex, names: Sequence[Mention]) -> list[Mention]:
    """The products named right after a noun for a kind of product in the title-case headline ``s``; ``names``:
    the sentence's names so far (a product never overlaps one).

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.gazindex import gaz_index
    >>> from kg.extract.text import split_sentences
    >>> lex, gaz = load_lexicon("id"), gaz_index("id")
    >>> t = "Pengguna Aplikasi Zorvamo Naik 22%, Mobil Listrik Laris"
    >>> s = split_sentences(t, [(0, len(t))], lex)[0]
    >>> [m.text for m in headline_head_products(s, lex, gaz, [])]
    ['Zorvamo']
    """
    if not s.title_case or lex.settings.get("headline_head_products") is not True:
        return []
    heads = lex.optional_words("product_heads") | lex.optional_words("brand_product_heads")
    toks = s.tokens
    if not any(t.low in heads for t in toks[:-1]):
        return []
    from kg.extract.edges import is_ordinary_word

    taken = {k for m in names for k in range(m.i, m.j)}
    regions = lex.optional_words("brand_company_tails")  # "eropa", "asia": a maker's region, no product

    def brand(k: int) -> bool:
        t = toks[k]
        return (k not in taken and t.text[:1].isupper() and sum(c.isalpha() for c in t.text) >= 3
                and not is_ordinary_word(t.low, lex, borrowed=False) and gaz.lookup_name(t.text) is None
                and not gaz.is_place(t.text) and t.low not in regions)  # "Seri B", "Mobil Eropa"

    out: list[Mention] = []
    for k, t in enumerate(toks[:-1]):
        if t.low not in heads or not brand(k + 1):
            continue
        j = k + 2
        while j < len(toks) and j - k - 1 < _MAX_WORDS and brand(j):
            j += 1
        if gaz.lookup_name(s.text[toks[k + 1].start - s.start : toks[j - 1].end - s.start]) is None:
            out.append(_name_mention(s, k + 1, j, "Product", gaz))
    return out
