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
def _phrases(code: str) -> tuple[tuple[int, frozenset[tuple[str, ...]]], ...]:
    """The phrases of ``activity_places.txt`` by length, longest first (one lookup per length and place)."""
    phrases = [tuple(line.split()) for line in word_set(code, "activity_places.txt")]
    return tuple((n, frozenset(p for p in phrases if len(p) == n)) for n in sorted({len(p) for p in phrases},
                                                                                  reverse=True))


def _governed(s: Sentence, m: Mention, phrases: tuple[tuple[int, frozenset[tuple[str, ...]]], ...],
              ranks: frozenset[str]) -> int | None:
    """Where the phrase of ``phrases`` right before the place ``m`` starts (determiners of :data:`_SKIPPED`
    may stand between), or None: no such phrase, or a rank word stands just before it."""
    toks = s.tokens
    k = m.i
    while k > 0 and toks[k - 1].low in _SKIPPED:
        k -= 1
    for n, of_length in phrases:
        if k >= n and tuple(t.low for t in toks[k - n : k]) in of_length:
            ranked = any(t.low in ranks for t in toks[max(0, k - n - _RANK_REACH) : k - n])
            return None if ranked else k - n
    return None


def governed_places(s: Sentence, lex: Lexicon, ms: list[Mention]) -> list[tuple[Mention, int]]:
    """The place mentions of ``ms`` governed by a phrase of ``activity_places.txt`` (:func:`_governed`), or
    listed or chained right after such a place ("servicing Salem and Corvallis, Ore."), each with the token
    where its phrase starts.

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.mentions import Mention
    >>> from kg.extract.text import Sentence, tokenize
    >>> text = "An HMO servicing Salem and Corvallis , Ore. , said Vexo of Boston ."
    >>> s = Sentence(0, 0, len(text), text, tuple(tokenize(text)))
    >>> places = [Mention(0, i, i + 1, 0, 0, w, "Place", w.lower(), w) for i, w in ((3, "Salem"),
    ...           (5, "Corvallis"), (7, "Ore."), (12, "Boston"))]
    >>> [(m.text, k) for m, k in governed_places(s, load_lexicon("en"), places)]
    [('Salem', 2), ('Corvallis', 2), ('Ore.', 2)]
    """
    phrases = _phrases(lex.code)
    places = sorted((m for m in ms if m.type in PLACE_TYPES and m.source != "coref"), key=lambda m: m.i)
    if not phrases or not places:
        return []
    ranks = lex.optional_words("rank_words")
    toks = s.tokens
    held: list[tuple[Mention, int]] = []
    for m in places:
        last = held[-1] if held else None
        # a place joined to a governed one by a comma or "and" shares its governor
        if last is not None and 0 < m.i - last[0].j <= 2 and all(t.low in _JOINS for t in toks[last[0].j : m.i]):
            held.append((m, last[1]))
        elif (k := _governed(s, m, phrases, ranks)) is not None:
            held.append((m, k))
    return held


def _named(o: Mention, k: int) -> bool:
    """The phrase starting at token ``k`` is the end of the name ``o`` ("the Veterans Administration Center in
    Houston"): the place is that body's own."""
    return o.i <= k < o.j


def activity_places(s: Sentence, lex: Lexicon, ms: list[Mention]) -> set[tuple[str, str, str]]:
    """based_in links the pair classifier must not add: from any organisation of the sentence to a place of
    :func:`governed_places`, but for the body whose name the phrase ends ("Moscone Center in San Francisco").
    A place also named elsewhere in the sentence with no such phrase ("development in China ... plans for
    China") is kept.

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
    held = governed_places(s, lex, ms)
    if not held:
        return set()
    spans = {(m.i, m.j) for m, _ in held}
    free = {m.key for m in ms if m.type in PLACE_TYPES and m.source != "coref" and (m.i, m.j) not in spans}
    orgs = [m for m in ms if m.type in ORG_TYPES]
    return {link_key("based_in", o.key, m.key) for m, k in held if m.key not in free
            for o in orgs if o.key != m.key and not _named(o, k)}


def without_activity_places(s: Sentence, lex: Lexicon, ms: list[Mention], found: list[Found]) -> list[Found]:
    """``found`` without its based_in links to a place mention of :func:`governed_places` (the rules' reading
    of "shares moved higher in the U.S. and Canada after TransCanada PipeLines Ltd made a bid"), but for the
    body whose name the phrase ends."""
    if not any(f.type == "based_in" for f in found):
        return found
    held = {(m.i, m.j): k for m, k in governed_places(s, lex, ms)}

    def kept(f: Found) -> bool:
        if f.type != "based_in":
            return True
        k = held.get((f.object.i, f.object.j))
        return k is None or _named(f.subject, k)

    return [f for f in found if kept(f)]
