"""A change of owner: a completed purchase ends the seller's link without any ending cue word.

"Acme acquired Lumeo from Zeta", "Acme acquired Lumeo, a subsidiary of Zeta", "Zeta sold the Lumeo
division to Acme": Lumeo was Zeta's and is no more, so the annotations read ``subsidiary_of`` Lumeo ->
Zeta (and an ``investment`` Zeta -> Lumeo) as ended. The words are data
(``ontology/lang/<code>/status/handover.txt``); a language without the file reads no change of owner.
:func:`kg.extract.statusrules.rule_status` reads it only when the clause holds no plan, rumour or denial
("agreed to buy Lumeo from Zeta": Zeta still owns it).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.extract.found import outer_hits
from kg.extract.tokens import POSSESSIVE
from kg.resources import phrase_classes

if TYPE_CHECKING:
    from kg.extract.found import Hit
    from kg.extract.text import Token

# relation type -> (index of the owned party, index of the owner) in its (subject, object) parties
OWNERSHIP = {"subsidiary_of": (0, 1), "investment": (1, 0)}
_GAP = 5  # words between the purchase or sale word and the owned party ("the Golden Nugget", "its Huron")
_OF = POSSESSIVE  # "purchased Lumeo 's line of products": a part of it was bought
_UNSURE = frozenset({"denied", "rumored", "planned"})  # a change of owner only in a clause without these
_SKIP = frozenset({"<", "(", "the"})  # between "from" and the owner's name ("from < Victor Federal >")


@functools.cache
def _words(language: str) -> dict[tuple[str, ...], str]:
    return phrase_classes(language, "status/handover.txt")


@functools.cache
def _by_first(language: str) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
    """The entries by their first word, the longest first (one look-up per token of a clause)."""
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for k, cls in _words(language).items():
        out.setdefault(k[0], []).append((k, cls))
    return {w: tuple(sorted(v, key=lambda e: (-len(e[0]), e[0]))) for w, v in out.items()}


def _marks(tokens: Sequence[Token], lo: int, hi: int, language: str) -> list[tuple[int, int, str]]:
    """(start, end, class) of every entry of the language's words in ``lo:hi``, the longest at each start."""
    first = _by_first(language)
    out = []
    for i in range(lo, hi):
        for k, cls in first.get(tokens[i].low, ()):
            j = i + len(k)
            if j <= hi and all(tokens[i + n].low == w for n, w in enumerate(k)):
                out.append((i, j, cls))
                break
    return out


