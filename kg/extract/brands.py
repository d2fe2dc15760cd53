"""The kind of a name the caseless tagger reads as a brand, and the words inside a name that tell a company
from a body or a product (used by :mod:`kg.extract.learned`).

NERP, most of the caseless tagger's lowercase training text, tags brands, companies, media, clubs and
products as one class, "product or brand": the run's words and the lists decide which it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.extract.gazindex import GazIndex
from kg.extract.lexicon import Lexicon
from kg.extract.text import Token
from kg.schema import PLACE_TYPES

if TYPE_CHECKING:
    from kg.extract.mentions import Mention
    from kg.extract.ner import Model

__all__ = ["brand_kind", "cased_products", "joined_brands", "org_kind", "product_pieces", "version_end"]

# One letter, a hyphen and a word: a model's name ("v-ixion"), the way a company rarely names itself.
_LETTER_NAME = re.compile(r"[a-z]-[a-z]{2,}")
_BRAND_JOINERS = (("-",), ("&",), ("&", "amp", ";"))


def joined_brands(toks: Sequence[Token], runs: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A caseless tagger's runs with those that only a hyphen or an ampersand ("&", and "& amp ;" where
    "&amp;" was mangled) separates joined into one organisation, when one of them is an organisation or a
    brand: without capitals the tagger often reads "freeport - mcmoran" or "dooney & amp ; bourke" as two
    names, or as a person and a brand ("johnson & amp ; johnson").

    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("saham freeport - mcmoran dan johnson & amp ; johnson serta budi - ani")
    >>> joined_brands(toks, [(1, 2, "Organization"), (3, 4, "Product"), (5, 6, "Person"), (9, 10, "Product"),
    ...                      (11, 12, "Person"), (13, 14, "Person")])
    [(1, 4, 'Organization'), (5, 10, 'Organization'), (11, 12, 'Person'), (13, 14, 'Person')]
    """
    out: list[tuple[int, int, str]] = []
    for i, j, etype in sorted(runs):
        if out:
            a, b, prev = out[-1]
            between = tuple(t.low for t in toks[b:i])
            if between in _BRAND_JOINERS and {prev, etype} & {"Organization", "Product"}:
                out[-1] = (a, j, "Organization")
                continue
        out.append((i, j, etype))
    return out


def brand_kind(toks: Sequence[Token], i: int, j: int, gaz: GazIndex, model: Model, lex: Lexicon) -> str:
    """The kind of a caseless tagger's Product run ``toks[i:j]``.

    A product has a model code ("mp4-28", "helio x10"), is a title opened by an article ("the martian":
    ``name_articles``), follows a noun for a kind of product and is no name the lists know ("varian baleno",
    "aplikasi ragunan zoo": ``brand_product_heads``; "ponsel samsung" stays the maker), or follows the maker
    the lists know ("microsoft pix", "bri transfer lounge"), unless
    what follows the maker is only places and words of a company's name (``brand_company_tails``): then it is
    the maker's regional arm or group business, a Company ("porsche asia pasifik", "samsung electronics
    indonesia"). Anything else is a company or an organisation (:func:`org_kind`). Out of fold on kg's
    caseless train units such runs were 120 companies, 54 products and 8 organisations.
    """
    from kg.extract.coded import is_model_code

    if any(is_model_code(t.low) for t in toks[i:j]):
        return "Product"
    if j - i >= 2 and toks[i].low in lex.optional_words("name_articles"):
        return "Product"
    whole = gaz.lookup_name(" ".join(t.text for t in toks[i:j]))
    maker = gaz.lookup_name(toks[i].text)
    if j - i >= 2 and maker is not None and maker.type == "Company" and whole is None:
        return "Company" if _company_tail(toks[i + 1 : j], gaz, lex) else "Product"
    if i > 0 and toks[i - 1].low in lex.optional_words("brand_product_heads") and whole is None:
        return "Product"
    if j - i == 1 and whole is None and _LETTER_NAME.fullmatch(toks[i].low):
        return "Product"  # "c-hr", "d-tracker", "m-smile": 5 of the 5 such names of the train split
    if _launched(toks, i, j, lex):
        return "Product"
    return org_kind(model, toks, i, j, lex)


