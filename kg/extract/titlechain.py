"""Job titles joined into one chain: "X, wakil presiden dan analis industri di NPD Group", "X, founder &
chief community officer Kaskus", "X -- mitra pendiri, wakil presiden, dan kepala desain industri Xiaomi".

Each title of such a chain is its own works_for cue, and none of them has both parties within reach: the
holder stands before the first title and the employer after the last. :func:`title_chain` widens the last
title's cue over the titles joined before it (by ``title_chain_joiners``, language.toml), so the job reads
as one title. The caller (:func:`kg.extract.relations.find_relations`) asks only when the cue alone gave no
job. A language with no joiners (English) reads no chains.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.extract.found import Hit
from kg.extract.lexicon import Lexicon
from kg.extract.text import Sentence


def title_chain(s: Sentence, lex: Lexicon, hits: Sequence[Hit], h: Hit) -> Hit | None:
    """The works_for cue ``h`` widened to the start of the job titles joined right before it, each joined
    to the next by ``title_chain_joiners`` (language.toml) alone; None when no title is joined before it.

    >>> from kg.extract.cueparties import find_cues
    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> text = "Budi , wakil presiden dan analis industri di Lumeo"
    >>> s = Sentence(0, 0, len(text), text, tuple(tokenize(text)))
    >>> lex = load_lexicon("id")
    >>> hits = find_cues(s, lex)
    >>> h = next(c for c in hits if c.cue.relation == "works_for" and s.tokens[c.i].low == "analis")
    >>> w = title_chain(s, lex, hits, h)
    >>> [t.text for t in s.tokens[w.i : w.j]]
    ['wakil', 'presiden', 'dan', 'analis']
    >>> title_chain(s, load_lexicon("en"), find_cues(s, load_lexicon("en")), h) is None
    True
    """
    joiners = lex.words("title_chain_joiners")
    if not joiners:
        return None
    toks = s.tokens
    titles = [o for o in hits if o.cue.relation == "works_for" and o.j < h.i]
    start = h.i
    while True:
        # the nearest title ending before ``start`` with only joiners between (the longest of those ending
        # there: "wakil presiden", not "presiden")
        before = [o for o in titles if o.j < start and all(t.low in joiners for t in toks[o.j : start])]
        if not before:
            break
        end = max(o.j for o in before)
        start = min(o.i for o in before if o.j == end)
    return Hit(start, h.j, h.cue) if start < h.i else None
