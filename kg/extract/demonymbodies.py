"""A body named by its country's adjective and its head word: "the Angolan Government", "the Chinese Foreign
Ministry", "the Russian Statistics Committee".

The English tagger, trained on few such names, often leaves them out in a long sentence, and the lists read only
the adjective (a mention of the country). A capitalised run that opens with an adjective-only demonym
(``demonyms.txt`` less the forms that are a country's name too, "U.S.") and ends at a word of
``organization_words.txt`` ("government", "ministry", "committee") right before a word that is not capitalised
is one organisation's name. On CoNLL04 train, 13 of the 16 such runs are a gold organisation's whole name; the
other three are a body too ("Russian Defence Ministry 's"). Switched on by ``demonym_bodies`` (language.toml).
Called by :func:`kg.extract.read` on each sentence's names.
"""

from __future__ import annotations

from collections.abc import Sequence

from kg.extract.gazindex import GazIndex
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention, _name_mention
from kg.extract.text import Sentence, Token
from kg.resources import word_set

__all__ = ["demonym_bodies"]

# Most words of such a name ("British Civil Aviation Authority").
_MAX_WORDS = 5
# The names a run may swallow: the demonym's country and the tagger's piece of the body.
_SWALLOWED = frozenset({"Country", "Organization", "Company"})


def _body_end(toks: Sequence[Token], k: int, heads: frozenset[str]) -> int | None:
    """One past the head word of the capitalised run from ``toks[k]`` on, or None: the run must end at it."""
    j = k + 1
    while j < len(toks) and j - k < _MAX_WORDS and toks[j].is_word and toks[j].is_cap:
        j += 1
    if j - k < 2 or (j < len(toks) and toks[j].is_word and toks[j].is_cap):
        return None
    return j if toks[j - 1].low.strip(".") in heads else None


def demonym_bodies(s: Sentence, names: list[Mention], lex: Lexicon, gaz: GazIndex) -> list[Mention]:
    """``names`` with each "<demonym> ... <organisation word>" run read as one Organization, in place of the
    country and organisation names inside it; a run that a person, a place or a name crossing its edge
    touches is left as read.

    >>> from kg.extract.gazindex import gaz_index
    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import tokenize
    >>> text = "The treaty was approved by the Angolan Government on Monday ."
    >>> s = Sentence(0, 0, len(text), text, tuple(tokenize(text)))
    >>> [(m.text, m.type) for m in demonym_bodies(s, [], load_lexicon("en"), gaz_index("en"))]
    [('Angolan Government', 'Organization')]
    """
    if lex.settings.get("demonym_bodies", False) is not True:
        return names
    from kg.extract.venues import _adjectives_of

    adjectives = _adjectives_of(lex.code)
    toks = s.tokens
    starts = [k for k, t in enumerate(toks) if t.is_cap and t.low in adjectives]
    if not starts:
        return names
    heads = word_set(lex.code, "organization_words.txt")
    out = list(names)
    for k in starts:
        end = _body_end(toks, k, heads)
        if end is None:
            continue
        inside = [n for n in out if n.i < end and k < n.j]
        if any(n.i < k or n.j > end or n.type not in _SWALLOWED for n in inside):
            continue
        if any(n.i == k and n.j == end and n.type == "Organization" for n in inside):
            continue
        out = [n for n in out if n not in inside] + [_name_mention(s, k, end, "Organization", gaz, "pattern")]
    return sorted(out, key=lambda n: n.i)
