"""The rest of a public body's name after its head word.

A court, commission or committee is often named with its district or its subject after the head word:
"U.S. District Court for the Southern District of New York", "Presidential Commission on Good
Government", "Select Committee on Trade and Industry". The tagger and the lists end the name at the
head word and read what follows as names of their own (a Place "New York", an Organization "Good
Government"); the whole is one organisation's name (docs/annotations.md: the span of the name). On the
English train split of kg's annotations all five such names were split so (ten false names, five missed).

The words are language data (``ontology/lang/<code>/language.toml``): ``body_heads`` (the head words),
``body_topic_joins`` (the word before a subject: "on") and ``body_district`` (the words of "for the
Southern District of X": the preposition, the article and the district word). A language without them
reads nothing here. Called by :func:`kg.extract.read` on each sentence's names.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import replace

from kg.extract.gazindex import GazIndex
from kg.extract.lexicon import Lexicon
from kg.extract.mentions import Mention, _name_mention
from kg.extract.text import Sentence, Token
from kg.extract.tokens import token_lows
from kg.readers._data import month_names, weekday_names

_MAX_WORDS = 6  # words of a subject or a district's place
_JOINERS = ("and", "&", "of")


@functools.cache
def _dates() -> frozenset[str]:
    """Month and weekday names: "the Supreme Court on Monday" names a date, no subject."""
    return frozenset(month_names()) | weekday_names()


def _cap_run(toks: Sequence[Token], k: int) -> int:
    """The end of the capitalised words from ``k`` on, "and"/"&"/"of" between two of them included."""
    j = k
    dates = _dates()
    while j < len(toks) and j - k < _MAX_WORDS and toks[j].low not in dates:
        if toks[j].is_cap or (j > k and toks[j].low in _JOINERS and j + 1 < len(toks) and toks[j + 1].is_cap):
            j += 1
        else:
            break
    return j


def body_end(toks: Sequence[Token], j: int, heads: frozenset[str], joins: frozenset[str],
             district: tuple[str, ...]) -> int:
    """Where a body's name that ends at ``j`` (its head word at ``j - 1``) really ends: after "on" and its
    capitalised subject, or after "for the [Southern] District of" and a capitalised place; else ``j``.

    >>> from kg.extract.text import tokenize
    >>> args = frozenset({"court", "commission"}), frozenset({"on"}), ("for", "the", "district", "of")
    >>> toks = tokenize("the District Court for the Southern District of New York denied it")
    >>> [t.text for t in toks[1:body_end(toks, 3, *args)]]
    ['District', 'Court', 'for', 'the', 'Southern', 'District', 'of', 'New', 'York']
    >>> toks = tokenize("the Commission on Good Government said")
    >>> [t.text for t in toks[1:body_end(toks, 2, *args)]]
    ['Commission', 'on', 'Good', 'Government']
    >>> body_end(tokenize("the Commission on Monday said"), 2, *args)
    2
    >>> toks = tokenize("a court for the case")
    >>> body_end(toks, 2, *args)
    2
    >>> args = frozenset({"court", "center"}), frozenset({"on", "for"}), ("for", "the", "district", "of")
    >>> toks = tokenize("the Jaffe Center for Strategic Studies said")
    >>> [t.text for t in toks[1:body_end(toks, 3, *args)]]
    ['Jaffe', 'Center', 'for', 'Strategic', 'Studies']
    >>> toks = tokenize("the District Court for the District of Columbia ruled")
    >>> [t.text for t in toks[1:body_end(toks, 3, *args)]]
    ['District', 'Court', 'for', 'the', 'District', 'of', 'Columbia']
    """
    if j == 0 or j >= len(toks) or toks[j - 1].low not in heads:
        return j
    if toks[j].low in joins:
        end = _cap_run(toks, j + 1)
        if end > j + 1:
            return end
        # "for" is a topic's join and the district's preposition: "Court for the Southern District of"
    prep, article, word, of = district
    if toks[j].low != prep or j + 1 >= len(toks) or toks[j + 1].low != article:
        return j
    k = j + 2
    # "for the District of", "for the Southern District of": at most one word before the district word
    for d in (k, k + 1):
        if (d + 2 < len(toks) and toks[d].low == word and toks[d].is_cap and toks[d + 1].low == of
                and all(t.is_cap for t in toks[k:d])):
            end = _cap_run(toks, d + 2)
            return end if end > d + 2 else j
    return j


def whole_bodies(s: Sentence, names: list[Mention], lex: Lexicon, gaz: GazIndex) -> list[Mention]:
    """``names`` with each organisation's name that ends in a body's head word extended over its district or
    subject (:func:`body_end`), and the names inside the extension dropped."""
    if "body_heads" not in lex.settings:
        return names
    heads, joins = lex.words("body_heads"), lex.words("body_topic_joins")
    words = lex.setting("body_district")
    assert isinstance(words, list) and len(words) == 4, words
    district = tuple(str(w).lower() for w in words)
    toks = s.tokens
    if heads.isdisjoint(token_lows(toks)):  # no head word: no name changes (most sentences)
        return sorted(names, key=lambda n: n.i)
    out = list(names)
    for m in names:
        if m.type != "Organization" or m not in out:
            continue
        # "the U.S. Supreme Court on Monday ruled": the tagger, unsure before a date, ends the name before
        # its capitalised head word, which no other name holds
        j = m.j
        if (j < len(toks) and toks[j].is_cap and toks[j].low in heads
                and not any(n.i <= j < n.j for n in out)):
            j += 1
        end = body_end(toks, j, heads, joins, district)
        if end == m.j:
            continue
        whole = replace(_name_mention(s, m.i, end, "Organization", gaz), source=m.source)
        out = [n for n in out if n is not m and not (n.i < end and m.i < n.j)] + [whole]
    return sorted(out, key=lambda n: n.i)
