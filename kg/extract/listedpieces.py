"""A list's one-word name that a capitalised word follows in a sentence-case sentence: a piece of a longer name.

"Fitch Ratings", "Samsung Mobile", "Grab Taksi", "Telkom Divre II": the lists know the first word, and the name
read is that word alone, a false company. Where the next word is capitalised, starts no other name and is none
of the words that follow a complete name, the piece is dropped, as :func:`kg.extract.cutshort.cut_short` drops
the tagger's pieces. A language opts in with ``cut_listed_names`` in its language.toml.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.extract.cutshort import cut_short
from kg.extract.edges import is_ordinary_word
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention
from kg.extract.text import Sentence

__all__ = ["without_listed_pieces"]


def without_listed_pieces(s: Sentence, names: Sequence[Mention], lex: Lexicon) -> list[Mention]:
    """``names`` without the one-word gazetteer names of ``s`` that are pieces of a longer name (module docstring).

    >>> from kg.extract.gazindex import gaz_index
    >>> from kg.extract.mentions import find_names
    >>> from kg.extract.text import split_sentences
    >>> from kg.extract.lexicon import load_lexicon
    >>> lex = load_lexicon("id")
    >>> s = split_sentences(t := "Mitra baru Grab Car dan Gojek bertemu .", [(0, len(t))], lex)[0]
    >>> [m.text for m in without_listed_pieces(s, find_names(s, lex, gaz_index("id")), lex)]
    ['Gojek']
    """
    if s.title_case or s.caseless or not lex.settings.get("cut_listed_names", False):
        return list(names)
    starts = {m.i for m in names}
    people = {m.i for m in names if m.type == "Person"}
    toks = s.tokens

    def piece(m: Mention) -> bool:
        # a word of the language after it is no name's ("BSI Kebanjiran Dana", "BCA Lewat!"): a headline's verb
        return (m.source == "gazetteer" and m.j - m.i == 1 and m.type == "Company" and m.j < len(toks)
                and not is_ordinary_word(toks[m.j].low, lex, borrowed=False)
                and cut_short(s, m.i, m.j, m.type, starts, lex, people))

    return [m for m in names if not piece(m)]
