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
    if m.type != "Product" or m.j - m.i < 3:
        return False
    rest = toks[m.i + 1 : m.j]
    if not rest[0].text.isalpha() or not any(ch.isdigit() for t in rest for ch in t.text):
        return False
    known = gaz.lookup_name(toks[m.i].text)
    return known is not None and known.type == "Company"


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
    return out
