"""A post held in the past: "X was president of Y", "where he served as chief executive".

A works_for relation whose title follows a past verb of being or serving ("was", "served as",
"worked at"; ``ontology/lang/<code>/status/past_post.txt``) between the person and the title names
a post held before and now left: the annotations read it as ended ("Mr. Magerman was the President and
CEO of Quickie", "Manhattan Bank, where he was executive vice president"). "X was named chairman"
(a word ending in -ed before the title) is a post taken, and an employer named before the verb ("Prior
to joining Infront, X was vice president at Sportfive") is not the one the verb speaks of.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from kg.resources import language_dir, read_lines

if TYPE_CHECKING:
    from kg.extract.text import Token

_REACH = 3  # words between the verb and the title ("was the President", "served as executive vice")


@functools.cache
def _phrases(language: str) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The verbs of the file by their first word (one look-up per word)."""
    path = language_dir(language) / "status" / "past_post.txt"
    out: dict[str, list[tuple[str, ...]]] = {}
    for line in read_lines(path) if path.is_file() else []:
        words = tuple(line.lower().split())
        out.setdefault(words[0], []).append(words)
    return {w: tuple(sorted(v)) for w, v in out.items()}


def held_before(tokens: Sequence[Token], language: str, anchor: tuple[int, int],
                parties: Sequence[tuple[int, int]], lo: int) -> bool:
    """Whether the post (person ``parties[0]``, employer ``parties[1]``) whose title starts at ``anchor``
    follows a past verb of holding it.

    >>> from kg.extract.text import tokenize
    >>> toks = tokenize("Ana Diaz was the chief executive of Talon Ports")
    >>> held_before(toks, "en", (4, 6), [(0, 2), (7, 9)], 0)
    True
    >>> toks = tokenize("Ana Diaz was named chief executive of Talon Ports")
    >>> held_before(toks, "en", (4, 6), [(0, 2), (7, 9)], 0)
    False
    """
    phrases = _phrases(language)
    if not phrases or len(parties) != 2:
        return False
    person, employer = parties
    ai = anchor[0]
    for k in range(max(lo, person[1]), ai):
        for p in phrases.get(tokens[k].low, ()):
            j = k + len(p)
            if j > ai or tuple(t.low for t in tokens[k:j]) != p:
                continue
            if ai - j <= _REACH and employer[0] >= j and not any(
                    t.low.endswith("ed") for t in tokens[j:ai]):
                return True
    return False
