"""A head word that a place's name leaves out in lowercased text: "kota new york" names "new york".

The caseless tagger reads "kota" (city) into the place after it. The words are ``caseless_place_heads`` in
``ontology/lang/<code>/language.toml`` (a language without the key is left as it is); cased text keeps its
runs ("Kota Tarakan" is written both ways there).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.extract.gazindex import GazIndex
    from kg.extract.lexicon import Lexicon
    from kg.extract.mentions import Mention
    from kg.extract.text import Sentence

_PLACES = frozenset({"Place", "Country"})


def without_place_heads(s: Sentence, names: list[Mention], lex: Lexicon, gaz: GazIndex) -> list[Mention]:
    """``names`` with each place of a caseless sentence that opens with a head word of ``caseless_place_heads``
    (and goes on after it) starting after that word.

    >>> from kg.extract.gazindex import gaz_index
    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.mentions import _name_mention
    >>> from kg.extract.text import split_sentences
    >>> text = "contohnya ada di kota banjarnegara , jawa tengah ."
    >>> lex, gaz = load_lexicon("id"), gaz_index("id")
    >>> s = split_sentences(text, [(0, len(text))], lex)[0]
    >>> [m.text for m in without_place_heads(s, [_name_mention(s, 3, 5, "Place", gaz, "ner")], lex, gaz)]
    ['banjarnegara']
    """
    heads = lex.optional_words("caseless_place_heads")
    if not heads or not s.caseless:
        return names
    from kg.extract.mentions import _name_mention

    toks = s.tokens
    return [_name_mention(s, m.i + 1, m.j, m.type, gaz, m.source)
            if m.type in _PLACES and m.j - m.i >= 2 and toks[m.i].low in heads else m for m in names]
