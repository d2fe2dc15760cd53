"""A name that a citation verb introduces is a news outlet, a company: "dikutip the telegraph", "dilansir dari
Reuters", "mengutip Bloomberg".

The caseless tagger reads brands, media and clubs as one class, which kg types Product (``caseless_brands``,
``ontology/lang/id/language.toml``); after a citation verb such a run is the source the reporter quotes. The
verbs are data: ``outlet_cues`` in ``ontology/lang/<code>/language.toml`` (words right before the name, or
before ``outlet_cue_fillers`` such as "dari"). Out of fold on the Indonesian train split (scripts/cv_hybrid.py),
the 19 names right after "dikutip", "dilansir", "mengutip" or "melansir" are all gold Companies; kg typed 18 of
them Company and 1 Product ("dikutip the telegraph"). Only a Product is retyped: a person or a place quoted
("mengutip Jokowi") keeps its type.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kg.extract.mentions import Mention, _name_mention

if TYPE_CHECKING:
    from kg.extract.gazindex import GazIndex
    from kg.extract.lexicon import Lexicon
    from kg.extract.text import Sentence


def cited(s: Sentence, m: Mention, lex: Lexicon) -> bool:
    """Whether a citation verb of ``outlet_cues`` stands right before ``m``, maybe with a filler word of
    ``outlet_cue_fillers`` between ("dilansir dari").

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import split_sentences
    >>> lex = load_lexicon("id")
    >>> text = "sebagaimana dikutip dari the telegraph ."
    >>> s = split_sentences(text, [(0, len(text))], lex)[0]
    >>> m = Mention(0, 3, 5, 21, 34, "the telegraph", "Product", "the-telegraph", "the telegraph", "ner")
    >>> cited(s, m, lex)
    True
    """
    cues = lex.optional_words("outlet_cues")
    if not cues:
        return False
    toks = s.tokens
    k = m.i - 1
    if k >= 0 and toks[k].low in lex.optional_words("outlet_cue_fillers"):
        k -= 1
    return k >= 0 and toks[k].low in cues


def cited_outlets(s: Sentence, names: list[Mention], lex: Lexicon, gaz: GazIndex) -> list[Mention]:
    """``names`` with each Product that a citation verb introduces (:func:`cited`) typed Company. Off unless
    the language lists ``outlet_cues``."""
    if not lex.optional_words("outlet_cues"):
        return names
    return [_name_mention(s, m.i, m.j, "Company", gaz, m.source) if m.type == "Product" and cited(s, m, lex)
            else m for m in names]
