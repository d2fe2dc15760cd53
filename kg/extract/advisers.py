"""Advisers named in a sentence: a firm that advises on a deal is no party of it.

"GenCorp plans to use First Boston Corp and Kidder, Peabody and Co as financial advisers on a tender
offer", "Purolator's adviser, Dillon, Read and Co", "Salomon Brothers Inc, Emery's financial advisor":
the annotations (docs/annotations.md) link an adviser to its client by supply, never by acquisition,
investment or partnership. The words are language data (``adviser_words`` in ``language.toml``).
"""

from __future__ import annotations

import operator
from collections.abc import Sequence

from kg.extract.found import Found
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention
from kg.extract.text import Sentence

__all__ = ["DEALS", "adviser_spans", "without_adviser_deals"]

#: The relations an adviser takes no part in.
DEALS = frozenset({"acquisition", "investment", "partnership"})
# Lowercase words allowed between "as" or an apposition's comma and the adviser word ("as its financial
# advisers", ", Emery's financial advisor"): at most this many.
_MODIFIERS = 3
_LOW = operator.attrgetter("low")


def _describes(toks: Sequence, k: int, words: frozenset[str]) -> bool:
    """Whether an adviser word follows token ``k`` after at most :data:`_MODIFIERS` lowercase words or
    possessives ("its financial advisers", "Emery 's financial advisor")."""
    for n in range(k, min(k + _MODIFIERS + 3, len(toks))):
        low = toks[n].low
        if low in words:
            return True
        if low not in ("'s", "'") and (not toks[n].is_word or (
                toks[n].is_cap and n + 1 < len(toks) and toks[n + 1].low not in ("'s", "'"))):
            return False
    return False


def _owned(toks: Sequence, k: int) -> bool:
    """Whether the phrase at ``k`` names whose it is: a possessive within three tokens, or "its", "their"."""
    return any(t.low in ("'s", "'", "its", "their") for t in toks[k:k + 3])


def adviser_spans(s: Sentence, lex: Lexicon, ms: Sequence[Mention]) -> set[tuple[int, int]]:
    """The token spans of the mentions ``ms`` of ``s`` named as advisers: followed by "as ... adviser(s)"
    (through a list of names joined by "and" or commas), followed by an apposition ", (X's) adviser",
    or right after "adviser(s)" (and a comma).

    >>> from kg.extract.lexicon import load_lexicon
    >>> from kg.extract.text import split_sentences
    >>> from types import SimpleNamespace as NS
    >>> lex = load_lexicon("en")
    >>> text = "GenCorp plans to use Brell Corp and Kidder, Peabody and Co as financial advisers on an offer."
    >>> s = split_sentences(text, [(0, len(text))], lex)[0]
    >>> sorted(adviser_spans(s, lex, [NS(i=0, j=1), NS(i=4, j=6), NS(i=7, j=12)]))
    [(4, 6), (7, 12)]
    >>> text = "Hutton met Purolator's adviser, Dillon, Read and Co."
    >>> s = split_sentences(text, [(0, len(text))], lex)[0]
    >>> sorted(adviser_spans(s, lex, [NS(i=0, j=1), NS(i=2, j=3), NS(i=6, j=11)]))
    [(6, 11)]
    """
    if "adviser_words" not in lex.settings:
        return set()
    words = lex.words("adviser_words")
    toks = s.tokens
    if words.isdisjoint(map(_LOW, toks)):  # (C-level: no generator step per token)
        return set()
    out: set[tuple[int, int]] = set()
    ordered = sorted(ms, key=lambda m: m.i)
    starts = {m.i: m for m in ordered}
    for m in ordered:
        k = m.j
        while k < len(toks) and toks[k].low in ("and", ",") and k + 1 in starts:
            k = starts[k + 1].j  # "Brell Corp and Kidder, Peabody and Co as ...": through the list
        # after a comma only a client's adviser ("X, Emery's financial advisor", "X, its adviser"): "X, an
        # investment adviser, raised its stake" says what X is, and such a firm invests
        if (k < len(toks) and toks[k].low == "as" and _describes(toks, k + 1, words)) or \
                (m.j < len(toks) and toks[m.j].text == "," and _owned(toks, m.j + 1) and \
                _describes(toks, m.j + 1, words)):
            out.add((m.i, m.j))
            continue
        b = m.i - 1
        if b >= 0 and toks[b].text == ",":
            b -= 1
        if b >= 0 and toks[b].low in words:
            out.add((m.i, m.j))
    return out


def without_adviser_deals(s: Sentence, lex: Lexicon, ms: Sequence[Mention], found: list[Found]) -> list[Found]:
    """``found`` without the :data:`DEALS` relations of ``s`` that have an adviser (:func:`adviser_spans`)
    as a party."""
    if not any(f.type in DEALS for f in found):
        return found
    advisers = adviser_spans(s, lex, ms)
    if not advisers:
        return found
    # by entity, not span: "a tender offer for the company" may stand for the adviser (kg.extract.coref)
    keys = {m.key for m in ms if (m.i, m.j) in advisers}
    return [f for f in found if f.type not in DEALS or not (f.subject.key in keys or f.object.key in keys)]