def _launched(toks: Sequence[Token], i: int, j: int, lex: Lexicon) -> bool:
    """Whether a launch verb releases ``toks[i:j]``: one of ``caseless_launch_verbs`` before it, past the words
    for a kind of product (``launch_fillers``, ``product_heads``: "merilis dua varian terbaru, yakni X"), or a
    maker cue after it ("X besutan samsung", "X keluaran apple": the passive launch cues of launch.txt). A
    company is launched, built or released far less often than a product is.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> lex = load_lexicon("id")
    >>> toks = tokenize("toyota meluncurkan varian baru zorva , notebook mirip zorbook keluaran apple")
    >>> [_launched(toks, 4, 5, lex), _launched(toks, 8, 9, lex), _launched(toks, 0, 1, lex)]
    [True, True, False]
    """
    if j < len(toks) and any(c.relation == "launch" and c.passive and len(c.words) == 1
                             for c in lex.cues_starting(toks[j].text)):
        return True
    if "caseless_launch_verbs" not in lex.settings:
        return False
    fillers = lex.words("launch_fillers") | lex.words("product_heads")
    k = i - 1
    while k >= 0 and i - k <= 6 and (toks[k].low in fillers or toks[k].text == ","):
        k -= 1
    verbs = lex.words("caseless_launch_verbs")
    return k >= 0 and any(c.relation == "launch" and not c.passive and c.words[0] in verbs
                          for c in lex.cues_starting(toks[k].text))


def version_end(toks: Sequence[Token], j: int, names: Sequence[Mention]) -> int:
    """The end of a caseless product run ``toks[:j]`` with the version word after it: one letter or a model code
    at the end of its clause ("xperia z di ...", "quick charge 4.0 .", "ricoh theta s dan ..."), which the
    caseless tagger leaves out, and which no other name holds. A number that a word follows is rather a count
    ("indomie 2 bungkus").

    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("merilis xperia z di pasar , dukungan quick charge 4.0 . membeli zorvax 2 bungkus")
    >>> [version_end(toks, 2, []), version_end(toks, 9, []), version_end(toks, 14, [])]
    [3, 10, 14]
    """
    from kg.extract.coded import is_model_code
    from kg.extract.lexicon import sentence_starters

    if j >= len(toks) or any(m.i <= j < m.j for m in names):
        return j
    low = toks[j].low
    letter = len(low) == 1 and low.isalpha()
    if not (letter or is_model_code(low)):
        return j
    after = toks[j + 1] if j + 1 < len(toks) else None
    if after is None or not after.is_word or after.low in sentence_starters():
        return j + 1
    return j


def _company_tail(toks: Sequence[Token], gaz: GazIndex, lex: Lexicon) -> bool:
    """Whether the words after a maker are all places the lists know or ``brand_company_tails``."""
    tails = lex.optional_words("brand_company_tails")
    for t in toks:
        known = None if t.low in tails else gaz.lookup_name(t.text)
        if t.low not in tails and (known is None or known.type not in PLACE_TYPES):
            return False
    return bool(toks)


def org_kind(model: Model, toks: Sequence[Token], i: int, j: int, lex: Lexicon) -> str:
    """``"Company"`` or ``"Organization"`` for the tagger's organisation ``toks[i:j]``
    (:meth:`kg.extract.ner.Model.org_kind`), read without an English article that opens it in a language
    whose text only borrows one (``name_articles``): "the telegraph" is a newspaper whatever "The Fed" taught
    the weights about "the". Only a lowercase article: on the Indonesian train split the capitalised names so
    opened that the tagger calls organisations are bodies ("The Organization for ...", "The Brothers")."""
    if j - i >= 2 and toks[i].text in lex.optional_words("name_articles"):
        i += 1
    return model.org_kind(toks, i, j)


def cased_products(language: str) -> bool:
    """Whether the cased tagger's Product runs of ``language`` are read (its ``cased_products`` setting).

    >>> cased_products("en"), cased_products("id")
    (True, True)
    """
    from kg.extract.lexicon import load_lexicon

    return bool(load_lexicon(language).settings.get("cased_products", False))


def product_pieces(toks: Sequence[Token], i: int, j: int, lex: Lexicon) -> list[tuple[int, int]]:
    """The products of a cased tagger's Product run ``toks[i:j]``: the run cut at the words that join a list
    (``product_list_separators``: "the iPod Classic , Nano and Shuffle"), each piece kept whole otherwise. A
    product's name may open with its model number ("787 Dreamliner"), which the trimming of other names drops.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("the iPod Classic , Nano and Shuffle ; the 787 Dreamliner '' .")
    >>> lex = load_lexicon("en")
    >>> product_pieces(toks, 1, 7, lex), product_pieces(toks, 9, 12, lex)
    ([(1, 3), (4, 5), (6, 7)], [(9, 11)])
    """
    seps = lex.optional_words("product_list_separators")
    out, a = [], i
    for k in range(i, j + 1):
        if k == j or toks[k].low in seps:
            b = k
            while b > a and not toks[b - 1].text[:1].isalnum():
                b -= 1  # a closing quote or bracket the run took along
            if b > a:
                out.append((a, b))
            a = k + 1
    return out