def changed_hands(tokens: Sequence[Token], language: str, relation: str, parties: Sequence[tuple[int, int]],
                  lo: int, hi: int) -> bool:
    """Whether the clause ``lo:hi`` reports the owned party of an ownership relation (``subsidiary_of``
    or ``investment`` between ``parties``, subject first) bought by someone other than its owner, or
    sold by its owner. A stake (``investment``) changes hands only when bought "from" its holder (buying
    a stake says nothing of the other holders), and buying something of the owned party ("Lumeo's line
    of products") is no change of its owner.

    >>> from kg.extract.text import tokenize
    >>> def read(text, relation, a, b):
    ...     toks = tokenize(text)
    ...     return changed_hands(toks, "en", relation, [a, b], 0, len(toks))
    >>> read("Acme said it acquired Lumeo from Zeta", "subsidiary_of", (4, 5), (6, 7))
    True
    >>> read("Acme acquired Lumeo , a subsidiary of Zeta", "subsidiary_of", (2, 3), (7, 8))
    True
    >>> read("Zeta sold the Lumeo division to Acme", "subsidiary_of", (3, 4), (0, 1))
    True
    >>> read("Zeta acquired Lumeo", "subsidiary_of", (2, 3), (0, 1))  # the buyer owns it now
    False
    >>> read("Lumeo was acquired by Zeta 's Orbo unit", "subsidiary_of", (6, 7), (4, 5))
    False
    >>> read("Acme acquired a 7 pct stake in Lumeo , controlled by Zeta", "investment", (9, 10), (6, 7))
    False
    >>> read("Acme bought a stake in Lumeo from Zeta", "investment", (7, 8), (5, 6))
    True
    >>> read("Acme bought Zeta 's Lumeo 's line of products", "subsidiary_of", (4, 5), (2, 3))
    False
    >>> read("the acquisition of Lumeo by Zeta", "subsidiary_of", (3, 4), (5, 6))
    False
    """
    roles = OWNERSHIP.get(relation)
    words = _words(language)
    if roles is None or len(parties) != 2 or not words:
        return False
    owned, owner = parties[roles[0]], parties[roles[1]]
    direct = relation != "investment"  # "acquired a 7 pct stake in Lumeo" ends no other holder's stake
    marks = _marks(tokens, lo, hi, language)
    froms = [i for i, _, cls in marks if cls == "from"]
    k = owner[0] - 1
    while k > lo and tokens[k].low in _SKIP:
        k -= 1
    if words.get((tokens[k].low,)) == "by":
        return False  # "the acquisition of Lumeo by Zeta": Zeta is the buyer and owns it now
    for i, j, cls in marks:
        if cls == "sold":
            if owner[1] <= i and 0 <= owned[0] - j <= _GAP:
                return True
            continue
        if cls != "bought" or owner[0] < i or (j < hi and words.get((tokens[j].low,)) == "by"):
            continue  # the owner bought it (it owns it now), or the buyer is named after "by"
        if direct and 0 <= owned[0] - j <= _GAP and not (owned[1] < len(tokens) and tokens[owned[1]].low in _OF):
            return True
        if i < k and k in froms:
            return True
    return False


def sold_to(tokens: Sequence[Token], language: str, i: int, parties: Sequence[tuple[int, int]], hi: int) -> bool:
    """Whether one of ``parties`` is the buyer in a sale whose cue ends at token ``i``: it follows a "to"
    (class ``to`` of the language's words) after the cue, in the clause ending at ``hi``. The sale ends
    the seller's links, not the buyer's ("sold its stake in Lumeo to Acme": Acme's stake begins).

    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("Zeta sold its stake in Lumeo to < Acme >")
    >>> sold_to(toks, "en", 3, [(5, 6), (8, 9)], len(toks)), sold_to(toks, "en", 3, [(0, 1), (5, 6)], len(toks))
    (True, False)
    """
    for _s, e, cls in _marks(tokens, i, hi, language):
        if cls != "to":
            continue
        k = e
        while k < hi and tokens[k].low in _SKIP:
            k += 1
        if any(p[0] == k for p in parties):
            return True
    return False


def handed_over(tokens: Sequence[Token], language: str, hits: Sequence[Hit], relation: str,
                parties: Sequence[tuple[int, int]], lo: int, hi: int) -> bool:
    """:func:`changed_hands`, in a clause ``lo:hi`` whose status cues (``hits``) hold no plan, rumour or
    denial ("agreed to buy Lumeo from Zeta": Zeta still owns it; a cue flagged ``next`` or ``not=`` the
    relation's type says nothing here).

    >>> from kg.extract.cueparties import find_cues
    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import Sentence, tokenize
    >>> def read(text):
    ...     toks = tokenize(text)
    ...     hits = find_cues(Sentence(0, 0, len(text), text, toks), load_lexicon("en"))
    ...     a, b = (next(k for k, t in enumerate(toks) if t.text == w) for w in ("Lumeo", "Zeta"))
    ...     return handed_over(toks, "en", hits, "subsidiary_of", [(a, a + 1), (b, b + 1)], 0, len(toks))
    >>> read("Acme bought Lumeo from Zeta"), read("Acme plans to buy Lumeo from Zeta")
    (True, False)
    """
    return changed_hands(tokens, language, relation, parties, lo, hi) and not any(
        o.cue.status in _UNSURE and lo <= o.i < hi and o.cue.scope != "next" and relation not in o.cue.not_for
        for o in outer_hits(hits))
