"""A place where something happens or is held, not where an organisation is based: "the U.S. District Court in
Boston", "set up a branch in the Philippines", "offices located in Los Angeles", "shares moved higher in the U.S.",
"an HMO servicing Salem and Corvallis, Ore.".

The words before such a place are ``activity_places.txt`` in ``ontology/lang/<code>/`` (a language without the
file has none). With the out-of-fold relation models on kg's English train split, such places were the largest
group of the pair classifier's false based_in links left; the gold links no organisation to them. A ranking
("the largest bank in the U.S.") is the company's country (:mod:`kg.extract.ranked`) and is left alone.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from kg.resources import word_set
from kg.schema import ORG_TYPES, PLACE_TYPES, link_key

if TYPE_CHECKING:
    from kg.extract.found import Found
    from kg.extract.lexicon import Lexicon
    from kg.extract.mentions import Mention
    from kg.extract.text import Sentence

__all__ = ["activity_places", "governed_places", "without_activity_places"]

# Words between the phrase and the place ("a branch in the Philippines", "offices located in both Los Angeles").
_SKIPPED = frozenset({"the", "both"})
# Words joining the places of one list or address to the governed one ("Salem and Corvallis , Ore .").
_JOINS = frozenset({",", "and", "or", "&"})
# Tokens before the phrase searched for a rank word ("the largest center in the U.S."): a ranking names the base.
_RANK_REACH = 6


@functools.cache
def _phrases(code: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(line.split()) for line in word_set(code, "activity_places.txt"))


def _governed(s: Sentence, m: Mention, phrases: frozenset[tuple[str, ...]], ranks: frozenset[str]) -> bool:
    """The place ``m`` comes right after a phrase of ``phrases`` (determiners of :data:`_SKIPPED` between)
    and no rank word stands just before that phrase."""
    toks = s.tokens
    k = m.i
    while k > 0 and toks[k - 1].low in _SKIPPED:
        k -= 1
    for phrase in phrases:
        n = len(phrase)
        if k >= n and tuple(t.low for t in toks[k - n : k]) == phrase:
            return not any(t.low in ranks for t in toks[max(0, k - n - _RANK_REACH) : k - n])
    return False


def governed_places(s: Sentence, lex: Lexicon, ms: list[Mention]) -> list[Mention]:
    """The place mentions of ``ms`` governed by a phrase of ``activity_places.txt`` (:func:`_governed`), or
    listed or chained right after such a place ("servicing Salem and Corvallis, Ore.").

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.mentions import Mention
    >>> from kg.extract.text import Sentence, tokenize
    >>> text = "An HMO servicing Salem and Corvallis , Ore. , said Vexo of Boston ."
    >>> s = Sentence(0, 0, len(text), text, tuple(tokenize(text)))
    >>> places = [Mention(0, i, i + 1, 0, 0, w, "Place", w.lower(), w) for i, w in ((3, "Salem"),
    ...           (5, "Corvallis"), (7, "Ore."), (12, "Boston"))]
    >>> [m.text for m in governed_places(s, load_lexicon("en"), places)]
    ['Salem', 'Corvallis', 'Ore.']
    """
    phrases = _phrases(lex.code)
    places = sorted((m for m in ms if m.type in PLACE_TYPES and m.source != "coref"), key=lambda m: m.i)
    if not phrases or not places:
        return []
    ranks = lex.optional_words("rank_words")
    toks = s.tokens
    held: list[Mention] = []
    for m in places:
        last = held[-1] if held else None
        # a place joined to a governed one by a comma or "and" shares its governor
        joined = last is not None and 0 < m.i - last.j <= 2 and all(t.low in _JOINS for t in toks[last.j : m.i])
        if joined or _governed(s, m, phrases, ranks):
            held.append(m)
    return held


def activity_places(s: Sentence, lex: Lexicon, ms: list[Mention]) -> set[tuple[str, str, str]]:
    """based_in links the pair classifier must not add: from any organisation of the sentence to a place of
    :func:`governed_places` (the place's key, wherever else the sentence names it).

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.mentions import Mention
    >>> from kg.extract.text import Sentence, tokenize
    >>> text = "Vexo Inc sued Lumeo in federal court in Boston ."
    >>> s = Sentence(0, 0, len(text), text, tuple(tokenize(text)))
    >>> vexo = Mention(0, 0, 2, 0, 0, "Vexo Inc", "Company", "vexo", "Vexo Inc")
    >>> lumeo = Mention(0, 3, 4, 0, 0, "Lumeo", "Company", "lumeo", "Lumeo")
    >>> boston = Mention(0, 8, 9, 0, 0, "Boston", "Place", "boston", "Boston")
    >>> sorted(activity_places(s, load_lexicon("en"), [vexo, lumeo, boston]))
    [('based_in', 'lumeo', 'boston'), ('based_in', 'vexo', 'boston')]
    """
    held = {m.key for m in governed_places(s, lex, ms)}
    orgs = {m.key for m in ms if m.type in ORG_TYPES} if held else set()
    return {link_key("based_in", o, p) for p in held for o in orgs if o != p}


def without_activity_places(s: Sentence, lex: Lexicon, ms: list[Mention], found: list[Found]) -> list[Found]:
    """``found`` without its based_in links to a place mention of :func:`governed_places` (the rules' reading
    of "shares moved higher in the U.S. and Canada after TransCanada PipeLines Ltd made a bid")."""
    if not any(f.type == "based_in" for f in found):
        return found
    held = {(m.i, m.j) for m in governed_places(s, lex, ms)}
    return [f for f in found if f.type != "based_in" or (f.object.i, f.object.j) not in held]
