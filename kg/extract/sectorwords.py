"""Where a sector word from the gazetteer stands: after a word that makes it a commodity or part of a
name, before a noun it modifies, or on its own as an entity in passing.

The words come from the language's settings and lists (``sector_not_after``, ``sector_span_heads``,
``sector_word_nouns``, ``sectors_in_passing``, ``sector_goods.txt``, ``relations/sector_phrases.txt``);
:func:`kg.extract.mentions.find_names` reads a sector mention with them.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.extract.lexicon import Lexicon
from kg.extract.text import Token
from kg.resources import phrase_classes, word_set


def sector_not_after(lex: Lexicon) -> frozenset[str]:
    """Words before a sector word that make it a commodity or part of an office's name (``sector_not_after``)."""
    return lex.optional_words("sector_not_after")


def sector_span_heads(lex: Lexicon) -> frozenset[str]:
    """Head words a sector's span leaves out ("industri", "sektor": ``sector_span_heads``)."""
    return lex.optional_words("sector_span_heads")


# classes of sector_phrases.txt that name a company or a part
_COMPANY_CLASSES = ("head", "part", "agent", "of", "supplies")


def modifies_noun(toks: Sequence[Token], j: int, lex: Lexicon) -> bool:
    """Whether the plain word after a sector word ending at ``j`` makes it a modifier of another noun
    ("cable television program", "banking sources", "oil and gas revenue"): a lowercase word that is
    neither a stop word, nor a word for a company, a part of one or an agent in ``sector_phrases.txt``
    ("broadcasting company", "chemicals division", "gas distributor"), nor one of ``sector_word_nouns``
    ("banking industry"). Only in a language that sets ``sector_word_nouns`` (head-last: the noun a word
    modifies comes after it)."""
    if "sector_word_nouns" not in lex.settings or j >= len(toks):
        return False
    t = toks[j]
    if not t.is_word or t.is_cap or any(ch.isdigit() for ch in t.text) or t.low.endswith("ed"):
        return False  # "defense contractor based in", "Denver-based": a verb form, no noun
    cls = phrase_classes(lex.code, "relations/sector_phrases.txt").get((t.low,))
    return (cls not in _COMPANY_CLASSES and t.low not in lex.words("sector_word_nouns")
            and t.low not in word_set(lex.code, "stopwords.txt"))


def _sector_goods(language: str) -> frozenset[str]:
    return word_set(language, "sector_goods.txt")


def in_passing(toks: Sequence[Token], i: int, j: int, lex: Lexicon) -> bool:
    """Whether the sector word ``toks[i:j]`` is an entity of its own, with no company linked to it.

    Only where the language says sector words stand alone (``sectors_in_passing``); a word that mostly
    names a good or a facility (``sector_goods.txt``: "ponsel", "listrik") only after a head word
    ("industri ponsel", "Emiten Tambang"); not a counted set of firms (:func:`counted`).
    """
    if not lex.settings.get("sectors_in_passing", False) or counted(toks, i, lex):
        return False
    if " ".join(t.low for t in toks[i:j]) not in _sector_goods(lex.code):
        return True
    heads = lex.words("sector_before_name_heads") | lex.words("sector_goods_heads")
    # "pt perusahaan listrik negara": a head inside a name is no head
    return i > 0 and toks[i - 1].low in heads and not (i > 1 and toks[i - 2].low in sector_not_after(lex))


def _count_words(lex: Lexicon) -> frozenset[str]:
    return lex.optional_words("sector_count_words")


def counted(toks: Sequence[Token], i: int, lex: Lexicon) -> bool:
    """Whether the sector word starting at token ``i`` is counted: a number or a word of quantity
    (``sector_count_words``) right before it, or before the first of a coordinated pair ("41 Asuransi",
    "Dua Bank Syariah", "43 Asuransi & Reasuransi"): a set of firms, not the line of business
    (docs/annotations.md, "Sector conventions settled").

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> lex = load_lexicon("id")
    >>> counted(tokenize("41 Asuransi Ajukan Spin Off"), 1, lex), counted(tokenize("Saham Asuransi"), 1, lex)
    (True, False)
    >>> counted(tokenize("43 Asuransi & Reasuransi Modal Cekak"), 3, lex)
    True
    """
    words = _count_words(lex)
    if not words:
        return False

    def count(t: Token) -> bool:
        return t.low in words or (any(ch.isdigit() for ch in t.text) and not any(ch.isalpha() for ch in t.text))

    if i > 0 and count(toks[i - 1]):
        return True
    # "43 Asuransi & Reasuransi", "12 Dapen & 8 Asuransi-Reasuransi": the count covers the pair
    return i > 2 and toks[i - 1].text in ("&", "-", "/") and count(toks[i - 3])
