"""A maker's name at the start of a caseless product run is the company, the rest its model: "xiaomi redmi note
5" is the Company xiaomi and the Product "redmi note 5", "htc one m8" the Company htc and the Product "one m8".

The guideline (docs/annotations.md, "Maker + model") splits the maker from the model; in sentence case
:mod:`kg.extract.makermodel` reads the model after a maker, but in caseless text the tagger's brand run often
holds both. The run is split when its first word is a company the lists know and the rest is a model name of
at least two words with a digit that does not open it: in the caseless train units of annotations/ (Indonesian)
14 gold products of that shape stand right after their maker's name, outside the product's name ("redmi note 5"
x4, "pro 5" x2, "lumia 640", "one m8", "gear 360", "core i7", ...), and none has the maker inside. A maker and a
bare number or code stays whole ("blackberry 10", "casa 212 - 100", "helio x20": the gold keeps those whole), and
so does a run with no digit ("bri transfer lounge", "apple music"). ``caseless_maker_split = true`` in
``ontology/lang/<code>/language.toml`` switches it on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.mentions import Mention, _name_mention

if TYPE_CHECKING:
    from kg.extract.gazindex import GazIndex
    from kg.extract.lexicon import Lexicon
    from kg.extract.text import Sentence


def maker_first(s: Sentence, m: Mention, gaz: GazIndex) -> bool:
    """Whether the Product ``m`` opens with a company the lists know, followed by a model name of two or more
    words with a digit, not at its start (module docstring).

    >>> from kg.extract.gazindex import gaz_index
    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import split_sentences
    >>> text = "xiaomi redmi note 5 dikabarkan memakai bodi aluminium ."
    >>> s = split_sentences(text, [(0, len(text))], load_lexicon("id"))[0]
    >>> m = Mention(0, 0, 4, 0, 19, "xiaomi redmi note 5", "Product", "xiaomi-redmi-note-5", "xiaomi redmi note 5")
    >>> maker_first(s, m, gaz_index("id"))
    True
    """
    toks = s.tokens
    if m.type != "Product" or m.j - m.i < 2:
        return False
    rest = toks[m.i + 1 : m.j]
    if not any(ch.isalpha() for ch in rest[0].text) or not any(ch.isdigit() for t in rest for ch in t.text):
        return False  # "blackberry 10", "casa 212": a bare number; "apple music": no model code
    known = gaz.lookup_name(toks[m.i].text)
    if known is None or known.type != "Company":
        return False
    # a one-word model ("honda cb650f", "lg g4") only after a maker the lists know by its sector or wikidata
    # id, not after a name that is only a company's ("helio x20": Helio, a Polish firm with neither)
    return len(rest) >= 2 or known.sector is not None or known.wikidata is not None


def split_makers(s: Sentence, names: list[Mention], lex: Lexicon, gaz: GazIndex) -> list[Mention]:
    """``names`` with each caseless Product that opens with its maker (:func:`maker_first`) read as the
    Company and the Product after it. Off unless the language sets ``caseless_maker_split``."""
    if not s.caseless or lex.settings.get("caseless_maker_split", False) is not True:
        return names
    out: list[Mention] = []
    for m in names:
        if maker_first(s, m, gaz):
            out += [_name_mention(s, m.i, m.i + 1, "Company", gaz, m.source),
                    _name_mention(s, m.i + 1, m.j, "Product", gaz, m.source)]
        else:
            out.append(m)
    return models_after_heads(s, models_after_makers(s, out, gaz), lex, gaz)


def models_after_makers(s: Sentence, names: list[Mention], gaz: GazIndex) -> list[Mention]:
    """``names`` with each organisation name that no list knows and that follows a company the lists know, no word
    between, read as that company's Product ("yamaha mwt-9", "intel i5": the tagger reads two brands).

    On the Indonesian train split of annotations/ the names right after a listed company are Products 91 times
    (caseless units 66), Persons 19 ("pln sofyan basyir"), places 5 and Companies never, so a name kg typed
    Company or Organization there is the model (the caller keeps it to caseless sentences).

    >>> from kg.extract.gazindex import gaz_index
    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import split_sentences
    >>> text = "yamaha mwt-9 diperkenalkan di tokyo ."
    >>> s = split_sentences(text, [(0, len(text))], load_lexicon("id"))[0]
    >>> ms = [Mention(0, 0, 1, 0, 6, "yamaha", "Company", "yamaha", "yamaha", "ner"),
    ...       Mention(0, 1, 2, 7, 12, "mwt-9", "Company", "mwt-9", "mwt-9", "ner")]
    >>> [(m.text, m.type) for m in models_after_makers(s, ms, gaz_index("id"))]
    [('yamaha', 'Company'), ('mwt-9', 'Product')]
    """
    makers = {m.j for m in names if m.type == "Company" and m.source != "coref" and _listed_company(m.text, gaz)}
    return [_as_product(s, m, gaz) if m.i in makers and _unlisted_org(m, gaz) else m for m in names]


def _listed_company(text: str, gaz: GazIndex) -> bool:
    known = gaz.lookup_name(text)
    return known is not None and known.type == "Company"


def _unlisted_org(m: Mention, gaz: GazIndex) -> bool:
    """Whether ``m`` is a company or organisation name of the text (no coreference) that no list knows."""
    return m.type in ("Company", "Organization") and m.source != "coref" and gaz.lookup_name(m.text) is None


def _as_product(s: Sentence, m: Mention, gaz: GazIndex) -> Mention:
    return _name_mention(s, m.i, m.j, "Product", gaz, m.source)


def models_after_heads(s: Sentence, names: list[Mention], lex: Lexicon, gaz: GazIndex) -> list[Mention]:
    """``names`` with each organisation name that no list knows and that follows a noun for a kind of product
    (``brand_product_heads``, ``caseless_product_heads``) read as a Product ("aplikasi shazam", "pengguna ios",
    "versi android").

    In the caseless Indonesian train units of annotations/ the names no list knows right after such a noun are
    Products 40 times, Companies 3 ("prosesor mediatek", "skuter tvs"), an Organization and a Sector once each.
    The caseless tagger's "product or brand" class does not tell a brand from its maker; the noun does.

    >>> from kg.extract.gazindex import gaz_index
    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import split_sentences
    >>> text = "pengguna aplikasi zorvapp bisa masuk ."
    >>> lex = load_lexicon("id")
    >>> s = split_sentences(text, [(0, len(text))], lex)[0]
    >>> ms = [Mention(0, 2, 3, 18, 25, "zorvapp", "Company", "zorvapp", "zorvapp", "ner")]
    >>> [(m.text, m.type) for m in models_after_heads(s, ms, lex, gaz_index("id"))]
    [('zorvapp', 'Product')]
    """
    heads = lex.optional_words("brand_product_heads") | lex.optional_words("caseless_product_heads")
    toks = s.tokens
    return [_as_product(s, m, gaz) if m.i > 0 and toks[m.i - 1].low in heads and _unlisted_org(m, gaz) else m
            for m in names]
