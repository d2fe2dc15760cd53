"""The words of ``ontology/lang/<code>/relations/sector_phrases.txt`` by class, and what a word of a line of
business looks like: shared by :mod:`kg.extract.sectorphrase` (head-last phrases) and
:mod:`kg.extract.headfirst` (head-first ones).

>>> "head" in words_of("en")["maker"]
True
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from kg.extract.text import Token
from kg.resources import language_dir, read_lines

MAX_WORDS = 6  # a line of business is a short phrase


@functools.cache
def words_of(language: str) -> dict[str, frozenset[str]]:
    """Each listed word (lower case) with its classes ("head", "stop", "agent", ...)."""
    path = language_dir(language) / "relations" / "sector_phrases.txt"
    out: dict[str, set[str]] = {}
    for line in read_lines(path) if path.is_file() else []:
        word, _, cls = line.partition("\t")
        out.setdefault(word.strip().lower(), set()).add(cls.strip())
    return {w: frozenset(c) for w, c in out.items()}


def plain(t: Token) -> bool:
    """A lowercase word with no digit: a word a line of business is written in."""
    return t.is_word and not t.is_cap and not any(map(str.isdigit, t.text))  # map: no generator frame


def split_list(toks: Sequence[Token], a: int, b: int, language: str) -> list[tuple[int, int]]:
    """The lines of business of a list ``toks[a:b]`` under one head, each a mention of its own
    (docs/annotations.md, "Sector conventions settled"): split at "and" / "or" where every conjunct
    has as many words as the others ("mining and metals", "defence electronics and naval
    shipbuilding"); kept whole where they differ, since a word is then shared by the conjuncts ("ski and
    tennis equipment", "music recording and publishing"), and where the list is a term of the trade of
    class ``whole`` in ``sector_phrases.txt`` ("oil and gas", "pulp and paper").

    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("mining and metals group")
    >>> [" ".join(t.text for t in toks[i:j]) for i, j in split_list(toks, 0, 3, "en")]
    ['mining', 'metals']
    >>> split_list(tokenize("ski and tennis equipment"), 0, 4, "en")
    [(0, 4)]
    >>> split_list(tokenize("oil and gas"), 0, 3, "en")
    [(0, 3)]
    """
    words = words_of(language)
    cuts = [k for k in range(a + 1, b - 1) if toks[k].low in ("and", "or", "&")]
    if not cuts or "whole" in words.get(" ".join(t.low for t in toks[a:b]), ()):
        return [(a, b)]
    parts = list(zip([a, *(k + 1 for k in cuts)], [*cuts, b], strict=True))
    if len({j - i for i, j in parts}) > 1:
        return [(a, b)]
    return parts


def vague_alone(toks: Sequence[Token], a: int, b: int, language: str) -> bool:
    """Whether ``toks[a:b]`` is one word of class ``vague`` in ``sector_phrases.txt``: a word of kind
    that names no line of business on its own ("the state industrial company IRI", "its industrial
    units"), though it does inside a longer line ("industrial chemicals").

    >>> from kg.extract.text import tokenize
    >>> vague_alone(tokenize("industrial company"), 0, 1, "en"), vague_alone(tokenize("industrial gases"), 0, 2, "en")
    (True, False)
    """
    return b - a == 1 and "vague" in words_of(language).get(toks[a].low, ())
